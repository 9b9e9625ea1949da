"""Opening a SQLite library file safely: checked first, then migrated and backed up only when sound and writable.

A damaged, empty or unreadable file raises :class:`models.store.integrity.LibraryDamaged` before any connection
that could write exists. A library that cannot be written (read-only file or folder) opens for reading: nothing is
migrated or backed up, and writes fail with SQLite's "readonly database" error, which the command line and the
reader explain (:func:`models.store.integrity.explain`).
"""

from __future__ import annotations

import logging
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
    state = integrity.preflight(path, thorough=backup.is_due(path))
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
    if state.exists:
        try:
            backup.backup_if_due(path, source_checked=state.checked)
        except backup.BackupError as exc:  # the library itself is fine: say why there is no fresh copy, go on
            log.warning("newsdesk: the daily backup was not taken: %s", exc)
    return lib
