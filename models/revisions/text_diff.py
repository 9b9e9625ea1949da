"""A word-level diff of two versions of an article, grouped by paragraph, with offsets into both texts.

Paragraphs (blocks) are aligned first, so that an edit in one paragraph never pairs words with another; only the
paragraphs that differ are then compared word by word. Both steps use :class:`difflib.SequenceMatcher` without its
"popular element" heuristic, which would treat common words as noise in a long article.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.article import Article, Block

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class TextChange:
    """One change: ``[old_start, old_end)`` of the old text became ``[new_start, new_end)`` of the new one."""

    op: str  # insert | delete | replace
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str


@dataclass(frozen=True, slots=True)
class ParagraphChanges:
    """The changes of one paragraph: its index among the old and the new blocks (None if it is not in that
    version: a paragraph added or removed whole), its kind, and the changes inside it."""

    old_block: int | None
    new_block: int | None
    kind: str
    changes: tuple[TextChange, ...]


@dataclass(frozen=True, slots=True)
class MetaChange:
    field: str  # a Metadata field: title, authors, published, ...
    old: Any
    new: Any


def diff_texts(old: Article, new: Article) -> list[TextChange]:
    """Every change from ``old`` to ``new``, in text order."""
    old_texts = [old.text[b.start : b.end] for b in old.blocks]
    new_texts = [new.text[b.start : b.end] for b in new.blocks]
    out: list[TextChange] = []
    blocks = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in blocks.get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete":
            at = new.blocks[j1].start if j1 < len(new.blocks) else len(new.text)
            out += [_change("delete", old.text, new.text, b.start, b.end, at, at) for b in old.blocks[i1:i2]]
        elif tag == "insert":
            at = old.blocks[i1].start if i1 < len(old.blocks) else len(old.text)
            out += [_change("insert", old.text, new.text, at, at, b.start, b.end) for b in new.blocks[j1:j2]]
        else:
            lo, hi = old.blocks[i1].start, old.blocks[i2 - 1].end
            nlo, nhi = new.blocks[j1].start, new.blocks[j2 - 1].end
            out += _word_changes(old.text, new.text, lo, hi, nlo, nhi)
    return out


def by_paragraph(changes: Sequence[TextChange], old: Article, new: Article) -> list[ParagraphChanges]:
    """The changes grouped by the paragraph they are in (the new paragraph, or the old one for a paragraph that
    was removed whole), in the order of the new text."""
    groups: dict[tuple[int | None, int | None], list[TextChange]] = {}
    for c in changes:
        new_block = _block_at(new.blocks, c.new_start, c.new_end)
        old_block = _block_at(old.blocks, c.old_start, c.old_end)
        if c.op == "delete" and old_block is not None and _whole(old.blocks[old_block], c.old_start, c.old_end):
            new_block = None  # the whole paragraph went
        if c.op == "insert" and new_block is not None and _whole(new.blocks[new_block], c.new_start, c.new_end):
            old_block = None  # the whole paragraph is new
        groups.setdefault((old_block, new_block), []).append(c)
    out = []
    for (ob, nb), items in groups.items():
        kind = new.blocks[nb].kind if nb is not None else old.blocks[ob].kind if ob is not None else "paragraph"
        out.append(ParagraphChanges(ob, nb, kind, tuple(items)))
    return out


def diff_metadata(old: Article, new: Article) -> list[MetaChange]:
    """Fields of the metadata that differ (the headline as ``title``)."""
    from models.article import metadata_to_dict

    a, b = metadata_to_dict(old.metadata), metadata_to_dict(new.metadata)
    return [MetaChange(k, a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k) and k != "url"]


# -- internals -----------------------------------------------------------------------------------------------------


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _TOKEN.finditer(text, lo, hi)]


def _word_changes(old: str, new: str, lo: int, hi: int, nlo: int, nhi: int) -> list[TextChange]:
    a, b = _tokens(old, lo, hi), _tokens(new, nlo, nhi)
    matcher = difflib.SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    spans: list[list[int]] = []  # [old_start, old_end, new_start, new_end]

    def at(tokens: list[tuple[str, int]], i: int, end: int) -> int:
        return tokens[i][1] if i < len(tokens) else end

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        span = [at(a, i1, hi), at(a, i2, hi), at(b, j1, nhi), at(b, j2, nhi)]
        if spans and _only_space(old, spans[-1][1], span[0]) and _only_space(new, spans[-1][3], span[2]):
            spans[-1][1], spans[-1][3] = span[1], span[3]  # words apart only by a space: one change
        else:
            spans.append(span)
    out = []
    for s, e, ns, ne in spans:
        s, e, ns, ne = _trim_spaces(old, new, s, e, ns, ne)
        op = "insert" if s == e else "delete" if ns == ne else "replace"
        out.append(_change(op, old, new, s, e, ns, ne))
    return out


def _only_space(text: str, start: int, end: int) -> bool:
    return start <= end and not text[start:end].strip()


def _trim_spaces(old: str, new: str, s: int, e: int, ns: int, ne: int) -> tuple[int, int, int, int]:
    """A replaced run that starts or ends with the same space on both sides keeps that space out of the change, and
    an insertion or deletion leaves out the spaces around its words."""
    while s < e and ns < ne and old[s] == new[ns] and old[s].isspace():
        s, ns = s + 1, ns + 1
    while s < e and ns < ne and old[e - 1] == new[ne - 1] and old[e - 1].isspace():
        e, ne = e - 1, ne - 1
    if s == e:  # an insertion: the inserted words, without the space or line break that joins them
        while ns < ne and new[ns].isspace():
            ns += 1
        while ns < ne and new[ne - 1].isspace():
            ne -= 1
    if ns == ne:  # a deletion: likewise
        while s < e and old[s].isspace():
            s += 1
        while s < e and old[e - 1].isspace():
            e -= 1
    return s, e, ns, ne


def _change(op: str, old: str, new: str, s: int, e: int, ns: int, ne: int) -> TextChange:
    return TextChange(op, s, e, ns, ne, old[s:e], new[ns:ne])


def _block_at(blocks: Sequence[Block], start: int, end: int) -> int | None:
    """The block holding ``[start, end)`` (for an empty span, the block it touches)."""
    if not blocks:
        return None
    i = bisect.bisect_right([b.start for b in blocks], start) - 1
    if i < 0:
        return 0
    block = blocks[i]
    if start <= block.end:
        return i
    return i + 1 if i + 1 < len(blocks) else i  # on the newline between two blocks: the next one


def _whole(block: Block, start: int, end: int) -> bool:
    return start <= block.start and block.end <= end
