"""The default range and the overview strip's broken scale, as numbers: no Qt."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from gui.timeline.overview_scale import BREAK_PX, broken_scale, year_ticks
from gui.timeline.scene_builder import focus_range


def d(y: int, m: int, day: int) -> int:
    return date(y, m, day).toordinal()


def span(first: date, last: date) -> tuple[int, int]:
    return first.toordinal(), last.toordinal()


# A news article's dates: one old year, a rumour, eleven January days, then plans through the summer.
ARTICLE = [
    span(date(2009, 1, 1), date(2009, 12, 31)),
    span(date(2018, 12, 22), date(2018, 12, 31)),
    *[span(date(2019, 1, k), date(2019, 1, k)) for k in (14, 14, 14, 20, 22, 22, 22, 22)],
    span(date(2019, 1, 1), date(2019, 1, 31)),
    span(date(2019, 2, 1), date(2019, 2, 28)),
    span(date(2019, 3, 1), date(2019, 5, 31)),
    span(date(2019, 6, 1), date(2019, 6, 30)),
    span(date(2019, 6, 1), date(2019, 6, 30)),
    span(date(2019, 6, 1), date(2019, 8, 31)),
]


def test_focus_range_is_the_dense_month_around_publication_not_the_outlier_decade() -> None:
    first, end = focus_range(ARTICLE, d(2019, 1, 23))
    assert first == d(2019, 1, 1) and end == d(2019, 2, 1)


def test_focus_range_always_holds_the_publication_date_in_whole_months() -> None:
    first, end = focus_range(ARTICLE, d(2019, 4, 10))
    assert first == d(2019, 1, 1) and end == d(2019, 5, 1)
    first, end = focus_range([span(date(1990, 5, 3), date(1990, 5, 3))], None)
    assert (first, end) == (d(1990, 5, 1), d(1990, 6, 1))  # a single day: its month, never narrower


def test_focus_range_prefers_the_dense_run_nearest_publication_on_a_tie() -> None:
    spans = [span(date(2001, 3, k), date(2001, 3, k)) for k in (1, 2)] + [
        span(date(2019, 3, k), date(2019, 3, k)) for k in (1, 2)
    ]
    assert focus_range(spans, d(2019, 3, 5)) == (d(2019, 3, 1), d(2019, 4, 1))


def test_focus_range_without_events_is_the_month_of_the_anchor() -> None:
    assert focus_range([], d(2019, 1, 23)) == (d(2019, 1, 1), d(2019, 2, 1))


def test_a_gap_dwarfing_the_rest_is_cut_and_the_events_share_the_width() -> None:
    spans = [(a, b + 1) for a, b in ARTICLE]
    scale = broken_scale(spans, 10, 1190)
    assert len(scale.breaks) == 1
    cut = scale.breaks[0]
    assert d(2010, 1, 1) < cut.first < cut.end < d(2018, 12, 22)
    assert abs(cut.x1 - cut.x0 - BREAK_PX) < 1e-9
    assert scale.x(spans[0][0]) == 10 and abs(scale.x(d(2019, 9, 1)) - 1190) < 1e-6
    # Without the cut, January 2019 would get 1180 px * 31 / 3900 days ≈ 9 px; with it, dozens.
    assert scale.x(d(2019, 2, 1)) - scale.x(d(2019, 1, 1)) > 40


def test_gaps_comparable_to_the_rest_are_not_cut() -> None:
    spans = [(d(2015, 1, 1), d(2016, 1, 1)), (d(2018, 1, 1), d(2019, 1, 1))]  # 2-year gap, 2 years of events
    scale = broken_scale(spans, 0, 1000)
    assert not scale.breaks and abs(scale.x(d(2017, 1, 1)) - 500) < 2


def test_several_long_gaps_each_get_a_break() -> None:
    spans = [(d(1945, 8, 15), d(1945, 8, 16)), (d(1990, 1, 1), d(1990, 1, 2)), (d(2019, 1, 1), d(2019, 3, 1))]
    scale = broken_scale(spans, 0, 1000)
    assert len(scale.breaks) == 2
    xs = [scale.x(a) for a, _ in spans]
    assert xs[1] - xs[0] < 120 and xs[2] - xs[1] < 120  # a linear scale would put them 600 and 400 px apart
    assert 1000 - xs[2] > 600  # the two months of 2019 get most of the width


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(d(1800, 1, 1), d(2030, 1, 1)), st.integers(1, 4000)), min_size=1, max_size=40),
    st.floats(200, 2000),
)
def test_the_broken_scale_is_increasing_invertible_and_fills_the_width(
    raw: list[tuple[int, int]], width: float
) -> None:
    spans = [(float(a), float(a + n)) for a, n in raw]
    scale = broken_scale(spans, 12, width - 12)
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    assert abs(scale.x(lo) - 12) < 1e-6 and abs(scale.x(hi) - (width - 12)) < 1e-6
    days = [lo - 400 + (hi - lo + 800) * k / 300 for k in range(301)]
    xs = [scale.x(day) for day in days]
    assert all(b > a for a, b in zip(xs, xs[1:], strict=False))
    assert all(abs(scale.day(x) - day) < 1e-6 * max(1.0, abs(day)) for x, day in zip(xs, days, strict=True))
    for a, b in spans:  # no event falls into a break
        assert not scale.cut(a, b)


def test_year_ticks_label_the_first_year_after_a_break_and_never_overlap() -> None:
    spans = [(a, b + 1) for a, b in ARTICLE]
    scale = broken_scale(spans, 10, 1190)
    ticks = year_ticks(scale, label_px=26)
    years = [y for _, y, _ in ticks]
    assert years == ["2009", "2010", "2019"]
    assert all(shown for _, _, shown in ticks)
    labelled = [x for x, _, shown in ticks if shown]
    assert all(b - a >= 36 for a, b in zip(labelled, labelled[1:], strict=False))
    wide = broken_scale([(d(1900, 1, 1), d(2020, 1, 1))], 0, 600)
    labelled = [x for x, _, shown in year_ticks(wide, label_px=26) if shown]
    assert len(labelled) >= 4 and all(b - a >= 36 for a, b in zip(labelled, labelled[1:], strict=False))
