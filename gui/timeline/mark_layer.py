"""The marks in the scene: items for the slots of one layout, made only near the visible range.

A layout for one scale covers every event (lanes are chosen left to right, so they must be), but a library's
thousands of marks need not all be items: only those within a screen's width of the view exist, and a pan that
leaves that band makes the next ones. Layout and items are thus apart — the layout is redone when the scale
changes, the items when the scale changes or the view travels far.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from gui.timeline.colors import TimelineColors
from gui.timeline.items import LABEL_PAD, ClusterItem, EventItem, TimelineItem
from gui.timeline.layout import Placement
from gui.timeline.scene_builder import Slot
from models.analysis.types import LOW_CONFIDENCE
from models.timeline_groups import DatedGroup

FADED_EVENT = 0.45  # opacity of a mark whose value the analyser is not sure of


class MarkLayer:
    """Owns the parent item that pans with the view, and the event and cluster items under it."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.layer = QGraphicsRectItem()
        self.layer.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.layer.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.layer.setPen(Qt.PenStyle.NoPen)
        scene.addItem(self.layer)
        self._scene = scene
        self._slots: tuple[Slot, ...] = ()
        self._ends: list[float] = []  # where each slot's mark and label end, in layer pixels
        self._placement: Placement | None = None
        self._groups: Sequence[DatedGroup] = ()
        self._labels: Sequence[str] = ()
        self.ranks: list[float] = []  # importance of each entry: a cluster names its most important one
        self._live: dict[int, TimelineItem] = {}  # slot index -> item
        self._band = (0.0, -1.0)  # layer pixels for which items exist
        self._sorted: list[TimelineItem] = []
        self.colors: TimelineColors | None = None
        self.font = QFont()

    def set_placement(
        self, placement: Placement, groups: Sequence[DatedGroup], labels: Sequence[str], colors: TimelineColors,
        font: QFont, ranks: Sequence[float] = (),
    ) -> None:
        """Take a new layout: every item goes (their lanes and sizes belong to the old one)."""
        for item in self._live.values():
            self._scene.removeItem(item)
        self._live = {}
        self._sorted = []
        self._band = (0.0, -1.0)
        self._placement = placement
        self._slots = placement.layout.slots
        self._ends = [s.extent(LABEL_PAD)[1] for s in self._slots]
        self._groups = groups
        self._labels = labels
        self.ranks = list(ranks)
        self.colors = colors
        self.font = font

    def show(self, first_px: float, last_px: float) -> bool:
        """Make sure items exist for ``[first_px, last_px]`` (layer pixels); True when the set of items changed."""
        lo, hi = self._band
        if lo <= first_px and last_px <= hi:
            return False
        width = last_px - first_px
        lo, hi = first_px - width, last_px + width
        self._band = (lo, hi)
        wanted = {i for i, (s, end) in enumerate(zip(self._slots, self._ends, strict=True)) if s.x0 <= hi and end >= lo}
        for i in set(self._live) - wanted:
            self._scene.removeItem(self._live.pop(i))
        for i in sorted(wanted - set(self._live)):
            item = self._make(self._slots[i])
            item.setParentItem(self.layer)
            self._live[i] = item
        self._sorted = sorted(self._live.values(), key=lambda it: (it.mark_rect().left(), it.mark_rect().top()))
        return True

    def items(self) -> list[TimelineItem]:
        """The items that exist now, in time order."""
        return self._sorted

    def _make(self, slot: Slot) -> TimelineItem:
        assert self._placement is not None and self.colors is not None
        if slot.is_cluster:
            best = max(slot.keys, key=lambda k: (self.ranks[k] if k < len(self.ranks) else 0.0, -k))
            return ClusterItem(slot.keys, slot.x0, slot.x1, slot.lane, self.colors, self.font,
                               label=self._labels[best], label_width=slot.label, label_left=slot.left)
        key = slot.keys[0]
        g = self._groups[key]
        item = EventItem(
            key, slot.x0, slot.x1, slot.lane, precision=g.precision, planned=g.planned, label=self._labels[key],
            label_width=slot.label, label_inside=key in self._placement.inside, colors=self.colors, font=self.font,
            label_span=self._placement.spans.get(key), label_left=slot.left,
        )
        if all(m.event.timex.confidence < LOW_CONFIDENCE for m in g.mentions):
            item.setOpacity(FADED_EVENT)  # every report of this date is doubtful (see the hover card's provenance)
        return item
