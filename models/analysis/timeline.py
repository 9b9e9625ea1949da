"""Timeline of an article: every temporal expression (TIMEX3) and the dated events the article reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.analysis.nlp import Parsed
from models.analysis.timex import Context, TimeBudgetExceeded, tag
from models.analysis.timex.events import build_events
from models.analysis.types import Entity, TimelineEvent, Timex


def extract_timeline(
    parsed: Parsed, published: date | None, entities: Sequence[Entity]
) -> tuple[tuple[Timex, ...], tuple[TimelineEvent, ...]]:
    """Timexes sorted by start (durations and sets included) and events in text order, without a time limit."""
    timexes, events, _ = timeline_within(parsed, published, entities)
    return timexes, events


def timeline_within(
    parsed: Parsed, published: date | None, entities: Sequence[Entity], *, deadline: float | None = None
) -> tuple[tuple[Timex, ...], tuple[TimelineEvent, ...], bool]:
    """Timexes sorted by start (durations and sets included), events in text order, and whether the whole text was
    done before ``deadline`` (a :func:`time.monotonic` value).

    ``published`` is the document creation time relative expressions are resolved against; without one only the
    expressions whose value does not depend on it are kept.
    """
    ctx = Context(parsed)
    whole = True
    try:
        timexes = tag(parsed, published, ctx, deadline=deadline)
    except TimeBudgetExceeded as stop:
        timexes, whole = stop.found, False
    events, all_events = build_events(ctx, timexes, published, entities, deadline=deadline)
    return tuple(sorted(timexes, key=lambda t: (t.start, t.end))), events, whole and all_events
