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
    read: bool = False  # opened by the reader (models.store.article_list)


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
    kind: str  # article | highlight | note
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
