"""The library store (SQLAlchemy): articles, analyses, highlights, notes, tags, corrections, search.

The names below are loaded on first use, so that importing a light module of the store (``models.store.location``,
``models.store.records``) does not load SQLAlchemy: the reader paints its first window before it needs the store.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {"Library": "models.store.library", "open_library": "models.store.library"}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES.get(name, "models.store.records")), name)
    globals()[name] = value  # found directly from now on (and replaceable, as a test's monkeypatch does)
    return value
