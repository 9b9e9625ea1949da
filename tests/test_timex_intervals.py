"""What the timeline draws for a TIMEX3 value: the days it covers and its precision."""

from __future__ import annotations

from datetime import date

import pytest

from models.analysis.timex.arithmetic import interval, narrow


@pytest.mark.parametrize(
    ("value", "first", "last", "precision"),
    [
        ("2019-01-22", "2019-01-22", "2019-01-22", "day"),
        ("2019-01-22T15:00", "2019-01-22", "2019-01-22", "time"),
        ("2019-02", "2019-02-01", "2019-02-28", "month"),
        ("2020-02", "2020-02-01", "2020-02-29", "month"),
        ("2019-W04", "2019-01-21", "2019-01-27", "week"),
        ("2019-W04-WE", "2019-01-26", "2019-01-27", "week"),
        ("2018-Q4", "2018-10-01", "2018-12-31", "quarter"),
        ("2019-H1", "2019-01-01", "2019-06-30", "half"),
        ("2019-SP", "2019-03-01", "2019-05-31", "season"),
        ("2019-SU", "2019-06-01", "2019-08-31", "season"),
        ("2018-WI", "2018-12-01", "2019-02-28", "season"),
        ("2009", "2009-01-01", "2009-12-31", "year"),
        ("199", "1990-01-01", "1999-12-31", "decade"),
        ("20", "2000-01-01", "2099-12-31", "century"),
    ],
)
def test_value_covers_the_days_a_reader_expects(value: str, first: str, last: str, precision: str) -> None:
    start, end, kind = interval(value) or (None, None, None)
    assert (str(start), str(end), kind) == (first, last, precision)


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "P3D", "XXXX-WXX-2", "2019-13", "2019-02-30"])
def test_vague_or_impossible_values_have_no_interval(value: str) -> None:
    assert interval(value) is None


def test_early_mid_and_late_narrow_to_a_third() -> None:
    start, end = date(2019, 1, 1), date(2019, 12, 31)
    assert narrow(start, end, "START") == (date(2019, 1, 1), date(2019, 4, 30))
    assert narrow(start, end, "END") == (date(2019, 9, 1), date(2019, 12, 31))
    assert narrow(start, end, "MID") == (date(2019, 5, 1), date(2019, 8, 31))
    assert narrow(date(2019, 6, 1), date(2019, 6, 30), "START") == (date(2019, 6, 1), date(2019, 6, 10))
    assert narrow(start, end, "APPROX") == (start, end)
