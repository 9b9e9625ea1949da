"""The library list as a model over article ids, with named roles for the delegate and for tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
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
    READ = Qt.ItemDataRole.UserRole + 10  # opened by the reader
    SWATCHES = Qt.ItemDataRole.UserRole + 11  # the legend's colour of each of COLORS ("#RRGGBB"; "" when unknown)


PAGE = 200  # rows fetched at a time when the list scrolls (one indexed query each)

# How a page is read off the GUI thread: ``load(work, deliver, failed)`` runs ``work()`` on a worker, then, on the GUI
# thread, ``deliver(result)`` or ``failed(line)``.
Loader = Callable[[Callable[[], list[Any]], Callable[[list[Any]], None], Callable[[str], None]], None]


_INDEX = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractListModel):
    """Rows are article ids; summaries and search snippets are looked up per id.

    Either every row is given (:meth:`set_summaries`, a search's hits), or the rows come a page at a time from
    ``fetch(offset, limit)`` as the view scrolls (:meth:`set_pager`), so that memory and the time to show the
    list do not grow with the library.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._summaries: dict[int, Any] = {}
        self._snippets: dict[int, tuple[str, tuple[tuple[int, int], ...]]] = {}
        self._fetch: Callable[[int, int], list[Any]] | None = None
        self._total = 0
        self._loader: Loader | None = None
        self._generation = 0  # rows set afresh: a page asked for the rows before arrives too late and is dropped
        self._loading = False

    def set_loader(self, loader: Loader | None) -> None:
        """Read the pages :meth:`fetchMore` asks for with ``loader`` (off the GUI thread); None: read them at once."""
        self._loader = loader

    def is_loading(self) -> bool:
        """A page asked for by :meth:`fetchMore` has not arrived yet."""
        return self._loading

    def set_summaries(self, summaries: list[Any], snippets: dict[int, tuple[str, tuple[tuple[int, int], ...]]]) -> None:
        self.beginResetModel()
        self._renew()
        self._ids = [s.id for s in summaries]
        self._summaries = {s.id: s for s in summaries}
        self._snippets = dict(snippets)
        self._fetch, self._total = None, len(self._ids)
        self.endResetModel()

    def set_pager(self, fetch: Callable[[int, int], list[Any]], total: int, first: int = PAGE,
                  rows: list[Any] | None = None) -> None:
        """Rows from ``fetch(offset, limit)``, ``total`` in all; the first ``first`` are read now, unless ``rows``
        gives the first rows already read (on a worker)."""
        self.beginResetModel()
        self._renew()
        self._fetch, self._total = fetch, max(0, total)
        self._ids, self._summaries, self._snippets = [], {}, {}
        if rows is None:
            rows = fetch(0, min(first, self._total)) if self._total else []
        self._append(rows)
        self.endResetModel()

    def _renew(self) -> None:
        self._generation += 1
        self._loading = False

    def total(self) -> int:
        """Rows in all, fetched or not."""
        return self._total if self._fetch is not None else len(self._ids)

    def canFetchMore(self, parent: _INDEX = QModelIndex()) -> bool:  # QAbstractListModel.canFetchMore  # noqa: B008
        return not parent.isValid() and self._fetch is not None and len(self._ids) < self._total

    def fetchMore(self, parent: _INDEX = QModelIndex()) -> None:  # QAbstractListModel.fetchMore  # noqa: B008
        """The next page: read by the loader when there is one (returns at once, the rows are inserted when they
        arrive; asking again meanwhile does nothing), else now."""
        if not self.canFetchMore(parent) or self._fetch is None or self._loading:
            return
        fetch, offset = self._fetch, len(self._ids)
        if self._loader is None:
            self._arrive(fetch(offset, PAGE))
            return
        generation = self._generation
        self._loading = True

        def deliver(rows: list[Any]) -> None:
            if generation != self._generation:  # rows set afresh since
                return
            self._loading = False
            if offset == len(self._ids):
                self._arrive(rows)

        def failed(_line: str) -> None:
            if generation == self._generation:
                self._loading = False
                self._total = len(self._ids)  # stop asking (the failure is reported by the loader)

        self._loader(lambda: fetch(offset, PAGE), deliver, failed)

    def fetch_now(self) -> bool:
        """Read the next page on this thread (finding a row that must be shown now); False when none is left."""
        if not self.canFetchMore() or self._fetch is None:
            return False
        if self._loading:  # the page being read is dropped when it arrives: its rows are read now
            self._renew()
        self._arrive(self._fetch(len(self._ids), PAGE))
        return True

    def _arrive(self, fetched: list[Any]) -> None:
        rows = [s for s in fetched if s.id not in self._summaries]
        if not rows:  # the library shrank since the count: stop asking
            self._total = len(self._ids)
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    def _append(self, rows: list[Any]) -> None:
        for s in rows:
            if s.id not in self._summaries:
                self._ids.append(s.id)
                self._summaries[s.id] = s

    def is_read(self, article_id: int) -> bool:
        summary = self._summaries.get(article_id)
        return bool(getattr(summary, "read", False)) if summary is not None else False

    def mark_read(self, article_id: int) -> None:
        """Show the article as read (the store is told separately)."""
        summary = self._summaries.get(article_id)
        if summary is None or not hasattr(summary, "read") or summary.read:
            return
        self._summaries[article_id] = replace(summary, read=True)
        row = self.row_of(article_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row), [int(Role.READ)])

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
        if role == Role.SWATCHES:
            return list(getattr(summary, "swatches", ()))
        if role == Role.ANALYSIS_STATUS:
            return str(getattr(summary, "analysis_status", "") or "")
        if role == Role.SNIPPET:
            return self._snippets.get(summary.id, ("", ()))[0]
        if role == Role.EDITED:
            return bool(getattr(summary, "edited", False))
        if role == Role.READ:
            return bool(getattr(summary, "read", False))
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
