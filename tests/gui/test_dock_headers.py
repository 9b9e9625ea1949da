"""The dock headers find the window's docks among its own children, docked or floating (not by a search of every
widget of the window, which the tab bars would pay at each paint)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from gui.dock_title import DockTitle
from models.store import open_library
from tests.gui.fakes import sample_article
from tests.gui.fixture_types import Gui
from tests.gui.test_highlights import make_window


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")  # a floating window
def test_docks_found_docked_and_floating(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    lib = open_library(str(tmp_path / "library.sqlite"))
    window = make_window(qtbot, gui, lib, lib.import_article(sample_article()).id)
    try:
        everywhere = set(window.findChildren(QDockWidget))
        assert len(everywhere) >= 4  # Library, Entities, Notes, Timeline
        assert set(window.dock_headers._docks()) == everywhere
        window.reading.timeline_dock.setFloating(True)
        qtbot.waitUntil(lambda: window.reading.timeline_dock.isFloating())
        assert set(window.dock_headers._docks()) == set(window.findChildren(QDockWidget)) == everywhere
        title = window.reading.entities_dock.titleBarWidget()
        assert isinstance(title, DockTitle)
        assert window.dock_headers._dock_title(window.reading.entities_dock.windowTitle()) is title
    finally:
        window.close()
        lib.close()
