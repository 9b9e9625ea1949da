"""The Notes tab of an article without highlights: a short empty state that says how to make one, the article note
at the top rather than under a band of empty space; with highlights, the list shows them."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.annotations.notes_panel import NotesPanel
from gui.main_window import MainWindow
from tests.gui.test_highlights import Reader, reader, shown_text  # noqa: F401 — the shared fixture

__all__ = ["reader"]

NEAR = 110  # pixels: the scope switch and the "Article note" label fit above the note's editor in this


def _top(widget: QWidget, panel: QWidget) -> int:
    return widget.mapTo(panel, QPoint(0, 0)).y()


def _notes_tab(qtbot: QtBot, window: MainWindow) -> NotesPanel:
    feature = window.annotations
    feature.dock.show()
    feature.dock.raise_()
    panel = feature.panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.height() > 400, "the tab is tall enough for a band to show"
    return panel


def test_without_highlights_the_note_sits_at_the_top_above_a_short_hint(qtbot: QtBot, reader: Reader) -> None:
    window, _lib, _article_id, _path = reader
    panel = _notes_tab(qtbot, window)
    note, empty = panel.article_note, panel.empty
    assert note.isVisible() and _top(note, panel) < NEAR
    assert panel.scope.height() < 60  # the switch keeps its own height
    assert empty.isVisible() and "Ctrl+1" in empty.text() and "No highlights yet" in empty.text()
    under = panel.sort  # the filters' row, the last thing above the list
    gap = _top(empty, panel) - (_top(under, panel) + under.height())
    assert 0 <= gap < 30  # the hint follows at once, not after a band of empty space
    assert not panel.list.isVisible()


def test_with_highlights_the_list_shows_them_under_the_filters(qtbot: QtBot, reader: Reader) -> None:
    window, lib, article_id, _path = reader
    text = shown_text(window)
    ctl = window.annotations.controller
    for quote in ("Shinzo Abe", "Vladimir Putin"):
        start = text.index(quote)
        ctl.highlight(article_id, start, start + len(quote), "yellow")
    panel = _notes_tab(qtbot, window)
    assert panel.model.rowCount() == 2 == len(lib.annotations.list(article_id))
    listing = panel.list
    qtbot.waitUntil(listing.isVisible)
    assert not panel.empty.isVisible()
    assert panel.filter.isVisible()
    assert _top(panel.article_note, panel) < NEAR
    first = listing.visualRect(panel.model.index(0))
    assert first.height() > 0 and listing.viewport().rect().contains(first.center())
