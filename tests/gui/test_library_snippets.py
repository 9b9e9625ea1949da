"""A search result row shows the matched word: a snippet whose match lies past the two lines a row has is cut
before it, never after it, and the row's text holds the word."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from gui.library_delegate import LibraryDelegate
from models.store.search import squeeze, unmark


def test_the_matched_word_is_in_the_lines_a_row_shows(qapp: QApplication) -> None:
    delegate = LibraryDelegate()
    text = ("…the opposition camp, which includes a range of both leftists and rightists, held a rally against the "
            "handover in the capital, drawing about 2,000 participants to the square near the Japanese Embassy in "
            "Moscow…")
    start = text.index("Embassy")
    lines = delegate.snippet_lines(text, [(start, start + len("Embassy"))], 236)
    assert 1 <= len(lines) <= 2
    shown = [(line, spans) for line, spans in lines if spans]
    assert shown, "the match is on a visible line"
    line, [(a, b)] = shown[0]
    assert line[a:b] == "Embassy"
    assert lines[0][0].startswith("…")  # the text before was cut at a word, and says so


def test_snippets_fold_white_space_and_keep_marks_on_their_words() -> None:
    plain, marks = unmark("space.   \nIn Russia it has been \x02rumored\x03 since")
    assert plain == "space. In Russia it has been rumored since"
    assert [plain[a:b] for a, b in marks] == ["rumored"]
    assert squeeze("  a \n\n b ", ((7, 8),)) == ("a b", ((2, 3),))
