"""The Library as a reader works it: several rows chosen for an export, deleting after a confirmation (and
cancelling), the Highlighted chip, and the reader's empty page once nothing is left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gui.dock_title import DockTitle
from gui.empty_reader import EmptyReader
from gui.export_action import open_export_dialog
from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from models.article import Article, Metadata, build_text
from models.store import Library, open_library
from tests.gui.fixture_types import Gui

Stored = tuple[Library, list[int]]  # the library and its three articles' ids
Reader = tuple[MainWindow, Library, list[int]]


def short_article(n: int, title: str) -> Article:
    text, blocks = build_text([("title", title), ("paragraph", f"Paragraph {n}: the council met on 3 March 2020.")])
    return Article(f"/home/reader/a{n}.txt", "text", text, blocks, Metadata(title=title, published=f"2020-03-0{n}"))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Stored]:
    lib = open_library(str(tmp_path / "lib.sqlite"))
    ids = [lib.import_article(short_article(n, f"Article {n}")).id for n in (1, 2, 3)]
    text = lib.get_article(ids[1]).article.text
    at = text.index("council")
    lib.annotations.add(ids[1], at, at + len("council"), color="red", note="Which council?")
    yield lib, ids
    lib.close()


def shown_window(qtbot: QtBot, gui: Gui, lib: Library) -> MainWindow:
    """The reader's window over ``lib`` with a synchronous pool, shown; closed once its work is done."""
    _app, faces, theme = gui
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: not w.busy(), timeout=30000))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui, library: Stored) -> Reader:
    lib, ids = library
    window = shown_window(qtbot, gui, lib)
    window.open_article(ids[-1])  # the newest, at the top of the list
    return window, lib, ids


def click_row(
    qtbot: QtBot, window: MainWindow, article_id: int, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    panel = window.library_panel
    rect = panel.list.visualRect(panel.model.index(panel.model.row_of(article_id)))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def answer_confirmation(monkeypatch: pytest.MonkeyPatch, button: str) -> list[tuple[str, str, str]]:
    """The deletion question is answered with ``button``; returns what each question said."""
    asked: list[tuple[str, str, str]] = []

    def exec_(box: QMessageBox) -> int:
        asked.append((box.windowTitle(), box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text().startswith(button)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_ctrl_click_selects_several_articles_for_the_export_dialog_and_keeps_the_reader(
    qtbot: QtBot, reader: Reader
) -> None:
    window, _lib, ids = reader
    click_row(qtbot, window, ids[0], Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, window, ids[1], Qt.KeyboardModifier.ControlModifier)
    assert window.current_article_id() == ids[-1]  # choosing several rows opens none of them
    assert window.library_panel.selected_article_ids() == [ids[2], ids[1], ids[0]]
    dialog = open_export_dialog(window)
    qtbot.addWidget(dialog, before_close_func=lambda d: qtbot.waitUntil(lambda: not d.busy, timeout=10000))
    assert sorted(dialog.selected) == sorted(ids)
    index = dialog.scope.findData("selected")
    assert dialog.scope.itemText(index) == "Selected in the Library (3)"
    click_row(qtbot, window, ids[0])  # a plain click chooses one article and opens it
    assert window.current_article_id() == ids[0]
    assert window.library_panel.selected_article_ids() == [ids[0]]


def test_the_row_menu_offers_open_export_reanalyse_and_delete(reader: Reader) -> None:
    window, _lib, ids = reader
    panel = window.library_panel
    panel.select_article(ids[0])
    menu = panel.context_menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Open", "Export…", "Re-analyse", "Delete Article…"]
    panel.open_action.trigger()
    assert window.current_article_id() == ids[0]


def test_delete_asks_then_removes_the_article_its_highlights_and_opens_the_next(
    qtbot: QtBot, reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, lib, ids = reader
    asked = answer_confirmation(monkeypatch, "Delete")
    click_row(qtbot, window, ids[1])
    assert window.current_article_id() == ids[1]
    legend_before = window.annotations.controller.counts_by_color().get("red", 0)
    qtbot.keyClick(window.library_panel.list, Qt.Key.Key_Delete)
    assert len(asked) == 1
    title, text, detail = asked[0]
    assert title == "Delete this article?" and "“Article 2”" in text
    assert detail == "Its highlight is deleted too, with any note. This cannot be undone."
    assert ids[1] not in {a.id for a in lib.list_articles()}
    assert lib.annotations.list(ids[1]) == []
    assert window.library_panel.model.article_ids() == [ids[2], ids[0]]
    assert window.current_article_id() == ids[0]  # the next one down the list
    assert window.view.toPlainText().startswith("Article 1")
    assert "Library: 2 articles" in window.library_status.text()
    qtbot.waitUntil(lambda: window.annotations.controller.counts_by_color().get("red", 0) == legend_before - 1)


def test_cancelling_the_question_deletes_nothing(qtbot: QtBot, reader: Reader, monkeypatch: pytest.MonkeyPatch) -> None:
    window, lib, ids = reader
    asked = answer_confirmation(monkeypatch, "Cancel")
    click_row(qtbot, window, ids[2])
    click_row(qtbot, window, ids[0], Qt.KeyboardModifier.ShiftModifier)
    window.library_panel.delete_action.trigger()
    assert asked and asked[0][0] == "Delete 3 articles?"
    assert asked[0][2] == "Their 1 highlight is deleted too, with any note. This cannot be undone."
    assert lib.article_count() == 3 and len(lib.annotations.list(ids[1])) == 1
    assert window.library_panel.model.rowCount() == 3
    assert window.current_article_id() == ids[2]


def test_the_highlighted_chip_lists_only_articles_with_highlights(reader: Reader) -> None:
    window, _lib, ids = reader
    panel = window.library_panel
    assert panel.highlighted_chip.text() == "Highlighted 1"
    panel.highlighted_chip.click()
    assert panel.model.article_ids() == [ids[1]]
    assert panel.section.text().lower() == "highlighted"
    panel.all_chip.click()
    assert panel.model.article_ids() == [ids[2], ids[1], ids[0]]


def test_deleting_the_last_articles_shows_the_empty_page_with_an_open_button(
    qtbot: QtBot, reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, lib, ids = reader
    answer_confirmation(monkeypatch, "Delete")
    window.library_actions.delete_articles(list(ids))
    assert lib.article_count() == 0
    empty = window.findChild(EmptyReader)
    assert empty is not None and empty.isVisible() and not window.view.isVisible()
    assert empty.heading.text() == "Your library is empty"
    assert window.current_article_id() is None and window.windowTitle() == "Newsdesk"
    # nothing of the deleted article is left in the docks: their counts (the tabs' counts) are back to zero
    assert _title(window.reading.entities_dock).count_value() == 0
    assert _title(window.annotations.dock).count_value() == 0
    assert window.view.layer_ranges("entity-mentions") == ()
    opened: list[str] = []

    def ask(*_args: object, **_kwargs: object) -> tuple[list[str], str]:
        opened.append("asked")
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(ask))
    qtbot.mouseClick(empty.open_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert opened == ["asked"]


def test_reanalyse_forgets_the_cached_analysis_and_computes_it_afresh(qtbot: QtBot, reader: Reader) -> None:
    from models.analysis import ANALYZER_VERSION
    from models.store.schema import AnalysisRow

    window, lib, ids = reader
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    open_id = window.current_article_id()
    other = ids[0]
    with lib.reading() as s:
        before = {r.article_id: r.created_at for r in s.query(AnalysisRow).all()}
    assert open_id in before
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):  # the open article's panels follow
        window.library_actions.reanalyse([open_id, other])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    with lib.reading() as s:
        after = {r.article_id: r.created_at for r in s.query(AnalysisRow).all()}
    assert after[open_id] > before[open_id]  # analysed again, not served from the old cache
    assert other in after and lib.load_analysis(other, ANALYZER_VERSION) is not None
    assert "Analysed afresh: 2" in window.statusBar().currentMessage()


def _title(dock: QDockWidget) -> DockTitle:
    """The dock's own title bar (a :class:`DockTitle`: its count names the tab)."""
    title = dock.titleBarWidget()
    assert isinstance(title, DockTitle)
    return title
