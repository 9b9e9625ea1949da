"""The main window's menu bar, and the menus features add their entries to (never looked up by their visible text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from gui.main_window import MainWindow


@dataclass
class WindowMenus:
    """The menus of the menu bar, for features that add their entries (never looked up by their visible text)."""

    file: QMenu
    recent: QMenu
    edit: QMenu
    view: QMenu
    panels: QMenu
    help: QMenu
    appearance: dict[str, QAction] = field(default_factory=dict)  # "system" | "light" | "dark" -> its check entry


def build_menus(window: MainWindow) -> WindowMenus:
    """The menu bar: File, Edit, View (with Panels and Appearance) and Help; features add their entries later."""
    menu_bar = window.menuBar()
    file_menu = menu_bar.addMenu(window.tr("&File"))
    file_menu.addAction(window.open_action)
    recent_menu = file_menu.addMenu(window.tr("Open &Recent"))
    recent_menu.aboutToShow.connect(window.imports.fill_recent_menu)
    file_menu.addAction(window.import_url_action)
    file_menu.addAction(window.paste_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    edit_menu = menu_bar.addMenu(window.tr("&Edit"))
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.copy_action)
    edit_menu.addSeparator()
    for action in (window.find_action, window.find_next_action, window.find_previous_action, window.search_action):
        edit_menu.addAction(action)

    view_menu = menu_bar.addMenu(window.tr("&View"))
    for action in (window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action):
        view_menu.addAction(action)
    view_menu.addSeparator()
    panels_menu = view_menu.addMenu(window.tr("&Panels"))
    panels_menu.addAction(window.library_dock.toggleViewAction())
    toolbar_toggle = window.toolbar.toggleViewAction()
    toolbar_toggle.setText(window.tr("&Toolbar"))
    view_menu.addAction(toolbar_toggle)
    menus = WindowMenus(file_menu, recent_menu, edit_menu, view_menu, panels_menu, menu_bar.addMenu(window.tr("&Help")))
    if window.theme is not None:
        appearance = view_menu.addMenu(window.tr("&Appearance"))
        group = QActionGroup(window)
        current = window.theme.preference()
        for value, label in (("system", window.tr("Follow &System")), ("light", window.tr("&Light")),
                             ("dark", window.tr("&Dark"))):
            action = appearance.addAction(label)
            action.setCheckable(True)
            action.setChecked(value == current)
            action.triggered.connect(partial(window.theme.set_preference, value))
            group.addAction(action)
            menus.appearance[value] = action
    return menus
