"""The colour legend at the foot of the Library: what each colour means, and how many highlights carry it.

A click on a row filters the Notes panel by that colour. Double-click (or the context menu) renames the meaning in
place; "Change Colour…" picks a new swatch. Both leave as intents and come back through the controller, so they
are undoable like every other annotation change.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

from gui.annotations.colors import Legend, LegendColor
from gui.i18n import arg
from gui.theme import current_tokens

ROW_HEIGHT = 23


class SwatchChip(QWidget):
    """A small square in the mark's background with the swatch as a stripe, like a highlighted letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(14, 14)
        self._swatch = QColor("#8A8F98")
        self._fill = QColor("#E6E7EA")

    def set_colors(self, swatch: QColor, fill: QColor) -> None:
        self._swatch, self._fill = swatch, fill
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # QWidget.paintEvent
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._fill)
        painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3)
        painter.setBrush(self._swatch)
        painter.drawRoundedRect(QRectF(0.5, 0.5, 4, 13), 2, 2)
        painter.end()


class LegendRow(QWidget):
    clicked = Signal(str)
    rename_requested = Signal(str, str)  # key, meaning
    recolor_requested = Signal(str, str)  # key, "#RRGGBB"

    def __init__(self, color: LegendColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = color.key
        self.setFixedHeight(ROW_HEIGHT)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.chip = SwatchChip(self)
        self.name = QLabel(color.meaning, self)
        self.name.setObjectName("LegendName")
        self.editor = QLineEdit(self)
        self.editor.setObjectName("LegendEditor")
        self.editor.setAccessibleName(self.tr("Meaning of the colour"))
        self.editor.hide()
        self.editor.editingFinished.connect(self._finish_rename)
        self.count = QLabel(self)
        self.count.setObjectName("LegendCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 0, 14, 0)
        layout.setSpacing(12)
        layout.addWidget(self.chip)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.count)
        self.set_color(color)

    def set_color(self, color: LegendColor) -> None:
        dark = current_tokens().dark
        self.chip.set_colors(QColor(color.swatch), Legend([color]).background(color.key, dark))
        self.name.setText(color.meaning)
        self.setAccessibleName(color.meaning)
        self.setToolTip(arg(self.tr("%1 — click to show only these highlights; double-click to rename"),
                            color.meaning))
        self._swatch = color.swatch

    def set_count(self, count: int) -> None:
        self.count.setText(f"{count:,}")

    def start_rename(self) -> None:
        self.editor.setText(self.name.text())
        self.name.hide()
        self.editor.show()
        self.editor.selectAll()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _finish_rename(self) -> None:
        if not self.editor.isVisible():
            return
        text = " ".join(self.editor.text().split())
        self.editor.hide()
        self.name.show()
        if text and text != self.name.text():
            self.rename_requested.emit(self.key, text)

    def choose_color(self) -> None:
        from PySide6.QtWidgets import QColorDialog  # loaded when first asked

        chosen = QColorDialog.getColor(QColor(self._swatch), self, self.tr("Colour for “%1”").replace(
            "%1", self.name.text()))
        if chosen.isValid():
            self.recolor_requested.emit(self.key, chosen.name().upper())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # QWidget.mouseReleaseEvent
        if event.button() == Qt.MouseButton.LeftButton and not self.editor.isVisible():
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # QWidget.mouseDoubleClickEvent
        self.start_rename()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # QWidget.contextMenuEvent
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), self.start_rename)
        menu.addAction(self.tr("Change Colour…"), self.choose_color)
        menu.exec(event.globalPos())


class LegendWidget(QWidget):
    color_clicked = Signal(str)
    rename_requested = Signal(str, str)
    recolor_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HighlightLegend")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = QLabel(self.tr("Highlight colours"), self)
        self.title.setObjectName("SectionLabel")
        font = QFont(self.title.font())
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
        self.title.setFont(font)
        self.rows: dict[str, LegendRow] = {}
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 10)
        layout.setSpacing(6)
        title_row = QHBoxLayout()
        title_row.setContentsMargins(16, 0, 14, 0)
        title_row.addWidget(self.title)
        layout.addLayout(title_row)
        layout.addLayout(self._rows_layout)
        self.refresh_theme()

    def set_legend(self, legend: Legend, counts: dict[str, int]) -> None:
        if list(self.rows) != legend.keys():
            for row in self.rows.values():
                self._rows_layout.removeWidget(row)
                row.hide()
                row.deleteLater()
            self.rows = {}
            for color in legend:
                row = LegendRow(color, self)
                row.clicked.connect(self.color_clicked)
                row.rename_requested.connect(self.rename_requested)
                row.recolor_requested.connect(self.recolor_requested)
                self._rows_layout.addWidget(row)
                self.rows[color.key] = row
        for color in legend:
            self.rows[color.key].set_color(color)
        self.set_counts(counts)

    def set_counts(self, counts: dict[str, int]) -> None:
        for key, row in self.rows.items():
            row.set_count(counts.get(key, 0))

    def refresh_theme(self) -> None:
        tokens = current_tokens()
        self.setStyleSheet(
            f"QWidget#HighlightLegend {{ background: {tokens.panel}; border-top: 1px solid {tokens.border}; }}"
            f"QLabel#LegendName {{ color: {tokens.text}; font-size: 13px; }}"
            f"QLabel#LegendCount {{ color: {tokens.text_tertiary}; font-size: 12px; }}"
            "QLineEdit#LegendEditor { padding: 1px 4px; border-radius: 5px; }"
        )
        for row in self.rows.values():
            row.chip.update()

