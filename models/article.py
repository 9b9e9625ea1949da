"""The article: one canonical text, its blocks and its metadata.

Every position in Newsdesk is a ``[start, end)`` pair of code-point offsets into ``Article.text``.
Blocks are separated by exactly one ``\\n`` and never contain one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

BLOCK_KINDS = ("title", "heading", "paragraph", "quote", "list-item")

# Where a publication date was read (``Metadata.published_source``), in the order of trust a page's sources are
# tried; shown in the reader's header. Here rather than in ``models.ingest.dates`` (which re-exports it as
# ``SOURCE_LABELS``) so that showing an article does not load the ingest package.
PUBLISHED_SOURCE_LABELS = {
    "json-ld": "structured data (JSON-LD)",
    "structured": "structured data",
    "opengraph": "OpenGraph article:published_time",
    "meta": "page metadata",
    "time": "the page's <time> element",
    "url": "the date in the address",
    "dateline": "the dateline",
    "modified": "the date the page was last modified",
    "htmldate": "a date found in the page (htmldate)",
    "text": "the article's text",
    "user": "set by you",
}


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    kind: str = "paragraph"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article that is not prose (shown in the header, never in the text)."""

    title: str = ""
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601 date (or date-time) as printed by the source
    published_source: str = ""  # where the date was read: a key of PUBLISHED_SOURCE_LABELS ("user": set)
    publisher: str = ""
    section: str = ""
    page: str = ""
    dateline: str = ""
    subheadings: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    provenance: str = ""  # e.g. "JMH Translation"
    editorial_note: str = ""  # e.g. "(Abridged)"
    url: str = ""
    language: str = ""
    description: str = ""
    page_tags: tuple[str, ...] = ()  # the site's tag or navigation list after the story (not the article's tags)


@dataclass(frozen=True, slots=True)
class Article:
    source: str  # path, URL or "clipboard:<hash>"
    kind: str  # html | textdump | text | markdown
    text: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def published_day(self) -> date | None:
        return day_of(self.metadata.published)

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


def metadata_to_dict(m: Metadata) -> dict[str, Any]:
    """Plain JSON-able form of the metadata (the store and the command line share it)."""
    out: dict[str, Any] = {}
    for name in Metadata.__dataclass_fields__:
        value = getattr(m, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def metadata_from_dict(d: dict[str, Any]) -> Metadata:
    """The inverse of :func:`metadata_to_dict`; unknown keys (from a newer version) are ignored."""
    values = {k: v for k, v in d.items() if k in Metadata.__dataclass_fields__}
    for key in ("authors", "subheadings", "tags", "page_tags"):
        values[key] = tuple(values.get(key) or ())
    return Metadata(**values)


def day_of(value: str | None) -> date | None:
    """The calendar day an ISO 8601 date or date-time string starts with (``"2019-01-23T09:00+09:00"`` → that
    day), or None when there is none."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_text(parts: list[tuple[str, str]]) -> tuple[str, tuple[Block, ...]]:
    """Join ``(kind, text)`` parts into a canonical text and its blocks.

    Inner newlines and runs of white space are folded to one space, empty parts are dropped, so that the
    invariants of the canonical text hold whatever the ingest path produced.
    """
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, raw in parts:
        clean = " ".join(raw.split())
        if not clean:
            continue
        if pieces:
            pos += 1  # the separating newline
        blocks.append(Block(pos, pos + len(clean), kind))
        pieces.append(clean)
        pos += len(clean)
    return "\n".join(pieces), tuple(blocks)
