"""The one exception every ingest path raises, so callers can show a single readable line."""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024
"""Largest input accepted: a news article, even a saved page with inline assets, is far below this."""


class IngestError(ValueError):
    """A file, page or paste that cannot become an article; ``str()`` is one line a user can read."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(reason.split()))


def size_text(limit: int) -> str:
    """A size limit as messages say it: "20 MB", "1000 bytes"."""
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
