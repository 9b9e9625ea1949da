"""The library timeline where it holds too many events to draw one by one: counts per interval (from
``models.timeline_query.timeline_counts``) gathered into bubbles, a few dozen per screen whatever the library.

Pure functions of numbers, like the lane maths: which intervals fall in a pixel bucket, how many events they hold,
and which name a bubble shows (that of its most reported interval). The view turns the buckets into items only
for the band it shows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.timeline_query import DateCount

BUCKET_PX = 48.0  # one bubble per this many pixels at most


@dataclass(frozen=True, slots=True)
class Bucket:
    """The intervals starting within one stretch of pixels: one bubble with their total count."""

    first_day: date
    last_day: date
    events: int
    intervals: int
    label: str  # the name of its most reported interval that has one
    x0: float  # pixels from the origin where its first interval starts


def events_between(counts: Sequence[DateCount], first: date, last: date) -> int:
    """Events whose interval overlaps ``[first, last]`` (what a window query over that range would return)."""
    return sum(c.events for c in counts if c.first_day <= last and c.last_day >= first)


def dates_between(counts: Sequence[DateCount], first: date, last: date) -> int:
    """Dates (distinct intervals: one mark each once loaded) overlapping ``[first, last]``."""
    return sum(1 for c in counts if c.first_day <= last and c.last_day >= first)


def buckets(counts: Sequence[DateCount], origin: float, ppd: float, lo_px: float, hi_px: float,
            width: float = BUCKET_PX) -> list[Bucket]:
    """The buckets of the intervals that start within ``[lo_px, hi_px]`` (pixels from ``origin``, a day number),
    each ``width`` pixels wide, left to right; an interval belongs to the bucket of its middle."""
    found: dict[int, list[DateCount]] = {}
    for c in counts:
        mid = ((c.first_day.toordinal() + c.last_day.toordinal() + 1) / 2 - origin) * ppd
        if lo_px <= mid <= hi_px:
            found.setdefault(math.floor(mid / width), []).append(c)
    out = []
    for key in sorted(found):
        rows = found[key]
        named = [c for c in rows if c.label]
        best = max(named, key=lambda c: (c.events, -c.first_day.toordinal())) if named else None
        first = min(c.first_day for c in rows)
        mids = [((c.first_day.toordinal() + c.last_day.toordinal() + 1) / 2 - origin) * ppd for c in rows]
        out.append(Bucket(first, max(c.last_day for c in rows), sum(c.events for c in rows), len(rows),
                          best.label if best else "", min(mids)))
    return out
