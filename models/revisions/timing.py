"""When an article was last changed, said relative to its publication ("2 h after publication").

The library knows when it saw each version (the import time, UTC), not when the publisher edited it; a text seen
changed two hours after publication was edited at most two hours after it. A publication date without a time is
compared by days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

HOUR = 3600


@dataclass(frozen=True, slots=True)
class Lapse:
    amount: int
    unit: str  # min | h | days | months | years | same-day
    reference: str  # publication | first-import


def last_change(first_import: datetime, last_import: datetime, published: str | None) -> Lapse:
    """How long after publication (or after the first import, without a publication date) the last version was
    seen. Times are UTC; naive ones are taken as UTC."""
    last = _utc(last_import)
    when = _published(published)
    if isinstance(when, datetime):
        return _lapse((last - when).total_seconds(), "publication")
    if isinstance(when, date):
        days = (last.date() - when).days
        if days <= 0:
            return Lapse(0, "same-day", "publication")
        return _lapse(days * 86400.0, "publication")
    return _lapse((last - _utc(first_import)).total_seconds(), "first-import")


def _lapse(seconds: float, reference: str) -> Lapse:
    seconds = max(0.0, seconds)
    if seconds < HOUR:
        return Lapse(max(1, round(seconds / 60)), "min", reference)
    if seconds < 48 * HOUR:
        return Lapse(round(seconds / HOUR), "h", reference)
    days = seconds / 86400
    if days < 60:
        return Lapse(round(days), "days", reference)
    if days < 730:
        return Lapse(round(days / 30.44), "months", reference)
    return Lapse(round(days / 365.25), "years", reference)


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _published(value: str | None) -> datetime | date | None:
    if not value:
        return None
    if len(value) > 10:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None:
            return _utc(moment)
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
