"""The timeline's layout maths without painting: which ticks, which lane, when to cluster."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from gui.timeline.scene_builder import (
    LaneMetrics,
    Mark,
    Slot,
    TickUnit,
    assign_lanes,
    choose_tick_unit,
    drop_overlapping_labels,
    fit_scale,
    ticks_between,
)


def measure(text: str) -> float:
    return 7.0 * len(text)  # an 11 px semibold face is about this wide


def unit_for(days: float, width: float = 1200.0) -> TickUnit:
    return choose_tick_unit(width / days, measure)


def test_tick_unit_follows_the_visible_span() -> None:
    assert unit_for(14) == TickUnit("day", 1)
    assert unit_for(60).kind == "day" and unit_for(60).step > 1
    assert unit_for(330) == TickUnit("month", 1)
    assert unit_for(3 * 365).kind == "month" and unit_for(3 * 365).step in (3, 6)
    assert unit_for(12 * 365) in (TickUnit("month", 6), TickUnit("year", 1))
    assert unit_for(80 * 365).kind == "year" and unit_for(80 * 365).step >= 5
    assert unit_for(2000 * 365).step >= 100


def test_narrow_views_choose_coarser_ticks() -> None:
    assert unit_for(330, width=300).min_days > unit_for(330, width=1200).min_days


def test_month_ticks_name_the_year_at_january_and_at_the_left_edge() -> None:
    first, last = date(2018, 11, 1).toordinal(), date(2019, 9, 30).toordinal()
    ticks = ticks_between(first, last, TickUnit("month", 1))
    labels = [t.label for t in ticks]
    assert labels[:4] == ["NOV 2018", "DEC", "JAN 2019", "FEB"] and labels[-1] == "SEP"
    assert [t.major for t in ticks].count(True) == 1


def test_day_ticks_never_leave_a_sliver_at_month_end() -> None:
    ticks = ticks_between(date(2019, 1, 1).toordinal(), date(2019, 3, 31).toordinal(), TickUnit("day", 7))
    days = [date.fromordinal(t.day).day for t in ticks]
    assert set(days) == {1, 8, 15, 22}
    gaps = [b.day - a.day for a, b in zip(ticks, ticks[1:], strict=False)]
    assert min(gaps) >= 7


def test_year_ticks_for_decades() -> None:
    ticks = ticks_between(date(1942, 5, 1).toordinal(), date(2021, 1, 1).toordinal(), TickUnit("year", 10))
    assert [t.label for t in ticks] == ["1950", "1960", "1970", "1980", "1990", "2000", "2010", "2020"]
    assert [t.major for t in ticks] == [False, False, False, False, False, True, False, False]  # centuries


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=3, max_value=365 * 500), st.floats(min_value=200, max_value=2400))
def test_shown_tick_labels_never_overlap(days: float, width: float) -> None:
    left = date(1990, 3, 7).toordinal()
    ppd = width / days
    unit = choose_tick_unit(ppd, measure)
    ticks = ticks_between(left, left + days, unit)
    xs = [(t.day - left) * ppd + 5 for t in ticks]
    shown = drop_overlapping_labels(xs, [t.label for t in ticks], measure)
    spans = [(x, x + measure(t.label)) for x, t, s in zip(xs, ticks, shown, strict=True) if s]
    assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:], strict=False))
    assert len(spans) >= min(2, len(ticks))  # the axis always says something


def _overlaps(slots: Sequence[Slot], metrics: LaneMetrics) -> list[tuple[int, int]]:
    bad = []
    for a in slots:
        for b in slots:
            if a is b or a.lane != b.lane or a.x0 > b.x0:
                continue
            a_end = a.x1 + (metrics.label_pad + a.label if a.label else 0)
            if b.x0 < a_end + metrics.gap - 1e-6 and (a.x0, a.keys) != (b.x0, b.keys):
                bad.append((a.keys[0], b.keys[0]))
    return bad


def test_lanes_stack_events_that_would_overlap() -> None:
    marks = [Mark(0, 100, 109, 120), Mark(1, 130, 139, 120), Mark(2, 400, 409, 120)]
    layout = assign_lanes(marks, lanes=4)
    lanes = {s.keys[0]: s.lane for s in layout.slots}
    assert lanes[0] != lanes[1] and lanes[2] == 0
    assert all(s.label == 120 for s in layout.slots)
    assert not any(s.is_cluster for s in layout.slots)


def test_labels_are_cut_before_the_next_mark_rather_than_overlap() -> None:
    marks = [Mark(0, 0, 9, 200), Mark(1, 100, 109, 200)]
    layout = assign_lanes(marks, lanes=1)
    first = next(s for s in layout.slots if s.keys == (0,))
    assert first.lane == 0 and 0 < first.label < 100
    assert not _overlaps(layout.slots, LaneMetrics())


def test_a_crowded_day_becomes_one_cluster_and_splits_at_a_finer_scale() -> None:
    crowded = [Mark(i, 500 + i * 0.5, 509 + i * 0.5, 90) for i in range(12)]
    layout = assign_lanes(crowded, lanes=4)
    clusters = [s for s in layout.slots if s.is_cluster]
    assert len(clusters) == 1 and len(clusters[0].keys) >= 9
    assert sum(len(s.keys) for s in layout.slots) == 12 and layout.lanes == 4
    spread = [Mark(i, 500 + i * 60, 509 + i * 60, 40) for i in range(12)]
    assert not any(s.is_cluster for s in assign_lanes(spread, lanes=4).slots)


def test_clusters_of_a_dense_period_merge_into_one() -> None:
    dense = [Mark(i, 100 + i * 6, 109 + i * 6, 100) for i in range(40)]
    layout = assign_lanes(dense, lanes=3)
    clusters = [s for s in layout.slots if s.is_cluster]
    assert len(clusters) == 1
    assert clusters[0].x1 >= 100 + 39 * 6  # the bubble spans the period it stands for


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 3000), st.floats(0, 300), st.floats(0, 160)), min_size=0, max_size=60
    ),
    st.integers(1, 6),
)
def test_every_event_is_placed_once_and_nothing_overlaps(raw: list[tuple[float, float, float]], lanes: int) -> None:
    marks = [Mark(i, x, x + max(w, 9), label) for i, (x, w, label) in enumerate(raw)]
    metrics = LaneMetrics()
    layout = assign_lanes(marks, lanes, metrics)
    keys = sorted(k for s in layout.slots for k in s.keys)
    assert keys == list(range(len(marks)))
    assert not _overlaps(layout.slots, metrics)
    for s in layout.slots:
        if not s.is_cluster:
            assert s.label <= marks[s.keys[0]].label + 1e-6


def test_fit_scale_shows_the_whole_interval_inside_the_margins() -> None:
    left, ppd = fit_scale(1000, 1365, 1200, 40, 160)
    assert abs((1000 - left) * ppd - 40) < 1e-6
    assert abs((1365 - left) * ppd - (1200 - 160)) < 1e-6
    left, ppd = fit_scale(1000, 1001, 1200)  # one day: a week around it, centred
    assert (1000 - left) * ppd > 40 and abs(((1000 + 1001) / 2 - left) * ppd - 600) < 1e-6
