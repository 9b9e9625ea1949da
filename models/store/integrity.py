"""Is a SQLite library file safe to open, and to write? Checked before anything touches it.

An existing file that is empty, unreadable, not a SQLite database or damaged (``PRAGMA quick_check``, then
``integrity_check`` for the details) is refused with :class:`LibraryDamaged`: it is never written to, migrated or
backed up, and the message names ``newsdesk restore`` with the backup it would use.

``quick_check`` reads every page of the file (about 4 s per GB here), so it runs on every open only while the file
is small (:data:`FULL_CHECK_BYTES`). A larger library gets the checks that cost nothing at any size on every open
(the header, a file shorter than its header says, a schema that cannot be read) and the full check once a day, when
its daily backup is due (``thorough=True``), as database maintenance usually does. Damage in a page the check did
not read is still met the moment SQLite reads that page, and :func:`explain` turns it into the same message; the
``check``, ``backup`` and ``restore`` commands always read every page.

A file or folder that cannot be written is opened read-only. The checks open the file with ``mode=ro``, so that
closing them never checkpoints a WAL into a damaged file.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from models.store import location
from models.store.backup_files import newest_verified
from models.store.storage_errors import storage_reason

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
FULL_CHECK_BYTES = 64 * 1024 * 1024  # up to this size every open reads every page (~0.25 s)
MAX_PROBLEMS = 20  # lines of integrity_check kept for the report


class LibraryProblem(RuntimeError):
    """A library that cannot be used as asked; ``str()`` is the one-line reason for the user."""

    complete_message = True  # names the library and the way out: printed without a prefix (models.cli.main)


class LibraryDamaged(LibraryProblem):
    """The file exists but is empty, unreadable, not a database or damaged; restore is the way out."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(damage_message(path, reason))


class LibraryUnavailable(LibraryProblem):
    """The library cannot be opened for a reason that is not damage (locked, missing folder, a device...)."""


@dataclass(frozen=True)
class Preflight:
    exists: bool
    read_only: bool  # the file or its folder cannot be written: open with mode=ro
    immutable: bool  # not even the WAL index can be created beside it (read-only folder)
    reason: str = ""  # why it is read-only, for the message on a refused write
    checked: bool = False  # every page was read (quick_check): a backup may skip its own check


def preflight(path: Path, *, thorough: bool = False) -> Preflight:
    """Decide how to open the library at ``path``, or raise :class:`LibraryProblem` before anything is written.

    ``thorough``: read every page whatever the size (the daily backup is due, or a command checks on purpose).
    ``Preflight.checked`` says whether every page was read.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        folder = _existing_parent(path)
        if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
            raise LibraryUnavailable(
                f"cannot create the library {location.printable(path)}: the folder {location.printable(folder)} "
                "is read-only"
            ) from None
        return Preflight(exists=False, read_only=False, immutable=False)
    except OSError as exc:
        raise LibraryUnavailable(f"cannot reach the library {location.printable(path)}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise LibraryUnavailable(f"the library {location.printable(path)} is not a regular file")
    if info.st_size == 0:
        raise LibraryDamaged(path, "the file is empty (0 bytes)")
    if not os.access(path, os.R_OK):
        raise LibraryDamaged(path, "the file cannot be read (permission denied)")
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEADER_BYTES)
    except OSError as exc:
        raise LibraryDamaged(path, f"the file cannot be read ({exc.strerror})") from None
    if head[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise LibraryDamaged(path, "the file is not a SQLite database (its header is overwritten)")
    folder_writable = os.access(path.parent, os.W_OK | os.X_OK)
    file_writable = os.access(path, os.W_OK)
    immutable = not folder_writable and not _wal_files_present(path)
    checked = thorough or info.st_size <= FULL_CHECK_BYTES
    problem = header_problem(head, info.st_size)
    if problem is not None:
        raise LibraryDamaged(path, problem)
    problem = check_file(path, quick=True, immutable=immutable) if checked else check_schema(path, immutable)
    if problem is not None:
        detail = check_file(path, quick=False, immutable=immutable) or problem
        raise LibraryDamaged(path, detail)
    if folder_writable and file_writable:
        return Preflight(exists=True, read_only=False, immutable=False, checked=checked)
    reason = "its folder is read-only" if not folder_writable else "the file is read-only"
    return Preflight(exists=True, read_only=True, immutable=immutable, reason=reason, checked=checked)


def header_problem(head: bytes, size: int) -> str | None:
    """What the 100-byte header says is wrong with a file of ``size`` bytes: a page size SQLite never writes, or a
    file cut short of the pages its header counts (the count is trusted only when SQLite marked it current)."""
    if len(head) < HEADER_BYTES:
        return f"the file is cut short ({size} bytes, not even a header)"
    raw = int.from_bytes(head[16:18], "big")
    page_size = 65536 if raw == 1 else raw
    if page_size < 512 or page_size & (page_size - 1):
        return f"the header names an impossible page size ({raw})"
    pages = int.from_bytes(head[28:32], "big")
    current = head[24:28] == head[92:96]
    if current and pages and pages * page_size > size:
        return f"the file is cut short ({size} bytes where its header counts {pages} pages of {page_size})"
    return None


def check_schema(path: Path, immutable: bool = False) -> str | None:
    """None when SQLite can read the schema and count the file's pages; the cheap check of a large library."""
    _rows, problem = _ask(path, immutable, "SELECT count(*) FROM sqlite_master", "PRAGMA page_count")
    return problem


def check_file(path: Path, *, quick: bool = True, immutable: bool = False) -> str | None:
    """None when SQLite finds the file sound, else a one-line description of the damage."""
    pragma = "quick_check" if quick else "integrity_check"
    rows, problem = _ask(path, immutable, f"PRAGMA {pragma}({MAX_PROBLEMS})")
    if problem is not None:
        return problem
    if rows == ["ok"]:
        return None
    first = rows[0] if rows else "no answer"
    more = f" (and {len(rows) - 1} more problems)" if len(rows) > 1 else ""
    return " ".join(first.split()) + more


def _ask(path: Path, immutable: bool, *statements: str) -> tuple[list[str], str | None]:
    """The first column of the last statement's rows, read over a read-only connection, or the damage met (a lock or
    an unreachable file raises :class:`LibraryUnavailable`)."""
    params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    try:
        conn = sqlite3.connect(location.sqlite_uri(path, **params), uri=True, timeout=10)
    except sqlite3.Error as exc:
        return [], _damage_or_raise(exc, path)
    rows: list[str] = []
    try:
        for statement in statements:
            rows = [str(r[0]) for r in conn.execute(statement).fetchall()]
    except sqlite3.Error as exc:
        return [], _damage_or_raise(exc, path)
    finally:
        conn.close()
    return rows, None


def is_damage(exc: BaseException) -> bool:
    """SQLite's words for a file whose content is wrong (as against a full disk, a lock or a permission)."""
    text = str(exc).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt", "could not decode"))


def _damage_or_raise(exc: sqlite3.Error, path: Path) -> str:
    if is_damage(exc):
        return " ".join(str(exc).split())
    if is_locked(exc):
        raise LibraryUnavailable(locked_message(path)) from None
    raise LibraryUnavailable(
        f"cannot check the library {location.printable(path)}: {storage_reason(exc, path.parent)}"
    ) from None


def undecodable_rows(path: Path, tables: dict[str, list[str]], *, immutable: bool = False) -> list[str]:
    """Rows whose text is not valid UTF-8 (SQLite's checks do not look inside values): ``table #rowid``."""
    params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    conn = sqlite3.connect(location.sqlite_uri(path, **params), uri=True, timeout=10)
    conn.text_factory = bytes
    found: list[str] = []
    try:
        for table, columns in tables.items():
            names = [c for c in columns if _has_column(conn, table, c)]
            if not names:
                continue
            cols = ", ".join(f'"{c}"' for c in names)
            for row in conn.execute(f'SELECT rowid, {cols} FROM "{table}"'):
                for value in row[1:]:
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            found.append(f"{table} #{row[0]}")
                            break
    finally:
        conn.close()
    return found


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    names = (r[1].decode() if isinstance(r[1], bytes) else r[1] for r in conn.execute(f'PRAGMA table_info("{table}")'))
    return column in names


def _existing_parent(path: Path) -> Path | None:
    for folder in path.parents:
        if folder.exists():
            return folder
    return None


def _wal_files_present(path: Path) -> bool:
    return Path(f"{path}-shm").exists()


def is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text or "busy" in text


def locked_message(path: Path) -> str:
    return (
        f"the library {location.printable(path)} is locked by another program (another Newsdesk writing?); "
        "nothing was changed, try again when it has finished"
    )


def damage_message(path: Path, reason: str) -> str:
    """The one line every command prints for a damaged library: what is wrong and how to restore it."""
    shown = location.printable(path)
    where = f" --library {_quoted(shown)}"
    try:
        newest = newest_verified(path)
    except OSError:
        newest = None
    if newest is None:
        way_out = (
            f"there is no verified backup; `newsdesk restore{where} --from FILE` can bring back a copy, and the "
            "readable rows are recovered from the damaged file"
        )
    else:
        way_out = (
            f"`newsdesk restore{where}` would bring back the backup of {newest.taken_text} "
            f"({plural(newest.articles, 'article')}, {plural(newest.highlights, 'highlight')}): "
            f"{location.printable(newest.path)}"
        )
    return f"the library {shown} is damaged: {reason}. Nothing was written to it; {way_out}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _quoted(text: str) -> str:
    import shlex

    return shlex.quote(text)


def explain(exc: BaseException, path: Path | None) -> str | None:
    """One line for a storage failure met while a command or the reader used the library, or None if it is not one.

    SQLite reports damage it finds on the way (a malformed page, text that is not UTF-8) only when it reads it; the
    quick check at open cannot see inside values.
    """
    if isinstance(exc, LibraryProblem):
        return str(exc)
    original = getattr(exc, "orig", None) or exc
    if not isinstance(original, sqlite3.Error):  # an OSError may be about any file (an export's, an article's)
        return None
    text = " ".join(str(original).split())
    lowered = text.lower()
    shown = location.printable(path) if path is not None else "the library"
    if "could not decode to utf-8" in lowered:
        column = text.split(" with text ")[0].replace("Could not decode to UTF-8 ", "")
        return damage_message(path, f"stored text is not valid UTF-8 ({column})") if path else text
    if any(word in lowered for word in ("malformed", "not a database", "corrupt")):
        return damage_message(path, text) if path else text
    if "readonly" in lowered or "read-only" in lowered:
        return f"the library {shown} is read-only: nothing was changed (reading, searching and exporting still work)"
    if "disk is full" in lowered:
        return f"the disk holding the library {shown} is full: nothing was changed; free some space and try again"
    if is_locked(original):
        return locked_message(path) if path else text
    if "disk i/o error" in lowered or "unable to open" in lowered:
        reason = storage_reason(original, path.parent if path is not None else Path.cwd())
        return f"cannot read or write the library {shown} ({reason}): nothing was changed"
    return None
