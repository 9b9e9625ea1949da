"""The dossier read as plain rows (models.store.entity_queries.dossier_rows) and written by ``newsdesk dossier``
without an object per mention: the same lines, character for character, as encoding the dossier's objects; the
covering indexes of its articles and mentions (migration 0010_pgdossier), and the rows too long for PostgreSQL's."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from models.analysis import ANALYZER_VERSION
from models.analysis.types import Analysis, Entity, Mention
from models.article import Article, Metadata, build_text
from models.cli import main
from models.cli.library_index_commands import _dumps, dossier_lines
from models.store import Library, migrate, open_library
from models.store.entities import EntityStore
from models.store.entity_queries import DossierRows, article_queries, dossier_rows, mention_queries
from tests.fixtures.generated_library import generated_article, generated_library

ODD = 'a "quoted" back\\slash, a tab\there, a line\nbreak, \x01 \x1f \u2028 é 東京 🙂'


def reference_lines(lib: Library, name: str, type_: str) -> list[str]:
    """What ``newsdesk dossier`` wrote when it encoded the dossier's objects: one ``json`` object per article."""
    d = EntityStore(lib).dossier(name, type_)
    entity = {"name": d.name, "type": d.type}
    return [_dumps({
        "article": a.article_id,
        "title": a.title,
        "publisher": a.publisher,
        "published": a.published,
        "entity": entity,
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "snippet": m.snippet, "snippet_start": m.snippet_start,
             "verified": m.verified}
            for m in a.mentions
        ],
        "highlights": [
            {"id": h.id, "start": h.start, "end": h.end, "exact": h.exact, "note": h.note, "color": h.color}
            for h in a.highlights
        ],
    }) for a in d.articles]


def add_named(lib: Library, source: str, name: str, kind: str, meta: Metadata, before: str = "") -> int:
    """An analysed article naming ``name`` twice (its only entity)."""
    body = f"{before}{name} spoke on Monday. Later, {name} left."
    text_, blocks = build_text([("title", meta.title), ("paragraph", body)])
    article = Article(source, "text", text_, blocks, meta)
    spots = [i for i in range(len(text_)) if text_.startswith(name, i)]
    entity = Entity(name, kind, tuple(Mention(i, i + len(name), name) for i in spots))
    article_id = lib.import_article(article).id
    lib.save_analysis(article_id, Analysis(ANALYZER_VERSION, article.text_hash, (entity,), (), ()))
    return article_id


@pytest.fixture
def odd_library(library_url: str, cli_libraries_closed: None) -> str:
    """A generated library, plus articles with quotes, control characters and other scripts in their title,
    publisher, mention and highlights, one without publisher or date, and an article and a mention too long for
    PostgreSQL's covering indexes."""
    lib = open_library(library_url)
    try:
        ids = generated_library(lib, 15, seed=8)
        odd_id = add_named(lib, "odd:1", "Shinzo Abe", "PERSON",
                           Metadata(title=f"Title {ODD}", published="2020-02-02", publisher=f"Press {ODD}"),
                           before=f"{ODD} ")
        add_named(lib, "odd:2", "Shinzo Abe", "PERSON", Metadata(title="Undated"))
        add_named(lib, "odd:5", "Shinzo Abe", "PERSON",  # past the limit of PostgreSQL's covering index of articles
                  Metadata(title="Long metadata", published="2019-05-05", publisher="Wire",
                           description="A long description. " * 120))
        rng = random.Random(4)
        long_name = " ".join(f"{rng.choice(['North', 'Grand', 'Union', 'Ostrava'])}{i}" for i in range(90))
        add_named(lib, "odd:3", long_name, "ORGANIZATION", Metadata(title="Long", published="2021-01-01"))
        add_named(lib, "odd:4", long_name, "ORGANIZATION", Metadata(title="Long again", published="2021-01-02"))
        odd_text = lib.get_article(odd_id).article.text
        at = odd_text.index("Shinzo Abe")
        lib.annotations.add(odd_id, at - 3, at + 6, note=ODD, color="green")
        lib.annotations.add(odd_id, 0, 5, note="on the title, away from the mentions")
        first = lib.get_article(ids[0]).article.text
        if "Shinzo Abe" in first:
            at = first.index("Shinzo Abe")
            lib.annotations.add(ids[0], at, at + 6, note="a plain note")
    finally:
        lib.close()
    return library_url


def test_the_command_writes_the_lines_the_objects_make(odd_library: str, capsys: pytest.CaptureFixture[str]) -> None:
    lib = open_library(odd_library)
    try:
        store = EntityStore(lib)
        entries = store.library_index()
        expected = {(e.name, e.type): reference_lines(lib, e.name, e.type) for e in entries}
        assert all(store.dossier(e.name, e.type) == store.dossier_by_scan(e.name, e.type) for e in entries)
        long_name = next(e.name for e in entries if e.type == "ORGANIZATION" and len(e.name) > 700)
    finally:
        lib.close()
    assert len(long_name.encode()) * 3 > 2000  # key, text and snippet: past the limit of the covering index
    for (name, type_), lines in expected.items():
        assert main(["dossier", "--library", odd_library, name, "--type", type_]) == 0
        out, err = capsys.readouterr()
        assert (out.split("\n")[:-1], err) == (lines, ""), (name, type_)  # U+2028 is not escaped: no splitlines
    odd = [json.loads(line) for line in expected[("Shinzo Abe", "PERSON")]]
    assert {x["title"] for x in odd} >= {f"Title {ODD}", "Undated", "Long metadata"}
    assert any(x["published"] is None and x["publisher"] == "" for x in odd)
    assert [h["note"] for x in odd for h in x["highlights"] if x["title"] == f"Title {ODD}"] == [ODD]
    assert [len(x["mentions"]) for x in map(json.loads, expected[(long_name, "ORGANIZATION")])] == [2, 2]
    assert main(["dossier", "--library", odd_library, "shinzo ABE"]) == 0  # the type found, the name as asked
    out, _ = capsys.readouterr()
    assert out.split("\n")[:-1] == reference_lines_of(odd_library, "shinzo ABE", "PERSON")


def reference_lines_of(url: str, name: str, type_: str) -> list[str]:
    lib = open_library(url)
    try:
        return reference_lines(lib, name, type_)
    finally:
        lib.close()


_text = st.text(max_size=12)
_int = st.integers(min_value=-(2**40), max_value=2**40)
_mention = st.tuples(_int, _int, _text, _text, _int, st.booleans(), st.booleans(), st.booleans())
_highlight = st.tuples(_text, _int, _int, _text, _text, _text)


@settings(max_examples=200, deadline=None)
@given(
    articles=st.lists(st.tuples(_int, _text, _text, st.none() | _text), max_size=4, unique_by=lambda a: a[0]),
    mentions=st.lists(st.lists(_mention, max_size=3), min_size=4, max_size=4),
    highlights=st.lists(st.lists(_highlight, max_size=2), min_size=4, max_size=4),
    name=_text,
    type_=_text,
)
def test_a_line_is_what_json_makes_of_the_article(
    articles: list[Any], mentions: list[Any], highlights: list[Any], name: str, type_: str
) -> None:
    rows = DossierRows(
        articles,
        {a[0]: ms for a, ms in zip(articles, mentions, strict=False) if ms},
        {a[0]: hs for a, hs in zip(articles, highlights, strict=False) if hs},
    )
    expected = [_dumps({
        "article": article_id, "title": title, "publisher": publisher, "published": published,
        "entity": {"name": name, "type": type_},
        "mentions": [{"start": m[0], "end": m[1], "text": m[2], "snippet": m[3], "snippet_start": m[4],
                      "verified": m[5]} for m in rows.mentions.get(article_id, [])],
        "highlights": [{"id": h[0], "start": h[1], "end": h[2], "exact": h[3], "note": h[4], "color": h[5]}
                       for h in rows.highlights.get(article_id, [])],
    }) for article_id, title, publisher, published in articles]
    assert list(dossier_lines(rows, name, type_)) == expected


def test_the_rows_are_the_dossier(lib: Library) -> None:
    generated_library(lib, 12, seed=5)
    store = EntityStore(lib)
    for entry in store.library_index():
        with lib.reading() as s:
            rows = dossier_rows(s, entry.name, entry.type)
        d = store.dossier(entry.name, entry.type)
        assert [a[0] for a in rows.articles] == [a.article_id for a in d.articles]
        assert [(a[1], a[2], a[3]) for a in rows.articles] == [(a.title, a.publisher, a.published) for a in d.articles]
        assert [tuple(rows.mentions.get(a.article_id, ())) for a in d.articles] == [
            tuple((m.start, m.end, m.text, m.snippet, m.snippet_start, m.verified, m.clipped_start, m.clipped_end)
                  for m in a.mentions) for a in d.articles]
    with lib.reading() as s:
        assert dossier_rows(s, "Nobody", "PERSON") == DossierRows([], {}, {})


def _plan(lib: Library, stmt: Any) -> str:
    """The query plan of a statement, the planner told to use an index if it can (a test library is small), with the
    statistics and the visibility map autovacuum keeps on PostgreSQL."""
    if lib.engine.dialect.name == "postgresql":
        with lib.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE entity_mentions")
            conn.exec_driver_sql("VACUUM ANALYZE articles")
    with lib.engine.connect() as conn:
        sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
        if conn.dialect.name == "sqlite":
            return " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        conn.exec_driver_sql("SET enable_seqscan = off")
        conn.exec_driver_sql("SET enable_bitmapscan = off")
        return " ".join(str(r[0]) for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))


def test_the_articles_and_mentions_are_read_from_the_covering_indexes(lib: Library) -> None:
    generated_library(lib, 6, seed=3)
    dialect = lib.engine.dialect.name
    for table, parts in (("entity_mentions", mention_queries(dialect, "shinzo abe", "PERSON")),
                         ("articles", article_queries(dialect, "shinzo abe", "PERSON"))):
        plans = [_plan(lib, part) for part in parts]
        if dialect == "sqlite":
            assert len(plans) == 1 and f"COVERING INDEX ix_{table}_dossier " in plans[0] + " ", plans
        else:  # the rows the covering index holds, and the long ones through the small index of theirs
            assert len(plans) == 2, plans
            assert f"Index Only Scan using ix_{table}_dossier on" in plans[0], plans
            assert f"ix_{table}_dossier_long" in plans[1], plans


def _indexes(lib: Library) -> set[str]:
    with lib.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        else:
            rows = conn.exec_driver_sql("SELECT indexname FROM pg_indexes")
        return {str(r[0]) for r in rows if str(r[0]).startswith(("ix_entity_mentions_dossier", "ix_articles_dossier"))}


def test_the_migration_adds_the_index_and_takes_it_back(library_url: str) -> None:
    """A library at 0009 gets the index when it is opened (its dossiers unchanged); the downgrade drops it."""
    from alembic import command

    lib = open_library(library_url)
    try:
        generated_library(lib, 8, seed=6)
        rng = random.Random(2)
        extra, analysis = generated_article(rng, 50)
        lib.save_analysis(lib.import_article(extra).id, analysis)
        pg = lib.engine.dialect.name == "postgresql"
        made = {"ix_entity_mentions_dossier", "ix_articles_dossier"}
        if pg:
            made |= {"ix_entity_mentions_dossier_long", "ix_articles_dossier_long"}
        assert _indexes(lib) == made
        before = {(e.name, e.type): reference_lines(lib, e.name, e.type) for e in EntityStore(lib).library_index()}
        cfg = migrate._config()
        with lib.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009_scale")
        assert _indexes(lib) == set() and migrate.current(lib.engine) == "0009_scale"
        with lib.engine.connect() as conn:  # the table itself untouched
            assert conn.execute(text("SELECT count(*) FROM entity_mentions")).scalar()
    finally:
        lib.close()
    lib = open_library(library_url)  # migrated again on opening
    try:
        assert migrate.current(lib.engine) == migrate.head() and _indexes(lib) == made
        assert {k: reference_lines(lib, *k) for k in before} == before
    finally:
        lib.close()
