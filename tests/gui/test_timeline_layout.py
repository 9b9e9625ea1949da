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
    """Pairs of slots of one lane whose marks and labels (after or before the mark) come closer than the gap."""
    bad = []
    for a in slots:
        for b in slots:
            if a is b or a.lane != b.lane or a.x0 > b.x0 or (a.x0, a.keys) == (b.x0, b.keys):
                continue
            a_lo, a_hi = a.extent(metrics.label_pad)
            b_lo, b_hi = b.extent(metrics.label_pad)
            if b_lo < a_hi + metrics.gap - 1e-6 and a_lo < b_hi + metrics.gap - 1e-6:
                bad.append((a.keys[0], b.keys[0]))
    return bad


def _label_span(s: Slot, metrics: LaneMetrics) -> tuple[float, float] | None:
    if not s.label:
        return None
    if s.left:
        return s.x0 - metrics.label_pad - s.label, s.x0 - metrics.label_pad
    return s.x1 + metrics.label_pad, s.x1 + metrics.label_pad + s.label


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


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 3000), st.floats(0, 300), st.floats(0, 160)), min_size=0, max_size=60
    ),
    st.integers(1, 6),
    st.one_of(st.none(), st.floats(0, 3000)),
    st.one_of(st.none(), st.tuples(st.floats(-100, 1500), st.floats(200, 2000))),
    st.booleans(),
)
def test_every_event_is_placed_once_and_nothing_overlaps(
    raw: list[tuple[float, float, float]], lanes: int, barrier: float | None, view: tuple[float, float] | None,
    either_side: bool,
) -> None:
    """Whatever the marks, the line and the view: each event once, no two marks or labels of a lane too close, no
    label across the publication line or out of the view its mark is in, none longer than asked, none before its
    mark unless the caller draws it there."""
    marks = [Mark(i, x, x + max(w, 9), label) for i, (x, w, label) in enumerate(raw)]
    metrics = LaneMetrics()
    edges = (view[0], view[0] + view[1]) if view is not None else None
    layout = assign_lanes(marks, lanes, metrics, barrier, edges, either_side=either_side)
    keys = sorted(k for s in layout.slots for k in s.keys)
    assert keys == list(range(len(marks)))
    assert not _overlaps(layout.slots, metrics)
    for s in layout.slots:
        if not s.is_cluster:
            assert s.label <= marks[s.keys[0]].label + 1e-6
        assert either_side or not s.left
        span = _label_span(s, metrics)
        if span is None:
            continue
        if not s.is_cluster:  # whole, or cut no shorter than a readable stub
            assert s.label >= min(metrics.min_visible_label, marks[s.keys[0]].label) - 1e-6
        if barrier is not None:
            assert not span[0] < barrier < span[1], (s, barrier)
        if edges is not None and edges[0] <= s.x0 and s.x1 <= edges[1]:
            assert edges[0] <= span[0] and span[1] <= edges[1], (s, edges)


def test_a_label_with_the_line_in_its_way_goes_before_its_mark() -> None:
    """The publication line a few pixels after a mark (an event the day before publication): its whole label goes
    before the mark, ending at it, rather than being hidden; a mark with room after it keeps its label there."""
    line = 500.0
    marks = [Mark(0, 100, 109, 120), Mark(1, 470, 479, 140), Mark(2, 700, 709, 140)]
    for either_side in (False, True):
        layout = assign_lanes(marks, lanes=1, barrier=line, either_side=either_side)
        by_key = {s.keys[0]: s for s in layout.slots}
        assert [(by_key[k].left, by_key[k].label) for k in (0, 2)] == [(False, 120), (False, 140)]
        if either_side:
            assert by_key[1].left and by_key[1].label == 140 and by_key[1].lane == 0
        else:
            assert by_key[1].label == 0  # with labels kept to the right, nothing fits: what happened before
    layout = assign_lanes(marks, lanes=1, barrier=line, either_side=True)
    assert not _overlaps(layout.slots, LaneMetrics())


def test_fallbacks_come_in_order_after_before_another_lane_cut_hidden() -> None:
    """After the mark, else before it, else in another lane, else cut, else hidden."""
    line = 500.0
    m = LaneMetrics()
    # Room before the mark in the first lane: it stays there.
    first = assign_lanes([Mark(0, 300, 309, 50), Mark(1, 480, 489, 100)], 2, m, line, either_side=True)
    assert {s.keys[0]: (s.lane, s.left, s.label) for s in first.slots}[1] == (0, True, 100)
    # The first lane's label is in the way before it: the second lane, whole.
    crowded = [Mark(0, 300, 309, 90), Mark(1, 480, 489, 100)]
    second = {s.keys[0]: s for s in assign_lanes(crowded, 2, m, line, either_side=True).slots}
    assert (second[1].lane, second[1].left, second[1].label) == (1, True, 100)
    assert second[0].label == 90  # and the first label stays whole
    # One lane only: cut to the room left before the mark (the item cuts the words), the first label whole.
    cut = {s.keys[0]: s for s in assign_lanes(crowded, 1, m, line, either_side=True).slots}
    assert cut[1].left and cut[1].lane == 0 and m.min_label <= cut[1].label < 100 and cut[0].label == 90
    assert not _overlaps(list(cut.values()), m)
    # The mark before it blocks one side, the line the other, one lane: hidden, the mark still placed.
    squeezed = [Mark(0, 450, 459, 100), Mark(1, 480, 489, 100)]
    gone = {s.keys[0]: s for s in assign_lanes(squeezed, 1, m, line, either_side=True).slots}
    assert gone[1].label == 0 and gone[1].lane == 0
    assert gone[0].left and gone[0].label == 100  # the other one, stopped by the line too, went before its mark
    assert not _overlaps(list(gone.values()), m)
    # A label cut by a later mark goes before its own mark when there is room there.
    moved = {s.keys[0]: s for s in assign_lanes([Mark(0, 400, 409, 150), Mark(1, 480, 489, 100)], 1, m, line,
                                                  either_side=True).slots}
    assert moved[0].left and moved[0].label == 150 and moved[1].left and moved[1].label >= m.min_label


def test_a_label_cut_by_a_later_mark_goes_before_its_own_mark_when_it_fits_there() -> None:
    marks = [Mark(0, 300, 309, 120), Mark(1, 330, 339, 60)]
    layout = assign_lanes(marks, lanes=1, either_side=True)
    by_key = {s.keys[0]: s for s in layout.slots}
    assert by_key[0].left and by_key[0].label == 120  # not cut to 13 px after it
    assert not by_key[1].left and by_key[1].label == 60
    kept_right = assign_lanes(marks, lanes=1)  # callers drawing labels after their marks only
    assert all(not s.left for s in kept_right.slots)


def test_a_label_at_the_edge_of_the_view_goes_before_its_mark() -> None:
    marks = [Mark(0, 1150, 1159, 120), Mark(1, 1300, 1309, 120)]
    layout = assign_lanes(marks, lanes=2, edges=(0.0, 1200.0), either_side=True)
    by_key = {s.keys[0]: s for s in layout.slots}
    assert by_key[0].left and by_key[0].label == 120  # in view: kept in view
    assert not by_key[1].left and by_key[1].label == 120  # out of view: not squeezed into it


def test_a_cluster_before_the_line_names_its_event_before_the_bubble() -> None:
    crowded = [Mark(i, 440 + i * 0.5, 449 + i * 0.5, 90) for i in range(6)]
    layout = assign_lanes([Mark(99, 100, 109, 80), *crowded], lanes=2, barrier=500.0, either_side=True)
    clusters = [s for s in layout.slots if s.is_cluster]
    assert clusters and all(c.left and c.label >= 90 + LaneMetrics().cluster_suffix for c in clusters)
    assert all(s.left and s.label == 90 for s in layout.slots if not s.is_cluster and s.keys != (99,))
    assert not _overlaps(layout.slots, LaneMetrics())


def test_fit_scale_shows_the_whole_interval_inside_the_margins() -> None:
    left, ppd = fit_scale(1000, 1365, 1200, 40, 160)
    assert abs((1000 - left) * ppd - 40) < 1e-6
    assert abs((1365 - left) * ppd - (1200 - 160)) < 1e-6
    left, ppd = fit_scale(1000, 1001, 1200)  # one day: a week around it, centred
    assert (1000 - left) * ppd > 40 and abs(((1000 + 1001) / 2 - left) * ppd - 600) < 1e-6
