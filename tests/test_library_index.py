"""The index tables of the analyses: the entity index, dossiers and the library timeline read from them give what
replaying every rule on every cached analysis gives, through corrections, re-imports and the migration's backfill."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models.article import Article
from models.store import Library, open_library
from models.store.entities import EntityStore
from models.store.schema import EntityArticleRow, HighlightRow, TimelineEventRow
from models.timeline_query import library_timeline, library_timeline_by_scan
from tests.fixtures.generated_library import generated_article, generated_library


def assert_same_as_scan(lib: Library) -> None:
    store = EntityStore(lib)
    index = store.library_index()
    assert index == store.library_index_by_scan()
    for entry in index:
        assert store.dossier(entry.name, entry.type) == store.dossier_by_scan(entry.name, entry.type), entry
    counts = store.article_counts([(e.name, e.type) for e in index])
    assert counts == {(e.name, e.type): e.article_count for e in index}
    for kwargs in ({}, {"entity": "Vladimir Putin"}, {"entity": "moscow"}, {"tag": "protest"},
                   {"search": "Lavrov"}, {"tag": "Russia", "entity": "Taro Kono"}):
        assert library_timeline(lib, **kwargs) == library_timeline_by_scan(lib, **kwargs), kwargs  # type: ignore[arg-type]



def test_the_first_entities_of_the_index_are_ranked_in_sql_the_same(lib: Library) -> None:
    """``--limit N`` reads only the spellings of the N most widespread entities (and those tied with the last):
    the same first N as the whole index, ties included, for every N and type."""
    generated_library(lib, 5, seed=2)  # few articles: entities tied on their counts, ordered by name
    store = EntityStore(lib)
    whole = store.library_index()
    assert len(whole) > 12 and len({(e.article_count, e.mention_count) for e in whole}) < len(whole)  # ties exist
    for n in (1, 2, 3, 5, 8, 13, len(whole), len(whole) + 5):
        assert store.library_index(limit=n) == whole[:n]
    places = store.library_index("PLACE")
    for n in (1, 2, 4):
        assert store.library_index("PLACE", n) == places[:n]
    assert store.library_index("GROUP", 3) == store.library_index("GROUP")[:3]

@pytest.mark.slow
def test_a_generated_library_with_corrections_reads_the_same_from_the_index(lib: Library) -> None:
    ids = generated_library(lib, 40)
    assert_same_as_scan(lib)
    store = EntityStore(lib)
    text = lib.get_article(ids[0]).article.text
    lib.annotations.add(ids[0], 0, 6, tags=("Protest",), note="the title")
    at = text.index("Putin") if "Putin" in text else text.index("Abe")
    lib.annotations.add(ids[0], at, at + 5, color="red")
    rules = [
        store.add_rule(None, "rename", {"entity": {"name": "Vladimir Putin", "type": "PERSON"},
                                        "name": "President Vladimir Putin"}),
        store.add_rule(None, "merge", {"entity": {"name": "Taro Kono", "type": "PERSON"},
                                       "into": {"name": "Shinzo Abe", "type": "PERSON"}}),
        store.add_rule(None, "retype", {"entity": {"name": "Kremlin", "type": "ORGANIZATION"}, "type": "PLACE"}),
        store.add_rule(None, "hide", {"entity": {"name": "Mainichi", "type": "ORGANIZATION"}}),
        # chained on the first: the renamed entity is renamed again
        store.add_rule(None, "rename", {"entity": {"name": "President Vladimir Putin", "type": "PERSON"},
                                        "name": "Putin"}),
        store.add_rule(ids[1], "rename", {"entity": {"name": "Berlin", "type": "PLACE"}, "name": "Berlin, Germany"}),
    ]
    words = lib.get_article(ids[2]).article.text
    start = words.index(" met ") + 1
    rules.append(store.add_rule(ids[2], "add", {"mention": {"start": start, "end": start + 3, "text": "met"},
                                                "name": "Meeting", "type": "EVENT"}))
    assert_same_as_scan(lib)
    index = {(e.name, e.type) for e in store.library_index()}
    assert ("Putin", "PERSON") in index and ("Vladimir Putin", "PERSON") not in index
    assert ("Kremlin", "PLACE") in index and ("Mainichi", "ORGANIZATION") not in index
    for rule in (rules[0], rules[4], rules[1], rules[6]):  # undo, out of order
        assert store.remove_rule(rule.id or 0) is not None
        assert_same_as_scan(lib)


@pytest.mark.slow
def test_reimport_and_reanalysis_keep_the_index_in_step(lib: Library) -> None:
    rng = random.Random(3)
    ids = generated_library(lib, 6, seed=3, analysed_share=1.0)
    changed, analysis = generated_article(rng, 99)
    replaced = Article("generated:0", changed.kind, changed.text, changed.blocks, changed.metadata)
    lib.import_article(replaced)  # a new text: the old analysis and its rows are stale
    assert_same_as_scan(lib)
    with lib.reading() as s:
        assert s.scalar(select(func.count()).select_from(TimelineEventRow)
                        .where(TimelineEventRow.article_id == ids[0])) == 0
    lib.save_analysis(ids[0], analysis)
    assert_same_as_scan(lib)
    lib.forget_analysis(ids[1])
    assert_same_as_scan(lib)
    lib.delete_article(ids[2])
    assert_same_as_scan(lib)
    with lib.reading() as s:
        assert s.scalar(select(func.count()).select_from(EntityArticleRow)
                        .where(EntityArticleRow.article_id.in_(ids[1:3]))) == 0


def test_the_timeline_window_keeps_the_events_overlapping_it(lib: Library) -> None:
    generated_library(lib, 30, seed=11)
    everything = library_timeline(lib)
    since, until = date(2018, 1, 1), date(2019, 6, 30)
    window = library_timeline(lib, since=since, until=until)
    expected = [g for g in everything.groups if g.last_day >= since and g.first_day <= until]
    assert window.groups == tuple(expected) and 0 < len(expected) < len(everything.groups)
    assert window.articles_read == everything.articles_read and window.unanalysed == everything.unanalysed


def _old_articles(s: Any, count: int, seed: int) -> list[tuple[Any, Any]]:
    """Generated articles with their cached analyses, written as rows in a library at an older revision (the way
    that revision's code wrote them: no index rows); (article row, article) each."""
    from models.analysis.serialize import to_dict
    from models.store.article_rows import fill_row
    from models.store.schema import AnalysisRow, ArticleRow

    rng = random.Random(seed)
    out = []
    for i in range(count):
        article, analysis = generated_article(rng, i)
        row = ArticleRow(uid=f"00000000-0000-4000-8000-{i:012d}", source=article.source, kind="text", note="")
        fill_row(row, article)
        s.add(row)
        s.flush()
        s.add(AnalysisRow(article_id=row.id, text_hash=analysis.text_hash, version=analysis.version,
                          data=to_dict(analysis)))
        out.append((row, article))
    return out


@pytest.mark.slow
def test_the_migration_backfills_an_existing_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A library made before the index tables (analyses cached, no index tables) is indexed when it is opened."""
    from alembic import command

    from models.store import migrate
    from models.store.engine import make_engine

    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002_revisions")  # the revision before the index tables
    from sqlalchemy.orm import Session

    from models.store.schema import EntityCorrectionRow

    with Session(engine) as s, s.begin():
        rows = _old_articles(s, 25, seed=5)
        article = rows[3][1]
        s.add(HighlightRow(id="11111111-1111-4111-8111-111111111111", article_id=rows[3][0].id, start=0, end=6,
                           exact=article.text[:6], text_hash=article.text_hash, color="yellow"))
        s.add(EntityCorrectionRow(article_id=None, action="rename", author="",
                                  payload={"entity": {"name": "Sergey Lavrov", "type": "PERSON"}, "name": "Lavrov"}))
    engine.dispose()
    lib = open_library(str(path))
    try:
        assert migrate.current(lib.engine) == migrate.head()
        with lib.reading() as s:
            assert (s.scalar(select(func.count()).select_from(EntityArticleRow)) or 0) > 0
        assert ("Lavrov", "PERSON") in {(e.name, e.type) for e in EntityStore(lib).library_index()}
        assert_same_as_scan(lib)
    finally:
        lib.close()


def test_the_snippets_are_stored_by_the_migration_for_the_rows_indexed_before(library_url: str) -> None:
    """A library indexed before the mentions carried their snippet's text (0008) gets it from the articles' texts
    when it is opened: every snippet is the text of its span, and the dossiers are those of the scan."""
    from alembic import command
    from sqlalchemy import inspect
    from sqlalchemy.orm import Session

    from models.store import migrate
    from models.store.engine import make_engine
    from models.store.library_index import rebuild
    from models.store.location import resolve
    from models.store.schema import ArticleRow, EntityMentionRow

    url = resolve(library_url)
    engine = make_engine(url)
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008_search")
    with Session(engine) as s, s.begin():
        _old_articles(s, 12, seed=3)
        s.flush()
        assert "snippet" not in {c["name"] for c in inspect(s.connection()).get_columns("entity_mentions")}
        assert rebuild(s) == 12  # the backfill of 0003 on a library at 0008: rows without the column
    engine.dispose()
    lib = open_library(library_url)
    try:
        assert migrate.current(lib.engine) == migrate.head()
        with lib.reading() as s:
            rows = s.execute(select(EntityMentionRow.snippet, EntityMentionRow.snippet_start,
                                    EntityMentionRow.snippet_end, ArticleRow.text)
                             .join(ArticleRow, ArticleRow.id == EntityMentionRow.article_id)).all()
        assert len(rows) > 50 and all(snippet == text[s0:e0] != "" for snippet, s0, e0, text in rows)
        assert_same_as_scan(lib)
    finally:
        lib.close()


def test_the_backfill_reports_its_progress(lib: Library) -> None:
    from models.store.library_index import rebuild

    generated_library(lib, 12, seed=2)
    before = EntityStore(lib).library_index()
    seen: list[tuple[int, int]] = []
    with lib.writing() as s:
        assert rebuild(s, lambda done, total: seen.append((done, total))) == 12
    assert seen and seen[-1] == (12, 12)
    assert EntityStore(lib).library_index() == before
    assert_same_as_scan(lib)


@pytest.mark.slow
def test_the_sample_reads_the_same_from_the_index(lib: Library, sample_path: Path) -> None:
    from models.ingest import ingest_file
    from models.store.analysis_jobs import ensure_analysis

    article_id = lib.import_article(ingest_file(sample_path)).id
    ensure_analysis(lib, article_id)
    rng = random.Random(1)
    for i in range(3):  # other articles naming the same people
        extra, analysis = generated_article(rng, i)
        lib.save_analysis(lib.import_article(extra).id, analysis)
    assert_same_as_scan(lib)
    store = EntityStore(lib)
    assert store.library_index()[0].article_count >= 2
    store.add_rule(article_id, "rename", {"entity": {"name": "Vladimir Putin", "type": "PERSON"},
                                          "name": "President Vladimir Putin"})
    store.add_rule(None, "retype", {"entity": {"name": "Moscow", "type": "PLACE"}, "type": "ORGANIZATION"})
    assert_same_as_scan(lib)
    timeline = library_timeline(lib, entity="Vladimir Putin")
    assert timeline.groups and timeline == library_timeline_by_scan(lib, entity="Vladimir Putin")


def test_a_group_takes_the_precision_the_scan_meets_first(lib: Library) -> None:
    """Two articles give the same interval different precisions: the group's is that of the article listed first
    (the newest imported), as when every analysis was read in list order."""
    from models.analysis import ANALYZER_VERSION
    from models.analysis.types import Analysis, TimelineEvent, Timex
    from models.article import Metadata, build_text

    for i, precision in enumerate(("month", "quarter", "month")):
        title = f"Budget talks {i}"
        text, blocks = build_text([("title", title), ("paragraph", "Talks are due in June 2019. Nothing else.")])
        at = text.index("June 2019")
        event = TimelineEvent(Timex(at, at + 9, "June 2019", "DATE", "2019-06"), at - 13, at + 10, "Talks",
                              (), precision, "2019-06-01", "2019-06-30", True)
        article = Article(f"same:{i}", "text", text, blocks, Metadata(title=title, published="2019-01-02"))
        lib.save_analysis(lib.import_article(article).id,
                          Analysis(ANALYZER_VERSION, article.text_hash, (), (event.timex,), (event,)))
        timeline = library_timeline(lib)
        assert timeline == library_timeline_by_scan(lib)
        assert len(timeline.groups) == 1 and timeline.groups[0].precision == precision
    assert library_timeline(lib, search="Budget") == library_timeline_by_scan(lib, search="Budget")
