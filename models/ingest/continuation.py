"""The rest of a story that the page split into several body containers (an advert row between two halves).

The extractor keeps the container it scored best and stops where it ends. When later elements of the page carry the
very same tag and class as that container, with no other headline or article between, they are the same story's
body resumed after the interruption, and their paragraphs are read too.
"""

from __future__ import annotations

from lxml import html as lxml_html

from models.ingest.boilerplate import Candidate

_TEXT_TAGS = {"p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading", "li": "list-item",
              "blockquote": "quote"}  # fmt: skip
_SKIP = ("aside", "figure", "figcaption", "script", "style", "noscript", "form", "nav")
_BOUNDARY = ("h1", "article")
_MIN_WORDS = 12  # a resumed body opens with real prose, not a button


def _norm(text: str) -> str:
    return " ".join(text.split())


def _container_of(tree: lxml_html.HtmlElement, last_text: str) -> lxml_html.HtmlElement | None:
    for p in tree.iter("p"):
        if _norm(p.text_content()) == last_text:
            parent = p.getparent()
            return parent if parent is not None and parent.get("class") else None
    return None


def _blocks_of(container: lxml_html.HtmlElement) -> list[Candidate]:
    found: list[Candidate] = []
    for element in container.iter(*_TEXT_TAGS):
        if any(a.tag in _SKIP or a.tag in _TEXT_TAGS for a in element.iterancestors()):
            continue
        if element.xpath("ancestor::*[@aria-hidden='true']"):
            continue
        text = _norm(element.text_content())
        if text:
            linked = sum(len(_norm(a.text_content())) for a in element.iter("a"))
            parent = element.getparent()
            group = id(parent) if element.tag == "li" and parent is not None else 0
            found.append(Candidate(_TEXT_TAGS[element.tag], text, linked, group))
    return found


def resumed_body(tree: lxml_html.HtmlElement, blocks: list[Candidate]) -> list[Candidate]:
    """Blocks of the containers that continue the one holding the last extracted paragraph."""
    last = next((b.text for b in reversed(blocks) if b.kind == "paragraph" and b.whole), "")
    if not last:
        return []
    container = _container_of(tree, last)
    if container is None:
        return []
    seen = {b.text for b in blocks}
    extra: list[Candidate] = []
    started = False
    for element in tree.iter():
        if element is container:
            started = True
            continue
        if not started or not isinstance(element.tag, str):
            continue
        if element.tag in _BOUNDARY:
            break
        if element.tag == container.tag and element.get("class") == container.get("class"):
            if any(a is container for a in element.iterancestors()):
                continue
            found = [b for b in _blocks_of(element) if b.text not in seen]
            if found and len(found[0].text.split()) >= _MIN_WORDS:
                extra.extend(found)
    return extra
