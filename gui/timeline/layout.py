"""From dated groups to placed marks at one scale: the bridge between the entries and the lane maths.

Kept apart from the view so that the rules "a day is a dot, a longer interval a bar, a label goes inside a bar
that is wide enough" live in one small place, computed with a text-measuring function rather than a painter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
) -> Placement:
    """Marks and lanes for the entries ``keys`` at this scale; ``label_width(key)`` is the width of its label
    (measured once per entry by the caller, since text does not change with the scale)."""
    marks: dict[int, Mark] = {}
    inside: set[int] = set()
    for key in keys:
        group = groups[key]
        x0, x1 = mark_extent(group, origin, ppd)
        label = min(label_width(key) + 2, MAX_LABEL)
        if group.precision not in POINT_PRECISIONS and x1 - x0 >= label + 2 * LABEL_PAD:
            inside.add(key)
            label = 0.0
        marks[key] = Mark(key, x0, x1, label)
    layout = assign_lanes(list(marks.values()), lanes, LaneMetrics(label_pad=LABEL_PAD))
    return Placement(layout, marks, frozenset(inside))
