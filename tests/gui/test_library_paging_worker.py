"""The library list on a real store with the window's thread pool: scrolling asks for the next page and returns at
once, the page is read on a worker and its rows are inserted when it arrives, in order; clearing a search reads the
list on a worker too and brings it back with the selected article still selected, where it was scrolled."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from gui.library_model import PAGE, LibraryModel, Role
from gui.library_panel import LibraryPanel
from gui.runner import Runner
from models.analysis import ANALYZER_VERSION
from models.analysis.types import Analysis
from models.article import Article, Metadata, build_text
from models.store import Library, open_library
from models.store.library_index import import_analysed

COUNT = 2000


def _title(i: int) -> str:
    return f"Article {i:04d} on the harbour"


@pytest.fixture(scope="module")
def library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "library.sqlite"
    lib = open_library(str(path))
    pairs = []
    for i in range(COUNT):
        text, blocks = build_text([("title", _title(i)), ("paragraph", f"Body of article {i}.")])
        article = Article(f"generated:{i}", "text", text, blocks, Metadata(title=_title(i)))
        pairs.append((article, Analysis(ANALYZER_VERSION, article.text_hash)))
    import_analysed(lib, pairs)
    lib.close()
    return path


@pytest.fixture
def library(library_file: Path) -> Iterator[Library]:
    lib = open_library(str(library_file))
    yield lib
    lib.close()


class Host(QWidget):
    """The window around the panel: it has the runner, on the real thread pool."""

    def __init__(self) -> None:
        super().__init__()
        self.runner = Runner(parent=self)
        self.panel = LibraryPanel(self)
        QVBoxLayout(self).addWidget(self.panel)


def _reads_off_the_gui_thread(library: Library) -> list[str]:
    """Record, for every page and count read from now on, whether it was read on the GUI thread."""
    threads: list[str] = []
    for name in ("article_page", "count_articles"):
        real = getattr(library, name)

        def watched(*args: Any, real: Any = real, name: str = name, **kwargs: Any) -> Any:
            on_gui = threading.current_thread() is threading.main_thread()
            threads.append(f"{name} on the GUI thread" if on_gui else "worker")
            return real(*args, **kwargs)

        setattr(library, name, watched)
    return threads


def _shown(library: Library, qtbot: QtBot) -> Host:
    host = Host()
    qtbot.addWidget(host)
    host.resize(320, 600)
    host.panel.set_library(library)
    host.show()
    qtbot.waitExposed(host)
    return host


@pytest.mark.slow
def test_scrolling_to_the_end_shows_every_title_in_order(library: Library, qtbot: QtBot) -> None:
    host = _shown(library, qtbot)
    model, listing = host.panel.model, host.panel.list
    assert model.rowCount() == PAGE and model.total() == COUNT
    reads = _reads_off_the_gui_thread(library)
    def settled() -> bool:  # no page being read, every row laid out (a batch of rows a turn of the event loop)
        return not model.is_loading() and listing.visualRect(model.index(model.rowCount() - 1)).isValid()

    while model.canFetchMore():
        qtbot.waitUntil(settled, timeout=10_000)
        if not model.canFetchMore():
            break
        shown = model.rowCount()
        listing.scrollToBottom()
        assert model.rowCount() == shown and model.is_loading()  # returned at once: the page is being read
        listing.scrollToBottom()  # scrolling on meanwhile asks for nothing more
        qtbot.waitUntil(functools.partial(lambda n: model.rowCount() > n, shown), timeout=10_000)
    qtbot.waitUntil(settled, timeout=10_000)
    titles = [model.index(r).data(Role.TITLE) for r in range(model.rowCount())]
    assert titles == [_title(i) for i in reversed(range(COUNT))]  # last imported first, none missing or repeated
    assert reads and set(reads) == {"worker"}
    listing.scrollToBottom()
    last = model.index(COUNT - 1)
    assert last.data(Role.TITLE) == _title(0) and listing.viewport().rect().intersects(listing.visualRect(last))


@pytest.mark.slow
def test_clearing_a_search_brings_back_the_list_with_the_selected_article(library: Library, qtbot: QtBot) -> None:
    host = _shown(library, qtbot)
    panel = host.panel
    chosen = COUNT - (PAGE + 100)  # the list is last imported first: this article is on the second page
    assert panel.restore_list_position((chosen, 0))
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(chosen)))
    qtbot.waitUntil(lambda: panel.list_position() == (chosen, 0) and panel._scroll_target is None)
    reads = _reads_off_the_gui_thread(library)
    panel.search.setText(f"{chosen - 1:04d}")  # the article's own number (ids count from 1, titles from 0)
    qtbot.waitUntil(lambda: panel.model.total() == 1 and not host.runner.pending, timeout=10_000)
    assert panel.model.index(0).data(Role.TITLE) == _title(chosen - 1)
    assert panel.current_article_id() == chosen
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.total() == COUNT and not host.runner.pending, timeout=10_000)
    assert panel.current_article_id() == chosen
    assert [int(i.data(Role.ARTICLE_ID)) for i in panel.list.selectionModel().selectedRows()] == [chosen]
    qtbot.waitUntil(lambda: panel._scroll_target is None)
    assert panel.list_position() == (chosen, 0)  # scrolled where it was: the article at the top
    assert panel.unread_chip.text() == f"Unread {COUNT:,}"
    assert reads and set(reads) == {"worker"}


def test_a_page_asked_for_rows_set_afresh_since_is_dropped() -> None:
    held: list[tuple[Any, Any, Any]] = []
    model = LibraryModel()
    model.set_loader(lambda work, deliver, failed: held.append((work, deliver, failed)))

    class Row:
        def __init__(self, i: int) -> None:
            self.id, self.title, self.source, self.publisher, self.published = i, f"Row {i}", "", "", None

    model.set_pager(lambda offset, limit: [Row(i) for i in range(offset, min(offset + limit, 1000))], 1000, first=50)
    model.fetchMore()
    model.fetchMore()  # asked again while the page is read: nothing more is asked
    assert len(held) == 1 and model.is_loading() and model.rowCount() == 50
    model.set_pager(lambda offset, limit: [Row(5000 + i) for i in range(offset, min(offset + limit, 10))], 10)
    work, deliver, _failed = held.pop()
    deliver(work())  # the old list's page arrives late
    assert model.article_ids() == list(range(5000, 5010)) and not model.is_loading()

    model.set_pager(lambda offset, limit: [Row(i) for i in range(offset, min(offset + limit, 1000))], 1000, first=50)
    model.fetchMore()
    work, deliver, _failed = held.pop()
    deliver(work())
    assert model.article_ids() == list(range(50 + PAGE)) and not model.is_loading()
    model.fetchMore()
    _work, _deliver, failed = held.pop()
    failed("Library list failed: disk I/O error")
    assert not model.is_loading() and not model.canFetchMore() and model.rowCount() == 50 + PAGE


def test_an_article_opened_before_its_refill_arrives_is_marked_current_and_read(qtbot: QtBot, tmp_path: Path) -> None:
    # Opening a file imports it and refills the list on a worker; the reader shows the article at once, before its
    # row is listed. When the rows arrive the article is the list's current row and it is not counted unread.
    lib = open_library(str(tmp_path / "library.sqlite"))
    try:
        first = _generated(lib, 0)
        host = _shown(lib, qtbot)
        panel = host.panel
        assert panel.model.rowCount() == 1 and panel.unread_chip.text() == "Unread 1"
        panel.select_article(first)
        lib.set_read(first)
        opened = _generated(lib, 1)
        panel.reload()  # the import's refill, read on the worker
        panel.select_article(opened)  # the reader opens the imported article before the rows arrive
        assert panel.model.row_of(opened) < 0
        lib.set_read(opened)  # the read mark stored by the window's operation (here: after the refill was read)
        qtbot.waitUntil(lambda: panel.model.row_of(opened) >= 0, timeout=10_000)
        assert panel.current_article_id() == opened
        assert panel.selected_article_ids() == [opened]
        assert panel.unread_chip.text() == "Unread"
    finally:
        lib.close()


def _generated(lib: Library, i: int) -> int:
    text, blocks = build_text([("title", _title(i)), ("paragraph", f"Body of article {i}.")])
    article = Article(f"opened:{i}", "text", text, blocks, Metadata(title=_title(i)))
    return import_analysed(lib, [(article, Analysis(ANALYZER_VERSION, article.text_hash))])[0]
