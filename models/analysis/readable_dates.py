"""TIMEX3 values in words, for people: "2019-SP" is "spring 2019", "2018-Q4" the "fourth quarter of 2018".

The analysis keeps the normalised value (sortable, exchangeable); exports and the timeline show this reading.
Pure functions, no Qt.
"""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
ORDINALS = ("first", "second", "third", "fourth")
REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
MODS = {"APPROX": "about {}", "START": "early {}", "MID": "mid-{}", "END": "late {}", "BEFORE": "before {}",
        "AFTER": "after {}", "ON_OR_BEFORE": "by {}", "ON_OR_AFTER": "from {}", "LESS_THAN": "less than {}",
        "MORE_THAN": "more than {}", "EQUAL_OR_LESS": "at most {}", "EQUAL_OR_MORE": "at least {}"}

_DATE = re.compile(r"^(\d{4}|XXXX)(?:-(\d\d|XX))?(?:-(\d\d|XX))?(?:T(\d\d(?::\d\d)?|MO|AF|EV|NI|DT))?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(?:-WE)?$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def readable_date(value: str, mod: str | None = None) -> str:
    """The value as a reader says it; an unknown shape comes back as given (never an error)."""
    words = _words(value.strip())
    template = MODS.get(mod or "")
    return template.format(words) if template and words != value else words


def _words(value: str) -> str:
    if value in REFS:
        return REFS[value]
    if m := _SEASON.match(value):
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    if m := _QUARTER.match(value):
        return f"{ORDINALS[int(m.group(2)) - 1]} quarter of {m.group(1)}"
    if m := _HALF.match(value):
        return f"{ORDINALS[int(m.group(2)) - 1]} half of {m.group(1)}"
    if m := _WEEK.match(value):
        weekend = value.endswith("-WE")
        return f"{'weekend' if weekend else 'week'} {int(m.group(2))} of {m.group(1)}"
    if m := _DATE.match(value):
        year, month, day, time = m.groups()
        if month in (None, "XX"):
            return year if year != "XXXX" else value
        if not 1 <= int(month) <= 12:
            return value
        month_name = MONTHS[int(month) - 1]
        if day in (None, "XX"):
            text = f"{month_name} {year}" if year != "XXXX" else month_name
        else:
            text = f"{int(day)} {month_name} {year}" if year != "XXXX" else f"{int(day)} {month_name}"
        if time:
            text += f", {PARTS_OF_DAY.get(time, time)}"
        return text
    if m := _DECADE.match(value):
        return f"{m.group(1)}0s"
    if m := _CENTURY.match(value):
        return f"{_ordinal(int(m.group(1)) + 1)} century"
    return value
