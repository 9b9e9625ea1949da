"""The library's timeline drawn from its counts per date: bubbles where the view holds too many events, and the
events of the range in view once the reader is close enough, asked for with :attr:`window_wanted` and given with
:meth:`set_library_window`. :class:`TimelineLibrary` sits between :class:`~gui.timeline.view_marks.TimelineMarks`
and :class:`~gui.timeline.view.TimelineView`, which lays the marks out; what it needs from the view is declared
below the marker.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

from gui.timeline.items import LANE_HEIGHT, SummaryItem, measurer
from gui.timeline.layout import Placement, group_label
from gui.timeline.mark_layer import MarkLayer
from gui.timeline.overview import OverviewMark, TimelineOverview
from gui.timeline.scene_builder import LaneLayout, LaneMetrics, Mark, assign_lanes
from gui.timeline.summary import ByMiddle, Prepared, buckets, dates_between, prepare
from gui.timeline.view_marks import TimelineMarks
from models.timeline_groups import DateCount, DatedGroup

DETAIL_LIMIT = 800  # dates within a screen of the view: more are drawn as counts (library timeline)
PER_DATE = 8  # mentions of one date loaded with the range in view (the hover card shows 4; the count says all)
WINDOW_DELAY_MS = 60  # a pan or zoom settles this long before the visible range is asked for


class TimelineLibrary(TimelineMarks):
    """Emits :attr:`window_wanted` (first and last day) when the view comes close enough to draw events."""

    range_changed = Signal(object, object)  # first and last visible date
    window_wanted = Signal(object, object)  # first and last day whose events the library timeline should load

    _counts: tuple[DateCount, ...] | None  # the library drawn from counts (set_library_counts)
    _loaded: tuple[int, int] | None  # days whose events are in self._groups
    _asked: tuple[int, int] | None
    _summary: list[SummaryItem]
    _summary_band: tuple[float, float]
    _ask_window: QTimer
    _reports: dict[tuple[date, date], int]
    _by_middle: ByMiddle
    _overview_marks: list[OverviewMark]
    _labels: list[str]
    _ranks: list[float]
    _label_widths: list[float] | None
    _marks: MarkLayer
    _layer: QGraphicsRectItem
    _scene: QGraphicsScene
    _origin: float
    _content_height: float
    overview: TimelineOverview

    def set_library_counts(self, counts: Sequence[DateCount] | Prepared) -> None:
        """Show a library from its counts per interval (``timeline_counts``): bubbles where the view holds more
        than ``DETAIL_LIMIT`` events, and each event once the reader is close enough — their groups are asked
        for with :attr:`window_wanted` and given with :meth:`set_library_window`."""
        ready = counts if isinstance(counts, Prepared) else prepare(counts)  # the dock prepares them off the GUI
        self._counts = ready.counts
        self._reports = {(c.first_day, c.last_day): c.events for c in self._counts}
        self._by_middle = ready.by_middle
        self._overview_marks = [OverviewMark(first, end, point, False) for first, end, point in ready.overview]
        self._loaded = None
        self._asked = None
        self._set_groups((), article_id=None, published=None, library=True)

    def set_library_window(self, first: date, last: date, groups: Sequence[DatedGroup]) -> None:
        """The groups of the library overlapping ``[first, last]``, as asked by :attr:`window_wanted`."""
        if self._counts is None:
            return
        self._loaded = (first.toordinal(), last.toordinal())
        self._asked = None
        self._hover = None
        self._focus = None
        self.card.hide()
        self._groups = tuple(groups)
        self._labels = [self._library_label(g) for g in self._groups]
        self._ranks = [0.1 * len(g.mentions) for g in self._groups]
        self._label_widths = None
        self._apply_filter()
        self._relayout()

    def _library_label(self, group: DatedGroup) -> str:
        """A loaded date's label; one reported more often than the mentions loaded for it says how often."""
        reports = getattr(self, "_reports", {}).get((group.first_day, group.last_day), 0)
        if reports > len(group.mentions):
            first = group.mentions[0]
            return f"{first.event.label or first.event.timex.text} · {reports:,} reports"
        return group_label(group)

    def counts(self) -> tuple[DateCount, ...] | None:
        return self._counts

    def drawn_from_counts(self) -> bool:
        """Whether the marks now are bubbles of counts rather than events (a library too dense at this zoom)."""
        return self._counts is not None and not self._detail_ready()

    def _wanted_range(self) -> tuple[int, int]:
        """The days within a screen of the view on either side: the range whose events are loaded (all of the
        library's when it holds few enough events: then nothing more is asked as the reader moves)."""
        first, last = self.visible_range()
        span = last.toordinal() - first.toordinal() + 1
        lo = max(date.min.toordinal(), first.toordinal() - span)
        hi = min(date.max.toordinal(), last.toordinal() + span)
        if self._counts and len(self._counts) <= DETAIL_LIMIT:
            lo = min(lo, self._counts[0].first_day.toordinal())
            hi = max(hi, max(c.last_day.toordinal() for c in self._counts))
        return lo, hi

    def _detail_ready(self) -> bool:
        """Whether the events of the whole view are loaded (a range asked for when it held few enough)."""
        if self._loaded is None:
            return False
        first, last = self.visible_range()
        return self._loaded[0] <= first.toordinal() and last.toordinal() <= self._loaded[1]

    def _windowed_place(self, x: float) -> bool:
        """After a pan or zoom of the library drawn from counts: ask for the events around the view when few
        enough, and draw bubbles while they are not there. True when the events are drawn (the caller goes on)."""
        assert self._counts is not None
        lo, hi = self._wanted_range()
        covered = self._loaded is not None and self._loaded[0] <= lo and hi <= self._loaded[1]
        if not covered and self._asked != (lo, hi):
            if dates_between(self._counts, date.fromordinal(lo), date.fromordinal(hi)) <= DETAIL_LIMIT:
                self._asked = (lo, hi)
                self._ask_window.start()
        if self._detail_ready():
            if self._summary:  # bubbles shown until now: lay the events out instead
                self._relayout()
                return False
            return True
        if self._marks.items():  # events shown until now, and the view left them: bubbles
            self._marks.set_placement(Placement(LaneLayout((), 1), {}, frozenset()), (), (), self._colors,
                                      self._label_font())
        band_lo, band_hi = self._summary_band
        if not (band_lo <= -x and -x + self._width() <= band_hi) or not self._summary:
            self._build_summary(-x)
        self.viewport().update()
        self.overview.set_window(self._left, self._left + self.visible_days())
        first, last = self.visible_range()
        self.range_changed.emit(first, last)
        return False

    @Slot()
    def _emit_window_wanted(self) -> None:
        if self._asked is not None:
            self.window_wanted.emit(date.fromordinal(self._asked[0]), date.fromordinal(self._asked[1]))

    def _clear_summary(self) -> None:
        for item in self._summary:
            self._scene.removeItem(item)
        if self._summary:
            self._items = [i for i in self._items if not isinstance(i, SummaryItem)]
            if isinstance(self._hover, SummaryItem):
                self._hover = None
            if isinstance(self._focus, SummaryItem):
                self._focus = None
        self._summary = []
        self._summary_band = (0.0, -1.0)

    def _build_summary(self, left_px: float) -> None:
        """Bubbles of counts for the band a screen either side of the view (layer pixels from ``left_px``)."""
        assert self._counts is not None
        self._clear_summary()
        width = self._width()
        lo, hi = left_px - width, left_px + 2 * width
        found = buckets(self._by_middle, self._origin, self._ppd, lo, hi)
        font = self._label_font()
        measure = measurer(font)
        marks = [Mark(k, b.x0, b.x0 + 28.0, measure(f"{b.label} +{b.events - 1:,}") + 2 if b.label else 0.0)
                 for k, b in enumerate(found)]
        lanes = max(1, int(self._lanes_height() // LANE_HEIGHT))
        layout = assign_lanes(marks, lanes, LaneMetrics(label_pad=6.0), barrier=self._line_x())
        items: list[SummaryItem] = []
        for slot in layout.slots:
            parts = [found[k] for k in slot.keys]
            named = [b for b in parts if b.label]
            best = max(named, key=lambda b: b.events) if named else None
            item = SummaryItem(slot.keys, slot.x0, slot.x1, slot.lane, self._colors, font,
                               count=sum(b.events for b in parts), first_day=min(b.first_day for b in parts),
                               last_day=max(b.last_day for b in parts), label=best.label if best else "",
                               label_width=slot.label)
            item.setParentItem(self._layer)
            items.append(item)
        self._summary = items
        self._summary_band = (lo, hi)
        self._items = sorted(items, key=lambda it: it.mark_rect().left())
        self._content_height = LANE_HEIGHT * max((s.lane + 1 for s in layout.slots), default=1)

    # -- implemented by the view -----------------------------------------------------------------------------

    def _set_groups(
        self, groups: tuple[DatedGroup, ...], *, article_id: int | None, published: date | None, library: bool
    ) -> None:
        raise NotImplementedError

    def _apply_filter(self) -> None:
        raise NotImplementedError

    def _label_font(self) -> QFont:
        raise NotImplementedError

    def _lanes_height(self) -> float:
        raise NotImplementedError

    def _line_x(self) -> float | None:
        raise NotImplementedError

    def visible_range(self) -> tuple[date, date]:
        raise NotImplementedError

    def visible_days(self) -> float:
        raise NotImplementedError
