"""Highlights and notes in the store (being written)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.store.schema import ArticleRow


def reanchor_article(session: Session, row: ArticleRow, old_text: str) -> int:
    """Re-anchor the article's highlights in its new text; returns how many became orphans."""
    return 0
