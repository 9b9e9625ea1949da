"""The library store (SQLAlchemy): articles, analyses, highlights, notes, tags, corrections, search."""

from models.store.library import Library, open_library
from models.store.records import ArticleSummary, ImportResult, SearchHit, StoredArticle

__all__ = ["ArticleSummary", "ImportResult", "Library", "SearchHit", "StoredArticle", "open_library"]
