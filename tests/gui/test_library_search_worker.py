"""A library search, and the whole list when the search is cleared, are read on a worker: the list keeps its rows
while the worker reads, shows the matches when it answers, and an answer that arrives after a newer search is
dropped."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.library_model import Role
from gui.main_window import MainWindow
from models.article import Article, Metadata, build_text
from tests.gui.fakes import HeldPool


def _article(n: int, body: str) -> Article:
    text, blocks = build_text([("title", f"Story {n}"), ("paragraph", body)])
    return Article(f"/tmp/story{n}.txt", "text", text, blocks, Metadata(title=f"Story {n}"))


def test_a_search_is_read_on_a_worker_and_only_the_latest_is_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.library.import_article(_article(1, "Nothing about summits here."))
    window.library.import_article(_article(2, "Lavrov met Kono in Moscow."))
    panel = window.library_panel
    panel.reload()
    listed = panel.model.rowCount()
    assert listed == 3  # the sample and the two stories
    pool = HeldPool()
    window.runner.pool = pool
    panel.search.setText("summits")
    panel.reload()
    assert panel.model.rowCount() == listed  # nothing read on the GUI thread: the list waits for the worker
    panel.search.setText("Lavrov")
    panel.reload()
    assert pool.run("Search") == 2  # the older search ("summits") answers last...
    titles = [panel.model.index(r).data(Role.TITLE) for r in range(panel.model.rowCount())]
    assert "Story 1" not in titles and "Story 2" in titles  # ...and only the latest one is shown
    row = titles.index("Story 2")
    assert "Lavrov" in panel.model.index(row).data(Role.SNIPPET)
    panel.search.clear()
    panel.reload()
    assert [panel.model.index(r).data(Role.TITLE) for r in range(panel.model.rowCount())] == titles  # still reading
    assert pool.run("Library list") == 1  # the whole list is read on a worker too
    assert panel.model.rowCount() == listed
