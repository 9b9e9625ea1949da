"""Placing underspecified dates: which year a month, a season or a quarter without one means, and which day a
bare weekday means, given the document creation time and the direction of the clause."""

from __future__ import annotations

from datetime import date

from models.analysis.timex.arithmetic import add_days, make_date, season_of
from models.analysis.timex.tense import Direction


def year_for(month: int, day: int | None, direction: Direction, dct: date) -> int:
    """Year of a month (and day) written without one: past clauses look back, future ones ahead, the rest take
    the nearest such date (within half a year of the article)."""
    here = (dct.month, dct.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    if month == dct.month:
        # the month of the article is this year's whatever the tense says: "the stop on November 11 was cancelled"
        # in a paper of November 5 is the coming stop (a past clause reports the plan), not last year's
        return dct.year
    if direction == "past":
        return dct.year if there <= here else dct.year - 1
    if direction == "future":
        return dct.year if there >= here else dct.year + 1
    diff = month - dct.month
    if diff > 6:
        return dct.year - 1
    if diff < -6:
        return dct.year + 1
    return dct.year


# Days after a quarter or a half ends in which its results are still news: they are reported in the next quarter.
_REPORTING_DAYS = 90


def year_for_part(n: int, size: int, direction: Direction, dct: date) -> int:
    """Year of "the third quarter" / "the first half" without one: results are reported after the fact. A past clause
    looks back, past the current part until half of it has run ("second-half sales fell", said in August); a future
    one ahead, but a part that ended in the last weeks is still to be reported ("third-quarter results will be
    released next week", said in October); a present one ("the company expects second-quarter sales to rise",
    "fourth-quarter earnings are due") takes the nearest, a part whose results are still news counting as now."""
    current = (dct.month - 1) // size + 1
    if direction == "past":
        if n == current and (dct - make_date(dct.year, (n - 1) * size + 1, 1)).days * 2 < size * 30:
            return dct.year - 1  # "second-half sales fell", said in August: the half has hardly begun
        return dct.year if n <= current else dct.year - 1
    if direction == "future":
        if n == current - 1 and (dct - _part_end(dct.year, n, size)).days <= _REPORTING_DAYS // 2:
            return dct.year
        return dct.year if n >= current else dct.year + 1
    return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: _part_distance(y, n, size, dct))


def _part_end(year: int, n: int, size: int) -> date:
    month = n * size  # the part's last month
    return add_days(make_date(year + month // 12, month % 12 + 1, 1), -1)


def _part_distance(year: int, n: int, size: int, dct: date) -> int:
    """Days from ``dct`` to part ``n`` of ``year`` (0 inside it, or while its results are news)."""
    start, end = make_date(year, (n - 1) * size + 1, 1), _part_end(year, n, size)
    if dct < start:
        return (start - dct).days
    return max(0, (dct - end).days - _REPORTING_DAYS) if dct > end else 0


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(code: str, rel: str, direction: Direction, dct: date) -> int:
    cur_year, cur_code = season_of(dct)
    if code == cur_code and rel in ("this", "the", ""):
        return cur_year
    start_this_year = date(dct.year, _SEASON_START[code], 1)
    if rel in ("last", "past", "the past", "this past"):
        return dct.year if start_this_year < dct and code != cur_code else dct.year - 1
    if rel in ("next", "coming", "the coming", "this coming"):
        return dct.year if start_this_year > dct else dct.year + 1
    if rel == "this":
        year = dct.year if not (code == "WI" and dct.month <= 2) else dct.year - 1
        start = _SEASON_START[code]
        over = date(year + (start + 3 > 12), (start + 2) % 12 + 1, 1) <= dct  # the season ended before the article
        return year + 1 if over and direction == "future" else year  # "will tour this spring", said in November
    if direction == "past":
        return dct.year if start_this_year <= dct else dct.year - 1
    if direction == "future":
        return dct.year if start_this_year >= dct else dct.year + 1
    return dct.year


def weekday_date(weekday: int, rel: str, direction: Direction, dct: date) -> date:
    """The day a weekday name means: news reports the week around its date line."""
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if rel in ("last", "past", "this past"):
        return add_days(dct, -(back or 7))
    if rel in ("next", "coming", "this coming"):
        return add_days(dct, ahead or 7)
    if direction in ("future", "present"):
        return add_days(dct, ahead)
    if direction is None:
        return add_days(dct, ahead) if ahead < back else add_days(dct, -back)
    return add_days(dct, -back)


def _easter(year: int) -> date:
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return make_date(year, month, day + 1)


def _thanksgiving(year: int) -> date:
    first = make_date(year, 11, 1)
    return add_days(first, (3 - first.weekday()) % 7 + 21)


def _holiday_in(name: str, year: int) -> date | None:
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
        "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
        "valentine's day": (2, 14),
    }
    if name in fixed:
        m, d = fixed[name]
        return make_date(year, m, d)
    if name.startswith("easter") or name == "good friday":
        e = _easter(year)
        return add_days(e, {"easter monday": 1, "good friday": -2}.get(name, 0))
    if name.startswith("thanksgiving"):
        return _thanksgiving(year)
    if name in ("black friday", "cyber monday"):  # the Friday and the Monday after Thanksgiving
        return add_days(_thanksgiving(year), 1 if name == "black friday" else 4)
    return None


def holiday_date(name: str, year: int | None, direction: Direction, dct: date) -> date | None:
    if year is not None:
        return _holiday_in(name, year)
    this_year = _holiday_in(name, dct.year)
    if this_year is None:
        return None
    if direction == "past" and this_year > dct:
        return _holiday_in(name, dct.year - 1)
    if direction == "future" and this_year < dct:
        return _holiday_in(name, dct.year + 1)
    # no tense, or the present ("the shops that are open on New Year's Eve"): the nearest one
    if direction in (None, "present") and (this_year - dct).days > 182:
        return _holiday_in(name, dct.year - 1)
    if direction in (None, "present") and (dct - this_year).days > 182:
        return _holiday_in(name, dct.year + 1)
    return this_year
