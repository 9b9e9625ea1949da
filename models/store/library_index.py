"""The index tables of the analyses: entity mentions and timeline events in rows, so that the entity index, a
dossier, the library timeline and "in N articles" are single queries instead of a decode of every cached analysis.

The rows always describe each article's *current* analysis (the one of its text, this analyser version first) with
the reader's corrections applied:
- :func:`write_analysis_index` runs in the transaction that stores an analysis;
- :func:`reindex_entities` redoes the entity rows of the articles a correction can change
  (:func:`articles_touched_by`), in the transaction of the correction;
- :func:`rebuild` fills the tables from the cached analyses (the migration's backfill), with progress.

Every row names its analysis (``ON DELETE CASCADE``): dropping an analysis drops what was read from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, inspect, or_, select
from sqlalchemy.orm import Session

from models.analysis import ANALYZER_VERSION
from models.analysis.corrections import Add, Correction, Merge, Rename, Retype, Split, apply_corrections, key_of
from models.analysis.event_corrections import EventCorrection, apply_event_corrections
from models.analysis.serialize import from_dict
from models.analysis.types import Analysis
from models.store.correction_rows import correction_of, stored_rules
from models.store.entity_records import SNIPPET_LIMIT, sentence_and_clipping
from models.store.event_correction_rows import event_rules
from models.store.schema import (
    AnalysisRow,
    ArticleRow,
    ArticleTagIndexRow,
    EntityArticleRow,
    EntityCorrectionRow,
    EntityMentionRow,
    EntityRawKeyRow,
    EntitySpellingRow,
    EventCorrectionRow,
    TimelineEventEntityRow,
    TimelineEventRow,
)
from models.timeline_groups import event_interval

Progress = Callable[[int, int], None]  # (articles done, articles in all)
CHUNK = 500  # ids per IN (...) list and rows per batch of inserts


# -- writing ------------------------------------------------------------------------------------------------------


def write_analysis_index(
    s: Session,
    article_id: int,
    analysis_id: int,
    analysis: Analysis,
    text: str,
    rules: Sequence[Correction] | None = None,
) -> None:
    """The rows of one stored analysis; the article's earlier rows (of a replaced analysis) are dropped first."""
    drop_article_rows(s, [article_id])
    if rules is None:
        rules = _rules_by_article(s, [article_id]).get(article_id, ())
    _insert_entities(s, article_id, analysis_id, analysis, text, rules)
    _insert_events(s, article_id, analysis_id, analysis, text, event_rules(s, [article_id]).get(article_id, ()))


def article_written(s: Session, article_id: int, text_hash: str, tags: Iterable[str]) -> None:
    """An article was added or re-imported: analyses of another text are stale (their rows go with them, and a
    text reverting to an old version is analysed afresh rather than read from rows that no longer exist)."""
    s.execute(delete(AnalysisRow).where(AnalysisRow.article_id == article_id, AnalysisRow.text_hash != text_hash))
    write_article_tags(s, article_id, tags)


def write_article_tags(s: Session, article_id: int, tags: Iterable[str]) -> None:
    s.execute(delete(ArticleTagIndexRow).where(ArticleTagIndexRow.article_id == article_id))
    folded = sorted({t.casefold() for t in tags if t.strip()})
    if folded:
        s.execute(insert(ArticleTagIndexRow), [{"article_id": article_id, "tag": t} for t in folded])


def drop_article_rows(s: Session, article_ids: Sequence[int]) -> None:
    for chunk in _chunks(list(article_ids)):
        for table in (EntityArticleRow, EntityMentionRow, EntityRawKeyRow, TimelineEventEntityRow):
            s.execute(delete(table).where(table.article_id.in_(chunk)))
        s.execute(delete(TimelineEventRow).where(TimelineEventRow.article_id.in_(chunk)))


def reindex_entities(s: Session, article_ids: Iterable[int] | None = None, progress: Progress | None = None) -> int:
    """Redo the entity rows of these articles (all when None) from their current analysis and rules."""
    ids = sorted(set(article_ids)) if article_ids is not None else None
    done = 0
    total = len(ids) if ids is not None else _count_articles(s)
    for chunk_ids, rows in _current_analyses(s, ids):
        rules = _rules_by_article(s, chunk_ids)
        for table in (EntityArticleRow, EntityMentionRow, EntityRawKeyRow):
            s.execute(delete(table).where(table.article_id.in_(chunk_ids)))
        batch = _Rows()
        for article_id, analysis_id, text, data in rows:
            batch.add_entities(article_id, analysis_id, from_dict(data), text, rules.get(article_id, ()))
        batch.write(s)
        done += len(chunk_ids)
        if progress is not None:
            progress(done, total)
    return done


def reindex_events(s: Session, article_ids: Iterable[int]) -> None:
    """Redo the timeline rows of these articles from their current analysis and timeline rules (a date confirmed
    or taken off the timeline)."""
    for chunk_ids, rows in _current_analyses(s, sorted(set(article_ids))):
        rules = event_rules(s, chunk_ids)
        for table in (TimelineEventRow, TimelineEventEntityRow):
            s.execute(delete(table).where(table.article_id.in_(chunk_ids)))
        batch = _Rows()
        for article_id, analysis_id, text, data in rows:
            batch.add_events(article_id, analysis_id, from_dict(data), text, rules.get(article_id, ()))
        batch.write(s)


def rebuild(s: Session, progress: Progress | None = None) -> int:
    """Fill every index table from the cached analyses (a library made before the tables, or a repair)."""
    for table in (TimelineEventEntityRow, TimelineEventRow, EntityMentionRow, EntityArticleRow, EntityRawKeyRow,
                  ArticleTagIndexRow, EntitySpellingRow):
        s.execute(delete(table))
    total = _count_articles(s)
    done = 0
    last = None
    # the timeline rules' table and the snippets' column come with later migrations than the backfill of these
    # tables (0003)
    inspector = inspect(s.connection())
    timeline_rules = inspector.has_table(EventCorrectionRow.__tablename__)
    snippets = any(c["name"] == "snippet" for c in inspector.get_columns(EntityMentionRow.__tablename__))
    while True:
        stmt = select(ArticleRow.id, ArticleRow.meta).order_by(ArticleRow.id).limit(CHUNK)
        batch = s.execute(stmt.where(ArticleRow.id > last) if last is not None else stmt).all()
        if not batch:
            break
        last = batch[-1][0]
        tags = [{"article_id": i, "tag": t} for i, meta in batch for t in sorted(_folded_tags(meta))]
        if tags:
            s.execute(insert(ArticleTagIndexRow), tags)
        ids = [i for i, _ in batch]
        for chunk_ids, rows in _current_analyses(s, ids):
            rules = _rules_by_article(s, chunk_ids)
            dated = event_rules(s, chunk_ids) if timeline_rules else {}
            batch_rows = _Rows(snippets)
            for article_id, analysis_id, text, data in rows:
                try:
                    analysis = from_dict(data)
                except (KeyError, TypeError, ValueError):
                    continue  # a cached analysis this code cannot read is redone when its article is opened
                batch_rows.add_entities(article_id, analysis_id, analysis, text, rules.get(article_id, ()))
                batch_rows.add_events(article_id, analysis_id, analysis, text, dated.get(article_id, ()))
            batch_rows.write(s)
        done += len(batch)
        if progress is not None:
            progress(done, total)
    return done


# -- which articles a library-wide correction can change --------------------------------------------------------


def articles_touched_by(s: Session, changed: Correction) -> list[int] | None:
    """The articles whose corrected entities may change when ``changed`` is added or removed (None: any article).

    Rules chain (a rename made by one is the target of the next), so the keys are those connected to the rule's
    keys through every stored rule; an article is touched when the analyser found one of them, its corrected
    entities bear one, or one of its own rules names one. A library-wide rule naming an anchor mention can match
    any text, so it touches every article.
    """
    every = [c for c in _all_rules(s) if c.id != changed.id] + [changed]
    edges = [_rule_keys(c) for c in every]
    component = set(_rule_keys(changed))
    grew = True
    while grew:
        grew = False
        for keys in edges:
            if component & set(keys) and not set(keys) <= component:
                component |= set(keys)
                grew = True
    for c in every:
        if c.article_id is None and set(_rule_keys(c)) & component and _has_anchor(c):
            return None
    wanted = sorted(component)
    found: set[int] = set()
    for key, type_ in wanted:  # a seek per key (a row-value IN list would scan the table)
        for table in (EntityRawKeyRow, EntityArticleRow):
            found.update(s.scalars(select(table.article_id).where(table.name_key == key, table.type == type_)))
    found.update(c.article_id for c in every if c.article_id is not None and set(_rule_keys(c)) & component)
    return sorted(found)


def _rule_keys(c: Correction) -> tuple[tuple[str, str], ...]:
    rule = c.rule
    out: list[tuple[str, str]] = []
    if not isinstance(rule, Add):
        out.append(key_of(rule.entity.name, rule.entity.type))
    if isinstance(rule, Rename):
        out.append(key_of(rule.name, rule.entity.type))
    elif isinstance(rule, Retype):
        out.append(key_of(rule.entity.name, rule.type))
    elif isinstance(rule, Merge):
        out.append(key_of(rule.into.name, rule.into.type))
    elif isinstance(rule, Split | Add):
        out.append(key_of(rule.name, rule.type))
    return tuple(out)


def _has_anchor(c: Correction) -> bool:
    rule = c.rule
    refs = [getattr(rule, "entity", None), getattr(rule, "into", None)]
    return any(r is not None and r.anchor is not None for r in refs)


# -- internals ----------------------------------------------------------------------------------------------------


class _Rows:
    """Index rows of many analyses, inserted table by table in large batches.

    ``snippets``: the mentions carry their snippet's text (False only while migrating a library whose mention rows
    have no such column yet: 0009_scale fills it)."""

    def __init__(self, snippets: bool = True) -> None:
        self.snippets = snippets
        self.raw: list[dict[str, Any]] = []
        self.entities: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []

    def add_entities(
        self, article_id: int, analysis_id: int, analysis: Analysis, text: str, rules: Sequence[Correction]
    ) -> None:
        self.raw.extend(
            {"article_id": article_id, "analysis_id": analysis_id, "name_key": k, "type": t}
            for k, t in sorted({key_of(e.name, e.type) for e in analysis.entities})
        )
        corrected = apply_corrections(analysis.entities, rules, text, analyser_version=analysis.version)
        for seq, e in enumerate(corrected):
            key = key_of(e.name, e.type)[0]
            self.entities.append({"article_id": article_id, "analysis_id": analysis_id, "seq": seq, "name": e.name,
                                  "name_key": key, "type": e.type, "mention_count": len(e.mentions)})
            for m in e.mentions:
                s0, e0, clipped_start, clipped_end = sentence_and_clipping(text, m.start, m.end, SNIPPET_LIMIT)
                row = {
                    "article_id": article_id, "analysis_id": analysis_id, "entity_seq": seq, "name_key": key,
                    "type": e.type, "start": m.start, "end": m.end, "text": m.text, "verified": m.verified,
                    "snippet_start": s0, "snippet_end": e0, "clipped_start": clipped_start,
                    "clipped_end": clipped_end,
                }
                if self.snippets:
                    row["snippet"] = text[s0:e0]
                self.mentions.append(row)

    def add_events(self, article_id: int, analysis_id: int, analysis: Analysis, text: str,
                   rules: Sequence[EventCorrection] = ()) -> None:
        events = apply_event_corrections(analysis.events, rules, text) if rules else analysis.events
        for seq, ev in enumerate(events):
            interval = event_interval(ev)
            if interval is None:
                continue  # never drawn
            t = ev.timex
            self.events.append({
                "article_id": article_id, "analysis_id": analysis_id, "version": analysis.version, "seq": seq,
                "first_day": interval[0].isoformat(), "last_day": interval[1].isoformat(),
                "precision": ev.precision, "planned": ev.planned, "interval_start": ev.interval_start,
                "interval_end": ev.interval_end, "timex_start": t.start, "timex_end": t.end, "timex_text": t.text,
                "timex_type": t.type, "value": t.value, "mod": t.mod, "sentence_start": ev.sentence_start,
                "sentence_end": ev.sentence_end, "sentence": text[ev.sentence_start : ev.sentence_end].strip(),
                "label": ev.label, "entities": list(ev.entities), "confidence": t.confidence,
                "provenance": t.provenance,
            })
            self.links.extend(
                {"article_id": article_id, "analysis_id": analysis_id, "seq": seq, "name_folded": n}
                for n in sorted({n.casefold() for n in ev.entities})
            )

    def write(self, s: Session) -> None:
        for table, rows in ((EntityRawKeyRow, self.raw), (EntityArticleRow, self.entities),
                            (EntityMentionRow, self.mentions), (TimelineEventRow, self.events),
                            (TimelineEventEntityRow, self.links)):
            for chunk in _chunks(rows, 5000):
                s.execute(insert(table), chunk)
            rows.clear()


def _insert_entities(
    s: Session, article_id: int, analysis_id: int, analysis: Analysis, text: str, rules: Sequence[Correction]
) -> None:
    rows = _Rows()
    rows.add_entities(article_id, analysis_id, analysis, text, rules)
    rows.write(s)


def _insert_events(s: Session, article_id: int, analysis_id: int, analysis: Analysis, text: str,
                   rules: Sequence[EventCorrection] = ()) -> None:
    rows = _Rows()
    rows.add_events(article_id, analysis_id, analysis, text, rules)
    rows.write(s)


def _current_analyses(
    s: Session, article_ids: list[int] | None
) -> Iterable[tuple[list[int], list[tuple[int, int, str, dict[str, Any]]]]]:
    """Per chunk of articles: (ids, [(article id, analysis id, text, analysis data)]) of the analysis of each
    article's current text, this analyser's first when several versions are cached."""
    if article_ids is None:
        article_ids = list(s.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))
    for chunk in _chunks(article_ids):
        rows = s.execute(
            select(ArticleRow.id, AnalysisRow.id, ArticleRow.text, AnalysisRow.data)
            .join(AnalysisRow, (AnalysisRow.article_id == ArticleRow.id)
                  & (AnalysisRow.text_hash == ArticleRow.text_hash))
            .where(ArticleRow.id.in_(chunk))
            .order_by(ArticleRow.id, AnalysisRow.version != ANALYZER_VERSION, AnalysisRow.id)
        ).all()
        seen: set[int] = set()
        picked = []
        for article_id, analysis_id, text, data in rows:
            if article_id not in seen:
                seen.add(article_id)
                picked.append((article_id, analysis_id, text, data))
        yield chunk, picked


def _all_rules(s: Session) -> list[Correction]:
    return list(stored_rules(s, None, every=True))


def _rules_by_article(s: Session, article_ids: list[int]) -> dict[int, tuple[Correction, ...]]:
    """The rules that apply to each article (the library's and its own), in the order they were made."""
    stmt = (
        select(EntityCorrectionRow)
        .where(or_(EntityCorrectionRow.article_id.is_(None), EntityCorrectionRow.article_id.in_(article_ids)))
        .order_by(EntityCorrectionRow.id)
    )
    wide: list[Correction] = []
    own: dict[int, list[Correction]] = {}
    for row in s.scalars(stmt):
        try:
            c = correction_of(row)
        except ValueError:
            continue  # a rule this version cannot read is kept in the table, not applied
        if c.article_id is None:
            wide.append(c)
        else:
            own.setdefault(c.article_id, []).append(c)
    return {
        i: tuple(sorted(wide + own.get(i, []), key=lambda c: c.id or 0)) for i in article_ids
    }


def _folded_tags(meta: Any) -> set[str]:
    tags = meta.get("tags") if isinstance(meta, dict) else None
    return {str(t).casefold() for t in tags or () if str(t).strip()}


def _count_articles(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(ArticleRow)) or 0


def _chunks(items: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def import_analysed(lib: Any, pairs: Sequence[tuple[Any, Analysis]]) -> list[int]:
    """Add new articles with their analyses in one transaction, the index rows with them (a bulk import of
    articles analysed elsewhere, e.g. by a pool of workers or another library). A source already in the library
    fails the whole batch; nothing of it is kept."""
    import uuid

    from models.analysis.serialize import to_dict
    from models.store.article_rows import fill_row

    ids: list[int] = []
    with lib.writing() as s:
        wide = _rules_by_article(s, [0]).get(0, ())  # no article has id 0: the library-wide rules only
        articles, analyses = [], []
        for article, analysis in pairs:
            if analysis.text_hash != article.text_hash:
                raise ValueError(f"{article.source}: the analysis is of another text")
            row = ArticleRow(uid=str(uuid.uuid4()), source=article.source, kind=article.kind, note="")
            fill_row(row, article)
            articles.append(row)
        s.add_all(articles)
        s.flush()
        for row, (_article, analysis) in zip(articles, pairs, strict=True):
            analyses.append(AnalysisRow(article_id=row.id, text_hash=analysis.text_hash, version=analysis.version,
                                        data=to_dict(analysis)))
        s.add_all(analyses)
        s.flush()
        tags = [{"article_id": row.id, "tag": t} for row, (article, _a) in zip(articles, pairs, strict=True)
                for t in sorted({x.casefold() for x in article.metadata.tags if x.strip()})]
        for chunk in _chunks(tags, 5000):
            s.execute(insert(ArticleTagIndexRow), chunk)
        rows = _Rows()
        for row, stored, (article, analysis) in zip(articles, analyses, pairs, strict=True):
            rows.add_entities(row.id, stored.id, analysis, article.text, wide)
            rows.add_events(row.id, stored.id, analysis, article.text)
            ids.append(row.id)
        rows.write(s)
    return ids
