"""Gathering an export from the library: which articles, which highlights, which analyses.

Filters narrow the highlights (colour, tag, entity) and the articles (publication dates); analyses are read from
the cache, and computed only when the document needs them (brief, timeline, entity grouping or filter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from models.analysis.types import Analysis, Entity
from models.export.bundle import ExportBundle, ExportOptions
from models.store.records import Annotation, StoredArticle


@dataclass(frozen=True, slots=True)
class Selection:
    article_ids: tuple[int, ...] = ()  # empty: every article of the library
    colors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # a highlight with any of them
    entity: str = ""  # articles mentioning it; highlights covering one of its mentions
    since: date | None = None  # publication date (import date when unknown), inclusive
    until: date | None = None


NEEDS_ANALYSIS = ("timelinejs",)  # formats drawn from the analysis itself


def needs_analyses(selection: Selection, format: str = "", options: ExportOptions | None = None) -> bool:
    """Whether the export must analyse the articles it covers, rather than take what is cached: entities and dates
    come from the analysis, so a brief, a timeline, and highlights grouped or filtered by entity need it."""
    opts = options or ExportOptions()
    return opts.brief or format in NEEDS_ANALYSIS or opts.group_by == "entity" or bool(selection.entity)


def _article_date(stored: StoredArticle) -> date:
    published = stored.article.metadata.published
    if published:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            pass
    return stored.imported_at.date()


def with_corrections(lib: Any, article_id: int, analysis: Analysis) -> Analysis:
    """The analysis as the reader corrected it (renames, merges, hidden entities, types): an export shows the
    entities the panel shows, and the timeline events name them the same way."""
    if not hasattr(lib, "reading") or not hasattr(lib, "writing"):
        return analysis  # not a library with stored corrections (a stand-in in tests)
    from models.store.entities import EntityStore
    from models.store.event_corrections import with_event_corrections

    analysis = with_event_corrections(lib, article_id, analysis)  # dates confirmed, words that are no date

    corrected = tuple(e.to_entity() for e in EntityStore(lib).entities(article_id, analysis))
    by_span = {(m.start, m.end): e.name for e in corrected for m in e.mentions}
    renamed: dict[str, str] = {}
    for old in analysis.entities:
        names = {by_span[(m.start, m.end)] for m in old.mentions if (m.start, m.end) in by_span}
        if len(names) == 1:
            renamed[old.name] = names.pop()
    events = tuple(
        replace(ev, entities=tuple(dict.fromkeys(renamed.get(n, n) for n in ev.entities)))
        for ev in analysis.events
    )
    return replace(analysis, entities=corrected, events=events)


def matching_entity(analysis: Analysis, name: str) -> Entity | None:
    wanted = name.casefold().strip()
    for entity in analysis.entities:
        if entity.name.casefold() == wanted or any(m.text.casefold() == wanted for m in entity.mentions):
            return entity
    return None


def collect(lib: Any, selection: Selection, *, need_analyses: bool = False) -> ExportBundle:
    """The bundle for ``selection``; ``KeyError`` names an article id that does not exist."""
    ids: Sequence[int] = selection.article_ids or [a.id for a in reversed(lib.list_articles())]
    articles = [lib.get_article(i) for i in ids]
    if selection.since or selection.until:
        articles = [s for s in articles
                    if (selection.since is None or _article_date(s) >= selection.since)
                    and (selection.until is None or _article_date(s) <= selection.until)]
    analyses: dict[int, Analysis] = {}
    if need_analyses or needs_analyses(selection):
        from models.store.analysis_jobs import ensure_analysis

        analyses = {s.id: with_corrections(lib, s.id, ensure_analysis(lib, s.id)) for s in articles}
    else:
        from models.analysis import ANALYZER_VERSION

        for s in articles:
            cached = lib.load_analysis(s.id, ANALYZER_VERSION)
            if cached is not None:
                analyses[s.id] = with_corrections(lib, s.id, cached)
    annotations: list[Annotation] = []
    kept: list[StoredArticle] = []
    for stored in articles:
        anns: list[Annotation] = lib.annotations.list(stored.id, colors=list(selection.colors) or None)
        if selection.tags:
            wanted = {t.casefold() for t in selection.tags}
            anns = [a for a in anns if wanted & {t.casefold() for t in a.tags}]
        if selection.entity:
            entity = matching_entity(analyses[stored.id], selection.entity)
            if entity is None:
                continue
            anns = [a for a in anns if any(m.start < a.end and a.start < m.end for m in entity.mentions)]
        kept.append(stored)
        annotations += anns
    histories: dict[int, Any] = {}
    if hasattr(lib, "revisions"):  # edited articles: their versions, where highlights were made, what changed
        from models.revisions.history import article_history

        edited = lib.revisions.edited_ids()
        for stored in kept:
            if stored.id in edited and (history := article_history(lib, stored.id, analyse=need_analyses)):
                histories[stored.id] = history
    return ExportBundle(tuple(kept), tuple(annotations), tuple(lib.annotations.colors()), MappingProxyType(analyses),
                        histories=MappingProxyType(histories))
