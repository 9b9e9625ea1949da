"""The small questions a correction asks (new name, target entity, type), kept apart from the panel so that tests
can answer them without a modal dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from gui.entities.model import TYPE_ORDER, type_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("Entities", text)


class CorrectionPrompts:
    """Modal questions; every method returns None when the reader cancels."""

    def text(self, parent: QWidget, title: str, label: str, default: str) -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, default)
        return value.strip() or None if ok else None

    def choice(self, parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
        """The position of the chosen item. Nothing is chosen in advance: Enter on an untouched dialog must not
        merge two entities the reader never paired."""
        if not items:
            return None
        dialog = ChoiceDialog(parent, title, label, items)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ChoiceDialog(QDialog):
    """A filter box over a list with no current row; OK is enabled only once the reader picked a row (typing
    that leaves exactly one row picks it)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, items: Sequence[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._items = list(items)
        self.label = QLabel(label, self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_tr("Type to filter"))
        self.filter.setAccessibleName(_tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(label)
        self.list.addItems(self._items)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemSelectionChanged.connect(self._update_ok)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept_if_chosen())
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(340, 320)
        self.filter.setFocus()

    def chosen(self) -> int | None:
        selected = self.list.selectedItems()
        if len(selected) != 1 or selected[0].isHidden():
            return None
        return self.list.row(selected[0])

    def _apply_filter(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        visible = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            hide = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hide)
            if hide and item.isSelected():
                item.setSelected(False)
            if not hide:
                visible.append(item)
        if needle and len(visible) == 1:
            self.list.setCurrentItem(visible[0])
            visible[0].setSelected(True)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok.setEnabled(self.chosen() is not None)

    def _accept_if_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def name_and_type(
        self, parent: QWidget, title: str, default_name: str, default_type: str, known: Sequence[tuple[str, str]]
    ) -> tuple[str, str] | None:
        """A name (typed, or one of the ``known`` entities: its type follows) and a type."""
        dialog = NameTypeDialog(parent, title, default_name, default_type, known)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class NameTypeDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, title: str, name: str, type_: str, known: Sequence[tuple[str, str]]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._known = {n.casefold(): t for n, t in known}
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.addItems([n for n, _ in known])
        self.name.setEditText(name)
        self.name.setAccessibleName(_tr("Name"))
        self.type = QComboBox(self)
        for t in TYPE_ORDER:
            self.type.addItem(type_label(t, plural=False), t)
        self.type.setCurrentIndex(max(0, self.type.findData(type_)))
        self.type.setAccessibleName(_tr("Type"))
        self.name.currentTextChanged.connect(self._follow_known_type)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_tr("Name"), self.name)
        form.addRow(_tr("Type"), self.type)
        form.addRow(buttons)
        self.setMinimumWidth(320)

    def _follow_known_type(self, text: str) -> None:
        if (known := self._known.get(text.strip().casefold())) is not None:
            self.type.setCurrentIndex(max(0, self.type.findData(known)))

    def values(self) -> tuple[str, str] | None:
        name = " ".join(self.name.currentText().split())
        return (name, str(self.type.currentData())) if name else None
