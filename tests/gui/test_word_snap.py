"""Highlights hug whole words: a drag that starts or ends inside a word takes the word when most of it is
selected, and leaves a stray letter out."""

from __future__ import annotations

from gui.annotations.word_snap import snap_to_words

TEXT = "On Jan. 14, the Japanese and Russian foreign ministers met. Eight days later, Abe’s vice-minister spoke."


def cut(quote_start: int, quote_end: int) -> str:
    s, e = snap_to_words(TEXT, quote_start, quote_end)
    return TEXT[s:e]


def at(word: str) -> int:
    return TEXT.index(word)


def test_a_stray_first_letter_of_the_next_word_is_dropped() -> None:
    start = at("Russian")
    assert cut(start, at("Eight") + 1) == "Russian foreign ministers met."


def test_most_of_a_word_selected_takes_the_whole_word() -> None:
    assert cut(at("Japanese") + 2, at("foreign") + 5) == "Japanese and Russian foreign"


def test_a_selection_inside_one_word_takes_that_word() -> None:
    assert cut(at("ministers") + 2, at("ministers") + 4) == "ministers"


def test_words_with_apostrophes_and_hyphens_stay_whole() -> None:
    assert cut(at("Abe’s") + 1, at("vice-minister") + 7) == "Abe’s vice-minister"
    assert cut(at("Abe’s"), at("vice-minister") + 5) == "Abe’s"


def test_exact_word_selections_and_white_space() -> None:
    assert cut(at("Eight") - 1, at("days") + 4 + 1) == "Eight days"
    assert cut(at("met.") + 4, at("Eight")) == ""
