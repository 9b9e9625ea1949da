"""Small line glyphs for the selection bar and the Notes panel (note, tag, copy, delete) and colour dots.

Drawn with QPainterPath at the requested colour, so the light bar on a dark pill and the panel's buttons on a light
panel come from the same shapes without extra icon files.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap

from gui.icons import painted_icon

_SIZES = (16, 20, 24)


def _path(name: str) -> QPainterPath:
    p = QPainterPath()
    if name == "note":  # a speech bubble with two lines of text
        p.addRoundedRect(QRectF(3, 4, 18, 13), 3, 3)
        p.moveTo(8, 17)
        p.lineTo(7, 21)
        p.lineTo(12, 17)
        p.moveTo(7, 9)
        p.lineTo(17, 9)
        p.moveTo(7, 12.5)
        p.lineTo(14, 12.5)
    elif name == "tag":  # a luggage tag with its hole
        p.moveTo(3.5, 4.5)
        p.lineTo(11.5, 4.5)
        p.lineTo(20.5, 13.5)
        p.lineTo(13.5, 20.5)
        p.lineTo(3.5, 11.5)
        p.closeSubpath()
        p.addEllipse(QPointF(8, 9), 1.6, 1.6)
    elif name == "copy":
        p.addRoundedRect(QRectF(8, 8, 12, 13), 2.5, 2.5)
        p.moveTo(5, 16)
        p.lineTo(4, 16)
        p.lineTo(4, 4)
        p.lineTo(16, 4)
        p.lineTo(16, 5)
    elif name == "delete":  # a bin
        p.moveTo(4, 6.5)
        p.lineTo(20, 6.5)
        p.moveTo(9, 6.5)
        p.lineTo(9.5, 3.5)
        p.lineTo(14.5, 3.5)
        p.lineTo(15, 6.5)
        p.moveTo(6, 6.5)
        p.lineTo(7, 20.5)
        p.lineTo(17, 20.5)
        p.lineTo(18, 6.5)
        p.moveTo(10.5, 10)
        p.lineTo(10.5, 17)
        p.moveTo(13.5, 10)
        p.lineTo(13.5, 17)
    elif name == "attach":  # a link between the orphan and the selection
        p.addRoundedRect(QRectF(2.5, 8.5, 10, 7), 3.5, 3.5)
        p.addRoundedRect(QRectF(11.5, 8.5, 10, 7), 3.5, 3.5)
    return p


def glyph_icon(name: str, color: str | QColor) -> QIcon:
    pen = QPen(QColor(color), 1.7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)

    def paint(painter: QPainter, size: int) -> None:
        painter.scale(size / 24, size / 24)
        painter.setPen(pen)
        painter.drawPath(_path(name))

    return painted_icon(paint, _SIZES)


def dot_icon(color: str | QColor, ring: str | QColor | None = None, size: int = 16) -> QIcon:
    """A filled colour dot; ``ring`` draws a halo around it (the current colour)."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    argb = QColor.NameFormat.HexArgb
    # The legend's few colours are drawn for every menu, swatch and row: once each (QIcon is shared, copy on write).
    return _dot_icon(QColor(color).name(argb), QColor(ring).name(argb) if ring is not None else None, size, ratio)


@lru_cache(maxsize=256)
def _dot_icon(color: str, ring: str | None, size: int, ratio: float) -> QIcon:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    inset = 3.0 if ring is not None else 1.5
    if ring is not None:
        painter.setPen(QPen(QColor(ring), 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(0.9, 0.9, size - 1.8, size - 1.8))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
    painter.end()
    return QIcon(pixmap)
