"""Generated texts that mix date-like phrases, numbers, "years ago", centuries and eras, analysed against any
publication date from 0001-01-01 to 9999-12-31 or none: nothing raises, every offset lies inside the text, every
value can be written as TIMEX3."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from models.analysis import analyze
from models.analysis.timex.arithmetic import OutOfRange, add_days, add_months, interval, narrow, shift

DATE_PHRASES = (
    "January 5", "5 January 2019", "Jan. 31, 2019", "February 29", "Feb. 29, 2019", "2019-02-29", "02/30/2019",
    "Tuesday", "last Tuesday", "next Friday morning", "yesterday", "tomorrow night", "today", "the day before",
    "the next day", "a week earlier", "eight days later", "two decades later", "last week", "next month",
    "this year", "next year", "last year", "the end of last year", "early 2019", "mid-1990s", "the 1990s", "in 1600",
    "in 2099", "the 3rd century", "the 21st century", "the third century BC", "800 BC", "AD 800",
    "the first millennium", "5,000 years ago", "3 million years ago", "10 billion years ago", "two thousand years ago",
    "a million days ago",
    "100,000 weeks later", "9999 years from now", "centuries ago", "years ago", "decades later", "in the summer",
    "last winter", "this spring", "Q3 2019", "Q4", "the second half", "the first quarter", "12:30 p.m.", "noon",
    "midnight", "at 9 o'clock", "Christmas", "Easter 1600", "Thanksgiving", "New Year's Eve", "every Monday",
    "twice a year", "annually", "three days", "the past decade", "the coming weeks", "recently", "in the future",
    "1,000 centuries earlier", "a fortnight later", "the previous month", "that week", "the following year",
    "the weekend", "last weekend", "4 quarters ago", "1.5 years later", "half a century ago", "999999999 days later",
)  # fmt: skip
WORDS = (
    "the", "minister", "said", "on", "in", "Putin", "met", "Abe", "will", "visit", "was", "signed", "treaty", "and",
    "after", "before", "since", "until", "by", "Moscow", "Tokyo", "talks", "were", "held",
    "\u00e9t\u00e9", "\U0001F600",
)  # fmt: skip
NUMBERS = st.one_of(
    st.integers(min_value=-10**6, max_value=10**12).map(str),
    st.sampled_from(["0", "00", "0000", "1", "31", "99", "1000", "1799", "9999", "10000", "1,000,000"]),
)
FRAGMENT = st.one_of(
    st.sampled_from(DATE_PHRASES),
    st.sampled_from(WORDS),
    NUMBERS,
    st.sampled_from([".", ",", ";", " - ", "\n", "(", ")", "\u201c", "\u201d", "'s"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
)
TEXTS = st.lists(FRAGMENT, min_size=1, max_size=40).map(" ".join)
EDGE_DATES = (date(1, 1, 1), date(1, 1, 7), date(1, 12, 31), date(9999, 12, 31), date(9999, 12, 25), date(9999, 1, 1),
              date(2000, 2, 29), date(1900, 1, 1), date(1970, 1, 1))
PUBLISHED = st.one_of(
    st.none(), st.sampled_from(EDGE_DATES), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
)

# What a TIMEX3 value may look like (dates, years BC, durations, sets, references).
_VALUE = re.compile(
    r"^(?:BC\d{4,}|FY\d{4}|\d{2,4}(?:-[\w:.-]+)?|P[\dX.]+[A-Z]+|PT[\dX.]+[A-Z]+|P\d+Y\d+M|XXXX[\w:-]*"
    r"|PAST_REF|PRESENT_REF|FUTURE_REF)$"
)


def _check(text: str, published: date | None) -> None:
    result = analyze(text, published, budget=None)
    assert result.status == "complete"
    n = len(text)
    for entity in result.entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= n and text[m.start : m.end] == m.text
    for t in result.timexes:
        assert 0 <= t.start < t.end <= n and text[t.start : t.end] == t.text
        assert _VALUE.match(t.value), t.value
        if t.value.startswith("BC"):
            event("a year BC")
        elif t.value == "FUTURE_REF":
            event("FUTURE_REF")
    for ev in result.events:
        assert 0 <= ev.sentence_start <= ev.timex.start < ev.timex.end <= ev.sentence_end <= n
        assert ev.interval_start <= ev.interval_end
    if published is None:
        event("no publication date")
    elif published.year in (1, 9999):
        event(f"published in year {published.year}")


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=PUBLISHED)
@example(text="On Tuesday the city fell.", published=date(1, 1, 1))  # issue 10: a placeholder publication date
@example(text="Ruins from 5,000 years ago. The next day.", published=date(2019, 1, 1))  # issue 10: year -2994
@example(text="yesterday, tomorrow, last week, next year, Christmas, Easter", published=date(9999, 12, 31))
@example(text="the day before yesterday, last winter, Q1, early 2019", published=date(1, 1, 1))
@example(text="On February 29 and the following year", published=date(2000, 2, 29))
@example(text="a million days ago and 999999999 days later and 10 billion years ago", published=None)
def test_analysis_never_raises_and_keeps_offsets_inside_the_text(text: str, published: date | None) -> None:
    _check(text, published)


UNITS = ("day", "week", "weekend", "fortnight", "month", "quarter", "half", "year", "decade", "century")


@settings(max_examples=2000, deadline=None)
@given(
    day=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    unit=st.sampled_from(UNITS),
    n=st.integers(min_value=-(10**15), max_value=10**15),
)
def test_calendar_shifts_give_a_date_or_out_of_range_only(day: date, unit: str, n: int) -> None:
    try:
        moved = shift(day, unit, n)
    except OutOfRange as error:
        assert error.year < 1 or error.year > 9999
        event("out of range")
    else:
        assert isinstance(moved, date)


@settings(max_examples=1000, deadline=None)
@given(
    day=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    n=st.one_of(st.integers(min_value=-(10**20), max_value=10**20), st.floats(allow_nan=True, allow_infinity=True)),
)
def test_day_and_month_arithmetic_never_overflows(day: date, n: int | float) -> None:
    for op in (add_days, lambda d, k: add_months(d, int(k) if isinstance(k, int) else 0)):
        try:
            op(day, n)
        except OutOfRange:
            pass


@settings(max_examples=1000, deadline=None)
@given(
    value=st.one_of(
        st.from_regex(r"\A\d{4}(-(\d\d(-\d\d)?|W\d\d(-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?\Z"),
        st.from_regex(r"\A\d{2,3}\Z"),
    ),
    mod=st.sampled_from([None, "START", "MID", "END", "APPROX"]),
)
def test_intervals_of_any_value_stay_in_the_calendar(value: str, mod: str | None) -> None:
    span = interval(value)
    if span is not None:
        start, end, _precision = span
        assert start <= end
        first, last = narrow(start, end, mod)
        assert start <= first <= last <= end
