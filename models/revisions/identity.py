"""Which stored article an imported one is: its source made absolute, and whether two texts tell the same story.

A path typed relative to the current folder names a different file in another folder, so sources are stored as
absolute, resolved paths (URLs and clipboard sources as they are). A library from before this rule may hold
relative sources; such an article is matched again only by the same relative string *and* a text that tells the
same story (its content fingerprint), never by the name alone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from rapidfuzz.distance import Indel

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_WORD = re.compile(r"\w+")
SHINGLE = 4  # words per shingle
SAME_STORY = 0.2  # share of the shorter text's shingles found in the other one from which two texts are one story
SHORT_SIMILAR = 0.8  # character similarity two short texts need to count as one story when that must be shown
FEW_WORDS = 40  # below this many words a text is too short to judge: it counts as the same story


def canonical_source(source: str, cwd: str | os.PathLike[str] | None = None) -> str:
    """The absolute, resolved path of a file source; URLs and ``clipboard:`` sources unchanged."""
    if _SCHEME.match(source) and not re.match(r"^[A-Za-z]:[\\/]", source):  # a scheme, not a drive letter
        return source
    path = Path(source).expanduser()
    if not path.is_absolute():
        path = Path(cwd if cwd is not None else os.getcwd()) / path
    try:
        return str(path.resolve(strict=False))
    except (OSError, RuntimeError):  # a symlink loop or an unreadable folder: absolute is the best we can do
        return os.path.abspath(path)


def is_relative(source: str) -> bool:
    return not _SCHEME.match(source) and not Path(source).expanduser().is_absolute()


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {tuple(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def same_story(old_text: str, new_text: str, *, short_texts_match: bool = True) -> bool:
    """Whether ``new_text`` is a version of ``old_text`` (an edit, a correction) rather than another article.

    Texts too short to judge by shingles match when ``short_texts_match`` (the same source re-imported), else only
    when they are nearly the same characters (a relative source from an old library, which says little alone).
    """
    if old_text == new_text:
        return True
    if min(len(_WORD.findall(old_text)), len(_WORD.findall(new_text))) < FEW_WORDS:
        return short_texts_match or Indel.normalized_similarity(old_text, new_text) >= SHORT_SIMILAR
    a, b = _shingles(old_text), _shingles(new_text)
    return len(a & b) / min(len(a), len(b)) >= SAME_STORY
