"""Ingest: a file, URL, paste or page becomes an :class:`~models.article.Article` (canonical text + metadata).

Every entry point raises :class:`IngestError` with one readable line when the input cannot be an article.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from models.article import Article
from models.ingest.decode import check_size, declared_html_charset, decode_bytes
from models.ingest.errors import MAX_BYTES, IngestError
from models.ingest.plaintext import markdown_score, markdown_to_article, plain_to_article
from models.ingest.textdump import looks_like_textdump, textdump_to_article

__all__ = ["MAX_BYTES", "IngestError", "ingest_bytes", "ingest_file", "ingest_html", "ingest_text", "ingest_url"]

_HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
_MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|br|h[1-6]|a|article|section|ul|li|blockquote|em|strong|b|i)\b[^>]*>", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def html_to_article(html: str, *, source: str, url: str | None = None) -> Article:
    """HTML → Article; trafilatura and lxml are imported only when a page is read (they cost ~0.15 s)."""
    from models.ingest.html import html_to_article as convert

    return convert(html, source=source, url=url)


def ingest_file(path: str | os.PathLike[str]) -> Article:
    file = Path(path)
    try:
        check_size(file.stat().st_size)
        data = file.read_bytes()
    except FileNotFoundError as error:
        raise IngestError(f"no such file: {file}") from error
    except IsADirectoryError as error:
        raise IngestError(f"is a folder, not a file: {file}") from error
    except PermissionError as error:
        raise IngestError(f"permission denied: {file}") from error
    except OSError as error:
        raise IngestError(f"could not read {file}: {error.strerror or error}") from error
    return ingest_bytes(data, source=str(path), filename=file.name)


def _looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def ingest_bytes(data: bytes, *, source: str, content_type: str | None = None, filename: str | None = None) -> Article:
    mime = (content_type or "").split(";")[0].strip().lower()
    charset_match = _CHARSET.search(content_type or "")
    declared = charset_match.group(1) if charset_match else None
    suffix = Path(filename).suffix.lower() if filename else ""
    html_declared = mime in ("text/html", "application/xhtml+xml") or suffix in _HTML_EXTENSIONS
    if html_declared and not declared:
        declared = declared_html_charset(data)
    text = decode_bytes(data, declared)
    if html_declared or (mime in ("", "text/plain", "application/octet-stream") and _looks_like_html(text)):
        if not declared and not html_declared and (page_charset := declared_html_charset(data)):
            text = decode_bytes(data, page_charset)
        return ingest_html(text, source=source)
    if mime == "text/markdown" or suffix in _MARKDOWN_EXTENSIONS:
        return markdown_to_article(text, source=source)
    return ingest_text(text, source=source)


def ingest_text(text: str, *, source: str) -> Article:
    """Pasted or loaded plain text: a web-page text dump, Markdown or plain paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise IngestError("empty text")
    markdown = markdown_score(text)
    if markdown < 4 and looks_like_textdump(text):
        return _dated_by_text(textdump_to_article(text, source=source))
    if markdown >= 2:
        return _dated_by_text(markdown_to_article(text, source=source))
    return _dated_by_text(plain_to_article(text, source=source))


def _dated_by_text(article: Article) -> Article:
    """A date read from a text's own lines: kept when plausible, with where it came from."""
    from dataclasses import replace

    from models.ingest.dates import plausible

    meta = article.metadata
    if not meta.published or meta.published_source:
        return article
    if not plausible(meta.published):
        return replace(article, metadata=replace(meta, published=None))
    return replace(article, metadata=replace(meta, published_source="dateline" if meta.dateline else "text"))


def ingest_html(html: str, *, source: str, url: str | None = None) -> Article:
    return html_to_article(html, source=source, url=url)


def ingest_url(url: str, *, timeout: float = 20, max_bytes: int = MAX_BYTES) -> Article:
    from models.ingest.fetch import fetch

    page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    mime = page.content_type.split(";")[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml"):
        declared = _CHARSET.search(page.content_type)
        charset = declared.group(1) if declared else declared_html_charset(page.body)
        return html_to_article(decode_bytes(page.body, charset), source=page.url, url=page.url)
    article = ingest_bytes(page.body, source=page.url, content_type=page.content_type)
    return _with_url(article, page.url)


def _with_url(article: Article, url: str) -> Article:
    from dataclasses import replace

    return replace(article, metadata=replace(article.metadata, url=url))
