"""Calendar arithmetic on TIMEX3 values: shifting by units, formatting at a granularity, and the day interval a
value covers (what the timeline draws).

Python dates hold years 1–9999 only, while texts speak of "5,000 years ago" and pages carry placeholder dates such
as 0001-01-01. Every date this module makes goes through :func:`make_date`, :func:`add_days` or :func:`add_months`,
which raise :class:`OutOfRange` with the year the result would have had; :func:`beyond_calendar` writes that year as
a TIMEX3 value ("BC2982", "FUTURE_REF"), so that no expression costs the analysis of its article.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1, 9999
_MAX_DAYS = 3_700_000  # more days than the calendar holds: anything beyond is out of range without computing it
_LAST_DAY = date.max.toordinal()


class OutOfRange(ValueError):
    """A date outside years 1–9999; ``year`` is the (astronomical, 0 = 1 BC) year it would fall in."""

    def __init__(self, year: int) -> None:
        super().__init__(f"year {year} is outside the calendar (1–9999)")
        self.year = year


def make_date(year: int, month: int, day: int) -> date:
    """``date(year, month, day)``; :class:`OutOfRange` for a year outside 1–9999 (a bad month or day stays a
    plain ``ValueError``)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise OutOfRange(year)
    return date(year, month, day)


def add_days(d: date, n: int | float) -> date:
    """``d`` moved by ``n`` days, or :class:`OutOfRange`."""
    days = round(n) if abs(n) < _MAX_DAYS else (_MAX_DAYS if n > 0 else -_MAX_DAYS)
    target = d.toordinal() + days
    if target < 1:  # day 1 is 0001-01-01: count whole years back from there (year 0 is 1 BC)
        raise OutOfRange(math.floor((target - 1) / 365.2425) + 1)
    if target > _LAST_DAY:
        raise OutOfRange(MAX_YEAR + math.ceil((target - _LAST_DAY) / 365.2425))
    return date.fromordinal(target)


def beyond_calendar(year: int) -> str:
    """The TIMEX3 value of a year outside the calendar: years BC (astronomical year 0 is 1 BC) or the future."""
    if year < MIN_YEAR:
        return f"BC{min(1 - year, 999_999_999):04d}"
    return "FUTURE_REF"


GRANULARITIES = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "time")

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` months (the day clipped to the month's length), or :class:`OutOfRange`."""
    m = d.month - 1 + int(n)
    y = d.year + m // 12
    m = m % 12 + 1
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise OutOfRange(y)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (``unit`` is a singular unit name)."""
    if unit == "day":
        return add_days(d, n)
    if unit in ("week", "weekend"):
        return add_days(d, 7 * n)
    if unit == "fortnight":
        return add_days(d, 14 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "half":
        return add_months(d, 6 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    return d


def fmt(d: date, granularity: str) -> str:
    """The TIMEX3 value of the ``granularity``-sized unit containing ``d``."""
    if granularity == "day":
        return d.isoformat()
    if granularity in ("week", "weekend"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if granularity == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "decade":
        return f"{d.year // 10:03d}"
    if granularity == "century":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def season_value(year: int, code: str) -> str:
    return f"{year:04d}-{code}"


def season_of(d: date) -> tuple[int, str]:
    """Meteorological season containing ``d``; December belongs to the winter of its own year."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


_VALUE = re.compile(
    r"^(?:FY)?(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?P<t>[\w:.]+))?)?|W(?P<w>\d\d)(?P<we>-WE)?|"
    r"Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
)
_DECADE = re.compile(r"^(?P<dec>\d{3})$")
_CENTURY = re.compile(r"^(?P<cen>\d{2})$")


def interval(value: str) -> tuple[date, date, str] | None:
    """First day, last day (inclusive) and precision of a concrete TIMEX3 date value; None for anything vague."""
    if m := _DECADE.match(value):
        y = int(m["dec"]) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        y = int(m["cen"]) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m["y"])
    try:
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            return d, d, "time" if m["t"] else "day"
        if m["m"]:
            mo = int(m["m"])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        if m["w"]:
            start = date.fromisocalendar(y, int(m["w"]), 6 if m["we"] else 1)
            return start, start + timedelta(days=1 if m["we"] else 6), "week"
        if m["q"]:
            q = int(m["q"])
            start = date(y, 3 * q - 2, 1)
            end = add_months(start, 3) - timedelta(days=1)
            return start, end, "quarter"
        if m["h"]:
            start = date(y, 1 if m["h"] == "1" else 7, 1)
            return start, add_months(start, 6) - timedelta(days=1), "half"
        if m["s"]:
            first, last = SEASON_MONTHS[m["s"]]
            start = date(y, first, 1)
            end_year = y + 1 if m["s"] == "WI" else y
            return start, date(end_year, last, calendar.monthrange(end_year, last)[1]), "season"
    except (ValueError, OverflowError):  # a day that does not exist, or a week or season past year 9999
        return None
    if y < MIN_YEAR:
        return None
    return date(y, 1, 1), date(y, 12, 31), "year"


def narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """The part of an interval an "early", "mid" or "late" modifier points at (a third of it)."""
    if mod not in ("START", "MID", "END"):
        return start, end
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and month_end and months >= 3:
        # whole months: "early 2019" is January to April, "late 2018-Q4" is December
        third_m = months // 3
        if mod == "START":
            return start, add_months(start, third_m) - timedelta(days=1)
        if mod == "END":
            return add_months(start, months - third_m), end
        return add_months(start, third_m), add_months(start, months - third_m) - timedelta(days=1)
    span = (end - start).days + 1
    if span < 3:
        return start, end  # "mid-weekend", "early that day": nothing smaller to point at
    third = max(span // 3, 1)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start + timedelta(days=third), end - timedelta(days=third)
