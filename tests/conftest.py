"""Every test runs headless and away from the user's folders and library."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from models.store import Library

# Set before anything imports Qt, and before platformdirs reads the environment.
_HOME = Path(tempfile.mkdtemp(prefix="newsdesk-test-home-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HOME"] = str(_HOME)
for var, sub in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_RUNTIME_DIR", "runtime"),
):
    os.environ[var] = str(_HOME / sub)
    (_HOME / sub).mkdir(mode=0o700, exist_ok=True)
os.environ.pop("NEWSDESK_LIBRARY", None)
os.environ["NEWSDESK_AUTHOR"] = "Test Reader"

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


POSTGRES_ENV = "NEWSDESK_TEST_POSTGRES"  # e.g. postgresql+psycopg://user:pw@127.0.0.1/postgres (CI sets it)


@pytest.fixture(params=["sqlite", "postgresql"])
def library_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty library on each supported database: a SQLite file, and a new PostgreSQL database when a
    server is configured (CI starts one; elsewhere the PostgreSQL runs are skipped with the reason)."""
    if request.param == "sqlite":
        yield str(tmp_path / "library.sqlite")
        return
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"no PostgreSQL server configured ({POSTGRES_ENV} unset)")
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"newsdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def lib(library_url: str) -> Iterator[Library]:
    """An open library on each supported database, closed after the test."""
    from models.store import open_library

    library = open_library(library_url)
    try:
        yield library
    finally:
        library.close()


@pytest.fixture
def another_library_url(library_url: str, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Makes more fresh, empty libraries on the same database as ``library_url`` (for tests that carry annotations
    from one library to another); the PostgreSQL ones are dropped after the test."""
    from sqlalchemy.engine import make_url

    made: list[str] = []
    admin_url = os.environ.get(POSTGRES_ENV, "")

    def make(name: str) -> str:
        if "://" not in library_url:
            return str(tmp_path / f"{name}.sqlite")
        import uuid

        from sqlalchemy import create_engine, text

        database = f"newsdesk_test_{uuid.uuid4().hex[:12]}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        made.append(database)
        return make_url(admin_url).set(database=database).render_as_string(hide_password=False)

    yield make
    if made:
        from sqlalchemy import create_engine, text

        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for database in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def cli_libraries_closed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command line leaves its library open until the process ends; in a test the libraries it opened are
    closed afterwards, so no PostgreSQL connection is left for the garbage collector to warn about."""
    import models.store

    opened: list[models.store.Library] = []
    real = models.store.open_library

    def recording(library: str | None = None) -> models.store.Library:
        lib = real(library)
        opened.append(lib)
        return lib

    monkeypatch.setattr(models.store, "open_library", recording)
    yield
    for lib in opened:
        lib.close()
