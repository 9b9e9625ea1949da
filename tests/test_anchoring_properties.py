"""Generated texts, highlights and edits: a highlight stays on its words, becomes an orphan when they are gone, and
is never attached to other words."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from models.anchoring import FUZZY_QUOTE_MIN, anchor, make_selector, reanchor, similarity


def _word_pool(n: int, seed: int) -> list[str]:
    """Words far from one another (no two share most of their letters), so that 'the same words' is decidable."""
    rng = random.Random(seed)
    pool: list[str] = []
    while len(pool) < n:
        w = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9)))
        if all(similarity(w, o) < 0.5 for o in pool):
            pool.append(w)
    return pool


POOL = _word_pool(160, seed=7)
TEXT_WORDS, FRESH_WORDS = POOL[:120], POOL[120:]


@dataclass
class Doc:
    words: list[tuple[str, int]]  # (word, origin: index in the original text, or -1 for new words)
    seps: list[str]  # seps[k] follows words[k]; the last is ""

    def text(self) -> str:
        return "".join(w + s for (w, _), s in zip(self.words, self.seps, strict=True))

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Code-point range from the start of word ``first`` to the end of word ``last`` (positions in the list)."""
        pos = 0
        start = end = 0
        for k, ((w, _), s) in enumerate(zip(self.words, self.seps, strict=True)):
            if k == first:
                start = pos
            if k == last:
                end = pos + len(w)
            pos += len(w) + len(s)
        return start, end


def _sep() -> st.SearchStrategy[str]:
    return st.sampled_from([" ", " ", " ", " ", "\n"])


@st.composite
def documents(draw: st.DrawFn, min_words: int = 6) -> Doc:
    words = draw(st.lists(st.sampled_from(TEXT_WORDS), min_size=min_words, max_size=40, unique=True))
    seps = [draw(_sep()) for _ in words[:-1]] + [""]
    return Doc([(w, i) for i, w in enumerate(words)], seps)


@st.composite
def edited(draw: st.DrawFn) -> tuple[Doc, int, int, Doc, str]:
    """A document, a highlight (first and last word) and an edited copy; the kind of edit is returned."""
    doc = draw(documents())
    n = len(doc.words)
    first = draw(st.integers(0, n - 1))
    last = draw(st.integers(first, min(n - 1, first + 7)))
    kind = draw(st.sampled_from(["insert", "delete", "replace", "space"]))
    words, seps = list(doc.words), list(doc.seps)
    fresh = draw(st.lists(st.sampled_from(FRESH_WORDS), min_size=1, max_size=4, unique=True))
    if kind == "insert":
        at = draw(st.integers(0, n))
        new = [(w, -1) for w in fresh]
        words[at:at] = new
        seps[at:at] = [" "] * len(new)
        if at == n:  # appended after the old last word: it now needs a separator
            seps[n - 1], seps[-1] = " ", ""
    elif kind in ("delete", "replace"):
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(a + 1, min(n, a + 6)))
        new = [(w, -1) for w in fresh] if kind == "replace" else []
        if not new and b - a == n:
            b -= 1 if b > a + 1 else 0
            if b - a == n:
                a += 1
        words[a:b] = new
        seps[a:b] = [" "] * len(new)
        if seps:
            seps[-1] = ""
    else:
        k = draw(st.integers(0, max(0, n - 2)))
        seps[k] = "\n" if seps[k] == " " else " "
        seps[-1] = ""
    return doc, first, last, Doc(words, seps), kind


def _survivors(new: Doc, first: int, last: int) -> tuple[list[int], int, int]:
    """Positions in ``new`` of the highlighted old words still there, and of the area between the old words around
    the highlight (where its edited words would be)."""
    kept = [k for k, (_, o) in enumerate(new.words) if first <= o <= last]
    before = [k for k, (_, o) in enumerate(new.words) if 0 <= o < first]
    after = [k for k, (_, o) in enumerate(new.words) if o > last]
    lo = before[-1] + 1 if before else 0
    hi = after[0] - 1 if after else len(new.words) - 1
    return kept, lo, hi


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_highlight_follows_its_words_or_becomes_an_orphan(case: tuple[Doc, int, int, Doc, str]) -> None:
    doc, first, last, new_doc, kind = case
    old, new = doc.text(), new_doc.text()
    sel = make_selector(old, *doc.span(first, last))
    (found,) = reanchor(old, new, [sel])
    kept, lo, hi = _survivors(new_doc, first, last)
    intact = len(kept) == last - first + 1 and kept == list(range(kept[0], kept[0] + len(kept)))
    event(f"{kind}: {'intact' if intact else 'changed' if kept else 'gone'} -> {found.method if found else 'orphan'}")
    if intact:
        # every highlighted word survives, in order, nothing inserted between them: same words, same place
        assert found is not None, (old, new, sel)
        assert (found.start, found.end) == new_doc.span(kept[0], kept[-1]), (old, new, sel, found)
        assert " ".join(new[found.start : found.end].split()) == " ".join(sel.exact.split())
        alone = anchor(new, sel)  # without the old text to align with (e.g. annotations imported from a file)
        assert alone is not None and (alone.start, alone.end) == (found.start, found.end)
        return
    if not kept:
        assert found is None, (old, new, sel, found)  # its words are gone
        return
    # some words survive, some changed: found only on a close variant of the quote, where the quote was
    if found is not None:
        assert found.method == "fuzzy"
        assert similarity(new[found.start : found.end], sel.exact) >= FUZZY_QUOTE_MIN
        area = new_doc.span(lo, hi) if lo <= hi else new_doc.span(kept[0], kept[-1])
        assert found.start < area[1] and found.end > area[0], (old, new, sel, found)


@settings(max_examples=200, deadline=None)
@given(documents(min_words=4), st.data())
def test_the_same_sentence_twice_keeps_the_highlighted_copy(doc: Doc, data: st.DataObject) -> None:
    n = len(doc.words)
    a = data.draw(st.integers(0, n - 1))
    b = data.draw(st.integers(a + 1, min(n, a + 5)))
    sentence = " ".join(w for w, _ in doc.words[a:b])
    parts = [w for w, _ in doc.words]
    fresh = data.draw(st.lists(st.sampled_from(FRESH_WORDS), min_size=2, max_size=6, unique=True))
    split = data.draw(st.integers(1, len(fresh) - 1))
    head, middle, tail = " ".join(fresh[:split]), " ".join(fresh[split:]), " ".join(parts)
    old = f"{head} {sentence} {middle} {sentence} {tail}"
    which = data.draw(st.sampled_from([1, 2]))
    first_at = len(head) + 1
    second_at = first_at + len(sentence) + 1 + len(middle) + 1
    start = first_at if which == 1 else second_at
    sel = make_selector(old, start, start + len(sentence))
    inserted = " ".join(data.draw(st.lists(st.sampled_from(FRESH_WORDS), min_size=1, max_size=3))) + " "
    where = data.draw(st.sampled_from(["start", "between", "end"]))
    if where == "start":
        new, shift_first, shift_second = inserted + old, len(inserted), len(inserted)
    elif where == "between":
        cut = first_at + len(sentence) + 1
        new, shift_first, shift_second = old[:cut] + inserted + old[cut:], 0, len(inserted)
    else:
        new, shift_first, shift_second = old + " " + inserted.strip(), 0, 0
    expected = (first_at + shift_first) if which == 1 else (second_at + shift_second)
    for found in (anchor(new, sel), reanchor(old, new, [sel])[0]):
        assert found is not None
        assert (found.start, found.end) == (expected, expected + len(sentence)), (old, new, which, found)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab c\n", min_size=1, max_size=80),
    st.data(),
)
def test_never_attached_to_other_words_even_in_repetitive_text(old: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, len(old)))
    sel = make_selector(old, start, end)
    a = data.draw(st.integers(0, len(old)))
    b = data.draw(st.integers(a, min(len(old), a + 10)))
    new = old[:a] + data.draw(st.text(alphabet="abc d", max_size=10)) + old[b:]
    for found in (anchor(new, sel), reanchor(old, new, [sel])[0]):
        if found is None:
            continue
        assert 0 <= found.start < found.end <= len(new)
        got = new[found.start : found.end]
        if found.method in ("position", "quote"):
            assert "".join(got.split()) == "".join(sel.exact.split())
        else:
            assert similarity(got, sel.exact) >= FUZZY_QUOTE_MIN
