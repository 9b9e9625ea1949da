"""Code points (Python, the whole product) ↔ UTF-16 units (Qt), converted here and nowhere else.

A text without characters outside the Basic Multilingual Plane needs no table at all: both counts agree. Otherwise
the positions of the astral characters are found once per text and every conversion is a binary search over them,
so a 1 MB article converts in microseconds after a single linear scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Conversions for one text; build it once per article (or use the cached module functions)."""

    __slots__ = ("_astral_cp", "_astral_u16", "cp_length", "utf16_length")

    def __init__(self, text: str) -> None:
        self._astral_cp: list[int] = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        # The UTF-16 index of the k-th astral character: every astral character before it took one extra unit.
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral_cp)]
        self.cp_length = len(text)
        self.utf16_length = len(text) + len(self._astral_cp)

    @property
    def identity(self) -> bool:
        return not self._astral_cp

    def to_qt(self, cp_offset: int) -> int:
        if not 0 <= cp_offset <= self.cp_length:
            raise IndexError(f"code-point offset {cp_offset} outside 0..{self.cp_length}")
        if not self._astral_cp:
            return cp_offset
        return cp_offset + bisect_left(self._astral_cp, cp_offset)

    def from_qt(self, utf16_offset: int) -> int:
        """A position inside a surrogate pair rounds down to the start of its character."""
        if not 0 <= utf16_offset <= self.utf16_length:
            raise IndexError(f"UTF-16 offset {utf16_offset} outside 0..{self.utf16_length}")
        if not self._astral_u16:
            return utf16_offset
        return utf16_offset - bisect_left(self._astral_u16, utf16_offset)


@lru_cache(maxsize=16)
def offset_map(text: str) -> OffsetMap:
    return OffsetMap(text)


def to_qt(text: str, cp_offset: int) -> int:
    return offset_map(text).to_qt(cp_offset)


def from_qt(text: str, utf16_offset: int) -> int:
    return offset_map(text).from_qt(utf16_offset)
