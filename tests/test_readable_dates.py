"""Dates in exports and on the timeline read as words, not TIMEX codes."""

from __future__ import annotations

import pytest

from models.analysis.readable_dates import readable_date


@pytest.mark.parametrize(("value", "mod", "words"), [
    ("2019-SP", None, "spring 2019"),
    ("2019-SU", None, "summer 2019"),
    ("2018-WI", None, "winter 2018"),
    ("2019-01-22", None, "22 January 2019"),
    ("2019-06", None, "June 2019"),
    ("2019", None, "2019"),
    ("2018-Q4", None, "fourth quarter of 2018"),
    ("2019-H1", None, "first half of 2019"),
    ("2019-W03", None, "week 3 of 2019"),
    ("201", None, "2010s"),
    ("19", None, "20th century"),
    ("2019-01-22TEV", None, "22 January 2019, evening"),
    ("2019-01-22T10:30", None, "22 January 2019, 10:30"),
    ("XXXX-06", None, "June"),
    ("PRESENT_REF", None, "now"),
    ("2018-12", "END", "late December 2018"),
    ("2019-06", "APPROX", "about June 2019"),
    ("P3D", None, "P3D"),  # a duration is not a date: left as it is
    ("nonsense", "END", "nonsense"),
])
def test_timex_values_read_as_words(value: str, mod: str | None, words: str) -> None:
    assert readable_date(value, mod) == words
