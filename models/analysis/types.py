"""What the analysis finds, as frozen values with offsets into the canonical text."""

from __future__ import annotations

from dataclasses import dataclass, field

# Below this an item is drawn faded and can be hidden with one toggle; a person's confirmation lifts it to 1.
LOW_CONFIDENCE = 0.5
ENTITY_TYPES = ("PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT", "OTHER")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    name: str  # canonical name ("Shinzo Abe")
    type: str  # one of ENTITY_TYPES
    mentions: tuple[Mention, ...] = ()
    role: str | None = None  # "author" for byline people
    confidence: float = 1.0  # 0..1: how sure the analyser is of the name and its type
    provenance: str = ""  # what produced it: "model", "model+rules: context", "rules: citation", ...


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # one of TIMEX_TYPES
    value: str  # TIMEX3 value: 2019-01-22, 2019-06, 2019-SU, P3D, PRESENT_REF, ...
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...
    confidence: float = 1.0  # 0..1: how sure the analyser is of the value
    provenance: str = ""  # how the value was reached: "explicit date", "publication date", "tense", "heading year"


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated point of the timeline: a DATE/TIME timex with the sentence that reports it."""

    timex: Timex
    sentence_start: int
    sentence_end: int
    label: str  # short clause around the expression
    entities: tuple[str, ...]  # canonical names of entities mentioned in the sentence
    precision: str  # day | week | month | season | quarter | half | year | decade | century | time
    interval_start: str  # ISO date, first day covered
    interval_end: str  # ISO date, last day covered (inclusive)
    planned: bool  # after the publication date (announced / scheduled) rather than reported


ANALYSIS_STATUSES = ("complete", "partial", "failed")


@dataclass(frozen=True, slots=True)
class Analysis:
    version: str
    text_hash: str
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()  # every temporal expression, durations and sets included
    events: tuple[TimelineEvent, ...] = field(default=())
    status: str = "complete"  # one of ANALYSIS_STATUSES: partial = a stage ran out of time, failed = it raised
    reason: str = ""  # one line for the reader when the status is not complete
    language: str = "en"  # entities are found in English text only; "und" when the language is undetermined

    @property
    def failed(self) -> bool:
        return self.status == "failed"
