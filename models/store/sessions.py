"""An open database as the parts of the store use it: one read session, or one write transaction, per user action.

:class:`models.store.library.Library` is one; the stores of annotations, revisions and the article list take it
under this name, so that they sit below the library that offers them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from models.store import location


class Sessions:
    read_only = ""  # why writes are refused (a read-only file or folder), or "" when the library can be written

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        writer = engine.execution_options(sqlite_immediate=True) if url.startswith("sqlite") else engine
        self._writer = sessionmaker(writer, expire_on_commit=False)

    @property
    def location(self) -> str:
        return location.display(self.url)

    @property
    def db_path(self) -> Path | None:
        return Path(location.display(self.url)) if self.url.startswith("sqlite:///") else None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        Inside :meth:`joined_writes` on the same thread, the block is a savepoint of the shared transaction instead:
        released when it ends, rolled back alone if it raises, committed with the others."""
        joined = _joined.get(self)
        if joined is not None and joined.thread == threading.get_ident():
            with joined.session.begin_nested():
                yield joined.session
            return
        with self._writer.begin() as session:
            yield session

    @contextmanager
    def joined_writes(self) -> Iterator[JoinedWrites]:
        """This thread's writes share one transaction, committed by :meth:`JoinedWrites.commit` and when the block
        ends (a bulk import commits every few articles instead of once per article). Each :meth:`writing` block
        in it stays atomic on its own (a savepoint). If the block raises, what was not committed is rolled back;
        an interruption (KeyboardInterrupt, SystemExit) commits the blocks that completed first. Other threads
        keep their own transactions."""
        if _joined.get(self) is not None:
            raise RuntimeError("joined writes do not nest")
        joined = JoinedWrites(self._writer(), threading.get_ident())
        _joined[self] = joined
        try:
            yield joined
            joined.commit()
        except (KeyboardInterrupt, SystemExit):
            try:
                joined.commit()
            except Exception:  # noqa: BLE001 — the interruption is what is reported; nothing half-written is kept
                joined.session.rollback()
            raise
        except BaseException:
            joined.session.rollback()
            raise
        finally:
            del _joined[self]
            joined.session.close()

    def close(self) -> None:
        self.engine.dispose()


class JoinedWrites:
    """The one transaction of :meth:`Sessions.joined_writes`."""

    def __init__(self, session: Session, thread: int) -> None:
        self.session = session
        self.thread = thread

    def commit(self) -> None:
        """Commit what was written so far; the next write begins a new transaction (the write lock is released
        in between)."""
        self.session.commit()


_joined: dict[Sessions, JoinedWrites] = {}  # the open library's shared transaction, while joined_writes runs
