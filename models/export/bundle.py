"""What an export is made of: frozen records in, no library and no Qt, so every format is a pure function.

The store hands out frozen ``StoredArticle`` / ``Annotation`` / ``ColorMeaning`` values; an export gathers them once
(``models.export.selection``) and every renderer reads the same bundle, which is what lets the GUI, the command
line and the benchmarks produce identical files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import unquote

from models.analysis.types import Analysis
from models.store.records import DEFAULT_LEGEND, Annotation, ColorMeaning, StoredArticle

if TYPE_CHECKING:
    from models.revisions.history import ArticleHistory

_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{3,8}$")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    brief: bool = False  # the brief (highlights by colour, entities, chronology) instead of the annotated article
    group_by: str = "position"  # one of GROUPINGS (Markdown / HTML highlight lists)
    page_size: str = "a4"  # one of PAGE_SIZES (PDF)
    csv_flavor: str = "full"  # one of CSV_FLAVORS
    full_text: bool = False  # HTML / PDF: include the article text with its highlights marked
    page_items: int = 1000  # JSON-LD: annotations per AnnotationPage
    title: str = ""  # title of a multi-article document; derived from the articles when empty
    keep_remote_images: bool = False  # Markdown: images from the web in notes stay images (else they become links)


@dataclass(frozen=True, slots=True)
class ExportBundle:
    articles: tuple[StoredArticle, ...]
    annotations: tuple[Annotation, ...] = ()
    colors: tuple[ColorMeaning, ...] = ()
    analyses: Mapping[int, Analysis] = field(default_factory=lambda: MappingProxyType({}))
    exported: datetime = field(default_factory=utcnow)  # UTC, naive (as the store keeps times)
    histories: Mapping[int, ArticleHistory] = field(default_factory=lambda: MappingProxyType({}))  # edited articles


def legend(bundle: ExportBundle) -> dict[str, ColorMeaning]:
    """Colour key → meaning; keys used by a highlight but missing from the legend still get an entry. A bundle
    without a legend of its own (made outside a library) takes the default one."""
    out = {c.key: c for c in sorted(bundle.colors or DEFAULT_LEGEND, key=lambda c: c.position)}
    for a in bundle.annotations:
        if a.color not in out:
            out[a.color] = ColorMeaning(a.color, a.color.capitalize(), "#999999", "#eeeeee", len(out))
    return out


def by_article(bundle: ExportBundle) -> dict[int, list[Annotation]]:
    """Each article's annotations in text order (orphans, which have no reliable position, last)."""
    out: dict[int, list[Annotation]] = {a.id: [] for a in bundle.articles}
    for ann in bundle.annotations:
        out.setdefault(ann.article_id, []).append(ann)
    for anns in out.values():
        anns.sort(key=lambda a: (a.status == "orphan", a.start, a.end, a.created))
    return out


def iso_utc(moment: datetime, *, precise: bool = False) -> str:
    """ISO 8601 in UTC with a ``Z``, as W3C annotations and YAML front matter want it; ``precise`` keeps the
    microseconds so that a round trip gives back the very same times."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment if precise else moment.replace(microsecond=0)).isoformat() + "Z"


def article_uri(stored: StoredArticle) -> str:
    """Where a highlight points: the article's web address, else a stable URN for local files and clipboard."""
    m = stored.article.metadata
    for candidate in (m.url, stored.article.source):
        if candidate.startswith(("http://", "https://")):
            return candidate
    return f"urn:newsdesk:article:{stored.uid}"


def web_address(stored: StoredArticle) -> str:
    """The article's web address, or "" for a local file or the clipboard: an exported document is handed on,
    and the path of a file on the reader's disk (user name, folders) is nobody else's business."""
    uri = article_uri(stored)
    return uri if uri.startswith(("http://", "https://")) else ""


def source_name(source: str) -> str:
    """What to call a source without its web address: the file name of a local file, never its folders."""
    if source.startswith(("http://", "https://")):
        return source
    tail = source.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]
    return unquote(tail) if source.startswith("file:") else tail


def article_title(stored: StoredArticle) -> str:
    return stored.article.metadata.title or source_name(stored.article.source)


def document_title(bundle: ExportBundle, options: ExportOptions) -> str:
    if options.title:
        return options.title
    if len(bundle.articles) == 1:
        return article_title(bundle.articles[0])
    return f"{len(bundle.articles)} articles"


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def css_safe_color(value: str, fallback: str) -> str:
    """A legend colour is user data: only plain hex colours reach a style sheet or attribute."""
    return value if _HEX_COLOR.match(value or "") else fallback
