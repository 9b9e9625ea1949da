"""From dated groups to placed marks at one scale: the bridge between the entries and the lane maths.

Kept apart from the view so that the rules "a day is a dot, a longer interval a bar, a label goes inside a bar
that is wide enough" live in one small place, computed with a text-measuring function rather than a painter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication

from gui.i18n import arg, plural
from gui.timeline.items import DOT_RADIUS, LABEL_PAD, POINT_PRECISIONS
from gui.timeline.scene_builder import LaneLayout, LaneMetrics, Mark, assign_lanes
from models.timeline_groups import DatedGroup

MIN_BAR = 10.0
MAX_LABEL = 230.0  # longer labels are cut; the whole clause is in the hover card


@dataclass(frozen=True, slots=True)
class Placement:
    layout: LaneLayout
    marks: dict[int, Mark]
    inside: frozenset[int]  # keys whose label is drawn inside their bar
    spans: dict[int, tuple[float, float]] = field(default_factory=dict)  # where in its bar such a label may go


def group_label(group: DatedGroup) -> str:
    """The words beside a mark: the event's label, or for a date several articles report, how many."""
    first = group.mentions[0]
    text = first.event.label or first.event.timex.text
    articles = len(group.article_ids)
    if articles > 1:
        return arg(plural(QCoreApplication.translate("Timeline", "%1 · %n article(s)", None, articles), articles), text)
    if len(group.mentions) > 1:
        return f"{text} +{len(group.mentions) - 1}"
    return text


def mark_extent(group: DatedGroup, origin: float, ppd: float) -> tuple[float, float]:
    """Pixel extent of a mark relative to ``origin`` (a day number): a dot at mid-day or a bar over the interval."""
    first = group.first_day.toordinal() - origin
    end = group.last_day.toordinal() + 1 - origin
    if group.precision in POINT_PRECISIONS:
        centre = (first + end) / 2 * ppd
        return centre - DOT_RADIUS, centre + DOT_RADIUS
    x0, x1 = first * ppd, end * ppd
    if x1 - x0 < MIN_BAR:
        mid = (x0 + x1) / 2
        x0, x1 = mid - MIN_BAR / 2, mid + MIN_BAR / 2
    return x0, x1


def place_groups(
    groups: Sequence[DatedGroup],
    keys: Sequence[int],
    origin: float,
    ppd: float,
    lanes: int,
    label_width: Callable[[int], float],
    line: float | None = None,
    long_px: float | None = None,
    days_shown: tuple[float, float] | None = None,
) -> Placement:
    """Marks and lanes for the entries ``keys`` at this scale; ``label_width(key)`` is the width of its label
    (measured once per entry by the caller, since text does not change with the scale). ``line`` is the x of the
    publication line (same pixels as the marks): no label crosses it, inside a bar or beside a mark.
    ``days_shown`` are the first and last day (numbers) in view: the label of a mark in view stays in it. A label
    with no room after its mark goes before it (``Slot.left``). Bars longer than ``long_px`` (decades and centuries
    seen up close) take the rows below the other marks, not the first ones."""
    edges = None if days_shown is None else ((days_shown[0] - origin) * ppd, (days_shown[1] - origin) * ppd)
    marks: dict[int, Mark] = {}
    inside: set[int] = set()
    spans: dict[int, tuple[float, float]] = {}
    for key in keys:
        group = groups[key]
        x0, x1 = mark_extent(group, origin, ppd)
        label = min(label_width(key) + 2, MAX_LABEL)
        if group.precision not in POINT_PRECISIONS:
            span = _label_span(x0, x1, line, label)
            if span is not None:
                inside.add(key)
                spans[key] = span
                label = 0.0
        marks[key] = Mark(key, x0, x1, label)
    metrics = LaneMetrics(label_pad=LABEL_PAD)
    wide = [k for k in marks.values() if long_px is not None and k.x1 - k.x0 > long_px]
    if not wide:
        layout = assign_lanes(list(marks.values()), lanes, metrics, line, edges, either_side=True)
        return Placement(layout, marks, frozenset(inside), spans)
    rest = [k for k in marks.values() if not (long_px is not None and k.x1 - k.x0 > long_px)]
    first = assign_lanes(rest, lanes, metrics, line, edges, either_side=True) if rest else LaneLayout((), 0)
    used = max((s.lane + 1 for s in first.slots), default=0)
    below = assign_lanes(wide, max(1, lanes - used), metrics, line, edges, either_side=True)
    slots = first.slots + tuple(replace(s, lane=s.lane + used) for s in below.slots)
    layout = LaneLayout(tuple(sorted(slots, key=lambda s: (s.x0, s.lane))), max(lanes, used + below.lanes))
    return Placement(layout, marks, frozenset(inside), spans)


def _label_span(x0: float, x1: float, line: float | None, label: float) -> tuple[float, float] | None:
    """The part of a bar its label is drawn in: the whole bar, or when the publication line crosses it the wider
    side of the line, if the label fits there; None when it does not fit (the label goes beside the bar)."""
    parts = [(x0, x1)]
    if line is not None and x0 < line < x1:
        parts = sorted([(x0, line - 2.0), (line + 2.0, x1)], key=lambda p: p[0] - p[1])
    for lo, hi in parts:
        if hi - lo >= label + 2 * LABEL_PAD:
            return lo, hi
    return None
