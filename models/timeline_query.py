"""The timeline across articles: every dated event of the chosen articles, the same date gathered into one group.

Reads the index tables of the cached analyses (models.store.library_index) unless asked to compute the missing
ones, because analysing a library is minutes of work while reading it back is milliseconds. Each mention carries its
sentence text, so a view can show and link it without holding every article's text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Integer, String, case, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from models.analysis import ANALYZER_VERSION
from models.analysis.types import TimelineEvent, Timex
from models.store.analysis_jobs import ensure_analysis
from models.store.engine import planner_without
from models.store.entity_queries import person_keys
from models.store.event_corrections import with_event_corrections
from models.store.library import Library
from models.store.schema import (
    AnalysisRow,
    ArticleRow,
    ArticleTagIndexRow,
    HighlightRow,
    HighlightTagRow,
    TagRow,
    TimelineDateRow,
    TimelineEventEntityRow,
    TimelineEventRow,
)
from models.timeline_groups import (
    DateCount,
    DatedGroup,
    EventMention,
    GroupDigest,
    LibraryTimeline,
    event_interval,
    group_by_date,
    mentions_entity,
    mentions_of,
    one_group_per_event,
)


def library_timeline(
    lib: Library,
    *,
    tag: str | None = None,
    entity: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    compute_missing: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> LibraryTimeline:
    """Events of every article (or those matching ``search`` and carrying ``tag``), same dates grouped; only
    the events overlapping ``[since, until]`` when given (the range in view).

    ``tag`` matches the article's own tags or a tag on one of its highlights; ``entity`` keeps the events whose
    sentence names that entity. Articles not analysed yet are skipped and listed unless ``compute_missing``.
    One query on the index tables (models.store.library_index), plus one for the articles left out.
    """
    if should_stop is not None and should_stop():
        return LibraryTimeline((), 0, ())
    with lib.reading() as s:
        names = entity_names(s, entity)
        chosen = _chosen_articles(s, tag, search)
        analysed = _analysed_articles()
        missing_stmt = select(ArticleRow.id).where(~ArticleRow.id.in_(analysed))
        if chosen is not None:
            missing_stmt = missing_stmt.where(ArticleRow.id.in_(chosen))
        missing = list(s.scalars(missing_stmt.order_by(ArticleRow.imported_at.desc(), ArticleRow.id.desc())))
    computed: list[EventMention] = []
    computed_ids: list[int] = []
    if missing and compute_missing:
        for article_id in missing:
            if should_stop is not None and should_stop():
                break
            analysis = with_event_corrections(lib, article_id, ensure_analysis(lib, article_id))
            stored = lib.get_article(article_id)
            found = mentions_of(article_id, stored.article.metadata.title, stored.article.published_day,
                                stored.article.text, analysis.events)
            if names:
                found = [m for m in found if mentions_entity(m, names)]
            if since is not None or until is not None:
                found = [m for m in found if _overlaps(m, since, until)]
            computed.extend(found)
            computed_ids.append(article_id)
        missing = [i for i in missing if i not in set(computed_ids)]
    if search and search.strip() and missing:
        with lib.reading() as s:
            rank = {i: k for k, i in enumerate(_search_ids(s, search))}
        missing.sort(key=lambda i: rank.get(i, len(rank)))
    with lib.reading() as s:
        chosen = _chosen_articles(s, tag, search)
        count = select(func.count()).select_from(ArticleRow).where(ArticleRow.id.in_(_analysed_articles()))
        if chosen is not None:
            count = count.where(ArticleRow.id.in_(chosen))
        if computed_ids:
            count = count.where(ArticleRow.id.not_in(computed_ids))
        read = (s.scalar(count) or 0) + len(computed_ids)
        stmt = _events_stmt(chosen, names, since, until)
        ranking = _ranking(s, search)
        if not computed_ids:
            return LibraryTimeline(_grouped(s.execute(stmt), ranking), read, tuple(missing))
        stmt = stmt.where(TimelineEventRow.article_id.not_in(computed_ids)).order_by(
            ArticleRow.imported_at.desc(), ArticleRow.id.desc(), TimelineEventRow.seq
        )
        mentions = computed + [_mention(row) for row in s.execute(stmt)]
    if ranking is not None:  # the scan met the articles in the order of the search's ranking
        order = ranking
        mentions.sort(key=lambda m: order.get(m.article_id, len(order)))
    return LibraryTimeline(group_by_date(mentions), read, tuple(missing))


def _grouped(rows: Iterable[Any], rank: dict[int, int] | None) -> tuple[DatedGroup, ...]:
    """``group_by_date`` of the rows, with each group's precision that of the mention the scan met first (the
    articles newest imported first, or in the search's ranking; then in the order of the analysis)."""
    return tuple(
        DatedGroup(date.fromisoformat(first), date.fromisoformat(last), precision, tuple(_mention(r) for r in group))
        for first, last, precision, group in row_groups(rows, rank)
    )


# Where the columns of :func:`_event_columns` are in a row (plain tuples are read by place: no lookup by name).
(COL_ARTICLE, COL_TITLE, COL_PUBLISHED, COL_TIMEX_START, COL_TIMEX_END, COL_TIMEX_TEXT, COL_TIMEX_TYPE, COL_VALUE,
 COL_MOD, COL_SENTENCE_START, COL_SENTENCE_END, COL_LABEL, COL_ENTITIES, COL_PRECISION, COL_INTERVAL_START,
 COL_INTERVAL_END, COL_PLANNED, COL_SENTENCE, COL_CONFIDENCE, COL_PROVENANCE, COL_FIRST_DAY, COL_LAST_DAY, COL_SEQ,
 COL_IMPORTED_AT) = range(24)


def row_groups(rows: Iterable[Any], rank: dict[int, int] | None) -> list[tuple[str, str, str, list[Any]]]:
    """The rows of :func:`_event_columns` gathered by interval, in date order: (first day, last day, precision,
    rows in the order of :func:`models.timeline_groups.mention_order`), the precision that of the mention the scan
    met first (the articles newest imported first, or in the search's ranking; then in the order of the analysis).
    What :func:`_grouped` makes groups of, and what a printer of many groups reads without making one object per
    mention."""
    buckets: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        key = (row[COL_FIRST_DAY], row[COL_LAST_DAY])
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = [row]
        else:
            bucket.append(row)
    days: dict[str | None, date] = {None: date.max, "": date.max}
    out = []
    for (first, last), group in sorted(buckets.items()):
        precision = group[0][COL_PRECISION]
        if any(r[COL_PRECISION] != precision for r in group):  # only then does the first met matter
            if rank is not None:
                lead = min(group, key=lambda r: (rank.get(r[COL_ARTICLE], len(rank)), r[COL_SEQ]))
            else:  # newest imported first: the instants and ids negated, so that plain tuples compare
                lead = min(group, key=lambda r: (-_instant(r[COL_IMPORTED_AT]), -r[COL_ARTICLE], r[COL_SEQ]))
            precision = lead[COL_PRECISION]
        for r in group:
            if r[COL_PUBLISHED] not in days:
                days[r[COL_PUBLISHED]] = date.fromisoformat(r[COL_PUBLISHED])
        group.sort(key=lambda r: (days[r[COL_PUBLISHED]], r[COL_ARTICLE], r[COL_TIMEX_START]))
        out.append((first, last, precision, group))
    return out


def _instant(value: Any) -> float:
    """An import time as a number that orders like it (naive UTC datetimes; a string where a driver gives one)."""
    if isinstance(value, datetime):
        return value.timestamp() if value.tzinfo is not None else (value - _EPOCH).total_seconds()
    return datetime.fromisoformat(str(value)).timestamp() if value else 0.0


_EPOCH = datetime(1970, 1, 1)


def _overlaps(m: EventMention, since: date | None, until: date | None) -> bool:
    interval = event_interval(m.event)
    return interval is not None and (since is None or interval[1] >= since) and (until is None or interval[0] <= until)


def _event_columns() -> tuple[Any, ...]:
    """What a mention is made of (see :func:`_mention`), with the keys the grouping reads after it."""
    e = TimelineEventRow
    return (e.article_id, ArticleRow.title, ArticleRow.published, e.timex_start, e.timex_end, e.timex_text,
            e.timex_type, e.value, e.mod, e.sentence_start, e.sentence_end, e.label, e.entities, e.precision,
            e.interval_start, e.interval_end, e.planned, e.sentence, e.confidence, e.provenance, e.first_day,
            e.last_day, e.seq, ArticleRow.imported_at)


def _events_stmt(chosen: Any, entity: Names | None, since: date | None, until: date | None) -> Any:
    stmt = select(*_event_columns()).join(ArticleRow, ArticleRow.id == TimelineEventRow.article_id)
    return _narrowed(stmt, chosen, entity, since, until)


def timeline_window(
    lib: Library,
    since: date,
    until: date,
    *,
    tag: str | None = None,
    entity: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    per_date: int | None = None,
) -> tuple[DatedGroup, ...] | None:
    """The groups of :func:`library_timeline` overlapping ``[since, until]`` (the range a view draws), from one
    query on the interval index, without counting the articles left out; None when more than ``limit`` events
    fall in the range (the caller draws their counts instead: see :func:`timeline_counts`), read no further.

    ``per_date``: at most this many mentions of each date (those of the newest articles, see
    :func:`timeline_digest`), so that a date two thousand articles report ("2019") costs a few rows; its count is in
    :func:`timeline_counts`.
    """
    with lib.reading() as s:
        chosen = _chosen_articles(s, tag, search)
        rows = _shown_rows(s, chosen, entity_names(s, entity), since, until, per_date, limit)
        return None if rows is None else _grouped(rows, _ranking(s, search))


def timeline_digest(
    lib: Library,
    per_date: int,
    *,
    tag: str | None = None,
    entity: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> tuple[GroupDigest, ...] | None:
    """Every group of :func:`library_timeline` with at most ``per_date`` of its mentions (the newest articles'
    first) and the number and planned state of all of them. Two reads of one index (the mentions of each date are
    numbered walking it in order; the counts are its aggregate), then the rows shown, by id: the whole timeline of a
    large library costs a few rows per date. None when more than ``limit`` mentions would be shown."""
    with lib.reading() as s:
        found = _digest(s, per_date, tag, entity_names(s, entity), search, since, until, limit)
    if found is None:
        return None
    rows, counts, ranking = found
    return tuple(
        GroupDigest(g, *counts[(g.first_day.isoformat(), g.last_day.isoformat())]) for g in _grouped(rows, ranking)
    )


class RowGroup(NamedTuple):
    """A dated group as plain rows: what a printer of thousands of groups reads (see :func:`timeline_rows`)."""

    first_day: str  # ISO date
    last_day: str  # ISO date, inclusive
    precision: str
    events: int  # every mention of the interval
    planned: bool  # whether every one of them is planned
    rows: list[Any]  # the mentions shown, rows of the COL_* places, in the group's order


def timeline_rows(
    lib: Library,
    per_date: int | None,
    *,
    tag: str | None = None,
    entity: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[RowGroup]:
    """The groups of :func:`timeline_digest` (at most ``per_date`` mentions of each date), or with ``per_date``
    None those of :func:`library_timeline` (every mention; the articles not analysed left out, see
    :func:`unanalysed_articles`), as rows rather than objects: the same groups, mentions and order, without the
    three objects per mention that the reader's views are made of."""
    with lib.reading() as s:
        if per_date is None:
            chosen = _chosen_articles(s, tag, search)
            rows = s.connection().execute(_events_stmt(chosen, entity_names(s, entity), since, until)).all()
            return [RowGroup(first, last, precision, len(group), all(r[COL_PLANNED] for r in group), group)
                    for first, last, precision, group in row_groups(rows, _ranking(s, search))]
        found = _digest(s, per_date, tag, entity_names(s, entity), search, since, until, None)
    assert found is not None  # no limit
    rows, counts, ranking = found
    return [RowGroup(first, last, precision, *counts[(first, last)], group)
            for first, last, precision, group in row_groups(rows, ranking)]


def _digest(s: Any, per_date: int, tag: str | None, entity: Names | None, search: str | None, since: date | None,
            until: date | None, limit: int | None
            ) -> tuple[list[Any], dict[tuple[str, str], tuple[int, bool]], dict[int, int] | None] | None:
    """The rows shown of each date, the (events, planned) of every date, and the search's ranking; None when more
    than ``limit`` rows would be shown."""
    e = TimelineEventRow
    chosen = _chosen_articles(s, tag, search)
    ranking = _ranking(s, search)
    if chosen is None and not entity:  # the whole library: its dates from the table, a seek for each
        d = TimelineDateRow
        totals = _dates(select(d.first_day, d.last_day, func.sum(d.events),
                               func.min(case((d.planned == d.events, 1), else_=0))), since, until)
        counts = {(first, last): (int(n), bool(planned)) for first, last, n, planned in s.execute(totals)}
        rows = _first_of_each_date(s, since, until, per_date, limit)
    else:
        rows = _shown_rows(s, chosen, entity, since, until, per_date, limit)
        totals = _narrowed(
            select(e.first_day, e.last_day, func.count(), func.min(cast(e.planned, Integer))), chosen, entity,
            since, until,
        ).group_by(e.first_day, e.last_day)
        counts = {(first, last): (int(n), bool(planned)) for first, last, n, planned in s.execute(totals)}
    return None if rows is None else (rows, counts, ranking)


def _shown_rows(s: Any, chosen: Any, entity: Names | None, since: date | None, until: date | None,
               per_date: int | None, limit: int | None) -> list[Any] | None:
    """The event rows to show (every one, or the first ``per_date`` of each date, newest article first), None when
    more than ``limit``. The few of each date are numbered walking the digest index in its order (only the keys),
    then read by id."""
    e = TimelineEventRow
    if per_date is None:
        stmt = _events_stmt(chosen, entity, since, until)
    else:
        place = func.row_number().over(partition_by=(e.first_day, e.last_day), order_by=(e.article_id.desc(), e.seq))
        ranked = _narrowed(select(e.id.label("event_id"), place.label("place_in_date")), chosen, entity, since,
                           until).subquery("ranked")
        stmt = (
            _events_stmt(None, None, None, None)
            .join(ranked, ranked.c.event_id == e.id)
            .where(ranked.c.place_in_date <= per_date)
        )
    if limit is not None:
        stmt = stmt.limit(limit + 1)
    rows = s.connection().execute(stmt).all()  # Core rows: no ORM loading per row
    return None if limit is not None and len(rows) > limit else rows


def _dates(stmt: Any, since: date | None, until: date | None) -> Any:
    """``stmt`` on the dates table of this analyser, grouped by interval in date order, limited to the range."""
    d = TimelineDateRow
    stmt = stmt.where(d.version == ANALYZER_VERSION, d.events > 0)
    if since is not None:
        stmt = stmt.where(d.last_day >= since.isoformat())
    if until is not None:
        stmt = stmt.where(d.first_day <= until.isoformat())
    return stmt.group_by(d.first_day, d.last_day).order_by(d.first_day, d.last_day)


def _first_of_each_date(s: Any, since: date | None, until: date | None, per_date: int,
                        limit: int | None) -> list[Any] | None:
    """The first ``per_date`` events of every date of the library (newest article first): one seek on the digest
    index per date of the dates table, each event's row read by id; None when more than ``limit``."""
    d = TimelineDateRow
    dates = _dates(select(d.first_day, d.last_day), since, until).order_by(None).subquery("dates")
    y = aliased(TimelineEventRow)
    few = (
        select(y.id)
        .where(y.version == ANALYZER_VERSION, y.first_day == dates.c.first_day, y.last_day == dates.c.last_day)
        .order_by(y.article_id.desc(), y.seq)
        .limit(per_date)
    )
    e = TimelineEventRow
    stmt = select(*_event_columns()).select_from(dates)
    if s.get_bind().dialect.name == "postgresql":
        lateral = few.lateral("few")
        stmt = stmt.join(lateral, literal(True)).join(e, e.id == lateral.c.id)
    else:  # SQLite has no LATERAL: the seek is a correlated list, probed by rowid
        stmt = stmt.join(e, e.id.in_(few))
    stmt = stmt.join(ArticleRow, ArticleRow.id == e.article_id)
    if limit is not None:
        stmt = stmt.limit(limit + 1)
    # PostgreSQL takes every date for a handful of events (its statistics do not see that an interval's two days go
    # together) and reads them through the interval index, then sorts them, where the digest index hands the first
    # few in order: on 10,000 articles, 19 events read and sorted per date for the 5 shown, 111 ms against 83.
    with planner_without(s, "sort"):
        rows = s.connection().execute(stmt).all()
    return None if limit is not None and len(rows) > limit else rows


def unanalysed_articles(lib: Library, *, tag: str | None = None, search: str | None = None) -> int:
    """How many of the chosen articles have no analysis of their current text by this analyser (left out)."""
    with lib.reading() as s:
        chosen = _chosen_articles(s, tag, search)
        a, n = ArticleRow, AnalysisRow  # one probe per article, on the text-hash index: no article row read
        current = select(n.id).where(n.article_id == a.id, n.text_hash == a.text_hash,
                                     n.version == ANALYZER_VERSION).exists()
        stmt = select(func.count()).select_from(a).where(~current)
        if chosen is not None:
            stmt = stmt.where(ArticleRow.id.in_(chosen))
        return int(s.scalar(stmt) or 0)


def _ranking(s: Any, search: str | None) -> dict[int, int] | None:
    return {i: k for k, i in enumerate(_search_ids(s, search))} if search and search.strip() else None


def _narrowed(
    stmt: Any, chosen: Any, entity: Names | None, since: date | None, until: date | None, e: Any = TimelineEventRow
) -> Any:
    """``stmt`` on the timeline events ``e`` of this analyser, limited to the chosen articles, the entity and the
    range. An entity drives the query (its rows by name, then each event by article and place), not a scan of
    every event: the version is then compared as an expression, which no index serves, so that the planner (which
    has no statistics on a SQLite library) does not start from the version's index."""
    if entity:
        stmt = stmt.where(e.version.concat("") == ANALYZER_VERSION)
    else:
        stmt = stmt.where(e.version == ANALYZER_VERSION)
    if chosen is not None:
        stmt = stmt.where(e.article_id.in_(chosen))
    if since is not None:
        stmt = stmt.where(e.last_day >= since.isoformat())
    if until is not None:
        stmt = stmt.where(e.first_day <= until.isoformat())
    if entity:
        names = _folded(entity)
        link = aliased(TimelineEventEntityRow)
        stmt = stmt.join(link, (link.article_id == e.article_id) & (link.seq == e.seq)).where(
            link.name_folded == names[0] if len(names) == 1 else link.name_folded.in_(names)
        )
    return stmt


Names = str | tuple[str, ...]  # an entity asked for, or the names its events are filed under (see entity_names)


def _folded(entity: Names) -> list[str]:
    return [entity.casefold()] if isinstance(entity, str) else [n.casefold() for n in entity]


def entity_names(s: Any, entity: str | None) -> tuple[str, ...] | None:
    """The names whose events an entity's timeline shows: its own, and for a person the full name and the surname
    written alone that are one person across the library (models.store.entity_queries.person_keys)."""
    if not entity:
        return None
    return tuple(dict.fromkeys([entity.casefold(), *person_keys(s, entity, "PERSON")]))


def timeline_counts(
    lib: Library,
    *,
    tag: str | None = None,
    entity: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    named: int = 120,
) -> tuple[DateCount, ...]:
    """The events :func:`library_timeline` would return with the same filters, counted per interval in SQL, in date
    order; the ``named`` most reported intervals carry the name of one of their events, for a cluster to show.

    Cheap at any size of library: for the whole library the rows read are those of the dates table (one per
    interval); narrowed to some articles or an entity, one aggregate over the covering index of the events.
    """
    e = TimelineEventRow
    with lib.reading() as s:
        names = entity_names(s, entity)
        chosen = _chosen_articles(s, tag, search)
        if chosen is None and not names:  # the whole library: the dates table, kept by triggers
            d = TimelineDateRow
            stmt = _dates(select(d.first_day, d.last_day, func.min(d.precision), func.sum(d.events)), since, until)
        else:
            stmt = _narrowed(
                select(e.first_day, e.last_day, func.min(e.precision), func.count()), chosen, names, since, until,
            ).group_by(e.first_day, e.last_day).order_by(e.first_day, e.last_day)
        rows = [(first, last, precision, int(n)) for first, last, precision, n in s.execute(stmt)]
        top = sorted(range(len(rows)), key=lambda k: (-rows[k][3], k))[:named]
        labels: dict[tuple[str, str], str] = {}
        if top:  # one statement: a seek per named interval, the first of its events that has a name
            wanted = union_all(*(  # the intervals as rows (SQLite has no VALUES with named columns)
                select(literal(rows[k][0], String).label("first"), literal(rows[k][1], String).label("last"))
                for k in top
            )).subquery("wanted")
            x = aliased(TimelineEventRow)
            one = _narrowed(
                select(x.label).where(x.first_day == wanted.c.first, x.last_day == wanted.c.last, x.label != ""),
                chosen, names, None, None, x,
            ).limit(1).scalar_subquery()
            labels = {(f, la): name or "" for f, la, name in s.execute(select(wanted.c.first, wanted.c.last, one))}
    return tuple(
        DateCount(date.fromisoformat(first), date.fromisoformat(last), precision, n, labels.get((first, last), ""))
        for first, last, precision, n in rows
    )


def _analysed_articles() -> Any:
    """Articles with an analysis of their current text by this analyser (the ones the timeline can read)."""
    return (
        select(AnalysisRow.article_id)
        .join(ArticleRow, (ArticleRow.id == AnalysisRow.article_id) & (ArticleRow.text_hash == AnalysisRow.text_hash))
        .where(AnalysisRow.version == ANALYZER_VERSION)
    )


def _chosen_articles(s: Any, tag: str | None, search: str | None) -> Any:
    """A subquery of the articles matching the search and the tag, or None for every article."""
    chosen: Any = None
    if search and search.strip():
        ids = _search_ids(s, search)
        chosen = select(ArticleRow.id).where(ArticleRow.id.in_(ids))
    if tag:
        own = select(ArticleTagIndexRow.article_id).where(ArticleTagIndexRow.tag == tag.casefold())
        on_highlights = (
            select(HighlightRow.article_id)
            .join(HighlightTagRow, HighlightTagRow.highlight_id == HighlightRow.id)
            .join(TagRow, TagRow.id == HighlightTagRow.tag_id)
            .where(func.lower(TagRow.name) == tag.lower())  # tags compare case-insensitively everywhere
        )
        tagged = select(ArticleRow.id).where(or_(ArticleRow.id.in_(own), ArticleRow.id.in_(on_highlights)))
        chosen = tagged if chosen is None else tagged.where(ArticleRow.id.in_(chosen))
    return chosen


def _search_ids(s: Any, search: str) -> list[int]:
    """The articles ``Library.list_articles(search)`` shows: those of the first 500 search hits, best first."""
    from models.store.search import search as fts_search

    return list(dict.fromkeys(h.article_id for h in fts_search(s, search, limit=500)))


def _mention(row: Any) -> EventMention:
    (article_id, title, published, t0, t1, t_text, t_type, value, mod, s0, s1, label, entities, precision,
     first, last, planned, sentence, confidence, provenance) = row[:20]
    event = TimelineEvent(Timex(t0, t1, t_text, t_type, value, mod, confidence, provenance), s0, s1, label,
                          tuple(entities), precision,
                          first, last, bool(planned))
    return EventMention(article_id, title, date.fromisoformat(published) if published else None, event, sentence)


def library_timeline_by_scan(
    lib: Library,
    *,
    tag: str | None = None,
    entity: str | None = None,
    search: str | None = None,
    compute_missing: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> LibraryTimeline:
    """The same as :func:`library_timeline` (without the range) by reading every cached analysis: the reference
    the index tables are tested against. Events of every article (or those matching ``search`` and carrying ``tag``),
    same dates grouped.

    ``tag`` matches the article's own tags or a tag on one of its highlights; ``entity`` keeps the events whose
    sentence names that entity. Articles not analysed yet are skipped and listed unless ``compute_missing``.
    """
    summaries = lib.list_articles(search)
    tagged = _articles_with_highlight_tag(lib, tag) if tag else set()
    with lib.reading() as s:
        names = entity_names(s, entity)
    mentions: list[EventMention] = []
    unanalysed: list[int] = []
    read = 0
    for summary in summaries:
        if should_stop is not None and should_stop():
            break
        stored = lib.get_article(summary.id)
        meta = stored.article.metadata
        if tag and summary.id not in tagged and tag.casefold() not in {t.casefold() for t in meta.tags}:
            continue
        analysis = lib.load_analysis(summary.id, ANALYZER_VERSION)
        if analysis is None and compute_missing:
            analysis = ensure_analysis(lib, summary.id)
        if analysis is None:
            unanalysed.append(summary.id)
            continue
        read += 1
        analysis = with_event_corrections(lib, summary.id, analysis)
        found = mentions_of(
            summary.id, summary.title, stored.article.published_day, stored.article.text, analysis.events
        )
        if names:
            found = [m for m in found if mentions_entity(m, names)]
        mentions.extend(found)
    return LibraryTimeline(group_by_date(mentions), read, tuple(unanalysed))


def _articles_with_highlight_tag(lib: Library, tag: str) -> set[int]:
    with lib.reading() as s:
        rows = s.scalars(
            select(HighlightRow.article_id)
            .join(HighlightTagRow, HighlightTagRow.highlight_id == HighlightRow.id)
            .join(TagRow, TagRow.id == HighlightTagRow.tag_id)
            .where(func.lower(TagRow.name) == tag.lower())  # tags compare case-insensitively everywhere
        )
        return set(rows)


__all__ = [  # the values live in models.timeline_groups; the timeline's users know them by this module's name too
    "DateCount", "DatedGroup", "EventMention", "LibraryTimeline", "event_interval", "group_by_date",
    "GroupDigest", "library_timeline", "library_timeline_by_scan", "mentions_entity", "mentions_of",
    "one_group_per_event", "timeline_counts", "timeline_digest", "timeline_window", "unanalysed_articles",
]
