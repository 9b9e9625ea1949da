"""The reader's first window before the store is up: its data read with plain ``sqlite3``, the store loaded behind it.

Loading SQLAlchemy and opening the library through it (checks, migrations, the daily backup) takes longer than
building and painting the whole window. When the reader starts on an existing, up-to-date SQLite library with no
file to import, :class:`StartupLibrary` stands in for the library: the questions the window asks to paint itself
(the list's first page and counts, the last article, its highlights, the colour legend) are answered from a
read-only ``sqlite3`` connection, and once the window is painted :func:`bring_up_store` opens the real library in a
background thread and :meth:`StartupLibrary.attach` hands every later call to it. A call the snapshot cannot answer
waits for the store (in a worker thread that is what it does anyway; on the GUI thread it happens only if the reader
acts within the few hundred milliseconds the store takes to come up).

Only the standard library, ``models.article`` and the store's record types are imported here: no SQLAlchemy, no
spaCy, no analysis worker.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import models
from models.article import Article, Block, metadata_from_dict
from models.store import location
from models.store.records import Annotation, ArticleSummary, ColorMeaning, StoredArticle

log = logging.getLogger(__name__)

VERSIONS = Path(models.__file__).resolve().parent / "migrations" / "versions"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # as models.revisions.identity: a URL or clipboard: source
_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)
SORTS = ("recent", "newest", "oldest", "highlighted", "title")


def head_revisions(folder: Path = VERSIONS) -> set[str]:
    """The Alembic head(s), read from the version files themselves (every revision no other one builds on)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in folder.glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        revisions.add(found["revision"].strip("'\""))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", found.get("down_revision", "")))
    return revisions - parents


def stored_source(name: str) -> str | None:
    """The source the store records for an existing local file named on the command line (its absolute, resolved
    path, as ``models.revisions.identity.canonical_source`` makes it), or None for a URL, a folder or no file."""
    if _SCHEME.match(name) and not re.match(r"^[A-Za-z]:[\\/]", name):
        return None
    path = Path(name).expanduser()
    try:
        return str(path.resolve(strict=False)) if path.is_file() else None
    except (OSError, RuntimeError):
        return None


def _when(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, (str, bytes)) else value


class Snapshot:
    """Read-only answers from the library file through ``sqlite3``, in the shapes the store returns."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(location.sqlite_uri(path, mode="ro"), uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> Snapshot | None:
        """The snapshot of an existing library at the current schema with at least one article, else None (the
        reader then opens the store first, as it must migrate, create or check it)."""
        if not path.is_file():
            return None
        try:
            snapshot = cls(path)
        except sqlite3.Error:
            return None
        try:
            versions = {v for (v,) in snapshot._rows("SELECT version_num FROM alembic_version")}
            if not versions or versions != head_revisions() or snapshot.article_count() == 0:
                snapshot.close()
                return None
        except (sqlite3.Error, OSError, ValueError):
            snapshot.close()
            return None
        return snapshot

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    # -- the library list ----------------------------------------------------------------------------------------

    def article_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM articles")[0][0])

    @staticmethod
    def _where(unread_only: bool, highlighted_only: bool, edited_only: bool) -> str:
        """The filters of models.store.article_list, in the same terms."""
        parts = []
        if edited_only:
            parts.append("EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id AND r.number > 1)")
        if unread_only:
            parts.append("NOT EXISTS (SELECT 1 FROM reading_state s WHERE s.article_id = a.id AND s.read)")
        if highlighted_only:
            parts.append("EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)")
        return (" WHERE " + " AND ".join(parts)) if parts else ""

    def count_articles(self, *, unread_only: bool = False, highlighted_only: bool = False,
                       edited_only: bool = False) -> int:
        where = self._where(unread_only, highlighted_only, edited_only)
        return int(self._rows(f"SELECT count(*) FROM articles a{where}")[0][0])

    def article_page(self, offset: int, limit: int, *, sort: str = "recent", unread_only: bool = False,
                     highlighted_only: bool = False, edited_only: bool = False) -> list[ArticleSummary]:
        if sort not in SORTS:
            raise ValueError(f"unknown order {sort!r}; one of {', '.join(SORTS)}")
        highlights = "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id)"
        order = {
            "recent": "a.imported_at DESC, a.id DESC",
            "newest": "a.published IS NULL, a.published DESC, a.id DESC",
            "oldest": "a.published IS NULL, a.published ASC, a.id ASC",
            "highlighted": f"{highlights} DESC, a.imported_at DESC, a.id DESC",
            "title": "lower(a.title), a.id",
        }[sort]
        rows = self._rows(
            f"SELECT a.id, a.title, a.source, a.metadata, a.published, a.imported_at, {highlights}, "
            "EXISTS (SELECT 1 FROM reading_state s WHERE s.article_id = a.id AND s.read) "
            f"FROM articles a{self._where(unread_only, highlighted_only, edited_only)} ORDER BY {order} "
            "LIMIT ? OFFSET ?", (max(0, limit), max(0, offset)))
        ids = [int(r[0]) for r in rows]
        marks = ",".join("?" * len(ids))
        colors: dict[int, list[str]] = {}
        versions: dict[int, int] = {}
        unfinished: dict[int, str] = {}
        if ids:
            for article_id, color, _n in self._rows(
                f"SELECT article_id, color, count(*) AS n FROM highlights WHERE article_id IN ({marks}) "
                "GROUP BY article_id, color ORDER BY n DESC", ids):
                colors.setdefault(int(article_id), []).append(str(color))
            versions = {int(a): int(n) for a, n in self._rows(
                f"SELECT article_id, count(*) FROM article_revisions WHERE article_id IN ({marks}) "
                "GROUP BY article_id", ids)}
            unfinished = {int(a): str(s) for a, s in self._rows(
                "SELECT n.article_id, json_extract(n.data, '$.\"status\"') FROM analyses n "
                f"JOIN articles a ON a.id = n.article_id WHERE n.article_id IN ({marks}) "
                "AND n.text_hash = a.text_hash", ids) if s}
        legend = {key: swatch for key, swatch in self._rows("SELECT key, swatch FROM colors")} if colors else {}
        return [
            ArticleSummary(int(i), title, source, str((_json(meta) or {}).get("publisher", "")), published,
                           _when(imported), int(n or 0), tuple(colors.get(int(i), ())),
                           revisions=versions.get(int(i), 1), edited=versions.get(int(i), 1) > 1,
                           analysis_status=unfinished.get(int(i), ""), read=bool(read),
                           swatches=tuple(legend.get(k, "") for k in colors.get(int(i), ())))
            for i, title, source, meta, published, imported, n, read in rows
        ]

    # -- one article ---------------------------------------------------------------------------------------------

    def article_for_file(self, sources: Sequence[str]) -> int | None:
        """The stored article of the one local file named (``newsdesk FILE``), found by its source as the store
        keeps it (the absolute, resolved path, see models.revisions.identity), else None."""
        if len(sources) != 1 or (source := stored_source(sources[0])) is None:
            return None
        rows = self._rows("SELECT id FROM articles WHERE source = ?", (source,))
        return int(rows[0][0]) if rows else None


    def get_article(self, article_id: int) -> StoredArticle:
        rows = self._rows("SELECT id, uid, source, kind, text, blocks, metadata, note, imported_at, updated_at "
                          "FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise KeyError(f"no article with id {article_id}")
        i, uid, source, kind, text, blocks, meta, note, imported, updated = rows[0]
        article = Article(source=source, kind=kind, text=text,
                          blocks=tuple(Block(int(a), int(b), str(k)) for a, b, k in _json(blocks)),
                          metadata=metadata_from_dict(_json(meta)))
        return StoredArticle(int(i), uid, article, note or "", _when(imported), _when(updated))

    def reading_state(self, article_id: int) -> tuple[bool, int]:
        """(read, position) as the store's ``reading_state`` answers it: the first paint opens where the reader
        left the article."""
        rows = self._rows("SELECT read, position FROM reading_state WHERE article_id = ?", (article_id,))
        return (bool(rows[0][0]), int(rows[0][1] or 0)) if rows else (False, 0)

    # -- highlights and the legend -------------------------------------------------------------------------------

    def colors(self) -> list[ColorMeaning]:
        return [ColorMeaning(k, m, s, b, int(p)) for k, m, s, b, p in self._rows(
            "SELECT key, meaning, swatch, background, position FROM colors ORDER BY position, key")]

    def highlights(self, article_id: int) -> list[Annotation]:
        """The article's highlights in text order (the store's ``list(article_id)``)."""
        tags: dict[str, list[str]] = {}
        for highlight_id, name in self._rows(
            "SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
            "JOIN highlights h ON h.id = ht.highlight_id WHERE h.article_id = ?", (article_id,)):
            tags.setdefault(highlight_id, []).append(name)
        return [
            Annotation(id=i, article_id=int(a), start=int(s), end=int(e), exact=x, prefix=p or "", suffix=f or "",
                       color=c, note=n or "", tags=tuple(sorted(tags.get(i, ()), key=str.casefold)),
                       author=au or "", created=_when(cr), modified=_when(mo), status=st)
            for i, a, s, e, x, p, f, c, n, au, cr, mo, st in self._rows(
                'SELECT id, article_id, start, "end", exact, prefix, suffix, color, note, author, created, modified, '
                'status FROM highlights WHERE article_id = ? ORDER BY article_id, start, "end", id', (article_id,))
        ]

    def counts_by_color(self, article_id: int | None = None) -> dict[str, int]:
        where, params = (" WHERE article_id = ?", (article_id,)) if article_id is not None else ("", ())
        counts = {k: int(n) for k, n in self._rows(f"SELECT color, count(*) FROM highlights{where} GROUP BY color",
                                                   params)}
        return {c.key: counts.get(c.key, 0) for c in self.colors()}

    def tags(self) -> list[str]:
        names = [n for (n,) in self._rows(
            "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM highlight_tags)")]
        return sorted(names, key=lambda n: (n.casefold(), n))


class StartupLibrary:
    """The library as the window sees it while the store comes up: the snapshot's answers, then the store's."""

    def __init__(self, snapshot: Snapshot, url: str) -> None:
        self._snapshot: Snapshot | None = snapshot
        self._url = url
        self._real: Any = None
        self._error: BaseException | None = None
        self._failing: BaseException | None = None  # the GUI thread is told first, then the threads that wait
        self._ready = threading.Event()
        self.starter: Callable[[], object] | None = None  # starts opening the store (once), set by the reader
        self.shown: int | None = None  # ``newsdesk FILE``: the file's stored article, painted before it is imported

    # -- the store arriving --------------------------------------------------------------------------------------

    def attach(self, library: Any) -> None:
        """The store is open: every call from now on goes to it (called from any thread)."""
        self._real = library
        self._ready.set()

    def failing(self, error: BaseException) -> None:
        """The store could not be opened (from the thread that tried): the GUI thread no longer waits for it, the
        threads waiting go on waiting until :meth:`fail` (the window they would report to is gone by then)."""
        self._failing = error

    def fail(self, error: BaseException) -> None:
        """The store could not be opened: calls waiting for it (and later ones) raise ``error``."""
        self._error = error
        self._ready.set()

    def release_snapshot(self) -> None:
        """Close the sqlite3 connection once the store answers (on the GUI thread, which alone reads from it)."""
        if self._ready.is_set() and (snapshot := self._snapshot) is not None:
            self._snapshot = None
            snapshot.close()

    @property
    def store_ready(self) -> bool:
        return self._real is not None

    def store(self) -> Any:
        """The real library, waiting for it if it is still being opened."""
        if self._real is None:
            on_gui_thread = threading.current_thread() is threading.main_thread()
            if on_gui_thread and self._failing is not None and not self._ready.is_set():
                raise self._failing
            if on_gui_thread and not self._ready.is_set():
                log.info("the reader waits for the library to open")
                if self.starter is not None:
                    self.starter()  # asked before the window was painted: open it now rather than never
            self._ready.wait()
            if self._error is not None:
                raise self._error
        return self._real

    def __getattr__(self, name: str) -> Any:  # everything the snapshot does not answer
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.store(), name)

    def _answer(self) -> Snapshot | None:
        failed = self._error is not None or self._failing is not None
        return self._snapshot if self._real is None and not failed else None

    # -- what the window asks to paint itself ------------------------------------------------------------------

    @property
    def location(self) -> str:
        return str(self._real.location) if self._real is not None else location.display(self._url)

    @property
    def read_only(self) -> str:
        return str(getattr(self._real, "read_only", "")) if self._real is not None else ""

    def article_count(self) -> int:
        snap = self._answer()
        return snap.article_count() if snap is not None else int(self.store().article_count())

    def count_articles(self, **filters: bool) -> int:
        snap = self._answer()
        return snap.count_articles(**filters) if snap is not None else int(self.store().count_articles(**filters))

    def article_page(self, offset: int, limit: int, **options: Any) -> list[Any]:
        snap = self._answer()
        if snap is not None:
            return snap.article_page(offset, limit, **options)
        return list(self.store().article_page(offset, limit, **options))

    def get_article(self, article_id: int) -> Any:
        snap = self._answer()
        return snap.get_article(article_id) if snap is not None else self.store().get_article(article_id)

    def set_read(self, article_id: int, read: bool = True) -> None:
        """A write: the reader makes it off the GUI thread, where waiting for the store costs nothing."""
        try:
            store = self.store()
        except Exception:  # noqa: BLE001 — the library did not open: the reader says why, there is nothing to mark
            return
        store.set_read(article_id, read)

    def reading_state(self, article_id: int) -> tuple[bool, int]:
        snap = self._answer()
        if snap is not None:
            return snap.reading_state(article_id)
        read, position = self.store().reading_state(article_id)
        return bool(read), int(position)

    def set_position(self, article_id: int, position: int) -> None:
        """A write, made off the GUI thread as :meth:`set_read` is: it waits for the store rather than be lost."""
        try:
            store = self.store()
        except Exception:  # noqa: BLE001 — the library did not open: the reader says why, there is nothing to keep
            return
        store.set_position(article_id, position)

    @property
    def annotations(self) -> Any:
        return self._real.annotations if self._real is not None else _StartupAnnotations(self)

    @property
    def revisions(self) -> Any:
        return self._real.revisions if self._real is not None else _Later(lambda: self.store().revisions)


class _StartupAnnotations:
    """The annotation store's read calls the window makes while it is built; the rest waits for the store."""

    def __init__(self, library: StartupLibrary) -> None:
        self._library = library

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._library.store().annotations, name)

    def colors(self) -> list[Any]:
        snap = self._library._answer()
        return snap.colors() if snap is not None else list(self._library.store().annotations.colors())

    def tags(self) -> list[str]:
        snap = self._library._answer()
        return snap.tags() if snap is not None else list(self._library.store().annotations.tags())

    def counts_by_color(self, article_id: int | None = None) -> dict[str, int]:
        snap = self._library._answer()
        if snap is not None:
            return snap.counts_by_color(article_id)
        return dict(self._library.store().annotations.counts_by_color(article_id))

    def list(self, article_id: int | None = None, **filters: Any) -> list[Any]:
        snap = self._library._answer()
        if snap is not None and article_id is not None and not filters:
            return snap.highlights(article_id)
        return list(self._library.store().annotations.list(article_id, **filters))


class _Later:
    """An attribute of the store asked for before it is open: its calls wait for it."""

    def __init__(self, resolve: Callable[[], Any]) -> None:
        self._resolve = resolve

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._resolve(), name)


def startup_library(library: str | None, sources: Sequence[str] = ()) -> StartupLibrary | None:
    """A stand-in for the library named on the command line when its first window can be painted from a snapshot
    (an existing SQLite library, up to date, not empty), else None.

    With ``sources`` (``newsdesk FILE``) only when they are one local file the library already holds: its stored
    article is painted first (:attr:`StartupLibrary.shown`) and the file is imported again once the store is up
    (an unchanged file stores nothing; a changed one replaces what was painted). A new file, a folder or a URL
    is imported through the store before the window shows it."""
    try:
        url = location.resolve(library)
    except Exception:  # noqa: BLE001 — the store reports a bad location in its own words
        return None
    path = location.sqlite_path(url)
    snapshot = Snapshot.open(path) if path is not None else None
    if snapshot is None:
        return None
    startup = StartupLibrary(snapshot, url)
    if sources:
        try:
            startup.shown = snapshot.article_for_file(sources)
        except sqlite3.Error:
            startup.shown = None
        if startup.shown is None:
            snapshot.close()
            return None
    return startup


def bring_up_store(open_store: Callable[[], Any], arrived: Callable[[Any], None],
                   failed: Callable[[BaseException], None]) -> threading.Thread:
    """Run ``open_store()`` off the GUI thread; ``arrived(library)`` or ``failed(error)`` is called in that thread
    (hand it to the GUI thread with a queued signal). One small call, so that it can move to a shared runner."""

    def run() -> None:
        try:
            library = open_store()
        except BaseException as error:  # noqa: BLE001 — reported to the window, which decides
            failed(error)
            return
        arrived(library)

    thread = threading.Thread(target=run, name="newsdesk-open-library", daemon=True)
    thread.start()
    return thread
