"""Restoring a SQLite library from a backup, keeping the current file aside, and offering what it still holds.

The backup is copied (SQLite's backup API) to a temporary name beside the library and checked before anything is
moved; then the current file, with its ``-wal`` and ``-shm``, is renamed to ``<library>.damaged-<time>`` (or
``.replaced-<time>`` when it was sound), and the copy renamed into place. Nothing is ever overwritten. Rows made
after the backup that can still be read from the file set aside are offered by :func:`recoverable` and brought
back by :func:`bring_back`.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models.atomic_files import fsync_file, fsync_folder, temporary_beside
from models.store import backup, integrity, location, recover


@dataclass(frozen=True)
class Restored:
    source: backup.BackupInfo
    aside: Path | None  # where the previous file went (None: there was none)
    was_damaged: bool


def choose(db_path: Path, source: Path | None = None) -> backup.BackupInfo:
    """The backup a restore would use: the one named (checked thoroughly), else the newest verified one."""
    if source is not None:
        if not source.is_file():
            raise integrity.LibraryUnavailable(f"no such backup: {location.printable(source)}")
        info = backup.inspect(source, thorough=True)
        if not info.ok:
            raise integrity.LibraryUnavailable(f"{location.printable(source)} cannot be restored: {info.problem}")
        return info
    newest = backup.newest_verified(db_path)
    if newest is None:
        raise integrity.LibraryUnavailable(
            f"there is no verified backup of {location.printable(db_path)} in "
            f"{location.printable(backup.backup_dir(db_path))}; name one with --from FILE"
        )
    return newest


def restore(db_path: Path, source: Path | None = None, *, now: float | None = None) -> Restored:
    chosen = choose(db_path, source)
    moment = datetime.now(UTC) if now is None else datetime.fromtimestamp(now, UTC)
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    folder = db_path.parent
    temporary = temporary_beside(db_path, ".restoring")
    try:
        backup.copy_database(chosen.path, temporary, source_immutable=True)
        check = backup.inspect(temporary, thorough=True)
        if not check.ok:
            raise integrity.LibraryUnavailable(f"the restored copy failed verification: {check.problem}")
        fsync_file(temporary)
    except (sqlite3.Error, OSError) as exc:
        backup.remove_with_sidecars(temporary)
        raise integrity.LibraryUnavailable(
            f"could not restore {location.printable(db_path)}: {backup.storage_reason(exc, folder)}; "
            "nothing was changed"
        ) from None
    except BaseException:
        backup.remove_with_sidecars(temporary)
        raise
    aside: Path | None = None
    damaged = False
    if db_path.exists():
        damaged = _damaged(db_path)
        aside = db_path.with_name(f"{db_path.name}.{'damaged' if damaged else 'replaced'}-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = aside.with_name(f"{db_path.name}.{'damaged' if damaged else 'replaced'}-{stamp}-{n}")
        try:
            os.replace(db_path, aside)
            for suffix in ("-wal", "-shm", "-journal"):
                side = Path(f"{db_path}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{aside}{suffix}"))
        except OSError as exc:
            backup.remove_with_sidecars(temporary)
            raise integrity.LibraryUnavailable(
                f"could not set {location.printable(db_path)} aside: {backup.storage_reason(exc, folder)}"
            ) from None
    os.replace(temporary, db_path)  # flushed above, before the current file was set aside
    fsync_folder(folder)
    return Restored(chosen, aside, damaged)


def _damaged(path: Path) -> bool:
    try:
        integrity.preflight(path, thorough=True)
    except integrity.LibraryDamaged:
        return True
    except integrity.LibraryProblem:
        return False
    return False


def recoverable(library: Any, aside: Path) -> tuple[recover.Salvage, recover.MergeReport]:
    """What the file set aside holds that the (restored) library lacks, without changing the library."""
    found = recover.salvage(aside, reference=library.db_path)
    with library.engine.connect() as conn:
        transaction = conn.begin()
        try:
            report = recover.merge(conn, found)
        finally:
            transaction.rollback()
    return found, report


def bring_back(library: Any, aside: Path) -> recover.MergeReport:
    """Add to the library what can be read from ``aside`` and is missing from it (one transaction)."""
    found = recover.salvage(aside, reference=library.db_path)
    with library.engine.execution_options(sqlite_immediate=True).begin() as conn:
        return recover.merge(conn, found)
