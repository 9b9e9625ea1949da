"""The article's entities as a tree: type group → entity → mention, filtered and sorted in the model itself so that
the group counts always describe what is listed.

Rows are addressed by (group, entity row, mention row); an index's internal id encodes its parent, so no Python
object has to outlive a reset. The expanded entity (the selected one) and its current mention are model state
because the delegate paints them differently and their row height changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from gui.i18n import plural
from models.analysis.types import LOW_CONFIDENCE

TYPE_ORDER = ("PERSON", "PLACE", "ORGANIZATION", "GROUP", "EVENT", "OTHER")
SORTS = ("count", "name", "first")
CONTEXT = 48  # characters of context kept on each side of a mention for its row


def type_label(type_: str, plural: bool = True) -> str:
    tr = QCoreApplication.translate
    labels = {
        "PERSON": (tr("Entities", "People"), tr("Entities", "Person")),
        "PLACE": (tr("Entities", "Places"), tr("Entities", "Place")),
        "ORGANIZATION": (tr("Entities", "Organizations"), tr("Entities", "Organization")),
        "GROUP": (tr("Entities", "Groups"), tr("Entities", "Group")),
        "EVENT": (tr("Entities", "Events"), tr("Entities", "Event")),
        "OTHER": (tr("Entities", "Other"), tr("Entities", "Other")),
    }
    pair = labels.get(type_, (type_.title(), type_.title()))
    return pair[0] if plural else pair[1]


def counted(text: str, n: int) -> str:
    """``text`` with ``%n`` and a plural "(s)" ("%n mention(s)"), translated when a translation is installed and
    in plain English otherwise (Qt leaves "(s)" as it is)."""
    return plural(QCoreApplication.translate("Entities", text, "", n), n)


class Kind(IntEnum):
    GROUP = 0
    ENTITY = 1
    MENTION = 2


class Role(IntEnum):
    KIND = Qt.ItemDataRole.UserRole + 1
    NAME = Qt.ItemDataRole.UserRole + 2
    TYPE = Qt.ItemDataRole.UserRole + 3
    COUNT = Qt.ItemDataRole.UserRole + 4  # mentions of an entity, entities of a group
    MAX_COUNT = Qt.ItemDataRole.UserRole + 5  # largest mention count listed (scales the bars)
    SPANS = Qt.ItemDataRole.UserRole + 6  # [(start, end), ...] of an entity, or of one mention
    FIRST = Qt.ItemDataRole.UserRole + 7  # offset of the first mention
    VERIFIED = Qt.ItemDataRole.UserRole + 8
    EXPANDED = Qt.ItemDataRole.UserRole + 9  # the selected entity, shown with its mentions
    ARTICLE_COUNT = Qt.ItemDataRole.UserRole + 10  # articles of the library that mention it (0: unknown)
    PARAGRAPH = Qt.ItemDataRole.UserRole + 11  # block number of a mention, from 1
    BEFORE = Qt.ItemDataRole.UserRole + 12  # context before a mention
    MATCH = Qt.ItemDataRole.UserRole + 13  # the mention's words
    AFTER = Qt.ItemDataRole.UserRole + 14
    CURRENT = Qt.ItemDataRole.UserRole + 15  # the mention stepped to last
    LAST = Qt.ItemDataRole.UserRole + 16  # last mention row of its entity (the card ends there)
    MENTION_INDEX = Qt.ItemDataRole.UserRole + 17
    LOW_CONFIDENCE = Qt.ItemDataRole.UserRole + 18  # doubtful and not confirmed: drawn faded
    PROVENANCE = Qt.ItemDataRole.UserRole + 19  # what found it, how sure, or "corrected by you"
    DESCRIPTION = Qt.ItemDataRole.UserRole + 20  # what the article says the entity is ("Russian president")
    LIBRARY_NAME = Qt.ItemDataRole.UserRole + 21  # the name the library files it under, when another ("" if not)


@dataclass(frozen=True, slots=True)
class EntityRow:
    name: str
    type: str
    spans: tuple[tuple[int, int], ...]
    surfaces: tuple[str, ...]
    verified: bool
    confidence: float = 1.0
    provenance: str = ""

    @property
    def low(self) -> bool:
        return not self.verified and self.confidence < LOW_CONFIDENCE

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.type)

    @property
    def first(self) -> int:
        return self.spans[0][0] if self.spans else 0


_INDEX = QModelIndex | QPersistentModelIndex
_MENTION_BASE = 1 << 8


class EntityTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[EntityRow] = []
        self._text = ""
        self._filter = ""
        self._sort = "count"
        self._groups: list[tuple[str, list[EntityRow]]] = []
        self._max = 1
        self._expanded: tuple[str, str] | None = None
        self._current = -1
        self._article_counts: dict[tuple[str, str], int] = {}
        self._hide_low = False
        self._descriptions: dict[tuple[str, str], str] = {}
        self._library_names: dict[tuple[str, str], str] = {}

    # -- state ------------------------------------------------------------------------------------------------------

    def set_entities(self, entities: Any, text: str) -> None:
        """``entities``: anything with name, type, mentions (start, end, text) and optionally verified."""
        rows = []
        for e in entities:
            mentions = sorted(e.mentions, key=lambda m: (m.start, m.end))
            if not mentions:
                continue  # byline people without a mention in the text cannot be marked or stepped through
            rows.append(EntityRow(
                e.name, e.type, tuple((m.start, m.end) for m in mentions), tuple(m.text for m in mentions),
                bool(getattr(e, "verified", False)),
                float(getattr(e, "confidence", 1.0)), str(getattr(e, "provenance", "")),
            ))
        self.beginResetModel()
        self._all, self._text = rows, text
        if self._expanded is not None and self._expanded not in {r.key for r in rows}:
            self._expanded, self._current = None, -1
        self._regroup()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = " ".join(text.split()).casefold()
        self._regroup()
        self.endResetModel()

    def set_hide_low(self, hide: bool) -> None:
        """Leave out the doubtful entities (low confidence, not confirmed)."""
        self.beginResetModel()
        self._hide_low = hide
        self._regroup()
        self.endResetModel()

    def hidden_low(self) -> int:
        return sum(r.low for r in self._all) if self._hide_low else 0

    def set_sort(self, key: str) -> None:
        if key not in SORTS:
            raise ValueError(f"unknown sort {key!r}")
        self.beginResetModel()
        self._sort = key
        self._regroup()
        self.endResetModel()

    def sort_key(self) -> str:
        return self._sort

    def set_article_counts(self, counts: dict[tuple[str, str], int]) -> None:
        """How many articles of the library mention each (name, type), shown under the selected entity."""
        self._article_counts = dict(counts)
        if self._expanded is not None and (index := self.entity_index(*self._expanded)).isValid():
            self.dataChanged.emit(index, index, [Role.ARTICLE_COUNT])

    def set_library_names(self, names: dict[tuple[str, str], str]) -> None:
        """The name the library files each (name, type) under when it is another, shown with the article count."""
        self._library_names = dict(names)
        if self._expanded is not None and (index := self.entity_index(*self._expanded)).isValid():
            self.dataChanged.emit(index, index, [Role.LIBRARY_NAME])

    def set_descriptions(self, descriptions: dict[tuple[str, str], str]) -> None:
        """What the article says each (name, type) is, shown under the selected entity."""
        self._descriptions = dict(descriptions)
        if self._expanded is not None and (index := self.entity_index(*self._expanded)).isValid():
            self.dataChanged.emit(index, index, [Role.DESCRIPTION])

    def set_expanded(self, key: tuple[str, str] | None) -> None:
        """Show ``key``'s mentions under it (its row grows); the previous one folds back."""
        if key == self._expanded:
            return
        old = self._expanded
        self._expanded, self._current = key, -1
        for k in (old, key):
            if k is not None and (index := self.entity_index(*k)).isValid():
                self.dataChanged.emit(index, index)  # all roles: the row height changes too

    def expanded(self) -> tuple[str, str] | None:
        return self._expanded

    def set_current_mention(self, i: int) -> None:
        if self._expanded is None:
            return
        old, self._current = self._current, i
        parent = self.entity_index(*self._expanded)
        for row in (old, i):
            if 0 <= row < self.rowCount(parent):
                index = self.index(row, 0, parent)
                self.dataChanged.emit(index, index, [Role.CURRENT])

    def current_mention(self) -> int:
        return self._current

    def entity(self, key: tuple[str, str]) -> EntityRow | None:
        return next((r for r in self._all if r.key == key), None)

    def entities(self) -> list[EntityRow]:
        return list(self._all)

    def visible_count(self) -> int:
        return sum(len(rows) for _, rows in self._groups)

    def text(self) -> str:
        return self._text

    def entity_index(self, name: str, type_: str | None = None) -> QModelIndex:
        """The row of the entity called ``name`` (of ``type_`` if given), ignoring case; invalid if not listed."""
        wanted = name.casefold()
        for g, (group_type, rows) in enumerate(self._groups):
            if type_ is not None and group_type != type_:
                continue
            for r, row in enumerate(rows):
                if row.name.casefold() == wanted:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def row_at(self, index: _INDEX) -> EntityRow | None:
        """The entity of an entity row or of one of its mention rows."""
        kind, g, r, _m = self._decode(index)
        if kind is Kind.GROUP or g < 0:
            return None
        return self._groups[g][1][r]

    def _regroup(self) -> None:
        needle = self._filter
        by_type: dict[str, list[EntityRow]] = {}
        for row in self._all:
            if needle and needle not in row.name.casefold() and not any(needle in s.casefold() for s in row.surfaces):
                continue
            if self._hide_low and row.low:
                continue
            by_type.setdefault(row.type, []).append(row)
        order = {t: i for i, t in enumerate(TYPE_ORDER)}
        sort_keys = {
            "count": lambda r: (-len(r.spans), r.first),
            "name": lambda r: (r.name.casefold(), r.first),
            "first": lambda r: (r.first, r.name.casefold()),
        }
        self._groups = [
            (t, sorted(rows, key=sort_keys[self._sort]))
            for t, rows in sorted(by_type.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        ]
        self._max = max((len(r.spans) for _, rows in self._groups for r in rows), default=1)

    # -- index plumbing ---------------------------------------------------------------------------------------------

    def _decode(self, index: _INDEX) -> tuple[Kind, int, int, int]:
        """(kind, group, entity row, mention row) of a valid index."""
        if not index.isValid():
            return (Kind.GROUP, -1, -1, -1)
        ident = index.internalId()
        if ident == 0:
            return (Kind.GROUP, index.row(), -1, -1)
        if ident < _MENTION_BASE:
            return (Kind.ENTITY, ident - 1, index.row(), -1)
        packed = ident - _MENTION_BASE
        return (Kind.MENTION, packed & 7, packed >> 3, index.row())

    def index(self, row: int, column: int = 0, parent: _INDEX = QModelIndex()) -> QModelIndex:  # noqa: B008  # QAbstractItemModel.index
        if column != 0 or row < 0 or not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0)
        kind, g, r, _m = self._decode(parent)
        if kind is Kind.GROUP:
            return self.createIndex(row, 0, g + 1)
        if kind is Kind.ENTITY:
            return self.createIndex(row, 0, _MENTION_BASE + (r << 3 | g))
        return QModelIndex()

    def parent(self, index: _INDEX = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008  # QAbstractItemModel.parent
        kind, g, r, _m = self._decode(index)
        if not index.isValid() or kind is Kind.GROUP:
            return QModelIndex()
        if kind is Kind.ENTITY:
            return self.createIndex(g, 0, 0)
        return self.createIndex(r, 0, g + 1)

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008  # QAbstractItemModel.rowCount
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._groups)
        kind, g, r, _m = self._decode(parent)
        if kind is Kind.GROUP:
            return len(self._groups[g][1]) if 0 <= g < len(self._groups) else 0
        if kind is Kind.ENTITY:
            return len(self._groups[g][1][r].spans)
        return 0

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008  # QAbstractItemModel.columnCount
        return 1

    def flags(self, index: _INDEX) -> Qt.ItemFlag:  # QAbstractItemModel.flags
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        kind = self._decode(index)[0]
        if kind is Kind.GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        if kind is Kind.MENTION:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def roleNames(self) -> dict[int, QByteArray]:  # QAbstractItemModel.roleNames
        names = super().roleNames()
        for role in Role:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    # -- data -------------------------------------------------------------------------------------------------------

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # QAbstractItemModel.data
        if not index.isValid():
            return None
        kind, g, r, m = self._decode(index)
        if role == Role.KIND:
            return int(kind)
        if role == Role.MAX_COUNT:
            return self._max
        group_type, rows = self._groups[g]
        if kind is Kind.GROUP:
            return self._group_data(group_type, len(rows), role)
        row = rows[r]
        if kind is Kind.ENTITY:
            return self._entity_data(row, role)
        return self._mention_data(row, m, role)

    def _group_data(self, type_: str, count: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Role.NAME):
            return type_label(type_)
        if role == Role.TYPE:
            return type_
        if role == Role.COUNT:
            return count
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{type_label(type_)}, {count}"
        return None

    def _entity_data(self, row: EntityRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Role.NAME):
            return row.name
        if role == Role.TYPE:
            return row.type
        if role == Role.COUNT:
            return len(row.spans)
        if role == Role.SPANS:
            return [tuple(s) for s in row.spans]
        if role == Role.FIRST:
            return row.first
        if role == Role.VERIFIED:
            return row.verified
        if role == Role.LOW_CONFIDENCE:
            return row.low
        if role in (Role.PROVENANCE, Qt.ItemDataRole.ToolTipRole):
            if row.verified:
                return "corrected by you"
            return f"{row.provenance or 'analyser'} · confidence {row.confidence:.0%}"
        if role == Role.EXPANDED:
            return row.key == self._expanded
        if role == Role.ARTICLE_COUNT:
            return self._article_counts.get(row.key, 0)
        if role == Role.DESCRIPTION:
            return self._descriptions.get(row.key, "")
        if role == Role.LIBRARY_NAME:
            return self._library_names.get(row.key, "")
        if role == Role.PARAGRAPH:
            return self._text.count("\n", 0, row.first) + 1
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            tr = QCoreApplication.translate
            parts = [row.name, type_label(row.type, plural=False),
                     counted("%n mention(s)", len(row.spans))]
            if row.verified:
                parts.append(tr("Entities", "checked by a reader"))
            return " · ".join(parts)
        return None

    def _mention_data(self, row: EntityRow, m: int, role: int) -> Any:
        start, end = row.spans[m]
        if role in (Qt.ItemDataRole.DisplayRole, Role.MATCH):
            return self._text[start:end]
        if role == Role.MENTION_INDEX:
            return m
        if role == Role.NAME:
            return row.name
        if role == Role.TYPE:
            return row.type
        if role == Role.SPANS:
            return [(start, end)]
        if role == Role.FIRST:
            return start
        if role == Role.PARAGRAPH:
            return self._text.count("\n", 0, start) + 1
        if role == Role.BEFORE:
            return self._context(start, before=True)
        if role == Role.AFTER:
            return self._context(end, before=False)
        if role == Role.CURRENT:
            return row.key == self._expanded and m == self._current
        if role == Role.LAST:
            return m == len(row.spans) - 1
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self._context(start, True)}{self._text[start:end]}{self._context(end, False)}"
        return None

    def _context(self, pos: int, before: bool) -> str:
        """Up to CONTEXT characters of the same block on one side of ``pos``."""
        if before:
            block_start = self._text.rfind("\n", 0, pos) + 1
            return self._text[max(block_start, pos - CONTEXT) : pos]
        block_end = self._text.find("\n", pos)
        block_end = len(self._text) if block_end < 0 else block_end
        return self._text[pos : min(block_end, pos + CONTEXT)]
