"""A company's calendar: its fiscal year said without a number ("the fiscal year", "the next financial year") and
the part of a year a report compares with ("the year-earlier quarter")."""

from __future__ import annotations

import re
from datetime import date

# A fiscal year named with its number ("fiscal 2012", "FY2012"), looked for this far back (a story's own, not a scan
# of all the text before every "the fiscal year" of a long one).
FISCAL_REACH = 5000
FISCAL_NAMED = re.compile(r"(?i:fiscal|financial)[^\S\n]{1,3}(?:year[^\S\n]{1,3})?((?:19|20)\d\d)\b"
                          r"|\bFY[^\S\n]?((?:19|20)\d\d)\b")
_STEPS = {"this": 0, "current": 0, "the current": 0, "last": -1, "previous": -1, "past": -1, "this past": -1,
          "the past": -1, "the last": -1, "the previous": -1, "the prior": -1, "next": 1, "coming": 1,
          "the next": 1, "the coming": 1, "the following": 1}
# What a report compares a quarter or a half with ("net income rose from the year-earlier quarter").
YEAR_BEFORE = frozenset({"year-earlier", "year-ago", "prior-year", "year-before"})


def fiscal_year(text: str, start: int, rel: str, dct: date) -> int | None:
    """The year of a company's year said without its number (valued as TimeML writes one, FY2013): "the fiscal year"
    is the one the text last named ("fiscal 2012 … net income for the fiscal year"), else the publication year's;
    "this" or "the current" one that too; "the past (last, previous) fiscal year" the one before and "the next
    (coming)" the one after (a year of accounts, not a span of twelve months); None for "the same fiscal year" (the
    year the text is at)."""
    if rel == "the":
        named = [int(m.group(1) or m.group(2)) for m in FISCAL_NAMED.finditer(text, max(0, start - FISCAL_REACH),
                                                                               start)]
        return named[-1] if named else dct.year
    step = _STEPS.get(rel)
    return None if step is None else dct.year + step


def year_before(history: list[tuple[date, str]], half: bool) -> tuple[int, int] | None:
    """ "The year-earlier quarter": (year, number) of the quarter (half) the text spoke of last, a year before; None
    when it has named none (a part of which year, else, is anyone's guess)."""
    gran = "half" if half else "quarter"
    for day, told in reversed(history):
        if told == gran:
            return day.year - 1, (day.month - 1) // (6 if half else 3) + 1
    return None
