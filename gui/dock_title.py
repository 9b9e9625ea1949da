"""The 36 px title bar of every dock: a name and a count (Library 128, Entities 15 …).

Dragging the bar still moves the dock (Qt treats a custom title widget as the drag handle); closing is done from
View ▸ Panels, which uses the dock's toggle action.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

HEIGHT = 36


class DockTitle(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DockTitle")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.text = QLabel(title, self)
        self.text.setObjectName("DockTitleText")
        self.count = QLabel(self)
        self.count.setObjectName("DockTitleCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 0, 14, 0)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.count)
        self.setFixedHeight(HEIGHT)

    def sizeHint(self) -> QSize:  # QWidget.sizeHint (QDockWidget sizes its title bar from the hint)
        return QSize(super().sizeHint().width(), HEIGHT)

    def minimumSizeHint(self) -> QSize:  # QWidget.minimumSizeHint
        return QSize(super().minimumSizeHint().width(), HEIGHT)

    def set_count(self, count: int | None) -> None:
        self.count.setText("" if count is None else f"{count:,}")
