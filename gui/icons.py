"""Line icons from resources/icons, tinted with the current theme's text colour.

The SVG files draw with ``currentColor``; they are rendered here rather than through a QIcon engine so that the
same file serves the light and the dark scheme.
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from gui.theme import current_tokens

_SIZES = (16, 20, 24, 32)


def icon(name: str, color: str | None = None) -> QIcon:
    source = (files("resources.icons") / f"{name}.svg").read_text(encoding="utf-8")
    source = source.replace("currentColor", color or current_tokens().text)
    renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(round(size * ratio), round(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
