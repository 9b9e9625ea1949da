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
    QLineEdit,
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
        """The position of the chosen item."""
        if not items:
            return None
        value, ok = QInputDialog.getItem(parent, title, label, list(items), 0, False)
        return list(items).index(value) if ok and value in items else None

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
