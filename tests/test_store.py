"""The library: migrations, import/update, search, safety of writes, backups, location."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from models.article import Article, Metadata, build_text
from models.store import Library, backup, location, migrate, open_library
from models.store.schema import Base


def make_article(
    source: str = "file:///a.txt", body: str = "Abe met Putin in Moscow on Jan. 22.", title: str = "Summit talks"
) -> Article:
    t, blocks = build_text([("title", title), ("paragraph", body)])
    return Article(source, "text", t, blocks, Metadata(title=title, published="2019-01-23", publisher="Mainichi"))


def test_fresh_database_migrated_to_head_matches_the_models(lib: Library) -> None:
    with lib.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True, "include_object": migrate.include_object}),
            Base.metadata,
        )
    assert diff == []
    assert migrate.current(lib.engine) == migrate.head()


def test_the_descending_index_has_its_columns_in_order(lib: Library) -> None:
    """The one index autogenerate cannot compare (a descending column) is what the model declares: the dates of the
    timeline, then each date's mentions newest article first."""
    expected = ["version", "first_day", "last_day", "article_id", "seq", "planned", "precision"]
    with lib.engine.connect() as conn:
        if lib.engine.dialect.name == "sqlite":
            info = conn.exec_driver_sql("PRAGMA index_xinfo('ix_timeline_events_digest')").all()
            keys = [(row[2], row[3]) for row in info if row[5]]  # (column name, descending) of the key columns
            assert keys == [(c, int(c == "article_id")) for c in expected]
        else:
            definition = conn.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_timeline_events_digest'").scalar_one()
            inside = definition[definition.index("(") + 1 : definition.rindex(")")]
            columns = [c.strip().replace('"', "") for c in inside.split(",")]
            assert columns == [c + (" DESC" if c == "article_id" else "") for c in expected]


def test_sqlite_is_opened_for_durability(library_path: Path) -> None:
    lib = open_library(str(library_path))
    with lib.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert (conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 5000


def test_import_again_is_unchanged_then_updated(lib: Library) -> None:
    first = lib.import_article(make_article())
    assert first.status == "new"
    assert lib.import_article(make_article()).status == "unchanged"
    updated = lib.import_article(make_article(body="Abe met Putin in Moscow on Jan. 22 and again in June."))
    assert (updated.status, updated.id) == ("updated", first.id)
    stored = lib.get_article(first.id)
    assert stored.article.text.endswith("again in June.")
    assert [b.kind for b in stored.article.blocks] == ["title", "paragraph"]
    assert stored.article.metadata.publisher == "Mainichi"
    assert lib.article_count() == 1


def test_search_finds_words_with_prefix_and_survives_operators(lib: Library) -> None:
    a = lib.import_article(make_article())
    lib.import_article(make_article("file:///b.txt", "Tokyo stocks rose on Monday.", "Markets"))
    hits = lib.search("Mosc")
    assert [(h.kind, h.article_id) for h in hits] == [("article", a.id)]
    hit = hits[0]
    assert hit.snippet[hit.marks[0][0] : hit.marks[0][1]] == "Moscow"
    stored = lib.get_article(a.id).article.text
    assert hit.start is not None and hit.end is not None and stored[hit.start : hit.end] == "Moscow"
    for hostile in ('"', "AND OR NOT", "*", "title:x", "NEAR(", "'); DROP TABLE articles; --"):
        lib.search(hostile)  # no exception, no damage
    assert lib.article_count() == 2
    assert [s.title for s in lib.list_articles("stocks")] == ["Markets"]


def test_search_index_follows_updates_and_deletes(lib: Library) -> None:
    a = lib.import_article(make_article())
    lib.import_article(make_article(body="Kono met Lavrov."))
    assert lib.search("Putin") == []
    assert [h.article_id for h in lib.search("Lavrov")] == [a.id]
    lib.delete_article(a.id)
    assert lib.search("Lavrov") == []


def test_failed_write_rolls_back_as_a_whole(lib: Library) -> None:
    with pytest.raises(RuntimeError):
        with lib.writing() as s:
            s.execute(text("UPDATE colors SET meaning = 'changed'"))
            raise RuntimeError("boom")
    with lib.reading() as s:
        assert "changed" not in s.execute(text("SELECT meaning FROM colors")).scalars().all()


def test_analysis_cache_is_keyed_by_text_version(library_path: Path) -> None:
    from models.analysis.types import Analysis, Entity, Mention

    lib = open_library(str(library_path))
    art = make_article()
    r = lib.import_article(art)
    analysis = Analysis("v-test", art.text_hash, (Entity("Moscow", "PLACE", (Mention(30, 36, "Moscow"),)),))
    lib.save_analysis(r.id, analysis)
    assert lib.load_analysis(r.id, "v-test") == analysis
    assert lib.load_analysis(r.id, "v-other") is None
    lib.forget_analysis(r.id)  # Re-analyse: the next request computes it afresh
    assert lib.load_analysis(r.id, "v-test") is None
    lib.save_analysis(r.id, analysis)
    lib.import_article(make_article(body="Something else entirely."))
    assert lib.load_analysis(r.id, "v-test") is None  # the text changed: stale analysis is not served
    lib.save_analysis(r.id, analysis)  # an analysis of the old text arriving late is dropped
    assert lib.load_analysis(r.id, "v-test") is None


def test_backups_are_verified_copies_and_rotate(library_path: Path) -> None:
    lib = open_library(str(library_path))
    lib.import_article(make_article())
    made = [backup.make_backup(library_path) for _ in range(backup.KEEP + 2)]
    kept = backup.backups(library_path)
    assert len(kept) == backup.KEEP and made[-1] in kept
    conn = sqlite3.connect(kept[-1])
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    conn.close()
    assert backup.backup_if_due(library_path) is None  # the newest is fresh


def test_daily_backup_when_the_newest_is_old(library_path: Path) -> None:
    lib = open_library(str(library_path))
    lib.import_article(make_article())
    newest = backup.make_backup(library_path)
    old = newest.stat().st_mtime - 2 * backup.DAY
    os.utime(newest, (old, old))
    assert backup.backup_if_due(library_path) is not None


def test_corrupt_library_is_refused_not_overwritten(library_path: Path) -> None:
    library_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(Exception, match="(?i)database"):
        open_library(str(library_path))
    assert library_path.read_bytes().startswith(b"this is not a database")


def test_library_location_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(location.ENV_VAR, str(tmp_path / "env.sqlite"))
    assert location.resolve(str(tmp_path / "arg.sqlite")).endswith("arg.sqlite")
    assert location.resolve(None).endswith("env.sqlite")
    monkeypatch.delenv(location.ENV_VAR)
    assert location.resolve(None) == f"sqlite:///{location.default_path().resolve()}"
    assert location.resolve("postgresql+psycopg://u:secret@host/db").startswith("postgresql")
    assert "secret" not in location.display("postgresql+psycopg://u:secret@host/db")
    (tmp_path / "folder").mkdir()
    assert location.resolve(str(tmp_path / "folder")).endswith("folder/library.sqlite")


def test_head_found_without_alembic_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    assert migrate.head() == ScriptDirectory.from_config(migrate._config()).get_current_head()


def test_an_older_library_is_backed_up_then_migrated(library_path: Path) -> None:
    lib = open_library(str(library_path))
    lib.import_article(make_article())
    with lib.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    lib.close()
    with pytest.raises(Exception, match="older"):  # an unknown revision is refused, after a backup was taken
        open_library(str(library_path))
    assert backup.backups(library_path), "no backup before the migration"


def test_a_list_longer_than_one_statement_can_ask_about_is_read_in_chunks(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list's highlight colours, versions and analysis states are asked for a few thousand articles at a time:
    PostgreSQL refuses a statement with more than 65,535 values, which the whole list of a large library is."""
    from models.store import article_list

    ids = [lib.import_article(make_article(source=f"s{n}.txt", body=f"Story {n} of the day.")).id for n in range(7)]
    lib.annotations.add(ids[1], 0, 5, color="red")
    lib.annotations.add(ids[4], 0, 5, color="green")
    lib.import_article(make_article(source="s4.txt", body="Story 4 of the day, corrected."))
    whole = lib.list_articles()
    monkeypatch.setattr(article_list, "ID_CHUNK", 2)
    chunked = lib.list_articles()
    assert chunked == whole and len(whole) == 7
    assert {a.id: a.colors for a in chunked if a.colors} == {ids[1]: ("red",), ids[4]: ("green",)}
    assert [a.id for a in chunked if a.edited] == [ids[4]]


def test_a_planner_method_is_turned_off_on_postgresql_only_and_back_on_after(lib: Library) -> None:
    from sqlalchemy import text

    from models.store.engine import planner_without
    from tests.fixtures.statements import statements_run

    with lib.reading() as s, statements_run(lib.engine) as statements:
        with planner_without(s, "sort"):
            s.execute(text("SELECT 1"))
        with pytest.raises(ValueError):
            with planner_without(s, "everything; DROP TABLE articles"):
                pass
    settings = [statement for statement, _ in statements if "enable_" in statement]
    if lib.engine.dialect.name == "postgresql":
        assert settings == ["SET LOCAL enable_sort = off", "SET LOCAL enable_sort = on"]
    else:
        assert settings == []  # SQLite's planner has no such switch
