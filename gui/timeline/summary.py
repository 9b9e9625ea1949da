"""The library timeline where it holds too many events to draw one by one: counts per interval (from
``models.timeline_query.timeline_counts``) gathered into bubbles, a few dozen per screen whatever the library.

Pure functions of numbers, like the lane maths: which intervals fall in a pixel bucket, how many events they hold,
and which name a bubble shows (that of its most reported interval). The view turns the buckets into items only
for the band it shows.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.timeline_groups import DateCount

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


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the view derives from the counts, worked out with the query away from the GUI thread."""

    counts: tuple[DateCount, ...]  # by first and last day
    by_middle: ByMiddle
    overview: list[tuple[int, int, bool]]


def prepare(counts: Sequence[DateCount]) -> Prepared:
    ordered = tuple(sorted(counts, key=lambda c: (c.first_day, c.last_day)))
    return Prepared(ordered, by_middle(ordered), overview_spans(ordered))


def overview_spans(counts: Sequence[DateCount], most: int = 1200) -> list[tuple[int, int, bool]]:
    """At most about ``most`` marks for the overview strip, (first day, day after the last, a point?): dates
    closer than the strip can tell apart are one mark, whatever the size of the library."""
    if not counts:
        return []
    lo = min(c.first_day.toordinal() for c in counts)
    hi = max(c.last_day.toordinal() for c in counts) + 1
    step = max(1, (hi - lo) // most + 1)
    seen: dict[tuple[int, int, bool], tuple[int, int, bool]] = {}
    for c in counts:
        first, end = c.first_day.toordinal(), c.last_day.toordinal() + 1
        point = c.precision in ("day", "time")
        seen.setdefault((first // step, (end - first) // step, point), (first, end, point))
    return list(seen.values())


def dates_between(counts: Sequence[DateCount], first: date, last: date) -> int:
    """Dates (distinct intervals: one mark each once loaded) overlapping ``[first, last]``."""
    return sum(1 for c in counts if c.first_day <= last and c.last_day >= first)


@dataclass(frozen=True, slots=True)
class ByMiddle:
    """Counts sorted by the middle of their interval (day numbers), to find those of a band by bisection."""

    middles: tuple[float, ...]
    counts: tuple[DateCount, ...]


def by_middle(counts: Sequence[DateCount]) -> ByMiddle:
    pairs = sorted(((c.first_day.toordinal() + c.last_day.toordinal() + 1) / 2, k) for k, c in enumerate(counts))
    return ByMiddle(tuple(m for m, _ in pairs), tuple(counts[k] for _, k in pairs))


def buckets(counts: ByMiddle, origin: float, ppd: float, lo_px: float, hi_px: float,
            width: float = BUCKET_PX) -> list[Bucket]:
    """The buckets of the intervals whose middle lies within ``[lo_px, hi_px]`` (pixels from ``origin``, a day
    number), each ``width`` pixels wide, left to right; an interval belongs to the bucket of its middle."""
    start = bisect.bisect_left(counts.middles, origin + lo_px / ppd)
    stop = bisect.bisect_right(counts.middles, origin + hi_px / ppd)
    found: dict[int, list[tuple[float, DateCount]]] = {}
    for k in range(start, stop):
        mid = (counts.middles[k] - origin) * ppd
        found.setdefault(math.floor(mid / width), []).append((mid, counts.counts[k]))
    out = []
    for key in sorted(found):
        rows = found[key]
        named = [c for _, c in rows if c.label]
        best = max(named, key=lambda c: (c.events, -c.first_day.toordinal())) if named else None
        out.append(Bucket(min(c.first_day for _, c in rows), max(c.last_day for _, c in rows),
                          sum(c.events for _, c in rows), len(rows), best.label if best else "", rows[0][0]))
    return out
