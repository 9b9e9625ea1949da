"""The one conversion between code points and Qt's UTF-16 units, and the view's offset contract."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from gui.article_view import ArticleView
from gui.offsets import OffsetMap, from_qt, to_qt
from models.article import Article, Metadata, build_text
from tests.gui.fakes import sample_article

# Letters, marks, digits, punctuation and symbols from every plane, including emoji, CJK, Arabic and Hebrew.
# U+FFFC is Qt's object-replacement character and cannot stand for itself in a QTextDocument.
WORD = st.text(
    alphabet=st.characters(
        whitelist_categories=("Lu", "Ll", "Lo", "Mn", "Mc", "Nd", "Po", "Ps", "Pe", "Sm", "So"),
        blacklist_characters="\ufffc",
    ),
    min_size=1,
    max_size=12,
)
SPECIMENS = ["😀", "👩🏽‍🔬", "𠀋", "𝔘", "漢字", "مرحبا", "שָׁלוֹם", "é", "e\u0301", "ق\u0651", "Abe"]
PARAGRAPH = st.lists(st.one_of(WORD, st.sampled_from(SPECIMENS)), min_size=1, max_size=25).map(" ".join)
KINDS = st.sampled_from(["title", "heading", "paragraph", "quote", "list-item"])


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def make_article(parts: list[tuple[str, str]]) -> Article:
    text, blocks = build_text(parts)
    return Article(source="generated", kind="text", text=text, blocks=blocks, metadata=Metadata())


@given(st.lists(st.tuples(KINDS, PARAGRAPH), min_size=1, max_size=5), st.data())
def test_offset_map_agrees_with_utf16_encoding(parts: list[tuple[str, str]], data: st.DataObject) -> None:
    text = make_article(parts).text
    offsets = OffsetMap(text)
    cp = data.draw(st.integers(0, len(text)))
    assert offsets.to_qt(cp) == utf16_len(text[:cp]) == to_qt(text, cp)
    assert offsets.from_qt(offsets.to_qt(cp)) == cp == from_qt(text, utf16_len(text[:cp]))
    assert offsets.utf16_length == utf16_len(text)


def test_position_inside_a_surrogate_pair_rounds_down_to_the_character() -> None:
    text = "a😀b"
    assert [from_qt(text, u) for u in range(5)] == [0, 1, 1, 2, 3]
    with pytest.raises(IndexError):
        to_qt(text, 4)


@pytest.fixture(scope="module")
def view(qapp: QApplication) -> Iterator[ArticleView]:
    from gui.app import configure_application

    _app, faces, _theme = configure_application()
    widget = ArticleView(faces)
    widget.resize(700, 500)
    yield widget
    widget.deleteLater()


def check_view_round_trip(view: ArticleView, article: Article, ranges: list[tuple[int, int]]) -> None:
    view.set_article(article)
    text = article.text
    assert view.toPlainText() == text
    assert view.document().blockCount() == len(article.blocks)
    for start, end in ranges:
        # A selection made in the view (a cursor in UTF-16 units) comes out in code points ...
        cursor = QTextCursor(view.document())
        cursor.setPosition(utf16_len(text[:start]))
        cursor.setPosition(utf16_len(text[:end]), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        assert view.selection_range() == ((start, end) if start != end else None)
        assert view.textCursor().selectedText().replace("\u2029", "\n") == text[start:end]
        # ... and a code-point range selects exactly those characters.
        view.select_range(start, end)
        assert view.textCursor().selectedText().replace("\u2029", "\n") == text[start:end]
        assert view.selection_range() == ((start, end) if start != end else None)


def test_sample_renders_to_its_canonical_text_and_offsets_round_trip(view: ArticleView) -> None:
    article = sample_article()
    text = article.text
    putin = text.index("Vladimir Putin")
    check_view_round_trip(view, article, [(0, 10), (putin, putin + 14), (0, len(text)), (len(text) - 5, len(text))])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(KINDS, PARAGRAPH), min_size=1, max_size=6), st.data())
def test_generated_texts_render_exactly_and_selections_map_back(
    view: ArticleView, parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    article = make_article(parts)
    assume(article.text)
    n = len(article.text)
    ranges = [tuple(sorted(data.draw(st.tuples(st.integers(0, n), st.integers(0, n))))) for _ in range(4)]
    check_view_round_trip(view, article, ranges)  # type: ignore[arg-type]


def test_layers_and_scroll_use_code_points(view: ArticleView) -> None:
    article = make_article([("title", "😀 Emoji title"), ("paragraph", "𠀋𠀋 rare CJK then the word target here")])
    view.set_article(article)
    start = article.text.index("target")
    from PySide6.QtGui import QTextCharFormat

    view.set_layer("test", [(start, start + 6)], QTextCharFormat())
    (extra,) = view.extraSelections()
    assert extra.cursor.selectedText() == "target"
    view.scroll_to(start)
    view.clear_layer("test")
    assert view.extraSelections() == []
