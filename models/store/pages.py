"""Rows read straight from the pages of a damaged SQLite file, as SQLite's ``.recover`` does, for when the schema
itself (``sqlite_master``) or the interior pages that lead to the rows are unreadable.

Every page of the file (with the newest committed copy of it from the ``-wal`` file, when there is one) that is a
table b-tree leaf is parsed per the file format (https://www.sqlite.org/fileformat2.html): cells, records, serial
types, overflow chains. Pages on the freelist are skipped, so deleted rows do not come back. Which table a record
belongs to is decided by its shape against the columns the caller expects (count, and the type each column
admits); a record that fits no table, or more than one, is left out.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADER = b"SQLite format 3\x00"
TABLE_LEAF = 0x0D
WAL_MAGIC = (0x377F0682, 0x377F0683)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "int", "text", "real", "blob", "any"
    rowid_alias: bool = False
    nullable: bool = True


def read_pages(path: Path) -> tuple[int, dict[int, bytes]]:
    """Page size and page number -> content, the WAL's last committed copies applied."""
    data = path.read_bytes()
    page_size = _page_size(data) or 4096
    pages = {n + 1: data[n * page_size : (n + 1) * page_size] for n in range(len(data) // page_size)}
    wal = Path(f"{path}-wal")
    if wal.is_file():
        pages.update(_wal_pages(wal.read_bytes(), page_size))
    return page_size, pages


def _page_size(data: bytes) -> int | None:
    if len(data) < 100 or not data.startswith(HEADER):
        return None
    size = struct.unpack(">H", data[16:18])[0]
    size = 65536 if size == 1 else size
    return size if size >= 512 and size & (size - 1) == 0 else None


def _wal_pages(wal: bytes, page_size: int) -> dict[int, bytes]:
    if len(wal) < 32:
        return {}
    magic, _version, size, _seq, salt1, salt2 = struct.unpack(">IIIIII", wal[:24])
    if magic not in WAL_MAGIC or size != page_size:
        return {}
    committed: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    offset = 32
    while offset + 24 + page_size <= len(wal):
        number, commit, s1, s2 = struct.unpack(">IIII", wal[offset : offset + 16])
        if (s1, s2) != (salt1, salt2):
            break
        pending[number] = wal[offset + 24 : offset + 24 + page_size]
        if commit:
            committed.update(pending)
            pending = {}
        offset += 24 + page_size
    return committed


def freelist(pages: dict[int, bytes], page_size: int) -> set[int]:
    """Pages on the freelist (trunks and leaves); as many as can be followed."""
    first = pages.get(1, b"")
    if len(first) < 40:
        return set()
    trunk = struct.unpack(">I", first[32:36])[0]
    free: set[int] = set()
    while trunk and trunk not in free and trunk in pages:
        free.add(trunk)
        page = pages[trunk]
        following, count = struct.unpack(">II", page[:8])
        if count > (page_size - 8) // 4:
            break
        free.update(struct.unpack(f">{count}I", page[8 : 8 + 4 * count]))
        trunk = following
    return free


def leaf_records(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(rowid, values) of every cell on every table leaf page that can be parsed."""
    page_size, pages = read_pages(path)
    usable = page_size - (pages[1][20] if 1 in pages and len(pages[1]) > 20 else 0)
    free = freelist(pages, page_size)
    for number, page in pages.items():
        if number in free:
            continue
        base = 100 if number == 1 else 0
        if len(page) < base + 8 or page[base] != TABLE_LEAF:
            continue
        cells = struct.unpack(">H", page[base + 3 : base + 5])[0]
        if cells * 2 + base + 8 > page_size:
            continue
        for i in range(cells):
            pointer = struct.unpack(">H", page[base + 8 + 2 * i : base + 10 + 2 * i])[0]
            try:
                yield _cell(page, pointer, pages, usable)
            except (IndexError, ValueError, struct.error, UnicodeDecodeError):
                continue


def _varint(buf: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        byte = buf[at + i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + i + 1
    return (value << 8) | buf[at + 8], at + 9


def _cell(page: bytes, at: int, pages: dict[int, bytes], usable: int) -> tuple[int, list[Any]]:
    size, at = _varint(page, at)
    rowid, at = _varint(page, at)
    if rowid >= 1 << 63:
        rowid -= 1 << 64
    most = usable - 35
    if size <= most:
        payload = page[at : at + size]
    else:
        least = ((usable - 12) * 32 // 255) - 23
        local = least + ((size - least) % (usable - 4))
        if local > most:
            local = least
        gathered = bytearray(page[at : at + local])
        following = struct.unpack(">I", page[at + local : at + local + 4])[0]
        seen: set[int] = set()
        while len(gathered) < size:
            if not following or following in seen or following not in pages:
                raise ValueError("broken overflow chain")
            seen.add(following)
            overflow = pages[following]
            gathered += overflow[4:usable]
            following = struct.unpack(">I", overflow[:4])[0]
        payload = bytes(gathered[:size])
    if len(payload) != size:
        raise ValueError("short payload")
    return rowid, _record(payload)


def _record(payload: bytes) -> list[Any]:
    header_size, at = _varint(payload, 0)
    if header_size > len(payload):
        raise ValueError("bad record header")
    types = []
    while at < header_size:
        kind, at = _varint(payload, at)
        types.append(kind)
    values: list[Any] = []
    at = header_size
    for kind in types:
        value, at = _value(payload, at, kind)
        values.append(value)
    if at != len(payload):
        raise ValueError("record length mismatch")
    return values


def _value(buf: bytes, at: int, kind: int) -> tuple[Any, int]:
    if kind == 0:
        return None, at
    if 1 <= kind <= 6:
        width = (1, 2, 3, 4, 6, 8)[kind - 1]
        if at + width > len(buf):
            raise ValueError("truncated integer")
        return int.from_bytes(buf[at : at + width], "big", signed=True), at + width
    if kind == 7:
        return struct.unpack(">d", buf[at : at + 8])[0], at + 8
    if kind in (8, 9):
        return kind - 8, at
    if kind in (10, 11):
        raise ValueError("reserved serial type")
    length = (kind - 12) // 2 if kind % 2 == 0 else (kind - 13) // 2
    if at + length > len(buf):
        raise ValueError("truncated value")
    raw = buf[at : at + length]
    if kind % 2 == 0:
        return bytes(raw), at + length
    return raw.decode("utf-8", "replace"), at + length


def _fits(values: list[Any], columns: list[Column]) -> bool:
    if len(values) != len(columns):
        return False
    for value, column in zip(values, columns, strict=True):
        if column.rowid_alias:
            if value is not None:
                return False
            continue
        if value is None:
            if not column.nullable:
                return False
            continue
        ok = {
            "int": isinstance(value, int),
            "text": isinstance(value, str),
            "real": isinstance(value, (int, float)),
            "blob": isinstance(value, bytes),
        }.get(column.kind, True)
        if not ok:
            return False
    return True


def rows_by_shape(
    path: Path, tables: dict[str, list[Column]], checks: dict[str, Callable[[dict[str, Any]], bool]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The records of ``path`` that fit exactly one of ``tables`` (and its check, if any), as {column: value} with
    rowid aliases filled in."""
    found: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}
    checks = checks or {}
    for rowid, values in leaf_records(path):
        candidates: list[tuple[str, dict[str, Any]]] = []
        for table, columns in tables.items():
            if not _fits(values, columns):
                continue
            row = {c.name: rowid if c.rowid_alias else v for v, c in zip(values, columns, strict=True)}
            check = checks.get(table)
            if check is None or check(row):
                candidates.append((table, row))
        if len(candidates) == 1:
            table, row = candidates[0]
            found[table].append(row)
    return found


def columns_of(conn: Any, table: str) -> list[Column]:
    """A table's columns as :func:`rows_by_shape` wants them, from a sound library (sqlite3 or SQLAlchemy)."""
    info = [tuple(r) for r in conn.execute(f'PRAGMA table_info("{table}")')]
    keys = [r for r in info if r[5]]
    out = []
    for _cid, name, declared, notnull, _default, pk in info:
        kind = _affinity(str(declared))
        alias = bool(pk) and len(keys) == 1 and str(declared).upper() == "INTEGER"
        out.append(Column(str(name), kind, alias, not notnull))
    return out


def _affinity(declared: str) -> str:
    upper = declared.upper()
    if "INT" in upper:
        return "int"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT", "VARCHAR", "DATETIME", "JSON")):
        return "text"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    if "BLOB" in upper:
        return "blob"
    return "any"
