"""What a user action changed, broadcast once by the main window; each panel refreshes itself from it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Changes:
    """What changed in the library. Combine two with ``|``; an empty value (``Changes()``) is false."""

    articles: frozenset[int] = frozenset()  # added or changed: listing, text, note, date, highlight counts
    deleted: frozenset[int] = frozenset()  # articles gone from the library
    annotations: tuple[Any, ...] = ()  # highlights added or edited, as stored now (models.store.annotations)
    removed: tuple[Any, ...] = ()  # highlights removed, as they were
    notes: tuple[tuple[int, str], ...] = ()  # article notes written: (article id, note)
    legend: bool = False  # a colour's meaning or swatch
    entities: frozenset[int] = frozenset()  # articles whose entity corrections changed
    timeline: frozenset[int] = frozenset()  # articles whose timeline must be read again (a new publication date)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, Any] = {}
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            if isinstance(mine, bool):
                merged[field.name] = mine or theirs
            elif isinstance(mine, tuple):
                merged[field.name] = mine + theirs
            else:
                merged[field.name] = mine | theirs
        return Changes(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self))

    @property
    def highlights(self) -> bool:
        """Highlights were added, edited or removed (legend counts, known tags and the list's figures follow)."""
        return bool(self.annotations or self.removed or self.deleted)

    @property
    def listing(self) -> bool:
        """The Library list shows something else now (articles, their figures, their highlight counts or the colours
        of their dots)."""
        return bool(self.articles or self.deleted or self.annotations or self.removed or self.legend)
