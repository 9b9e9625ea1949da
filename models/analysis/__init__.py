"""Reading intelligence: entities and the timeline of an article, as offsets into its canonical text.

Pure and thread-agnostic: the GUI runs :func:`analyze` in a worker, the CLI and the tests call it directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.analysis.types import Analysis, Entity, Mention, TimelineEvent, Timex
from models.article import text_hash

# Bump when anything that changes analysis output changes: stored results of an older version are recomputed.
ANALYZER_VERSION = "newsdesk-analysis/4"

__all__ = ["ANALYZER_VERSION", "Analysis", "Entity", "Mention", "Timex", "TimelineEvent", "analyze"]


def analyze(text: str, published: date | None = None, *, authors: Sequence[str] = ()) -> Analysis:
    """Entities and timeline of ``text``; ``published`` anchors relative dates (today if unknown)."""
    from models.analysis import entities, nlp, timeline

    parsed = nlp.parse(text)
    found = entities.extract_entities(parsed, authors=authors)
    timexes, events = timeline.extract_timeline(parsed, published, found)
    return Analysis(ANALYZER_VERSION, text_hash(text), found, timexes, events)
