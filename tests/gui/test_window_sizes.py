"""Every window size: the toolbar keeps Export and the six swatches on screen from 1024×700 up, the reading column
stays readable, a note card stands in the margin at 1440, and the status bar gives figures, not the library path."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from gui.dock_title import DockTitle
from tests.gui import test_highlights
from tests.gui.test_highlights import Reader, select

reader = test_highlights.reader


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def on_screen(window: Any, widget: QWidget) -> QRect:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(top_left, widget.size())


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800), (1440, 900), (1920, 1080)])
def test_export_and_the_six_swatches_are_on_the_toolbar(reader: Reader, size: tuple[int, int]) -> None:
    window = reader[0]
    window.resize(*size)
    settle()
    bar = on_screen(window, window.toolbar)
    export = window.toolbar.findChild(QToolButton, "ExportButton")
    assert export is not None
    swatches = list(window.annotations.swatches.buttons.values())
    assert len(swatches) == 6
    placed: list[QWidget] = [export, *swatches, window.search_field]
    for widget in placed:
        assert widget.isVisible(), f"{widget.objectName()} hidden at {size}"
        assert bar.contains(on_screen(window, widget)), f"{widget.objectName()} off the toolbar at {size}"
    rects = [on_screen(window, w) for w in placed]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)
    open_button = window.toolbar.widgetForAction(window.open_action)
    assert isinstance(open_button, QToolButton)
    compact = size[0] < 1280
    assert (open_button.toolButtonStyle().name == "ToolButtonIconOnly") == compact
    assert open_button.toolTip() or open_button.accessibleName() or window.open_action.text()


@pytest.mark.parametrize("size", [(1024, 700), (1440, 900), (1920, 1080), (3840, 2160)])
def test_the_reading_column_is_readable_at_every_size(reader: Reader, size: tuple[int, int]) -> None:
    window = reader[0]
    window.resize(*size)
    settle()
    column = window.view.column_rect()
    viewport = window.view.viewport().rect()
    assert 320 <= column.width() <= 600  # never a strip, never lines of 150 characters
    assert viewport.contains(column.adjusted(0, 0, 0, -1)) or column.right() <= viewport.right()
    assert window.view.viewport().height() >= 200, "at least a dozen lines of the article"


def test_a_note_card_stands_in_the_margin_at_1440(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    window.resize(1440, 900)
    settle()
    select(window, "Eight days later, Abe tried to find a breakthrough")
    record = window.annotations.highlight_selection("yellow", note="Did the February talks happen? Check wires.")
    assert record is not None
    window.view.scroll_to(record.start)
    settle()
    window.view.viewport().repaint()
    cards = window.annotations.marks.cards.cards()
    assert cards and not cards[0].compact, "a card, not a margin tab"
    column = window.view.column_rect()
    offset = window.view.horizontalScrollBar().value()
    assert cards[0].rect.left() - offset > column.right()
    assert cards[0].rect.right() - offset <= window.view.viewport().width()


def test_the_status_bar_shows_figures_not_the_library_path(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, path = reader
    select(window, "Eight days later")
    window.annotations.highlight_selection("yellow")
    settle()
    left, right = window.library_status.text(), window.article_status.text()
    assert str(path) not in left and "Library: 1 article" in left and "1 highlight" in left
    assert "1 highlight in this article" in right and "100 %" in right
    window.view.set_zoom(1.25)
    assert "125 %" in window.article_status.text()


def test_a_dock_folds_to_its_title_and_gives_the_room_to_the_article(reader: Reader) -> None:
    window = reader[0]
    window.resize(1024, 700)
    settle()
    from PySide6.QtWidgets import QDockWidget

    dock = next(d for d in window.findChildren(QDockWidget) if "imeline" in d.objectName())
    title = dock.titleBarWidget()
    assert isinstance(title, DockTitle)
    before = window.view.viewport().height()
    title.fold.click()
    settle()
    assert title.is_folded() and not dock.widget().isVisible()
    assert dock.height() <= title.height() + 8
    assert window.view.viewport().height() > before + 100, "the article gets the room"
    title.fold.click()
    settle()
    assert dock.widget().isVisible() and window.view.viewport().height() < before + 10
