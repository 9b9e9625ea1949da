"""Small line icons for the entity types (person, pin, building, people, calendar, tag), tinted per theme.

Drawn from inline SVG so the panel does not depend on which icon files the application ships.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_HEAD = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="{color}" '
         'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">')
_SHAPES = {
    "PERSON": '<circle cx="12" cy="8" r="3.6"/><path d="M5 20c.8-3.6 3.6-5.6 7-5.6s6.2 2 7 5.6"/>',
    "PLACE": '<path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z"/><circle cx="12" cy="10" r="2.3"/>',
    "ORGANIZATION": '<path d="M3.5 20.5h17M5 9.5h14M12 3.5l7.5 4v2h-15v-2z"/>'
                    '<path d="M7 10v8M10.3 10v8M13.7 10v8M17 10v8"/>',
    "GROUP": '<circle cx="9" cy="8.5" r="3"/><path d="M3.5 19.5c.6-3 2.8-4.8 5.5-4.8s4.9 1.8 5.5 4.8"/>'
             '<path d="M15.5 5.8a3 3 0 0 1 0 5.6M17.4 14.9c1.6.6 2.7 2.2 3.1 4.6"/>',
    "EVENT": '<rect x="4" y="5.5" width="16" height="14.5" rx="2.2"/><path d="M4 10h16M8.5 3.5v4M15.5 3.5v4"/>',
    "OTHER": '<path d="M3.5 12.3V4.5a1 1 0 0 1 1-1h7.8l8.2 8.2-8.8 8.8z"/><circle cx="8" cy="8" r="1.3"/>',
}


@lru_cache(maxsize=64)
def type_pixmap(type_: str, color: str, size: int = 14, ratio: float = 1.0) -> QPixmap:
    svg = _HEAD.format(color=color) + _SHAPES.get(type_, _SHAPES["OTHER"]) + "</svg>"
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap
