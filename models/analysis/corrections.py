"""A reader's corrections of the entity analysis, as rules replayed on top of every (re-)analysis.

The automatic analysis is recomputed whenever the text or the analyser changes, so a correction cannot point at
an entity or a mention of one particular result. A rule names an entity by its canonical name and type (with one
of its mentions as a fallback anchor, for when a newer analyser names it differently) and a mention by its surface
text, the occurrence of that text in the article and the offsets it had when the rule was made. A rule whose
target no longer exists is skipped, never an error: the analysis it corrected has simply moved on.

Pure: no database, no Qt. The store keeps rules as (action, JSON payload) rows; :func:`rule_from_payload` and
:func:`payload_of` convert between the two forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from models.analysis.types import ENTITY_TYPES, LOW_CONFIDENCE, Entity, Mention

CORRECTED_BY_YOU = "corrected by you"

ACTIONS = ("rename", "merge", "split", "retype", "hide", "add", "confirm")


@dataclass(frozen=True, slots=True)
class MentionRef:
    """Where a mention was: its words, which occurrence of those words in the text, and its offsets then."""

    text: str
    occurrence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityRef:
    name: str
    type: str
    anchor: MentionRef | None = None  # one of its mentions, used when no entity has this name and type any more


@dataclass(frozen=True, slots=True)
class Rename:
    entity: EntityRef
    name: str


@dataclass(frozen=True, slots=True)
class Merge:
    entity: EntityRef
    into: EntityRef


@dataclass(frozen=True, slots=True)
class Split:
    """Move one mention out of an entity into the entity ``name`` / ``type`` (made if it does not exist)."""

    entity: EntityRef
    mention: MentionRef
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Retype:
    entity: EntityRef
    type: str


@dataclass(frozen=True, slots=True)
class Hide:
    entity: EntityRef


@dataclass(frozen=True, slots=True)
class Add:
    """A selection of the text as a mention of ``name`` / ``type``: a new entity, or one more mention of it."""

    mention: MentionRef
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Confirm:
    """A person says the entity is right as it is: it is no longer drawn as doubtful."""

    entity: EntityRef


Rule = Rename | Merge | Split | Retype | Hide | Add | Confirm


@dataclass(frozen=True, slots=True)
class Correction:
    """A rule as the store keeps it: ``article_id`` None means it holds across the library."""

    rule: Rule
    id: int | None = None
    article_id: int | None = None
    author: str = ""
    created: datetime | None = None

    @property
    def action(self) -> str:
        return _ACTION_OF[type(self.rule)]

    @property
    def payload(self) -> dict[str, Any]:
        return payload_of(self.rule)


@dataclass(frozen=True, slots=True)
class CorrectedMention:
    start: int
    end: int
    text: str
    verified: bool = False  # placed by a person (added or split off), not only found by the analyser


@dataclass(frozen=True, slots=True)
class CorrectedEntity:
    name: str
    type: str
    mentions: tuple[CorrectedMention, ...] = ()
    role: str | None = None
    verified: bool = False  # a person renamed, retyped, merged, split, added or confirmed it
    analyser_version: str = ""  # "" when a person made it from a selection
    confidence: float = 1.0  # the analyser's; 1.0 once verified
    provenance: str = ""  # the analyser's ("model", "model: context", ...) or "corrected by you"

    @property
    def low_confidence(self) -> bool:
        return not self.verified and self.confidence < LOW_CONFIDENCE

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions]

    def to_entity(self) -> Entity:
        return Entity(self.name, self.type, tuple(Mention(m.start, m.end, m.text) for m in self.mentions), self.role,
                      self.confidence, self.provenance)


# -- applying rules -----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Working:
    name: str
    type: str
    mentions: dict[tuple[int, int], CorrectedMention] = field(default_factory=dict)
    role: str | None = None
    verified: bool = False
    version: str = ""
    emptied: bool = False  # lost its last mention to a rule: dropped from the result
    confidence: float = 1.0
    provenance: str = ""


def key_of(name: str, type_: str) -> tuple[str, str]:
    """How entities are matched: canonical name ignoring case and spacing, and type."""
    return (" ".join(name.split()).casefold(), type_)


def apply_corrections(
    entities: Sequence[Entity | CorrectedEntity],
    rules: Iterable[Correction | Rule],
    text: str,
    *,
    analyser_version: str = "",
) -> tuple[CorrectedEntity, ...]:
    """The entities with every rule applied in order; rules whose target is gone are skipped."""
    work: list[_Working] = []
    for e in entities:
        if isinstance(e, CorrectedEntity):
            mentions = {(m.start, m.end): m for m in e.mentions}
            work.append(_Working(e.name, e.type, mentions, e.role, e.verified, e.analyser_version, False,
                                 e.confidence, e.provenance))
        else:
            mentions = {(m.start, m.end): CorrectedMention(m.start, m.end, m.text) for m in e.mentions}
            work.append(_Working(e.name, e.type, mentions, e.role, False, analyser_version, False,
                                 e.confidence, e.provenance))
    hidden: set[int] = set()
    for item in rules:
        rule = item.rule if isinstance(item, Correction) else item
        _apply(rule, work, hidden, text)
    out = []
    for i, w in enumerate(work):
        if i in hidden or w.emptied:
            continue
        ordered = tuple(sorted(w.mentions.values(), key=lambda m: (m.start, m.end)))
        confidence, provenance = (1.0, CORRECTED_BY_YOU) if w.verified else (w.confidence, w.provenance)
        out.append(CorrectedEntity(w.name, w.type, ordered, w.role, w.verified, w.version, confidence, provenance))
    return tuple(out)


def _apply(rule: Rule, work: list[_Working], hidden: set[int], text: str) -> None:
    if isinstance(rule, Add):
        span = resolve_mention(rule.mention, text)
        if span is None or rule.type not in ENTITY_TYPES or not rule.name.strip():
            return
        _take_span(work, span)
        target = _ensure(work, hidden, rule.name, rule.type)
        target.mentions[span] = CorrectedMention(span[0], span[1], text[span[0] : span[1]], verified=True)
        target.verified = True
        return
    i = _find(work, hidden, rule.entity, text)
    if i is None:
        return
    w = work[i]
    if isinstance(rule, Hide):
        hidden.add(i)
    elif isinstance(rule, Confirm):
        w.verified = True
    elif isinstance(rule, Rename):
        if rule.name.strip():
            _rekey(work, hidden, i, " ".join(rule.name.split()), w.type)
    elif isinstance(rule, Retype):
        if rule.type in ENTITY_TYPES:
            _rekey(work, hidden, i, w.name, rule.type)
    elif isinstance(rule, Merge):
        j = _find(work, hidden, rule.into, text)
        if j is not None and j != i:
            _merge_into(work[j], w)
            hidden.add(i)
    elif isinstance(rule, Split):
        span = resolve_mention(rule.mention, text)
        if span is None or span not in w.mentions or rule.type not in ENTITY_TYPES or not rule.name.strip():
            return
        moved = w.mentions.pop(span)
        w.emptied = not w.mentions
        target = _ensure(work, hidden, rule.name, rule.type)
        target.mentions[span] = replace(moved, verified=True)
        target.verified = True


def _find(work: list[_Working], hidden: set[int], ref: EntityRef, text: str) -> int | None:
    key = key_of(ref.name, ref.type)
    for i, w in enumerate(work):
        if i not in hidden and not w.emptied and key_of(w.name, w.type) == key:
            return i
    if ref.anchor is not None and (span := resolve_mention(ref.anchor, text)) is not None:
        for i, w in enumerate(work):
            if i not in hidden and not w.emptied and span in w.mentions:
                return i
    return None


def _ensure(work: list[_Working], hidden: set[int], name: str, type_: str) -> _Working:
    found = _find(work, hidden, EntityRef(name, type_), "")
    if found is not None:
        return work[found]
    created = _Working(" ".join(name.split()), type_, verified=True)
    work.append(created)
    return created


def _rekey(work: list[_Working], hidden: set[int], i: int, name: str, type_: str) -> None:
    """Rename or retype entity ``i``; if another entity already bears that name and type, the two become one."""
    w = work[i]
    key = key_of(name, type_)
    for j, other in enumerate(work):
        if j != i and j not in hidden and not other.emptied and key_of(other.name, other.type) == key:
            _merge_into(other, w)
            hidden.add(i)
            return
    w.name, w.type, w.verified = name, type_, True


def _merge_into(target: _Working, source: _Working) -> None:
    for span, m in source.mentions.items():
        target.mentions.setdefault(span, m)
    target.role = target.role or source.role
    target.verified = True


def _take_span(work: list[_Working], span: tuple[int, int]) -> None:
    """A selection made an entity wins over any mention the analyser found overlapping it."""
    for w in work:
        overlapping = [s for s in w.mentions if s[0] < span[1] and span[0] < s[1]]
        for s in overlapping:
            del w.mentions[s]
        if overlapping and not w.mentions:
            w.emptied = True


# -- mentions in a text that may have changed --------------------------------------------------------------------


def anchor_mention(text: str, start: int, end: int) -> MentionRef:
    """Describe ``text[start:end]`` so that it can be found again after the text or the analysis changed."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span [{start}, {end}) is outside the text (length {len(text)})")
    surface = text[start:end]
    occurrence, pos = 0, text.find(surface)
    while 0 <= pos < start:
        occurrence += 1
        pos = text.find(surface, pos + 1)
    return MentionRef(surface, occurrence, start, end)


def resolve_mention(ref: MentionRef, text: str) -> tuple[int, int] | None:
    """The span of ``ref`` in ``text``: its old offsets if the words are still there, else the same occurrence of
    the words, else the occurrence nearest the old position; None if the words are gone."""
    if not ref.text:
        return None
    if text[ref.start : ref.end] == ref.text:
        return (ref.start, ref.end)
    positions = []
    pos = text.find(ref.text)
    while pos >= 0:
        positions.append(pos)
        pos = text.find(ref.text, pos + 1)
    if not positions:
        return None
    if ref.occurrence < len(positions):
        start = positions[ref.occurrence]
    else:
        start = min(positions, key=lambda p: abs(p - ref.start))
    return (start, start + len(ref.text))


# -- the stored form ----------------------------------------------------------------------------------------------

_ACTION_OF: dict[type, str] = {
    Rename: "rename", Merge: "merge", Split: "split", Retype: "retype", Hide: "hide", Add: "add", Confirm: "confirm",
}


def _mention_dict(m: MentionRef) -> dict[str, Any]:
    return {"text": m.text, "occurrence": m.occurrence, "start": m.start, "end": m.end}


def _entity_dict(e: EntityRef) -> dict[str, Any]:
    out: dict[str, Any] = {"name": e.name, "type": e.type}
    if e.anchor is not None:
        out["anchor"] = _mention_dict(e.anchor)
    return out


def payload_of(rule: Rule) -> dict[str, Any]:
    if isinstance(rule, Rename):
        return {"entity": _entity_dict(rule.entity), "name": rule.name}
    if isinstance(rule, Merge):
        return {"entity": _entity_dict(rule.entity), "into": _entity_dict(rule.into)}
    if isinstance(rule, Split):
        return {"entity": _entity_dict(rule.entity), "mention": _mention_dict(rule.mention), "name": rule.name,
                "type": rule.type}
    if isinstance(rule, Retype):
        return {"entity": _entity_dict(rule.entity), "type": rule.type}
    if isinstance(rule, Hide | Confirm):
        return {"entity": _entity_dict(rule.entity)}
    return {"mention": _mention_dict(rule.mention), "name": rule.name, "type": rule.type}


def _str(d: Mapping[str, Any], key: str) -> str:
    value = d.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"correction needs a non-empty {key!r}")
    return value


def _type(d: Mapping[str, Any], key: str = "type") -> str:
    value = _str(d, key)
    if value not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {value!r}; one of {', '.join(ENTITY_TYPES)}")
    return value


def _mention_ref(d: Any) -> MentionRef:
    if not isinstance(d, Mapping):
        raise ValueError("correction needs a 'mention' object")
    try:
        return MentionRef(str(d["text"]), int(d["occurrence"]), int(d["start"]), int(d["end"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"mention needs text, occurrence, start and end: {exc}") from exc


def _entity_ref(d: Any) -> EntityRef:
    if not isinstance(d, Mapping):
        raise ValueError("correction needs an entity object with 'name' and 'type'")
    anchor = _mention_ref(d["anchor"]) if d.get("anchor") else None
    return EntityRef(_str(d, "name"), _type(d), anchor)


def rule_from_payload(action: str, payload: Mapping[str, Any]) -> Rule:
    """The rule of a stored (action, payload) pair; ValueError names what is missing or wrong."""
    if action == "rename":
        return Rename(_entity_ref(payload.get("entity")), " ".join(_str(payload, "name").split()))
    if action == "merge":
        return Merge(_entity_ref(payload.get("entity")), _entity_ref(payload.get("into")))
    if action == "split":
        return Split(_entity_ref(payload.get("entity")), _mention_ref(payload.get("mention")),
                     " ".join(_str(payload, "name").split()), _type(payload))
    if action == "retype":
        return Retype(_entity_ref(payload.get("entity")), _type(payload))
    if action == "hide":
        return Hide(_entity_ref(payload.get("entity")))
    if action == "confirm":
        return Confirm(_entity_ref(payload.get("entity")))
    if action == "add":
        return Add(_mention_ref(payload.get("mention")), " ".join(_str(payload, "name").split()), _type(payload))
    raise ValueError(f"unknown correction {action!r}; one of {', '.join(ACTIONS)}")
