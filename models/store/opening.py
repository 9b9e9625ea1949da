"""Opening a SQLite library file safely: checked first, then migrated (after a backup) only when sound and writable.

A damaged, empty or unreadable file raises :class:`models.store.integrity.LibraryDamaged` before any connection
that could write exists. A library that cannot be written (read-only file or folder) opens for reading: nothing is
migrated or backed up, and writes fail with SQLite's "readonly database" error, which the command line and the
reader explain (:func:`models.store.integrity.explain`).

The daily backup is not taken here: on a 3 GB library it reads and copies every page for about a minute, which no
one should wait for before the library opens. The reader takes it on a worker once its window is painted, the
command line before the day's first command that writes (:func:`daily_backup`, :func:`models.store.backup.take_daily`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import Engine

from models.store import backup, integrity, location, migrate
from models.store.engine import make_engine

log = logging.getLogger(__name__)


class _Opened(Protocol):
    read_only: str


_Lib = TypeVar("_Lib", bound=_Opened)


def open_sqlite_library(url: str, path: Path, factory: Callable[[str, Engine], _Lib]) -> _Lib:
    state = integrity.preflight(path)
    engine = make_engine(url, read_only=state.read_only, immutable=state.immutable)
    lib = factory(url, engine)
    try:
        if state.read_only:
            if migrate.current(engine) != migrate.head():
                raise integrity.LibraryUnavailable(
                    f"the library {location.printable(path)} needs an upgrade but {state.reason}: open it once "
                    "where it can be written"
                )
            lib.read_only = state.reason
            return lib
        migrate.upgrade(engine, path if state.exists else None)
    except BaseException:
        engine.dispose()
        raise
    return lib


def daily_backup(url: str) -> Path | None:
    """The day's backup of a writable SQLite library when it is due (None: not due, taken by another process just
    now, not a SQLite file, or read-only). A library found damaged raises
    :class:`~models.store.integrity.LibraryDamaged`; a backup that cannot be written is logged and the work goes on
    (the library itself is fine)."""
    path = location.sqlite_path(url)
    if path is None or not path.is_file():
        return None
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
        return None  # opened read-only: nothing can change it, and no copy can be written beside it
    try:
        return backup.take_daily(path)
    except backup.BackupError as exc:
        log.warning("newsdesk: the daily backup was not taken: %s", exc)
        return None
