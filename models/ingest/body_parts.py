"""Parts of a story that the extractor left behind when the page splits the story into several containers.

Many pages cut a long story into chunks of the same kind of container, with advertisements, pull quotes or
newsletter boxes between them (`<div class="article-body">` three times, each in a grid row of its own). The
extractor looks for the story's container by its name and takes the first one that matches, so it returns the first
chunk only. The chunks are recognised by their shape, not by any
site's names: elements of the same tag and the same class attribute as the container that holds the extracted
paragraphs, in the same part of the page (under a common ancestor a few levels up), holding paragraphs of their
own that are prose (not link lists, not hidden, not in an aside, a figure, a navigation bar or a form).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lxml import etree

_LEAVES = ("p", "h2", "h3", "h4")
_KIND = {"p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading"}
_OUTSIDE = {"aside", "nav", "footer", "header", "form", "figure", "figcaption", "blockquote", "button", "template"}
_NEAR = 4  # a chunk and the chosen container meet at most this many levels above the container
_MIN_MATCHED = 2  # the chosen container must be known by at least this many extracted paragraphs
_MIN_WORDS = 8  # a recovered paragraph is prose: a few words of its own at least
_MAX_LINK_SHARE = 0.5


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _hidden(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or element.get("aria-hidden") == "true" or "display:none" in style


def _excluded(element: etree._Element, stop: etree._Element) -> bool:
    """Inside something that is not the story's prose, up to (not including) ``stop``."""
    node: etree._Element | None = element
    while node is not None and node is not stop:
        if node.tag in _OUTSIDE or _hidden(node):
            return True
        node = node.getparent()
    return False


def _link_share(element: etree._Element, text: str) -> float:
    linked = sum(len(_text(a)) for a in element.iter("a"))
    return linked / len(text) if text else 1.0


def _container(leaf: etree._Element) -> etree._Element | None:
    """The nearest ancestor with a class: what a page repeats when it splits a story."""
    node = leaf.getparent()
    while node is not None and node.tag not in ("body", "html"):
        if (node.get("class") or "").strip():
            return node
        node = node.getparent()
    return None


def _ancestors(element: etree._Element, levels: int) -> list[etree._Element]:
    out: list[etree._Element] = []
    node = element.getparent()
    while node is not None and len(out) < levels:
        out.append(node)
        node = node.getparent()
    return out


def _another_chunk(
    other: etree._Element,
    chosen: etree._Element,
    signature: tuple[str, str],
    region: set[etree._Element],
    matched: Counter[etree._Element],
    tree: etree._Element,
) -> bool:
    if (other.tag, " ".join((other.get("class") or "").split())) != signature or other in matched:
        return False
    if not region.intersection(_ancestors(other, _NEAR)):
        return False
    if any(a is chosen for a in _ancestors(other, 64)) or any(a is other for a in _ancestors(chosen, 64)):
        return False
    return not _excluded(other, tree)


def recover_chunks(tree: etree._Element, extracted: Iterable[str]) -> list[tuple[int, str, str]]:
    """Paragraphs of the story's other chunks: (document position, kind, text), none already extracted.

    ``extracted`` are the texts of the blocks the extractor returned (whitespace collapsed). The position is the
    index of the element in document order, comparable with :func:`positions`.
    """
    joined = "\n".join(extracted)
    if not joined:
        return []
    leaves = list(tree.iter(*_LEAVES))
    matched_words: Counter[etree._Element] = Counter()
    matched_count: Counter[etree._Element] = Counter()
    texts: dict[etree._Element, str] = {}
    for leaf in leaves:
        text = _text(leaf)
        texts[leaf] = text
        if len(text.split()) >= 3 and text in joined:
            container = _container(leaf)
            if container is not None:
                matched_words[container] += len(text.split())
                matched_count[container] += 1
    if not matched_words:
        return []
    chosen, _ = matched_words.most_common(1)[0]
    if matched_count[chosen] < _MIN_MATCHED:
        return []
    signature = (chosen.tag, " ".join((chosen.get("class") or "").split()))
    region = {a for a in _ancestors(chosen, _NEAR) if a.tag not in ("body", "html")}
    found: list[tuple[etree._Element, str, str]] = []
    for other in tree.iter(chosen.tag):
        if other is chosen or not _another_chunk(other, chosen, signature, region, matched_words, tree):
            continue
        for leaf in other.iter(*_LEAVES):
            text = texts.get(leaf) or _text(leaf)
            if (
                len(text.split()) < _MIN_WORDS
                or text in joined
                or _excluded(leaf, other)
                or _link_share(leaf, text) > _MAX_LINK_SHARE
            ):
                continue
            found.append((leaf, _KIND[leaf.tag], text))
    if not found:
        return []
    order = {element: i for i, element in enumerate(tree.iter())}
    return [(order[leaf], kind, text) for leaf, kind, text in found]


def positions(tree: etree._Element, extracted: list[str]) -> list[int | None]:
    """Document position of each extracted block (its first paragraph element found in the page), or None."""
    order = {element: i for i, element in enumerate(tree.iter())}
    where: dict[str, int] = {}
    for leaf in tree.iter(*_LEAVES):
        text = _text(leaf)
        if text and text not in where:
            where[text] = order[leaf]
    return [where.get(text) for text in extracted]
