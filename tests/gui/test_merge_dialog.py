"""The Merge dialog offers the other entities with none chosen: Enter alone merges nothing, a click or a filter
that leaves one entity chooses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.entities.prompts import ChoiceDialog

ITEMS = ["Sergey Lavrov — Person", "Shinzo Abe — Person", "Taro Kono — Person", "Japan — Place"]


def test_nothing_is_preselected_and_enter_does_not_accept(qtbot: QtBot) -> None:
    dialog = ChoiceDialog(None, "Merge entity", "Merge “Kono” into:", ITEMS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.chosen() is None and not dialog.list.selectedItems()
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0


def test_typing_down_to_one_entity_chooses_it(qtbot: QtBot) -> None:
    dialog = ChoiceDialog(None, "Merge entity", "Merge “Kono” into:", ITEMS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.filter, "ta")  # "Taro Kono" only ("Sergey Lavrov" has no "ta")
    assert dialog.chosen() == 2 and dialog.ok.isEnabled()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Backspace)  # "t": several again, the choice stays until changed
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.chosen() == 2


def test_a_click_chooses_the_row(qtbot: QtBot) -> None:
    dialog = ChoiceDialog(None, "Merge entity", "Merge “Kono” into:", ITEMS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rect = dialog.list.visualItemRect(dialog.list.item(1))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen() == 1 and dialog.ok.isEnabled()
