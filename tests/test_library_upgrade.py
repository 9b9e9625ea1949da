"""Schema upgrades lose nothing: a library written by the release whose schema is 0001 (highlights, notes, tags,
corrections, analyses; tests/fixtures/library/release-0001.sql) is upgraded to whatever the head is, keeps every
row, and the backup taken before the upgrade restores cleanly (issue 14).

The head is read from the version files, so the migrations other branches add are exercised as they are chained.
A probe migration on top of the head makes the backup-before-upgrade path run even while the head is 0001.
"""

from __future__ import annotations

import shutil
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from alembic import command

from models.store import backup, migrate, open_library, restore
from models.store.engine import make_engine
from models.store.entities import EntityStore

FIXTURE = Path(__file__).parent / "fixtures" / "library" / "release-0001.sql"
RELEASE_REVISION = "0001"

PROBE = '''"""A probe migration for the upgrade test: one new nullable column."""
import sqlalchemy as sa
from alembic import op

revision = "zz_probe"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("highlights") as batch:
        batch.add_column(sa.Column("probe", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("highlights") as batch:
        batch.drop_column("probe")
'''


def release_library(path: Path) -> None:
    """The 0001 schema made by the 0001 migration, then the release's rows."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        cfg = migrate._config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, RELEASE_REVISION)
    finally:
        engine.dispose()
    sql = FIXTURE.read_text("utf-8").replace('INSERT INTO "colors"', 'INSERT OR REPLACE INTO "colors"')
    db = sqlite3.connect(path)
    try:
        db.executescript(sql)
        db.commit()
    finally:
        db.close()


def contents(path: Path) -> dict[str, Any]:
    """What the reader made, by the columns of 0001 (later revisions may add columns, never lose these)."""
    conn = sqlite3.connect(path)
    try:
        q = conn.execute
        return {
            "articles": sorted(q("SELECT uid, source, title, text, text_hash, blocks, metadata, published, note "
                                 "FROM articles")),
            "highlights": sorted(q(
                'SELECT h.id, a.uid, h.start, h."end", h.exact, h.prefix, h.suffix, h.text_hash, h.color, h.note, '
                "h.author, h.status, h.created, h.modified FROM highlights h JOIN articles a ON a.id = h.article_id")),
            "tags": sorted(q("SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id")),
            "corrections": sorted(q("SELECT a.uid, c.action, c.payload, c.author, c.created FROM entity_corrections c "
                                    "LEFT JOIN articles a ON a.id = c.article_id")),
            "analyses": sorted(q("SELECT a.uid, x.text_hash, x.version, x.data FROM analyses x "
                                 "JOIN articles a ON a.id = x.article_id")),
            "colors": sorted(q("SELECT key, meaning, swatch, background, position FROM colors")),
            "highlights_indexed": q("SELECT count(*) FROM highlights_fts").fetchone()[0],
        }
    finally:
        conn.close()


def test_the_release_fixture_holds_every_kind_of_data(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    release_library(path)
    found = contents(path)
    assert len(found["articles"]) == 2 and len(found["highlights"]) == 5 and len(found["tags"]) == 6
    assert len(found["corrections"]) == 2 and len(found["analyses"]) == 2
    assert any(row[-1] for row in found["articles"])  # an article note
    assert found["highlights_indexed"] == 5
    assert FIXTURE.stat().st_size < 200_000


def _check_upgraded(path: Path, before: dict[str, Any], head: str) -> None:
    lib = open_library(str(path))  # the upgrade runs here
    try:
        assert migrate.current(lib.engine) == head
        assert lib.article_count() == 2
        notes = {a.note for a in lib.annotations.list(None)}
        assert "Since 1956 — check the dates" in notes and "naïve “quotes” and ünïcödé" in notes
        assert {h.highlight_id for h in lib.search("1956")} - {None}
        sample = next(a for a in lib.list_articles() if "Abe" in a.title)
        assert len(EntityStore(lib).rules(sample.id)) == 2
        from models.analysis import ANALYZER_VERSION

        stored = contents(path)["analyses"][0]
        if stored[2] == ANALYZER_VERSION:
            assert lib.load_analysis(sample.id, ANALYZER_VERSION) is not None
    finally:
        lib.close()
    assert contents(path) == before


def test_upgrading_the_release_library_to_head_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    release_library(path)
    before = contents(path)
    head = migrate.head()
    _check_upgraded(path, before, head)
    pre = [p for p in backup.backups(path) if f"-before-{head}" in p.name]
    if head == RELEASE_REVISION:
        assert pre == []  # nothing to upgrade, nothing backed up for it
        return
    assert len(pre) == 1
    restore.restore(path, pre[0])
    assert contents(path) == before


@pytest.fixture
def probe_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The real migrations plus one probe revision on top, as another branch's migration would be chained."""
    scripts = tmp_path / "migrations"
    shutil.copytree(str(resources.files("models") / "migrations"), scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    real_head = migrate.head()
    (scripts / "versions" / "zz_probe.py").write_text(PROBE.format(head=real_head), "utf-8")

    def config() -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(scripts))
        return cfg

    monkeypatch.setattr(migrate, "_config", config)
    monkeypatch.setattr(migrate, "head", lambda: "zz_probe")
    return "zz_probe"


def test_the_backup_taken_before_an_upgrade_restores_the_release_library(tmp_path: Path, probe_head: str) -> None:
    path = tmp_path / "library.sqlite"
    release_library(path)
    before = contents(path)
    _check_upgraded(path, before, probe_head)
    pre = [p for p in backup.backups(path) if "-before-zz_probe" in p.name]
    assert len(pre) == 1
    info = backup.inspect(pre[0], thorough=True)
    assert info.ok and (info.articles, info.highlights) == (2, 5)
    done = restore.restore(path, pre[0])
    assert not done.was_damaged and done.aside is not None
    assert contents(path) == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != probe_head
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
