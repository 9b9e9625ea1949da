"""Entities of an article (being written)."""

from __future__ import annotations

from collections.abc import Sequence

from models.analysis.nlp import Parsed
from models.analysis.types import Entity


def extract_entities(parsed: Parsed, *, authors: Sequence[str] = ()) -> tuple[Entity, ...]:
    return ()
