"""W3C Web Annotation JSON-LD: an AnnotationCollection whose pages hold one Annotation per highlight.

Everything Newsdesk knows about a highlight is said in the model's own vocabulary, so other annotation tools read
it and Newsdesk reads it back without loss: the quote and position as TextQuoteSelector + TextPositionSelector,
the note as a Markdown TextualBody (purpose commenting), each tag as a TextualBody (purpose tagging), the colour as
the target's ``styleClass`` with its CSS in the annotation's ``stylesheet`` and its meaning as a TextualBody
(purpose classifying).
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime
from typing import Any

from models.export.bundle import (
    ExportBundle,
    ExportOptions,
    article_title,
    article_uri,
    by_article,
    css_safe_color,
    document_title,
    iso_utc,
    legend,
)
from models.store.records import Annotation, ColorMeaning, HighlightOrigin, StoredArticle

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
STYLE_PREFIX = "newsdesk-color-"
ARTICLE_URN = "urn:newsdesk:article:"
GENERATOR = {"type": "Software", "name": "Newsdesk"}
_CLASS_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def style_class(color_key: str) -> str:
    return STYLE_PREFIX + _CLASS_UNSAFE.sub("_", color_key)


def urn(value: str) -> str:
    try:
        return uuid.UUID(value).urn
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, value).urn


def annotation_jsonld(
    ann: Annotation,
    source: str,
    color: ColorMeaning | None,
    origin: HighlightOrigin | None = None,
    seen: datetime | None = None,
) -> dict[str, Any]:
    """One annotation. For an article the publisher edited, ``origin`` holds the selectors on the version the
    highlight was made on and ``seen`` when that version was imported: the target then names that version as a
    TimeState (Web Annotation §4.3.1), against which its selectors hold."""
    exact, prefix, suffix = (origin.exact, origin.prefix, origin.suffix) if origin else (ann.exact, ann.prefix,
                                                                                       ann.suffix)
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": exact}
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    selectors: list[dict[str, Any]] = [quote]
    if origin is not None:
        selectors.append({"type": "TextPositionSelector", "start": origin.start, "end": origin.end})
    elif ann.status != "orphan":
        selectors.append({"type": "TextPositionSelector", "start": ann.start, "end": ann.end})
    cls = style_class(ann.color)
    body: list[dict[str, Any]] = []
    if ann.note.strip():
        body.append({"type": "TextualBody", "value": ann.note, "format": "text/markdown", "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
    body.append({"type": "TextualBody", "value": color.meaning if color and color.meaning else ann.color,
                 "purpose": "classifying"})
    out: dict[str, Any] = {
        "id": urn(ann.id),
        "type": "Annotation",
        "motivation": "commenting" if ann.note.strip() else "highlighting",
        "created": iso_utc(ann.created, precise=True),
        "modified": iso_utc(ann.modified, precise=True),
    }
    if ann.author:
        out["creator"] = {"type": "Person", "name": ann.author}
    out["generator"] = GENERATOR
    background = css_safe_color(color.background if color else "", "#fff3b0")
    out["stylesheet"] = {"type": "CssStylesheet", "value": f".{cls} {{ background-color: {background}; }}"}
    out["body"] = body
    out["target"] = {"source": source, "styleClass": cls, "selector": selectors}
    if origin is not None and seen is not None:
        out["target"]["state"] = {"type": "TimeState", "sourceDate": iso_utc(seen)}
    return out


def collection_jsonld(bundle: ExportBundle, options: ExportOptions) -> dict[str, Any]:
    colors = legend(bundle)
    sources: dict[int, StoredArticle] = {s.id: s for s in bundle.articles}
    items: list[dict[str, Any]] = []
    for article_id, anns in by_article(bundle).items():
        stored = sources.get(article_id)
        source = article_uri(stored) if stored else f"{ARTICLE_URN}{article_id}"
        history = bundle.histories.get(article_id)
        for a in anns:
            origin = history.origins.get(a.id) if history is not None else None
            made_on = history.revision(origin.revision) if history is not None and origin is not None else None
            if made_on is None:
                items.append(annotation_jsonld(a, source, colors.get(a.color)))
            else:
                items.append(annotation_jsonld(a, source, colors.get(a.color), origin, made_on.imported_at))
    collection_id = uuid.uuid4().urn
    size = max(1, options.page_items)
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    page_ids = [uuid.uuid5(uuid.UUID(collection_id[9:]), f"page-{n}").urn for n in range(len(chunks))]
    label = document_title(bundle, options)
    if len(bundle.articles) == 1:
        label = "Highlights: " + article_title(bundle.articles[0])
    part_of = {"id": collection_id, "label": label, "total": len(items)}
    first: dict[str, Any] | None = None
    for n in reversed(range(len(chunks))):
        page: dict[str, Any] = {"id": page_ids[n], "type": "AnnotationPage", "partOf": part_of,
                                "startIndex": n * size}
        if n > 0:
            page["prev"] = page_ids[n - 1]
        if first is not None:
            page["next"] = first
        page["items"] = chunks[n]
        first = page
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "created": iso_utc(bundle.exported),
        "first": first,
        "last": page_ids[-1],
    }


def render_jsonld(bundle: ExportBundle, options: ExportOptions) -> bytes:
    return json.dumps(collection_jsonld(bundle, options), ensure_ascii=False, indent=1).encode("utf-8")
