"""The timeline across articles: every dated event of the chosen articles, the same date gathered into one group.

Reads only cached analyses (``Library.load_analysis``) unless asked to compute the missing ones, because analysing
a library is minutes of work while reading it back is milliseconds. Each mention carries its sentence text, so a
view can show and link it without holding every article's text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from models.analysis import ANALYZER_VERSION
from models.analysis.types import TimelineEvent
from models.store.analysis_jobs import ensure_analysis
from models.store.library import Library
from models.store.schema import HighlightRow, HighlightTagRow, TagRow


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article reports it."""

    article_id: int
    article_title: str
    published: date | None
    event: TimelineEvent
    sentence: str  # the text of event.sentence_start:event.sentence_end


@dataclass(frozen=True, slots=True)
class DatedGroup:
    """Mentions covering the same interval: one mark on the timeline, however many articles report it."""

    first_day: date
    last_day: date  # inclusive
    precision: str
    mentions: tuple[EventMention, ...]

    @property
    def planned(self) -> bool:
        return all(m.event.planned for m in self.mentions)

    @property
    def article_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True, slots=True)
class LibraryTimeline:
    groups: tuple[DatedGroup, ...]
    articles_read: int  # articles whose analysis was available
    unanalysed: tuple[int, ...]  # selected articles with no cached analysis (left out)


def event_interval(event: TimelineEvent) -> tuple[date, date] | None:
    """The inclusive day interval of an event, or None when the tagger left it unresolved."""
    try:
        first = date.fromisoformat(event.interval_start[:10])
        last = date.fromisoformat(event.interval_end[:10])
    except ValueError:
        return None
    return (first, last) if first <= last else (last, first)


def mentions_of(
    article_id: int, title: str, published: date | None, text: str, events: Iterable[TimelineEvent]
) -> list[EventMention]:
    return [
        EventMention(article_id, title, published, ev, text[ev.sentence_start : ev.sentence_end].strip())
        for ev in events
        if event_interval(ev) is not None
    ]


def mentions_entity(mention: EventMention, name: str) -> bool:
    """Whether the mention's sentence names the entity (canonical names, case and accents as stored)."""
    wanted = name.casefold()
    return any(e.casefold() == wanted for e in mention.event.entities)


def one_group_per_event(mentions: Sequence[EventMention]) -> tuple[DatedGroup, ...]:
    """Within one article every event keeps its own mark: three things on Jan. 22 are three lines of news."""
    out = []
    for m in mentions:
        interval = event_interval(m.event)
        if interval is not None:
            out.append(DatedGroup(interval[0], interval[1], m.event.precision, (m,)))
    return tuple(sorted(out, key=_group_order))


def group_by_date(mentions: Sequence[EventMention]) -> tuple[DatedGroup, ...]:
    """Across articles the same interval is one mark whose mentions link to each article and sentence."""
    buckets: dict[tuple[date, date], list[EventMention]] = {}
    for m in mentions:
        interval = event_interval(m.event)
        if interval is not None:
            buckets.setdefault(interval, []).append(m)
    groups = [
        DatedGroup(first, last, ms[0].event.precision, tuple(sorted(ms, key=_mention_order)))
        for (first, last), ms in buckets.items()
    ]
    return tuple(sorted(groups, key=_group_order))


def library_timeline(
    lib: Library,
    *,
    tag: str | None = None,
    entity: str | None = None,
    search: str | None = None,
    compute_missing: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> LibraryTimeline:
    """Events of every article (or those matching ``search`` and carrying ``tag``), same dates grouped.

    ``tag`` matches the article's own tags or a tag on one of its highlights; ``entity`` keeps the events whose
    sentence names that entity. Articles not analysed yet are skipped and listed unless ``compute_missing``.
    """
    summaries = lib.list_articles(search)
    tagged = _articles_with_highlight_tag(lib, tag) if tag else set()
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
        found = mentions_of(
            summary.id, summary.title, stored.article.published_day, stored.article.text, analysis.events
        )
        if entity:
            found = [m for m in found if mentions_entity(m, entity)]
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


def _group_order(g: DatedGroup) -> tuple[date, date, int]:
    return (g.first_day, g.last_day, g.mentions[0].event.timex.start if g.mentions else 0)


def _mention_order(m: EventMention) -> tuple[date, int, int]:
    return (m.published or date.max, m.article_id, m.event.timex.start)
