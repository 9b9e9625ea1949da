"""HTML pages to articles: trafilatura finds the main text, its XML tree gives the block structure.

The page is parsed once with lxml; the same tree feeds the metadata reader and the extractor (which copies it
before cleaning). Nothing here fetches anything: remote images, scripts and frames are never requested.
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from models.article import Article, Metadata, build_text
from models.ingest.body_parts import positions, recover_chunks
from models.ingest.boilerplate import Candidate, drop_boilerplate
from models.ingest.bylines import find_dateline
from models.ingest.dates import plausible
from models.ingest.errors import IngestError
from models.ingest.htmlmeta import PageMetadata, drop_oversized_metadata, read_metadata

# Options measured on benchmarks/article-extraction (see benchmarks/extraction.py).
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "favor_recall": False,
    "deduplicate": False,
    "include_links": True,  # link text marks cross-links and related lists (models/ingest/boilerplate.py)
}

_BLOCK_TAGS = {"p", "head", "quote", "list", "item", "table", "row", "code", "div", "section"}
_KIND = {"p": "paragraph", "head": "heading", "quote": "quote", "item": "list-item", "code": "paragraph"}
# Comments must go at parse time: React pages put "<!-- -->" between the pieces of one sentence.
_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
_DOCUMENT = re.compile(r"<(?:html|body|head|!doctype)\b", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_FALLBACK_DROP = "//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//template|//svg|//iframe"
_FALLBACK_BLOCKS = "//h1|//h2|//h3|//h4|//h5|//h6|//p|//li|//blockquote|//pre|//td"


# trafilatura 2.3 drops the rest of a sentence after an empty inline element (an icon, an anchor target).
_INLINE_TAGS = (
    "span", "i", "em", "b", "strong", "font", "small", "u", "s", "sup", "sub", "abbr", "mark", "cite", "label", "ins",
    "del", "q",
)  # fmt: skip


def _drop_empty_inlines(tree: lxml_html.HtmlElement) -> None:
    empty = [el for el in tree.iter(*_INLINE_TAGS) if len(el) == 0 and not (el.text or "").strip()]
    for element in empty:
        if element.getparent() is not None:
            element.drop_tag()  # keeps its tail (the words after it) and its white space (a word break)


# A card that pops up over a name in a sentence (a portrait and links to the person's latest stories) is written into
# the paragraph, inside the name's span: read as text it runs into the sentence ("Ilhan OmarIlhan OmarHillicon
# Valley: …"). Its shape: an inline element of a paragraph holding an image and several links, nearly all its words
# link text; the innermost such element is the card (the one around it holds the name the sentence needs).
_CARD_SHAPED = "//p//span[.//img][count(.//a) >= 2]"
_CARD_LINK_SHARE = 0.9


def _drop_hover_cards(tree: lxml_html.HtmlElement) -> None:
    shaped = [el for el in tree.xpath(_CARD_SHAPED) if _link_word_share(el) >= _CARD_LINK_SHARE]
    inner = {id(el) for el in shaped}
    for el in shaped:
        if any(id(d) in inner for d in el.iterdescendants()) or el.getparent() is None:
            continue
        parent = el.getparent()
        el.drop_tree()  # its tail is the sentence going on
        while parent is not None and parent.tag in _INLINE_TAGS and not len(parent) and not (parent.text or "").strip():
            above = parent.getparent()
            parent.drop_tag()  # the boxes the card sat in, now empty (an empty inline cuts trafilatura's sentence)
            parent = above


def _link_word_share(element: lxml_html.HtmlElement) -> float:
    words = len(element.text_content().split())
    linked = sum(len(a.text_content().split()) for a in element.iter("a"))
    return linked / words if words else 0.0


# trafilatura's precision mode discards any span whose class is the token "link" (or "bottom", or that has a border
# style), a rule meant for boxes: on a span that wraps a link inside a paragraph it cuts the sentence in two.
_LINK_WRAPPERS = "//p//span[.//a][not(@aria-hidden)][not(contains(@style, 'none'))]"


def _unwrap_link_spans(tree: lxml_html.HtmlElement) -> None:
    """Replace each span that wraps a link inside a paragraph by its content: it is part of the sentence."""
    for span in tree.xpath(_LINK_WRAPPERS):
        if span.getparent() is not None:
            span.drop_tag()


# Text written straight into a container, its paragraphs parted by <br><br> ("<div>One … <a>link</a> … .<br><br>Two
# …</div>"), is cut by the extractor at each inline element, so sentences break apart and lose the space around their
# links. Such runs are put in paragraphs of their own first, as a browser shows them.
_LOOSE_TEXT_HOLDERS = ("div", "section", "article", "main", "td", "center", "span")
_BLOCK_LEVEL = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "ul", "script", "style", "noscript", "iframe", "template",
    "video", "audio", "object", "embed", "canvas", "svg", "select", "textarea", "menu",
}  # fmt: skip
_INSIDE_A_LINE = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a"}


Piece: TypeAlias = str | lxml_html.HtmlElement  # a run of text, or an element with its tail cut off


def _has_content(run: list[Piece]) -> bool:
    return any(not isinstance(x, str) and x.tag != "br" or isinstance(x, str) and x.strip() for x in run)


def _groups(pieces: list[Piece]) -> list[list[Piece] | lxml_html.HtmlElement]:
    """Block children as they are, and the inline runs between them cut at each <br><br>."""
    out: list[list[Piece] | lxml_html.HtmlElement] = []
    run: list[Piece] = []
    for i, piece in enumerate(pieces):
        if not isinstance(piece, str) and (piece.tag in _BLOCK_LEVEL or piece.tag == "br" and _next_is_br(pieces, i)):
            out.append(run)
            run = []
            if piece.tag != "br":
                out.append(piece)
        elif not isinstance(piece, str) and piece.tag == "br" and not _has_content(run):
            continue  # the second <br> of a pair
        else:
            run.append(piece)
    out.append(run)
    return out


def _next_is_br(pieces: list[Piece], i: int) -> bool:
    """Whether the <br> at ``pieces[i]`` is followed by another one, with only white space between."""
    for piece in pieces[i + 1 :]:
        if isinstance(piece, str):
            if piece.strip():
                return False
            continue
        return bool(piece.tag == "br")
    return True


def _add_text(parent: lxml_html.HtmlElement, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _wrap_loose_text(tree: lxml_html.HtmlElement) -> None:
    for holder in list(tree.iter(*_LOOSE_TEXT_HOLDERS)):
        children = list(holder)
        if not all(isinstance(c.tag, str) for c in children):
            continue  # comments are gone at parse time; leave anything else alone
        if not ((holder.text or "").strip() or any((c.tail or "").strip() for c in children)):
            continue
        blocks = any(c.tag in _BLOCK_LEVEL for c in children)
        if not (blocks or holder.tag != "span" and any(c.tag == "br" for c in children)):
            continue  # a span is a container only when it holds blocks (a page may put a whole story in one)
        if any(a.tag in _INSIDE_A_LINE for a in holder.iterancestors()):
            continue
        pieces: list[Piece] = [holder.text or ""]
        for child in children:
            pieces += [child, child.tail or ""]
            child.tail = None
            holder.remove(child)
        holder.text = None
        for group in _groups(pieces):
            if not isinstance(group, list):
                holder.append(group)
            elif not _has_content(group):
                _add_text(holder, "".join(x for x in group if isinstance(x, str)))
            else:
                paragraph = etree.SubElement(holder, "p")
                for piece in group:
                    if isinstance(piece, str):
                        _add_text(paragraph, piece)
                    else:
                        paragraph.append(piece)


def parse_html(html: str) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.document_fromstring(_XML_DECL.sub("", html, count=1), parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise IngestError("could not read the HTML page") from error
    return tree


def _inline_text(element: etree._Element, linked: list[int], in_link: bool = False) -> str:
    """Text of an inline run; ``linked[0]`` grows by the characters that sit inside links."""
    in_link = in_link or element.tag == "ref"
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag in _BLOCK_TAGS:  # paragraphs inside a table cell: words apart
            parts += [" ", _inline_text(child, linked, in_link), " "]
        elif child.tag != "graphic":
            parts.append(_inline_text(child, linked, in_link))
        parts.append(child.tail or "")
        if in_link and child.tail:
            linked[0] += len(child.tail.strip())
    if in_link and element.text:
        linked[0] += len(element.text.strip())
    return "".join(parts)


def _row_text(row: etree._Element, linked: list[int]) -> str:
    return " | ".join(" ".join(_inline_text(cell, linked).split()) for cell in row if isinstance(cell.tag, str))


def _walk(element: etree._Element, kind: str, out: list[Candidate]) -> None:
    """Blocks of a trafilatura body: a heading or quote keeps its kind for whatever it holds."""
    tag = element.tag
    if tag == "graphic" or not isinstance(tag, str):
        return
    linked = [0]
    if tag == "row":
        out.append(Candidate(kind, _row_text(element, linked), linked[0]))
        return
    own = _KIND.get(tag, kind)
    if kind in ("heading", "quote"):
        own = kind
    if not any(child.tag in _BLOCK_TAGS for child in element):
        out.append(Candidate(own, _inline_text(element, linked), linked[0]))
        return
    pending = [element.text or ""]
    for child in element:
        if child.tag in _BLOCK_TAGS:
            out.append(Candidate(own, "".join(pending), linked[0], whole=False))
            pending, linked = [], [0]
            _walk(child, own, out)
        elif child.tag == "lb":
            pending.append(" ")
        elif child.tag != "graphic":
            pending.append(_inline_text(child, linked))
        pending.append(child.tail or "")
    out.append(Candidate(own, "".join(pending), linked[0], whole=False))


def _fallback_blocks(tree: lxml_html.HtmlElement) -> list[tuple[str, str]]:
    """Blocks of a fragment too small for the extractor (a clipboard paste, a short note)."""
    tree = lxml_html.fromstring(lxml_html.tostring(tree))
    for element in tree.xpath(_FALLBACK_DROP):
        element.drop_tree()
    parts: list[tuple[str, str]] = []
    for element in tree.xpath(_FALLBACK_BLOCKS):
        if element.xpath("ancestor::li|ancestor::blockquote|ancestor::td|ancestor::p"):
            continue
        tag = element.tag
        kind = (
            "heading"
            if tag[0] == "h" and tag[1:].isdigit()
            else {"li": "list-item", "blockquote": "quote"}.get(tag, "paragraph")
        )
        parts.append((kind, element.text_content()))
    if not parts:
        body = tree.find(".//body")
        parts = [("paragraph", line) for line in (body if body is not None else tree).text_content().split("\n")]
    return parts


def _with_other_chunks(tree: lxml_html.HtmlElement, candidates: list[Candidate]) -> list[Candidate]:
    """The extracted blocks with the story's other chunks put back in page order (models/ingest/body_parts.py)."""
    texts = [c.text for c in candidates]
    extra = recover_chunks(tree, texts)
    if not extra:
        return candidates
    placed: list[tuple[int, int, Candidate]] = []
    last = -1
    for i, (candidate, where) in enumerate(zip(candidates, positions(tree, texts), strict=True)):
        last = where if where is not None and where > last else last
        placed.append((last, i, candidate))
    placed += [(where, len(candidates) + j, Candidate(kind, text)) for j, (where, kind, text) in enumerate(extra)]
    return [candidate for _, _, candidate in sorted(placed, key=lambda item: (item[0], item[1]))]


def extract_blocks(
    tree: lxml_html.HtmlElement, url: str | None = None, *, fragment: bool = False
) -> list[tuple[str, str]]:
    """Blocks of the main text; a fragment (a selection copied from a page) is all content, kept whole.

    Empty inline elements are removed from ``tree`` itself (read the metadata first).
    """
    if not fragment:
        _drop_hover_cards(tree)
        _drop_empty_inlines(tree)
        _unwrap_link_spans(tree)
        _wrap_loose_text(tree)
    document = None if fragment else trafilatura.bare_extraction(tree, url=url, with_metadata=False, **EXTRACT_OPTIONS)
    body = getattr(document, "body", None)
    candidates: list[Candidate] = []
    if body is not None:
        _walk(body, "paragraph", candidates)  # the body itself: text between its blocks sits in their tails
    for candidate in candidates:
        candidate.text = " ".join(candidate.text.split())
    candidates = [c for c in candidates if c.text]
    if not fragment:
        candidates = _with_other_chunks(tree, candidates)
    candidates = drop_boilerplate(candidates)
    parts = [(c.kind, c.text) for c in candidates]
    if not parts:
        parts = [(kind, " ".join(text.split())) for kind, text in _fallback_blocks(tree)]
        parts = [(kind, text) for kind, text in parts if text]
    return parts


def _fallback_metadata(tree: lxml_html.HtmlElement, url: str | None, page: PageMetadata) -> None:
    """Fill gaps from trafilatura's own heuristics (slower: date guessing over the whole page)."""
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(tree, url, extensive=False)  # extensive date search loads dateparser: 0.3 s
    page.title = page.title or (found.title or "")
    page.authors = page.authors or [a.strip() for a in (found.author or "").split(";") if a.strip()]
    if not page.published and found.date and plausible(found.date):
        page.published, page.published_source = found.date, "htmldate"
    page.publisher = page.publisher or (found.sitename or "")
    page.tags = page.tags or list(found.tags or []) or list(found.categories or [])


def html_to_article(html: str, *, source: str, url: str | None = None) -> Article:
    if not html.strip():
        raise IngestError("empty file")
    tree = parse_html(html)
    # libxml2 stops reading at 256 levels of nesting: what lies deeper, and everything after it, is not in the tree.
    too_deep = any("Excessive depth" in entry.message for entry in _PARSER.error_log)
    drop_oversized_metadata(tree)
    page = read_metadata(tree, url)
    parts = extract_blocks(tree, url, fragment=not _DOCUMENT.search(html[:65536]))
    nothing = (
        "the page nests its elements more than 255 levels deep and cannot be read"
        if too_deep
        else "no article text found in the HTML page"
    )
    if not parts:
        raise IngestError(nothing)
    if not page.title or not page.published:
        _fallback_metadata(tree, url, page)

    title = page.title
    first_kind, first_text = parts[0]
    if first_kind == "heading" and (not title or first_text.casefold() == title.casefold()):
        title = first_text
        parts = parts[1:]
    elif not title:
        title = first_text if len(first_text) <= 200 else ""
        if title:
            parts = parts[1:]
    if not parts:
        raise IngestError(nothing)

    dateline = ""
    publisher = page.publisher
    first_paragraph = next((text for kind, text in parts if kind == "paragraph"), "")
    found = find_dateline(first_paragraph)
    if found:
        dateline = found[0]
        publisher = publisher or found[1]

    text, blocks = build_text([("title", title), *parts] if title else parts)
    metadata = Metadata(
        title=" ".join(title.split()),
        authors=tuple(page.authors),
        published=page.published,
        published_source=page.published_source if page.published else "",
        publisher=publisher,
        section=page.section,
        dateline=dateline,
        subheadings=tuple(text[b.start : b.end] for b in blocks if b.kind == "heading"),
        tags=tuple(page.tags),
        url=page.url,
        language=page.language,
        description=page.description,
    )
    return Article(source=source, kind="html", text=text, blocks=blocks, metadata=metadata)
