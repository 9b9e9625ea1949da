"""Alembic migrations applied at start-up, before anything reads the library.

Opening an up-to-date library is on every start's critical path, so the check reads the stored revision with one
query and finds the head from the version files' text; Alembic itself is imported only when a migration runs.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect

from models.store import backup

if TYPE_CHECKING:
    from alembic.config import Config

FTS_TABLES = ("articles_fts", "highlights_fts")
FTS_INDEXES = ("ix_articles_fts", "ix_highlights_fts")
FTS_COLUMNS = ("search_vector",)  # PostgreSQL's stored tsvector of articles (0008_search)
# Indexes with a descending column: autogenerate cannot compare them (it sees an expression), so they are left out
# of its comparison and checked on their own (tests/test_store.py).
DESCENDING_INDEXES = ("ix_timeline_events_digest",)
# Indexes shaped per database (0010_pgdossier: PostgreSQL's partial, with INCLUDE columns): checked on their own.
DIALECT_INDEXES = ("ix_entity_mentions_dossier", "ix_entity_mentions_dossier_long", "ix_articles_dossier",
                   "ix_articles_dossier_long")
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Full-text tables are made by hand per dialect (FTS5 / tsvector), and an index with a descending column reads
    as an expression: autogenerate leaves them alone."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLES)
    if type_ == "index":
        return name not in FTS_INDEXES and name not in DESCENDING_INDEXES and name not in DIALECT_INDEXES
    if type_ == "column":
        return name not in FTS_COLUMNS
    return True


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("models") / "migrations"))
    return cfg


def head() -> str:
    """The newest revision: the one no other version file names as its ``down_revision`` (history is linear)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (resources.files("models") / "migrations" / "versions").iterdir():
        if not script.name.endswith(".py") or script.name.startswith("__"):
            continue
        source = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev:
            revisions.add(rev.group(1))
        if down and down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        return str(value) if value is not None else None


def upgrade(engine: Engine, db_path: Path | None = None) -> bool:
    """Bring the schema to head; back an existing SQLite file up first. True when anything ran."""
    rev = current(engine)
    if rev == head():
        return False
    if rev is not None and db_path is not None and db_path.exists():
        backup.make_backup(db_path, reason=f"before-{head()}")
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
