"""Painting of what does not move with the events: the tick band, the grid and the publication line.

Drawn by the view in viewport coordinates every frame, from the visible range only, so panning across decades
costs as much as panning across a week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from gui.timeline.colors import TimelineColors
from gui.timeline.scene_builder import Tick, TickUnit, choose_tick_unit, drop_overlapping_labels, ticks_between

HEADER_HEIGHT = 22.0
FOOTER_HEIGHT = 17.0  # the publication pill, between the lanes and the overview strip
LABEL_OFFSET = 5.0


def header_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPixelSize(11)
    font.setWeight(QFont.Weight.DemiBold)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
    return font


def pill_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPixelSize(11)
    font.setWeight(QFont.Weight.DemiBold)
    return font


@dataclass(frozen=True)
class AxisFrame:
    """What one frame of the axis shows: the visible days, the scale and the chosen ticks."""

    left: float  # day number at x = 0
    ppd: float
    width: float
    height: float
    unit: TickUnit
    ticks: tuple[Tick, ...]

    def x(self, day: float) -> float:
        return (day - self.left) * self.ppd


def frame_for(left: float, ppd: float, width: float, height: float, font: QFont) -> AxisFrame:
    metrics = QFontMetricsF(header_font(font))
    unit = choose_tick_unit(ppd, metrics.horizontalAdvance)
    ticks = ticks_between(left, left + width / ppd, unit)
    return AxisFrame(left, ppd, width, height, unit, tuple(ticks))


def paint_grid(painter: QPainter, frame: AxisFrame, colors: TimelineColors) -> None:
    painter.fillRect(QRectF(0, 0, frame.width, frame.height), colors.background)
    bottom = frame.height - FOOTER_HEIGHT / 2
    for tick in frame.ticks:
        x = round(frame.x(tick.day)) + 0.5
        painter.setPen(QPen(colors.grid_major if tick.major else colors.grid, 1.0))
        painter.drawLine(QRectF(x, 0, 0, bottom).topLeft(), QRectF(x, 0, 0, bottom).bottomLeft())


def paint_header(painter: QPainter, frame: AxisFrame, colors: TimelineColors, font: QFont) -> None:
    painter.fillRect(QRectF(0, 0, frame.width, HEADER_HEIGHT), colors.header)
    painter.setPen(QPen(colors.grid, 1.0))
    painter.drawLine(QRectF(0, HEADER_HEIGHT - 0.5, frame.width, 0).topLeft(),
                     QRectF(0, HEADER_HEIGHT - 0.5, frame.width, 0).topRight())
    f = header_font(font)
    metrics = QFontMetricsF(f)
    painter.setFont(f)
    xs = [frame.x(t.day) + LABEL_OFFSET for t in frame.ticks]
    labels = [t.label for t in frame.ticks]
    boundaries = [t.major for t in frame.ticks]
    shown = drop_overlapping_labels(xs, labels, metrics.horizontalAdvance, priority=boundaries)
    for x, tick, show in zip(xs, frame.ticks, shown, strict=True):
        if not show or x < -metrics.horizontalAdvance(tick.label):
            continue
        painter.setPen(colors.text_secondary if tick.major or " " in tick.label else colors.text_tertiary)
        painter.drawText(QRectF(x, 0, metrics.horizontalAdvance(tick.label) + 4, HEADER_HEIGHT),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, tick.label)


def paint_day_line(painter: QPainter, frame: AxisFrame, colors: TimelineColors, day: date) -> None:
    """A vertical accent line through a day (the publication date), behind the marks."""
    x = frame.x(day.toordinal() + 0.5)
    if 0 <= x <= frame.width:
        painter.setPen(QPen(colors.accent, 1.5))
        bottom = frame.height - FOOTER_HEIGHT / 2
        painter.drawLine(QRectF(x, HEADER_HEIGHT, 0, 0).topLeft(), QRectF(x, bottom, 0, 0).topLeft())


def paint_day_pill(
    painter: QPainter, frame: AxisFrame, colors: TimelineColors, day: date, font: QFont, caption: str
) -> None:
    """The caption of the day line in a pill at the bottom; at the nearer edge, with an arrow, when off-screen."""
    x = frame.x(day.toordinal() + 0.5)
    if x < 0:
        caption = f"← {caption}"
    elif x > frame.width:
        caption = f"{caption} →"
    f = pill_font(font)
    w = QFontMetricsF(f).horizontalAdvance(caption) + 18
    h = 15.0
    left = min(max(x - w / 2, 4.0), frame.width - w - 4)
    rect = QRectF(left, frame.height - FOOTER_HEIGHT / 2 - h / 2, w, h)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.accent)
    painter.drawRoundedRect(rect, h / 2, h / 2)
    painter.setFont(f)
    painter.setPen(colors.on_accent)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, caption)


def paint_message(painter: QPainter, frame: AxisFrame, colors: TimelineColors, font: QFont, text: str) -> None:
    painter.setFont(font)
    painter.setPen(colors.text_tertiary)
    painter.drawText(QRectF(0, HEADER_HEIGHT, frame.width, frame.height - HEADER_HEIGHT - FOOTER_HEIGHT),
                     Qt.AlignmentFlag.AlignCenter, text)
