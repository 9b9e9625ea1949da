"""Each article reopens where the reader left it: after reading another one, after closing the window, on the first
paint before the store is up; and a jump (a search hit, a highlight, a timeline event) wins over the place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRunnable, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.first_paint import startup_library
from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from models.article import Article, Metadata, build_text
from models.store import Library, open_library
from tests.gui.fakes import FakeLibrary, fake_ingest, sample_article
from tests.gui.fixture_types import Gui


def _other_article() -> Article:
    text, blocks = build_text([("title", "Harbour reopens after storm"),
                               ("paragraph", "The harbour reopened on Monday after a week of repairs.")])
    return Article("https://example.org/harbour", "text", text, blocks, Metadata(title="Harbour reopens after storm"))


class WritesOnly(ImmediatePool):
    """Runs the library writes at once and leaves the analysis unrun: these tests are about the place, not spaCy."""

    def start(self, runnable: QRunnable) -> None:
        if getattr(getattr(runnable, "task", None), "title", "") != "Analysis":
            runnable.run()


class HeldPool:
    """Keeps the work until :meth:`run_all` (the store's start-up: nothing in the background reaches it first)."""

    def __init__(self) -> None:
        self.held: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.held.append(runnable)

    def run_all(self) -> None:
        while self.held:
            WritesOnly().start(self.held.pop(0))


def _window(qtbot: QtBot, gui: Gui, library: Any, pool: Any = None) -> MainWindow:
    _app, faces, theme = gui
    window = MainWindow(library, faces, theme, ingest=fake_ingest(), pool=pool or WritesOnly())
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _paragraph(window: MainWindow) -> int:
    """The index of the block (paragraph, heading) at the top of the view."""
    offset = window.view.top_offset()
    article = window.view.article()
    assert offset is not None and article is not None
    return next(i for i, block in enumerate(article.blocks) if offset < block.end or i == len(article.blocks) - 1)


def _scroll_to_middle(qtbot: QtBot, window: MainWindow) -> int:
    """Scroll as the reader would (the wheel) to about the middle; returns the paragraph then at the top."""
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2 * window.view.viewport().height())  # the sample is laid out
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)  # the reader takes over
    bar.setValue(bar.maximum() // 2)
    QApplication.processEvents()
    paragraph = _paragraph(window)
    assert paragraph > 3, "the middle of the article is not its beginning"
    return paragraph


def _settled(window: MainWindow) -> bool:
    return not window.reading_positions.restoring


@pytest.fixture
def two_articles(fake_library: FakeLibrary) -> tuple[FakeLibrary, int, int]:
    sample = fake_library.import_article(sample_article()).id
    other = fake_library.import_article(_other_article()).id
    return fake_library, sample, other


def test_reopening_an_article_goes_back_to_the_same_paragraph(qtbot: QtBot, gui: Gui,
                                                              two_articles: tuple[FakeLibrary, int, int]) -> None:
    library, sample, other = two_articles
    window = _window(qtbot, gui, library)
    window.open_article(sample)
    paragraph = _scroll_to_middle(qtbot, window)
    left_at = window.view.top_offset()
    window.open_article(other)
    assert library.positions[sample] == left_at  # written when the reader left it
    assert window.view.top_offset() == 0  # the other article opens at its top
    window.open_article(sample)
    qtbot.waitUntil(lambda: _settled(window))
    assert _paragraph(window) == paragraph
    assert window.view.top_offset() == left_at


def test_the_place_is_saved_when_scrolling_pauses(qtbot: QtBot, gui: Gui,
                                                  two_articles: tuple[FakeLibrary, int, int]) -> None:
    library, sample, _other = two_articles
    window = _window(qtbot, gui, library)
    window.open_article(sample)
    _scroll_to_middle(qtbot, window)
    assert sample not in library.positions  # not at every scroll step
    qtbot.waitUntil(lambda: library.positions.get(sample) == window.view.top_offset(), timeout=3000)


@pytest.fixture
def sqlite_library(tmp_path: Path) -> Iterator[tuple[Library, Path, int, int]]:
    path = tmp_path / "library.sqlite"
    lib = open_library(str(path))
    sample = lib.import_article(sample_article()).id
    other = lib.import_article(_other_article()).id
    yield lib, path, sample, other
    lib.close()


def test_the_place_survives_closing_the_window(qtbot: QtBot, gui: Gui,
                                               sqlite_library: tuple[Library, Path, int, int]) -> None:
    lib, _path, sample, _other = sqlite_library
    first = _window(qtbot, gui, lib)
    first.open_article(sample)
    paragraph = _scroll_to_middle(qtbot, first)
    left_at = first.view.top_offset()
    first.close()  # before the pause in scrolling saved it: closing does
    assert lib.reading_state(sample)[1] == left_at
    second = _window(qtbot, gui, lib)
    second.open_article(sample)
    qtbot.waitUntil(lambda: _settled(second))
    assert _paragraph(second) == paragraph
    second.close()


def test_the_first_paint_opens_at_the_place_before_the_store_is_up(
        qtbot: QtBot, gui: Gui, sqlite_library: tuple[Library, Path, int, int]) -> None:
    lib, path, sample, _other = sqlite_library
    text = lib.get_article(sample).article.text
    middle = text.index("\n", len(text) // 2) + 1  # the start of a paragraph about half way
    lib.set_position(sample, middle)
    startup = startup_library(str(path))
    assert startup is not None
    startup.starter = lambda: startup.attach(lib)  # anything the snapshot cannot answer brings the store up
    pool = HeldPool()
    window = _window(qtbot, gui, startup, pool)
    window.open_article(sample)
    qtbot.waitUntil(lambda: _settled(window))
    assert not startup.store_ready  # the snapshot answered
    assert window.view.top_offset() == middle
    _scroll_to_middle(qtbot, window)
    window.close()  # written through the stand-in: it waits for the store rather than lose the place
    assert not startup.store_ready
    pool.run_all()
    assert lib.reading_state(sample)[1] == window.view.top_offset() != middle
    startup.release_snapshot()


def test_a_search_hit_wins_over_the_remembered_place(qtbot: QtBot, gui: Gui,
                                                     two_articles: tuple[FakeLibrary, int, int]) -> None:
    library, sample, other = two_articles
    text = library.get_article(sample).article.text
    blocks = library.get_article(sample).article.blocks
    remembered = blocks[2].start  # near the beginning
    library.set_position(sample, remembered)
    quote = text.rstrip().rsplit(" ", 3)[-3]  # a word of the last paragraph
    window = _window(qtbot, gui, library)
    window.open_article(other)
    window.library_panel.search.setText(quote)  # the Library search: opening a hit finds it in the article
    window.open_article(sample)
    qtbot.waitUntil(lambda: _settled(window))
    QApplication.processEvents()
    selected = window.view.selection_range()
    assert selected is not None and text[selected[0]:selected[1]].lower() == quote.lower()
    assert window.view.cursorRect().intersects(window.view.viewport().rect())  # the hit is in view
    assert window.view.top_offset() != remembered and _paragraph(window) > 2


def test_a_highlight_opened_from_the_notes_wins_over_the_remembered_place(
        qtbot: QtBot, gui: Gui, two_articles: tuple[FakeLibrary, int, int]) -> None:
    library, sample, other = two_articles
    text = library.get_article(sample).article.text
    library.set_position(sample, text.index("\n", len(text) // 2) + 1)
    at = text.index("Shinzo Abe")  # near the beginning
    mark = library.annotations.add(sample, at, at + len("Shinzo Abe"))
    window = _window(qtbot, gui, library)
    window.open_article(other)
    window.annotations.open_passage(sample, mark.id)
    qtbot.waitUntil(lambda: _settled(window))
    QApplication.processEvents()
    rect = window.view.cursorRect(window.view.cursor_for_range(at, at))
    assert window.view.viewport().rect().contains(QPoint(rect.left() + 1, rect.center().y()))


def test_a_timeline_jump_does_not_restore_the_place_first(qtbot: QtBot, gui: Gui,
                                                          two_articles: tuple[FakeLibrary, int, int]) -> None:
    library, sample, other = two_articles
    text = library.get_article(sample).article.text
    library.set_position(sample, text.index("\n", len(text) // 2) + 1)
    window = _window(qtbot, gui, library)
    window.open_article(other)
    at = text.index("Shinzo Abe")
    window.reading.open_at(sample, at, at + 10)  # the passage is shown once the analysis is in
    assert not window.reading_positions.restoring
    assert window.view.top_offset() == 0  # not sent to the middle meanwhile


def test_an_unread_mark_is_kept_when_the_place_is_saved(lib: Library) -> None:
    text, blocks = build_text([("title", "Harbour"), ("paragraph", "The harbour reopened on Monday.")])
    article_id = lib.import_article(Article("https://example.org/h", "text", text, blocks, Metadata())).id
    assert lib.reading_state(article_id) == (False, 0)
    lib.set_position(article_id, 12)
    assert lib.reading_state(article_id) == (False, 12)
    lib.set_read(article_id)
    lib.set_position(article_id, -5)
    assert lib.reading_state(article_id) == (True, 0)
    lib.set_read(article_id, False)
    lib.set_position(article_id, 20)
    assert lib.reading_state(article_id) == (False, 20)
    with pytest.raises(KeyError):
        lib.set_position(999, 3)


def test_a_long_article_still_being_laid_out_opens_at_the_place(qtbot: QtBot, gui: Gui,
                                                                fake_library: FakeLibrary) -> None:
    parts = [("title", "A long report")] + [
        ("paragraph", f"Paragraph {n}: " + "the committee heard evidence on the harbour works. " * 8)
        for n in range(300)
    ]
    text, blocks = build_text(parts)
    long_id = fake_library.import_article(Article("https://example.org/long", "text", text, blocks,
                                                  Metadata(title="A long report"))).id
    other = fake_library.import_article(_other_article()).id
    place = text.index("Paragraph 250:")
    fake_library.set_position(long_id, place)
    window = _window(qtbot, gui, fake_library)
    window.open_article(other)
    window.open_article(long_id)
    qtbot.waitUntil(lambda: _settled(window), timeout=5000)
    assert window.view.top_offset() == place
