"""Backups of a SQLite library with the backup API, each verified by reopening it, kept in generations.

Taken before every migration, at most once a day and on demand, into ``<library>.backups/`` beside the library.
A backup is written under a temporary name in that folder, turned into a plain (non-WAL) file, checked with
``PRAGMA integrity_check`` and for the library's tables, flushed to disk and only then renamed into place: nothing
half-written ever carries a backup's name, and no ``-wal``/``-shm`` file is left behind. A damaged library is never
backed up (it would push good copies out).

Rotation keeps generations, as Zotero and Time Machine do: the newest ``KEEP`` backups, the newest of each of the
last ``KEEP`` days, ``KEEP_WEEKLY`` weeks and ``KEEP_MONTHLY`` months, the newest pre-upgrade backup, always the
newest sound backup holding articles, and every sound backup larger than all newer ones, so that a library that was
emptied or shrank never costs the copies that still hold what it lost.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from models.store import location

KEEP = 7  # the newest backups, and the newest of each of this many days
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6
DAY = 24 * 3600
STAMP = "%Y%m%dT%H%M%S%fZ"
NAME = re.compile(r"-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[^/]+)\.sqlite$")
SIDECARS = ("-wal", "-shm", "-journal")


class BackupError(RuntimeError):
    """A backup that could not be taken or is not sound; ``str()`` is a one-line reason."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime  # UTC
    reason: str
    articles: int
    highlights: int
    problem: str | None  # None when the file is sound and holds a library

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def size(self) -> int:
        return self.articles + self.highlights

    @property
    def taken_text(self) -> str:
        return self.taken.strftime("%Y-%m-%d %H:%M UTC")

    def record(self) -> dict[str, object]:
        """The JSON line of ``newsdesk backups``."""
        return {
            "path": location.printable(self.path),
            "taken": self.taken.isoformat(timespec="seconds").replace("+00:00", "Z"),
            "reason": self.reason,
            "articles": self.articles,
            "highlights": self.highlights,
            "bytes": _size(self.path),
            "verified": self.ok,
            **({"problem": self.problem} if self.problem else {}),
        }


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def backups(db_path: Path) -> list[Path]:
    """The backups of a library, oldest first (their names sort by the time they were taken)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = db_path.stem + "-"
    return sorted(p for p in folder.glob("*.sqlite") if p.name.startswith(prefix) and not p.name.startswith("."))


def taken_at(path: Path) -> datetime:
    match = NAME.search(path.name)
    if match:
        with contextlib.suppress(ValueError):
            return datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def inspect(path: Path, *, thorough: bool = False, check: bool = True) -> BackupInfo:
    """Open a backup read-only (``immutable``: nothing is created beside it) and check it holds a sound library.

    ``check=False`` skips SQLite's page checks (every backup passed them when it was taken) and only counts.
    """
    match = NAME.search(path.name)
    reason = match["reason"] if match else "copy"
    try:
        taken = taken_at(path)
    except OSError:
        taken = datetime.fromtimestamp(0, UTC)
    articles = highlights = 0
    problem: str | None = None
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise sqlite3.DatabaseError("not a SQLite database")
        conn = sqlite3.connect(location.sqlite_uri(path, mode="ro", immutable="1"), uri=True)
        try:
            pragma = "integrity_check" if thorough else "quick_check"
            result = conn.execute(f"PRAGMA {pragma}(5)").fetchall() if check else [("ok",)]
            if [r[0] for r in result] != ["ok"]:
                problem = " ".join(str(result[0][0]).split()) if result else "no answer from the check"
            else:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if not {"articles", "highlights", "alembic_version"} <= tables:
                    problem = "holds no Newsdesk library"
                else:
                    articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
                    highlights = int(conn.execute("SELECT count(*) FROM highlights").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        problem = " ".join(str(exc).split()) or type(exc).__name__
    return BackupInfo(path, taken, reason, articles, highlights, problem)


def describe(db_path: Path) -> list[BackupInfo]:
    """Every backup of the library, newest first, each checked."""
    return [inspect(p) for p in reversed(backups(db_path))]


def newest_verified(db_path: Path) -> BackupInfo | None:
    """The newest backup that opens, passes SQLite's check and holds a library."""
    for path in reversed(backups(db_path)):
        info = inspect(path)
        if info.ok:
            return info
    return None


def make_backup(db_path: Path, reason: str = "daily", *, now: float | None = None,
                source_checked: bool = False) -> Path:
    """Copy the live database (WAL included) to a new file, verify it and rotate old ones.

    Refuses a library that is missing, empty or damaged (``source_checked`` says the caller has just checked it).
    """
    from models.store import integrity

    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise BackupError(f"nothing to back up: {location.printable(db_path)} is missing or empty")
    if not source_checked:
        problem = integrity.check_file(db_path, quick=True)
        if problem is not None:
            raise BackupError(f"the library {location.printable(db_path)} is damaged ({problem}): not backed up")
    moment = time.time() if now is None else now
    folder = backup_dir(db_path)
    stamp = datetime.fromtimestamp(moment, UTC).strftime(STAMP)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    temporary = folder / f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy_database(db_path, temporary, source_sound=True)
        info = inspect(temporary, thorough=True)
        if not info.ok:
            raise BackupError(f"backup of {location.printable(db_path)} failed verification: {info.problem}")
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync_folder(folder)
    except BackupError:
        remove_with_sidecars(temporary)
        raise
    except (sqlite3.Error, OSError) as exc:
        remove_with_sidecars(temporary)
        raise BackupError(f"could not back up {location.printable(db_path)}: {storage_reason(exc, folder)}") from None
    if now is not None:
        os.utime(target, (moment, moment))
    rotate(db_path)
    return target


def copy_database(source: Path, target: Path, *, source_immutable: bool = False, source_sound: bool = False) -> None:
    """A consistent copy with SQLite's backup API, left as a plain rollback-journal file with no WAL beside it.

    ``source_sound``: the source has just passed the check and may be opened for writing, so that closing the copy's
    connection tidies its WAL away as any writer's does (a read-only connection leaves ``-wal``/``-shm`` behind).
    """
    writable = source_sound and os.access(source, os.W_OK) and os.access(source.parent, os.W_OK)
    params = {"mode": "ro", "immutable": "1"} if source_immutable else {"mode": "rw" if writable else "ro"}
    src = sqlite3.connect(location.sqlite_uri(source, **params), uri=True, timeout=10)
    try:
        dst = sqlite3.connect(location.sqlite_uri(target, mode="rwc"), uri=True)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    for suffix in SIDECARS:
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def backup_if_due(db_path: Path, now: float | None = None, *, source_checked: bool = False) -> Path | None:
    """A daily backup when the newest one is more than a day old (or there is none)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    existing = backups(db_path)
    moment = time.time() if now is None else now
    if existing and moment - existing[-1].stat().st_mtime < DAY:
        return None
    return make_backup(db_path, now=now, source_checked=source_checked)


def rotate(db_path: Path) -> list[Path]:
    """Delete the backups no generation rule keeps; returns what was deleted."""
    paths = backups(db_path)  # oldest first
    if not paths:
        return []
    newest_first = list(reversed(paths))
    taken = {p: taken_at(p) for p in paths}
    keep: set[Path] = set(newest_first[:KEEP])
    for key, count in (
        (lambda d: d.date(), KEEP),
        (lambda d: tuple(d.isocalendar())[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for p in newest_first:
            period = key(taken[p])
            if period not in seen:
                seen.append(period)
                if len(seen) > count:
                    break
                keep.add(p)
    upgrades = [p for p in newest_first if (m := NAME.search(p.name)) and m["reason"].startswith("before-")]
    keep.update(upgrades[:1])
    # The data rules: the newest sound backup with articles, and every sound backup larger than all newer ones.
    largest_newer = -1
    kept_with_data = False
    for p in newest_first:
        info = inspect(p, check=False)
        if not info.ok:
            continue
        if info.articles > 0 and not kept_with_data:
            keep.add(p)
            kept_with_data = True
        if info.size > largest_newer:
            if largest_newer >= 0:
                keep.add(p)
            largest_newer = info.size
    removed = []
    for p in paths:
        if p not in keep:
            remove_with_sidecars(p)
            removed.append(p)
    return removed


def remove_with_sidecars(path: Path) -> None:
    for name in (str(path), *(f"{path}{s}" for s in SIDECARS)):
        if os.path.lexists(name):
            os.unlink(name)


def storage_reason(exc: BaseException, where: Path) -> str:
    """One line for a failed write: a full disk, a read-only place or a lock said as such."""
    text = " ".join(str(exc).split())
    number = getattr(exc, "errno", None)
    lowered = text.lower()
    if number == errno.ENOSPC or "disk is full" in lowered or "no space" in lowered or (
        ("i/o error" in lowered or "unable to open" in lowered) and _nearly_full(where)
    ):
        return f"the disk holding {location.printable(where)} is full"
    unwritable = "unable to open" in lowered and where.exists() and not os.access(where, os.W_OK)
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in lowered or "read-only" in lowered \
            or unwritable:
        return f"{location.printable(where)} cannot be written (read-only or no permission)"
    if "locked" in lowered or "busy" in lowered:
        return "the library is locked by another program; try again when it has finished"
    return text or type(exc).__name__


def _nearly_full(where: Path) -> bool:
    """SQLite says "disk I/O error" when it cannot even create the WAL index on a full disk: look at the disk."""
    import shutil

    for folder in (where, *where.parents):
        if folder.exists():
            try:
                return shutil.disk_usage(folder).free < 256 * 1024
            except OSError:
                return False
    return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
