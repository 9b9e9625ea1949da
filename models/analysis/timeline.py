"""Timeline of an article: every temporal expression (TIMEX3) and the dated events the article reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.analysis.nlp import Parsed
from models.analysis.timex import Context, tag
from models.analysis.timex.events import build_events
from models.analysis.types import Entity, TimelineEvent, Timex


def extract_timeline(
    parsed: Parsed, published: date | None, entities: Sequence[Entity]
) -> tuple[tuple[Timex, ...], tuple[TimelineEvent, ...]]:
    """Timexes sorted by start (durations and sets included) and events in text order.

    ``published`` is the document creation time every relative expression is resolved against (today if unknown).
    """
    dct = published or date.today()
    ctx = Context(parsed)
    timexes = tag(parsed, dct, ctx)
    events = build_events(ctx, timexes, dct, entities)
    return tuple(sorted(timexes, key=lambda t: (t.start, t.end))), events
