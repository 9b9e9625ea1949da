"""The library store (SQLAlchemy): articles, analyses, highlights, notes, tags, corrections, search."""

from models.store.library import Library, open_library
from models.store.records import (
    Annotation,
    ArticleSummary,
    ColorMeaning,
    ImportResult,
    SearchHit,
    StoredArticle,
)

__all__ = [
    "Annotation",
    "ArticleSummary",
    "ColorMeaning",
    "ImportResult",
    "Library",
    "SearchHit",
    "StoredArticle",
    "open_library",
]
