"""Reading Hypothesis's own JSON: the client's "Export annotations" file and the API's search results.

Both carry annotations in the API's shape (``uri``, ``text``, ``tags``, ``target[].selector[]``, ``user``,
``references`` for replies); quotes and positions are of the web page as the browser showed it, so they only
guide re-anchoring in Newsdesk's canonical text.
"""

from __future__ import annotations

from typing import Any

from models.interchange.records import ForeignAnnotation, InterchangeError
from models.interchange.w3c import as_list, hypothesis_user, parse_time, selector_fields, take_selectors


def is_hypothesis_export(doc: Any) -> bool:
    if isinstance(doc, dict):
        if isinstance(doc.get("annotations"), list) and ("export_date" in doc or "client_version" in doc):
            return True
        return isinstance(doc.get("rows"), list) and "total" in doc
    return isinstance(doc, list) and bool(doc) and all(is_hypothesis_annotation(a) for a in doc)


def is_hypothesis_annotation(node: Any) -> bool:
    return isinstance(node, dict) and "uri" in node and "target" in node and "type" not in node


def hypothesis_nodes(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    return list(doc.get("annotations", doc.get("rows", [])))


def read_hypothesis_annotation(node: Any) -> ForeignAnnotation:
    if not isinstance(node, dict) or not isinstance(node.get("target"), list):
        raise InterchangeError("a Hypothesis annotation without a target list")
    uri = node.get("uri")
    sources: list[str] = []
    quote: dict[str, Any] = {}
    position: dict[str, Any] = {}
    for target in node["target"]:
        if not isinstance(target, dict):
            raise InterchangeError(f"annotation {node.get('id', '?')} has a malformed target")
        if isinstance(target.get("source"), str):
            sources.append(target["source"])
        quote, position = take_selectors(as_list(target.get("selector")), quote, position)
    if isinstance(uri, str):
        sources.append(uri)
    info: dict[str, Any] = node["user_info"] if isinstance(node.get("user_info"), dict) else {}
    author = info["display_name"] if isinstance(info.get("display_name"), str) else None
    if not author and isinstance(node.get("user"), str):
        author = hypothesis_user(node["user"])
    titles = as_list((node.get("document") or {}).get("title")) if isinstance(node.get("document"), dict) else []
    tags = [t.strip() for t in as_list(node.get("tags")) if isinstance(t, str) and t.strip()]
    text: str = node["text"] if isinstance(node.get("text"), str) else ""
    kind = "reply" if as_list(node.get("references")) else ("highlight" if quote else "page-note")
    return ForeignAnnotation(
        sources=tuple(dict.fromkeys(sources)),
        **selector_fields(quote, position),
        note=text,
        tags=tuple(dict.fromkeys(tags)),
        author=author or None,
        created=parse_time(node.get("created")),
        id=None,  # Hypothesis ids are not UUIDs; Newsdesk gives its own
        kind=kind,
        title=str(titles[0]) if titles and isinstance(titles[0], str) else "",
    )
