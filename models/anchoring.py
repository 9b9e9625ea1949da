"""Anchoring highlights in a text that may have changed: W3C position and quote selectors.

A highlight remembers where it was (TextPositionSelector) and what it said with a little context
(TextQuoteSelector). When the text changes, the highlight is found again, most trusted way first:

1. *position* — the quote is still at the expected place (the old place, or where an alignment of the old and new
   text moved it);
2. *quote* — an occurrence of the quote elsewhere (white space ignored), the one whose context fits best, then the
   nearest; a short quote (a name, a word) also needs its context, since it may well occur in unrelated sentences;
3. *fuzzy* — an approximate match near the expected place, accepted only if the quote itself is very similar and the
   whole (quote + context) scores above a minimum.

Otherwise the highlight is an orphan: better shown apart and re-attached by the reader than silently attached to
other words.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq, Levenshtein

CONTEXT = 32  # characters of prefix and suffix kept with a quote (as Hypothesis does)
DISTINCT_QUOTE = 12  # non-space characters from which a quote identifies its passage without context
SHORT_QUOTE_CONTEXT = 0.5  # context a short quote needs to be attached to an occurrence
FUZZY_QUOTE_MIN = 0.8  # similarity of the quote itself below which a fuzzy match is never taken
FUZZY_SHORT_QUOTE_MIN = 0.8
FUZZY_SHORT_CONTEXT = 0.6
FUZZY_MIN = 0.78  # combined quote + context score a fuzzy match needs
FUZZY_QUOTE_WEIGHT = 0.7
MAX_CANDIDATES = 5000  # occurrences of a quote considered (the nearest ones)
WHOLE_TEXT_FUZZY_LIMIT = 300_000  # beyond this, fuzzy search stays near the expected place
ALIGN_LIMIT = 2_500_000_000  # product of the changed regions' lengths up to which they are aligned (50k x 50k: 0.25 s)
ALIGN_MARGIN = 8  # unchanged characters around a highlight for an alignment inside a changed region to be trusted

_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Selector:
    """W3C TextPositionSelector (start, end) and TextQuoteSelector (exact, prefix, suffix) of one highlight."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    method: str  # position | quote | fuzzy
    score: float = 1.0  # 1.0 for position and quote; the combined similarity for fuzzy


def make_selector(text: str, start: int, end: int, *, offset: int = 0) -> Selector:
    """The selectors of ``[start, end)``: its words and up to ``CONTEXT`` characters either side.

    ``text`` is the whole text, or a piece of it that starts at ``offset`` and covers :func:`context_span` (so that
    a store can read only that much of a long article).
    """
    if not offset <= start < end <= offset + len(text):
        raise ValueError(f"range [{start}, {end}) is not a non-empty span of a text of {len(text)} characters")
    a, b = start - offset, end - offset
    return Selector(start, end, text[a:b], text[max(0, a - CONTEXT) : a], text[b : b + CONTEXT])


def context_span(start: int, end: int) -> tuple[int, int]:
    """The part of a text that the selectors of ``[start, end)`` are made from (the end may pass the text's)."""
    return max(0, start - CONTEXT), end + CONTEXT


def anchor(text: str, selector: Selector, *, expected: int | None = None, near: int | None = None) -> Anchor | None:
    """Where the highlight described by ``selector`` is in ``text`` now, or None if it cannot be found safely.

    ``expected`` is a start the caller knows the quote moved to (from an alignment of old and new text); ``near``
    an approximate place used to choose between equal candidates and to centre the fuzzy search. Both default to
    the selector's own start.
    """
    exact = selector.exact
    if not exact or not text:
        return None
    length = len(exact)
    for place in (expected, selector.start):
        if place is not None and 0 <= place and text[place : place + length] == exact:
            if place == expected:
                return Anchor(place, place + length, "position")
            here = _context_score(text, place, place + length, selector)
            if here >= 1.0:  # the quote and its context where they were: nothing moved
                return Anchor(place, place + length, "position")
            if here >= SHORT_QUOTE_CONTEXT:
                # The same words sit at the old offset by chance when text was added before them: the occurrence
                # whose context fits better is the highlighted one.
                best = _best_occurrence(text, selector, place)
                if best is None or best[1] <= here or best[1] < 1.0 and _one_side_intact(text, place, selector):
                    # words added right after (or before) the highlight leave the other side as it was: only a
                    # copy with both sides intact (the text moved) beats that
                    return Anchor(place, place + length, "position")
                return best[0]
            break  # the quote is at its old place but among other words: look at all occurrences
    target = near if near is not None else expected if expected is not None else selector.start
    occurrence = _best_occurrence(text, selector, target)
    if occurrence is not None and occurrence[1] >= SHORT_QUOTE_CONTEXT:
        return occurrence[0]
    approximate = _fuzzy(text, selector, target)
    if occurrence is not None and _distinctive(exact):
        found, ctx = occurrence
        if approximate is None or approximate.score <= FUZZY_QUOTE_WEIGHT + (1 - FUZZY_QUOTE_WEIGHT) * ctx:
            return found
    return approximate


def quote_spans(text: str, quote: str, limit: int = MAX_CANDIDATES) -> list[tuple[int, int]]:
    """Occurrences of ``quote`` in ``text`` (overlapping ones too); if there are none, the occurrences that differ
    from it only in white space."""
    if not quote:
        return []
    spans: list[tuple[int, int]] = []
    i = text.find(quote)
    while i >= 0 and len(spans) < limit:
        spans.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    if spans:
        return spans
    return _spaceless_spans(text, quote, limit)


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two strings, white space runs counted as one space."""
    return float(Indel.normalized_similarity(_fold(a), _fold(b)))


# -- re-anchoring after an edit ------------------------------------------------------------------------------------


class TextChange:
    """How positions of an old text map into a new one: the unchanged head and tail, and a character alignment of
    the changed middle when it is small enough to align."""

    def __init__(self, old: str, new: str) -> None:
        self.old_len, self.new_len = len(old), len(new)
        limit = min(len(old), len(new))
        head = 0
        while head < limit and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        self.head, self.tail = head, tail
        self.delta = len(new) - len(old)
        # equal blocks of the middle, in whole-text coordinates: (old_start, old_end, new_start)
        self.blocks: list[tuple[int, int, int]] = []
        mid_old, mid_new = old[head : len(old) - tail], new[head : len(new) - tail]
        if mid_old and mid_new and len(mid_old) * len(mid_new) <= ALIGN_LIMIT:
            for op in Levenshtein.opcodes(mid_old, mid_new):
                if op.tag == "equal":
                    self.blocks.append((head + op.src_start, head + op.src_end, head + op.dest_start))

    def expected(self, start: int, end: int) -> int | None:
        """The new start of an old span whose characters are certainly unchanged and moved as a block."""
        if end <= self.head:
            return start
        if start >= self.old_len - self.tail:
            return start + self.delta
        margin_lo, margin_hi = min(ALIGN_MARGIN, start), min(ALIGN_MARGIN, self.old_len - end)
        for a, b, n in self.blocks:
            if a <= start - margin_lo and end + margin_hi <= b:
                return n + (start - a)
        return None

    def near(self, start: int) -> int:
        """An approximate new place for an old offset."""
        if start < self.head:
            return start
        if start >= self.old_len - self.tail:
            return start + self.delta
        best = None
        for a, b, n in self.blocks:
            if a <= start < b:
                return n + (start - a)
            if a > start:
                best = n
                break
        if best is not None:
            return best
        return max(0, min(self.new_len, start + self.delta))


def reanchor(old_text: str, new_text: str, selectors: Sequence[Selector]) -> list[Anchor | None]:
    """Anchor selectors made on ``old_text`` in ``new_text`` (None for each that became an orphan)."""
    change = TextChange(old_text, new_text)
    out: list[Anchor | None] = []
    for sel in selectors:
        if old_text[sel.start : sel.end] == sel.exact:
            out.append(anchor(new_text, sel, expected=change.expected(sel.start, sel.end), near=change.near(sel.start)))
        else:  # the selector was not made on old_text (an orphan from an older version): no alignment to use
            out.append(anchor(new_text, sel))
    return out


# -- internals -----------------------------------------------------------------------------------------------------


def _fold(s: str) -> str:
    return _SPACE_RUN.sub(" ", s).strip()


def _side_score(stored: str, actual: str, at_boundary: bool) -> float:
    if not stored:
        return 1.0 if at_boundary else 0.5  # the highlight was at the edge of the text: weak evidence either way
    return float(Indel.normalized_similarity(_fold(stored), _fold(actual)))


def _context_score(text: str, start: int, end: int, sel: Selector) -> float:
    before = text[max(0, start - len(sel.prefix)) : start]
    after = text[end : end + len(sel.suffix)]
    return (_side_score(sel.prefix, before, start == 0) + _side_score(sel.suffix, after, end == len(text))) / 2


def _one_side_intact(text: str, start: int, sel: Selector) -> bool:
    """The quote at ``start`` has the selector's whole prefix before it or its whole suffix after it."""
    end = start + len(sel.exact)
    before_ok = bool(sel.prefix) and text[max(0, start - len(sel.prefix)) : start] == sel.prefix
    return before_ok or bool(sel.suffix) and text[end : end + len(sel.suffix)] == sel.suffix


def _distinctive(quote: str) -> bool:
    return sum(not c.isspace() for c in quote) >= DISTINCT_QUOTE


def _best_occurrence(text: str, sel: Selector, target: int) -> tuple[Anchor, float] | None:
    """The occurrence of the quote whose context fits best, then the nearest to ``target``, with its context
    score."""
    spans = quote_spans(text, sel.exact, limit=MAX_CANDIDATES)
    if not spans:
        return None
    if len(spans) >= MAX_CANDIDATES:  # very common quote: the nearest ones are the plausible ones
        spans.sort(key=lambda sp: abs(sp[0] - target))
    scored = [(round(_context_score(text, s, e, sel), 3), -abs(s - target), s, e) for s, e in spans]
    ctx, _dist, s, e = max(scored)
    return Anchor(s, e, "quote"), ctx


@lru_cache(maxsize=4)
def _spaceless(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The text without white space, and for each removed run its place in that text and the count removed up to
    and including it (to map offsets back)."""
    places: list[int] = []
    removed: list[int] = []
    total = 0
    for m in _SPACE_RUN.finditer(text):
        places.append(m.start() - total)
        total += m.end() - m.start()
        removed.append(total)
    return _SPACE_RUN.sub("", text), tuple(places), tuple(removed)


def _spaceless_spans(text: str, quote: str, limit: int) -> list[tuple[int, int]]:
    needle = _SPACE_RUN.sub("", quote)
    if not needle:
        return []
    folded, places, removed = _spaceless(text)

    def original(i: int) -> int:
        k = bisect.bisect_right(places, i)
        return i + (removed[k - 1] if k else 0)

    spans: list[tuple[int, int]] = []
    i = folded.find(needle)
    while i >= 0 and len(spans) < limit:
        spans.append((original(i), original(i + len(needle) - 1) + 1))
        i = folded.find(needle, i + 1)
    return spans


def _fuzzy(text: str, sel: Selector, target: int) -> Anchor | None:
    exact = sel.exact
    reach = max(256, 2 * len(exact))
    lo = max(0, target - reach - len(sel.prefix))
    hi = min(len(text), target + len(exact) + len(sel.suffix) + reach)
    found = _fuzzy_in(text, sel, lo, hi)
    if found is None and (lo > 0 or hi < len(text)) and len(text) <= WHOLE_TEXT_FUZZY_LIMIT:
        found = _fuzzy_in(text, sel, 0, len(text))
    return found


def _fuzzy_in(text: str, sel: Selector, lo: int, hi: int) -> Anchor | None:
    """The best approximate match in ``text[lo:hi]``: aligned once on quote + context (which finds the passage
    even when the quote alone also matches elsewhere) and once on the quote alone."""
    window = text[lo:hi]
    guesses: list[tuple[int, int]] = []
    whole = sel.prefix + sel.exact + sel.suffix
    hit = fuzz.partial_ratio_alignment(whole, window, score_cutoff=50)
    if hit is not None and hit.dest_end > hit.dest_start:
        start = lo + hit.dest_start + len(sel.prefix) * (hit.dest_end - hit.dest_start) // len(whole)
        guesses.append((start, min(len(text), start + len(sel.exact))))
    hit = fuzz.partial_ratio_alignment(sel.exact, window, score_cutoff=100 * FUZZY_QUOTE_MIN * 0.9)
    if hit is not None:
        guesses.append((lo + hit.dest_start, lo + hit.dest_end))
    best: Anchor | None = None
    for guess in dict.fromkeys(guesses):
        found = _judge(text, sel, *_snap_to_words(text, sel, *_refine(text, sel.exact, *guess)))
        if found is not None and (best is None or found.score > best.score):
            best = found
    return best


def _snap_to_words(text: str, sel: Selector, start: int, end: int) -> tuple[int, int]:
    """Where the reader's quote began or ended at a word boundary, so does the match: an edit inside a word
    must not leave its first or last letters outside the highlight."""
    reach = max(3, len(sel.exact) // 4)
    if sel.exact[0].isalnum() and not (sel.prefix[-1:].isalnum()):
        limit = max(0, start - reach)
        while start > limit and text[start - 1].isalnum():
            start -= 1
    if sel.exact[-1].isalnum() and not (sel.suffix[:1].isalnum()):
        limit = min(len(text), end + reach)
        while end < limit and text[end].isalnum():
            end += 1
    return start, end


def _judge(text: str, sel: Selector, start: int, end: int) -> Anchor | None:
    if start >= end:
        return None
    quote_sim = similarity(sel.exact, text[start:end])
    ctx = _context_score(text, start, end, sel)
    score = FUZZY_QUOTE_WEIGHT * quote_sim + (1 - FUZZY_QUOTE_WEIGHT) * ctx
    if quote_sim < FUZZY_QUOTE_MIN or score < FUZZY_MIN:
        return None
    if _fold(text[start:end]) in _fold(sel.prefix) or _fold(text[start:end]) in _fold(sel.suffix):
        return None  # those words were already beside the highlight: they are other words, not the quote edited
    if not _distinctive(sel.exact) and (quote_sim < FUZZY_SHORT_QUOTE_MIN or ctx < FUZZY_SHORT_CONTEXT):
        return None
    return Anchor(start, end, "fuzzy", round(score, 4))


def _refine(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an approximate match to where the span is most similar to the quote (the alignment found
    has the quote's length; words inserted into or removed from the quote change that)."""
    slack = max(4, len(exact) // 2)

    def sim(s: int, e: int) -> float:
        # characters of the quote found, less half a point for each other character taken in: unlike a normalised
        # similarity, this does not prefer a shorter span that leaves out the quote's surviving first words
        return 1.5 * LCSseq.similarity(exact, text[s:e]) - 0.5 * (e - s) if s < e else -1.0

    def best_of(places: range, score: Callable[[int], float], current: int) -> int:
        step = max(1, len(places) // 24)  # coarse pass, then every place around the best
        best, best_v = current, score(current)
        for x in list(places[::step]) + list(range(max(places.start, best - step), min(places.stop, best + step))):
            v = score(x)
            if v > best_v:
                best, best_v = x, v
        if step > 1:
            for x in range(max(places.start, best - step), min(places.stop, best + step)):
                v = score(x)
                if v > best_v:
                    best, best_v = x, v
        return best

    for _round in range(3):
        old = (start, end)
        end = best_of(range(start + 1, min(len(text), end + slack) + 1), functools.partial(sim, start), end)
        start = best_of(range(max(0, start - slack), end), functools.partial(_swap, sim, end), start)
        if (start, end) == old:
            break
    # white space at the edges is never part of what the reader meant
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _swap(f: Callable[[int, int], float], second: int, first: int) -> float:
    return f(first, second)
