"""Article metadata from a parsed HTML page: JSON-LD, OpenGraph, ``citation_*``, ``article:*``, ``<time>``, bylines.

Read with lxml XPath on the tree the extractor also uses: a second full BeautifulSoup parse of the page costs as
much as the whole text extraction. Sources are tried from the most deliberate (JSON-LD written for search engines)
to the most incidental (a byline element's text).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from models.ingest.bylines import split_names
from models.ingest.dates import choose_published, url_date

_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "scholarlyarticle", "report",
    "techarticle", "socialmediaposting", "creativework",
}  # fmt: skip


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+\d*);")
MAX_VALUE = 10_000
"""Longest metadata value read (characters): a title, a byline or a description is far shorter; a longer one is
page junk (or an attack) and is ignored rather than cleaned, split and searched for dates."""
MAX_JSON_LD = 2_000_000  # characters of one JSON-LD script
MAX_JSON_DEPTH = 64  # nesting of arrays and objects in one JSON-LD script (real pages stay under 10)
_JSON_STRING = re.compile(r'"[^"]*"')  # a string once its escapes are gone
_JSON_NESTING = re.compile(r"[\[\]{}]")


@dataclass
class PageMetadata:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_source: str = ""  # where the date was read (a key of models.ingest.dates.SOURCE_LABELS)
    publisher: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    description: str = ""
    url: str = ""
    language: str = ""


def _clean(value: Any) -> str:
    """One line of text; entities that JSON-LD writers escaped twice ("&#8216;", "&amp;") are read."""
    if not isinstance(value, str | int | float) or isinstance(value, str) and len(value) > MAX_VALUE:
        return ""
    return " ".join(_ENTITY.sub(lambda m: html.unescape(m.group()), str(value)).split())


def _name_of(value: Any) -> list[str]:
    """Names from a JSON-LD author/publisher value: a string, a Person/Organization, or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in _name_of(item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            return [_clean(n) for n in name if _clean(n)]
        return [_clean(name)] if _clean(name) else []
    text = _clean(value)
    return [text] if text and not text.startswith("http") else []


def _json_ld_objects(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]'):
        raw = (script.text or "").strip()
        if not raw or len(raw) > MAX_JSON_LD or json_depth(raw) > MAX_JSON_DEPTH:
            continue  # (already emptied by drop_oversized_metadata when the page came through html_to_article)
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):  # RecursionError: a depth the scan above misjudged
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def drop_oversized_metadata(tree: lxml_html.HtmlElement) -> None:
    """Empty ``<meta>`` values and a ``<title>`` longer than :data:`MAX_VALUE`, so that neither this reader nor the
    extractor's fallback (which splits, cleans and date-searches every value) spends seconds on megabytes of junk."""
    for meta in tree.iterfind(".//meta"):
        for name, value in meta.attrib.items():
            if len(value) > MAX_VALUE:
                meta.set(name, "")
    for title in tree.iterfind(".//title"):
        if len(title.text or "") > MAX_VALUE:
            title.text = ""
    for script in tree.xpath('//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]'):
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD or json_depth(raw) > MAX_JSON_DEPTH:
            script.text = ""


def json_depth(raw: str) -> int:
    """How deeply arrays and objects nest in a JSON text, found without decoding it (the decoder recurses once per
    level and fails with ``RecursionError`` some thousand levels down). Brackets inside strings do not count."""
    # Escapes go first, left to right as the decoder reads them (a doubled backslash, then an escaped quote), so
    # that strings hold no quote and one plain pattern removes them: an escape-aware string pattern backtracks
    # quadratically on a run of backslashes and quotes.
    bare = raw.replace("\\\\", "").replace('\\"', "")
    depth = deepest = 0
    for bracket in _JSON_NESTING.findall(_JSON_STRING.sub("", bare)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    for obj in objects:
        if _types(obj) & _ARTICLE_TYPES and obj.get("headline") or _types(obj) & {"newsarticle"}:
            return obj
    for obj in objects:
        if _types(obj) & _ARTICLE_TYPES:
            return obj
    return None


def _metas(tree: lxml_html.HtmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        raw = meta.get("content") or ""
        content = _clean(raw) if len(raw) <= MAX_VALUE else ""
        if key and content:
            values.setdefault(key, []).append(content)
    return values


def _first(metas: dict[str, list[str]], *keys: str) -> str:
    for key in keys:
        if metas.get(key):
            return metas[key][0]
    return ""


def _keywords(value: Any) -> list[str]:
    if isinstance(value, list):
        return [k for item in value for k in _keywords(item)]
    text = _clean(value)
    return [k.strip() for k in text.split(",") if k.strip()] if text else []


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def _strip_site_suffix(title: str, site: str, *, strict: bool = False) -> str:
    """Drop the " | Site" / " - Site" tail that page titles carry; ``strict``: only when it names the site."""
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, found, tail = title.rpartition(sep)
        if not (found and head):
            continue
        names_site = bool(site) and bool(_squeezed(tail)) and _squeezed(tail) in _squeezed(site)
        if names_site or (not strict and (not site or len(tail.split()) <= 4)):
            return head.strip()
    return title


_STRUCTURED_DATE_METAS = (
    "citation_publication_date", "citation_date", "dc.date.issued", "dc.date", "dcterms.issued", "datepublished",
)  # fmt: skip
_OPENGRAPH_DATE_METAS = ("article:published_time", "og:published_time", "og:article:published_time")
_OTHER_DATE_METAS = ("date", "pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date")
_DATELINE_XPATH = (
    '//*[contains(@class, "date") or contains(@class, "publish") or contains(@class, "posted")'
    ' or contains(@class, "byline") or contains(@class, "timestamp")][not(self::meta)][not(self::script)]'
)


def _date_candidates(
    tree: lxml_html.HtmlElement,
    metas: dict[str, list[str]],
    article: dict[str, Any],
    objects: list[dict[str, Any]],
    url: str | None,
) -> list[tuple[str, str]]:
    """Every date the page gives for its publication, ``(raw value, source)``, in order of trust: the article's
    JSON-LD, other structured data, OpenGraph, other metadata, ``<time>``, the address, a visible dateline, and
    last the date of the latest change."""
    found: list[tuple[str, str]] = [(_clean(article.get("datePublished") or ""), "json-ld")]
    found += [(_clean(o.get("datePublished") or ""), "structured") for o in objects if o is not article][:5]
    found += [(v, "structured") for key in _STRUCTURED_DATE_METAS for v in metas.get(key, [])[:1]]
    found += [(v, "opengraph") for key in _OPENGRAPH_DATE_METAS for v in metas.get(key, [])[:1]]
    found += [(v, "meta") for key in _OTHER_DATE_METAS for v in metas.get(key, [])[:1]]
    found += [(t.get("datetime", ""), "time") for t in tree.xpath('//time[@itemprop="datePublished" or @pubdate]')[:3]]
    found += [(t.get("datetime", "") or _clean(t.text_content())[:80], "time") for t in tree.xpath("//time")[:1]]
    address = url or _first(metas, "og:url") or next(iter(tree.xpath('//link[@rel="canonical"]/@href')), "")
    found.append((url_date(str(address)) or "", "url"))
    for element in tree.xpath(_DATELINE_XPATH)[:12]:
        text = _clean(element.text_content())
        if 5 < len(text) < 160:
            found.append((text, "dateline"))
    found.append((_clean(article.get("dateCreated") or article.get("dateModified") or ""), "modified"))
    found.append((_first(metas, "article:modified_time", "og:updated_time"), "modified"))
    return [(raw, source) for raw, source in found if raw]

_BYLINE_XPATH = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline") or contains(@class, "author-name")'
    ' or contains(@class, "article-author")][not(self::meta)][not(self::link)]'
)


def read_metadata(tree: lxml_html.HtmlElement, url: str | None = None) -> PageMetadata:
    meta = PageMetadata()
    metas = _metas(tree)
    objects = _json_ld_objects(tree)
    article = _article_object(objects) or {}

    meta.publisher = (
        next(iter(_name_of(article.get("publisher"))), "")
        or _first(metas, "og:site_name", "citation_journal_title", "citation_publisher", "dc.publisher",
                  "application-name")
    )  # fmt: skip
    headline = _clean(article.get("headline") or article.get("name") or "")
    h1 = tree.xpath("//h1")
    h1_text = _clean(h1[0].text_content()) if h1 else ""
    title_el = tree.find(".//title")
    page_title = _clean(title_el.text_content()) if title_el is not None else ""
    meta.title = (
        _strip_site_suffix(headline, meta.publisher or _first(metas, "og:site_name"), strict=True)
        or _first(metas, "citation_title", "dc.title")
        or _strip_site_suffix(_first(metas, "og:title", "twitter:title"), meta.publisher)
        or h1_text
        or _strip_site_suffix(page_title, meta.publisher)
    )

    authors = _name_of(article.get("author") or article.get("creator"))
    if not authors:
        authors = metas.get("citation_author", []) or [
            name for value in metas.get("author", []) + metas.get("dc.creator", []) for name in split_names(value)
        ]
    if not authors:
        authors = [a for a in metas.get("article:author", []) if not a.startswith("http")]
    if not authors:
        for element in tree.xpath(_BYLINE_XPATH)[:3]:
            text = _clean(element.text_content())
            if 2 < len(text) < 120:
                authors = split_names(text)
                if authors:
                    break
    meta.authors = _dedupe([a for a in (_without_date(a) for a in authors) if a and len(a) < 80])

    meta.published, meta.published_source = choose_published(_date_candidates(tree, metas, article, objects, url))

    section = article.get("articleSection")
    meta.section = (_clean(section[0]) if isinstance(section, list) and section else _clean(section or "")) or _first(
        metas, "article:section", "section", "parsely-section"
    )
    meta.tags = _dedupe(
        _keywords(article.get("keywords"))
        or metas.get("article:tag", [])
        or _keywords(metas.get("news_keywords", []) or metas.get("keywords", []))
    )[:40]
    meta.description = _clean(article.get("description") or "") or _first(
        metas, "og:description", "description", "twitter:description", "dc.description"
    )
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = url or (str(canonical[0]).strip() if canonical else "") or _first(metas, "og:url")
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    meta.language = lang.strip() or _first(metas, "og:locale", "content-language", "dc.language")
    meta.title = re.sub(r"\s+", " ", meta.title).strip()
    return meta


# A date written into an author field ("REUTERS 19 NOV 2019", "Jane Roe, Nov. 19, 2019"): not part of the name.
_TRAILING_DATE = re.compile(
    r"\b(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
    r"(?: \d{1,2})?,? (?:19|20)\d\d\b",
    re.IGNORECASE,
)


def _without_date(author: str) -> str:
    found = _TRAILING_DATE.search(" ".join(author.split()))
    return " ".join(author.split())[: found.start()].rstrip(" ,|–—-") if found else author.strip()
