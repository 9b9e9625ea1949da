"""What can still be read from a damaged library, and bringing it into a restored one.

SQLite's ``.recover`` is not reachable from Python's ``sqlite3`` (3.11), so the rows are copied one by one: each
table is walked in rowid order with one small query per row; where a damaged page stops the walk, the reader jumps ahead
(1, 2, 4, ... rowids) until rows can be read again, and counts what it skipped. Text that is not valid UTF-8 is kept
with replacement characters rather than lost.

Merging goes by stable identities, never by row ids: articles by ``uid``, highlights by their UUID, tags by name,
colours by key, corrections by their content. Only what the restored library lacks is added, and a highlight or an
article note edited after the backup replaces the older copy. Analyses are not carried over: they are recomputed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from models.store import location

TABLES = ("colors", "articles", "tags", "highlights", "highlight_tags", "entity_corrections", "event_corrections")
LATER = {"event_corrections"}  # tables of later migrations: a library older than them simply has none
MAX_JUMP = 1 << 40


@dataclass
class Salvage:
    """Rows read from a damaged file: table -> list of {column: value}; what could not be read."""

    path: Path
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)  # table -> regions skipped (or -1: table lost)
    repaired_text: int = 0  # values whose bad bytes were replaced
    method: str = "rows"  # "rows": read with SQL row by row; "pages": also read from the pages themselves
    from_pages: int = 0  # rows found only by reading the pages

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


@dataclass
class MergeReport:
    articles_added: int = 0
    article_notes_updated: int = 0
    highlights_added: int = 0
    highlights_updated: int = 0
    corrections_added: int = 0
    skipped: int = 0  # rows whose article could not be matched or that would clash

    @property
    def anything(self) -> bool:
        return bool(
            self.articles_added + self.article_notes_updated + self.highlights_added + self.highlights_updated
            + self.corrections_added
        )

    def describe(self) -> str:
        """"7 highlights, 1 article and 2 edits": only what there is."""
        from models.store.integrity import plural

        edits = self.highlights_updated + self.article_notes_updated + self.corrections_added
        parts = [plural(n, word) for n, word in ((self.highlights_added, "highlight"),
                                                  (self.articles_added, "article"), (edits, "edit")) if n]
        if not parts:
            return "nothing"
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]

    def record(self) -> dict[str, int]:
        return {
            "articles_added": self.articles_added,
            "article_notes_updated": self.article_notes_updated,
            "highlights_added": self.highlights_added,
            "highlights_updated": self.highlights_updated,
            "corrections_added": self.corrections_added,
            "skipped": self.skipped,
        }


def salvage(path: Path, reference: Path | None = None) -> Salvage:
    """Every row of the library's tables that can still be read from ``path`` (opened read-only).

    Where SQL cannot reach rows (the schema or interior pages damaged), the pages themselves are read and records
    told apart by the shapes of the tables of ``reference``, a sound library of the same schema (models.store.pages).
    """
    found = _salvage_by_sql(path)
    if reference is not None and found.unreadable:
        _add_from_pages(found, reference)
    return found


KEYS: dict[str, tuple[str, ...]] = {
    "colors": ("key",),
    "articles": ("uid",),
    "tags": ("name",),
    "highlights": ("id",),
    "highlight_tags": ("highlight_id", "tag_id"),
    "entity_corrections": ("id",),
    "event_corrections": ("id",),
}
NEWEST = {"articles": "updated_at", "highlights": "modified"}
ACTIONS = {"rename", "merge", "split", "retype", "hide", "add"}
EVENT_ACTIONS = {"confirm", "not-a-date"}  # models.analysis.event_corrections
HEX = set("0123456789abcdef")


def _add_from_pages(found: Salvage, reference: Path) -> None:
    from models.store import pages

    conn = sqlite3.connect(location.sqlite_uri(reference, mode="ro"), uri=True)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        shapes = {t: pages.columns_of(conn, t) for t in (*TABLES, "analyses") if t in present}
    finally:
        conn.close()
    checks = {
        "entity_corrections": lambda row: row.get("action") in ACTIONS,
        "event_corrections": lambda row: row.get("action") in EVENT_ACTIONS and row.get("article_id") is not None,
        "analyses": lambda row: isinstance(row.get("text_hash"), str) and set(row["text_hash"]) <= HEX,
        "highlights": lambda row: isinstance(row.get("id"), str) and len(row["id"]) == 36,
        "articles": lambda row: isinstance(row.get("uid"), str) and len(row["uid"]) == 36,
    }
    try:
        raw = pages.rows_by_shape(found.path, shapes, checks)
    except OSError:
        return
    found.method = "pages"
    for table in TABLES:
        key = KEYS[table]
        have = {tuple(r.get(k) for k in key): r for r in found.rows.get(table, [])}
        newest = NEWEST.get(table)
        extra: dict[tuple[Any, ...], dict[str, Any]] = {}
        for row in raw.get(table, []):
            ident = tuple(row.get(k) for k in key)
            if ident in have:
                continue
            if ident in extra and newest and str(extra[ident].get(newest)) >= str(row.get(newest)):
                continue
            extra[ident] = row
        if extra:
            found.rows.setdefault(table, []).extend(extra.values())
            found.from_pages += len(extra)


def _salvage_by_sql(path: Path) -> Salvage:
    found = Salvage(path)
    conn = _connect(path)
    if conn is None:
        for table in TABLES:
            found.unreadable[table] = -1
        return found

    def tolerant(raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            found.repaired_text += 1
            return raw.decode("utf-8", "replace")

    conn.text_factory = tolerant
    try:
        for table in TABLES:
            try:
                columns = [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')]
            except sqlite3.DatabaseError:
                columns = []
            if not columns:
                if table not in LATER or _lists_table(conn, table) is not False:
                    found.unreadable[table] = -1  # lost (a library older than a LATER table simply lacks it)
                continue
            rows, skipped = _walk(conn, table, columns)
            found.rows[table] = rows
            if skipped:
                found.unreadable[table] = skipped
    finally:
        conn.close()
    return found


def _lists_table(conn: sqlite3.Connection, table: str) -> bool | None:
    """Whether the file's schema names ``table`` (None: the schema itself cannot be read)."""
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() \
            is not None
    except sqlite3.DatabaseError:
        return None


def _connect(path: Path) -> sqlite3.Connection | None:
    """Read-only, through the file's WAL when it has one (the newest commits live there), else immutable."""
    for params in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
        try:
            conn = sqlite3.connect(location.sqlite_uri(path, **params), uri=True)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error:
            continue
    return None


def _walk(conn: sqlite3.Connection, table: str, columns: list[str]) -> tuple[list[dict[str, Any]], int]:
    names = ", ".join(f'"{c}"' for c in columns)
    query = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1'
    rows: list[dict[str, Any]] = []
    skipped = 0
    after = -(1 << 62)
    while True:
        try:
            row = conn.execute(query, (after,)).fetchone()
        except sqlite3.DatabaseError:
            jump = _next_readable(conn, query, after)
            if jump is None:
                return rows, skipped + 1
            skipped += 1
            after = jump
            continue
        if row is None:
            return rows, skipped
        after = int(row[0])
        rows.append(dict(zip(columns, row[1:], strict=True)))


def _next_readable(conn: sqlite3.Connection, query: str, after: int) -> int | None:
    """A rowid from which reading works again past a damaged region (None: nothing readable beyond)."""
    step = 1
    start = max(after, 0)
    while step <= MAX_JUMP:
        try:
            conn.execute(query, (start + step,)).fetchone()
            return start + step
        except sqlite3.DatabaseError:
            step *= 2
    return None


def merge(conn: Connection, found: Salvage) -> MergeReport:
    """Bring the salvaged rows the library lacks into it, on ``conn`` (one transaction, the caller's)."""
    report = MergeReport()
    _merge_colors(conn, found)
    article_ids = _merge_articles(conn, found, report)
    tag_ids = _merge_tags(conn, found)
    _merge_highlights(conn, found, article_ids, tag_ids, report)
    _merge_corrections(conn, found, article_ids, report)
    dated = _merge_corrections(conn, found, article_ids, report, "event_corrections")
    if dated:  # the library timeline's rows of those articles, with the dates confirmed or taken off
        from sqlalchemy.orm import Session

        from models.store.library_index import reindex_events

        with Session(bind=conn) as s:  # on the caller's transaction: committed or rolled back with it
            reindex_events(s, dated)
    return report


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]


def _insert(conn: Connection, table: str, row: dict[str, Any], known: list[str]) -> Any:
    values = {k: v for k, v in row.items() if k in known}
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join(f":{k}" for k in values)
    return conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({marks})'), values)


def _merge_colors(conn: Connection, found: Salvage) -> None:
    known = _columns(conn, "colors")
    present = {r[0] for r in conn.execute(text("SELECT key FROM colors"))}
    for row in found.rows.get("colors", []):
        if row.get("key") not in present:
            _insert(conn, "colors", row, known)


def _merge_articles(conn: Connection, found: Salvage, report: MergeReport) -> dict[int, int]:
    """Old article id -> id in the library, for every salvaged article that is (now) in it."""
    known = [c for c in _columns(conn, "articles") if c != "id"]
    by_uid = {r[0]: (r[1], r[2]) for r in conn.execute(text("SELECT uid, id, updated_at FROM articles"))}
    sources = {r[0] for r in conn.execute(text("SELECT source FROM articles"))}
    mapping: dict[int, int] = {}
    for row in found.rows.get("articles", []):
        uid, old_id = row.get("uid"), int(row.get("id") or 0)
        if uid in by_uid:
            new_id, updated = by_uid[uid]
            mapping[old_id] = int(new_id)
            if str(row.get("updated_at") or "") > str(updated or ""):
                conn.execute(
                    text("UPDATE articles SET note = :note, updated_at = :updated_at WHERE id = :id"),
                    {"note": row.get("note", ""), "updated_at": row.get("updated_at"), "id": new_id},
                )
                report.article_notes_updated += 1
            continue
        if row.get("source") in sources or not row.get("text"):
            report.skipped += 1
            continue
        result = _insert(conn, "articles", row, known)
        mapping[old_id] = int(result.lastrowid)
        sources.add(row.get("source"))
        report.articles_added += 1
    return mapping


def _merge_tags(conn: Connection, found: Salvage) -> dict[int, int]:
    names = {r[0]: r[1] for r in conn.execute(text("SELECT name, id FROM tags"))}
    mapping: dict[int, int] = {}
    for row in found.rows.get("tags", []):
        name = row.get("name")
        if name is None:
            continue
        if name not in names:
            names[name] = int(conn.execute(text("INSERT INTO tags (name) VALUES (:n)"), {"n": name}).lastrowid)
        mapping[int(row["id"])] = int(names[name])
    return mapping


def _merge_highlights(conn: Connection, found: Salvage, article_ids: dict[int, int], tag_ids: dict[int, int],
                      report: MergeReport) -> None:
    known = _columns(conn, "highlights")
    present = {r[0]: r[1] for r in conn.execute(text("SELECT id, modified FROM highlights"))}
    colors = {r[0] for r in conn.execute(text("SELECT key FROM colors"))}
    tags_of: dict[str, list[int]] = {}
    for link in found.rows.get("highlight_tags", []):
        tag = tag_ids.get(int(link.get("tag_id") or 0))
        if tag is not None:
            tags_of.setdefault(str(link.get("highlight_id")), []).append(tag)
    for row in found.rows.get("highlights", []):
        hid = row.get("id")
        article = article_ids.get(int(row.get("article_id") or 0))
        if article is None or row.get("color") not in colors:
            report.skipped += 1
            continue
        values = {**row, "article_id": article}
        if hid in present:
            if str(row.get("modified") or "") <= str(present[hid] or ""):
                continue
            updates = [c for c in values if c in known and c != "id"]
            sets = ", ".join(f'"{c}" = :{c}' for c in updates)
            conn.execute(text(f"UPDATE highlights SET {sets} WHERE id = :id"), {c: values[c] for c in [*updates, "id"]})
            conn.execute(text("DELETE FROM highlight_tags WHERE highlight_id = :id"), {"id": hid})
            report.highlights_updated += 1
        else:
            _insert(conn, "highlights", values, known)
            report.highlights_added += 1
        for tag in dict.fromkeys(tags_of.get(str(hid), [])):
            conn.execute(
                text("INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (:h, :t)"), {"h": hid, "t": tag}
            )


def _merge_corrections(conn: Connection, found: Salvage, article_ids: dict[int, int], report: MergeReport,
                       table: str = "entity_corrections") -> set[int]:
    """The reader's corrections of the entities (or, ``event_corrections``, of the timeline) the library lacks;
    the articles that got one."""
    touched: set[int] = set()
    known = [c for c in _columns(conn, table) if c != "id"]
    present = {tuple(map(str, r)) for r in conn.execute(
        text(f"SELECT article_id, action, payload, created FROM {table}"))}
    for row in found.rows.get(table, []):
        old = row.get("article_id")
        article = None if old is None else article_ids.get(int(old))
        if (old is not None or table != "entity_corrections") and article is None:
            report.skipped += 1
            continue
        key = tuple(map(str, (article, row.get("action"), row.get("payload"), row.get("created"))))
        if key in present:
            continue
        _insert(conn, table, {**row, "article_id": article}, known)
        present.add(key)
        report.corrections_added += 1
        if article is not None:
            touched.add(article)
    return touched


def summary(found: Salvage) -> Iterator[str]:
    for table in TABLES:
        lost = found.unreadable.get(table)
        note = "" if not lost else (" (table unreadable)" if lost < 0 else f" ({lost} damaged regions skipped)")
        yield f"{table}: {found.count(table)} rows{note}"
