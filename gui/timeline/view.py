"""The timeline view: the dated events of an article (or of the library) on a zoomable time axis.

Zoom and pan change two numbers — the day at the left edge and the pixels per day — and nothing is scaled by a
transform: text stays crisp, dots stay round. A change of scale re-runs the lane layout (plain Python, well under
a frame for a library's worth of events); a pan only moves the layer that holds the marks, and makes items for
the marks it brings near. It opens on the dense part of the events around the publication date; the overview
strip underneath shows all of them and where the view is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QWidget,
)

from gui.timeline import axis
from gui.timeline.colors import TimelineColors
from gui.timeline.hover_card import HoverCard, describe_when
from gui.timeline.items import (
    LANE_HEIGHT,
    POINT_PRECISIONS,
    EventItem,
    SummaryItem,
    TimelineItem,
    measurer,
)
from gui.timeline.layout import Placement, group_label, place_groups
from gui.timeline.mark_layer import MarkLayer
from gui.timeline.overview import OVERVIEW_HEIGHT, OverviewMark, TimelineOverview
from gui.timeline.scene_builder import LaneLayout, TickUnit, fit_scale, focus_range
from gui.timeline.view_library import WINDOW_DELAY_MS, TimelineLibrary
from gui.timeline.view_marks import MAX_PPD, TOP_PAD
from models.analysis.event_labels import EventName, name_events
from models.analysis.types import Entity, TimelineEvent
from models.timeline_groups import (
    DateCount,
    DatedGroup,
    EventMention,
    group_by_date,
    mentions_entity,
    mentions_of,
    one_group_per_event,
)

NAME_HERE_LIMIT = 200_000  # characters: longer articles get their event names from the analysis worker
ZOOM_STEP = 1.5
CARD_HIDE_MS = 280


class TimelineView(TimelineLibrary):
    """Emits :attr:`event_activated` (article id, sentence start/end, expression start/end) on a click or Enter."""

    entity_filter_changed = Signal(object)  # str | None
    content_changed = Signal(int)  # events shown after filtering

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimelineView")
        self.setAccessibleName(self.tr("Timeline"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setMinimumHeight(int(axis.HEADER_HEIGHT + axis.FOOTER_HEIGHT + LANE_HEIGHT * 2 + OVERVIEW_HEIGHT))
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._marks = MarkLayer(self._scene)
        self._layer = self._marks.layer
        self._colors = TimelineColors.from_palette(self.palette())
        self.setViewportMargins(0, 0, 0, OVERVIEW_HEIGHT)
        self.overview = TimelineOverview(self._colors, self)
        self.overview.center_requested.connect(self.center_on)

        self._groups: tuple[DatedGroup, ...] = ()
        self._shown: list[int] = []
        self._article_id: int | None = None
        self._published: date | None = None
        self._library = False
        self._entity: str | None = None
        self._origin = 0.0
        self._left = date.today().toordinal() - 30.0
        self._ppd = 4.0
        self._vscroll = 0.0
        self._content_height = 0.0
        self._fit: str | None = "focus"  # "focus" | "all": the range a resize keeps; None once the reader moved
        self._labels: list[str] = []
        self._label_widths: list[float] | None = None  # measured once per set of events and font
        self._items: list[TimelineItem] = []
        self._hover: TimelineItem | None = None
        self._focus: TimelineItem | None = None
        self.mention_menu: QMenu | None = None
        self._revision_marks: tuple[tuple[date, date, str, str], ...] = ()  # see set_revision_marks
        # The library drawn from counts (set_library_counts): events are loaded for the range in view only.
        self._counts: tuple[DateCount, ...] | None = None
        self._loaded: tuple[int, int] | None = None  # days whose events are in self._groups
        self._asked: tuple[int, int] | None = None
        self._summary: list[SummaryItem] = []
        self._summary_band = (0.0, -1.0)
        self._ask_window = QTimer(self, singleShot=True, interval=WINDOW_DELAY_MS)
        self._ask_window.timeout.connect(self._emit_window_wanted)

        self.card = HoverCard(self)
        self.card.mention_activated.connect(self._activate_mention)
        self.card.correction_requested.connect(self._request_correction)
        self.event_menu: QMenu | None = None
        self._hide_card = QTimer(self, singleShot=True, interval=CARD_HIDE_MS)
        self._hide_card.timeout.connect(self._maybe_hide_card)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            action = QAction(self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- data ------------------------------------------------------------------------------------------------

    def set_events(
        self,
        events: Sequence[TimelineEvent],
        *,
        article_id: int,
        published: date | None,
        text: str,
        title: str = "",
        entities: Sequence[Entity] = (),
        names: Sequence[EventName] = (),
    ) -> None:
        """Show one article's events, each its own mark, with its publication date as a line. Each event is named
        from the analysis ("Abe–Putin meeting", "rally in Moscow"); its sentence is for the hover card."""
        if len(names) != len(events) and entities and len(text) <= NAME_HERE_LIMIT:
            names = name_events(events, text, entities)  # not named in the worker: an ordinary article is quick
        if len(names) == len(events) and names:  # each event named from the analysis
            events = [replace(ev, label=n.text[:1].upper() + n.text[1:]) if n.text else ev
                      for ev, n in zip(events, names, strict=True)]
        else:  # events keep the names they came with
            names = [EventName(ev.label, 1.0) for ev in events]
        self._importance = {(ev.timex.start, ev.timex.end): n.importance for ev, n in zip(events, names, strict=True)}
        mentions = mentions_of(article_id, title, published, text, events)
        self._set_groups(one_group_per_event(mentions), article_id=article_id, published=published, library=False)

    def set_library_events(self, entries: Sequence[DatedGroup] | Sequence[EventMention]) -> None:
        """Show events of several articles; a date reported by several of them is one mark linking to each."""
        if entries and isinstance(entries[0], EventMention):
            groups = group_by_date([e for e in entries if isinstance(e, EventMention)])
        else:
            groups = tuple(e for e in entries if isinstance(e, DatedGroup))
        self._counts = None
        self._set_groups(groups, article_id=None, published=None, library=True)

    def clear(self) -> None:
        self._set_groups((), article_id=None, published=None, library=False)

    def set_entity_filter(self, name: str | None) -> None:
        """Show only the events whose sentence names ``name``; None shows every event again."""
        name = name or None
        if name == self._entity:
            return
        self._entity = name
        self._apply_filter()
        self.show_focus()
        self.entity_filter_changed.emit(name)

    def entity_filter(self) -> str | None:
        return self._entity

    @property
    def groups(self) -> tuple[DatedGroup, ...]:
        return self._groups

    def shown_groups(self) -> list[DatedGroup]:
        return [self._groups[k] for k in self._shown]

    def is_library_mode(self) -> bool:
        return self._library

    def _set_groups(
        self, groups: tuple[DatedGroup, ...], *, article_id: int | None, published: date | None, library: bool
    ) -> None:
        self._groups = groups
        self._article_id = article_id
        self._published = published
        self._library = library
        self._focus = None
        self._hover = None
        self.card.hide()
        days = [g.first_day.toordinal() for g in groups] + ([published.toordinal()] if published else [])
        if self._counts is not None and library:
            days += [c.first_day.toordinal() for c in self._counts[:1]]
        self._origin = float(min(days)) if days else float(date.today().toordinal())
        self._labels = [group_label(g) for g in groups]
        importance = getattr(self, "_importance", {}) if not library else {}
        self._ranks = [max((importance.get((m.event.timex.start, m.event.timex.end), 0.0) for m in g.mentions),
                           default=0.0) + 0.1 * len(g.mentions) for g in groups]
        self._label_widths = None
        self._apply_filter()
        self.show_focus()

    def _apply_filter(self) -> None:
        if self._entity is None:
            self._shown = list(range(len(self._groups)))
        else:
            self._shown = [
                k for k, g in enumerate(self._groups) if any(mentions_entity(m, self._entity) for m in g.mentions)
            ]
        self.setAccessibleDescription(self._summary_text())
        if self._counts is not None:
            marks = self._overview_marks
        else:
            marks = [
                OverviewMark(g.first_day.toordinal(), g.last_day.toordinal() + 1.0, g.precision in POINT_PRECISIONS,
                             g.planned)
                for g in self.shown_groups()
            ]
        self.overview.set_content(marks, self._published.toordinal() if self._published else None)
        self.content_changed.emit(len(self._shown) if self._counts is None else len(self._counts))

    # -- scale -----------------------------------------------------------------------------------------------

    def fit_all(self) -> None:
        """Show every (filtered) event, and the publication date, across the width."""
        self._show_days(*self._all_days())
        self._fit = "all"

    def show_focus(self) -> None:
        """Show where the events are dense around the publication date, in whole months (the opening view).

        Outliers years away stay out of it — they are in the overview strip — unless fitting everything would
        cost little, when this is the same as :meth:`fit_all`.
        """
        spans = [(g.first_day.toordinal(), g.last_day.toordinal()) for g in self.shown_groups()]
        if self._counts is not None:
            spans = [(c.first_day.toordinal(), c.last_day.toordinal()) for c in self._counts]
        first, end = focus_range(spans, self._published.toordinal() if self._published else None)
        all_first, all_end = self._all_days()
        if all_end - all_first > 1.5 * (end - first):
            self._show_days(first, end)
        else:
            self._show_days(all_first, all_end)
        self._fit = "focus"

    def _all_days(self) -> tuple[int, int]:
        shown = self.shown_groups()
        if self._counts:
            first = self._counts[0].first_day.toordinal()
            end = max(c.last_day.toordinal() for c in self._counts) + 1
        elif shown:
            first = min(g.first_day.toordinal() for g in shown)
            end = max(g.last_day.toordinal() for g in shown) + 1
        else:
            first = end = (self._published or date.today()).toordinal()
            end += 1
        if self._published is not None:
            first = min(first, self._published.toordinal())
            end = max(end, self._published.toordinal() + 1)
        return first, end

    def _show_days(self, first: int, end: int) -> None:
        widths = self._widths()
        right = 40.0 + min(170.0, max((widths[k] for k in self._shown), default=0.0))
        self._left, self._ppd = fit_scale(first, end, self._width(), 40.0, right)
        self._ppd = min(self._ppd, MAX_PPD)
        self._vscroll = 0.0
        self._relayout()

    def center_on(self, day: float) -> None:
        """Pan (keeping the scale) so that ``day`` is in the middle of the view."""
        self._left = day - self._width() / 2 / self._ppd
        self._fit = None
        self._place_layer()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Scale around ``anchor_x`` (viewport pixels; the centre when None), keeping that day in place."""
        x = self._width() / 2 if anchor_x is None else anchor_x
        ppd = min(max(self._ppd * factor, self._min_ppd()), MAX_PPD)
        if math.isclose(ppd, self._ppd):
            return
        day = self._left + x / self._ppd
        self._left = day - x / ppd
        self._ppd = ppd
        self._fit = None
        self._relayout()

    def pan_by(self, dx: float, dy: float = 0.0) -> None:
        """Move the content by ``dx``/``dy`` pixels (positive dx shows earlier days)."""
        self._left -= dx / self._ppd
        room = max(0.0, self._content_height - self._lanes_height())
        self._vscroll = min(max(self._vscroll - dy, 0.0), room)
        self._fit = None
        self._place_layer()

    def set_visible_range(self, first: date, last: date) -> None:
        self._left, self._ppd = fit_scale(first.toordinal(), last.toordinal() + 1, self._width(), 0.0, 0.0)
        self._fit = None
        self._relayout()

    def visible_range(self) -> tuple[date, date]:
        first = min(max(int(self._left), 1), date.max.toordinal())
        last = min(max(math.ceil(self._left + self._width() / self._ppd) - 1, 1), date.max.toordinal())
        return date.fromordinal(first), date.fromordinal(last)

    def visible_days(self) -> float:
        return self._width() / self._ppd

    def tick_unit(self) -> TickUnit:
        return self._frame().unit

    def _min_ppd(self) -> float:
        return self._width() / (366.0 * 3000)

    def _width(self) -> float:
        return float(max(self.viewport().width(), 100))

    def _lanes_height(self) -> float:
        return self.viewport().height() - axis.HEADER_HEIGHT - axis.FOOTER_HEIGHT - TOP_PAD

    def _frame(self) -> axis.AxisFrame:
        return axis.frame_for(self._left, self._ppd, self._width(), self.viewport().height(), self.font())

    def _widths(self) -> list[float]:
        """Label widths by key, measured once: text does not change with the scale, and measuring is slow."""
        if self._label_widths is None:
            measure = measurer(self._label_font())
            self._label_widths = [measure(text) for text in self._labels]
        return self._label_widths

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(12)
        return font

    # -- scene -----------------------------------------------------------------------------------------------

    def _relayout(self) -> None:
        """Rebuild the marks for the current scale (lanes and clusters depend on it; the pan does not)."""
        self._hover = None
        self._clear_summary()
        if self._counts is not None and not self._detail_ready():
            self._marks.set_placement(Placement(LaneLayout((), 1), {}, frozenset()), (), (), self._colors,
                                      self._label_font())
            self._items = []
            self._content_height = 0.0
            self._vscroll = 0.0
            self._place_layer()
            return
        lanes = max(1, int(self._lanes_height() // LANE_HEIGHT))
        widths = self._widths()
        placement = place_groups(self._groups, self._shown, self._origin, self._ppd, lanes, widths.__getitem__,
                                 line=self._line_x(), long_px=2 * self._width() if self._library else None,
                                 days_shown=(self._left, self._left + self.visible_days()))
        self._marks.set_placement(placement, self._groups, self._labels, self._colors, self._label_font(),
                                  getattr(self, "_ranks", ()))
        self._items = []
        self._content_height = placement.layout.lanes * LANE_HEIGHT
        self._vscroll = min(self._vscroll, max(0.0, self._content_height - self._lanes_height()))
        self._place_layer()

    def _line_x(self) -> float | None:
        """Where the publication line (today's in the library) is, in the pixels of the marks."""
        day = self._published or (date.today() if self._library else None)
        return (day.toordinal() + 0.5 - self._origin) * self._ppd if day is not None else None

    def _place_layer(self) -> None:
        x = (self._origin - self._left) * self._ppd
        self._layer.setPos(x, axis.HEADER_HEIGHT + TOP_PAD - self._vscroll)
        # Marks and labels live between the axis and the publication pill: lanes scrolled out of that band are
        # clipped, never drawn over the ticks, the pill or the overview strip.
        whole_lanes = max(1, int(self._lanes_height() // LANE_HEIGHT)) * LANE_HEIGHT  # never half a row of labels
        self._layer.setRect(QRectF(-x, self._vscroll - TOP_PAD, self._width(), whole_lanes + TOP_PAD))
        if self._counts is not None and not self._windowed_place(x):
            return
        if self._marks.show(-x, -x + self._width()):
            self._items = self._marks.items()
            if self._hover is not None and self._hover not in self._items:
                self._hover = None
            keys = self._focus.keys if self._focus is not None else None
            if keys is not None:
                self._focus = next((i for i in self._items if set(keys) & set(i.keys)), None)
                if self._focus is not None:
                    self._focus.set_state(focused=True)
        for item in self._items:
            if isinstance(item, EventItem):
                item.follow_left_edge(-x)
        self.viewport().update()
        self.overview.set_window(self._left, self._left + self.visible_days())
        first, last = self.visible_range()
        self.range_changed.emit(first, last)

    def timeline_items(self) -> list[TimelineItem]:
        """The marks now in the scene, in time order (clusters included): those within a screen of the view."""
        return list(self._items)

    def item_for(self, group: DatedGroup) -> TimelineItem | None:
        key = self._groups.index(group)
        return next((i for i in self._items if key in i.keys), None)

    def viewport_rect_of(self, item: TimelineItem) -> QRect:
        """Where an item's mark is in viewport coordinates (for tests and for placing the card)."""
        return self.mapFromScene(item.mapRectToScene(item.mark_rect())).boundingRect()

    # -- painting --------------------------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # QGraphicsView.drawBackground
        frame = self._frame()
        axis.paint_grid(painter, frame, self._colors)
        day = self._published or (date.today() if self._library else None)
        if day is not None:
            axis.paint_day_line(painter, frame, self._colors, day)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # QGraphicsView.drawForeground
        frame = self._frame()
        axis.paint_header(painter, frame, self._colors, self.font())
        if self._published is not None:
            caption = self.tr("Published {}").format(f"{self._published.day} {self._published:%b %Y}")
            axis.paint_day_pill(painter, frame, self._colors, self._published, self.font(), caption)
        elif self._library:
            axis.paint_day_pill(painter, frame, self._colors, date.today(), self.font(), self.tr("Today"))
        if not self._shown and not self._counts:
            axis.paint_message(painter, frame, self._colors, self._label_font(), self._empty_message())
        if self._revision_marks and not self._library:
            self._paint_revision_marks(painter, frame)

    def set_revision_marks(self, marks: Sequence[tuple[date, date, str, str]]) -> None:
        """Dates the article's last edit added, removed or changed: (first day, last day, "added" | "removed" |
        "changed", the expression). Drawn over the article's timeline; a removed date has no event left to draw."""
        self._revision_marks = tuple(marks)
        self.viewport().update()

    def revision_marks(self) -> tuple[tuple[date, date, str, str], ...]:
        return self._revision_marks

    def _paint_revision_marks(self, painter: QPainter, frame: axis.AxisFrame) -> None:
        font = axis.pill_font(self.font())
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        for k, (first, last, change, text) in enumerate(self._revision_marks):
            x = (frame.x(first.toordinal()) + frame.x(last.toordinal() + 1)) / 2
            if not -40 <= x <= frame.width + 40:
                continue
            ink = QColor({"added": "#1F7A4D", "removed": "#B23B33"}.get(change, "#7A5B00"))
            pen = QPen(ink, 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, axis.HEADER_HEIGHT), QPointF(x, frame.height - axis.FOOTER_HEIGHT))
            sign = {"added": "+", "removed": "−"}.get(change, "~")
            caption = f"{sign} {text}"
            w = metrics.horizontalAdvance(caption) + 12
            h = 15.0
            rect = QRectF(min(max(x - w / 2, 2.0), frame.width - w - 2), axis.HEADER_HEIGHT + 3 + (k % 2) * 17, w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink)
            painter.drawRoundedRect(rect, h / 2, h / 2)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, caption)

    def _empty_message(self) -> str:
        if self._entity is not None and self._groups:
            return self.tr("No dated event mentions {}").format(self._entity)
        if self._library:
            return self.tr("No dated events in these articles")
        return self.tr("No dated events in this article")

    # -- Qt events -------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # QGraphicsView.resizeEvent
        super().resizeEvent(event)
        self.setSceneRect(QRectF(0, 0, self.viewport().width(), self.viewport().height()))
        self.overview.setGeometry(0, self.height() - OVERVIEW_HEIGHT, self.width(), OVERVIEW_HEIGHT)
        if self._fit == "all":
            self.fit_all()
        elif self._fit == "focus":
            self.show_focus()
        else:
            self._relayout()

    def changeEvent(self, event: QEvent) -> None:  # QWidget.changeEvent
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._colors = TimelineColors.from_palette(self.palette())
            self._label_widths = None
            self.overview.set_colors(self._colors)
            self._relayout()

    def _summary_text(self) -> str:
        if self._counts is not None:
            if not self._counts:
                return self._empty_message()
            total = sum(c.events for c in self._counts)
            return self.tr("{n} events from {first} to {last}").format(
                n=f"{total:,}", first=self._counts[0].first_day.isoformat(),
                last=max(c.last_day for c in self._counts).isoformat())
        shown = self.shown_groups()
        if not shown:
            return self._empty_message()
        first = describe_when(shown[0])
        last = describe_when(max(shown, key=lambda g: g.last_day))
        return self.tr("{n} events from {first} to {last}").format(n=len(shown), first=first, last=last)
