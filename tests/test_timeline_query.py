"""The library-wide timeline: events of the chosen articles read from cached analyses, same dates grouped."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from models.analysis import ANALYZER_VERSION
from models.analysis.types import Analysis, TimelineEvent, Timex
from models.article import Article, Metadata, build_text
from models.store import Library
from models.timeline_groups import mention_order
from models.timeline_query import group_by_date, library_timeline, mentions_of, one_group_per_event


def _event(text: str, expression: str, value: str, first: str, last: str, precision: str, label: str,
           entities: tuple[str, ...] = ()) -> TimelineEvent:
    at = text.index(expression)
    s0 = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    stop = text.find(". ", at + len(expression))
    s1 = stop + 1 if stop >= 0 else len(text)
    return TimelineEvent(Timex(at, at + len(expression), expression, "DATE", value), s0, s1, label, entities,
                         precision, first, last, False)


def _add(lib: Library, source: str, title: str, body: str, published: str, tags: tuple[str, ...],
         events: list[tuple[str, str, str, str, str, str, tuple[str, ...]]], analysed: bool = True) -> int:
    text, blocks = build_text([("title", title), ("paragraph", body)])
    article = Article(source, "text", text, blocks, Metadata(title=title, published=published, tags=tags))
    article_id = lib.import_article(article).id
    if analysed:
        evs = tuple(_event(text, *e) for e in events)
        lib.save_analysis(article_id, Analysis(ANALYZER_VERSION, article.text_hash, (), (), evs))
    return article_id


@pytest.fixture
def articles(lib: Library) -> dict[str, int]:
    summit = _add(
        lib, "a.txt", "Abe fails to find breakthrough",
        "On Jan. 22 Abe met Putin in Moscow. Lavrov and Kono met on Jan. 14 to prepare. A visit follows in June.",
        "2019-01-23", ("Russia",),
        [("Jan. 22", "2019-01-22", "2019-01-22", "2019-01-22", "day", "Abe meets Putin",
          ("Shinzo Abe", "Vladimir Putin")),
         ("Jan. 14", "2019-01-14", "2019-01-14", "2019-01-14", "day", "Kono–Lavrov talks",
          ("Sergey Lavrov", "Taro Kono")),
         ("June", "2019-06", "2019-06-01", "2019-06-30", "month", "Putin visit", ())],
    )
    rally = _add(
        lib, "b.txt", "Hundreds rally in Moscow",
        "Protesters gathered on Jan. 22 near the Japanese Embassy. Police said it was calm.",
        "2019-01-23", ("Protest",),
        [("Jan. 22", "2019-01-22", "2019-01-22", "2019-01-22", "day", "Rally at the embassy", ("Moscow",))],
    )
    pending = _add(lib, "c.txt", "Not analysed yet", "Talks resume on March 3. Nothing else.", "2019-02-01", (),
                   [], analysed=False)
    return {"summit": summit, "rally": rally, "pending": pending}


def test_the_same_date_in_two_articles_is_one_group_linking_to_both(lib: Library, articles: dict[str, int]) -> None:
    result = library_timeline(lib)
    assert result.articles_read == 2 and result.unanalysed == (articles["pending"],)
    days = [(g.first_day, g.last_day) for g in result.groups]
    assert days == sorted(days) and len(days) == 3
    jan22 = next(g for g in result.groups if g.first_day == date(2019, 1, 22))
    assert set(jan22.article_ids) == {articles["summit"], articles["rally"]}
    by_article = {m.article_id: m for m in jan22.mentions}
    rally_text = lib.get_article(articles["rally"]).article.text
    rally = by_article[articles["rally"]]
    assert rally.sentence == "Protesters gathered on Jan. 22 near the Japanese Embassy."
    assert rally_text[rally.event.timex.start : rally.event.timex.end] == "Jan. 22"
    assert rally.article_title == "Hundreds rally in Moscow" and rally.published == date(2019, 1, 23)
    june = next(g for g in result.groups if g.precision == "month")
    assert (june.first_day, june.last_day) == (date(2019, 6, 1), date(2019, 6, 30))


def test_filters_by_tag_entity_and_search(lib: Library, articles: dict[str, int]) -> None:
    tagged = library_timeline(lib, tag="protest")
    assert [g.article_ids for g in tagged.groups] == [(articles["rally"],)]
    lavrov = library_timeline(lib, entity="Sergey Lavrov")
    assert [g.mentions[0].event.label for g in lavrov.groups] == ["Kono–Lavrov talks"]
    found = library_timeline(lib, search="Embassy")
    assert {a for g in found.groups for a in g.article_ids} == {articles["rally"]}


def test_missing_analyses_can_be_computed_on_request(lib: Library, articles: dict[str, int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import models.timeline_query as query

    computed: list[int] = []

    def fake_ensure(library: Library, article_id: int) -> Analysis:
        computed.append(article_id)
        text = library.get_article(article_id).article.text
        ev = _event(text, "March 3", "2019-03-03", "2019-03-03", "2019-03-03", "day", "Talks resume")
        return Analysis(ANALYZER_VERSION, "", (), (), (ev,))

    monkeypatch.setattr(query, "ensure_analysis", fake_ensure)
    result = library_timeline(lib, compute_missing=True)
    assert computed == [articles["pending"]] and result.unanalysed == ()
    assert any(g.first_day == date(2019, 3, 3) for g in result.groups)


def test_stopping_early_returns_what_was_read(lib: Library, articles: dict[str, int]) -> None:
    assert library_timeline(lib, should_stop=lambda: True).groups == ()


def test_within_one_article_each_event_keeps_its_own_mark() -> None:
    text = "On Jan. 22 Abe met Putin. Also on Jan. 22 a rally was held. Bad date here."
    a = _event(text, "Jan. 22 Abe", "2019-01-22", "2019-01-22", "2019-01-22", "day", "Summit")
    b = _event(text, "Jan. 22 a", "2019-01-22", "2019-01-22", "2019-01-22", "day", "Rally")
    broken = _event(text, "Bad date", "XXXX", "", "", "day", "Unresolved")
    mentions = mentions_of(1, "T", None, text, [a, b, broken])
    assert len(mentions) == 2  # an event the tagger left unresolved is not drawn
    assert len(one_group_per_event(mentions)) == 2
    assert len(group_by_date(mentions)) == 1


def test_a_highlight_tag_filters_whatever_its_case(lib: Library, articles: dict[str, int]) -> None:
    text = lib.get_article(articles["summit"]).article.text
    start = text.index("Lavrov")
    lib.annotations.add(articles["summit"], start, start + len("Lavrov"), tags=("Kuril Talks",))
    for spelling in ("Kuril Talks", "kuril talks", "KURIL TALKS"):
        found = library_timeline(lib, tag=spelling)
        assert {a for g in found.groups for a in g.article_ids} == {articles["summit"]}, spelling


def _generated(lib: Library, n: int = 60) -> None:
    """``n`` analysed articles, each with a few dated events over three years, some naming Putin."""
    import random

    rng = random.Random(5)
    for i in range(n):
        events = []
        body = []
        for k in range(rng.randint(1, 4)):
            day = date(2017, 1, 1).toordinal() + rng.randrange(0, 3 * 365)
            d = date.fromordinal(day)
            expression = f"day {i}-{k}"
            body.append(f"Talks number {i} {k} were held on {expression}.")
            named: tuple[str, ...] = ("Vladimir Putin",) if (i + k) % 3 == 0 else ()
            if k % 3 == 2:
                events.append((expression, d.isoformat()[:7], d.replace(day=1).isoformat(),
                               d.replace(day=28).isoformat(), "month", f"talks {i} {k}", named))
            else:
                events.append((expression, d.isoformat(), d.isoformat(), d.isoformat(), "day", f"talks {i} {k}",
                               named))
        _add(lib, f"g{i}.txt", f"Generated {i}", " ".join(body), "2019-01-23", ("Gen",) if i % 2 else (), events)


@pytest.mark.parametrize("entity", [None, "Vladimir Putin"])
def test_counts_per_date_add_up_to_the_events_of_the_timeline(lib: Library, entity: str | None) -> None:
    from models.timeline_query import timeline_counts

    _generated(lib)
    whole = library_timeline(lib, entity=entity)
    counts = timeline_counts(lib, entity=entity)
    assert [(c.first_day, c.last_day, c.events) for c in counts] == [
        (g.first_day, g.last_day, len(g.mentions)) for g in whole.groups
    ]
    assert sum(c.events for c in counts) == sum(len(g.mentions) for g in whole.groups) > 0
    by_day = {(g.first_day, g.last_day): {m.event.label for m in g.mentions} for g in whole.groups}
    assert all(c.label in by_day[(c.first_day, c.last_day)] for c in counts if c.label)
    assert any(c.label for c in counts)
    tagged = timeline_counts(lib, tag="gen", entity=entity)
    assert sum(c.events for c in tagged) == sum(len(g.mentions) for g in library_timeline(lib, tag="gen",
                                                                                        entity=entity).groups)


def test_the_window_is_the_timeline_of_its_range_and_stops_past_its_limit(lib: Library) -> None:
    from models.timeline_query import timeline_window

    _generated(lib)
    first, last = date(2018, 2, 1), date(2018, 5, 31)
    for entity in (None, "Vladimir Putin"):
        expected = library_timeline(lib, since=first, until=last, entity=entity).groups
        assert timeline_window(lib, first, last, entity=entity) == expected and expected
        events = sum(len(g.mentions) for g in expected)
        assert timeline_window(lib, first, last, entity=entity, limit=events) == expected
        assert timeline_window(lib, first, last, entity=entity, limit=events - 1) is None


def test_the_timeline_queries_seek_their_indexes(lib: Library) -> None:
    """SQLite's plans: the window seeks the interval index, an entity drives its own query, the counts read only
    the covering index (no event row)."""
    from sqlalchemy import func, select

    from models.store.schema import TimelineEventRow
    from models.timeline_query import _events_stmt, _narrowed

    if lib.engine.dialect.name != "sqlite":
        pytest.skip("the plans checked are SQLite's")
    _generated(lib, 5)
    e = TimelineEventRow
    plans = {}
    with lib.reading() as s:
        for name, stmt in (
            ("window", _events_stmt(None, None, date(2018, 1, 1), date(2018, 3, 1))),
            ("entity", _events_stmt(None, "Vladimir Putin", None, None)),
            ("counts", _narrowed(select(e.first_day, e.last_day, func.min(e.precision), func.count()), None, None,
                                 None, None).group_by(e.first_day, e.last_day)),
            ("digest", _narrowed(select(e.id, func.row_number().over(
                partition_by=(e.first_day, e.last_day), order_by=(e.article_id.desc(), e.seq))), None, None, None,
                None)),
        ):
            sql = str(stmt.compile(s.bind, compile_kwargs={"literal_binds": True}))
            plans[name] = " | ".join(str(r[-1]) for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_timeline_events_digest (version=? AND first_day<?)" in plans["window"]
    assert plans["entity"].startswith("SEARCH timeline_event_entities") and "ix_timeline_events_article_seq" in plans[
        "entity"]
    assert "COVERING INDEX ix_timeline_events_digest" in plans["counts"] and "SCAN" not in plans["counts"]
    # the whole timeline's few mentions per date are numbered walking the index in its order: no sort of the events
    assert "COVERING INDEX ix_timeline_events_digest" in plans["digest"] and "TEMP B-TREE" not in plans["digest"]


def test_the_whole_timeline_on_postgresql_seeks_the_digest_index_without_sorting(lib: Library) -> None:
    """PostgreSQL: the first few events of each date are read in the digest index's order, one seek a date; the
    setting that keeps the planner from reading the interval index and sorting lasts for that statement only."""
    from models.timeline_query import timeline_rows
    from tests.fixtures.statements import statements_run

    if lib.engine.dialect.name != "postgresql":
        pytest.skip("the plan checked is PostgreSQL's (SQLite probes a correlated list)")
    _generated(lib, 40)
    for i in range(8):  # eight more articles report the same day: more events of a date than are shown
        _add(lib, f"same{i}.txt", f"Same {i}", "Leaders met on March 3, 2018 in Oslo.", "2018-03-04", (),
             [("March 3, 2018", "2018-03-03", "2018-03-03", "2018-03-03", "day", f"Oslo meeting {i}", ())])
    with statements_run(lib.engine) as statements:
        groups = timeline_rows(lib, 3)
    ran = [(statement, parameters) for statement, parameters in statements if "LATERAL" in statement]
    settings = [statement for statement, _ in statements if "enable_sort" in statement]
    oslo = next(g for g in groups if g.first_day == "2018-03-03")
    assert oslo.events >= 8 and len(oslo.rows) == 3
    assert len(ran) == 1 and settings == ["SET LOCAL enable_sort = off", "SET LOCAL enable_sort = on"]
    with lib.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW enable_sort").scalar() == "on"
        conn.exec_driver_sql("SET enable_sort = off")  # as the timeline sets it for its statement
        conn.exec_driver_sql("SET enable_seqscan = off")  # a few dozen rows: the planner would scan them whole
        statement, parameters = ran[0]
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters))  # type: ignore[arg-type]
    assert "ix_timeline_events_digest" in plan and "Sort" not in plan


def test_the_window_loads_a_few_mentions_of_a_date_many_articles_report(lib: Library) -> None:
    from models.timeline_query import timeline_counts, timeline_window

    _generated(lib, 12)
    for i in range(6):  # six more articles report the same day
        _add(lib, f"same{i}.txt", f"Same {i}", "Leaders met on March 3, 2018 in Oslo.", "2018-03-04", (),
             [("March 3, 2018", "2018-03-03", "2018-03-03", "2018-03-03", "day", f"Oslo meeting {i}", ())])
    first, last = date(2018, 1, 1), date(2018, 6, 30)
    full = library_timeline(lib, since=first, until=last).groups
    capped = timeline_window(lib, first, last, per_date=2)
    assert capped is not None and [(g.first_day, g.last_day) for g in capped] == [
        (g.first_day, g.last_day) for g in full]
    for g, f in zip(capped, full, strict=True):
        assert len(g.mentions) == min(2, len(f.mentions)) and set(g.mentions) <= set(f.mentions)
    oslo = next(c for c in timeline_counts(lib, since=first, until=last) if c.first_day == date(2018, 3, 3))
    assert oslo.events >= 6  # the count says how many the capped group stands for


@pytest.mark.parametrize("chosen", [{}, {"entity": "Vladimir Putin"}, {"tag": "Russia"},
                                    {"since": date(2018, 1, 1), "until": date(2018, 12, 31)}])
def test_the_digest_counts_every_mention_and_shows_those_of_the_newest_articles(
    lib: Library, chosen: dict[str, Any]
) -> None:
    from models.timeline_query import timeline_digest

    _generated(lib, 40)
    for i in range(5):  # a date five more articles report
        _add(lib, f"same{i}.txt", f"Same {i}", "Leaders met on March 3, 2018 in Oslo.", "2018-03-04", ("Russia",),
             [("March 3, 2018", "2018-03-03", "2018-03-03", "2018-03-03", "day", f"Oslo meeting {i}",
               ("Vladimir Putin",))])
    full = library_timeline(lib, **chosen).groups
    digest = timeline_digest(lib, 2, **chosen)
    assert digest is not None and full
    assert [(d.group.first_day, d.group.last_day) for d in digest] == [(g.first_day, g.last_day) for g in full]
    for d, g in zip(digest, full, strict=True):
        assert d.events == len(g.mentions) and d.planned == g.planned and d.group.precision == g.precision
        newest = sorted(g.mentions, key=lambda m: (-m.article_id, m.event.timex.start))[:2]
        assert list(d.group.mentions) == sorted(newest, key=mention_order)
        assert d.more == len(g.mentions) - len(d.group.mentions)
    assert max(d.events for d in digest) >= 5
    assert timeline_digest(lib, 2, limit=1, **chosen) is None  # more mentions than the caller takes


def _dates_table(lib: Library) -> dict[tuple[str, str, str, str], tuple[int, int]]:
    from sqlalchemy import func, select

    from models.store.schema import TimelineDateRow, TimelineEventRow

    e, d = TimelineEventRow, TimelineDateRow
    with lib.reading() as s:
        kept = {(r.version, r.first_day, r.last_day, r.precision): (r.events, r.planned)
                for r in s.scalars(select(d))}
        events = {
            (v, f, la, p): (int(n), int(planned or 0))
            for v, f, la, p, n, planned in s.execute(
                select(e.version, e.first_day, e.last_day, e.precision, func.count(),
                       func.sum(cast_int(e.planned))).group_by(e.version, e.first_day, e.last_day, e.precision))
        }
    assert kept == events  # the triggers' totals are those of the events, row for row
    return kept


def cast_int(column: Any) -> Any:
    from sqlalchemy import Integer, cast

    return cast(column, Integer)


def test_the_dates_table_follows_the_events_through_analysis_reanalysis_and_deletion(lib: Library) -> None:
    """The whole timeline's dates and counts come from a table kept by triggers: it must say what the events say
    after every kind of write (analyses saved and replaced, articles deleted with their events, the index rebuilt)."""
    from models.store.library_index import rebuild
    from models.timeline_query import timeline_counts

    _generated(lib, 15)
    first = _add(lib, "p.txt", "Plans", "A visit is planned for June 2019. Talks resume on March 3, 2018.",
                 "2018-01-02", (), [("June 2019", "2019-06", "2019-06-01", "2019-06-30", "month", "visit", ()),
                                    ("March 3, 2018", "2018-03-03", "2018-03-03", "2018-03-03", "day", "talks", ())])
    dates = _dates_table(lib)
    assert sum(n for n, _p in dates.values()) == sum(c.events for c in timeline_counts(lib, named=0))
    article = lib.get_article(first).article  # analysed again: the old events leave, the new ones come
    evs = (_event(article.text, "March 3, 2018", "2018-03-03", "2018-03-03", "2018-03-03", "day", "talks"),)
    lib.save_analysis(first, Analysis(ANALYZER_VERSION, article.text_hash, (), (), evs))
    after = _dates_table(lib)
    assert after != dates
    lib.delete_article(first)
    _dates_table(lib)
    with lib.writing() as s:
        rebuild(s)
    rebuilt = _dates_table(lib)
    full = library_timeline(lib).groups
    assert [(c.first_day, c.last_day, c.events) for c in timeline_counts(lib, named=0)] == [
        (g.first_day, g.last_day, len(g.mentions)) for g in full]
    assert rebuilt
