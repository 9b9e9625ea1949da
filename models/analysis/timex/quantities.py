"""Amounts of time: durations ("three days", "the past decade") and sets ("every year", "weekly", "$50,000 a
year") in TIMEX3 notation."""

from __future__ import annotations

import re
from collections.abc import Callable

from models.analysis.timex.lexicon import (
    MOD_WORDS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    number_value,
    unit_of,
)
from models.analysis.timex.patterns import Candidate
from models.analysis.timex.resolution import Resolver, Value
from models.analysis.timex.tense import Direction


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def qmod(text: str | None) -> str | None:
    """TIMEX3 mod of "about", "nearly", "more than" written before an amount."""
    t = _norm(text)
    return MOD_WORDS.get(t) if t else None


def amount(c: Candidate) -> tuple[float | None, str]:
    return number_value(c.group("num") or ""), unit_of(c.group("unit") or "")




def duration_value(n: float | None, unit: str) -> str:
    code = UNITS.get(unit, "Y")
    if unit == "decade":
        return f"P{_num(n * 10)}Y" if n is not None else "PXY"
    if unit == "century":
        return f"P{_num(n * 100)}Y" if n is not None else "PXY"
    if unit == "fortnight":
        return f"P{_num(n * 2)}W" if n is not None else "PXW"
    if unit == "quarter":
        return f"P{_num(n * 3)}M" if n is not None else "PXQ"
    if unit == "millennium":
        return f"P{_num(n * 1000)}Y" if n is not None else "PXML"
    time_unit = unit in ("second", "minute", "hour")
    prefix = "PT" if time_unit else "P"
    if n is None:
        return f"{prefix}X{code}"
    if not float(n).is_integer():
        if unit == "hour":
            return f"PT{_num(n * 60)}M"
        if unit == "day":
            return f"PT{_num(n * 24)}H"
    return f"{prefix}{_num(n)}{code}"


def _num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    n, unit = amount(c)
    num = _norm(c.group("num"))
    if num in ("a", "an") and unit in ("year", "month", "week", "day", "hour") and not c.group("span") \
            and not c.group("qmod") and _is_rate(c):
        return Value("SET", f"P1{UNITS[unit]}" if unit != "hour" else "PT1H")
    return Value("DURATION", duration_value(n, unit), qmod(c.group("qmod")))


def _is_rate(c: Candidate) -> bool:
    before = c.match.string[max(0, c.start - 24) : c.start].rstrip().lower()
    return bool(re.search(r"(\d|%|million|billion|trillion|percent|cents?|dollars|euros|pounds|yen|times|once|"
                          r"twice|barrels|tonnes|tons|jobs|flights|visitors|passengers|people)$", before))


def duration_bare(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    word = c.group("unit") or ""
    n = None if word.lower().endswith("s") else 1.0  # "decades-long" is vague, "year-long" is one year
    return Value("DURATION", duration_value(n, unit_of(word)))


def recent(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    word = _norm(c.group("word"))
    if word == "coming":
        return Value("DURATION", duration_value(None, unit_of(c.group("unit") or "")))
    return Value("DATE", "PAST_REF")


def set_every(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    unit_text = c.group("unit") or ""
    low = unit_text.rstrip(".").lower()
    if low in WEEKDAYS:
        return Value("SET", f"XXXX-WXX-{WEEKDAYS[low]}")
    if low in SEASONS:
        return Value("SET", f"XXXX-{SEASONS[low]}")
    if low in PARTS_OF_DAY:
        return Value("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[low]}")
    if low in MONTHS:
        return Value("SET", f"XXXX-{MONTHS[low]:02d}")
    if low == "weekend":
        return Value("SET", "XXXX-WXX-WE")
    n = number_value(c.group("num") or "") if c.group("num") else 1.0
    if c.group("other"):
        n = 2.0
    return Value("SET", duration_value(n, unit_of(unit_text)))


def set_rate(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    unit = _norm(c.group("unit"))
    unit = "year" if unit == "annum" else unit
    return Value("SET", duration_value(1, unit))


_ADVERB_SETS = {
    "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D",
    "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biannual": "P6M", "semiannual": "P6M",
    "semi-annual": "P6M", "biennial": "P2Y", "fortnightly": "P2W", "bimonthly": "P2M", "biweekly": "P2W",
}


def set_adverb(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    return Value("SET", _ADVERB_SETS[_norm(c.group("adv"))])


def set_weekdays(c: Candidate, r: Resolver, direction: Callable[[], Direction]) -> Value | None:
    return Value("SET", f"XXXX-WXX-{WEEKDAYS[(c.group('wd') or '')[:-1].lower()]}")
