"""The library list on a real store: rows come a page at a time as the list scrolls, filters (Unread,
Highlighted) and sorts are SQL, the counts come from single queries, and opening an article marks it read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui.library_model import PAGE, LibraryModel, Role
from gui.library_panel import UNREAD, LibraryPanel
from models.analysis import ANALYZER_VERSION
from models.analysis.types import Analysis
from models.article import Article, Metadata, build_text
from models.store import Library, open_library
from models.store.library_index import import_analysed

COUNT = 2 * PAGE + 50


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(str(tmp_path / "library.sqlite"))
    pairs = []
    for i in range(COUNT):
        title = f"Article {i:04d} on the harbour"
        text, blocks = build_text([("title", title), ("paragraph", f"Body of article {i}.")])
        day = date(2015, 1, 1) + timedelta(days=(i * 37) % 3000)
        article = Article(f"generated:{i}", "text", text, blocks, Metadata(title=title, published=day.isoformat()))
        pairs.append((article, Analysis(ANALYZER_VERSION, article.text_hash)))
    import_analysed(lib, pairs)
    yield lib
    lib.close()


def test_pages_pass_the_model_checks(library: Library, qtmodeltester: ModelTester) -> None:
    model = LibraryModel()
    model.set_pager(lambda offset, limit: library.article_page(offset, limit), library.count_articles(), first=10)
    qtmodeltester.check(model, force_py=True)
    assert model.total() == COUNT and model.canFetchMore()


def test_the_list_loads_a_page_at_a_time(library: Library, qtbot: QtBot) -> None:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    counts: list[int] = []
    panel.count_changed.connect(counts.append)
    panel.set_library(library)
    assert panel.model.rowCount() == PAGE and panel.model.total() == COUNT and counts[-1] == COUNT
    while panel.model.canFetchMore():
        panel.model.fetchMore()
    ids = panel.model.article_ids()
    assert len(ids) == COUNT == len(set(ids)) and ids[0] == COUNT  # last imported first
    assert panel.unread_chip.text() == f"Unread {COUNT:,}"


def test_sorts_and_the_unread_chip_are_queries(library: Library, qtbot: QtBot) -> None:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_library(library)
    panel.sort.setCurrentIndex(panel.sort.findData("title"))
    titles = [panel.model.index(r).data(Role.TITLE) for r in range(panel.model.rowCount())]
    assert titles == sorted(titles) and titles[0] == "Article 0000 on the harbour"
    panel.sort.setCurrentIndex(panel.sort.findData("oldest"))
    first = library.get_article(panel.model.article_ids()[0]).article.metadata.published
    assert first == "2015-01-01"
    panel.read_marked.connect(library.set_read)  # the window stores the mark (gui.operations.articles.mark_read)
    panel.select_article(panel.model.article_ids()[0])
    opened = panel.model.article_ids()[0]
    assert panel.model.index(0).data(Role.READ) is True
    qtbot.waitUntil(lambda: library.count_articles(unread_only=True) == COUNT - 1)
    panel.set_filter(UNREAD)
    assert panel.model.total() == COUNT - 1 and opened not in panel.model.article_ids()
    assert panel.section.text() == "Unread"


def test_a_page_never_repeats_or_skips_a_row(library: Library) -> None:
    for sort in ("recent", "newest", "oldest", "highlighted", "title"):
        seen = [s.id for offset in range(0, COUNT, 97) for s in library.article_page(offset, 97, sort=sort)]
        assert sorted(seen) == list(range(1, COUNT + 1)), sort
    with pytest.raises(ValueError):
        library.article_page(0, 10, sort="sideways")


def test_an_edited_story_is_badged_and_the_edited_chip_lists_it(library: Library, qtbot: QtBot) -> None:
    from gui.library_panel import EDITED

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_library(library)
    assert panel.edited_chip.isHidden()  # no story has changed yet
    title = "Article 0007 on the harbour"
    text, blocks = build_text([("title", title), ("paragraph", "Body of article 7, corrected by the desk.")])
    assert library.import_article(Article("generated:7", "text", text, blocks, Metadata(title=title))).status == \
        "updated"
    panel.reload()
    assert not panel.edited_chip.isHidden() and panel.edited_chip.text() == "Edited 1"
    panel.edited_chip.click()
    assert panel.filter == EDITED and panel.model.total() == 1
    index = panel.model.index(0)
    assert index.data(Role.TITLE) == title and index.data(Role.EDITED) is True
    panel.all_chip.click()
    while panel.model.canFetchMore():
        panel.model.fetchMore()
    edited = [panel.model.index(r).data(Role.TITLE) for r in range(panel.model.rowCount())
              if panel.model.index(r).data(Role.EDITED)]
    assert edited == [title]  # the badge comes with the paged rows too


def test_the_opened_article_leaves_the_unread_count_in_the_same_frame(library: Library, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The mark is stored off the GUI thread; the chip and the row must not wait for it (nor for a reload)."""
    import threading

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_library(library)
    assert panel.unread_chip.text() == f"Unread {COUNT:,}"
    release = threading.Event()
    real_set_read = library.set_read

    def slow_set_read(article_id: int, read: bool = True) -> None:
        release.wait(10)
        real_set_read(article_id, read)

    library.set_read = slow_set_read  # type: ignore[method-assign]
    # the window stores the mark off the GUI thread (gui.operations.articles.mark_read, through the runner)
    panel.read_marked.connect(lambda article_id: threading.Thread(target=library.set_read, args=(article_id,)).start())
    opened = panel.model.article_ids()[0]
    panel.select_article(opened)
    assert panel.unread_chip.text() == f"Unread {COUNT - 1:,}"  # before the store has the mark
    panel.reload()  # a refill while the write is still under way keeps the article read
    assert panel.unread_chip.text() == f"Unread {COUNT - 1:,}"
    assert panel.model.index(panel.model.row_of(opened)).data(Role.READ) is True
    release.set()
    qtbot.waitUntil(lambda: library.count_articles(unread_only=True) == COUNT - 1)
    panel.reload()  # stored now: counted once, not twice
    assert panel.unread_chip.text() == f"Unread {COUNT - 1:,}"
    panel.select_article(opened)  # opened again: already read, nothing changes
    assert panel.unread_chip.text() == f"Unread {COUNT - 1:,}"


def _shown_panel(library: Library, qtbot) -> LibraryPanel:  # type: ignore[no-untyped-def]
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 500)
    panel.set_library(library)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_list_comes_back_where_it_was_scrolled(library: Library, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Across a restart (the position is saved as the list scrolls) and across a refill of the rows."""
    from gui.library_panel import LIST_POSITION, POSITION_SAVE_MS

    panel = _shown_panel(library, qtbot)
    target = COUNT - (PAGE + 30)  # the list is last imported first; this row is beyond the first page
    assert panel.restore_list_position((target, 7))
    assert panel.list_position() == (target, 7)
    panel.reload()  # re-filled (an import, a delete, a chip): still there
    assert panel.list_position() == (target, 7)
    qtbot.waitUntil(lambda: LIST_POSITION.read() == f"{target}:7", timeout=POSITION_SAVE_MS * 10)
    panel.close()

    again = _shown_panel(library, qtbot)  # the next start
    qtbot.waitUntil(lambda: again.list_position() == (target, 7))
    assert again.model.row_of(target) > PAGE


def test_a_position_whose_article_is_gone_leaves_the_list_at_the_top(library: Library, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.library_panel import LIST_POSITION

    LIST_POSITION.write("999999:12")
    panel = _shown_panel(library, qtbot)
    # The list lays its rows out a batch per turn of the event loop: once they are, it is at its first article.
    qtbot.waitUntil(lambda: panel.list_position() is not None)
    qtbot.wait(50)  # a scroll to the lost article, had one been started, would have happened by now
    assert panel.list.verticalScrollBar().value() == 0
    assert panel.list_position() == (panel.model.article_ids()[0], 0)
