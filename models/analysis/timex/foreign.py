"""Dates written in the other languages of the Latin alphabet Newsdesk reads names in: the days around the article
("ontem", "hier", "gestern", "kemarin"), the week, month or year before or after the article's ("no ano passado",
"letztes Jahr"), weekdays ("na segunda-feira", "am Montag") and months without a year ("em abril", "12 mars"). Full
dates ("22 de outubro de 2010") are read in any text by :mod:`.patterns`.

A word is read only in a text of its own language (``Context.language``): "hier" is Dutch for "here", "Morgen"
German for "morning", "minggu" Indonesian for "week". There is no grammar of those languages here, so no tense: a
weekday is the most recent one (news reports what happened) unless a word beside it says next or last, and a month
without a year the nearest one to the article (the coming one in a sentence that looks ahead: "voltará em abril"),
unless a heading or a sentence names its year (:mod:`.yearless`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from datetime import date, timedelta
from typing import TypeVar

from models.analysis.timex import anchoring
from models.analysis.timex.arithmetic import fmt, shift
from models.analysis.timex.lexicon import (
    CAPITALISED_CALENDAR,
    FOREIGN_DAYWORDS,
    FOREIGN_MONTHS_OF,
    FOREIGN_NOWADAYS,
    FOREIGN_REL_AFTER,
    FOREIGN_REL_BEFORE,
    FOREIGN_UNITS,
    FOREIGN_WEEKDAYS,
)
from models.analysis.timex.patterns import Candidate
from models.analysis.timex.resolution import Resolver, Value
from models.analysis.timex.tense import Direction
from models.analysis.timex.yearless import yearless

T = TypeVar("T")
RULES = frozenset({"intl_day", "intl_now", "intl_weekday", "intl_month", "intl_period"})

# Words before "mañana" / "morgen" that make it the morning, not tomorrow ("esta mañana", "por la mañana", "de
# morgen", "'s morgens" is another word).
_MORNING_BEFORE = frozenset({"la", "esta", "una", "cada", "media", "toda", "de", "deze", "elke", "die", "den", "am",
                             "jeden", "guten"})
# Words before a weekday that make it any such day: Italian and French write the habitual day with its article ("il
# venerdì", "le lundi"; the day of a report without one), the others with "every".
_EVERY_BEFORE = {"it": frozenset({"il", "ogni"}), "fr": frozenset({"le", "chaque", "tous", "les"}),
                 "es": frozenset({"cada", "todos", "los"}), "pt": frozenset({"toda", "todas", "cada", "às", "as"}),
                 "de": frozenset({"jeden", "jedem"}), "nl": frozenset({"elke", "iedere", "op"}),
                 "id": frozenset({"setiap", "tiap"})}
# Words before a month of a language that writes it with a capital, which make it a date ("im Mai", "pada Juni"; not
# "August Bebel").
_MONTH_PREPOSITIONS = frozenset({"im", "seit", "bis", "ab", "vom", "zum", "anfang", "ende", "mitte", "pada", "sejak",
                                 "hingga", "sampai", "bulan", "awal", "akhir", "pertengahan", "per", "hari"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w\n]{0,3}$")
# Words of a sentence that looks ahead: a future tense or an auxiliary of one, a plan, "next" ("voltará em abril",
# "wollen im Mai darüber sprechen", "akan bertemu pada Juni"); a month after one of them is the coming one.
_AHEAD = re.compile(
    r"(?<!\w)(?:ser[áã]o?|irá|ir[ãa]o|vai|v[ãa]o|volta(?:rá|rão)|próxim[ao]s?|proxim[ao]s?|planeja|pretende|"
    r"va|volverá|sera|seront|vont|reviendra|prochaine?s?|prévu|prévue|prevé|prevista|"
    r"sarà|saranno|prossim[ao]|previsto|"
    r"wird|werden|will|wollen|soll|sollen|geplant|nächsten|kommenden|"
    r"zal|zullen|gaat|gaan|volgende|komende|gepland|"
    r"akan|depan|rencana|direncanakan)(?!\w)",
    re.IGNORECASE,
)
# The future tense by its endings, where a language writes it in one word ("visitará", "reviendra", "sarà"): "-ra"
# only in French ("era" is Spanish and Italian for "was").
_FUTURE_ENDINGS = {
    "pt": re.compile(r"(?<!\w)\w{2,}(?:rá|rão|remos)(?!\w)", re.IGNORECASE),
    "es": re.compile(r"(?<!\w)\w{2,}(?:rá|rán|remos)(?!\w)", re.IGNORECASE),
    "fr": re.compile(r"(?<!\w)\w{2,}(?:ra|ront|rons)(?!\w)", re.IGNORECASE),
    "it": re.compile(r"(?<!\w)\w{2,}(?:rà|ranno|remo)(?!\w)", re.IGNORECASE),
}
_SENTENCE_END = re.compile(r"[.!?\n]")
# Signs of the past in a German or Dutch sentence: the auxiliaries of the perfect and the commonest past forms; and
# "to be" with a participle ("ist zurückgekehrt", "is begonnen": "ge-" or a prefix that takes its place), which
# without one is a present ("ist Feiertag").
_PAST_SIGNS = {
    "de": re.compile(r"(?<!\w)(?:hat|haben|habe|hatte|hatten|war|waren|wurde|wurden|sagte|sagten|kam|kamen|ging|"
                     r"gingen|gab|gaben|fand|traf|begann|stand|starb|gewann|verlor|sprach|nahm|teilte|erklärte|"
                     r"kündigte|berichtete|besuchte|reiste)(?!\w)", re.IGNORECASE),
    "nl": re.compile(r"(?<!\w)(?:heeft|hebben|heb|had|hadden|was|waren|werd|zei|zeiden|kwam|kwamen|ging|gingen|gaf|"
                     r"gaven|vond|begon|stierf|won|verloor|sprak|nam)(?!\w)", re.IGNORECASE),
}
_BE_AND_PARTICIPLE = {
    "de": (re.compile(r"(?<!\w)(?:ist|sind|bin|bist|seid)(?!\w)"),
           re.compile(r"(?<!\w)(?:[a-zäöü]{0,12}ge|be|ver|er|ent|zer)[a-zäöüß]{2,16}(?:t|en)(?!\w)")),
    "nl": (re.compile(r"(?<!\w)(?:is|zijn|ben|bent)(?!\w)"),
           re.compile(r"(?<!\w)(?:[a-z]{0,12}ge|be|ver|er|ont)[a-z]{2,16}(?:d|t|en)(?!\w)")),
}
_ELIDED = re.compile(r"^(?:l|quest)['’]")
_DATE_AFTER = re.compile(r",?[^\S\n]{1,3}(?:den[^\S\n]{1,3}|le[^\S\n]{1,3})?\d{1,2}\b")


# The words each rule reads, by language (the periods have two lexicons: :func:`_accept_period`).
_WORDS_OF_RULE: dict[str, Mapping[str, Collection[str]]] = {
    "intl_day": FOREIGN_DAYWORDS, "intl_now": FOREIGN_NOWADAYS, "intl_weekday": FOREIGN_WEEKDAYS,
    "intl_month": FOREIGN_MONTHS_OF,
}


def accept(c: Candidate, text: str, language: str) -> bool:
    """Whether the candidate of a rule of this module is a date of a text in ``language``: its word is of that
    language, written as it writes it (lower case, a capital at a sentence's start; German and Indonesian weekdays
    and months with one)."""
    if c.rule == "intl_period":
        return _accept_period(c, text, language)
    word = c.group("iday") or c.group("inow") or c.group("iwd") or c.group("imon") or ""
    table = _WORDS_OF_RULE[c.rule]
    low = _words(word)
    if low not in table.get(language, ()):
        return False
    before = _WORD_BEFORE.search(text, max(0, c.start - 24), c.start)
    prev = before.group(1).lower() if before else ""
    if c.rule in ("intl_day", "intl_now"):
        if low in ("mañana", "morgen") and prev in _MORNING_BEFORE:
            return False  # "esta mañana", "de morgen": the morning
        return word.islower() or _sentence_start(text, c.start) and word[:1].isupper() and word[1:].islower()
    at_start = _sentence_start(text, c.start)
    if c.rule == "intl_weekday":
        if _DATE_AFTER.match(text, c.end) or prev in _EVERY_BEFORE.get(language, ()):
            return False  # "no domingo, 20 de outubro de 2019": the date says the day; "il venerdì", "jeden Montag"
        rel = c.group("iwrb") or ""  # "na próxima segunda-feira", "Nächsten Montag" at a sentence's start
        if rel and not (rel.islower() or at_start and _capitalised(rel)):
            return False
        if language in CAPITALISED_CALENDAR:
            return _capitalised(word)
        return word.islower() or not rel and at_start and _capitalised(word)
    if language in CAPITALISED_CALENDAR:
        return _capitalised(word) and (bool(c.group("idn") or c.group("year")) or prev in _MONTH_PREPOSITIONS)
    return word.islower() or at_start and _capitalised(word)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (word[1:].islower() or not word[1:])


def _accept_period(c: Candidate, text: str, language: str) -> bool:
    """"na próxima semana", "letztes Jahr": the unit and the word that counts it are of the text's language, in lower
    case (a German noun with its capital), a capital only at a sentence's start."""
    unit = c.group("iunit") or c.group("iunit2") or c.group("iunit3") or ""
    rel = c.group("irb") or c.group("ira") or c.group("iquest") or ""
    if unit.lower() not in FOREIGN_UNITS.get(language, {}) or c.group("iquest") and language != "it":
        return False
    words = _words(rel)
    if not c.group("iquest") and words not in (FOREIGN_REL_BEFORE if c.group("irb") else FOREIGN_REL_AFTER).get(
            language, {}):
        return False
    first, other = (rel, unit) if c.group("irb") or c.group("iquest") else (unit, rel)
    capital_ok = _sentence_start(text, c.start)
    if language == "de":  # "letztes Jahr", "Nächste Woche"
        return unit[:1].isupper() and unit[1:].islower() and (rel.islower() or capital_ok and rel[:1].isupper())
    return (first.islower() or capital_ok and first[:1].isupper() and first[1:].islower()) and other.islower()


def _words(text: str | None) -> str:
    """Words as the lexicons write them: lower case, one space between."""
    return " ".join((text or "").lower().split())


def _meaning(word: str, *tables: Mapping[str, Mapping[str, T]]) -> T | None:
    """What ``word`` means in the first language of ``tables`` that has it (a weekday's number, a month's, a unit)."""
    return next((of_language[word] for table in tables for of_language in table.values() if word in of_language), None)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“«(")
    return not before or before[-1] in ".!?:\n"


def day_value(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    """"ontem", "après-demain", "hari ini": the day that many days from the article's."""
    offset = _meaning(_words(c.group("iday")), FOREIGN_DAYWORDS)
    if offset is None:
        return None
    d = r.dct + timedelta(days=offset)
    return Value("DATE", d.isoformat(), None, (d, "day"))


def now_value(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    """"hoje em dia", "heutzutage", "tegenwoordig": the present in general, no day."""
    return Value("DATE", "PRESENT_REF")


def weekday_value(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    """A weekday: the coming one when a word beside it says next or its sentence looks ahead, else the last one (this
    day on the article's own weekday): a report tells what happened."""
    wd = _meaning(_words(c.group("iwd")), FOREIGN_WEEKDAYS)
    if wd is None:
        return None
    n = _meaning(_words(c.group("iwrb") or c.group("iwra")), FOREIGN_REL_BEFORE, FOREIGN_REL_AFTER)
    rel = {1: "next", -1: "last"}.get(n, "") if n is not None else ""
    # "esta segunda-feira": the nearest; "il reviendra lundi": the coming one
    ahead = n is None and (_looks_ahead(c, r.language) or _scheduled_present(c, r.language))
    way: Direction = None if n == 0 else "future" if ahead else "past"
    d = anchoring.weekday_date(wd, rel, way, r.dct)
    return Value("DATE", d.isoformat(), None, (d, "day"))


def month_value(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    """A month, with a day or a year or neither: without a year, the one a heading or a sentence names, else the
    nearest to the article."""
    mon = _meaning(_words(c.group("imon")), FOREIGN_MONTHS_OF)
    if mon is None:
        return None
    day = int(c.group("idn") or 0) or None
    way: Direction = "future" if _looks_ahead(c, r.language) else None
    year = int(c.group("year") or 0) or yearless(c, mon, day, r, lambda: way)
    try:
        d = date(year, mon, day or 1)
    except ValueError:
        return None
    if day is None:
        return Value("DATE", f"{year:04d}-{mon:02d}", None, (d, "month"))
    return Value("DATE", d.isoformat(), None, (d, "day"))


def _looks_ahead(c: Candidate, language: str) -> bool:
    """The sentence up to the expression has a future tense, an auxiliary of one or a plan ("voltará em abril",
    "il reviendra lundi", "wollen im Mai … sprechen")."""
    text = c.match.string
    before = text[max(0, c.start - 160) : c.start]
    sentence = before[max((m.end() for m in _SENTENCE_END.finditer(before)), default=0) :]
    ending = _FUTURE_ENDINGS.get(language)
    return bool(_AHEAD.search(sentence) or ending and ending.search(sentence))


def _scheduled_present(c: Candidate, language: str) -> bool:
    """German and Dutch tell what is planned for a weekday in the present ("Am Montag kommt er zurück", "Maandag
    begint het proces"): a sentence without a sign of the past (an auxiliary of the perfect or a common past form;
    "ist"/"is" only with a participle) looks ahead."""
    signs = _PAST_SIGNS.get(language)
    if signs is None:
        return False
    text = c.match.string
    before = text[max(0, c.start - 160) : c.start]
    opening = before[max((m.end() for m in _SENTENCE_END.finditer(before)), default=0) :]
    after = text[c.end : c.end + 160]
    end = _SENTENCE_END.search(after)
    sentence = f"{opening} {after[: end.start() if end else len(after)]}"
    auxiliary, participle = _BE_AND_PARTICIPLE[language]
    return not signs.search(sentence) and not (auxiliary.search(sentence) and participle.search(sentence))


def period_value(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    """"no ano passado", "la semaine prochaine", "dit jaar": the year, month or week that many from the article's."""
    unit = _meaning(_words(c.group("iunit") or c.group("iunit2") or c.group("iunit3")), FOREIGN_UNITS)
    n = 0 if c.group("iquest") else _meaning(_words(c.group("irb") or c.group("ira")), FOREIGN_REL_BEFORE,
                                              FOREIGN_REL_AFTER)
    if unit is None or n is None:
        return None
    d = shift(r.dct, unit, n)
    return Value("DATE", fmt(d, unit), None, (d, unit))


HANDLERS: dict[str, Callable[[Candidate, Resolver, Callable[[], Direction]], Value | None]] = {
    "intl_day": day_value, "intl_now": now_value, "intl_weekday": weekday_value, "intl_month": month_value,
    "intl_period": period_value,
}


def sureness(text: str) -> tuple[float, str] | None:
    """How sure a date of a text in another language is and how it was reached, from its words; None for an
    expression this module does not read."""
    low = _words(text)
    if any(low in t for t in FOREIGN_NOWADAYS.values()):
        return 0.55, "vague reference"
    if any(low in t for t in FOREIGN_DAYWORDS.values()):
        return 0.85, "publication date"
    words = low.split()
    if any(w in t for w in words for t in FOREIGN_WEEKDAYS.values()):
        return 0.6, "weekday near the publication date"
    if any(_ELIDED.sub("", w) in t for w in words for t in FOREIGN_UNITS.values()):  # "l'année", "quest'anno"
        return 0.85, "publication date"
    if any(w in t for w in words for t in FOREIGN_MONTHS_OF.values()):
        if re.search(r"\d{4}$", low):
            return 0.95, "explicit date"
        return 0.5, "nearest to the publication date"
    return None
