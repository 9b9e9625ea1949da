"""Line icons from resources/icons, tinted with the current theme's text colour.

The SVG files draw with ``currentColor``; they are rendered here rather than through a QIcon engine so that the
same file serves the light and the dark scheme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLineEdit

from gui.theme import current_tokens

_SIZES = (16, 20, 24, 32)


def painted_icon(paint: Callable[[QPainter, int], None], sizes: Sequence[int] = _SIZES) -> QIcon:
    """An icon with a crisp pixmap per size (and per device pixel ratio); ``paint(painter, size)`` draws one."""
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    result = QIcon()
    for size in sizes:
        pixmap = QPixmap(round(size * ratio), round(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(painter, size)
        painter.end()
        result.addPixmap(pixmap)
    return result


def svg_icon(source: str, color: str, sizes: Sequence[int] = _SIZES) -> QIcon:
    """An SVG drawn with ``currentColor``, tinted."""
    renderer = QSvgRenderer(QByteArray(source.replace("currentColor", color).encode("utf-8")))
    return painted_icon(lambda painter, size: renderer.render(painter, QRectF(0, 0, size, size)), sizes)


def icon(name: str, color: str | None = None) -> QIcon:
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    return _icon(name, color or current_tokens().text, ratio)


@lru_cache(maxsize=256)
def _icon(name: str, color: str, _ratio: float) -> QIcon:
    """Each icon drawn once per colour (the window asks for the same few many times; QIcon is shared, copy on
    write)."""
    source = (_icons_folder() / f"{name}.svg").read_text(encoding="utf-8")
    return svg_icon(source, color)


@lru_cache(maxsize=1)
def _icons_folder() -> Traversable:
    """resources/icons, looked up once: each ``files()`` call resolves the package anew (some 0.7 ms, a dozen times
    before the first paint)."""
    return files("resources.icons")


def clear_button_when_typed(field: QLineEdit) -> None:
    """``field.setClearButtonEnabled(True)``, done when the field first holds text: the button shows only then
    anyway, and the first one a process makes loads the style's clear icon (some 4 ms before the first paint)."""

    def typed(text: str) -> None:
        if text and not field.isClearButtonEnabled():
            field.setClearButtonEnabled(True)
            field.textChanged.disconnect(typed)

    field.textChanged.connect(typed)
