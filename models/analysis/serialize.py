"""Analysis results to and from plain JSON-able dicts (the store's cache and the command line share this form)."""

from __future__ import annotations

from typing import Any

from models.analysis.types import LOW_CONFIDENCE, Analysis, Entity, Mention, TimelineEvent, Timex


def timex_to_dict(t: Timex) -> dict[str, Any]:
    out: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
    if t.mod:
        out["mod"] = t.mod
    _sureness(out, t.confidence, t.provenance)
    return out


def _sureness(out: dict[str, Any], confidence: float, provenance: str) -> None:
    """Confidence and provenance, written only when they say something (older caches have neither)."""
    if confidence < 1.0:
        out["confidence"] = round(confidence, 2)
        out["low_confidence"] = confidence < LOW_CONFIDENCE
    if provenance:
        out["provenance"] = provenance


def entity_to_dict(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": e.name,
        "type": e.type,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
    }
    if e.role:
        out["role"] = e.role
    _sureness(out, e.confidence, e.provenance)
    return out


def event_to_dict(ev: TimelineEvent) -> dict[str, Any]:
    return {
        **timex_to_dict(ev.timex),
        "sentence": {"start": ev.sentence_start, "end": ev.sentence_end},
        "label": ev.label,
        "entities": list(ev.entities),
        "precision": ev.precision,
        "interval": [ev.interval_start, ev.interval_end],
        "planned": ev.planned,
    }


def to_dict(a: Analysis) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": a.version,
        "text_hash": a.text_hash,
        "entities": [entity_to_dict(e) for e in a.entities],
        "timexes": [timex_to_dict(t) for t in a.timexes],
        "events": [event_to_dict(ev) for ev in a.events],
    }
    if a.status != "complete":
        out["status"], out["reason"] = a.status, a.reason
    if a.language != "en":
        out["language"] = a.language
    return out


def _timex(d: dict[str, Any]) -> Timex:
    return Timex(
        d["start"], d["end"], d["text"], d["type"], d["value"], d.get("mod"),
        float(d.get("confidence", 1.0)), str(d.get("provenance", "")),
    )


def from_dict(d: dict[str, Any]) -> Analysis:
    entities = tuple(
        Entity(
            e["name"],
            e["type"],
            tuple(Mention(m["start"], m["end"], m["text"]) for m in e["mentions"]),
            e.get("role"),
            float(e.get("confidence", 1.0)),
            str(e.get("provenance", "")),
        )
        for e in d.get("entities", [])
    )
    timexes = tuple(_timex(t) for t in d.get("timexes", []))
    # an event's expression is one of the timexes: share the object (a long article has thousands)
    known = {t: t for t in timexes}
    events = tuple(
        TimelineEvent(
            known.get(t := _timex(ev), t),
            ev["sentence"]["start"],
            ev["sentence"]["end"],
            ev["label"],
            tuple(ev["entities"]),
            ev["precision"],
            ev["interval"][0],
            ev["interval"][1],
            ev["planned"],
        )
        for ev in d.get("events", [])
    )
    return Analysis(
        d["version"],
        d["text_hash"],
        entities,
        timexes,
        events,
        str(d.get("status") or "complete"),
        str(d.get("reason") or ""),
        str(d.get("language") or "en"),
    )
