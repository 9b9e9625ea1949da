"""Story revisions in the reader: a highlighted story is edited by its publisher, Check for Updates stores the new
version, and the reader shows the versions line, the changes (struck and inserted words), the flagged highlight
in Notes, the new date on the timeline and the Edited badge in the library."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from gui.import_jobs import ImmediatePool
from gui.library_model import Role as LibraryRole
from gui.main_window import MainWindow
from models.store import Library, open_library
from tests.gui.fixture_types import Gui
from tests.gui.test_highlights import shown_text

Edited = tuple[MainWindow, Library, int, dict[str, str]]  # the window, its library, the story and its highlights

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "revisions"
DELETED = "He had promised voters a breakthrough on the disputed islands before the upper house election."
KEPT = "Vladimir Putin said the two countries would keep working on a peace treaty"
INSERTED = "The two leaders will meet again in Tokyo on March 14."


@pytest.fixture
def edited(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[Edited]:
    """The window after the story was imported, highlighted twice, edited at its source and checked again."""
    _app, faces, theme = gui
    lib = open_library(str(tmp_path / "lib.sqlite"))
    story = tmp_path / "story.txt"
    shutil.copy(STORIES / "port-deal-v1.txt", story)
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window)
    window.resize(1300, 860)
    window.show()
    qtbot.waitExposed(window)
    # an undated story: without a date "March 14" cannot be placed, so the reader sets one (kept over updates)
    from models.ingest import ingest_file

    lib.set_published(lib.import_article(ingest_file(str(story))).id, "2019-01-23")
    window.import_paths([str(story)])
    article_id = window.current_article_id()
    assert article_id is not None
    ids = {}
    for quote in (DELETED, KEPT):
        text = shown_text(window)
        window.view.select_range(text.index(quote), text.index(quote) + len(quote))
        ids[quote] = window.annotations.highlight_selection("yellow").id
    assert window.view.header.revisions.isHidden()  # one version: nothing to say yet
    shutil.copy(STORIES / "port-deal-v2.txt", story)
    with qtbot.waitSignal(window.revisions.state_shown, timeout=20000):
        window.revisions.check_for_updates()
    yield window, lib, article_id, ids
    window.close()
    lib.close()


def test_the_header_says_how_many_versions_and_when_it_changed(edited: Edited) -> None:
    window, _lib, article_id, _ids = edited
    assert window.current_article_id() == article_id
    line = window.view.header.revisions
    assert not line.isHidden()
    assert "2 versions" in line.text() and "last changed" in line.text() and 'href="changes"' in line.text()
    assert INSERTED in shown_text(window) and DELETED not in shown_text(window)


def test_notes_flag_the_highlight_the_edit_orphaned(edited: Edited) -> None:
    window, _lib, _article_id, ids = edited
    from gui.annotations.notes_model import Role

    panel = window.annotations.panel
    orphans = {panel.orphan_model.index(r).data(Role.ID): panel.orphan_model.index(r).data(Role.FATE)
               for r in range(panel.orphan_model.rowCount())}
    kept = {panel.model.index(r).data(Role.ID): panel.model.index(r).data(Role.FATE)
            for r in range(panel.model.rowCount())}
    assert orphans == {ids[DELETED]: "orphaned"}
    assert kept[ids[KEPT]] in (None, "moved")  # unchanged highlights carry no flag


def test_the_timeline_marks_the_date_the_edit_added(edited: Edited) -> None:
    window, _lib, _article_id, _ids = edited
    marks = window.reading.timeline.view.revision_marks()
    assert [(m[2], m[3]) for m in marks] == [("added", "March 14")]
    assert (marks[0][0].month, marks[0][0].day) == (3, 14)


def test_the_changes_window_strikes_the_deleted_sentence_and_marks_the_new_one(edited: Any, qtbot: Any) -> None:
    window, _lib, _article_id, _ids = edited
    with qtbot.waitSignal(window.revisions.diff_shown, timeout=30000) as shown:
        window.view.header.revisions.linkActivated.emit("changes")
    diff_window = shown.args[0]
    qtbot.waitExposed(diff_window)
    doc = diff_window.diff_view.document()
    struck, inserted = [], []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.fontStrikeOut():
                struck.append(fragment.text().strip())
            elif fmt.fontUnderline():
                inserted.append(fragment.text())
            it += 1
        block = block.next()
    assert struck == ["12", DELETED]
    assert inserted == ["15", INSERTED]
    plain = doc.toPlainText()
    assert plain.index("12") < plain.index("15") < plain.index(DELETED) < plain.index(INSERTED)
    assert "3 text changes" in diff_window.summary.text() and "1 highlight orphaned" in diff_window.summary.text()
    details = diff_window.details.toPlainText()
    assert "Orphaned" in details and "Added: " in details and "Tokyo" in details
    cursor = QTextCursor(doc)
    assert cursor.block().text() == "Japan and Russia sign port deal after two days of talks"


def test_the_library_shows_the_article_as_edited(edited: Edited) -> None:
    window, _lib, article_id, _ids = edited
    model = window.library_panel.model
    row = model.row_of(article_id)
    assert model.index(row).data(LibraryRole.EDITED) is True


def test_checking_an_unchanged_source_stores_nothing(edited: Any, qtbot: Any) -> None:
    window, lib, article_id, _ids = edited
    with qtbot.waitSignal(window.revisions.state_shown, timeout=20000):
        window.revisions.check_for_updates()
    assert len(lib.revisions.list(article_id)) == 2
    assert "No new version" in window.statusBar().currentMessage()
