"""Where a highlight starts and ends: a selection dragged by hand rarely lands on word boundaries, and a mark that
keeps a stray letter ("E" of "Eight") or cuts a name in half is wrong in every export.

Pure string logic (offsets are code points into the canonical text). A word cut at an end of the selection is
taken whole when at least half of it is selected and left out otherwise; a selection inside a single word takes
that word. White space and paragraph breaks at the ends are dropped.
"""

from __future__ import annotations

_JOINERS = "'’-‐"  # inside a word: don't, Abe’s, vice-minister


def _is_word(text: str, i: int) -> bool:
    if not 0 <= i < len(text):
        return False
    c = text[i]
    if c.isalnum():
        return True
    return c in _JOINERS and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def word_at(text: str, i: int) -> tuple[int, int]:
    """The word containing offset ``i`` as ``[start, end)``; an empty range at ``i`` when it is not in a word."""
    if not _is_word(text, i):
        return i, i
    start, end = i, i + 1
    while _is_word(text, start - 1):
        start -= 1
    while _is_word(text, end):
        end += 1
    return start, end


def trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The range a highlight of the selection ``[start, end)`` should cover (may be empty)."""
    start, end = trim_space(text, start, end)
    if start >= end:
        return start, start
    first = word_at(text, start)
    last = word_at(text, end - 1)
    if first == last and first[0] < first[1]:  # inside one word
        return first
    dropped_head = False
    if first[0] < start:  # the selection begins inside a word
        if (first[1] - start) * 2 >= first[1] - first[0]:
            start = first[0]
        else:
            start, dropped_head = first[1], True
    if last[1] > end:  # it ends inside a word
        if (end - last[0]) * 2 >= last[1] - last[0]:
            end = last[1]
        else:
            end = last[0]
    start, end = trim_space(text, start, end)
    # Punctuation left alone at an end after dropping a fragment (", but" → "but") is not part of the passage.
    while dropped_head and start < end and not text[start].isalnum() and text[start] not in "\"“‘'([«$£€#":
        start += 1
    return (start, end) if start < end else (start, start)
