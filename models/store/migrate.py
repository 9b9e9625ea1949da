"""Alembic migrations applied at start-up, before anything reads the library."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from models.store import backup

FTS_TABLES = ("articles_fts", "highlights_fts")
FTS_INDEXES = ("ix_articles_fts", "ix_highlights_fts")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Full-text tables are made by hand per dialect (FTS5 / tsvector); autogenerate leaves them alone."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLES)
    if type_ == "index":
        return name not in FTS_INDEXES
    return True


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("models") / "migrations"))
    return cfg


def head() -> str:
    rev = ScriptDirectory.from_config(_config()).get_current_head()
    assert rev is not None
    return rev


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_path: Path | None = None) -> bool:
    """Bring the schema to head; back an existing SQLite file up first. True when anything ran."""
    rev = current(engine)
    if rev == head():
        return False
    if rev is not None and db_path is not None and db_path.exists():
        backup.make_backup(db_path, reason=f"before-{head()}")
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
