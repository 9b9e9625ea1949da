"""Timeline of an article (being written)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.analysis.nlp import Parsed
from models.analysis.types import Entity, Timex, TimelineEvent


def extract_timeline(
    parsed: Parsed, published: date | None, entities: Sequence[Entity]
) -> tuple[tuple[Timex, ...], tuple[TimelineEvent, ...]]:
    return (), ()
