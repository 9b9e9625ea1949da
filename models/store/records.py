"""Frozen values that leave the store: only ids and these cross threads, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from models.article import Article


@dataclass(frozen=True, slots=True)
class ImportResult:
    id: int
    title: str
    source: str
    status: str  # new | updated | unchanged
    orphaned: int = 0  # highlights that could not be re-anchored in the new text
    revision: int = 1  # the article's revision number after this import


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str
    source: str
    publisher: str
    published: str | None
    imported_at: datetime
    highlight_count: int = 0
    colors: tuple[str, ...] = ()  # colour keys of its highlights, most used first
    revisions: int = 1  # versions of its text kept in the library
    edited: bool = False  # True when a re-import changed its text since the first one
    analysis_status: str = ""  # "failed" or "partial" when the stored analysis of its text is not complete
    read: bool = False  # opened by the reader (models.store.article_list)
    swatches: tuple[str, ...] = ()  # the legend's swatch of each of ``colors`` when the row was read


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    uid: str
    article: Article
    note: str
    imported_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # article | highlight | note | tag (a highlight found by one of its tags)
    article_id: int
    title: str
    snippet: str
    marks: tuple[tuple[int, int], ...] = field(default=())  # matched spans inside ``snippet``
    start: int | None = None  # code-point offsets in the article text, when known
    end: int | None = None
    highlight_id: str | None = None


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlight (with its note and tags) as it leaves the store."""

    id: str  # UUID
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    color: str  # key into the colour legend
    note: str
    tags: tuple[str, ...]
    author: str
    created: datetime  # UTC, naive
    modified: datetime  # UTC, naive
    status: str  # anchored | orphan


@dataclass(frozen=True, slots=True)
class ColorMeaning:
    key: str
    meaning: str
    swatch: str
    background: str
    position: int


# The legend every new library starts with, declared here once: Preferences resets to it, exports and views fall
# back on it. The first migration keeps its own frozen copy (what a library created then holds).
DEFAULT_LEGEND: tuple[ColorMeaning, ...] = (
    ColorMeaning("yellow", "Key point", "#EDBB2F", "#FBEDB2", 0),
    ColorMeaning("red", "Disputed", "#E0564F", "#F9D6D3", 1),
    ColorMeaning("green", "Agreement", "#3DA56B", "#D4EFDD", 2),
    ColorMeaning("blue", "Question", "#3F83E8", "#D7E6FC", 3),
    ColorMeaning("purple", "Follow up", "#8D68E3", "#E6DEFB", 4),
    ColorMeaning("grey", "Quote", "#8A8F98", "#E6E7EA", 5),
)


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One kept version of an article's text, without the text."""

    article_id: int
    number: int
    imported_at: datetime  # UTC, naive
    text_hash: str
    words: int
    title: str
    published: str | None
    analysed: bool  # its analysis is stored with it


@dataclass(frozen=True, slots=True)
class StoredRevision:
    info: RevisionInfo
    article: Article


@dataclass(frozen=True, slots=True)
class HighlightOrigin:
    """Where a highlight was made: the revision number and its selectors on that revision's text."""

    highlight_id: str
    revision: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
