"""The one exception every ingest path raises, so callers can show a single readable line."""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024
"""Largest input accepted: a news article, even a saved page with inline assets, is far below this."""


class IngestError(ValueError):
    """A file, page or paste that cannot become an article; ``str()`` is one line a user can read."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(reason.split()))
