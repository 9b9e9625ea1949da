"""Rolling backups of a SQLite library with the backup API, each verified by reopening it.

Taken before every migration and at most once a day; the newest ``KEEP`` are kept.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

KEEP = 7
DAY = 24 * 3600


class BackupError(RuntimeError):
    pass


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def backups(db_path: Path) -> list[Path]:
    folder = backup_dir(db_path)
    return sorted(folder.glob("*.sqlite")) if folder.is_dir() else []


def make_backup(db_path: Path, reason: str = "daily") -> Path:
    """Copy the live database (WAL included) to a new file, verify it and rotate old ones."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    partial = target.with_suffix(".partial")
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    check = sqlite3.connect(f"file:{partial}?mode=ro", uri=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()
    finally:
        check.close()
    if not result or result[0] != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup of {db_path} failed verification: {result}")
    partial.replace(target)
    for old in backups(db_path)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def backup_if_due(db_path: Path, now: float | None = None) -> Path | None:
    """A daily backup when the newest one is more than a day old (or there is none)."""
    if not db_path.exists():
        return None
    existing = backups(db_path)
    now = time.time() if now is None else now
    if existing and now - existing[-1].stat().st_mtime < DAY:
        return None
    return make_backup(db_path)
