"""Engines that keep the library safe: WAL, full fsync, foreign keys and a busy timeout on SQLite.

A SQLite file is opened through a ``file:`` URI built by :func:`models.store.location.sqlite_uri` (never by pasting
the path into a URL), with ``mode=rw`` when it exists so that a vanished file is not silently re-created, and
``mode=ro`` for a library that cannot be written (plus ``immutable=1`` when its folder is read-only too, as SQLite
could not create the WAL index beside it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from models.store import location

BUSY_TIMEOUT_MS = 10_000


def make_engine(url: str, *, read_only: bool = False, immutable: bool = False) -> Engine:
    path = location.sqlite_path(url)
    if path is not None:
        return _sqlite_file_engine(path, read_only=read_only, immutable=immutable)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_file_engine(path: Path, *, read_only: bool, immutable: bool) -> Engine:
    if read_only:
        params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        params = {"mode": "rw" if path.exists() else "rwc"}
    uri = location.sqlite_uri(path, **params)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _sqlite_pragmas_read_only if read_only else _sqlite_pragmas)
    # pysqlite's own transaction handling defers BEGIN; emit it ourselves so every session is one transaction.
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(conn: Any) -> None:
    """Writers take the write lock up front (``BEGIN IMMEDIATE``) so the busy timeout applies; readers don't block."""
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # autocommit at the driver; SQLAlchemy's "begin" event issues BEGIN
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _sqlite_pragmas_read_only(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


PLANNER_METHODS = frozenset({"seqscan", "sort"})  # the ones a statement of the store turns off


@contextmanager
def planner_without(session: Any, method: str) -> Iterator[None]:
    """The statements inside the block planned by PostgreSQL without one of its methods (``SET LOCAL
    enable_<method> = off``, on again after the block), where its costs misjudge a big library; nothing on SQLite.
    When the block fails the setting is left to the transaction's end (``SET LOCAL`` ends with it), as a statement
    in a failed transaction would fail too."""
    if method not in PLANNER_METHODS:
        raise ValueError(f"unknown planner method {method!r}")
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    session.execute(text(f"SET LOCAL enable_{method} = off"))
    yield
    session.execute(text(f"SET LOCAL enable_{method} = on"))
