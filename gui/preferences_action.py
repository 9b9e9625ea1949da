"""Edit ▸ Preferences…: the action and the View ▸ Appearance checks kept in step with it.

The dialog (:mod:`gui.preferences`, with the backup and export machinery behind it) is imported when the reader
first opens it, not while the window is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def install_preferences(window: MainWindow) -> QAction:
    """Edit ▸ Preferences… (Ctrl+, ; the application menu on macOS) and the View ▸ Appearance checks kept in step."""
    action = QAction(window.tr("Pre&ferences…"), window)
    action.setObjectName("PreferencesAction")
    action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")])
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: _open(window))
    window.addAction(action)
    window.menus.edit.addSeparator()
    window.menus.edit.addAction(action)
    theme = window.theme
    if theme is not None:
        theme.changed.connect(lambda _tokens: _check_appearance_menu(window, theme.preference()))
    return action


def _open(window: MainWindow) -> None:
    from gui.preferences import open_preferences  # the dialog loads on first use

    open_preferences(window)


def _check_appearance_menu(window: MainWindow, preference: str) -> None:
    """View ▸ Appearance shows the choice made here."""
    for value, action in window.menus.appearance.items():
        action.setChecked(value == preference)
