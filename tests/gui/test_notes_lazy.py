"""The Notes panel is built when its tab is first shown (it is not in the first frame, behind Entities): until then
its tab counts the article's highlights, and once built it shows them and acts on them like a panel built at once.
The selection bar likewise is built for the first selection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import settings
from gui.dock_title import DockTitle
from models.store import open_library
from tests.gui.fakes import sample_article
from tests.gui.fixture_types import Gui
from tests.gui.test_highlights import Reader, _annotation_changed, make_window, select, shown_text, stored

ROOM = 322  # the Notes panel's minimum width, remembered from an earlier start


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[Reader]:
    """A window opened after one that built the Notes panel (its width remembered): the panel waits for its tab."""
    settings.NOTES_MIN_WIDTH.write(ROOM)
    path = tmp_path / "library.sqlite"
    lib = open_library(str(path))
    article_id = lib.import_article(sample_article()).id
    window = make_window(qtbot, gui, lib, article_id)
    yield window, lib, article_id, path
    window.close()
    lib.close()


def test_a_first_start_builds_the_panel_and_remembers_its_room(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    lib = open_library(str(tmp_path / "library.sqlite"))
    article_id = lib.import_article(sample_article()).id
    try:
        assert settings.NOTES_MIN_WIDTH.read() == 0
        eager = make_window(qtbot, gui, lib, article_id)
        assert eager.annotations.panel_built()
        room = settings.NOTES_MIN_WIDTH.read()
        assert room == eager.annotations.panel.minimumSizeHint().width() > 0
        width = eager.reading.entities_dock.width()
        eager.close()
        lazy = make_window(qtbot, gui, lib, article_id)  # the next start: the same room, the same docks
        assert not lazy.annotations.panel_built()
        assert lazy.reading.entities_dock.width() == width
        lazy.close()
    finally:
        lib.close()


def _tab_count(reader: Reader) -> int | None:
    title = reader[0].annotations.dock.titleBarWidget()
    assert isinstance(title, DockTitle)
    return title.count_value()


def test_the_tab_counts_highlights_before_the_panel_is_built(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    feature = window.annotations
    assert not feature.panel_built()
    assert _tab_count(reader) == 0
    text = shown_text(window)
    first = feature.controller.highlight(article_id, text.index("Shinzo Abe"), text.index("Shinzo Abe") + 10, "red")
    feature.controller.highlight(article_id, text.index("Vladimir Putin"), text.index("Vladimir Putin") + 14, "blue")
    assert _tab_count(reader) == 2
    feature.controller.delete(first.id)
    assert _tab_count(reader) == 1
    window.close_article()
    assert _tab_count(reader) == 0
    assert not feature.panel_built()  # nothing of this needed the panel


def test_showing_the_tab_builds_a_working_panel(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    feature = window.annotations
    text = shown_text(window)
    made = feature.controller.highlight(article_id, text.index("Shinzo Abe"), text.index("Shinzo Abe") + 10, "red")
    feature.controller.set_article_note(article_id, "Read before the summit.")
    assert not feature.panel_built()
    feature.dock.raise_()  # the user clicks the Notes tab
    qtbot.waitUntil(feature.panel_built)
    panel = feature.panel
    qtbot.waitUntil(panel.isVisible)
    assert feature.dock.widget() is panel
    assert panel.model.ids() == [made.id]
    assert panel.article_note.toPlainText() == "Read before the summit."
    assert _tab_count(reader) == 1
    start, end = select(window, "Eight days later, Abe tried to find a breakthrough")  # the panel follows new work
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        feature.bar.swatches["green"].click()
    added = [a for a in stored(lib, article_id) if a.start == start and a.end == end]
    assert len(added) == 1 and set(panel.model.ids()) == {made.id, added[0].id}
    assert _tab_count(reader) == 2
    panel.list.setCurrentIndex(panel.model.index(0))  # choosing a card selects it in the editor, as before
    assert panel.editor.annotation_id() in {made.id, added[0].id}


def test_clicking_a_highlight_builds_the_panel_and_selects_it(reader: Reader, qtbot: QtBot) -> None:
    window, _lib, article_id, _ = reader
    feature = window.annotations
    text = shown_text(window)
    made = feature.controller.highlight(article_id, text.index("Shinzo Abe"), text.index("Shinzo Abe") + 10, "red")
    feature.activate(made.id)
    assert feature.panel_built() and feature.panel.current_id() == made.id
    qtbot.waitUntil(feature.panel.isVisible)


def test_the_selection_bar_is_built_for_the_first_selection_and_highlights(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    feature = window.annotations
    assert not feature.bar_built()
    window.view.setFocus()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)  # a click in the text needs no bar
    assert not feature.bar_built()
    start, end = select(window, "Eight days later, Abe tried to find a breakthrough")
    qtbot.waitUntil(lambda: feature.bar_built() and feature.bar.isVisible())
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        feature.bar.swatches["red"].click()
    assert [(a.start, a.end, a.color) for a in stored(lib, article_id)] == [(start, end, "red")]
    assert not feature.bar.isVisible()
