"""Highlights found again after the article's text changed: position, quote, fuzzy, or an orphan."""

from __future__ import annotations

import pytest

from models.anchoring import (
    CONTEXT,
    Anchor,
    Selector,
    TextChange,
    anchor,
    make_selector,
    quote_spans,
    reanchor,
    similarity,
)

TEXT = (
    "Abe fails to find breakthrough as rift between Japan and Russia deepens\n"
    "MOSCOW – Prime Minister Shinzo Abe met Russian President Vladimir Putin in Moscow on Jan. 22. "
    "The two leaders agreed to accelerate negotiations on a peace treaty.\n"
    "Abe stressed his relationship of trust with Putin, but he failed to make concrete progress."
)


def select(text: str, quote: str, occurrence: int = 1) -> Selector:
    spans = quote_spans(text, quote)
    start, end = spans[occurrence - 1]
    return make_selector(text, start, end)


def test_selector_keeps_quote_and_32_characters_of_context() -> None:
    start = TEXT.index("Vladimir Putin")
    sel = make_selector(TEXT, start, start + len("Vladimir Putin"))
    assert sel.exact == "Vladimir Putin"
    assert sel.prefix == TEXT[start - CONTEXT : start] and len(sel.prefix) == CONTEXT
    assert sel.suffix == TEXT[sel.end : sel.end + CONTEXT]
    edge = make_selector(TEXT, 0, 3)
    assert (edge.prefix, edge.exact) == ("", "Abe")


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (7, 3), (0, len(TEXT) + 1)])
def test_selector_refuses_an_empty_or_outside_range(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_selector(TEXT, start, end)


def test_unchanged_text_anchors_by_position() -> None:
    sel = select(TEXT, "accelerate negotiations")
    found = anchor(TEXT, sel)
    assert found is not None and (found.start, found.end, found.method) == (sel.start, sel.end, "position")


def test_text_inserted_before_moves_the_highlight_with_its_words() -> None:
    sel = select(TEXT, "accelerate negotiations")
    new = "Editor's note: corrected on Jan. 24.\n" + TEXT
    found = anchor(new, sel)
    assert found is not None and new[found.start : found.end] == "accelerate negotiations"
    assert found.start == sel.start + len("Editor's note: corrected on Jan. 24.\n")


def test_same_sentence_twice_keeps_the_highlighted_occurrence() -> None:
    sentence = "The talks ended without a deal."
    old = f"Abe flew to Moscow. {sentence} Reporters waited outside. {sentence} Abe then left for Davos."
    sel = select(old, sentence, occurrence=2)
    for new in (
        "Breaking news. " + old,  # moved: the old position now holds other characters
        old.replace("Reporters waited outside.", "Reporters waited outside in the cold for hours."),
        old.replace("Abe flew to Moscow. ", ""),
    ):
        found = anchor(new, sel)
        assert found is not None and found.method in ("position", "quote")
        assert found.start == new.rindex(sentence), new


def test_same_sentence_twice_context_decides_even_when_the_other_copy_sits_at_the_old_place() -> None:
    sentence = "Both sides want a treaty."
    old = f"{sentence} Tokyo said. {sentence} Moscow said."
    sel = select(old, sentence, occurrence=2)  # starts at 38
    intro = "Correction appended: an earlier version misquoted. "[: sel.start]
    new = f"{intro}{sentence} Tokyo. {sentence} Moscow said."
    assert new.index(sentence) == sel.start  # the first copy now sits where the highlighted one was
    found = anchor(new, sel)
    assert found is not None and found.start == new.rindex(sentence)


def test_whitespace_changes_never_orphan_a_highlight() -> None:
    sel = select(TEXT, "Shinzo Abe met Russian President")
    new = TEXT.replace("Abe met Russian", "Abe met\nRussian").replace("Prime Minister ", "Prime  Minister ")
    found = anchor(new, sel)
    assert found is not None and found.method in ("position", "quote")
    assert " ".join(new[found.start : found.end].split()) == "Shinzo Abe met Russian President"
    glued = TEXT.replace("Jan. 22", "Jan.22")
    sel = select(TEXT, "on Jan. 22. The two")
    found = anchor(glued, sel)
    assert found is not None and glued[found.start : found.end] == "on Jan.22. The two"


def test_quote_slightly_edited_is_found_fuzzily_on_its_own_words() -> None:
    sel = select(TEXT, "The two leaders agreed to accelerate negotiations on a peace treaty.")
    new = TEXT.replace("agreed to accelerate", "agreed to speed up")
    found = anchor(new, sel)
    assert found is not None and found.method == "fuzzy"
    assert new[found.start : found.end] == "The two leaders agreed to speed up negotiations on a peace treaty."


def test_words_inserted_inside_a_quote_extend_the_highlight_over_them() -> None:
    sel = select(TEXT, "met Russian President Vladimir Putin in Moscow on Jan. 22.")
    new = TEXT.replace("in Moscow", "in the Kremlin in Moscow")
    found = anchor(new, sel)
    assert found is not None
    assert new[found.start : found.end] == "met Russian President Vladimir Putin in the Kremlin in Moscow on Jan. 22."


def test_the_edited_copy_wins_over_an_identical_sentence_elsewhere_with_other_context() -> None:
    sentence = "Abe met Putin in Moscow on Jan. 22."
    old = f"{sentence} The talks were long. {sentence} Later they ate."
    sel = select(old, sentence, occurrence=2)
    new = old.replace("Jan. 22. Later", "January 22. Later")
    found = anchor(new, sel)
    assert found is not None and found.start > len(sentence)
    assert new[found.start : found.end] == "Abe met Putin in Moscow on January 22."


def test_quote_gone_is_an_orphan() -> None:
    sel = select(TEXT, "The two leaders agreed to accelerate negotiations on a peace treaty.")
    new = TEXT.replace("The two leaders agreed to accelerate negotiations on a peace treaty.", "Nothing was signed.")
    assert anchor(new, sel) is None


def test_a_short_quote_is_not_attached_to_the_same_word_in_an_unrelated_sentence() -> None:
    sel = select(TEXT, "Putin", occurrence=2)  # "... trust with Putin, but he failed ..."
    new = TEXT.replace("Abe stressed his relationship of trust with Putin, but he failed to make concrete progress.",
                       "Officials in Tokyo declined to comment.")
    # "Putin" still occurs in the second paragraph, among other words: that is not the highlighted passage
    assert anchor(new, sel) is None


def test_a_short_quote_is_not_fuzzily_moved_onto_its_neighbour_word() -> None:
    old = "The envoy named Tanaka and Tanaki met the press."
    sel = select(old, "Tanaka")
    new = "The envoy named Tanaki met the press."
    found = anchor(new, sel)
    assert found is None


def test_a_misspelt_name_corrected_stays_highlighted() -> None:
    old = "On Tuesday Abe met Putni at the Kremlin for three hours."
    sel = select(old, "Putni")
    new = old.replace("Putni", "Putin")
    found = anchor(new, sel)
    assert found is not None and new[found.start : found.end] == "Putin"


def test_text_outside_the_basic_plane_counts_code_points() -> None:
    old = "Crowds 🇯🇵 cheered 😀 as Abe arrived in 東京 on Monday."
    sel = select(old, "Abe arrived")
    new = "🎌" + old.replace("😀", "😀😀")
    found = anchor(new, sel)
    assert found is not None and new[found.start : found.end] == "Abe arrived"


def test_reanchor_uses_the_alignment_of_old_and_new_text() -> None:
    word = "deal"
    old = "deal " * 10 + "then the deal was off"
    sel = make_selector(old, old.index("the deal") + 4, old.index("the deal") + 8)
    new = "deal " * 3 + old  # same word everywhere: only the alignment knows which one moved where
    (found,) = reanchor(old, new, [sel])
    assert found is not None and found.method == "position"
    assert found.start == sel.start + 15 and new[found.start : found.end] == word


def test_text_change_maps_unchanged_head_and_tail() -> None:
    change = TextChange("alpha beta gamma delta", "alpha BETA gamma delta")
    assert change.expected(0, 5) == 0
    assert change.expected(17, 22) == 17
    assert change.expected(6, 10) is None  # the changed words themselves


def test_similarity_ignores_white_space_runs() -> None:
    assert similarity("a  b\nc", "a b c") == 1.0
    assert similarity("abc", "xyz") < 0.5


def test_words_added_before_a_repeated_quote_do_not_move_the_highlight_to_a_copy_at_its_old_offset() -> None:
    # "crnbs" three times; the second is highlighted. Words added at the start put the first copy exactly where the
    # second one was: the copy whose context still fits is the highlighted one, not the one at the old offset.
    old = "ktbixw crnbs bjhdbg crnbs emubcr lsbq bcnnc crnbs huus"
    start = old.index("crnbs", 10)
    sel = make_selector(old, start, start + 5)
    new = "ktbixw pfsgb " + old
    found = anchor(new, sel)
    assert found is not None and (found.start, found.end) == (start + 13, start + 18)
    assert anchor(old, sel) == Anchor(start, start + 5, "position")  # unchanged text: where it was


def test_words_added_right_after_a_highlight_keep_it_on_the_copy_the_reader_marked() -> None:
    """The highlighted word recurs further on; words inserted right after the marked copy change its right-hand
    context, but its left-hand context is whole where it was: it stays (a copy further on only looked alike)."""
    old = "kijaxytzu ktbixw emubcr zztcqg emubcr emubcr lsbq bcnnc crnbs"
    new = "kijaxytzu ktbixw emubcr ktbixw ktbixw kijaxytzu zztcqg emubcr emubcr lsbq bcnnc crnbs"
    found = anchor(new, make_selector(old, 17, 23))
    assert found is not None and (found.start, found.end) == (17, 23)
