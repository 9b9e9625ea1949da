"""Which font package draws a character, and how to tell a reader about characters no installed font has.

The PDF is typeset with the bundled Noto Serif and Inter; characters they lack fall back to the system's fonts.
When the system has none for a character, the export still succeeds, and the notice built here says which
characters are missing and which Debian/Ubuntu font package would draw them (other systems have the same Noto
families under their own package names).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# (first, last, package): the first range that holds a code point names its package.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x1100, 0x11FF, "fonts-noto-cjk"),  # Hangul Jamo
    (0x2E80, 0x2FDF, "fonts-noto-cjk"),  # CJK radicals, Kangxi
    (0x3000, 0x303F, "fonts-noto-cjk"),  # CJK symbols and punctuation
    (0x3040, 0x30FF, "fonts-noto-cjk"),  # Hiragana, Katakana
    (0x3100, 0x31FF, "fonts-noto-cjk"),  # Bopomofo, Hangul compatibility, Katakana extensions
    (0x3200, 0x9FFF, "fonts-noto-cjk"),  # enclosed CJK, CJK extension A, unified ideographs
    (0xAC00, 0xD7AF, "fonts-noto-cjk"),  # Hangul syllables
    (0xF900, 0xFAFF, "fonts-noto-cjk"),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF, "fonts-noto-cjk"),  # half- and full-width forms
    (0x20000, 0x3FFFF, "fonts-noto-cjk-extra"),  # CJK extensions B and later
    (0x2600, 0x27BF, "fonts-noto-color-emoji"),  # miscellaneous symbols, dingbats
    (0x1F000, 0x1FAFF, "fonts-noto-color-emoji"),  # emoji and pictographs
    (0x0400, 0x052F, "fonts-dejavu-core"),  # Cyrillic
    (0x0370, 0x03FF, "fonts-dejavu-core"),  # Greek
)
_DEFAULT_PACKAGE = "fonts-noto-core"  # Arabic, Hebrew, Devanagari, Thai, Georgian, Armenian and most other scripts


def font_package(char: str) -> str:
    """The Debian font package that draws ``char``."""
    code = ord(char)
    for first, last, package in _RANGES:
        if first <= code <= last:
            return package
    return _DEFAULT_PACKAGE


def drawable_candidates(text: str) -> list[str]:
    """The distinct characters of ``text`` that need a glyph (not spaces, controls or format characters)."""
    seen: dict[str, None] = {}
    for char in text:
        if char.isspace() or unicodedata.category(char)[0] in "CZ":
            continue
        seen.setdefault(char)
    return list(seen)


def missing_glyphs_notice(missing: Iterable[str]) -> str | None:
    """One line naming the characters no installed font can draw and the packages that would; None if none."""
    chars = list(dict.fromkeys(missing))  # in the order they were met
    if not chars:
        return None
    by_package: dict[str, list[str]] = {}
    for char in chars:
        by_package.setdefault(font_package(char), []).append(char)
    parts = []
    for package, group in by_package.items():
        shown = "".join(group[:12]) + ("…" if len(group) > 12 else "")
        parts.append(f"{shown} (install {package})")
    count = len(chars)
    noun = "character" if count == 1 else "characters"
    return f"{count} {noun} could not be drawn, no installed font has them: " + "; ".join(parts)
