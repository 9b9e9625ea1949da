"""Entities that appeared or disappeared, and timeline events added, removed or changed in value, between the
analyses of two revisions.

An event of the old text is the same event in the new one when its date expression is where the edit moved it
(an alignment of the two texts); failing that, the same expression with the same value anywhere; failing that, an
expression close to where it was, whose value then *changed*. Whatever is left was added or removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from models.analysis.types import Analysis, TimelineEvent
from models.anchoring import TextChange

NEAR = 40  # characters between an old expression's mapped place and a new one for the two to be one event
CONTEXT = 24  # characters each side of an expression compared to tell an edited date from another one
SAME_CONTEXT = 0.7


@dataclass(frozen=True, slots=True)
class EntityChange:
    change: str  # added | removed
    name: str
    type: str
    mentions: int  # in the revision where it is


@dataclass(frozen=True, slots=True)
class EventChange:
    change: str  # added | removed | changed
    value: str  # the TIMEX3 value (the new one for a change)
    old_value: str | None  # for a change
    text: str  # the date expression as written (in the new text, or the old one for a removal)
    label: str
    start: int  # offsets of the expression, in the new text (in the old text for a removal)
    end: int
    precision: str
    first_day: str  # ISO dates the event covers (for placing it on the timeline)
    last_day: str


def entity_changes(old: Analysis, new: Analysis) -> list[EntityChange]:
    before = {(e.name, e.type): e for e in old.entities}
    after = {(e.name, e.type): e for e in new.entities}
    out = [EntityChange("added", n, t, len(e.mentions)) for (n, t), e in after.items() if (n, t) not in before]
    out += [EntityChange("removed", n, t, len(e.mentions)) for (n, t), e in before.items() if (n, t) not in after]
    return out


def event_changes(old_text: str, new_text: str, old: Analysis, new: Analysis) -> list[EventChange]:
    change = TextChange(old_text, new_text)
    left = list(old.events)
    right = list(new.events)
    pairs: list[tuple[TimelineEvent, TimelineEvent]] = []

    def take(match: Callable[[TimelineEvent], TimelineEvent | None]) -> None:
        for ev in list(left):
            partner = match(ev)
            if partner is not None:
                left.remove(ev)
                right.remove(partner)
                pairs.append((ev, partner))

    def aligned(ev: TimelineEvent) -> TimelineEvent | None:
        place = change.expected(ev.timex.start, ev.timex.end)
        return next((n for n in right if n.timex.start == place), None)

    def same_words(ev: TimelineEvent) -> TimelineEvent | None:
        near = change.near(ev.timex.start)
        found = [n for n in right if n.timex.text == ev.timex.text and n.timex.value == ev.timex.value]
        return min(found, key=lambda n: abs(n.timex.start - near), default=None)

    def close(ev: TimelineEvent) -> TimelineEvent | None:
        near = change.near(ev.timex.start)
        around = _context(old_text, ev.timex.start, ev.timex.end)
        found = [
            n
            for n in right
            if abs(n.timex.start - near) <= NEAR
            and Indel.normalized_similarity(around, _context(new_text, n.timex.start, n.timex.end)) >= SAME_CONTEXT
        ]
        return min(found, key=lambda n: abs(n.timex.start - near), default=None)

    take(aligned)
    take(same_words)
    take(close)
    out = [
        EventChange("changed", n.timex.value, o.timex.value, n.timex.text, n.label, n.timex.start, n.timex.end,
                    n.precision, n.interval_start, n.interval_end)
        for o, n in pairs
        if o.timex.value != n.timex.value
    ]
    out += [_event("added", n) for n in right]
    out += [_event("removed", o) for o in left]
    return sorted(out, key=lambda c: (c.change != "changed", c.start))


def _event(kind: str, ev: TimelineEvent) -> EventChange:
    t = ev.timex
    return EventChange(kind, t.value, None, t.text, ev.label, t.start, t.end, ev.precision, ev.interval_start,
                       ev.interval_end)


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT) : start] + "\x00" + text[end : end + CONTEXT]
