"""Layout maths of the timeline, as plain functions of numbers: no Qt, no painting, testable alone.

Time is a float count of days (``date.toordinal()``; a day covers ``[n, n + 1)``). The view decides the scale in
pixels per day; from it these functions choose the ticks of the axis, put events into lanes so that no mark or
label overlaps another, and gather the events of a dense period into one cluster that splits again as the reader
zooms in.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_FIRST = date.min.toordinal()
_LAST = date.max.toordinal()


# -- ticks --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TickUnit:
    kind: str  # day | month | year
    step: int  # days of month (1, 2, 7, 14), months (1, 3, 6) or years (1, 2, 5, 10 …)

    @property
    def min_days(self) -> int:
        """The shortest distance between two ticks of this unit, in days."""
        if self.kind == "day":
            return self.step
        if self.kind == "month":
            return 28 if self.step == 1 else 30 * self.step - 3
        return 365 * self.step

    @property
    def sample_label(self) -> str:
        """The widest ordinary label of the unit, to decide whether labels fit between ticks."""
        if self.kind == "day":
            return "28" if self.step < 7 else "1 MAY"
        return "MAY" if self.kind == "month" else "2000"


TICK_UNITS = (
    TickUnit("day", 1),
    TickUnit("day", 2),
    TickUnit("day", 7),
    TickUnit("day", 14),
    TickUnit("month", 1),
    TickUnit("month", 3),
    TickUnit("month", 6),
    *(TickUnit("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)),
)


@dataclass(frozen=True, slots=True)
class Tick:
    day: int  # ordinal of the day the tick starts
    label: str
    major: bool  # a boundary of the next larger unit (month start for days, January for months)


def choose_tick_unit(px_per_day: float, measure: Callable[[str], float], min_gap: float = 22.0) -> TickUnit:
    """The finest unit whose labels fit between its ticks at this scale."""
    for unit in TICK_UNITS:
        if unit.min_days * px_per_day >= measure(unit.sample_label) + min_gap:
            return unit
    return TICK_UNITS[-1]


def ticks_between(first: float, last: float, unit: TickUnit) -> list[Tick]:
    """Every tick of ``unit`` in ``[first, last]`` (day numbers); the first one always says which month/year."""
    lo = max(_FIRST, int(first))
    hi = min(_LAST, math.floor(last))
    out: list[Tick] = []
    if unit.kind == "day":
        d: date | None = date.fromordinal(lo).replace(day=1)
        while d is not None and d.toordinal() <= hi:
            length = calendar.monthrange(d.year, d.month)[1]
            for k in range(1, length + 1, unit.step):
                if k > 1 and k + unit.step - 1 > length:
                    break  # leave the last interval of a month at least one step wide
                n = d.toordinal() + k - 1
                if lo <= n <= hi:
                    out.append(Tick(n, _day_label(date.fromordinal(n), first_shown=not out), k == 1))
            d = _add_months(d, 1)
    elif unit.kind == "month":
        start = date.fromordinal(lo)
        m: date | None = date(start.year, start.month - (start.month - 1) % unit.step, 1)
        while m is not None and m.toordinal() <= hi:
            if m.toordinal() >= lo:
                out.append(Tick(m.toordinal(), _month_label(m, unit.step, first_shown=not out), m.month == 1))
            m = _add_months(m, unit.step)
    else:
        year = date.fromordinal(lo).year
        y = max(1, year - year % unit.step)
        while y <= date.max.year:
            n = date(y, 1, 1).toordinal()
            if n > hi:
                break
            if n >= lo:
                out.append(Tick(n, str(y), y % (unit.step * 10) == 0))
            y += unit.step
    return out


def drop_overlapping_labels(
    xs: Sequence[float], labels: Sequence[str], measure: Callable[[str], float], gap: float = 8.0,
    priority: Sequence[bool] | None = None,
) -> list[bool]:
    """Which labels to draw (left-aligned at x) so that none overlaps another. Labels with ``priority`` (the
    month or year boundaries: "1 JAN 2019") are placed first, so a boundary is never lost to the label of the day
    before it; the others fill the room left, left to right."""
    n = len(xs)
    first = priority if priority is not None else [False] * n
    shown = [False] * n
    spans: list[tuple[float, float]] = []

    def free(i: int) -> bool:
        a, b = xs[i], xs[i] + measure(labels[i])
        return all(b + gap <= lo or a >= hi + gap for lo, hi in spans)

    for wanted in (True, False):
        for i in range(n):
            if bool(first[i]) == wanted and free(i):
                shown[i] = True
                spans.append((xs[i], xs[i] + measure(labels[i])))
    return shown


def _day_label(d: date, first_shown: bool) -> str:
    if first_shown or (d.month == 1 and d.day == 1):
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if d.day == 1:
        return f"1 {MONTHS[d.month - 1]}"
    return str(d.day)


def _month_label(d: date, step: int, first_shown: bool) -> str:
    if d.month == 1 and step > 1:
        return str(d.year)  # quarters and halves: the year itself marks January
    return f"{MONTHS[d.month - 1]} {d.year}" if first_shown or d.month == 1 else MONTHS[d.month - 1]


def _add_months(d: date, n: int) -> date | None:
    k = d.year * 12 + d.month - 1 + n
    year, month = divmod(k, 12)
    if year > date.max.year:
        return None
    return date(year, month + 1, 1)


# -- lanes and clusters -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """What one event needs on screen, in pixels: its mark ``[x0, x1]`` and a label beside it."""

    key: int
    x0: float
    x1: float
    label: float  # wanted label width; 0 when the label sits inside the bar or there is none


@dataclass(frozen=True, slots=True)
class Slot:
    """A placed mark (one key) or a cluster (several keys), in a lane, with the label width it may use and the
    side of the mark its label is on: after it (left-aligned), or before it (right-aligned, ending at the mark)."""

    keys: tuple[int, ...]
    lane: int
    x0: float
    x1: float
    label: float
    left: bool = False

    @property
    def is_cluster(self) -> bool:
        return len(self.keys) > 1

    def extent(self, pad: float) -> tuple[float, float]:
        """Where the mark and its label are, from the first pixel to the last."""
        if not self.label:
            return self.x0, self.x1
        if self.left:
            return self.x0 - pad - self.label, self.x1
        return self.x0, self.x1 + pad + self.label


@dataclass(frozen=True, slots=True)
class LaneLayout:
    slots: tuple[Slot, ...]
    lanes: int  # lanes used; may exceed the lanes asked for when nothing else avoided an overlap


@dataclass(frozen=True, slots=True)
class LaneMetrics:
    gap: float = 8.0  # between a label's end and the next mark in the lane
    label_pad: float = 6.0  # between a mark and its label
    min_label: float = 56.0  # a label cut shorter than this reads as noise: prefer another lane or a cluster
    min_visible_label: float = 28.0  # below this a cut label is hidden (its text stays in the hover card)
    cluster_px: float = 24.0  # marks starting this close together form one group
    bubble: float = 28.0  # the narrowest cluster mark
    cluster_suffix: float = 26.0  # " +2" after a cluster's name


@dataclass
class _Lane:
    slots: list[Slot] = field(default_factory=list)
    wants: list[float] = field(default_factory=list)  # the whole label of each slot, before any cut
    mark_end: float = float("-inf")
    hard_end: float = float("-inf")  # mark + the shortest acceptable label
    soft_end: float = float("-inf")  # mark + the whole label

    def copy(self) -> _Lane:
        return _Lane(list(self.slots), list(self.wants), self.mark_end, self.hard_end, self.soft_end)


@dataclass(frozen=True, slots=True)
class _Room:
    """What a label must stay clear of besides the lanes: the publication line and the edges of the view."""

    m: LaneMetrics
    barrier: float | None
    edges: tuple[float, float] | None
    either_side: bool

    def sides(self, x0: float, x1: float, label: float, before: float) -> tuple[float, float]:
        """The room (at most ``label``) after a mark ``[x0, x1]`` and before it, when what precedes it in its lane
        ends at ``before``; the room before is 0 when labels keep to the right."""
        m, line = self.m, self.barrier
        start = x1 + m.label_pad
        right = label
        if line is not None and start - m.gap / 2 < line < start + label + m.gap:
            right = line - m.gap - start
        end = x0 - m.label_pad
        left = min(label, end - (before + m.gap)) if self.either_side else 0.0
        if line is not None and end - label - m.gap < line < end + m.gap / 2:
            left = min(left, end - (line + m.gap))
        if self.edges is not None and self.edges[0] <= x0 and x1 <= self.edges[1]:  # a mark in view: so its name
            right = min(right, self.edges[1] - m.gap / 2 - start)
            left = min(left, end - self.edges[0] - m.gap / 2)
        return max(0.0, right), max(0.0, left)


# How a mark may go into a lane, in order of preference: (what of the lane's last slot is kept clear, how much of
# the label shows). "soft" keeps the previous label whole, "hard" cuts it to ``min_label``, "mark" keeps only its
# mark; "full" shows the whole label (after the mark, else before it), "cut" at least ``min_label`` of it, "any"
# what fits, or nothing.
_FIT = (("soft", "full"), ("hard", "full"), ("soft", "cut"), ("hard", "cut"), ("soft", "any"), ("hard", "any"))
_BARE = (("mark", "full"), ("mark", "cut"), ("mark", "any"))
_END = {"soft": "soft_end", "hard": "hard_end", "mark": "mark_end"}


def assign_lanes(
    marks: Sequence[Mark], lanes: int, metrics: LaneMetrics | None = None, barrier: float | None = None,
    edges: tuple[float, float] | None = None, either_side: bool = False,
) -> LaneLayout:
    """Put marks into at most ``lanes`` lanes, left to right, without overlaps.

    ``barrier`` is the x of a vertical line crossing every lane (the publication date), ``edges`` the first and
    last x of the view: no label runs across them. With ``either_side`` a label that does not fit after its mark
    (the line, the edge or the next mark is in the way) goes before it, ending at the mark (``Slot.left``), before
    any other way out; else another lane; only then is it cut at a word end, and hidden when too little is left.
    Without it, labels keep to the right (for callers that draw them there only).

    Marks that start within ``cluster_px`` of each other form a group. A group goes into lanes whole — each mark
    in the first lane where its whole label fits, else where a shortened label fits. When that fails it joins
    the cluster just before it if they touch, else shows what fits and clusters the rest, else becomes one
    cluster. A single mark that fits nowhere drops its label's claim; only when even its mark collides
    everywhere does a lane get added.
    """
    m = metrics or LaneMetrics()
    room = _Room(m, barrier, edges, either_side)
    state = [_Lane() for _ in range(max(1, lanes))]
    last_cluster: tuple[int, int] | None = None  # (lane, index in lane) of the most recent cluster
    for group in _groups(sorted(marks, key=lambda k: (k.x0, k.x1)), m.cluster_px):
        if len(group) == 1:  # placing one mark changes nothing when it fails: no trial copy of the lanes
            if _place(state, (group[0].key,), group[0].x0, group[0].x1, group[0].label, room, _FIT) is not None:
                continue
        else:
            trial = [s.copy() for s in state]
            if all(_place(trial, (k.key,), k.x0, k.x1, k.label, room, _FIT) is not None for k in group):
                state = trial
                continue
        if len(group) == 1 and _place(state, (group[0].key,), group[0].x0, group[0].x1, group[0].label, room,
                                      _BARE) is not None:
            continue
        keys = tuple(k.key for k in group)
        x0 = min(k.x0 for k in group)
        x1 = max(x0 + m.bubble, max(k.x0 for k in group) + m.bubble / 2)
        if last_cluster is not None and _extend_cluster(state, last_cluster, keys, x0, x1, m):
            continue
        if len(group) > 1:
            shown, rest = _place_some(state, group, room)
            if shown:
                x0 = min(k.x0 for k in rest)
                x1 = max(x0 + m.bubble, max(k.x0 for k in rest) + m.bubble / 2)
                lane = _place(shown, tuple(k.key for k in rest), x0, x1, _cluster_label(rest, m), room, _FIT)
                if lane is not None:
                    state = shown
                    last_cluster = (lane, len(state[lane].slots) - 1)
                    continue
                x0 = min(k.x0 for k in group)
                x1 = max(x0 + m.bubble, max(k.x0 for k in group) + m.bubble / 2)
        if len(group) == 1:
            state.append(_Lane())
            _place(state, keys, group[0].x0, group[0].x1, group[0].label, room, _BARE)
            continue
        label = _cluster_label(group, m)
        lane = _place(state, keys, x0, x1, label, room, _FIT + _BARE)
        if lane is None:
            state.append(_Lane())
            lane = _place(state, keys, x0, x1, label, room, _BARE)
        assert lane is not None  # a new lane takes any mark
        last_cluster = (lane, len(state[lane].slots) - 1)
    return LaneLayout(tuple(_cut_labels(state, room)), len(state))


def _cluster_label(marks: Sequence[Mark], m: LaneMetrics) -> float:
    """Room a cluster asks for its label: the longest name among its marks (the one shown is the most important)
    and "+N"."""
    widest = max((k.label for k in marks), default=0.0)
    return widest + m.cluster_suffix if widest else 0.0


def _place_some(state: list[_Lane], group: list[Mark], room: _Room) -> tuple[list[_Lane] | None, list[Mark]]:
    """Place the first marks of a group that fits only in part, keeping one lane for a cluster of the rest."""
    trial = [s.copy() for s in state]
    placed = 0
    for mark in group:
        free = sum(1 for lane in trial if lane.hard_end + room.m.gap <= mark.x0)
        if free < 2 or _place(trial, (mark.key,), mark.x0, mark.x1, mark.label, room, _FIT) is None:
            break
        placed += 1
    if placed == 0 or placed >= len(group) - 1:
        return None, group
    return trial, group[placed:]


def _groups(marks: Sequence[Mark], cluster_px: float) -> list[list[Mark]]:
    groups: list[list[Mark]] = []
    for mark in marks:
        if groups and mark.x0 - groups[-1][0].x0 <= cluster_px:
            groups[-1].append(mark)
        else:
            groups.append([mark])
    return groups


def _place(
    state: list[_Lane], keys: tuple[int, ...], x0: float, x1: float, label: float, room: _Room,
    ways: tuple[tuple[str, str], ...],
) -> int | None:
    """Put a mark (or a cluster) ``[x0, x1]`` wanting ``label`` pixels of name into the first lane and on the first
    side that ``ways`` allow, trying each way in every lane before the next way (see ``_FIT``); the lane, or None
    when no way allows any lane."""
    m = room.m
    for end, show in ways:
        attr = _END[end]
        for i, lane in enumerate(state):
            before = getattr(lane, attr)
            if before + m.gap > x0:
                continue
            # A mark let in over the previous label takes from it no more than its own width: its label does not
            # go before it there.
            right, left = room.sides(x0, x1, label, lane.soft_end if end == "mark" else before)
            if not label or (show == "full" and right >= label):
                side, width = False, label
            elif show == "full":
                if left < label:
                    continue
                side, width = True, label
            else:
                side = left > right
                width = max(left, right)
                if show == "cut" and width < _least(keys, m.min_label, m):
                    continue
                if width < _least(keys, m.min_visible_label, m):
                    side, width = False, 0.0
            _put(lane, Slot(keys, i, x0, x1, width, side), label, m)
            return i
    return None


def _least(keys: tuple[int, ...], width: float, m: LaneMetrics) -> float:
    """The shortest label worth showing: ``width`` of name, and a cluster's "+N" after it."""
    return width + m.cluster_suffix if len(keys) > 1 else width


def _put(lane: _Lane, slot: Slot, want: float, m: LaneMetrics) -> None:
    lane.slots.append(slot)
    lane.wants.append(want)
    lane.mark_end = slot.x1
    label_start = slot.x1 + m.label_pad
    right = slot.label if not slot.left else 0.0
    lane.soft_end = label_start + right if right else slot.x1
    lane.hard_end = label_start + min(right, m.min_label) if right else slot.x1


def _extend_cluster(
    state: list[_Lane], where: tuple[int, int], keys: tuple[int, ...], x0: float, x1: float, m: LaneMetrics
) -> bool:
    lane_no, index = where
    lane = state[lane_no]
    if index != len(lane.slots) - 1:
        return False  # something was placed after the cluster in its lane
    old = lane.slots[index]
    if x0 - old.x1 > m.cluster_px:
        return False
    lane.slots.pop()
    want = lane.wants.pop()
    _put(lane, Slot(old.keys + keys, lane_no, old.x0, max(old.x1, x1), old.label, old.left), want, m)
    return True


def _cut_labels(state: list[_Lane], room: _Room) -> list[Slot]:
    """The labels as drawn, lane by lane from the left: each whole after its mark if nothing is in the way, else
    whole before it, else cut to the wider of the two rooms (at a word end, by the item), else hidden."""
    m = room.m
    out: list[Slot] = []
    for lane in state:
        before = float("-inf")  # where what is drawn before this slot in the lane ends
        for i, (slot, want) in enumerate(zip(lane.slots, lane.wants, strict=True)):
            after = lane.slots[i + 1] if i + 1 < len(lane.slots) else None
            right, left = room.sides(slot.x0, slot.x1, want, before)
            if after is not None:
                right = min(right, after.extent(m.label_pad)[0] - m.gap - slot.x1 - m.label_pad)
            if not want:
                side, label = False, 0.0
            elif right >= want:
                side, label = False, want
            elif left >= want:
                side, label = True, want
            else:
                side = left > right or (left == right and slot.left)
                label = max(left, right)
                if label < _least(slot.keys, m.min_visible_label, m):
                    side, label = False, 0.0
            placed = Slot(slot.keys, slot.lane, slot.x0, slot.x1, label, side)
            out.append(placed)
            before = placed.extent(m.label_pad)[1]
    return sorted(out, key=lambda s: (s.x0, s.lane))


# -- scale ------------------------------------------------------------------------------------------------------


def fit_scale(
    first_day: float, end_day: float, width_px: float, left_px: float = 40.0, right_px: float = 40.0
) -> tuple[float, float]:
    """(left day, pixels per day) that show ``[first_day, end_day)`` inside ``width_px`` with these margins."""
    span = max(end_day - first_day, 7.0)
    usable = max(width_px - left_px - right_px, 40.0)
    ppd = usable / span
    return first_day - (span - (end_day - first_day)) / 2 - left_px / ppd, ppd


def focus_range(spans: Sequence[tuple[int, int]], anchor: int | None = None, share: float = 0.5) -> tuple[int, int]:
    """The days to show first: ``[first, end)`` around the densest part of the events, in whole months.

    ``spans`` are (first day, last day) of each event. The densest ``share`` of the events is the shortest run of
    that many event midpoints (on a tie, the run nearer ``anchor``, the publication date); the range covers it and
    ``anchor``, widened to whole calendar months. A lone outlier decades away cannot stretch it, unlike fitting
    every event, and it is never narrower than one month.
    """
    mids = sorted((a + b + 1) / 2 for a, b in spans)
    if not mids:
        lo = hi = float(anchor if anchor is not None else date.today().toordinal())
    else:
        k = max(1, math.ceil(share * len(mids)))
        near = float(anchor) if anchor is not None else (mids[0] + mids[-1]) / 2

        def cost(i: int) -> tuple[float, float]:
            lo, hi = mids[i], mids[i + k - 1]
            return hi - lo, max(lo - near, near - hi, 0.0)

        best = min(range(len(mids) - k + 1), key=cost)
        lo, hi = mids[best], mids[best + k - 1]
    if anchor is not None:
        lo, hi = min(lo, anchor + 0.5), max(hi, anchor + 0.5)
    first = date.fromordinal(max(_FIRST, math.floor(lo))).replace(day=1)
    last = date.fromordinal(min(_LAST, max(math.floor(lo), math.ceil(hi) - 1)))
    end = _add_months(last.replace(day=1), 1)
    return first.toordinal(), (end.toordinal() if end is not None else _LAST)
