"""Backups of a SQLite library with the backup API, each verified by reopening it, kept in generations.

Taken before every migration, at most once a day and on demand, into ``<library>.backups/`` beside the library.
A backup is written under a temporary name in that folder, turned into a plain (non-WAL) file, checked (every
page, and for the library's tables), flushed to disk and only then renamed into place: nothing half-written ever
carries a backup's name, and no ``-wal``/``-shm`` file is left behind. A damaged library is never backed up (it would
push good copies out). The check is ``PRAGMA integrity_check`` for a backup before a migration or asked for, and
``PRAGMA quick_check`` for the daily one: the same reading of every page and of the structure of every b-tree, without
comparing each index with its table, which took four fifths of a daily backup (about 80 s of 100 on a 3 GB library)
for what the copy can only inherit from the library, never add; a restore checks its backup thoroughly anyway.

Rotation keeps generations, as Zotero and Time Machine do: the newest ``KEEP`` backups, the newest of each of the
last ``KEEP`` days, ``KEEP_WEEKLY`` weeks and ``KEEP_MONTHLY`` months, the newest pre-upgrade backup, always the
newest sound backup holding articles, and every sound backup larger than all newer ones, so that a library that was
emptied or shrank never costs the copies that still hold what it lost.

One backup at a time: every backup holds an exclusive lock on the ``<library>.backups`` folder (an advisory
``flock``, released by the system when the process ends, however it ends) while it writes, so the reader's daily
backup, a ``newsdesk backup`` and the backup before a migration never copy the library at once. A backup killed
half-way leaves only its hidden temporary file, which the next backup deletes (the library and the earlier backups
are untouched).

The daily backup (:func:`take_daily`) is not part of opening a library: reading every page of a 3 GB library and
copying it takes some 20 seconds. The reader takes it on a worker once its window is painted; the command line takes it
before the day's first command that writes (a command that only reads cannot lose anything).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from models.atomic_files import put_in_place, temporary_beside
from models.store import integrity, location
from models.store.backup_files import (
    NAME,
    STAMP,
    BackupInfo,
    backup_dir,
    backups,
    describe,
    inspect,
    newest_verified,
    taken_at,
)
from models.store.storage_errors import storage_reason

KEEP = 7  # the newest backups, and the newest of each of this many days
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6
DAY = 24 * 3600
SIDECARS = ("-wal", "-shm", "-journal")
LOCK_NAME = ".lock"

__all__ = [  # the backups as the rest of the product knows them, read or written (models.store.backup_files)
    "DAY", "KEEP", "KEEP_MONTHLY", "KEEP_WEEKLY", "NAME", "SIDECARS", "STAMP", "BackupError", "BackupInfo", "is_due",
    "backup_dir", "backup_if_due", "backups", "copy_database", "describe", "inspect", "make_backup",
    "newest_verified", "remove_with_sidecars", "rotate", "storage_reason", "taken_at", "take_daily", "one_at_a_time",
]


class BackupError(RuntimeError):
    """A backup that could not be taken or is not sound; ``str()`` is a one-line reason."""


def make_backup(db_path: Path, reason: str = "daily", *, now: float | None = None,
                source_checked: bool = False) -> Path:
    """Copy the live database (WAL included) to a new file, verify it and rotate old ones.

    Refuses a library that is missing, empty or damaged (``source_checked`` says the caller has just checked it).
    """
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise BackupError(f"nothing to back up: {location.printable(db_path)} is missing or empty")
    if not source_checked:
        problem = integrity.check_file(db_path, quick=True)
        if problem is not None:
            raise BackupError(f"the library {location.printable(db_path)} is damaged ({problem}): not backed up")
    folder = backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"could not back up {location.printable(db_path)}: {storage_reason(exc, folder)}") from None
    with one_at_a_time(db_path):
        return _make_backup(db_path, reason, now)


def _make_backup(db_path: Path, reason: str, now: float | None) -> Path:
    """:func:`make_backup` once the lock is held: leftovers of a backup that was killed go first."""
    folder = backup_dir(db_path)
    _remove_leftovers(db_path)
    moment = time.time() if now is None else now
    stamp = datetime.fromtimestamp(moment, UTC).strftime(STAMP)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    temporary = temporary_beside(target)
    try:
        copy_database(db_path, temporary, source_sound=True)
        info = inspect(temporary, thorough=reason != "daily")
        if not info.ok:
            raise BackupError(f"backup of {location.printable(db_path)} failed verification: {info.problem}")
        put_in_place(temporary, target)
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


def is_due(db_path: Path, now: float | None = None) -> bool:
    """The library exists, is not empty, and its newest backup is more than a day old (or there is none)."""
    try:
        if db_path.stat().st_size == 0:
            return False
        existing = backups(db_path)
    except OSError:
        return False
    moment = time.time() if now is None else now
    return not existing or moment - existing[-1].stat().st_mtime >= DAY


def backup_if_due(db_path: Path, now: float | None = None, *, source_checked: bool = False) -> Path | None:
    """A daily backup when the newest one is more than a day old (or there is none)."""
    if not is_due(db_path, now):
        return None
    return make_backup(db_path, now=now, source_checked=source_checked)


def take_daily(db_path: Path, now: float | None = None) -> Path | None:
    """The daily backup, when it is due and no other backup of the library is being taken (else None).

    Its copy is checked page by page (``PRAGMA quick_check``): the copy is the library's pages as they are, so this is
    also the once-a-day full check that opening a large library leaves out (:mod:`models.store.integrity`), at the
    cost of one reading instead of two (a 3 GB library: some 17 s rather than 30). A copy that fails it is never kept;
    when the library itself fails it too, :class:`~models.store.integrity.LibraryDamaged` is raised, whose message
    names the backup to restore.
    """
    if not is_due(db_path, now):
        return None
    folder = backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"could not back up {location.printable(db_path)}: {storage_reason(exc, folder)}") from None
    with one_at_a_time(db_path, wait=False) as held:
        if not held or not is_due(db_path, now):  # another process is taking it, or took it while we waited
            return None
        try:  # the copy is page for page the library: its check reads every page of the library too
            return _make_backup(db_path, "daily", now)
        except BackupError:
            problem = integrity.check_file(db_path, quick=True)  # the library's damage, or the copy's own?
            if problem is not None:
                raise integrity.LibraryDamaged(db_path, problem) from None
            raise


@contextlib.contextmanager
def one_at_a_time(db_path: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the library's backup lock (``wait=False``: yields False at once when another backup holds it).

    The lock is an advisory ``flock`` on the backups folder itself (no file of its own; on Windows, a ``.lock`` file
    in it), released by the system when the process ends however it ends: a killed backup never leaves it stuck."""
    folder = backup_dir(db_path)
    try:
        fd = _lock_handle(folder)
    except OSError:  # a folder that cannot be opened: no backup can be written there either, and it will say why
        yield True
        return
    try:
        held = _lock(fd, wait)
        try:
            yield held
        finally:
            if held:
                _unlock(fd)
    finally:
        os.close(fd)


def _lock_handle(folder: Path) -> int:
    if sys.platform == "win32":
        return os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    return os.open(folder, os.O_RDONLY)


def _lock(fd: int, wait: bool) -> bool:
    if sys.platform == "win32":
        import msvcrt

        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not wait:
                    return False
                time.sleep(0.2)
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _remove_leftovers(db_path: Path) -> None:
    """The hidden temporary files of backups that were killed half-way (only ever called with the lock held)."""
    for leftover in backup_dir(db_path).glob(f".{db_path.stem}-*.tmp*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


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
