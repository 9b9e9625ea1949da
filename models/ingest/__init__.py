"""Ingest: a file, URL, paste or page becomes an :class:`~models.article.Article` (canonical text + metadata).

Every entry point raises :class:`IngestError` with one readable line when the input cannot be an article.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from models.article import Article
from models.ingest.decode import declared_html_charset, decode_bytes
from models.ingest.errors import MAX_BYTES, IngestError, size_text
from models.ingest.plaintext import markdown_score, markdown_to_article, plain_to_article
from models.ingest.textdump import looks_like_textdump, textdump_to_article

if TYPE_CHECKING:
    from models.ingest.fetch import Page

__all__ = [
    "MAX_BYTES", "IngestError", "ingest_bytes", "ingest_file", "ingest_html", "ingest_text", "ingest_url",
    "is_web_address", "read_file_bounded",
]  # fmt: skip

_HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
_MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|br|h[1-6]|a|article|section|ul|li|blockquote|em|strong|b|i)\b[^>]*>", re.I)
_ADDRESS = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def html_to_article(html: str, *, source: str, url: str | None = None) -> Article:
    """HTML → Article; trafilatura and lxml are imported only when a page is read (they cost ~0.15 s)."""
    from models.ingest.html import html_to_article as convert

    return convert(html, source=source, url=url)


def ingest_file(path: str | os.PathLike[str]) -> Article:
    """A file on disk; a web address given where a path is expected (``HTTP://…``) is fetched instead."""
    name = os.fspath(path)
    address = _ADDRESS.match(name) if isinstance(name, str) else None
    if address and not os.path.lexists(name):
        if is_web_address(address.string):
            return ingest_url(address.string)
        raise IngestError(f"not a web address (http or https): {address.group(1).lower()}")
    file = Path(path)
    data = read_file_bounded(file)
    return guarded(lambda: ingest_bytes(data, source=str(path), filename=file.name))


def is_web_address(source: str) -> bool:
    """``http://`` or ``https://`` in any case (``HTTP://Example.com`` is a web address too)."""
    return source[:8].lower().startswith(("http://", "https://"))


_NOT_REGULAR = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a named pipe, not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def _refuse_unless_regular(mode: int) -> None:
    for test, reason in _NOT_REGULAR:
        if test(mode):
            raise IngestError(reason)
    if not stat.S_ISREG(mode):
        raise IngestError("not a regular file")


def read_file_bounded(file: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, never more than ``limit`` + 1 read whatever ``stat`` says.

    A named pipe, a device (a link to ``/dev/zero``), a socket or a folder is refused before it is opened, so that
    nothing waits on a writer that never comes or reads without end. The file is opened without blocking and
    checked again on the open descriptor, in case it was swapped between the two looks.
    """
    try:
        _refuse_unless_regular(os.stat(file).st_mode)
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise _os_refusal(error) from None
    try:
        info = os.fstat(fd)
        _refuse_unless_regular(info.st_mode)
        if info.st_size > limit:
            raise IngestError(f"file is larger than the {size_text(limit)} limit")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise _os_refusal(error) from None
    finally:
        os.close(fd)
    if size > limit:
        raise IngestError(f"file is larger than the {size_text(limit)} limit")
    return b"".join(chunks)


def _os_refusal(error: OSError) -> IngestError:
    if isinstance(error, FileNotFoundError):
        return IngestError("no such file")
    if isinstance(error, IsADirectoryError):
        return IngestError("is a folder, not a file")
    if isinstance(error, PermissionError):
        return IngestError("permission denied")
    if error.errno == errno.ELOOP:
        return IngestError("symbolic link loop")
    if error.errno == errno.ENAMETOOLONG:
        return IngestError("file name too long")
    return IngestError(f"could not read the file: {error.strerror or error}")


def guarded(convert: Callable[[], Article]) -> Article:
    """Run one conversion so that input too deep or too big for the parsers is a refusal, not a crash."""
    try:
        return convert()
    except RecursionError:
        raise IngestError("the document is nested too deeply to read") from None
    except MemoryError:
        raise IngestError("the document is too large to read in memory") from None


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
    _check_length(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise IngestError("empty text")
    markdown = markdown_score(text)
    if markdown < 4 and looks_like_textdump(text):
        return _dated_by_text(textdump_to_article(text, source=source))
    if markdown >= 2 and len(text) <= MARKDOWN_PARSE_CHARS:
        return _dated_by_text(markdown_to_article(text, source=source))
    return _dated_by_text(plain_to_article(text, source=source))


# The Markdown parser makes a token of every cell and inline run: a 3 MB table of 100,000 rows took over a minute.
# Past this size a Markdown file is read as plain text (its markup kept as written), in a few seconds.
MARKDOWN_PARSE_CHARS = 1024 * 1024


def _dated_by_text(article: Article) -> Article:
    """A date read from a text's own lines: kept when plausible, with where it came from."""
    from dataclasses import replace

    from models.ingest.dates import plausible

    meta = article.metadata
    if not meta.published:
        from models.ingest.bylines import dateline_date

        first = next((article.text[b.start : b.end] for b in article.blocks if b.kind == "paragraph"), "")
        written = dateline_date(first)  # a press release: "CAMBRIDGE, Mass., Feb. 6, 2024 /PRNewswire/ --"
        if written and plausible(written):
            return replace(article, metadata=replace(meta, published=written, published_source="dateline"))
    if not meta.published or meta.published_source:
        return article
    if not plausible(meta.published):
        return replace(article, metadata=replace(meta, published=None))
    return replace(article, metadata=replace(meta, published_source="dateline" if meta.dateline else "text"))


def ingest_html(html: str, *, source: str, url: str | None = None) -> Article:
    _check_length(html)
    return guarded(lambda: html_to_article(html, source=source, url=url))


def _check_length(text: str) -> None:
    """A paste is held to the limit of a file (in characters: at least as many bytes)."""
    if len(text) > MAX_BYTES:
        raise IngestError(f"text is longer than the {size_text(MAX_BYTES)} limit")


def ingest_url(url: str, *, timeout: float = 20, max_bytes: int = MAX_BYTES) -> Article:
    from models.ingest.fetch import fetch

    page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    return guarded(lambda: _page_to_article(page))


def _page_to_article(page: Page) -> Article:
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
