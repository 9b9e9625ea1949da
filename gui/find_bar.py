"""Find in article (Ctrl+F): every match marked in the text, the current one selected, F3 / Shift+F3 to step.

Matching is done on the canonical text in Python (case-insensitive), so the matches are code-point ranges like
every other mark and go through the view's ``find`` layer.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from gui.article_view import ArticleView
from gui.i18n import arg
from gui.icons import clear_button_when_typed, icon
from gui.theme import current_tokens

FIND_LAYER = "find"


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping case-insensitive occurrences of ``query`` as [start, end) code points."""
    if not query:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FindBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.field = QLineEdit(self)
        self.field.setObjectName("FindField")
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setAccessibleName(self.tr("Find in article"))
        clear_button_when_typed(self.field)
        self.count = QLabel(self)
        self.count.setObjectName("FindCount")
        self.count.setAccessibleName(self.tr("Matches"))
        self.previous_button = self._button("up", self.tr("Previous match (Shift+F3)"))
        self.next_button = self._button("down", self.tr("Next match (F3)"))
        self.close_button = self._button("close", self.tr("Close find bar (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 12, 6)
        layout.setSpacing(6)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addStretch(0)
        layout.addWidget(self.close_button)
        self.field.setMaximumWidth(360)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        view.article_changed.connect(self._on_article_changed)
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # QWidget.changeEvent
        """A theme switch changes the application palette: the icons are redrawn in the new text colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "close_button"):
            self.refresh_icons()

    def refresh_icons(self) -> None:
        color = current_tokens().text_secondary
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setIcon(icon(str(button.property("iconName")), color))

    def _button(self, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("FindButton")
        button.setProperty("iconName", name)
        button.setIcon(icon(name, current_tokens().text_secondary))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def current_index(self) -> int:
        return self._current

    def open_bar(self) -> None:
        self.show()
        selected = self._view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search()

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self._view.clear_layer(FIND_LAYER)
        self._view.setFocus()
        self.closed.emit()

    @Slot()
    def _search(self) -> None:
        article = self._view.article()
        self._matches = find_matches(article.text if article else "", self.field.text())
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(current_tokens().find_match))
        self._view.set_layer(FIND_LAYER, self._matches, fmt, order=10)
        self._current = -1
        if self._matches:
            self._go(0)
        else:
            self._update_count()

    @Slot()
    def find_next(self) -> None:
        if self._matches:
            self._go((self._current + 1) % len(self._matches))

    @Slot()
    def find_previous(self) -> None:
        if self._matches:
            self._go((self._current - 1) % len(self._matches))

    def _go(self, index: int) -> None:
        self._current = index
        start, end = self._matches[index]
        self._view.select_range(start, end)
        self._update_count()

    def _update_count(self) -> None:
        query = self.field.text()
        if not query:
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(arg(self.tr("%1 of %2"), self._current + 1, len(self._matches)))
        no_match = bool(query) and not self._matches
        if self.field.property("noMatch") != no_match:
            self.field.setProperty("noMatch", no_match)
            self.field.style().unpolish(self.field)
            self.field.style().polish(self.field)

    @Slot(object)
    def _on_article_changed(self, _article: object) -> None:
        if self.isVisible():
            self._search()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # QWidget.keyPressEvent
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.matches(QKeySequence.StandardKey.FindPrevious) or (
            event.key() == Qt.Key.Key_Return and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
        else:
            super().keyPressEvent(event)
