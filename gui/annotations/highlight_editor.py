"""The editor under the Notes list for the selected highlight: colour, note (plain text, Markdown), tags, delete.

Typing is committed after a short pause, on leaving the field and when another highlight is chosen; consecutive
note commits of one highlight merge into one undo step (see :class:`~gui.annotations.commands.UpdateHighlight`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from gui.annotations.colors import Legend
from gui.annotations.glyphs import dot_icon, glyph_icon
from gui.annotations.tag_completer import TagCompleter, parse_tags
from gui.i18n import arg
from gui.theme import current_tokens
from models.store.records import Annotation

COMMIT_DELAY_MS = 700


class NoteField(QPlainTextEdit):
    """Plain-text note entry that stays compact until it is being written in."""

    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None, compact: int = 56, expanded: int = 120) -> None:
        super().__init__(parent)
        self._heights = (compact, expanded)
        self._set_compact(True)

    def _set_compact(self, compact: bool) -> None:
        # Compact and single-line shows whole lines only; writing gets the room and the wrapping back.
        single = compact and self._heights[0] < 44
        self.setFixedHeight(self._heights[0] if compact else self._heights[1])
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap if single else QPlainTextEdit.LineWrapMode.WidgetWidth)
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if single else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.setVerticalScrollBarPolicy(policy)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def focusInEvent(self, event: QFocusEvent) -> None:  # QPlainTextEdit.focusInEvent
        super().focusInEvent(event)
        self._set_compact(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # QPlainTextEdit.focusOutEvent
        super().focusOutEvent(event)
        self._set_compact(True)
        self.horizontalScrollBar().setValue(0)
        self.focus_left.emit()


class HighlightEditor(QWidget):
    note_edited = Signal(str, str)  # id, note
    tags_edited = Signal(str, list)  # id, tags
    color_change_requested = Signal(str, str)  # id, colour key
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HighlightEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._id: str | None = None
        self._legend = Legend()
        self._color: str | None = None
        self.title = QLabel(self.tr("Selected highlight"), self)
        self.title.setObjectName("NotesSection")
        self.swatches: dict[str, QToolButton] = {}
        self._swatch_row = QHBoxLayout()
        self._swatch_row.setSpacing(2)
        self.delete_button = QToolButton(self)
        self.delete_button.setObjectName("NotesTool")
        self.delete_button.setToolTip(self.tr("Delete highlight (Del)"))
        self.delete_button.setAccessibleName(self.tr("Delete highlight"))
        self.delete_button.setIconSize(QSize(16, 16))
        self.delete_button.clicked.connect(self._request_delete)
        self.note = NoteField(self)
        self.note.setObjectName("NoteField")
        self.note.setPlaceholderText(self.tr("Write a note… (Markdown: **bold**, *italic*, lists, links)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("TagField")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.completer = TagCompleter(parent=self)
        self.tags.setCompleter(self.completer)
        self._timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit_note)
        self.note.textChanged.connect(self._timer.start)
        self.note.focus_left.connect(self.commit_note)
        self.tags.editingFinished.connect(self.commit_tags)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addLayout(self._swatch_row)
        head.addSpacing(4)
        head.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.tags)
        self.set_legend(self._legend)
        self.refresh_theme()
        self.show_annotation(None)

    def annotation_id(self) -> str | None:
        return self._id

    def set_legend(self, legend: Legend) -> None:
        self._legend = legend
        for button in self.swatches.values():
            self._swatch_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.swatches = {}
        for color in legend:
            button = QToolButton(self)
            button.setObjectName("NotesTool")
            button.setToolTip(arg(self.tr("Change colour to %1"), color.meaning))
            button.setAccessibleName(arg(self.tr("Colour: %1"), color.meaning))
            button.setIconSize(QSize(16, 16))
            button.clicked.connect(lambda _checked=False, key=color.key: self._request_color(key))
            self._swatch_row.addWidget(button)
            self.swatches[color.key] = button
        self._paint_swatches()

    def set_tags(self, tags: list[str]) -> None:
        self.completer.set_tags(tags)

    def refresh_theme(self) -> None:
        self.delete_button.setIcon(glyph_icon("delete", current_tokens().text_secondary))
        self._paint_swatches()

    def _paint_swatches(self) -> None:
        ring = current_tokens().text
        for key, button in self.swatches.items():
            button.setIcon(dot_icon(self._legend.swatch(key), ring if key == self._color else None, 16))

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Edit this annotation (None hides the editor); pending typing for the previous one is saved first."""
        if annotation is None or annotation.id != self._id:
            self.commit_note()
            self.commit_tags()
        self._id = annotation.id if annotation is not None else None
        self.setVisible(annotation is not None)
        if annotation is None:
            return
        self._color = annotation.color
        self._paint_swatches()
        if self.note.toPlainText() != annotation.note:
            self.note.blockSignals(True)
            self.note.setPlainText(annotation.note)
            self.note.blockSignals(False)
        tags = ", ".join(annotation.tags)
        if parse_tags(self.tags.text()) != list(annotation.tags):
            self.tags.setText(tags)

    @Slot()
    def commit_note(self) -> None:
        self._timer.stop()
        if self._id is not None:
            self.note_edited.emit(self._id, self.note.toPlainText())

    @Slot()
    def commit_tags(self) -> None:
        if self._id is not None:
            self.tags_edited.emit(self._id, parse_tags(self.tags.text()))

    def _request_color(self, key: str) -> None:
        if self._id is not None:
            self.color_change_requested.emit(self._id, key)

    @Slot()
    def _request_delete(self) -> None:
        if self._id is not None:
            self._timer.stop()
            self.delete_requested.emit(self._id)
