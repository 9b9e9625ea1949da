"""The words dates are made of, as regex fragments and lookup tables.

Kept apart from the rules so the rules read like a grammar and the tables can grow without touching them.
"""

from __future__ import annotations

import re

from models.ingest.dates import FOREIGN_MONTHS as FOREIGN_MONTHS  # other languages: read in a date line too

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W2", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "millennium": "ML",
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "a": 1, "an": 1, "single": 1, "dozen": 12, "couple": 2,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "final": 4, "last": 4,
}

# Modifiers written before an expression, with the TIMEX3 mod they carry.
MOD_WORDS = {
    "early": "START", "the early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "dawn": "START", "first part": "START", "early part": "START", "opening": "START",
    "mid": "MID", "middle": "MID", "the mid": "MID", "the middle": "MID",
    "late": "END", "the late": "END", "later": "END", "end": "END", "close": "END", "last part": "END",
    "latter part": "END", "turn": "END",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
}


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


FOREIGN_MONTH = "(?i:" + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True)) + ")"
B = r"(?<![\w'’-])"  # left word boundary that also refuses the inside of a hyphenated or quoted word
E = r"(?![\w-])"  # right word boundary
SP = r"[^\S\n]+"  # blanks inside a block (a block never spans a newline)
OSP = r"[^\S\n]*"

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_CAPS = "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|{MONTH_CAPS})"
# The seven days written in full, as a list heading or a live entry writes them ("Monday: …").
FULL_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
# A year of any century since 1000 where the words around it say it is one: after a month's name ("May 29, 1453",
# "March 1066") or a preposition of time ("in 1452 he builds"). Alone, a number of that size is as often a count.
YEAR_OF_A_DATE = r"(?:1\d\d\d|20\d\d)"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"

_NUM_SIMPLE = _alt([w for w in NUMBER_WORDS if w not in ("a", "an", "single", "dozen", "couple")])
# Bounded: an open chain backtracks quadratically. "two hundred and fifty": "and" only after a hundred or a thousand
# ("two and three years" are two numbers).
NUMWORD = rf"(?:{_NUM_SIMPLE})(?:(?:[- ]|(?<=hundred) and |(?<=thousand) and )(?:{_NUM_SIMPLE})){{0,5}}"
NUMBER = (
    rf"(?i:\d+(?:[.,]\d+)?(?:½)?|{NUMWORD}(?:{SP}and{SP}a{SP}half)?|a{SP}dozen|a{SP}couple{SP}of|a{SP}couple|"
    rf"a{SP}few|a|an|a{SP}single|several|many|few|dozens{SP}of|hundreds{SP}of|thousands{SP}of|"
    rf"a{SP}half|half{SP}a|half{SP}an|a{SP}number{SP}of)"
)
UNIT = (
    r"(?i:seconds|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters|years?|decades?|century|"
    r"centuries|millennium|millennia)"
)
UNIT_ADJ = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century)"


def number_value(text: str) -> float | None:
    """The number a quantity phrase stands for; ``None`` for vague ones ("several", "a few")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    if t.endswith("½"):
        half, t = 0.5, t[:-1]
    if t in ("a half", "half a", "half an"):
        return 0.5
    if t in ("a couple", "a couple of"):
        return 2 + half
    if t == "a dozen":
        return 12
    if t in ("a single",):
        return 1
    try:
        return float(t.replace(",", "")) + half
    except ValueError:
        pass
    total = 0
    current = 0
    parts = [p for p in re.split(r"[- ]", t) if p != "and"]  # "two hundred and fifty"
    if not parts or any(p not in NUMBER_WORDS for p in parts):
        return None
    for p in parts:
        n = NUMBER_WORDS[p]
        if n == 100:
            current = max(current, 1) * 100
        elif n == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += n
    total += current
    return total + half


def unit_of(word: str) -> str:
    """Canonical singular unit name of ``years``, ``centuries``, ``day`` ..."""
    w = word.lower()
    if w in UNIT_PLURALS:
        return UNIT_PLURALS[w]
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return w


def _numbered(words: str, first: int = 1) -> dict[str, int]:
    """"a b|c d" -> {"a": 1, "b": 2, "c": 2, "d": 3}: space-separated names in order, "|" between spellings of one."""
    return {spelling: n for n, names in enumerate(words.split(), first) for spelling in names.split("|")}


# The days around the article, the weekdays and the months in the other languages of the Latin alphabet Newsdesk
# reads names in (:mod:`models.analysis.language`), each read in a text of its own language only: "hier" is Dutch
# for "here", "Morgen" German for "morning", "minggu" Indonesian for "week".
FOREIGN_DAYWORDS: dict[str, dict[str, int]] = {
    "pt": {"anteontem": -2, "ontem": -1, "hoje": 0, "amanhã": 1, "depois de amanhã": 2},
    "es": {"anteayer": -2, "antier": -2, "ayer": -1, "hoy": 0, "mañana": 1, "pasado mañana": 2},
    "fr": {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2},
    "it": {"l'altro ieri": -2, "l’altro ieri": -2, "ieri": -1, "oggi": 0, "domani": 1, "dopodomani": 2},
    "de": {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
    "nl": {"eergisteren": -2, "gisteren": -1, "vandaag": 0, "morgen": 1, "overmorgen": 2},
    "id": {"kemarin": -1, "hari ini": 0, "besok": 1},
}
# "Nowadays": the present in general, no day (PRESENT_REF, as "nowadays" in English).
FOREIGN_NOWADAYS: dict[str, frozenset[str]] = {
    "pt": frozenset({"hoje em dia", "hoje dia", "atualmente"}),
    "es": frozenset({"hoy en día", "hoy día", "actualmente"}),
    "fr": frozenset({"de nos jours", "actuellement"}),
    "it": frozenset({"al giorno d'oggi", "al giorno d’oggi", "oggigiorno", "attualmente"}),
    "de": frozenset({"heutzutage", "derzeit", "zurzeit"}), "nl": frozenset({"tegenwoordig", "momenteel"}),
    "id": frozenset({"dewasa ini", "saat ini"}),
}
FOREIGN_WEEKDAYS: dict[str, dict[str, int]] = {
    "pt": _numbered("segunda-feira terça-feira|terca-feira quarta-feira quinta-feira sexta-feira sábado|sabado "
                    "domingo"),
    "es": _numbered("lunes martes miércoles|miercoles jueves viernes sábado|sabado domingo"),
    "fr": _numbered("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    "it": _numbered("lunedì|lunedi martedì|martedi mercoledì|mercoledi giovedì|giovedi venerdì|venerdi sabato "
                    "domenica"),
    "de": _numbered("montag dienstag mittwoch donnerstag freitag samstag|sonnabend sonntag"),
    "nl": _numbered("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"),
    "id": _numbered("senin selasa rabu kamis jumat|jum'at sabtu minggu"),
}
FOREIGN_MONTHS_OF: dict[str, dict[str, int]] = {
    "pt": _numbered("janeiro fevereiro março|marco abril maio junho julho agosto setembro outubro novembro dezembro"),
    "es": _numbered("enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre "
                    "diciembre"),
    "fr": _numbered("janvier février|fevrier mars avril mai juin juillet août|aout septembre octobre novembre "
                    "décembre|decembre"),
    "it": _numbered("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    "de": _numbered("januar|jänner februar märz april mai juni juli august september oktober november dezember"),
    "nl": _numbered("januari februari maart april mei juni juli augustus september oktober november december"),
    "id": _numbered("januari februari maret april mei juni juli agustus september oktober november|nopember "
                    "desember"),
}
# Languages that write weekdays and months with a capital (German nouns, Indonesian names of days and months).
CAPITALISED_CALENDAR = frozenset({"de", "id"})
# "na próxima semana", "l'année dernière", "letztes Jahr", "vorig jaar", "tahun lalu": a week, month or year counted
# from the article's, by a word before the unit or after it.
FOREIGN_UNITS: dict[str, dict[str, str]] = {
    "pt": {"semana": "week", "mês": "month", "mes": "month", "ano": "year"},
    "es": {"semana": "week", "mes": "month", "año": "year"},
    "fr": {"semaine": "week", "mois": "month", "année": "year", "an": "year"},
    "it": {"settimana": "week", "mese": "month", "anno": "year"},
    "de": {"woche": "week", "monat": "month", "jahr": "year"},
    "nl": {"week": "week", "maand": "month", "jaar": "year"},
    "id": {"minggu": "week", "pekan": "week", "bulan": "month", "tahun": "year"},
}
FOREIGN_REL_BEFORE: dict[str, dict[str, int]] = {
    "pt": {"próxima": 1, "próximo": 1, "proxima": 1, "proximo": 1, "esta": 0, "este": 0},
    "es": {"próxima": 1, "próximo": 1, "proxima": 1, "proximo": 1, "esta": 0, "este": 0},
    "fr": {"cette": 0, "cet": 0, "ce": 0},
    "it": {"questa": 0, "questo": 0, "prossima": 1, "prossimo": 1, "scorsa": -1, "scorso": -1},
    "de": {**dict.fromkeys(("letzte", "letzten", "letztes", "vergangene", "vergangenen", "vergangenes", "vorige",
                            "vorigen", "voriges"), -1),
           **dict.fromkeys(("nächste", "nächsten", "nächstes", "kommende", "kommenden", "kommendes"), 1),
           **dict.fromkeys(("diese", "diesen", "dieses", "diesem"), 0)},
    "nl": {"vorige": -1, "vorig": -1, "afgelopen": -1, "volgende": 1, "volgend": 1, "komende": 1, "deze": 0,
           "dit": 0},
    "id": {},
}
FOREIGN_REL_AFTER: dict[str, dict[str, int]] = {
    "pt": {"passada": -1, "passado": -1, "que vem": 1},
    "es": {"pasada": -1, "pasado": -1, "próxima": 1, "próximo": 1, "que viene": 1},
    "fr": {"dernière": -1, "dernier": -1, "prochaine": 1, "prochain": 1},
    "it": {"scorsa": -1, "scorso": -1, "prossima": 1, "prossimo": 1},
    "de": {},
    "nl": {},
    "id": {"lalu": -1, "depan": 1, "ini": 0},
}
