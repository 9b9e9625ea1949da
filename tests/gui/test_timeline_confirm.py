"""Confirming a date from the timeline: the faded mark of a date the analyser doubts becomes sure (and stays when
"Sure only" hides the doubtful ones), the card says who made it so, the brief stops calling it unsure, and Undo
brings the doubt back. "Not a date" takes the event off the timeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from gui.timeline.dock import TimelineDock
from gui.timeline.event_menu import event_menu
from gui.timeline.items import EventItem
from gui.timeline.mark_layer import FADED_EVENT
from models.analysis.event_corrections import CONFIRMED_BY_YOU
from models.store import Library, open_library
from tests.gui.fixture_types import Gui
from tests.test_event_corrections import add_unsure, brief

pytestmark = pytest.mark.gui
# the card is a tool-tip window: the offscreen platform cannot raise it
offscreen_popups = pytest.mark.qt_log_ignore(r"does not support (raise|grabbing the keyboard|propagateSizeHints)")

Reader = tuple[MainWindow, Library, int]


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[Reader]:
    _app, faces, theme = gui
    lib = open_library(str(tmp_path / "lib.sqlite"))
    article_id, _article = add_unsure(lib)  # "Jan. 22" doubtful (40%), "June" sure
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=30000):
        window.open_article(article_id)
    yield window, lib, article_id
    lib.close()


def mark(dock: TimelineDock, words: str) -> EventItem | None:
    for item in dock.view.timeline_items():
        if isinstance(item, EventItem) and any(m.event.timex.text == words
                                               for m in dock.view.groups[item.keys[0]].mentions):
            return item
    return None


def card_link(dock: TimelineDock, text: str) -> QLabel:
    return next(label for label in dock.view.card.findChildren(QLabel) if text in label.text())


@offscreen_popups
def test_confirming_a_doubtful_date_from_its_card_makes_it_sure_everywhere(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id = reader
    dock = window.reading.timeline
    item = mark(dock, "Jan. 22")
    assert item is not None and item.opacity() == FADED_EVENT
    dock.view._show_card(item)
    assert "Unsure: tense of the clause · confidence 40%" in dock.view.card.text
    assert "Confirm date · Not a date" in dock.view.card.text
    assert "(unsure)" in brief(lib, article_id).split("## Chronology")[1]

    with qtbot.waitSignal(window.reading.analysis_shown, timeout=10000):
        card_link(dock, "Confirm date").linkActivated.emit("confirm:0")

    item = mark(dock, "Jan. 22")
    assert item is not None and item.opacity() == 1.0
    dock.view._show_card(item)
    assert CONFIRMED_BY_YOU.capitalize() in dock.view.card.text
    assert "Confirm date" not in dock.view.card.text
    dock.sure_button.setChecked(True)  # "Sure only" keeps what the reader confirmed
    assert mark(dock, "Jan. 22") is not None
    chronology = brief(lib, article_id).split("## Chronology")[1]
    assert "unsure" not in chronology and f"({CONFIRMED_BY_YOU})" in chronology

    with qtbot.waitSignal(window.reading.analysis_shown, timeout=10000):
        window.undo_stack.undo()
    assert mark(dock, "Jan. 22") is None  # doubtful again: "Sure only" hides it
    dock.sure_button.setChecked(False)
    item = mark(dock, "Jan. 22")
    assert item is not None and item.opacity() == FADED_EVENT
    assert "(unsure)" in brief(lib, article_id).split("## Chronology")[1]

    with qtbot.waitSignal(window.reading.analysis_shown, timeout=10000):
        window.undo_stack.redo()
    item = mark(dock, "Jan. 22")
    assert item is not None and item.opacity() == 1.0


@offscreen_popups
def test_not_a_date_from_the_marks_menu_takes_the_event_off_the_timeline(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id = reader
    dock = window.reading.timeline
    item = mark(dock, "Jan. 22")
    assert item is not None
    mentions = list(dock.view.groups[item.keys[0]].mentions)
    menu = event_menu(dock.view, mentions, lambda _m: None, dock.view._request_correction)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Show in Article" and "Confirm Date" in texts and "Not a Date" in texts
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=10000):
        next(a for a in menu.actions() if a.text() == "Not a Date").trigger()
    assert [m.event.timex.text for g in dock.view.groups for m in g.mentions] == ["June"]
    dates = [line for line in brief(lib, article_id).split("## Chronology")[1].splitlines() if line.startswith("- **")]
    assert len(dates) == 1 and "(June)" in dates[0]
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=10000):
        window.undo_stack.undo()
    assert [m.event.timex.text for g in dock.view.groups for m in g.mentions] == ["Jan. 22", "June"]


@offscreen_popups
def test_the_context_menu_of_a_confirmed_date_says_so(reader: Reader, qtbot: QtBot) -> None:
    window, _lib, _article_id = reader
    dock = window.reading.timeline
    item = mark(dock, "Jan. 22")
    assert item is not None
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=10000):
        dock.view._request_correction(dock.view.groups[item.keys[0]].mentions[0], "confirm")
    item = mark(dock, "Jan. 22")
    assert item is not None
    menu = event_menu(dock.view, list(dock.view.groups[item.keys[0]].mentions), lambda _m: None, lambda *_a: None)
    done = next(a for a in menu.actions() if a.text() == "Date Confirmed by You")
    assert not done.isEnabled()


@offscreen_popups
def test_a_right_click_or_the_menu_key_on_a_mark_offers_its_actions(reader: Reader, qtbot: QtBot) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    window, _lib, _article_id = reader
    view = window.reading.timeline.view
    item = mark(window.reading.timeline, "Jan. 22")
    assert item is not None
    centre = view.viewport_rect_of(item).center()
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                                                              view.viewport().mapToGlobal(centre)))
    assert view.event_menu is not None
    assert [a.text() for a in view.event_menu.actions() if a.text()] == ["Show in Article", "Confirm Date",
                                                                         "Not a Date"]
    view.event_menu.close()
    view.event_menu = None
    view.setFocus()
    view._set_focus_item(item)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre,
                                                              view.viewport().mapToGlobal(centre)))
    assert view.event_menu is not None
    view.event_menu.close()
