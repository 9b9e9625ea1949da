"""The toolbar's "Highlight" group: the six colours, acting on the selection (or the selected highlight)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from gui.annotations.colors import Legend
from gui.annotations.glyphs import dot_icon
from gui.i18n import arg
from gui.theme import current_tokens


class ToolbarSwatches(QWidget):
    color_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ToolbarSwatches")
        self.label = QLabel(self.tr("Highlight"), self)
        self.label.setObjectName("ToolbarSwatchesLabel")
        self.buttons: dict[str, QToolButton] = {}
        self._legend = Legend()
        self._current: str | None = None
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 12, 0)
        self._row.setSpacing(0)
        self._row.addWidget(self.label)
        self._row.addSpacing(6)
        self.set_legend(self._legend)

    def set_legend(self, legend: Legend) -> None:
        self._legend = legend
        for button in self.buttons.values():
            self._row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = {}
        for index, color in enumerate(legend):
            button = QToolButton(self)
            button.setObjectName("ToolbarSwatch")
            button.setToolTip(f"{color.meaning} (Ctrl+{index + 1})" if index < 9 else color.meaning)
            button.setAccessibleName(arg(self.tr("Highlight: %1"), color.meaning))
            button.setIconSize(QSize(20, 20))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, key=color.key: self.color_chosen.emit(key))
            self._row.addWidget(button)
            self.buttons[color.key] = button
        self.refresh_theme()

    def set_current(self, key: str | None) -> None:
        """Ring the colour the next highlight gets from the toolbar (the one used last)."""
        self._current = key
        self.refresh_theme()

    def refresh_theme(self) -> None:
        tokens = current_tokens()
        self.label.setStyleSheet(f"color: {tokens.text_secondary}; font-size: 12px;")
        for key, button in self.buttons.items():
            ring = tokens.text if key == self._current else None
            button.setIcon(dot_icon(self._legend.swatch(key), ring, 20))
            button.setStyleSheet(
                "QToolButton { background: transparent; border: none; border-radius: 10px; padding: 2px; }"
                f"QToolButton:hover {{ background: {tokens.hover}; }}"
            )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
