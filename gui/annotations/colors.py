"""The colour legend as the GUI paints it: a swatch and a mark background per colour key, light or dark.

The store keeps the legend (key, meaning, swatch, light background); a dark scheme derives its backgrounds from the
swatch at about a quarter opacity so that the text stays readable on the dark surface whatever colour the reader
picked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from models.store.records import DEFAULT_LEGEND as DEFAULT_COLORS
from models.store.records import ColorMeaning

if TYPE_CHECKING:
    from models.store.protocol import LibraryProtocol

DARK_ALPHA = 0.26


@dataclass(frozen=True)
class LegendColor:
    key: str
    meaning: str
    swatch: str
    background: str
    position: int


DEFAULT_LEGEND: tuple[LegendColor, ...] = tuple(  # declared once, in models.store.records
    LegendColor(c.key, c.meaning, c.swatch, c.background, c.position) for c in DEFAULT_COLORS
)
_UNKNOWN = DEFAULT_LEGEND[-1]  # a key the legend lacks paints as the neutral "Quote" grey


class Legend:
    """Ordered colours with lookups that never fail (an unknown key paints grey rather than raising)."""

    def __init__(self, colors: Iterable[LegendColor | ColorMeaning] = DEFAULT_LEGEND) -> None:
        self.colors: tuple[LegendColor, ...] = tuple(
            LegendColor(c.key, c.meaning, c.swatch, c.background, c.position) for c in colors
        ) or DEFAULT_LEGEND
        self._by_key = {c.key: c for c in self.colors}

    @classmethod
    def from_store(cls, library: LibraryProtocol) -> Legend:
        return cls(library.annotations.colors())

    def keys(self) -> list[str]:
        return [c.key for c in self.colors]

    def get(self, key: str) -> LegendColor:
        return self._by_key.get(key) or LegendColor(key, key, _UNKNOWN.swatch, _UNKNOWN.background, len(self.colors))

    def meaning(self, key: str) -> str:
        return self.get(key).meaning

    def swatch(self, key: str) -> QColor:
        return QColor(self.get(key).swatch)

    def background(self, key: str, dark: bool) -> QColor:
        """The fill of a mark: the light background, or the swatch at ~26 % on a dark surface."""
        color = self.get(key)
        if dark:
            fill = QColor(color.swatch)
            fill.setAlphaF(DARK_ALPHA)
            return fill
        return QColor(color.background)

    def position(self, key: str) -> int:
        return self.get(key).position

    def first(self) -> str:
        return self.colors[0].key

    def __len__(self) -> int:
        return len(self.colors)

    def __iter__(self) -> Iterator[LegendColor]:
        return iter(self.colors)

    def at(self, index: int) -> LegendColor | None:
        return self.colors[index] if 0 <= index < len(self.colors) else None


def light_background_for(swatch: str) -> str:
    """A pale fill for a newly picked swatch (mixed 26 % into white), as the defaults are."""
    c = QColor(swatch)
    mix = [round(255 + (v - 255) * 0.3) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name().upper()

