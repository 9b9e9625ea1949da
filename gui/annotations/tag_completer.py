"""Completion of tags inside a comma-separated list: only the tag being typed is completed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class TagCompleter(QCompleter):
    def __init__(self, tags: Iterable[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(list(tags), self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_tags(self, tags: Iterable[str]) -> None:
        self._model.setStringList(list(tags))

    def tags(self) -> list[str]:
        return self._model.stringList()

    def splitPath(self, path: str) -> list[str]:  # QCompleter.splitPath
        return [path.split(",")[-1].strip().lstrip("#")]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # QCompleter.pathFromIndex
        chosen = str(index.data())
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = [part.strip() for part in typed.split(",")[:-1] if part.strip()]
        return ", ".join([*before, chosen]) + ", "


def parse_tags(text: str) -> list[str]:
    """Tags typed as "a, b, #c" (commas separate; white space inside a tag is kept)."""
    from models.store.annotations import normalize_tags  # the store's module: loaded after the first paint

    return normalize_tags(text.split(","))
