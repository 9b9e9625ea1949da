"""The small floating bar over a selection: six colour swatches, note, tag, copy (and delete on a highlight).

It lives on the reading view's viewport, so it scrolls with the text and never takes the focus from it (buttons do
not accept focus; the keyboard has Ctrl+1…6 and Ctrl+Alt+M). It only emits intents; the feature decides whether
they create a highlight or change the one that is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QToolButton, QWidget

from gui.annotations.colors import Legend
from gui.annotations.glyphs import dot_icon, glyph_icon
from gui.annotations.tag_completer import TagCompleter, parse_tags
from gui.i18n import arg
from gui.theme import current_tokens

HEIGHT = 36
GAP = 8  # between the bar and the line it floats over


class SelectionBar(QFrame):
    color_chosen = Signal(str)
    note_requested = Signal()
    tags_entered = Signal(list)
    copy_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("SelectionBar")
        self.setAccessibleName(self.tr("Highlight selection"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setFixedHeight(HEIGHT)
        self._legend = Legend()
        self._current: str | None = None
        self.swatches: dict[str, QToolButton] = {}
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(10, 0, 8, 0)
        self._row.setSpacing(2)
        self._swatch_row = QHBoxLayout()
        self._swatch_row.setSpacing(2)
        self._row.addLayout(self._swatch_row)
        self._divider = QFrame(self)
        self._divider.setFixedSize(1, 18)
        self._row.addSpacing(6)
        self._row.addWidget(self._divider)
        self._row.addSpacing(6)
        self.note_button = self._tool(self.tr("Highlight with note (Ctrl+Alt+M)"), self.note_requested.emit)
        self.tag_button = self._tool(self.tr("Tag…"), self.start_tag_entry)
        self.copy_button = self._tool(self.tr("Copy"), self.copy_requested.emit)
        self.delete_button = self._tool(self.tr("Delete highlight"), self.delete_requested.emit)
        self.tag_field = QLineEdit(self)
        self.tag_field.setObjectName("SelectionBarTags")
        self.tag_field.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tag_field.setAccessibleName(self.tr("Tags"))
        self.tag_field.setFixedWidth(220)
        self.completer = TagCompleter(parent=self)
        self.tag_field.setCompleter(self.completer)
        self.tag_field.returnPressed.connect(self._commit_tags)
        self.tag_field.installEventFilter(self)
        self.tag_field.hide()
        self._row.addWidget(self.tag_field)
        self.set_legend(self._legend)
        self.refresh_theme()
        self.hide()

    def _tool(self, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0].rstrip("…"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        button.setIconSize(QSize(18, 18))
        button.setFixedSize(28, 28)
        button.clicked.connect(slot)
        self._row.addWidget(button)
        return button

    # -- content ---------------------------------------------------------------------------------------------------

    def set_legend(self, legend: Legend) -> None:
        self._legend = legend
        for button in self.swatches.values():
            self._swatch_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.swatches = {}
        for index, color in enumerate(legend):
            button = QToolButton(self)
            button.setObjectName("SwatchButton")
            shortcut = f" (Ctrl+{index + 1})" if index < 9 else ""
            button.setToolTip(color.meaning + shortcut)
            button.setAccessibleName(arg(self.tr("Highlight: %1"), color.meaning))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
            button.setIconSize(QSize(18, 18))
            button.setFixedSize(24, 28)
            button.clicked.connect(lambda _checked=False, key=color.key: self.color_chosen.emit(key))
            self._swatch_row.addWidget(button)
            self.swatches[color.key] = button
        self._paint_swatches()
        self.adjustSize()

    def set_current(self, color: str | None, existing: bool) -> None:
        """Mark the colour of the selected highlight (None for a fresh selection) and offer delete on one."""
        self._current = color
        self.delete_button.setVisible(existing)
        self._paint_swatches()
        self.adjustSize()

    def _paint_swatches(self) -> None:
        ring = "#FFFFFF" if not current_tokens().dark else current_tokens().text
        for key, button in self.swatches.items():
            button.setIcon(dot_icon(self._legend.swatch(key), ring if key == self._current else None, 18))

    def refresh_theme(self) -> None:
        tokens = current_tokens()
        fg = "#E6E4DF"
        self._divider.setStyleSheet("background: rgba(255,255,255,0.18);")
        for button, name in ((self.note_button, "note"), (self.tag_button, "tag"), (self.copy_button, "copy"),
                             (self.delete_button, "delete")):
            button.setIcon(glyph_icon(name, fg))
        self.setStyleSheet(
            "QToolButton { background: transparent; border: none; border-radius: 6px; }"
            "QToolButton:hover { background: rgba(255,255,255,0.14); }"
            f"QLineEdit#SelectionBarTags {{ background: {'#2E3137' if not tokens.dark else '#1C1D21'};"
            f" color: {fg}; border: 1px solid rgba(255,255,255,0.2); border-radius: 6px; padding: 2px 6px; }}"
        )
        self._paint_swatches()
        self.update()

    # -- placement -----------------------------------------------------------------------------------------------

    def show_near(self, first_line: QRect, last_line: QRect, bounds: QRect) -> None:
        """Float above the selection's first line, or under its last line when there is no room above."""
        self.adjustSize()
        width = self.sizeHint().width()
        x = min(max(bounds.left(), first_line.left() - 12), bounds.right() - width)
        y = first_line.top() - HEIGHT - GAP
        if y < bounds.top() + 4:
            y = last_line.bottom() + GAP
        self.setGeometry(QRect(QPoint(max(4, x), y), QSize(width, HEIGHT)))
        self.show()
        self.raise_()

    # -- tags ------------------------------------------------------------------------------------------------------

    @Slot()
    def start_tag_entry(self) -> None:
        for button in (*self.swatches.values(), self.note_button, self.tag_button, self.copy_button,
                       self.delete_button):
            button.setVisible(False)
        self._divider.hide()
        self.tag_field.clear()
        self.tag_field.show()
        self.adjustSize()
        self.resize(self.sizeHint().width(), HEIGHT)
        self.tag_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def end_tag_entry(self) -> None:
        if not self.tag_field.isVisible():
            return
        self.tag_field.hide()
        for button in (*self.swatches.values(), self.note_button, self.tag_button, self.copy_button):
            button.setVisible(True)
        self._divider.show()
        self.adjustSize()
        self.resize(self.sizeHint().width(), HEIGHT)

    def tag_entry_active(self) -> bool:
        return self.tag_field.isVisible()

    @Slot()
    def _commit_tags(self) -> None:
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            return
        tags = parse_tags(self.tag_field.text())
        self.end_tag_entry()
        if tags:
            self.tags_entered.emit(tags)

    def eventFilter(self, watched: object, event: object) -> bool:  # QObject.eventFilter
        if watched is self.tag_field and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            if event.type() == QKeyEvent.Type.KeyPress:
                self.end_tag_entry()
                return True
        return False

    # -- look --------------------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # QFrame.paintEvent
        tokens = current_tokens()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 40))
        painter.drawRoundedRect(self.rect().adjusted(1, 2, -1, 0), 10, 10)
        painter.setBrush(QColor("#24272C" if not tokens.dark else "#2C2E34"))
        painter.drawRoundedRect(self.rect().adjusted(0, 0, 0, -2), 10, 10)
        painter.end()
