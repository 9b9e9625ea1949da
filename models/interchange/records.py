"""Annotations read from another tool's file, before they are matched to an article, and what became of each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

KINDS = ("highlight", "page-note", "reply")
OUTCOMES = ("added", "skipped", "orphaned", "unmatched")


class InterchangeError(ValueError):
    """The file is not an annotation file Newsdesk reads, or is damaged: refused whole, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class ForeignAnnotation:
    """One annotation as the file states it; positions are the file's and only a hint for re-anchoring."""

    sources: tuple[str, ...]  # target URLs / URNs, most specific first
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str | None = None  # a colour key (from a Newsdesk style class)
    color_meaning: str | None = None  # a classifying body, matched against the legend's meanings
    author: str | None = None
    created: datetime | None = None  # UTC, naive
    id: str | None = None  # a UUID when the file carries one
    kind: str = "highlight"  # one of KINDS
    title: str = ""  # the document title the other tool saw


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    status: str  # one of OUTCOMES
    exact: str
    article_id: int | None = None
    annotation_id: str | None = None
    reason: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class ImportReport:
    outcomes: tuple[ImportOutcome, ...] = field(default=())

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def summary(self) -> dict[str, int]:
        return {status: self.count(status) for status in OUTCOMES}
