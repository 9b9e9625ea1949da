"""An open database as the parts of the store use it: one read session, or one write transaction, per user action.

:class:`models.store.library.Library` is one; the stores of annotations, revisions and the article list take it
under this name, so that they sit below the library that offers them.
"""

from __future__ import annotations

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
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._writer.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
