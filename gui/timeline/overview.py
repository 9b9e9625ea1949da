"""The overview strip under the timeline: every event at once, and a window showing what the lanes show.

The main view opens on the dense part of an article; what lies years away (the treaty of 1956, the pact of 2009)
is a tick here, one click or drag away. Long empty stretches fold into a "//" break (see :mod:`overview_scale`),
so a single old event does not squeeze everything else into a corner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from gui.timeline.colors import TimelineColors, mix
from gui.timeline.overview_scale import BrokenScale, broken_scale, year_ticks

OVERVIEW_HEIGHT = 22
SIDE = 14.0  # pixels kept free at either end
LINE_Y = 6.5  # the baseline the marks sit on; year labels below it
MIN_WINDOW = 8.0


@dataclass(frozen=True, slots=True)
class OverviewMark:
    first: float  # day
    end: float  # day after the last
    point: bool  # a day (tick) rather than an interval (thin bar)
    planned: bool


class TimelineOverview(QWidget):
    """Emits :attr:`center_requested` with the day the main view should centre on (click, or drag the window)."""

    center_requested = Signal(float)

    def __init__(self, colors: TimelineColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimelineOverview")
        self.setAccessibleName(self.tr("Overview of all dates"))
        self.setFixedHeight(OVERVIEW_HEIGHT)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._colors = colors
        self._marks: tuple[OverviewMark, ...] = ()
        self._published: float | None = None
        self._window = (0.0, 1.0)
        self._scale: BrokenScale | None = None
        self._cache: QPixmap | None = None
        self._grab: float | None = None  # while dragging: pointer x minus the window's centre

    # -- state -----------------------------------------------------------------------------------------------

    def set_content(self, marks: Sequence[OverviewMark], published: float | None) -> None:
        self._marks = tuple(marks)
        self._published = published
        self._rescale()

    def set_colors(self, colors: TimelineColors) -> None:
        self._colors = colors
        self._cache = None
        self.update()

    def set_window(self, first: float, end: float) -> None:
        """The days ``[first, end)`` the main view shows now."""
        if (first, end) != self._window:
            self._window = (first, end)
            self.update()

    def scale(self) -> BrokenScale | None:
        return self._scale

    def window_rect(self) -> QRectF:
        """Where the window is drawn, in this widget's pixels (clamped to the strip, never thinner than 8 px)."""
        if self._scale is None:
            return QRectF()
        x0, x1 = (self._scale.x(d) for d in self._window)
        if x1 - x0 < MIN_WINDOW:
            mid = (x0 + x1) / 2
            x0, x1 = mid - MIN_WINDOW / 2, mid + MIN_WINDOW / 2
        x0 = min(max(x0, 1.0), self.width() - 1.0 - MIN_WINDOW)
        x1 = max(min(x1, self.width() - 1.0), x0 + MIN_WINDOW)
        return QRectF(x0, 1.5, x1 - x0, self.height() - 3.0)

    def _rescale(self) -> None:
        spans = [(m.first, m.end) for m in self._marks]
        if self._published is not None:
            spans.append((self._published, self._published + 1))
        self._scale = broken_scale(spans, SIDE, self.width() - SIDE) if spans else None
        self._cache = None
        self.update()

    # -- painting --------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # QWidget.resizeEvent
        super().resizeEvent(event)
        self._rescale()

    def paintEvent(self, event: QPaintEvent) -> None:  # QWidget.paintEvent
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.size() != self.size() * ratio:
            self._cache = QPixmap(self.size() * ratio)
            self._cache.setDevicePixelRatio(ratio)
            self._cache.fill(self._colors.header)
            p = QPainter(self._cache)
            self._paint_strip(p)
            p.end()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        if self._scale is not None and self._marks:
            self._paint_window(painter)

    def _paint_strip(self, p: QPainter) -> None:
        c = self._colors
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(c.grid, 1.0))
        p.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        scale = self._scale
        if scale is None or not self._marks:
            return
        line = QPen(c.grid_major, 1.0)
        p.setPen(line)
        for piece in scale.pieces:
            if not piece.is_break:
                p.drawLine(QPointF(piece.x0, LINE_Y), QPointF(piece.x1, LINE_Y))
        for piece in scale.breaks:
            p.setPen(QPen(c.text_tertiary, 1.2))
            mid = (piece.x0 + piece.x1) / 2
            for dx in (-2.5, 2.5):
                p.drawLine(QPointF(mid + dx - 2.5, LINE_Y + 4), QPointF(mid + dx + 2.5, LINE_Y - 4))
        font = QFont(self.font())
        font.setPixelSize(10)
        metrics = QFontMetricsF(font)
        p.setFont(font)
        label_top = LINE_Y + 2.0
        for x, year, labelled in year_ticks(scale, metrics.horizontalAdvance("2000")):
            p.setPen(QPen(c.grid_major, 1.0))
            p.drawLine(QPointF(x, LINE_Y), QPointF(x, LINE_Y + 2.5))
            if labelled:
                p.setPen(c.text_tertiary)
                w = metrics.horizontalAdvance(year) + 4
                p.drawText(QRectF(x - w / 2, label_top, w, self.height() - label_top),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, year)
        planned = mix(c.planned, c.header, 0.4)
        p.setPen(Qt.PenStyle.NoPen)
        for m in self._marks:
            if m.point:
                continue
            x0, x1 = scale.x(m.first), scale.x(m.end)
            p.setBrush(mix(c.planned_fill, c.planned, 0.35) if m.planned else c.bar)
            p.drawRoundedRect(QRectF(x0, LINE_Y - 1.5, max(x1 - x0, 2.0), 3), 1.5, 1.5)
        for m in self._marks:
            if not m.point:
                continue
            x = scale.x((m.first + m.end) / 2)
            p.setBrush(planned if m.planned else c.point)
            p.drawRect(QRectF(x - 0.6, LINE_Y - 3.5, 1.2, 7))
        if self._published is not None:
            x = scale.x(self._published + 0.5)
            p.setBrush(c.accent)
            p.drawRect(QRectF(x - 0.6, 1, 1.2, LINE_Y + 2))

    def _paint_window(self, p: QPainter) -> None:
        c = self._colors
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(c.accent)
        fill.setAlphaF(0.12 if not c.dark else 0.2)
        p.setBrush(fill)
        p.setPen(QPen(c.accent, 1.3))
        p.drawRoundedRect(self.window_rect(), 4, 4)

    # -- mouse -----------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # QWidget.mousePressEvent
        if event.button() != Qt.MouseButton.LeftButton or self._scale is None:
            super().mousePressEvent(event)
            return
        x = event.position().x()
        rect = self.window_rect()
        # A press on the window grabs it where it was pressed; elsewhere the window jumps there first.
        self._grab = x - rect.center().x() if rect.adjusted(-3, 0, 3, 0).contains(QPointF(x, rect.center().y())) else 0
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._follow(x)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # QWidget.mouseMoveEvent
        x = event.position().x()
        if self._grab is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._follow(x)
            return
        inside = self.window_rect().adjusted(-3, 0, 3, 0).contains(QPointF(x, self.height() / 2))
        self.setCursor(Qt.CursorShape.OpenHandCursor if inside else Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # QWidget.mouseReleaseEvent
        if event.button() == Qt.MouseButton.LeftButton and self._grab is not None:
            self._grab = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().mouseReleaseEvent(event)

    def _follow(self, x: float) -> None:
        if self._scale is None or self._grab is None:
            return
        centre = min(max(x - self._grab, 0.0), float(self.width()))
        self.center_requested.emit(self._scale.day(centre))
