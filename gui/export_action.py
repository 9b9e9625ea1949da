"""Export… in the reader: the action (Ctrl+E), the accent button at the right end of the toolbar, the File menu
entry, and opening the export dialog on the window's article and Library selection.

The dialog itself (and the export machinery behind it) is imported only when the reader first asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QToolButton

from gui.i18n import arg
from gui.icons import svg_icon
from gui.theme import current_tokens

if TYPE_CHECKING:
    from gui.export_dialog import ExportDialog
    from gui.main_window import MainWindow

EXPORT_SHORTCUT = QKeySequence("Ctrl+E")

# A tray with an arrow leaving it, drawn like the line icons of resources/icons.
EXPORT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 15V4"/><path d="M7.5 8.5 12 4'
    ' 16.5 8.5"/><path d="M4.5 14v4.5a1.5 1.5 0 0 0 1.5 1.5h12a1.5 1.5 0 0 0 1.5-1.5V14"/></svg>'
)


def export_icon(color: str) -> QIcon:
    return svg_icon(EXPORT_SVG, color, (16, 20, 24))


def style_export_button(button: QToolButton) -> None:
    t = current_tokens()
    hover = "#237C83" if not t.dark else "#74C6CB"
    button.setIcon(export_icon(t.on_accent))
    button.defaultAction().setIcon(export_icon(t.on_accent))
    button.setStyleSheet(
        f"QToolButton#ExportButton {{ background: {t.accent}; color: {t.on_accent}; border: none;"
        f" border-radius: 8px; padding: 6px 14px 6px 10px; font-weight: 600; }}"
        f" QToolButton#ExportButton:hover {{ background: {hover}; }}"
        f" QToolButton#ExportButton:focus {{ border: 1px solid {t.text}; }}"
    )


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
