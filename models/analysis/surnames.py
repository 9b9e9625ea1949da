"""A full personal name the model called an organisation or a place while it found the surname alone as a person
("executive chair Marcelo Claure …, Claure said"): the full name is that person's too."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.entity_junk import word_counts
from models.analysis.entity_types import NAME_HEAD_WORDS, PLACE_FIRST_WORDS
from models.analysis.given_names import given_names

_OFTEN = 3  # mentions of the surname alone that make it a person's without a known given name ("Brock Holt")
_PERSONAL_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?$")
_HEADS = NAME_HEAD_WORDS | PLACE_FIRST_WORDS


def full_names_of_surnames(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Names of two or three words shaped like a person's ("Marcelo Claure"), typed an organisation or a place, whose
    last word the text names alone as a person — after a given name, or alone three times or more — are people, in
    every mention: not
    when a word heads or marks a place's or an organisation's name ("Fort Lee", "Grand Lodge"), when the first word
    is named alone as something else ("Sonos" beside "Sonos Move"), nor when the text writes a word in lower case."""
    alone = Counter(c.text for c in candidates if c.type == "PERSON" and " " not in c.text)
    surnames = set(alone)
    if not surnames:
        return list(candidates)
    others = {c.text for c in candidates if c.type != "PERSON"}  # "Sonos" beside "Sonos Move": a maker's product
    counts = None
    people: set[str] = set()
    for c in candidates:
        words = c.text.split()
        if c.type not in ("ORGANIZATION", "PLACE") or not 2 <= len(words) <= 3 or words[-1] not in surnames:
            continue
        if words[0] in others or (words[0] not in given_names() and alone[words[-1]] < _OFTEN):
            continue
        if not all(_PERSONAL_WORD.match(w) and w.lower() not in _HEADS for w in words):
            continue
        counts = counts if counts is not None else word_counts(text)
        if not any(counts[w.lower()] for w in words):
            people.add(c.text)
    if not people:
        return list(candidates)
    return [replace(c, type="PERSON", source="surname") if c.text in people and c.type != "PERSON" else c
            for c in candidates]
