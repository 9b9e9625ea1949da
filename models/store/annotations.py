"""Highlights and notes in the store (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from models.store.schema import ArticleRow

if TYPE_CHECKING:
    from models.store.library import Library


class AnnotationStore:
    def __init__(self, library: Library) -> None:
        self.library = library


def reanchor_article(session: Session, row: ArticleRow, old_text: str) -> int:
    """Re-anchor the article's highlights in its new text; returns how many became orphans."""
    return 0
