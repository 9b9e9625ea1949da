"""The Timeline dock's content: a legend, the entity filter chip, the article / library switch, the visible
range, zoom buttons, and the view itself.

It keeps the current article's events and the last library-wide set, so switching between the two needs no
reload; fetching the library's events is the main window's job (:attr:`scope_changed` asks for them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from gui.timeline.colors import TimelineColors
from gui.timeline.summary import Prepared, prepare
from gui.timeline.view import TimelineView
from models.analysis.event_labels import EventName
from models.analysis.types import LOW_CONFIDENCE, Entity, TimelineEvent
from models.timeline_groups import DatedGroup, EventMention

# fetch(query, done): run ``query(library)`` away from the GUI thread, then ``done(result)`` on it
Fetch = Callable[[Callable[[Any], Any], Callable[[Any], None]], None]

TOOLBAR_HEIGHT = 36
ARTICLE = "article"
LIBRARY = "library"


class RangeLabel(QLabel):
    """The visible dates, as wide as the widest text it can show ("Sep 2019 – May 2026", "28 – 30 May 2026"), so
    that scrolling or zooming the timeline never changes the width the dock needs."""

    def _widest(self) -> int:
        metrics = self.fontMetrics()
        months = [date(2000, m, 1).strftime("%b") for m in range(1, 13)]
        texts = [f"{m} 0000 – {m} 0000" for m in months] + [f"00 – 00 {m} 0000" for m in months]
        margins = self.contentsMargins()
        return max(metrics.horizontalAdvance(t) for t in texts) + margins.left() + margins.right() + 2

    def minimumSizeHint(self) -> QSize:  # QLabel.minimumSizeHint
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._widest()), hint.height())

    def sizeHint(self) -> QSize:  # QLabel.sizeHint
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._widest()), hint.height())


class TimelineDock(QWidget):
    event_activated = Signal(int, int, int, int, int)  # article id, sentence start/end, expression start/end
    scope_changed = Signal(str)  # "article" | "library": the library scope wants set_library_events(...)
    entity_filter_changed = Signal(object)  # str | None, also when the reader clears the chip
    count_changed = Signal(int)  # events shown
    event_correction_requested = Signal(int, str, int, int)  # article id, confirm | not-a-date, expression span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimelineDock")
        self.setAccessibleName(self.tr("Timeline"))
        self.view = TimelineView(self)
        self._scope = ARTICLE
        self._article: tuple[Sequence[TimelineEvent], int, date | None, str, str] | None = None
        self._entities: tuple[Entity, ...] = ()
        self._names: tuple[EventName, ...] = ()
        self._library: Sequence[DatedGroup] | Sequence[EventMention] = ()
        self._fetch: Fetch | None = None  # the library drawn from counts, its events loaded as the view moves
        self._generation = 0  # a new filter makes the answers to older questions stale
        self._counts: Prepared | None = None

        bar = QWidget(self)
        bar.setObjectName("TimelineToolbar")
        bar.setFixedHeight(TOOLBAR_HEIGHT)
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 0, 8, 0)
        row.setSpacing(6)
        self._legend: list[tuple[QLabel, str]] = []
        for kind, text in (("reported", self.tr("Reported")), ("planned", self.tr("Planned")), ("sep", ""),
                           ("day", self.tr("Day")), ("month", self.tr("Month")), ("season", self.tr("Season"))):
            glyph = QLabel(bar)
            glyph.setObjectName("TimelineLegendGlyph")
            self._legend.append((glyph, kind))
            row.addWidget(glyph)
            if text:
                label = QLabel(text, bar)
                label.setObjectName("TimelineLegend")
                row.addWidget(label)
                row.addSpacing(6)
        self.chip = QToolButton(bar)
        self.chip.setObjectName("TimelineEntityChip")
        self.chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.chip.setVisible(False)
        self.chip.clicked.connect(lambda: self.set_entity_filter(None))
        row.addSpacing(8)
        row.addWidget(self.chip)
        row.addStretch(1)

        self.article_button = self._segment(bar, self.tr("This article"), ARTICLE)
        self.library_button = self._segment(bar, self.tr("Library"), LIBRARY)
        self.article_button.setChecked(True)
        self._scopes = QButtonGroup(self)
        self._scopes.setExclusive(True)
        for button in (self.article_button, self.library_button):
            self._scopes.addButton(button)
            row.addWidget(button)
        row.addSpacing(10)
        self.range_label = RangeLabel(bar)
        self.range_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.range_label.setObjectName("TimelineRange")
        self.range_label.setAccessibleName(self.tr("Visible dates"))
        row.addWidget(self.range_label)
        row.addSpacing(6)
        self.zoom_out_button = self._tool(bar, "−", self.tr("Zoom out"), "-", self.view.zoom_out)
        self.zoom_in_button = self._tool(bar, "+", self.tr("Zoom in"), "+", self.view.zoom_in)
        self.fit_button = self._tool(bar, self.tr("Fit all"), self.tr("Show every event"), "0", self.view.fit_all)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            row.addWidget(button)
        self.sure_button = QToolButton(bar)  # hides the events the analyser is not sure of (drawn faded)
        self.sure_button.setObjectName("TimelineScope")
        self.sure_button.setText(self.tr("Sure only"))
        self.sure_button.setCheckable(True)
        self.sure_button.setToolTip(self.tr("Hide the dates the analyser is not sure of (drawn faded)"))
        self.sure_button.setAccessibleName(self.tr("Hide low-confidence dates"))
        self.sure_button.toggled.connect(self._on_sure_only)
        row.addWidget(self.sure_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        self._bar = bar

        self.view.event_activated.connect(self.event_activated)
        self.view.event_correction_requested.connect(self.event_correction_requested)
        self.view.range_changed.connect(self._on_range_changed)
        self.view.entity_filter_changed.connect(self._on_filter_changed)
        self.view.content_changed.connect(self.count_changed)
        self.view.window_wanted.connect(self._on_window_wanted)
        self._restyle()

    # -- public --------------------------------------------------------------------------------------------

    def set_events(
        self, events: Sequence[TimelineEvent], *, article_id: int, published: date | None, text: str, title: str = "",
        entities: Sequence[Entity] = (), names: Sequence[EventName] = (),
    ) -> None:
        """The current article's events (shown at once in the article scope, kept for later otherwise); the
        entities name the people and places of each event's label. The same article again (a date confirmed)
        keeps the range in view."""
        again = self._article is not None and self._article[1] == article_id and bool(self._article[0])
        self._article = (events, article_id, published, text, title)
        self._entities = tuple(entities)
        self._names = tuple(names)
        if self._scope == ARTICLE:
            kept = self.view.visible_range() if again and not self.view.is_library_mode() else None
            self._show_article(events, article_id, published, text, title)
            if kept is not None and events:
                self.view.set_visible_range(*kept)

    def _shown(self, events: Sequence[TimelineEvent]) -> tuple[Sequence[TimelineEvent], Sequence[EventName]]:
        """The events to draw (only the sure ones when asked) and their names, kept in step."""
        names = self._names if len(self._names) == len(events) else ()
        if not self.sure_button.isChecked():
            return events, names
        keep = [i for i, ev in enumerate(events) if ev.timex.confidence >= LOW_CONFIDENCE]
        return [events[i] for i in keep], ([names[i] for i in keep] if names else ())

    def _show_article(self, events: Sequence[TimelineEvent], article_id: int, published: date | None, text: str,
                      title: str) -> None:
        shown, names = self._shown(events)
        self.view.set_events(shown, article_id=article_id, published=published, text=text, title=title,
                             entities=self._entities, names=names)

    def _on_sure_only(self, _checked: bool) -> None:
        if self._scope == ARTICLE and self._article is not None:
            self._show_article(*self._article)

    def set_library_events(self, entries: Sequence[DatedGroup] | Sequence[EventMention]) -> None:
        self._library = entries
        self._fetch = None
        self._counts = None
        if self._scope == LIBRARY:
            self.view.set_library_events(entries)

    def load_library(self, fetch: Fetch) -> None:
        """Show the library's timeline drawn from its counts per date (one aggregate query), each event loaded
        only for the range in view; every query goes through ``fetch``, off the GUI thread."""
        self._fetch = fetch
        self._ask_counts()

    def _ask_counts(self) -> None:
        from models.timeline_query import timeline_counts

        if self._fetch is None:
            return
        self._generation += 1
        generation = self._generation
        entity = self.view.entity_filter()
        self._fetch(lambda lib: prepare(timeline_counts(lib, entity=entity)),
                    lambda counts: self._on_counts(generation, counts))

    def _on_counts(self, generation: int, counts: Prepared) -> None:
        if generation != self._generation:
            return
        self._counts = counts
        if self._scope == LIBRARY:
            self.view.set_library_counts(self._counts)

    @Slot(object, object)
    def _on_window_wanted(self, first: date, last: date) -> None:
        from gui.timeline.view_library import DETAIL_LIMIT, PER_DATE
        from models.timeline_query import timeline_window

        if self._fetch is None or self._scope != LIBRARY:
            return
        generation = self._generation
        entity = self.view.entity_filter()

        def arrived(groups: Any) -> None:
            if generation == self._generation and groups is not None and self._scope == LIBRARY:
                self.view.set_library_window(first, last, groups)

        self._fetch(lambda lib: timeline_window(lib, first, last, entity=entity, limit=2 * DETAIL_LIMIT * PER_DATE,
                                                per_date=PER_DATE), arrived)

    def set_entity_filter(self, name: str | None) -> None:
        self.view.set_entity_filter(name)

    def set_revision_marks(self, marks: Sequence[tuple[date, date, str, str]]) -> None:
        """Dates the article's last edit added, removed or changed (see TimelineView.set_revision_marks)."""
        self.view.set_revision_marks(marks)

    def set_scope(self, scope: str) -> None:
        if scope == self._scope:
            return
        self._scope = scope
        (self.library_button if scope == LIBRARY else self.article_button).setChecked(True)
        if scope == LIBRARY and self._counts is not None:
            self.view.set_library_counts(self._counts)
        elif scope == LIBRARY:
            self.view.set_library_events(self._library)
        elif self._article is not None:
            events, article_id, published, text, title = self._article
            self._show_article(events, article_id, published, text, title)
        else:
            self.view.clear()
        self.scope_changed.emit(scope)

    def scope(self) -> str:
        return self._scope

    # -- building ------------------------------------------------------------------------------------------

    def _segment(self, parent: QWidget, text: str, scope: str) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName("TimelineScope")
        button.setText(text)
        button.setCheckable(True)
        button.setAccessibleName(self.tr("Timeline of {}").format(text.lower()))
        button.clicked.connect(lambda: self.set_scope(scope))
        return button

    def _tool(self, parent: QWidget, text: str, tip: str, key: str, slot: object) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName("TimelineTool")
        button.setText(text)
        button.setToolTip(f"{tip} ({key})")
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    @Slot(object, object)
    def _on_range_changed(self, first: date, last: date) -> None:
        if first.year == last.year and first.month == last.month:
            text = f"{first.day} – {last.day} {last:%b %Y}"
        elif (last - first).days > 3 * 366:
            text = f"{first.year} – {last.year}"
        else:
            text = f"{first:%b %Y} – {last:%b %Y}"
        self.range_label.setText(text)

    @Slot(object)
    def _on_filter_changed(self, name: str | None) -> None:
        self.chip.setVisible(name is not None)
        if name is not None:
            self.chip.setText(f"{name}  ✕")
            self.chip.setToolTip(self.tr("Showing events that mention {}. Click to show all.").format(name))
            self.chip.setAccessibleName(self.tr("Clear the filter on {}").format(name))
        if self._fetch is not None and self._scope == LIBRARY:
            self._ask_counts()  # the counts and the events of this entity only, from the library
        self.entity_filter_changed.emit(name)

    def changeEvent(self, event: QEvent) -> None:  # QWidget.changeEvent
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        c = TimelineColors.from_palette(self.palette())
        ratio = self.devicePixelRatioF()
        if (c, ratio) == getattr(self, "_styled", None):
            return  # the same colours again (a palette event as the dock is placed): restyling would cost ~3 ms
        self._styled = (c, ratio)
        for glyph, kind in self._legend:
            glyph.setPixmap(legend_glyph(kind, c, ratio))
        self._bar.setStyleSheet(self._toolbar_sheet(c))

    @staticmethod
    def _toolbar_sheet(c: TimelineColors) -> str:
        return (
            f"""
            QWidget#TimelineToolbar {{ background: {c.header.name()}; border-bottom: 1px solid {c.grid.name()}; }}
            QLabel#TimelineLegend {{ color: {c.text_secondary.name()}; font-size: 12px; }}
            QLabel#TimelineRange {{ color: {c.text_secondary.name()}; font-size: 12px; }}
            QToolButton {{ border: none; border-radius: 6px; padding: 3px 9px; color: {c.text_secondary.name()};
                           font-size: 12px; background: transparent; }}
            QToolButton:hover {{ background: {c.grid.name()}; }}
            QToolButton:focus {{ border: 1px solid {c.accent.name()}; }}
            QToolButton#TimelineScope:checked {{ background: {c.accent_tint.name()}; color: {c.accent.name()};
                                                 font-weight: 600; }}
            QToolButton#TimelineEntityChip {{ background: {c.accent_tint.name()}; color: {c.accent.name()};
                                              border-radius: 10px; padding: 2px 10px; font-weight: 600; }}
            QToolButton#TimelineTool {{ font-size: 13px; }}
            """
        )


def legend_glyph(kind: str, c: TimelineColors, ratio: float = 1.0) -> QPixmap:
    """The small pictures of the legend, drawn with the same colours as the marks they explain."""
    size = QSize(26 if kind in ("month", "season") else (10 if kind == "sep" else 12), 14)
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    mid = size.height() / 2
    if kind == "reported" or kind == "day":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c.point)
        r = 4.0 if kind == "reported" else 3.0
        p.drawEllipse(QRectF(6 - r, mid - r, 2 * r, 2 * r))
    elif kind == "planned":
        pen = QPen(c.planned, 1.4, Qt.PenStyle.DashLine)
        pen.setDashPattern([2.0, 1.6])
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(2, mid - 4, 8, 8))
    elif kind == "sep":
        p.setPen(QPen(c.grid_major, 1.0))
        p.drawLine(QRectF(5, 2, 0, 10).topLeft(), QRectF(5, 2, 0, 10).bottomLeft())
    else:
        rect = QRectF(1, mid - 5, 24, 10)
        p.setPen(Qt.PenStyle.NoPen)
        if kind == "season":
            g = QLinearGradient(rect.left(), 0, rect.right(), 0)
            clear = QColor(c.bar)
            clear.setAlphaF(0.0)
            g.setColorAt(0, clear)
            g.setColorAt(0.3, c.bar)
            g.setColorAt(0.7, c.bar)
            g.setColorAt(1, clear)
            p.setBrush(QBrush(g))
        else:
            p.setBrush(c.bar)
        p.drawRoundedRect(rect, 4, 4)
    p.end()
    return pixmap
