"""Removing a highlight while the Notes tab is open: no traceback from the list, and the selection does not jump
to another card (undo of the highlight, and the Delete key in the list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.gui import test_highlights
from tests.gui.test_highlights import Reader, select, stored

reader = test_highlights.reader  # the window on a real library holding the sample


def _open_notes(window: MainWindow) -> None:
    feature = window.annotations
    feature.dock.show()
    feature.dock.raise_()
    QApplication.processEvents()


def test_undoing_a_highlight_with_the_notes_tab_open_keeps_the_list_quiet(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    feature = window.annotations
    panel = feature.panel
    _open_notes(window)
    # Two earlier highlights: the one after the removed card is where a jumping selection would land.
    select(window, "Shinzo Abe")
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    select(window, "Northern Territories")
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    select(window, "Eight")
    qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(lib, article_id)) == 3
    new = next(a for a in stored(lib, article_id) if a.exact == "Eight")
    assert panel.current_id() == new.id
    # Click into the margin of the page (away from any text), then undo.
    viewport = window.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().bottomRight() - viewport.rect().topLeft()
                     - type(viewport.rect().topLeft())(5, 5))
    activated: list[str] = []
    panel.highlight_activated.connect(activated.append)
    scrolled_before = window.view.verticalScrollBar().value()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert sorted(a.exact for a in stored(lib, article_id)) == ["Northern Territories", "Shinzo Abe"]
    assert panel.model.rowCount() == 2
    for row in range(panel.model.rowCount()):  # every remaining card paints
        assert panel.model.index(row).data() is not None
    assert panel.current_id() is None, "no other card becomes the selection"
    assert activated == [], "the article does not jump to another highlight"
    assert window.view.verticalScrollBar().value() == scrolled_before


def test_delete_key_in_the_notes_list_removes_only_that_card(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    panel = window.annotations.panel
    _open_notes(window)
    for quote, key in (("Shinzo Abe", Qt.Key.Key_1), ("Northern Territories", Qt.Key.Key_2), ("Eight", Qt.Key.Key_3)):
        select(window, quote)
        qtbot.keyClick(window.view, key, Qt.KeyboardModifier.ControlModifier)
    target = next(a for a in stored(lib, article_id) if a.exact == "Northern Territories")
    panel.select_annotation(target.id, notify=False)
    panel.list.setFocus()
    activated: list[str] = []
    panel.highlight_activated.connect(activated.append)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    QApplication.processEvents()
    assert sorted(a.exact for a in stored(lib, article_id)) == ["Eight", "Shinzo Abe"]
    assert panel.current_id() is None
    assert activated == []
    # And the undo brings the card back without a traceback.
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(lib, article_id)) == 3
    assert panel.model.rowCount() == 3


def test_a_hashtag_typed_in_the_note_editor_appears_in_the_tag_field_and_filter(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    panel = window.annotations.panel
    select(window, "Eight days later")
    qtbot.keyClick(window.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    editor = panel.editor
    qtbot.waitUntil(editor.note.hasFocus)
    qtbot.keyClicks(editor.note, "Check the wires #follow-up")
    editor.commit_note()
    [a] = stored(lib, article_id)
    assert a.tags == ("follow-up",)
    assert "follow-up" in editor.tags.text()
    assert panel.tag_filter.findData("follow-up") >= 0
