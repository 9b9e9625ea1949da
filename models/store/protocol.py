"""What the reader needs of a library, as structural types.

:class:`models.store.library.Library` satisfies these protocols without naming them, and so does the in-memory
stand-in the GUI tests use (``tests/gui/fakes.py``); mypy checks both. The GUI holds a :class:`LibraryProtocol`
wherever it only calls these methods, so a stand-in that lacks one of them is a type error in the tests rather than a
branch in production code.

Queries that need SQL sessions (entities across the library, the library timeline, exports, the index) take the
concrete ``Library``: they are not part of this contract.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from models.analysis.types import Analysis
from models.article import Article
from models.store.records import (
    Annotation,
    ArticleSummary,
    ColorMeaning,
    ImportResult,
    RevisionInfo,
    SearchHit,
    StoredArticle,
    StoredRevision,
)


class AnnotationsProtocol(Protocol):
    """Highlights with their notes and tags, and the colour legend (``Library.annotations``)."""

    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = ...,
        note: str = ...,
        tags: Iterable[str] = ...,
        author: str | None = ...,
        id: str | None = ...,
        created: datetime | None = ...,
    ) -> Annotation: ...

    def get(self, annotation_id: str) -> Annotation: ...

    def list(
        self,
        article_id: int | None = ...,
        *,
        colors: Iterable[str] | None = ...,
        tag: str | None = ...,
        text: str | None = ...,
        status: str | None = ...,
        order: str = ...,
    ) -> builtins.list[Annotation]: ...

    def update(
        self,
        annotation_id: str,
        *,
        color: str | None = ...,
        note: str | None = ...,
        tags: Iterable[str] | None = ...,
    ) -> Annotation: ...

    def delete(self, annotation_id: str) -> Annotation: ...

    def restore(self, annotation: Annotation) -> Annotation: ...

    def reattach(self, annotation_id: str, start: int, end: int) -> Annotation: ...

    def counts_by_color(self, article_id: int | None = ...) -> dict[str, int]: ...

    def tags(self) -> builtins.list[str]: ...

    def colors(self) -> builtins.list[ColorMeaning]: ...

    def set_color(
        self, key: str, *, meaning: str | None = ..., swatch: str | None = ..., background: str | None = ...
    ) -> ColorMeaning: ...


class RevisionsProtocol(Protocol):
    """The kept versions of articles' texts (``Library.revisions``)."""

    def list(self, article_id: int) -> builtins.list[RevisionInfo]: ...

    def count(self, article_id: int) -> int: ...

    def get(self, article_id: int, number: int) -> StoredRevision: ...


class LibraryProtocol(Protocol):
    """One open library: its articles, their cached analyses, annotations and revisions."""

    @property
    def url(self) -> str: ...

    @property
    def read_only(self) -> str: ...

    @property
    def location(self) -> str: ...

    @property
    def db_path(self) -> Path | None: ...

    @property
    def annotations(self) -> AnnotationsProtocol: ...

    @property
    def revisions(self) -> RevisionsProtocol: ...

    def close(self) -> None: ...

    def import_article(self, article: Article) -> ImportResult: ...

    def list_articles(self, query: str | None = ...) -> list[ArticleSummary]: ...

    def article_count(self) -> int: ...

    def article_page(
        self,
        offset: int,
        limit: int,
        *,
        sort: str = ...,
        unread_only: bool = ...,
        highlighted_only: bool = ...,
        edited_only: bool = ...,
    ) -> list[ArticleSummary]: ...

    def count_articles(
        self, *, unread_only: bool = ..., highlighted_only: bool = ..., edited_only: bool = ...
    ) -> int: ...

    def set_read(self, article_id: int, read: bool = ...) -> None: ...

    def set_position(self, article_id: int, position: int) -> None: ...

    def reading_state(self, article_id: int) -> tuple[bool, int]: ...

    def get_article(self, article_id: int) -> StoredArticle: ...

    def find_article(self, source: str) -> int | None: ...

    def delete_article(self, article_id: int) -> None: ...

    def set_article_note(self, article_id: int, note: str) -> None: ...

    def set_published(self, article_id: int, published: str | None) -> None: ...

    def search(self, query: str, limit: int = ...) -> list[SearchHit]: ...

    def load_analysis(self, article_id: int, version: str) -> Analysis | None: ...

    def forget_analysis(self, article_id: int) -> None: ...

    def save_analysis(self, article_id: int, analysis: Analysis) -> None: ...
