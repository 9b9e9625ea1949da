"""Files that appear whole or not at all: written under a temporary name beside their place, flushed to disk, then
renamed over it (a rename within one folder is atomic), the folder flushed too.

Exports are written with :func:`write_atomically`; backups and restores, whose copy SQLite writes by path and which
are verified before they take their name, use :func:`temporary_beside` and :func:`put_in_place`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def temporary_beside(path: Path, suffix: str = ".tmp") -> Path:
    """A fresh hidden name in ``path``'s folder (the same file system, so the final rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}")


def put_in_place(temporary: Path, path: Path) -> None:
    """Flush the finished ``temporary`` and rename it to ``path``, replacing what was there."""
    fsync_file(temporary)
    os.replace(temporary, path)
    fsync_folder(path.parent)


def write_atomically(path: Path, data: bytes) -> None:
    """A half-written file never replaces a good one; an overwritten file keeps its permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_beside(path)
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(fd, creation_mode(path))  # a new file gets what open() would give it, not 0600
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        put_in_place(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def creation_mode(path: Path) -> int:
    """The mode ``open()`` would give a new file under the current umask; an overwritten file keeps its own."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
