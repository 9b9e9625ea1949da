"""The marks of the timeline: an event (a dot for a day, a bar for a longer interval) and a cluster bubble.

Items only paint. Where they go, how wide their labels may be and what a click does are decided by the view
and the layout functions; an item keeps the key of the entry (or entries) it stands for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from gui.timeline.colors import TimelineColors

LANE_HEIGHT = 20.0
DOT_RADIUS = 4.5
BAR_HEIGHT = 14.0
LABEL_PAD = 6.0
POINT_PRECISIONS = frozenset({"day", "time"})


class TimelineItem(QGraphicsItem):
    """Common state of the marks: the entries they stand for and whether the reader points at them."""

    def __init__(self, keys: tuple[int, ...], colors: TimelineColors, font: QFont) -> None:
        super().__init__()
        self.keys = keys
        self.colors = colors
        self.font = font
        self.hovered = False
        self.focused = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view interprets clicks and drags

    def set_state(self, *, hovered: bool | None = None, focused: bool | None = None) -> None:
        if hovered is not None:
            self.hovered = hovered
        if focused is not None:
            self.focused = focused
        self.update()

    @property
    def lit(self) -> bool:
        return self.hovered or self.focused

    def mark_rect(self) -> QRectF:  # pragma: no cover - overridden
        raise NotImplementedError


class EventItem(TimelineItem):
    """One entry: a dot (day) or a rounded bar (month, season, quarter, year …), its label beside or inside."""

    def __init__(
        self,
        key: int,
        x0: float,
        x1: float,
        lane: int,
        *,
        precision: str,
        planned: bool,
        label: str,
        label_width: float,
        label_inside: bool,
        colors: TimelineColors,
        font: QFont,
        label_span: tuple[float, float] | None = None,
        label_left: bool = False,
    ) -> None:
        super().__init__((key,), colors, font)
        self.x0, self.x1 = x0, x1
        # the part of the bar an inside label keeps to (the side of the publication line it was given)
        self.span = label_span if label_span is not None else (x0, x1)
        self.mid_y = lane * LANE_HEIGHT + LANE_HEIGHT / 2
        self.precision = precision
        self.planned = planned
        self.is_point = precision in POINT_PRECISIONS
        self.label_inside = label_inside
        self.label_left = label_left and not label_inside  # beside the mark, before it (right-aligned)
        measure = measurer(font)
        room = (self.span[1] - self.span[0] - 2 * LABEL_PAD) if label_inside else label_width
        self.label = elide_words(label, measure, room) if room > 0 else ""
        self.label_width = measure(self.label) if self.label else 0.0
        self.label_shift = 0.0
        self.orphan = False  # the mark has left the view on the left: a bare tail of its label would read as noise

    def follow_left_edge(self, left: float) -> None:
        """Keep the label of a bar that starts off-screen readable: slide it to the visible part of the bar."""
        if not self.label_inside:
            orphan = self.mark_rect().right() < left
            if orphan != self.orphan:
                self.orphan = orphan
                self.update()
            return
        lo, hi = self.span
        room = max(0.0, hi - lo - 2 * LABEL_PAD - self.label_width)
        shift = min(max(0.0, left - lo), room)
        orphan = left - lo > room  # what is left of the bar cannot hold the label: no tail of it
        if shift != self.label_shift or orphan != self.orphan:
            self.label_shift = shift
            self.orphan = orphan
            self.update()

    def mark_rect(self) -> QRectF:
        if self.is_point:
            cx = (self.x0 + self.x1) / 2
            return QRectF(cx - DOT_RADIUS, self.mid_y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS)
        return QRectF(self.x0, self.mid_y - BAR_HEIGHT / 2, max(self.x1 - self.x0, 2.0), BAR_HEIGHT)

    def label_rect(self) -> QRectF:
        h = LANE_HEIGHT - 2
        if self.label_inside:
            return QRectF(self.span[0] + LABEL_PAD + self.label_shift, self.mid_y - h / 2, self.label_width, h)
        if self.label_left:
            return QRectF(self.mark_rect().left() - LABEL_PAD - self.label_width, self.mid_y - h / 2,
                          self.label_width, h)
        return QRectF(self.mark_rect().right() + LABEL_PAD, self.mid_y - h / 2, self.label_width, h)

    def boundingRect(self) -> QRectF:  # QGraphicsItem.boundingRect
        return self.mark_rect().united(self.label_rect()).adjusted(-3, -3, 3, 3)

    def paint(  # QGraphicsItem.paint
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        c = self.colors
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.mark_rect()
        ink = c.accent if self.lit else (c.planned if self.planned else c.point)
        if self.is_point:
            if self.planned:
                painter.setPen(QPen(ink, 1.6))
                painter.setBrush(QBrush(c.background))
                painter.drawEllipse(rect.adjusted(0.8, 0.8, -0.8, -0.8))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(ink))
                painter.drawEllipse(rect)
        else:
            self._paint_bar(painter, rect)
        if self.focused:
            painter.setPen(QPen(c.accent, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 5, 5)
        if self.label and not self.orphan:
            painter.setFont(self.font)
            painter.setPen(c.accent if self.lit else (c.bar_text if not self.planned or self.label_inside
                                                       else c.text))
            painter.drawText(self.label_rect(), Qt.AlignmentFlag.AlignVCenter | _side(self.label_left), self.label)

    def _paint_bar(self, painter: QPainter, rect: QRectF) -> None:
        c = self.colors
        radius = min(4.0, rect.width() / 2)
        if self.planned:
            fill = QColor(c.accent_tint if self.lit else c.planned_fill)
            pen = QPen(c.accent if self.lit else c.planned, 1.2, Qt.PenStyle.DashLine)
            pen.setDashPattern([3.0, 2.5])
        else:
            fill = QColor(c.accent_tint if self.lit else c.bar)
            pen = QPen(c.accent, 1.2) if self.lit else QPen(Qt.PenStyle.NoPen)
        if self.precision == "season" and rect.width() > 24:
            painter.setBrush(QBrush(_faded(fill, rect)))
            if pen.style() != Qt.PenStyle.NoPen:
                pen.setBrush(QBrush(_faded(pen.color(), rect)))
        else:
            painter.setBrush(QBrush(fill))
        painter.setPen(pen)
        painter.drawRoundedRect(rect.adjusted(0.6, 0.6, -0.6, -0.6), radius, radius)


class ClusterItem(TimelineItem):
    """Several entries too close to tell apart at this scale: a bubble with their count and, beside it, the name
    of the most important of them with "+N" for the others (before the bubble when there is no room after it);
    zooming in splits it."""

    HEIGHT = 16.0

    def __init__(
        self, keys: tuple[int, ...], x0: float, x1: float, lane: int, colors: TimelineColors, font: QFont,
        label: str = "", label_width: float = 0.0, count: int | None = None, label_left: bool = False,
    ) -> None:
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        super().__init__(keys, colors, bold)
        self.plain_font = QFont(font)
        self.count = len(keys) if count is None else count  # events it stands for
        self.text = f"{self.count:,}"
        width = max(x1 - x0, measurer(bold)(self.text) + 14)
        self.mid_y = lane * LANE_HEIGHT + LANE_HEIGHT / 2
        self.rect = QRectF(x0, self.mid_y - self.HEIGHT / 2, width, self.HEIGHT)
        suffix = f" +{self.count - 1:,}"
        measure = measurer(font)
        self.label_left = label_left
        # a label after the bubble loses what of its room a bubble wider than its slot takes
        room = label_width - measure(suffix) - (0.0 if label_left else self.rect.right() - x1)
        name = elide_words(label, measure, room) if label and room > 0 else ""
        self.label = f"{name}{suffix}" if name else ""
        self.label_width = measure(self.label) if self.label else 0.0

    def mark_rect(self) -> QRectF:
        return self.rect

    def label_rect(self) -> QRectF:
        h = LANE_HEIGHT - 2
        if self.label_left:
            return QRectF(self.rect.left() - LABEL_PAD - self.label_width, self.mid_y - h / 2, self.label_width, h)
        return QRectF(self.rect.right() + LABEL_PAD, self.mid_y - h / 2, self.label_width, h)

    def boundingRect(self) -> QRectF:  # QGraphicsItem.boundingRect
        return self.rect.united(self.label_rect()).adjusted(-3, -3, 3, 3)

    def paint(  # QGraphicsItem.paint
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        c = self.colors
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(c.accent, 1.5 if self.lit else 1.0))
        painter.setBrush(QBrush(c.accent if self.lit else c.accent_tint))
        r = self.HEIGHT / 2
        painter.drawRoundedRect(self.rect, r, r)
        painter.setFont(self.font)
        painter.setPen(c.on_accent if self.lit else c.accent)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.label:
            painter.setFont(self.plain_font)
            painter.setPen(c.accent if self.lit else c.bar_text)
            painter.drawText(self.label_rect(), Qt.AlignmentFlag.AlignVCenter | _side(self.label_left), self.label)


class SummaryItem(ClusterItem):
    """A bubble of the library timeline drawn from counts (too many events in view to draw each): how many events
    start in its stretch of days, and the name of the most reported one. ``keys`` are bucket numbers, not entries;
    a click zooms to its days."""

    def __init__(
        self, keys: tuple[int, ...], x0: float, x1: float, lane: int, colors: TimelineColors, font: QFont, *,
        count: int, first_day: date, last_day: date, label: str = "", label_width: float = 0.0,
    ) -> None:
        super().__init__(keys, x0, x1, lane, colors, font, label=label, label_width=label_width, count=count)
        self.first_day = first_day
        self.last_day = last_day


def _side(before_mark: bool) -> Qt.AlignmentFlag:
    """A label before its mark ends at it (right-aligned); one after it starts at it."""
    return Qt.AlignmentFlag.AlignRight if before_mark else Qt.AlignmentFlag.AlignLeft


_DANGLING = frozenset({"in", "of", "the", "a", "an", "to", "and", "at", "on", "for", "with", "by", "from", "or"})


_MEASURERS: dict[str, Callable[[str], float]] = {}


def measurer(font: QFont) -> Callable[[str], float]:
    """The width of a text in ``font``, each text measured once (a library redrawn at every zoom step measures
    the same labels again and again, and measuring is slow)."""
    key = font.key()
    found = _MEASURERS.get(key)
    if found is None:
        metrics = QFontMetricsF(font)
        widths: dict[str, float] = {}

        def measure(text: str) -> float:
            width = widths.get(text)
            if width is None:
                if len(widths) > 50_000:
                    widths.clear()
                width = widths[text] = metrics.horizontalAdvance(text)
            return width

        found = _MEASURERS[key] = measure
    return found


def elide_words(text: str, metrics: QFontMetricsF | Callable[[str], float], width: float) -> str:
    """``text`` in ``width`` pixels, cut only at a word end and marked with '…' ("the opp…" never happens); ""
    when not even the first word fits. ``metrics`` measures (a QFontMetricsF, or a function of the text)."""
    advance = metrics.horizontalAdvance if isinstance(metrics, QFontMetricsF) else metrics
    if advance(text) <= width:
        return text
    words = text.split()
    for n in range(len(words) - 1, 0, -1):
        kept = words[:n]
        while len(kept) > 1 and kept[-1].lower() in _DANGLING:
            kept = kept[:-1]
        candidate = " ".join(kept).rstrip(",;:–-") + "…"
        if advance(candidate) <= width:
            return candidate
    return ""


def _faded(color: QColor, rect: QRectF) -> QLinearGradient:
    """A season has no sharp first or last day: its bar fades in and out."""
    gradient = QLinearGradient(QPointF(rect.left(), 0), QPointF(rect.right(), 0))
    clear = QColor(color)
    clear.setAlphaF(0.0)
    edge = min(0.3, 18.0 / max(rect.width(), 1.0) + 0.08)
    gradient.setColorAt(0.0, clear)
    gradient.setColorAt(edge, color)
    gradient.setColorAt(1.0 - edge, color)
    gradient.setColorAt(1.0, clear)
    return gradient
