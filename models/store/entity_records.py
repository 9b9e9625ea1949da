"""What the entity queries hand out: the library's index of entities and an entity's dossier, each mention with
the sentence around it (clipped when long).

Frozen values, as the index tables store them (models.store.library_index) and as the live scan rebuilds them
(models.store.entities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from models.analysis.corrections import CorrectedMention

SNIPPET_LIMIT = 240  # characters of context at most around a mention in a dossier


class IndexEntry(NamedTuple):
    name: str
    type: str
    article_count: int
    mention_count: int


@dataclass(frozen=True, slots=True)
class DossierMention:
    start: int
    end: int
    text: str
    snippet: str  # the sentence around the mention (clipped when long)
    snippet_start: int  # offset of ``snippet`` in the article text
    verified: bool
    clipped_start: bool = False  # the snippet starts inside its sentence
    clipped_end: bool = False  # the snippet ends inside its sentence


@dataclass(frozen=True, slots=True)
class DossierHighlight:
    id: str
    start: int
    end: int
    exact: str
    note: str
    color: str


@dataclass(frozen=True, slots=True)
class DossierArticle:
    article_id: int
    title: str
    publisher: str
    published: str | None
    mentions: tuple[DossierMention, ...]
    highlights: tuple[DossierHighlight, ...]  # the reader's highlights that overlap one of the mentions


@dataclass(frozen=True, slots=True)
class Dossier:
    name: str
    type: str
    articles: tuple[DossierArticle, ...]  # newest first
    surfaces: tuple[str, ...]  # how the texts write it, most frequent first

    @property
    def mention_count(self) -> int:
        return sum(len(a.mentions) for a in self.articles)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")


def sentence_around(text: str, start: int, end: int, limit: int = SNIPPET_LIMIT) -> tuple[int, int]:
    """The span of the sentence holding ``[start, end)`` inside its block, clipped at word boundaries to about
    ``limit`` characters around the mention when the sentence is longer."""
    return sentence_and_clipping(text, start, end, limit)[:2]


def sentence_and_clipping(text: str, start: int, end: int, limit: int) -> tuple[int, int, bool, bool]:
    # Only a window around the mention is read: a sentence boundary further away than the clipping room changes
    # nothing (the snippet is clipped there), and a block of megabytes is not scanned again for every mention.
    reach = 2 * limit + 200
    floor = max(0, start - reach)
    block_start = text.rfind("\n", floor, start) + 1 or floor
    block_end = text.find("\n", end, end + reach)
    block_end = min(len(text), end + reach) if block_end < 0 else block_end
    s0, e0 = block_start, block_end
    for m in _SENTENCE_END.finditer(text, block_start, block_end):
        if m.end() <= start:
            s0 = m.end()
        elif m.start() >= end:
            e0 = m.start() + 1
            break
    room = max(0, limit - (end - start)) // 2
    clipped_start = start - s0 > room
    if clipped_start:
        cut = text.find(" ", start - room, start)
        s0 = cut + 1 if cut >= 0 else start - room
    clipped_end = e0 - end > room
    if clipped_end:
        cut = text.rfind(" ", end, end + room)
        e0 = cut if cut >= 0 else end + room
    return s0, e0, clipped_start, clipped_end


def dossier_mention(text: str, m: CorrectedMention) -> DossierMention:
    s0, e0, clipped_start, clipped_end = sentence_and_clipping(text, m.start, m.end, SNIPPET_LIMIT)
    return DossierMention(m.start, m.end, m.text, text[s0:e0], s0, m.verified, clipped_start, clipped_end)
