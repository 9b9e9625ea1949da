"""Export… in the reader: the action (Ctrl+E), the accent button at the right end of the toolbar, the File menu
entry, and opening the export dialog on the window's article and Library selection.

The dialog itself (and the export machinery behind it) is imported only when the reader first asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from gui.export_widgets import style_export_button
from gui.i18n import arg

if TYPE_CHECKING:
    from gui.export_dialog import ExportDialog
    from gui.main_window import MainWindow

EXPORT_SHORTCUT = QKeySequence("Ctrl+E")


def open_export_dialog(window: MainWindow) -> ExportDialog:
    """The dialog on the window's open article and Library selection, window-modal, deleted when closed."""
    from gui.export_dialog import ExportDialog  # built on first use, not at start-up

    dialog = ExportDialog(
        window.library, window.current_article_id(), selected_articles(window), window.runner, window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


def selected_articles(window: MainWindow) -> list[int]:
    from gui.library_model import Role

    panel = window.library_panel
    rows = sorted(panel.list.selectionModel().selectedIndexes(), key=lambda i: i.row())
    return [int(i.data(Role.ARTICLE_ID)) for i in rows if i.data(Role.ARTICLE_ID) is not None]


def install_export(window: MainWindow) -> QAction:
    """File ▸ Export… (Ctrl+E) and the accent Export button at the right end of the toolbar."""
    action = QAction(window.tr("&Export…"), window)
    action.setObjectName("ExportAction")
    action.setShortcut(EXPORT_SHORTCUT)
    action.setIconText(window.tr("Export"))
    keys = EXPORT_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(arg(window.tr("Export highlights and notes (%1)"), keys))
    action.setIconVisibleInMenu(False)
    action.triggered.connect(lambda: open_export_dialog(window))
    window.addAction(action)  # the shortcut works with the toolbar and menu bar hidden

    toolbar = window.toolbar
    button = QToolButton(toolbar)
    button.setObjectName("ExportButton")
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setIconSize(QSize(16, 16))
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    style_export_button(button)
    toolbar.addWidget(button)
    if window.theme is not None:
        window.theme.changed.connect(lambda _tokens: style_export_button(button))

    file_menu = window.menus.file
    separators = [a for a in file_menu.actions() if a.isSeparator()]
    if separators:
        file_menu.insertAction(separators[-1], action)  # above Quit
        file_menu.insertSeparator(action)
    else:
        file_menu.addSeparator()
        file_menu.addAction(action)
    return action
