"""The backups beside a library: where they are, when each was taken, and whether it is sound.

What :mod:`models.store.backup` writes and rotates, read here for it, for restore and for the one-line message about
a damaged library (:mod:`models.store.integrity`), which names the newest sound backup.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from models.store import location

STAMP = "%Y%m%dT%H%M%S%fZ"
NAME = re.compile(r"-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[^/]+)\.sqlite$")


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
