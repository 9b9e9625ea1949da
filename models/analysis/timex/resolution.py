"""The state relative expressions are resolved against: the document creation time and the dates the text has
anchored so far, and the value a resolved expression takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ORDER = {"time": 0, "day": 1, "week": 2, "weekend": 2, "month": 3, "quarter": 4, "season": 4, "half": 5,
         "year": 6, "decade": 7, "century": 8}


def coarser(gran: str, unit: str) -> bool:
    return ORDER.get(gran, 1) > ORDER.get(unit, 1)


@dataclass(frozen=True, slots=True)
class Value:
    type: str
    value: str
    mod: str | None = None
    anchor: tuple[date, str] | None = None  # the day and granularity later relative expressions chain on


@dataclass(slots=True)
class Resolver:
    dct: date
    anchor: tuple[date, str] | None = None  # the latest anchored date of the text
    anchor_offset: int = -1
    history: list[tuple[date, str]] = field(default_factory=list)
    language: str = "en"  # the text's: the rules of another language's words read its grammar's few signs too

    def remember(self, anchor: tuple[date, str], offset: int) -> None:
        self.anchor, self.anchor_offset = anchor, offset
        self.history.append(anchor)

    def anchor_for(self, unit: str) -> tuple[date, str]:
        """The latest date of the text precise enough to count ``unit``s from ("the next day" skips a bare year
        mentioned in between); the publication date when there is none."""
        for day, gran in reversed(self.history):
            if ORDER.get(gran, 1) <= ORDER.get(unit, 1):
                return day, gran
        return self.anchor if self.anchor else (self.dct, "day")

    def past_anchor_for(self, unit: str) -> tuple[date, str] | None:
        """:meth:`anchor_for` among the dates of the text up to the publication date: what a past clause goes on
        from ("the council voted on Monday; the mayor will sign it on Dec. 1. Later in the day, protesters
        gathered" is Monday); None when the text has told none."""
        for day, gran in reversed(self.history):
            if ORDER.get(gran, 1) <= ORDER.get(unit, 1) and day <= self.dct:
                return day, gran
        return None
