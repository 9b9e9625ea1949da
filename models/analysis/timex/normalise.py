"""TIMEX3 values of the expressions :mod:`.patterns` found.

Absolute dates stand alone; deictic ones ("last week", "two years ago", "today") count from the document creation
time; underspecified ones (a month, weekday or season without a year) are placed by the direction of their clause
(:mod:`.tense`); relative ones ("Eight days later", "the next day") are chained on the previous anchored date of
the text, as a reader does.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date, timedelta

from models.analysis.timex import accounts, anchoring, foreign, quantities, story
from models.analysis.timex.arithmetic import add_days, fmt, season_of, shift
from models.analysis.timex.lexicon import (
    FOREIGN_MONTHS,
    MOD_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    number_value,
)
from models.analysis.timex.patterns import Candidate
from models.analysis.timex.resolution import Resolver, Value, coarser
from models.analysis.timex.tense import Direction
from models.analysis.timex.yearless import forward, schedule_year, yearless

_ZULU = {"utc", "gmt", "z"}


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def mod_of(text: str | None) -> str | None:
    t = _norm(text).replace("-", " ").strip()
    if not t:
        return None
    t = re.sub(r"^(the )?(very )?", "", t)
    t = re.sub(r" (of|in)( the)?$", "", t).strip()
    return MOD_WORDS.get(t) or MOD_WORDS.get(t.split(" ")[0])


def _mod_is_end_of(text: str | None) -> str | None:
    """"the end of" / "the beginning of" a year point at its last / first month."""
    t = _norm(text)
    if re.search(r"\b(end|close|turn) of\b", t):
        return "end"
    if re.search(r"\b(beginning|start|dawn) of\b", t):
        return "start"
    return None


def _year_value(year: int, mod_text: str | None) -> Value:
    edge = _mod_is_end_of(mod_text)
    if edge == "end":
        return Value("DATE", f"{year:04d}-12", "END", (date(year, 12, 1), "month"))
    if edge == "start":
        return Value("DATE", f"{year:04d}-01", "START", (date(year, 1, 1), "month"))
    return Value("DATE", f"{year:04d}", mod_of(mod_text), (date(year, 1, 1), "year"))


def _day_of(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_of(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _two_digit_year(yy: int, dct: date) -> int:
    year = 2000 + yy
    return year if year <= dct.year + 10 else 1900 + yy


def _time_value(day: date, hour: int, minute: int, zone: str | None) -> str:
    z = "Z" if _norm(zone) in _ZULU else ""
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}{z}"


def normalise(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    handler = _HANDLERS.get(c.rule)
    return handler(c, r, direction) if handler else None


def _calendar(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    if c.rule in ("iso", "numeric", "numeric_dmy", "dotted"):
        mon = int(c.group("mon") or 0)
    elif c.rule == "dmy_intl":
        mon = FOREIGN_MONTHS[(c.group("mon") or "").lower()]
    else:
        mon = _month_of(c.group("mon") or "")
    day = _day_of(c.group("day") or "")
    y = c.group("year")
    if y:
        year = int(y) if len(y) == 4 else _two_digit_year(int(y), r.dct)
    else:
        year = yearless(c, mon, day, r, direction)
    try:
        d = date(year, mon, day)
    except ValueError:
        return None
    if c.group("h"):
        return Value("TIME", _time_value(d, int(c.group("h") or 0), int(c.group("mi") or 0), None), None, (d, "day"))
    return Value("DATE", d.isoformat(), mod_of(c.group("mod")), (d, "day"))


# A month just before, in the same sentence ("in March the following year"; not "… in February. Last year …")
_MONTH_JUST_BEFORE = re.compile(r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|(?:January|February|March|"
                                r"April|May|June|July|August|September|October|November|December))[^\S\n]{1,2}"
                                r"(?:of[^\S\n]{1,2})?\Z")
_ANAPHORIC = frozenset({"the previous", "the following", "the next", "the same", "that", "the preceding", "the prior"})


def _month(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    mon = _month_of(c.group("mon") or "")
    if re.match(r"[^\S\n]+quarters?\b", c.match.string[c.end : c.end + 10]) and not c.group("mod"):
        # "the September quarter": the quarter that ends with that month, reported after the fact
        q = (mon - 1) // 3 + 1
        year = c.group("year") and int(c.group("year") or 0) or anchoring.year_for_part(q, 3, "past", r.dct)
        return _quarter_value(int(year), q, False)
    rel = _norm(c.group("rel"))
    yrel = _norm(c.group("yrel"))
    if c.group("year"):
        year = int(c.group("year") or 0)
    elif yrel:
        year = r.dct.year + {"this": 0, "last": -1, "next": 1}[yrel]
    elif rel in ("last", "past", "this past"):
        year = r.dct.year if mon < r.dct.month else r.dct.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = r.dct.year if mon > r.dct.month else r.dct.year + 1
    elif rel == "this":
        year = r.dct.year
    else:
        year = yearless(c, mon, None, r, direction)
    edge = _mod_is_end_of(c.group("mod"))
    mod = mod_of(c.group("mod"))
    if edge == "end":
        mod = "END"
    elif edge == "start":
        mod = "START"
    return Value("DATE", f"{year:04d}-{mon:02d}", mod, (date(year, mon, 1), "month"))


def _year(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    year = int(c.group("year") or 0)
    if c.group("fiscal"):
        return Value("DATE", f"FY{year}", mod_of(c.group("mod")), (date(year, 1, 1), "year"))
    return _year_value(year, c.group("mod"))


def _decade(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    if c.group("dec"):
        dec = int(c.group("dec") or 0) // 10
    else:
        d = int(c.group("dec2") or c.group("dec3") or 0)
        full = 2000 + d if 2000 + d <= r.dct.year else 1900 + d
        dec = full // 10
    return Value("DATE", f"{dec:03d}", mod_of(c.group("mod")), None)


def _century(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    word = _norm(c.group("cent"))
    n = int(re.sub(r"\D", "", word)) if re.match(r"\d", word) else ORDINALS.get(word, 0)
    if not n:
        n = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "eighteenth": 18}.get(word, 0)
    if not n:
        return None
    return Value("DATE", f"{n - 1:02d}", mod_of(c.group("mod")), None)


# What a company reports for a part of its year ("first-half profit", "second-half sales").
_RESULTS_AFTER = re.compile(r"[^\S\n]{1,3}(?:net[^\S\n]{1,3}|operating[^\S\n]{1,3}|pre-tax[^\S\n]{1,3})?(?:profits?|"
                            r"earnings|sales|revenues?|results|loss(?:es)?|income|growth|figures|output|margins?|"
                            r"dividends?)\b")


def _quarter(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    qord = _norm(c.group("qord"))
    half = _norm(c.group("qu")) == "half"
    size = 6 if half else 3
    current = (r.dct.month - 1) // size + 1
    year: int | None = None
    if c.group("year"):
        year = int(c.group("year") or 0)
    elif c.group("yrel"):
        yrel = _norm(c.group("yrel"))
        year = r.dct.year + (-1 if yrel in ("last", "the previous", "the past") else 1 if yrel == "next" else 0)
    n = ORDINALS.get(qord) or (int(qord[0]) if qord[:1].isdigit() else 0)
    if qord in accounts.YEAR_BEFORE:
        before = accounts.year_before(r.history, half)
        return _quarter_value(*before, half) if before else None
    if qord in ("last", "latest", "previous", "past") and year is None:
        start = shift(date(r.dct.year, (current - 1) * size + 1, 1), "month", -size)
        return _quarter_value(start.year, (start.month - 1) // size + 1, half)
    if qord in ("current", "this", "same") and year is None:
        return _quarter_value(r.dct.year, current, half)
    if qord in ("next", "coming") and year is None:
        start = shift(date(r.dct.year, (current - 1) * size + 1, 1), "month", size)
        return _quarter_value(start.year, (start.month - 1) // size + 1, half)
    if half and n not in (1, 2):
        return None
    if not n:
        return None
    if half and year is None and not c.group("yrel") and not _RESULTS_AFTER.match(c.match.string, c.end):
        return None  # "the second half" of a match, not of a year; "first-half profit" is the year's
    if year is None:
        year = anchoring.year_for_part(n, size, direction(), r.dct)
    return _quarter_value(year, n, half)


def _quarter_value(year: int, n: int, half: bool) -> Value:
    value = f"{year:04d}-{'H' if half else 'Q'}{n}"
    return Value("DATE", value, None, (date(year, (n - 1) * (6 if half else 3) + 1, 1), "half" if half else "quarter"))


def _qcode(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    code = c.group("qn") or ""
    half = code[0] == "H"
    n = int(code[1])
    y = c.group("year")
    if y:
        year = int(y) if len(y) == 4 else _two_digit_year(int(y[-2:]), r.dct)
    else:
        year = anchoring.year_for_part(n, 6 if half else 3, direction(), r.dct)
    return _quarter_value(year, n, half)


def _season(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    code = SEASONS[(c.group("season") or "").lower()]
    rel = _norm(c.group("rel"))
    if c.group("year"):
        year = int(c.group("year") or 0)
    else:
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        planned = schedule_year(c.match.string, c.start, start, None, r, direction) if rel in ("", "the") else None
        year = planned or anchoring.season_year(code, rel, direction(), r.dct)  # "opens March 8 … through the summer"
    return Value("DATE", f"{year:04d}-{code}", mod_of(c.group("mod")), None)


def _deictic(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    rel = _norm(c.group("rel"))
    unit = _norm(c.group("unit"))
    mod_text = c.group("mod")
    if "year" in unit and unit != "year":  # fiscal / financial year
        year = accounts.fiscal_year(c.match.string, c.start, rel, r.dct)
        if year is not None:
            edge = _mod_is_end_of(mod_text)
            mod = "END" if edge == "end" else "START" if edge == "start" else mod_of(mod_text)
            return Value("DATE", f"FY{year:04d}", mod, (date(year, 1, 1), "year"))
        unit = "year"
    if rel == "the" and unit == "day" and re.search(r"earlier|later", _norm(mod_text)):
        # "later in the day": the day the story is at; with no day told before it, a habit ("people tire later in
        # the day"), not a date
        if r.history:
            told = r.past_anchor_for("day") if direction() == "past" else r.anchor_for("day")
            if told is not None and told[1] == "day":
                return Value("DATE", told[0].isoformat(), None, (told[0], "day"))
        return None
    if rel in ("the past", "the last", "the coming", "past", "coming", "this coming", "the whole", "the entire") \
            and not (rel in ("past", "this coming", "coming") and unit in ("weekend",)) and rel != "this coming":
        if unit == "weekend":
            return Value("DATE", fmt(shift(r.dct, "week", -1 if "past" in rel or "last" in rel else 1), "weekend"))
        if unit == "day" and rel != "the next":
            return None
        if unit in ("morning", "afternoon", "evening", "night"):
            return None
        return Value("DURATION", quantities.duration_value(1, unit) if unit in UNITS else "P1D")
    if rel == "the" and unit == "weekend":
        step = 1 if direction() in ("future", "present") else -1
        return Value("DATE", fmt(anchoring.weekday_date(6, "", "future" if step > 0 else "past", r.dct), "weekend"))
    if rel == "the next" and prev_word(c) in ("over", "during", "for", "within", "throughout", "in"):
        return Value("DURATION", quantities.duration_value(1, unit) if unit in UNITS else "P1D")
    pod = PARTS_OF_DAY.get(unit)
    if unit == "year" and rel in _ANAPHORIC and r.anchor and r.anchor[1] == "month" and _MONTH_JUST_BEFORE.search(
            c.match.string, max(0, c.start - 16), c.start):
        return Value("DATE", f"{r.anchor[0].year:04d}")  # "in March [the following year]": the year of that March
    if rel in _ANAPHORIC:
        base, gran = r.anchor_for("day" if PARTS_OF_DAY.get(unit) else unit)
        step = {"the previous": -1, "the prior": -1, "the preceding": -1, "the following": 1, "the next": 1}.get(rel, 0)
        if pod:
            d = base + timedelta(days=step)
            return Value("TIME", f"{d.isoformat()}T{pod}", None, (d, "day"))
        u = "week" if unit == "weekend" else unit
        if coarser(gran, u) and step:
            return Value("DATE", fmt(base, gran), None, (base, gran))
        if coarser(gran, u):
            return None  # "18 years ago – on the same day": the day of a date known only to the year is not known
        d = shift(base, u, step)
        return Value("DATE", fmt(d, "weekend" if unit == "weekend" else u), mod_of(mod_text), (d, u))
    step = 0
    if rel in ("last", "previous", "this past"):
        step = -1
    elif rel in ("next", "following", "this coming"):
        step = 1
    if pod:
        d = r.dct + timedelta(days=-1 if rel == "last" else 0)
        return Value("TIME", f"{d.isoformat()}T{pod}", None, (d, "day"))
    if unit == "day":
        d = r.dct + timedelta(days=step)
        return Value("DATE", d.isoformat(), mod_of(mod_text), (d, "day"))
    u = "week" if unit == "weekend" else unit
    d = shift(r.dct, u, step)
    if u == "year":
        v = _year_value(d.year, mod_text)
        return v
    if u == "month":
        edge = _mod_is_end_of(mod_text)
        mod = "END" if edge == "end" else "START" if edge == "start" else mod_of(mod_text)
        return Value("DATE", fmt(d, "month"), mod, (d.replace(day=1), "month"))
    return Value("DATE", fmt(d, "weekend" if unit == "weekend" else u), mod_of(mod_text),
                 (d, u) if u in ("week", "quarter") else None)


def prev_word(c: Candidate) -> str:
    m = re.search(r"(\w+)\W*$", c.match.string[max(0, c.start - 20) : c.start])
    return m.group(1).lower() if m else ""


def _dayword(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    word = _norm(c.group("word") or c.group("word2"))
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "before yesterday": -2,
               "after tomorrow": 2}
    d = r.dct + timedelta(days=offsets.get(word, 0))
    text = c.match.string
    if word in ("today", "tonight") and story.reported_quotation(text, c.start):
        # the quote keeps the time of the story it reports, or of the day its attribution names
        d = story.attribution_day(text, c.start, r.dct) or story.story_day(r.history, r.dct) or d
    elif word in ("today", "tonight") and direction() == "past" and (
        story.attributed_before(text, c.start) or story.attributed_at_opening(text, c.start)
    ):
        d = story.story_day(r.history, r.dct) or d
    pod = PARTS_OF_DAY.get(_norm(c.group("pod"))) or ("NI" if word == "tonight" else None)
    if pod:
        return Value("TIME", f"{d.isoformat()}T{pod}", mod_of(c.group("mod")), (d, "day"))
    return Value("DATE", d.isoformat(), mod_of(c.group("mod")), (d, "day"))


def _weekday_with_date(text: str, end: int, wd: int, r: Resolver, direction: Callable[[], Direction]) -> date | None:
    """The day of a weekday written with an explicit date right after it ("Sunday (Oct. 4)", "Friday, Dec. 6"): the
    explicit date wins, in the year in which it falls on that weekday."""
    explicit = story.date_after(text, end)
    if explicit is None:
        return None
    mon, day = explicit
    year = story.year_matching_weekday(mon, day, wd, r.dct.year)
    if year is None or abs(year - r.dct.year) > 1:
        year = anchoring.year_for(mon, day, forward(direction()), r.dct)
    try:
        return date(year, mon, day)
    except ValueError:
        return None


def _weekday(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    wd = WEEKDAYS[(c.group("wd") or "").rstrip(".").lower()]
    text = c.match.string
    rel = _norm(c.group("rel"))
    d = _weekday_with_date(text, c.end, wd, r, direction) if not rel else None
    if d is None:
        if not rel and (story.behind(text, c.start, c.end) or story.result_before(text, c.start)):
            way: Direction = "past"  # "after Sunday's defeat", "since Friday", "won 2-1 on Sunday"
        elif not rel and story.possessive(text, c.end) and direction() != "future":
            way = None  # "Sunday's game": the nearest Sunday unless the clause says will
        else:
            way = direction()
        d = anchoring.weekday_date(wd, rel, way, r.dct)
    pod = PARTS_OF_DAY.get(_norm(c.group("pod")))
    if pod:
        return Value("TIME", f"{d.isoformat()}T{pod}", None, (d, "day"))
    return Value("DATE", d.isoformat(), mod_of(c.group("mod")), (d, "day"))


def _ago(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    n, unit = quantities.amount(c)
    d = _norm(c.group("dir"))
    if unit in ("second", "minute", "hour"):
        return Value("DURATION", quantities.duration_value(n, unit), quantities.qmod(c.group("qmod")))
    if d == "on" and n is not None and unit not in ("day", "week"):
        return Value("DURATION", quantities.duration_value(n, unit))  # "fifty years on": how long since, not 2070
    if n is None:
        return Value("DATE", "PAST_REF" if d in ("ago", "earlier", "before", "back", "prior") else "FUTURE_REF")
    sign = -1 if d in ("ago", "earlier", "before", "back", "prior") else 1
    if d in ("later", "earlier") and re.match(r"\s+than\b", c.match.string[c.end : c.end + 6]):
        # "arrives on November 11, three days later than planned": the date itself, not a shift
        base, gran = r.anchor_for(unit)
        return Value("DATE", fmt(base, gran), None, None)
    if d in ("ago", "from now", "hence", "back"):
        base, gran = r.dct, "day"
    else:
        base, gran = r.anchor_for(unit)
    target, g = _counted(base, gran, n, unit, sign, d, base is r.dct)
    if sign > 0 and d not in ("from now", "hence") and target > r.dct and direction() == "past":
        # "Six months later I was teaching", told after "this morning": a past clause is not after the article,
        # so it counts from the latest earlier date of the text that keeps it behind the article
        for earlier, earlier_gran in reversed(r.history):
            shifted, shifted_g = _counted(earlier, earlier_gran, n, unit, sign, d, False)
            if shifted <= r.dct:
                target, g = shifted, shifted_g
                break
        else:
            return Value("DATE", "PAST_REF")  # "Two decades later, he returned" with no date before it: some past
    return Value("DATE", fmt(target, g), quantities.qmod(c.group("qmod")), (target, g))


def _counted(base: date, gran: str, n: float, unit: str, sign: int, d: str, from_dct: bool) -> tuple[date, str]:
    """The day ``n`` ``unit``s before or after ``base`` (``sign``) and the granularity of the result."""
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months:
        total = round(n * months)
        target = shift(base, "month", sign * total)
        g = unit if float(n).is_integer() else "month"
        if unit == "year" and gran in ("month", "quarter", "half", "season") and not from_dct:
            g = gran  # "a year earlier" than a quarter is that quarter a year before
    else:
        days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, 1)
        target = add_days(base, sign * n * days)
        g = "week" if unit in ("week", "fortnight") and d in ("ago", "back") else "day"
    if coarser(gran, g):
        g = gran
    return target, g


def _ago_vague(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    return Value("DATE", "PAST_REF")


def _the_unit_before(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    unit = _norm(c.group("unit"))
    sign = -1 if _norm(c.group("dir")) in ("before", "earlier", "prior") else 1
    base, gran = r.anchor_for("day" if PARTS_OF_DAY.get(unit) else unit)
    pod = PARTS_OF_DAY.get(unit)
    if pod:
        d = base + timedelta(days=sign)
        return Value("TIME", f"{d.isoformat()}T{pod}", None, (d, "day"))
    u = "week" if unit == "weekend" else unit
    if coarser(gran, u):
        return Value("DATE", fmt(base, gran), None, (base, gran))
    d = shift(base, u, sign)
    return Value("DATE", fmt(d, "weekend" if unit == "weekend" else u), None, (d, u))


def _clock_day(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> tuple[date, bool]:
    """The day of a clock time, and whether the text says it (a weekday or day word beside it, a date earlier in
    its sentence, the weekday of its live-update entry) rather than it being the publication day by default."""
    for name in ("wd", "wd2"):
        word = c.group(name)
        if not word:
            continue
        low = word.rstrip(".").lower()
        if low in WEEKDAYS:
            # "at 10 a.m. Friday, Dec. 6": the date written after the weekday names the day
            dated = _weekday_with_date(c.match.string, c.end, WEEKDAYS[low], r, direction) if name == "wd2" else None
            return dated or anchoring.weekday_date(WEEKDAYS[low], "", direction(), r.dct), True
        return r.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(low, 0)), True
    written = story.day_after_time(c.match.string, c.end)  # "shortly after 4pm on 29 April"
    if written is not None:
        mon, day, year = written
        with contextlib.suppress(ValueError):
            return date(year or anchoring.year_for(mon, day, direction(), r.dct), mon, day), True
    if r.anchor and r.anchor[1] == "day" and r.anchor_offset >= 0:
        text = c.match.string
        between = text[r.anchor_offset : c.start]
        if "\n" not in between and not re.search(r"[.!?][\"”’]?\s+[A-Z]", between):
            return r.anchor[0], True
    headed = story.heading_weekday(c.match.string, c.start)  # "Monday: … vote at 9 a.m."
    if headed is not None:
        return anchoring.weekday_date(headed, "", direction(), r.dct), True
    entry = story.entry_day(c.match.string, c.start, c.end, r.dct)
    if entry is not None:
        return entry, True
    return r.dct, False


def _clock_value(d: date, said: bool, value: str) -> Value:
    # a time the text gives no day for is put on the publication day, but later expressions do not count from it
    return Value("TIME", value, None, (d, "day") if said else None)


def _clock(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    hour = int(c.group("h") or 0)
    minute = int(c.group("mi") or 0)
    ampm = (c.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    d, said = _clock_day(c, r, direction)
    return _clock_value(d, said, _time_value(d, hour, minute, c.group("tz")))


def _noon(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    d, said = _clock_day(c, r, direction)
    hour = 24 if _norm(c.group("word")) == "midnight" else 12
    if hour == 24 and not said and d == r.dct and direction() == "past" and r.dct not in (day for day, _ in r.history):
        # "the ceasefire took effect at midnight": the one that began the day, which ended the last; not after a
        # story already at the day ("Later that evening … It was around midnight when …")
        d -= timedelta(days=1)
    return _clock_value(d, said, f"{d.isoformat()}T{hour:02d}:00")


def _oclock(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    n = number_value(c.group("num") or "")
    if n is None or not 1 <= n <= 12:
        return None
    d, said = _clock_day(c, r, direction)
    return _clock_value(d, said, f"{d.isoformat()}T{int(n):02d}:00")


_VAGUE = {"recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF"}


def _vague(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    word = _norm(c.group("word"))
    if "future" in word:
        return Value("DATE", "FUTURE_REF")
    return Value("DATE", _VAGUE.get(word, "PRESENT_REF"))


def _to_date(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    """ "up 39 percent year-to-date": the current year (month, quarter) up to the publication day."""
    unit = _norm(c.group("unit"))
    return Value("DATE", fmt(r.dct, unit), None, None)


_SINCE = re.compile(r"\bsince\s+$", re.I)


def _holiday(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    name = _norm(c.group("hol")).replace("’", "'")
    y = c.group("year")
    year = int(y) if y else None
    text = c.match.string
    since = year is None and _SINCE.search(text, max(0, c.start - 12), c.start) is not None  # "since Christmas"
    day = anchoring.holiday_date(name, year, "past" if since else direction(), r.dct)
    if day is None:
        return None
    if year is None and day < r.dct and not since:
        upcoming = anchoring.holiday_date(name, None, "future", r.dct)
        if upcoming is not None and (upcoming - r.dct).days <= 45:
            day = upcoming  # "prices dropped to Black Friday levels" two weeks before it: the coming one
    return Value("DATE", day.isoformat(), None, (day, "day"))


_HANDLERS: dict[str, Callable[[Candidate, Resolver, Callable[[], Direction]], Value | None]] = {
    "iso": _calendar, "numeric": _calendar, "numeric_dmy": _calendar, "dotted": _calendar, "dmy_intl": _calendar,
    "mdy": _calendar, "dmy": _calendar, "month": _month, "year": _year, "year_of_old": _year,
    "decade": _decade, "century": _century, "quarter": _quarter, "qcode": _qcode, "season": _season,
    "deictic": _deictic, "dayword": _dayword, "dayword2": _dayword, "weekday": _weekday, "ago": _ago,
    "ago_vague": _ago_vague, "the_unit_before": _the_unit_before, "duration": quantities.duration,
    "duration_bare": quantities.duration_bare, "duration_long": quantities.duration_bare,
    "duration_before": quantities.duration_bare, "recent": quantities.recent, "set_every": quantities.set_every,
    "set_rate": quantities.set_rate, "set_adverb": quantities.set_adverb, "set_weekdays": quantities.set_weekdays,
    "clock": _clock,
    "clock24": _clock, "clock_mil": _clock, "noon": _noon, "oclock": _oclock, "vague": _vague,
    "holiday": _holiday, "to_date": _to_date, **foreign.HANDLERS,
}

__all__ = ["Resolver", "Value", "normalise", "season_of"]
