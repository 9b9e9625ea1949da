"""The Notes list as a model over annotation ids, filtered (colour, tag, text) and sorted (position, created,
colour) in memory, with named roles for the delegate and the tests.

The same filters as ``AnnotationStore.list`` are applied here to the records already loaded, so typing in the
filter box or a change to one highlight costs no query; a change that leaves the order alone is one
``dataChanged`` with the roles that moved.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, QPersistentModelIndex, Qt

from gui.annotations.colors import Legend
from models.store.records import Annotation

ORDERS = ("position", "created", "color")
_INDEX = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    ARTICLE_ID = Qt.ItemDataRole.UserRole + 2
    START = Qt.ItemDataRole.UserRole + 3
    END = Qt.ItemDataRole.UserRole + 4
    COLOR = Qt.ItemDataRole.UserRole + 5  # legend key
    SWATCH = Qt.ItemDataRole.UserRole + 6  # "#RRGGBB"
    MEANING = Qt.ItemDataRole.UserRole + 7
    QUOTE = Qt.ItemDataRole.UserRole + 8
    NOTE = Qt.ItemDataRole.UserRole + 9  # Markdown as typed
    TAGS = Qt.ItemDataRole.UserRole + 10  # list[str]
    STATUS = Qt.ItemDataRole.UserRole + 11  # anchored | orphan
    CREATED = Qt.ItemDataRole.UserRole + 12
    ARTICLE_TITLE = Qt.ItemDataRole.UserRole + 13  # in the library-wide view
    MODIFIED = Qt.ItemDataRole.UserRole + 14
    FATE = Qt.ItemDataRole.UserRole + 15  # what the article's last edit did to it: orphaned | edited | moved | None


def matches(a: Annotation, colors: set[str] | None, tag: str | None, text: str) -> bool:
    """The store's filter semantics: any of the colours, the tag ignoring case and '#', text in quote or note."""
    if colors is not None and a.color not in colors:
        return False
    if tag:
        from models.store.annotations import normalize_tags  # the store's module: loaded after the first paint

        wanted = {t.casefold() for t in normalize_tags([tag])}
        if wanted and not wanted & {t.casefold() for t in a.tags}:
            return False
    if text:
        needle = " ".join(text.split()).casefold()
        if needle not in " ".join(f"{a.exact}\n{a.note}".split()).casefold():
            return False
    return True


class NotesModel(QAbstractListModel):
    def __init__(self, status: str | None = "anchored", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self._items: dict[str, Annotation] = {}
        self._ids: list[str] = []
        self._titles: dict[int, str] = {}
        self._legend = Legend()
        self._colors: set[str] | None = None
        self._tag: str | None = None
        self._text = ""
        self._order = "position"
        self._fates: dict[str, str] = {}

    # -- content -----------------------------------------------------------------------------------------------

    def set_annotations(self, annotations: Iterable[Annotation], titles: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._items = {a.id: a for a in annotations}
        self._titles = dict(titles or {})
        self._ids = self._visible()
        self.endResetModel()

    def set_fates(self, fates: dict[str, str]) -> None:
        """Flag the highlights whose fate the article's last edit changed (by id); others are not flagged."""
        self._fates = dict(fates)
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [Role.FATE])

    def upsert(self, annotation: Annotation) -> None:
        self._items[annotation.id] = annotation
        self._refresh(changed=annotation.id)

    def remove(self, annotation_id: str) -> None:
        """Take the row out of the view first, then forget the record: views still ask for the rows they are
        removing while ``beginRemoveRows`` runs, so the record must outlive its row."""
        if annotation_id not in self._items:
            return
        row = self.row_of(annotation_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._ids = self._ids[:row] + self._ids[row + 1:]
            self.endRemoveRows()
        del self._items[annotation_id]

    def annotation(self, annotation_id: str) -> Annotation | None:
        return self._items.get(annotation_id)

    def all_annotations(self) -> list[Annotation]:
        return list(self._items.values())

    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, annotation_id: str) -> int:
        try:
            return self._ids.index(annotation_id)
        except ValueError:
            return -1

    def set_legend(self, legend: Legend) -> None:
        self._legend = legend
        if self._order == "color":
            self._refresh()
        elif self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1),
                                  [Role.SWATCH, Role.MEANING, Qt.ItemDataRole.ToolTipRole])

    # -- filters and order ------------------------------------------------------------------------------------

    def set_filter(self, colors: Iterable[str] | None = None, tag: str | None = None, text: str = "") -> None:
        self._colors = set(colors) if colors is not None else None
        self._tag = tag or None
        self._text = text
        self._refresh()

    def set_order(self, order: str) -> None:
        if order not in ORDERS:
            raise ValueError(f"unknown order {order!r}")
        self._order = order
        self._refresh()

    def order(self) -> str:
        return self._order

    def _key(self, a: Annotation) -> tuple[object, ...]:
        if self._order == "created":
            return (a.created, a.id)
        if self._order == "color":
            return (self._legend.position(a.color), a.article_id, a.start, a.end, a.id)
        return (a.article_id, a.start, a.end, a.id)

    def _visible(self) -> list[str]:
        chosen = [a for a in self._items.values()
                  if (self._status is None or a.status == self._status)
                  and matches(a, self._colors, self._tag, self._text)]
        return [a.id for a in sorted(chosen, key=self._key)]

    def _refresh(self, changed: str | None = None) -> None:
        """Apply the new visible list with the smallest change signal that describes it."""
        new = self._visible()
        old = self._ids
        if new == old:
            if changed is not None and (row := self.row_of(changed)) >= 0:
                self.dataChanged.emit(self.index(row), self.index(row))
            return
        if len(new) == len(old) + 1:
            row = next((i for i, (a, b) in enumerate(zip(new, old, strict=False)) if a != b), len(old))
            if new[:row] + new[row + 1:] == old:
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids = new
                self.endInsertRows()
                return
        if len(new) == len(old) - 1:
            row = next((i for i, (a, b) in enumerate(zip(new, old, strict=False)) if a != b), len(new))
            if old[:row] + old[row + 1:] == new:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._ids = new
                self.endRemoveRows()
                return
        self.beginResetModel()
        self._ids = new
        self.endResetModel()

    # -- QAbstractListModel ------------------------------------------------------------------------------------

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # QAbstractListModel.rowCount  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # QAbstractListModel.data
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or index.column() != 0:
            return None
        a = self._items.get(self._ids[index.row()])
        if a is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Role.QUOTE):
            return a.exact
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.note or a.exact
        if role == Qt.ItemDataRole.AccessibleTextRole:
            note = f" — {a.note}" if a.note else ""
            return f"{self._legend.meaning(a.color)}: {a.exact}{note}"
        values = {
            Role.ID: a.id,
            Role.ARTICLE_ID: a.article_id,
            Role.START: a.start,
            Role.END: a.end,
            Role.COLOR: a.color,
            Role.SWATCH: self._legend.get(a.color).swatch,
            Role.MEANING: self._legend.meaning(a.color),
            Role.NOTE: a.note,
            Role.TAGS: list(a.tags),
            Role.STATUS: a.status,
            Role.CREATED: a.created,
            Role.MODIFIED: a.modified,
            Role.ARTICLE_TITLE: self._titles.get(a.article_id, ""),
            Role.FATE: self._fates.get(a.id),
        }
        return values.get(role)  # type: ignore[call-overload]

    def roleNames(self) -> dict[int, QByteArray]:  # QAbstractListModel.roleNames
        names = super().roleNames()
        for role in Role:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names
