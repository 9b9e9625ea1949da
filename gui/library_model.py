"""The library list as a model over article ids, with named roles for the delegate and for tests."""

from __future__ import annotations

from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from gui.article_header import format_published


class Summary(Protocol):
    id: int
    title: str
    source: str
    publisher: str
    published: str | None


class Role(IntEnum):
    ARTICLE_ID = Qt.ItemDataRole.UserRole + 1
    TITLE = Qt.ItemDataRole.UserRole + 2
    SOURCE_LINE = Qt.ItemDataRole.UserRole + 3  # "publisher · date"
    HIGHLIGHT_COUNT = Qt.ItemDataRole.UserRole + 4
    COLORS = Qt.ItemDataRole.UserRole + 5  # highlight colour keys, most used first
    SNIPPET = Qt.ItemDataRole.UserRole + 6  # search context, with [start, end) marks
    SNIPPET_MARKS = Qt.ItemDataRole.UserRole + 7
    EDITED = Qt.ItemDataRole.UserRole + 8  # the text changed since the first import (more than one revision)
    ANALYSIS_STATUS = Qt.ItemDataRole.UserRole + 9  # "failed" | "partial" | "" (complete or not yet analysed)


_INDEX = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractListModel):
    """Rows are article ids; summaries and search snippets are looked up per id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._summaries: dict[int, Any] = {}
        self._snippets: dict[int, tuple[str, tuple[tuple[int, int], ...]]] = {}

    def set_summaries(self, summaries: list[Any], snippets: dict[int, tuple[str, tuple[tuple[int, int], ...]]]) -> None:
        self.beginResetModel()
        self._ids = [s.id for s in summaries]
        self._summaries = {s.id: s for s in summaries}
        self._snippets = dict(snippets)
        self.endResetModel()

    def article_ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, article_id: int) -> int:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # QAbstractListModel.rowCount  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # QAbstractListModel.data
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        summary = self._summaries[self._ids[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Role.TITLE):
            return summary.title or summary.source
        if role == Role.ARTICLE_ID:
            return summary.id
        if role == Role.SOURCE_LINE:
            return self._source_line(summary)
        if role == Role.HIGHLIGHT_COUNT:
            return int(getattr(summary, "highlight_count", 0))
        if role == Role.COLORS:
            return list(getattr(summary, "colors", ()))
        if role == Role.ANALYSIS_STATUS:
            return str(getattr(summary, "analysis_status", "") or "")
        if role == Role.SNIPPET:
            return self._snippets.get(summary.id, ("", ()))[0]
        if role == Role.EDITED:
            return bool(getattr(summary, "edited", False))
        if role == Role.SNIPPET_MARKS:
            return list(self._snippets.get(summary.id, ("", ()))[1])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            line = self._source_line(summary)
            status = str(getattr(summary, "analysis_status", "") or "")
            if status:
                said = "analysis failed" if status == "failed" else "partly analysed"
                line = " · ".join(p for p in (line, said) if p)
            return f"{summary.title or summary.source}\n{line}" if line else summary.title or summary.source
        return None

    def roleNames(self) -> dict[int, QByteArray]:  # QAbstractListModel.roleNames
        names = super().roleNames()
        for role in Role:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def flags(self, index: _INDEX) -> Qt.ItemFlag:  # QAbstractListModel.flags
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    @staticmethod
    def _source_line(summary: Summary) -> str:
        who = summary.publisher or _short_source(summary.source)
        when = format_published(summary.published, short=True)
        return " · ".join(part for part in (who, when) if part)


def _short_source(source: str) -> str:
    """A readable origin for articles without a publisher: the host of a URL or a file's name."""
    if "://" in source:
        return source.split("://", 1)[1].split("/", 1)[0]
    return source.replace("\\", "/").rsplit("/", 1)[-1]
