"""What became of each highlight from one revision to another, found with the reader's own re-anchoring.

- *unchanged*: the same words, where the edit left them;
- *moved*: the same words, found in another place (a paragraph moved);
- *edited*: still anchored, but the words under it changed;
- *orphaned*: not found safely in the new text (shown apart for the reader to re-attach).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.anchoring import Anchor, Selector, TextChange, anchor, make_selector, reanchor

FATES = ("unchanged", "moved", "edited", "orphaned")
MOVE_SLACK = 64  # characters an unchanged quote may sit from where the alignment expects it before it "moved"


@dataclass(frozen=True, slots=True)
class HighlightFate:
    highlight_id: str
    fate: str  # one of FATES
    old_start: int
    old_end: int
    old_quote: str
    new_start: int | None  # None for an orphan
    new_end: int | None
    new_quote: str | None


@dataclass(frozen=True, slots=True)
class TrackedHighlight:
    """A highlight as the comparison needs it: its selector on the old text and, when known (the reader's
    current state of the newest revision), its span on the new text, or ``lost`` if it is an orphan there."""

    id: str
    selector: Selector
    new_span: tuple[int, int] | None = None
    lost: bool = False


def highlight_fates(old_text: str, new_text: str, highlights: Sequence[TrackedHighlight]) -> list[HighlightFate]:
    """The fate of each highlight, in the order given."""
    change = TextChange(old_text, new_text)
    out = []
    for h in highlights:
        sel = h.selector
        if h.lost:
            found: tuple[int, int] | None = None
        elif h.new_span is not None:
            found = h.new_span
        else:
            hit = anchor(new_text, sel, expected=change.expected(sel.start, sel.end), near=change.near(sel.start))
            found = (hit.start, hit.end) if hit is not None else None
        out.append(_fate(h.id, sel, new_text, change, found))
    return out


def follow(texts: Sequence[str], selector: Selector) -> Selector | None:
    """The selector carried through successive versions ``texts[0] → texts[1] → …`` (None once it is lost)."""
    sel: Selector | None = selector
    for old, new in zip(texts, texts[1:], strict=False):
        if sel is None:
            return None
        found: Anchor | None = reanchor(old, new, [sel])[0]
        sel = None if found is None else make_selector(new, found.start, found.end)
    return sel


def _fate(hid: str, sel: Selector, new_text: str, change: TextChange, found: tuple[int, int] | None) -> HighlightFate:
    if found is None:
        return HighlightFate(hid, "orphaned", sel.start, sel.end, sel.exact, None, None, None)
    start, end = found
    quote = new_text[start:end]
    if quote != sel.exact:
        fate = "edited"
    else:
        expected = change.expected(sel.start, sel.end)
        where = expected if expected is not None else change.near(sel.start)
        fate = "unchanged" if abs(start - where) <= max(MOVE_SLACK, len(sel.exact)) else "moved"
    return HighlightFate(hid, fate, sel.start, sel.end, sel.exact, start, end, quote)
