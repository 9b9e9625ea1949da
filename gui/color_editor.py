"""One colour of the highlight legend in Preferences: its swatch (click to recolour) and its meaning (edit to
rename); the dialog turns the requests into undoable legend edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from gui.annotations.colors import Legend, LegendColor
from gui.annotations.legend import SwatchChip
from gui.i18n import arg
from gui.theme import current_tokens


class ColorEditor(QWidget):
    """One colour of the legend: its swatch (click to recolour) and its meaning (edit to rename)."""

    rename_requested = Signal(str, str)  # key, meaning
    recolor_requested = Signal(str, str)  # key, "#RRGGBB"

    def __init__(self, color: LegendColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = color.key
        self.swatch = color.swatch
        self.chip = SwatchChip(self)
        self.button = QToolButton(self)
        self.button.setObjectName("PreferencesSwatch")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setFixedWidth(96)
        self.button.clicked.connect(self.choose_color)
        self.meaning = QLineEdit(self)
        self.meaning.editingFinished.connect(self._finish_rename)
        self.key_label = QLabel(self)
        self.key_label.setObjectName("PreferencesHint")
        self.key_label.setFixedWidth(44)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.chip)
        layout.addWidget(self.meaning, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.key_label)
        self.set_color(color)

    def set_color(self, color: LegendColor) -> None:
        self.swatch = color.swatch
        self.chip.set_colors(QColor(color.swatch), Legend([color]).background(color.key, current_tokens().dark))
        if not self.meaning.hasFocus() or self.meaning.text() == "":
            self.meaning.setText(color.meaning)
        self.meaning.setAccessibleName(arg(self.tr("Meaning of the %1 highlight colour"), color.key))
        self.button.setText(color.swatch.upper())
        self.button.setAccessibleName(arg(self.tr("Change the %1 colour"), color.meaning))
        self.button.setToolTip(arg(self.tr("Pick another colour for “%1”"), color.meaning))
        self.button.setStyleSheet(
            f"QToolButton#PreferencesSwatch {{ border-left: 12px solid {color.swatch}; }}"
        )
        self.key_label.setText(color.key)

    @Slot()
    def _finish_rename(self) -> None:
        text = " ".join(self.meaning.text().split())
        if text:
            self.rename_requested.emit(self.key, text)

    @Slot()
    def choose_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.swatch), self, self.tr("Colour for “%1”").replace(
            "%1", self.meaning.text()))
        if chosen.isValid():
            self.recolor_requested.emit(self.key, chosen.name().upper())
