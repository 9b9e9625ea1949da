"""Help ▸ About Newsdesk: the action. The dialog (:mod:`gui.about`) is imported when the reader first opens it, not
while the window is built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def install_about(window: MainWindow) -> QAction:
    """Help ▸ About Newsdesk (the application menu on macOS)."""
    action = QAction(window.tr("&About Newsdesk"), window)
    action.setObjectName("AboutAction")
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda: _open(window))
    window.menus.help.addAction(action)
    return action


def _open(window: MainWindow) -> None:
    from gui.about import open_about  # the dialog loads on first use

    open_about(window)
