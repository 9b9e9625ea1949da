"""The two versions as one text to read: the newer text with the deleted words put back where they were, so a
view can strike them through and mark the inserted ones (as a word processor's "track changes" shows an edit).

Pure data: a list of blocks, each a kind and styled segments; the reader's diff view only chooses the formats.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from models.article import Article
from models.revisions.text_diff import ParagraphChanges, TextChange

SAME, INSERTED, DELETED = "same", "inserted", "deleted"
PILCROW = " ¶ "  # a line break inside deleted words (they are shown within one paragraph)


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    style: str  # same | inserted | deleted
    start: int | None = None  # code-point offset in the newer text (None for deleted words)


@dataclass(frozen=True, slots=True)
class InlineBlock:
    kind: str
    segments: tuple[Segment, ...]
    new_block: int | None  # index among the newer text's blocks; None for a paragraph removed whole

    @property
    def changed(self) -> bool:
        return any(s.style != SAME for s in self.segments)


def inline_blocks(old: Article, new: Article, paragraphs: Sequence[ParagraphChanges]) -> list[InlineBlock]:
    removed: list[tuple[int, int]] = []  # (place in the new text, old block index) of paragraphs removed whole
    changes: list[TextChange] = []
    for p in paragraphs:
        if p.new_block is None and p.old_block is not None:
            removed += [(c.new_start, p.old_block) for c in p.changes]
        else:
            changes += p.changes
    changes.sort(key=lambda c: (c.new_start, c.new_end, c.old_start))
    lines: list[list[Segment]] = [[]]

    def put(text: str, style: str, start: int | None) -> None:
        if style == DELETED:
            lines[-1].append(Segment(text.replace("\n", PILCROW), style))
            return
        for k, piece in enumerate(text.split("\n")):
            if k:
                lines.append([])
                start = None if start is None else start + 1
            if piece:
                lines[-1].append(Segment(piece, style, start))
            start = None if start is None else start + len(piece)

    pos = 0
    for c in changes:
        if c.new_start > pos:
            put(new.text[pos : c.new_start], SAME, pos)
        if c.old_text:
            put(_spaced(c, new.text), DELETED, None)
        if c.new_end > c.new_start:
            put(new.text[c.new_start : c.new_end], INSERTED, c.new_start)
        pos = max(pos, c.new_end)
    if pos < len(new.text):
        put(new.text[pos:], SAME, pos)

    starts = [b.start for b in new.blocks]
    out: list[InlineBlock] = []
    before: dict[int, list[int]] = {}
    for place, old_block in removed:
        before.setdefault(bisect.bisect_left(starts, place), []).append(old_block)
    for j, segments in enumerate(lines):
        for ob in before.pop(j, []):
            b = old.blocks[ob]
            out.append(InlineBlock(b.kind, (Segment(old.text[b.start : b.end], DELETED),), None))
        kind = new.blocks[j].kind if j < len(new.blocks) else "paragraph"
        out.append(InlineBlock(kind, tuple(segments), j))
    for rest in sorted(before):
        for ob in before[rest]:
            b = old.blocks[ob]
            out.append(InlineBlock(b.kind, (Segment(old.text[b.start : b.end], DELETED),), None))
    return out


def _spaced(c: TextChange, text: str) -> str:
    """Deleted words without the spaces the diff left out of them, given back the space that keeps them apart from
    the words around them on screen."""
    words = c.old_text
    if c.op != "delete":
        return words
    left = text[c.new_start - 1] if c.new_start > 0 else " "
    right = text[c.new_start] if c.new_start < len(text) else " "
    if not left.isspace() and not words[0].isspace():
        words = " " + words
    if right.isalnum() and not words[-1].isspace():
        words += " "
    return words
