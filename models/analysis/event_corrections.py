"""A reader's corrections of the timeline, as rules replayed on top of every (re-)analysis of one article.

Like the entity corrections (:mod:`models.analysis.corrections`), a rule cannot point at an event of one particular
result: it names the date expression by its words, the occurrence of those words in the text and the offsets they
had when the rule was made (a :class:`~models.analysis.corrections.MentionRef`). Replayed, it finds the event whose
expression is at that place now:

- **confirm**: the reader says the value is right. The event is sure from then on (confidence 1, provenance
  "confirmed by you"): not faded, not hidden by "Sure only", not marked unsure in exports. The rule keeps the value
  that was confirmed; an analysis that reads the expression as another value is not confirmed by it (a person
  vouched for one date, not for whatever a newer analyser makes of the words).
- **not-a-date**: the words are no date at all ("the Sunday edition"): the event leaves the timeline, the library
  timeline and the exports, whatever value the analysis gives it.

A rule whose expression is gone is skipped, never an error. Pure: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from models.analysis.corrections import MentionRef, anchor_mention, resolve_mention
from models.analysis.types import TimelineEvent

CONFIRMED_BY_YOU = "confirmed by you"
CONFIRM, NOT_A_DATE = "confirm", "not-a-date"
EVENT_ACTIONS = (CONFIRM, NOT_A_DATE)


@dataclass(frozen=True, slots=True)
class EventRule:
    action: str  # one of EVENT_ACTIONS
    expression: MentionRef  # the date expression's words, their occurrence in the text, their offsets then
    value: str = ""  # the TIMEX3 value confirmed ("" for not-a-date)


@dataclass(frozen=True, slots=True)
class EventCorrection:
    """A rule as the store keeps it, for one article."""

    rule: EventRule
    id: int | None = None
    article_id: int | None = None
    author: str = ""
    created: datetime | None = None


def confirmed(ev: TimelineEvent) -> bool:
    """Whether a person confirmed the event (its provenance says so)."""
    return ev.timex.provenance == CONFIRMED_BY_YOU


def rule_for(action: str, event: TimelineEvent, text: str) -> EventRule:
    """The rule that does ``action`` to ``event`` of ``text``; ValueError for an unknown action or a span outside
    the text."""
    if action not in EVENT_ACTIONS:
        raise ValueError(f"unknown timeline correction {action!r}; one of {', '.join(EVENT_ACTIONS)}")
    ref = anchor_mention(text, event.timex.start, event.timex.end)
    return EventRule(action, ref, event.timex.value if action == CONFIRM else "")


def apply_event_corrections(
    events: Sequence[TimelineEvent], rules: Iterable[EventCorrection | EventRule], text: str
) -> tuple[TimelineEvent, ...]:
    """The events with every rule applied in order; rules whose expression is gone (or, for a confirmation, now
    means another date) are skipped."""
    out: list[TimelineEvent | None] = list(events)
    by_span: dict[tuple[int, int], list[int]] = {}
    for i, ev in enumerate(events):
        by_span.setdefault((ev.timex.start, ev.timex.end), []).append(i)
    for item in rules:
        rule = item.rule if isinstance(item, EventCorrection) else item
        span = resolve_mention(rule.expression, text)
        if span is None:
            continue
        for i in by_span.get(span, ()):
            found = out[i]
            if found is None:
                continue
            if rule.action == NOT_A_DATE:
                out[i] = None
            elif rule.action == CONFIRM and found.timex.value == rule.value:
                out[i] = replace(found, timex=replace(found.timex, confidence=1.0, provenance=CONFIRMED_BY_YOU))
    return tuple(ev for ev in out if ev is not None)


# -- the stored form ----------------------------------------------------------------------------------------------


def payload_of(rule: EventRule) -> dict[str, Any]:
    m = rule.expression
    out: dict[str, Any] = {"expression": {"text": m.text, "occurrence": m.occurrence, "start": m.start,
                                          "end": m.end}}
    if rule.value:
        out["value"] = rule.value
    return out


def rule_from_payload(action: str, payload: Mapping[str, Any]) -> EventRule:
    """The rule of a stored (action, payload) pair; ValueError names what is missing or wrong."""
    if action not in EVENT_ACTIONS:
        raise ValueError(f"unknown timeline correction {action!r}; one of {', '.join(EVENT_ACTIONS)}")
    d = payload.get("expression")
    if not isinstance(d, Mapping):
        raise ValueError("a timeline correction needs an 'expression' object")
    try:
        ref = MentionRef(str(d["text"]), int(d["occurrence"]), int(d["start"]), int(d["end"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"expression needs text, occurrence, start and end: {exc}") from exc
    if not ref.text:
        raise ValueError("a timeline correction needs the words of the expression")
    value = str(payload.get("value") or "")
    if action == CONFIRM and not value:
        raise ValueError("a confirmation needs the value it confirms")
    return EventRule(action, ref, value)
