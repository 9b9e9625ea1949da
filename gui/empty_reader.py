"""The reading area when no article is open: a short hint and the ways to bring one in, never a blank page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.icons import icon

COLUMN_WIDTH = 420


class EmptyReader(QWidget):
    def __init__(self, open_action: QAction, others: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyReader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.glyph = QLabel(self)
        self.glyph.setPixmap(icon("newsdesk").pixmap(40, 40))
        self.glyph.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.heading = QLabel(self)
        self.heading.setObjectName("EmptyReaderHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint = QLabel(self)
        self.hint.setObjectName("EmptyReaderHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint.setWordWrap(True)
        self.open_button = self._button(open_action, primary=True)
        self.buttons = [self.open_button, *(self._button(a) for a in others)]
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addStretch(1)
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        column = QWidget(self)  # a narrow column, so the hint wraps into a short paragraph
        column.setFixedWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.glyph)
        inner.addSpacing(10)
        inner.addWidget(self.heading)
        inner.addSpacing(2)
        inner.addWidget(self.hint)
        inner.addSpacing(14)
        inner.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.set_library_empty(True)

    def _button(self, action: QAction, primary: bool = False) -> QPushButton:
        button = QPushButton(action.iconText(), self)
        button.setObjectName("EmptyReaderPrimary" if primary else "EmptyReaderButton")
        button.setToolTip(action.toolTip())
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(action.trigger)
        return button

    def set_library_empty(self, empty: bool) -> None:
        """An empty library invites an import; otherwise the Library list is where to go."""
        if empty:
            self.heading.setText(self.tr("Your library is empty"))
            self.hint.setText(self.tr("Open a saved page or text file, import an article from the web or paste "
                                      "text. You can also drop files here."))
        else:
            self.heading.setText(self.tr("No article open"))
            self.hint.setText(self.tr("Choose an article in the Library, or bring in a new one."))
        self.hint.setMinimumHeight(self.hint.heightForWidth(COLUMN_WIDTH))  # every wrapped line shown
