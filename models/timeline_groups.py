"""Dated events as the timeline draws them: one article's report of an event, and the marks that gather the reports
of the same interval. Pure values and functions; :mod:`models.timeline_query` fills them from the library.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from models.analysis.types import TimelineEvent


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
class DateCount:
    """How many events of the chosen articles cover one interval: the overview of a library's timeline and its
    clusters at wide zoom, without reading one event."""

    first_day: date
    last_day: date  # inclusive
    precision: str  # the finest among them (a day before a month)
    events: int
    label: str = ""  # the name of one of them, for the most reported intervals only (see timeline_counts)


@dataclass(frozen=True, slots=True)
class GroupDigest:
    """A dated group with only some of its mentions (the first the scan meets), and how many it has in all."""

    group: DatedGroup  # its mentions: at most the number asked, in the group's order
    events: int  # every mention of the interval
    planned: bool  # whether every one of them is planned, not only those shown

    @property
    def more(self) -> int:
        return self.events - len(self.group.mentions)


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


def mentions_entity(mention: EventMention, name: str | Iterable[str]) -> bool:
    """Whether the mention's sentence names the entity, or one of its names (canonical names, case and accents as
    stored)."""
    wanted = {name.casefold()} if isinstance(name, str) else {n.casefold() for n in name}
    return any(e.casefold() in wanted for e in mention.event.entities)


def one_group_per_event(mentions: Sequence[EventMention]) -> tuple[DatedGroup, ...]:
    """Within one article every event keeps its own mark: three things on Jan. 22 are three lines of news."""
    out = []
    for m in mentions:
        interval = event_interval(m.event)
        if interval is not None:
            out.append(DatedGroup(interval[0], interval[1], m.event.precision, (m,)))
    return tuple(sorted(out, key=group_order))


def group_by_date(mentions: Sequence[EventMention]) -> tuple[DatedGroup, ...]:
    """Across articles the same interval is one mark whose mentions link to each article and sentence."""
    buckets: dict[tuple[date, date], list[EventMention]] = {}
    for m in mentions:
        interval = event_interval(m.event)
        if interval is not None:
            buckets.setdefault(interval, []).append(m)
    groups = [
        DatedGroup(first, last, ms[0].event.precision, tuple(sorted(ms, key=mention_order)))
        for (first, last), ms in buckets.items()
    ]
    return tuple(sorted(groups, key=group_order))


def group_order(g: DatedGroup) -> tuple[date, date, int]:
    return (g.first_day, g.last_day, g.mentions[0].event.timex.start if g.mentions else 0)


def mention_order(m: EventMention) -> tuple[date, int, int]:
    return (m.published or date.max, m.article_id, m.event.timex.start)
