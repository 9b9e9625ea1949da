"""Reading W3C Web Annotation JSON-LD: Newsdesk's own exports, Hypothesis's ``.jsonld`` and other conforming tools.

The model allows a property to be one value or a list, a resource to be an IRI string or an object, and
collections to arrive as pages; everything is read in all its allowed shapes. Only text-quote / text-position
targets can land on an article; other targets are reported, never guessed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from models.interchange.records import ForeignAnnotation, InterchangeError

STYLE_PREFIX = "newsdesk-color-"


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def types_of(node: Any) -> set[str]:
    if not isinstance(node, dict):
        return set()
    return {str(t) for t in as_list(node.get("type", node.get("@type")))}


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 → naive UTC; anything unreadable is dropped (the store then stamps the import time)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):  # OverflowError: "0001-01-01T00:00+14:00" is before year 1 in UTC
        return None
    return moment


MAX_POSITION = 2**31 - 1  # positions past this are no text's; they would not even fit the store's integers


def position_pair(selector: dict[str, Any]) -> tuple[int, int] | None:
    """``(start, end)`` of a TextPositionSelector when both are integers with 0 <= start <= end <= MAX_POSITION."""
    start, end = selector.get("start"), selector.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= MAX_POSITION:
        return None
    return start, end


def take_selectors(selectors: Iterable[Any], quote: dict[str, Any],
                   position: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The first TextQuoteSelector (with its ``exact`` words) and TextPositionSelector, looking on in
    ``selectors`` for whichever of ``quote`` and ``position`` is still empty."""
    for sel in selectors:
        kinds = types_of(sel)
        if "TextQuoteSelector" in kinds and not quote and isinstance(sel.get("exact"), str):
            quote = sel
        elif "TextPositionSelector" in kinds and not position:
            position = sel
    return quote, position


def selector_fields(quote: dict[str, Any], position: dict[str, Any]) -> dict[str, Any]:
    """A foreign annotation's ``exact``, ``prefix``, ``suffix``, ``start`` and ``end`` (None without a sound
    position) as its selectors give them; :mod:`models.anchoring` finds them in the article's text later."""
    pair = position_pair(position)
    return {"exact": str(quote.get("exact", "")), "prefix": str(quote.get("prefix", "") or ""),
            "suffix": str(quote.get("suffix", "") or ""), "start": pair[0] if pair else None,
            "end": pair[1] if pair else None}


def uuid_of(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    tail = value.rsplit(":", 1)[-1] if value.startswith("urn:uuid:") else value
    try:
        return str(uuid.UUID(tail))
    except ValueError:
        return None


def is_annotation(node: Any) -> bool:
    return "Annotation" in types_of(node) or "oa:Annotation" in types_of(node)


def annotation_nodes(doc: Any) -> Iterator[dict[str, Any]]:
    """Annotations of a document: one, a list, a collection (pages embedded or listed) or a page."""
    if isinstance(doc, list):
        for item in doc:
            yield from annotation_nodes(item)
        return
    if not isinstance(doc, dict):
        raise InterchangeError("expected JSON objects describing annotations")
    kinds = types_of(doc)
    if is_annotation(doc):
        yield doc
    elif "AnnotationCollection" in kinds:
        pages = as_list(doc.get("first")) + [p for p in as_list(doc.get("items")) if isinstance(p, dict)
                                              and "AnnotationPage" in types_of(p)]
        seen: set[int] = set()
        for page in pages:
            while isinstance(page, dict) and id(page) not in seen:
                seen.add(id(page))
                yield from _page_items(page)
                page = page.get("next")
        for item in as_list(doc.get("items")):
            if is_annotation(item):
                yield item
    elif "AnnotationPage" in kinds:
        yield from _page_items(doc)
    elif "@graph" in doc:
        yield from annotation_nodes(doc["@graph"])
    else:
        raise InterchangeError("not a W3C annotation, page or collection")


def _page_items(page: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in as_list(page.get("items")):
        if not is_annotation(item):
            raise InterchangeError("an annotation page holds something that is not an annotation")
        yield item


def _selectors(target: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for sel in as_list(target.get("selector")):
        if isinstance(sel, dict):
            out.append(sel)
            out += [r for r in as_list(sel.get("refinedBy")) if isinstance(r, dict)]
    return out


def _creator_name(creator: Any) -> str | None:
    for agent in as_list(creator):
        if isinstance(agent, dict):
            for key in ("name", "nickname"):
                names = [n for n in as_list(agent.get(key)) if isinstance(n, str) and n.strip()]
                if names:
                    return names[0].strip()
        elif isinstance(agent, str) and agent.strip():
            return hypothesis_user(agent)
    return None


def hypothesis_user(account: str) -> str:
    """``acct:alice@hypothes.is`` → ``alice``."""
    name = account.removeprefix("acct:")
    return name.split("@", 1)[0] if "@" in name else name


def read_w3c_annotation(node: dict[str, Any]) -> ForeignAnnotation:
    targets = as_list(node.get("target"))
    if not targets:
        raise InterchangeError(f"annotation {node.get('id', '?')} has no target")
    sources: list[str] = []
    quote: dict[str, Any] = {}
    position: dict[str, Any] = {}
    style: str | None = None
    for target in targets:
        if isinstance(target, str):
            sources.append(target)
            continue
        if not isinstance(target, dict):
            raise InterchangeError(f"annotation {node.get('id', '?')} has a target that is not a resource")
        source = target.get("source", target.get("id"))
        if isinstance(source, dict):
            source = source.get("id")
        if isinstance(source, str):
            sources.append(source)
        quote, position = take_selectors(_selectors(target), quote, position)
        for cls in as_list(target.get("styleClass")):
            if isinstance(cls, str) and cls.startswith(STYLE_PREFIX):
                style = cls[len(STYLE_PREFIX):]
    note_parts: list[str] = []
    tags: list[str] = []
    meaning: str | None = None
    motivations = {str(m) for m in as_list(node.get("motivation"))}
    bodies = as_list(node.get("body"))
    if "bodyValue" in node and isinstance(node["bodyValue"], str):
        bodies.append({"type": "TextualBody", "value": node["bodyValue"]})
    for body in bodies:
        if not isinstance(body, dict):
            continue  # an IRI body (a link) carries no text to keep
        value = body.get("value")
        if not isinstance(value, str):
            continue
        purposes = {str(p) for p in as_list(body.get("purpose"))}
        if "tagging" in purposes:
            if value.strip():
                tags.append(value.strip())
        elif "classifying" in purposes:
            meaning = value.strip() or meaning
        elif value.strip():
            note_parts.append(value)
    fields = selector_fields(quote, position)
    has_position = fields["start"] is not None
    kind = "reply" if "replying" in motivations else ("highlight" if quote or has_position else "page-note")
    return ForeignAnnotation(
        sources=tuple(dict.fromkeys(sources)),
        **fields,
        note="\n\n".join(note_parts),
        tags=tuple(dict.fromkeys(tags)),
        color=style,
        color_meaning=meaning,
        author=_creator_name(node.get("creator")),
        created=parse_time(node.get("created")),
        id=uuid_of(node.get("id")),
        kind=kind,
    )
