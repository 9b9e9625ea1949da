"""Preferences and About as a reader meets them: the name on new highlights, light / dark remembered, highlight
colours renamed and reset (seen in the legend, undoable), a verified backup made on request, the version shown."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar
from pytestqt.qtbot import QtBot

from gui import settings
from gui.about import AboutDialog
from gui.annotations.colors import DEFAULT_LEGEND
from gui.main_window import MainWindow
from gui.preferences import PreferencesDialog, open_preferences
from gui.runner import ImmediatePool
from gui.theme import DARK, LIGHT, ThemeController
from models import __version__
from models.analysis import ANALYZER_VERSION
from models.ingest import ingest_file
from models.store import Library, backup, open_library
from tests.gui.fixture_types import Gui

Reader = tuple[MainWindow, Library, int]  # the window, its library and the sample's id

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


class IdlePool:
    """Leaves the entity analysis unrun: these tests are about preferences, not spaCy."""

    def start(self, runnable: Any) -> None:
        pass


def _submenu(menu: QMenu | QMenuBar, title: str) -> QMenu:
    """The submenu whose visible title (without its "&") is ``title``."""
    found = next(a.menu() for a in menu.actions() if a.text().replace("&", "") == title)
    assert isinstance(found, QMenu), title
    return found


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[Reader]:
    """A window on a real SQLite library holding the sample (the window installs Preferences and About)."""
    _app, faces, theme = gui
    lib = open_library(str(tmp_path / "library.sqlite"))
    article_id = lib.import_article(ingest_file(str(SAMPLE))).id
    window = MainWindow(lib, faces, theme, pool=IdlePool(), screen_pool=ImmediatePool())
    qtbot.addWidget(window)
    assert window.preferences_action.shortcuts() and window.about_action.text()
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article_id)
    yield window, lib, article_id
    theme.set_preference("system")
    window.close()
    lib.close()


def preferences(window: MainWindow) -> PreferencesDialog:
    action = next(a for a in window.menus.edit.actions() if a.objectName() == "PreferencesAction")
    action.trigger()
    shown = [d for d in window.findChildren(PreferencesDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_the_name_set_in_preferences_is_on_the_next_highlight_and_earlier_ones_keep_theirs(
    reader: Reader, qtbot: QtBot
) -> None:
    window, lib, article_id = reader
    controller = window.annotations.controller
    before = controller.highlight(article_id, 0, 8, "yellow")
    assert before.author == "Test Reader"  # NEWSDESK_AUTHOR while no name is set
    dialog = preferences(window)
    assert dialog.author.placeholderText() == "Test Reader"
    qtbot.keyClicks(dialog.author, "Ada  Lovelace")
    dialog.close()

    after = controller.highlight(article_id, 20, 30, "blue")
    assert lib.annotations.get(after.id).author == "Ada Lovelace"
    assert lib.annotations.get(before.id).author == "Test Reader"

    dialog = preferences(window)
    assert dialog.author.text() == "Ada Lovelace"  # remembered
    dialog.author.clear()
    assert controller.highlight(article_id, 40, 50, "red").author == "Test Reader"  # empty: back to the default


def test_dark_appearance_applies_at_once_and_is_remembered_for_the_next_window(
    reader: Reader, gui: Gui, qtbot: QtBot
) -> None:
    window, _lib, _article_id = reader
    app, faces, _theme = gui
    dialog = preferences(window)
    dark = next(b for b in dialog.appearance.buttons() if b.property("appearance") == "dark")
    qtbot.mouseClick(dark, Qt.MouseButton.LeftButton)
    assert app.palette().color(QPalette.ColorRole.Window).name().upper() == DARK.window
    assert settings.APPEARANCE.read() == "dark"
    appearance = _submenu(_submenu(window.menuBar(), "View"), "Appearance")
    assert [a.isChecked() for a in appearance.actions() if a.isCheckable()] == [False, False, True]

    app.setPalette(QPalette())  # as a fresh start would find it
    next_start = ThemeController(app, faces)
    assert next_start.apply() is DARK
    assert app.palette().color(QPalette.ColorRole.Window).name().upper() == DARK.window
    next_start.deleteLater()

    system = next(b for b in dialog.appearance.buttons() if b.property("appearance") == "system")
    system.click()
    assert app.palette().color(QPalette.ColorRole.Window).name().upper() == LIGHT.window  # offscreen is light


def test_renaming_a_colour_in_preferences_shows_in_the_legend_and_undoes_like_the_legend(
    reader: Reader, qtbot: QtBot
) -> None:
    window, lib, _article_id = reader
    dialog = preferences(window)
    editor = dialog.color_editors["yellow"].meaning
    editor.selectAll()
    qtbot.keyClicks(editor, "Main claim")
    editor.editingFinished.emit()

    legend_row = window.annotations.legend_widget.rows["yellow"]
    assert legend_row.name.text() == "Main claim"
    assert {c.key: c.meaning for c in lib.annotations.colors()}["yellow"] == "Main claim"
    assert window.annotations.controller.legend.meaning("yellow") == "Main claim"

    window.undo_stack.undo()
    assert legend_row.name.text() == "Key point"
    assert dialog.color_editors["yellow"].meaning.text() == "Key point"  # the dialog follows an undo too


def test_reset_restores_the_design_meanings_and_colours_in_one_undo_step(reader: Reader, qtbot: QtBot) -> None:
    window, lib, _article_id = reader
    dialog = preferences(window)
    dialog.color_editors["red"].recolor_requested.emit("red", "#123456")  # as the colour picker reports a choice
    dialog.rename_color("blue", "Check this")
    legend = window.annotations.legend_widget.rows
    assert legend["blue"].name.text() == "Check this"
    assert dialog.color_editors["red"].button.text() == "#123456"

    dialog.reset_colors.click()
    stored = {c.key: (c.meaning, c.swatch.upper(), c.background.upper()) for c in lib.annotations.colors()}
    assert stored == {d.key: (d.meaning, d.swatch, d.background) for d in DEFAULT_LEGEND}
    assert [legend[d.key].name.text() for d in DEFAULT_LEGEND] == [d.meaning for d in DEFAULT_LEGEND]
    assert dialog.color_editors["red"].button.text() == "#E0564F"

    window.undo_stack.undo()  # the reset is one step: both changes come back
    undone = {c.key: (c.meaning, c.swatch.upper()) for c in lib.annotations.colors()}
    assert undone["red"][1] == "#123456" and undone["blue"][0] == "Check this"


def test_back_up_now_adds_a_verified_backup_to_the_list(reader: Reader, qtbot: QtBot) -> None:
    window, lib, _article_id = reader
    dialog = open_preferences(window, pool=QThreadPool.globalInstance())
    assert lib.db_path is not None
    before = backup.backups(lib.db_path)
    rows_before = dialog.backup_model.rowCount()
    assert rows_before == len(before)
    with qtbot.waitSignal(dialog.backup_finished, timeout=20000) as finished:
        dialog.backup_now.click()
    made = Path(finished.args[0])
    assert made in backup.backups(lib.db_path) and made not in before
    check = sqlite3.connect(f"file:{made}?mode=ro", uri=True)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        check.close()
    assert dialog.backup_model.rowCount() == rows_before + 1
    assert "by hand" in dialog.backup_model.item(0, 0).text()  # newest first
    assert dialog.backup_now.isEnabled()


def test_a_library_that_is_not_a_sqlite_file_leaves_backups_to_the_server(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    assert dialog.backup_now.isHidden()
    texts = [label.text() for label in dialog.findChildren(type(dialog.location_label))]
    assert any("server" in text for text in texts)
    assert dialog.location_label.text() == window.library.location


def test_about_shows_the_version_library_and_analyser(reader: Reader, qtbot: QtBot) -> None:
    window, lib, _article_id = reader
    about = next(a for a in window.menus.help.actions() if a.objectName() == "AboutAction")
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert __version__ in dialog.version.text()
    assert dialog.facts["library"].text() == lib.location
    assert dialog.facts["analysis"].text() == ANALYZER_VERSION
    assert dialog.facts["model"].text()
    assert "SIL Open Font License" in dialog.fonts.text()
    shortcuts = dict(dialog.shortcuts)
    assert any(name.startswith("Preferences") for name in shortcuts)
    assert any(name.startswith("Export") for name in shortcuts)
    QApplication.processEvents()
