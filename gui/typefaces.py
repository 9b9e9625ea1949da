"""The bundled typefaces, registered at start-up so the window looks the same on every machine.

Interface text is Inter, the article is Noto Serif with a Noto Serif Display headline (all SIL OFL, shipped in
``resources/fonts``). When a file cannot be loaded the nearest system family is used instead, and
:func:`check_rendering` tells whether any real font at all was resolved (without one Qt silently draws boxes).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics

log = logging.getLogger(__name__)

_FONT_SUFFIXES = (".otf", ".ttf")


@dataclass(frozen=True)
class Typefaces:
    ui: str
    serif: str
    display: str


_registered: Typefaces | None = None


def register_bundled_fonts() -> Typefaces:
    """Load resources/fonts once per process and pick a family for each role."""
    global _registered
    if _registered is not None:
        return _registered
    loaded: set[str] = set()
    for entry in sorted(files("resources.fonts").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(_FONT_SUFFIXES):
            continue
        if isinstance(entry, Path):  # a file on disk (the usual install): Qt maps it rather than parsing a copy
            font_id = QFontDatabase.addApplicationFont(str(entry))
        else:  # inside an archive
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        if font_id < 0:
            log.warning("could not load bundled font %s", entry.name)
            continue
        loaded.update(QFontDatabase.applicationFontFamilies(font_id))
    available = set(QFontDatabase.families()) | loaded
    serif = _first(available, ("Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif", "Liberation Serif"))
    _registered = Typefaces(
        ui=_first(available, ("Inter", "Segoe UI", "Helvetica Neue", "Cantarell", "DejaVu Sans", "Liberation Sans")),
        serif=serif,
        display=_first(available, ("Noto Serif Display", serif)),
    )
    return _registered


def _first(available: set[str], wanted: tuple[str, ...]) -> str:
    for family in wanted:
        if family in available:
            return family
    return ""  # let Qt choose its default family


def check_rendering(font: QFont) -> str | None:
    """Return why text set in ``font`` would not be readable, or None when a real family draws letters."""
    family = QFontInfo(font).family()
    if not family or not QFontDatabase.families():
        return "no font could be resolved: install fontconfig and a font (e.g. fonts-dejavu-core)"
    metrics = QFontMetrics(font)
    if not all(metrics.inFontUcs4(ord(c)) for c in "Aa1"):
        return f"the font '{family}' has no Latin letters: text would be drawn as boxes"
    return None
