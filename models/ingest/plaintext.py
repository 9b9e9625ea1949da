"""Plain text and Markdown: paragraphs, headings, quotes and list items, markup removed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from models.article import Article, Metadata, build_text
from models.ingest.dates import normalise_date
from models.ingest.errors import IngestError

if TYPE_CHECKING:
    from markdown_it.token import Token

_TERMINAL = re.compile(r"[.!?:;,…。！？]['\"’”)\]」』]*$")
# Chinese, Japanese and Korean are written without spaces between words: about two characters make a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Words of a line, counting a word per two characters of a script written without spaces."""
    cjk = len(_CJK.findall(text))
    return len(text.split()) + cjk // 2
_MD_SIGNALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^#{1,6}\s+\S", re.M), 2),
    (re.compile(r"^(?:```|~~~)", re.M), 2),
    (re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"), 2),
    (re.compile(r"^\S.*\n(?:=+|-{3,})[ \t]*$", re.M), 2),
    (re.compile(r"\A---\n(?:[\w-]+:.*\n)+---\n"), 3),
    (re.compile(r"(?:\*\*|__)\S[^*\n]*\S(?:\*\*|__)"), 1),
    (re.compile(r"^>\s?\S", re.M), 1),
    (re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\S", re.M), 1),
)


_MD_EVIDENCE_CHARS = 256 * 1024  # a Markdown file shows its syntax early; a megabyte text is not scanned 8 times


def markdown_score(text: str) -> int:
    """Evidence of Markdown: 2 or more is likely, 4 or more beats the signs of a web-page text dump."""
    head = text[:_MD_EVIDENCE_CHARS]
    return sum(weight for pattern, weight in _MD_SIGNALS if pattern.search(head))


def looks_like_markdown(text: str) -> bool:
    return markdown_score(text) >= 2


def is_title_like(line: str, max_words: int = 16) -> bool:
    """A short line with no sentence-final punctuation: a title or sub-heading, not prose."""
    if len(line) > 400:  # checked before the line is split: a megabyte line is prose
        return False
    line = line.strip()
    words = word_count(line)
    return (
        0 < words <= max_words
        and len(line) <= 160
        and not _TERMINAL.search(line)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘「" or bool(_CJK.match(line)))
    )


def is_hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width (e-mail, terminals): lines that run on inside a chunk fill the width, and no
    line of the text is longer. A few short lines that run on (a title, a byline and a date over three lines, above
    paragraphs written on one line each) are no wrapping."""
    inner = [len(a) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if len(inner) < 3:
        return False
    width = max(inner)
    return (_NARROWEST_WRAP <= width <= 100 and sum(n >= 0.6 * width for n in inner) >= 0.8 * len(inner)
            and max(len(line) for line in lines) <= width + 2)


_NARROWEST_WRAP = 40  # e-mail and terminals wrap at 60 to 80 characters; no one wraps prose at 25


def split_chunks(text: str) -> list[list[str]]:
    """Chunks of non-blank lines; without any blank line every line is its own chunk."""
    lines = [line.rstrip() for line in text.split("\n")]
    if not any(not line.strip() for line in lines[1:-1]) and len([line for line in lines if line.strip()]) > 1:
        return [[line] for line in lines if line.strip()]
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def paragraphs(chunks: list[list[str]]) -> list[str]:
    wrapped = is_hard_wrapped([line for chunk in chunks for line in chunk + [""]])
    out: list[str] = []
    for chunk in chunks:
        if wrapped:
            out.append(" ".join(line.strip() for line in chunk))
        else:
            out.extend(line.strip() for line in chunk)
    return [p for p in out if p]


def body_parts(paras: list[str]) -> list[tuple[str, str]]:
    """Short standalone lines between paragraphs are sub-headings."""
    parts: list[tuple[str, str]] = []
    for index, para in enumerate(paras):
        between = 0 < index < len(paras) - 1
        kind = (
            "heading"
            if between and is_title_like(para, 14) and not is_title_like(paras[index + 1], 14)
            else ("paragraph")
        )
        parts.append((kind, para))
    return parts


def _article(parts: list[tuple[str, str]], *, source: str, kind: str, metadata: Metadata) -> Article:
    text, blocks = build_text(parts)
    if not text:
        raise IngestError("empty text")
    headings = tuple(text[b.start : b.end] for b in blocks if b.kind == "heading")
    title = metadata.title or (text[blocks[0].start : blocks[0].end] if blocks[0].kind == "title" else "")
    from dataclasses import replace

    return Article(source, kind, text, blocks, replace(metadata, title=title, subheadings=headings))


# The label a press release opens with, above its headline: never the title, never the story.
RELEASE_KICKER = re.compile(
    r"^(?:for immediate release|immediate release|press release|news release|media release|embargoed[^\n]{0,60})"
    r"[.:!]?$",
    re.IGNORECASE,
)


def plain_to_article(text: str, *, source: str) -> Article:
    paras = paragraphs(split_chunks(text))
    while paras and RELEASE_KICKER.match(paras[0]):
        paras.pop(0)
    if not paras:
        raise IngestError("empty text")
    parts: list[tuple[str, str]] = []
    if is_title_like(paras[0], 20) and len(paras) > 1:
        parts.append(("title", paras.pop(0)))
    parts.extend(body_parts(paras))
    return _article(parts, source=source, kind="text", metadata=Metadata())


_FRONT_MATTER = re.compile(r"\A---\n((?:[\w-]+:.*\n|\s+-.*\n)+)---\n")


def _front_matter(text: str) -> tuple[dict[str, str | list[str]], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    values: dict[str, str | list[str]] = {}
    key = ""
    for line in match.group(1).splitlines():
        if line.lstrip().startswith("-") and key:
            existing = values.get(key)
            items = existing if isinstance(existing, list) else []
            items.append(line.strip()[1:].strip().strip("\"'"))
            values[key] = items
            continue
        key, _, value = line.partition(":")
        key = key.strip().lower()
        value = value.strip().strip("\"'")
        if value.startswith("[") and value.endswith("]"):
            values[key] = [v.strip().strip("\"'") for v in value[1:-1].split(",") if v.strip()]
        else:
            values[key] = value
    return values, text[match.end() :]


def _inline(token: Token) -> str:
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            continue
    return "".join(out)


def _markdown_parts(text: str) -> list[tuple[str, str]]:
    from markdown_it import MarkdownIt  # only Markdown needs the parser (~15 ms to import; the reader starts without)

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    parts: list[tuple[str, str]] = []
    context: list[str] = []
    row: list[str] = []
    for token in tokens:
        if token.type in ("blockquote_open", "list_item_open", "heading_open", "tr_open"):
            context.append(token.type)
            row = [] if token.type == "tr_open" else row
        elif token.type in ("blockquote_close", "list_item_close", "heading_close"):
            context.pop()
        elif token.type == "tr_close":
            context.pop()
            parts.append(("paragraph", " | ".join(row)))
        elif token.type == "inline":
            content = _inline(token)
            if "tr_open" in context:
                row.append(" ".join(content.split()))
            elif context and context[-1] == "heading_open":
                parts.append(("heading", content))
            elif "list_item_open" in context:
                parts.append(("list-item", content))
            elif "blockquote_open" in context:
                parts.append(("quote", content))
            else:
                parts.append(("paragraph", content))
        elif token.type in ("fence", "code_block"):
            parts.extend(("paragraph", line) for line in token.content.split("\n"))
    return parts


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return value if isinstance(value, list) else [v.strip() for v in value.split(",") if v.strip()]


def markdown_to_article(text: str, *, source: str) -> Article:
    front, body = _front_matter(text.replace("\r\n", "\n"))
    parts = [(kind, " ".join(content.split())) for kind, content in _markdown_parts(body)]
    parts = [(kind, content) for kind, content in parts if content]
    if not parts:
        raise IngestError("empty text")
    title_value = front.get("title")
    title = title_value if isinstance(title_value, str) else ""
    if parts[0][0] == "heading" or (not title and is_title_like(parts[0][1], 20) and len(parts) > 1):
        title = title or parts[0][1]
        if parts[0][1] == title:
            parts = parts[1:]
    if title:
        parts.insert(0, ("title", title))
    date_value = front.get("date") or front.get("published")
    metadata = Metadata(
        title=title,
        authors=tuple(_as_list(front.get("author") or front.get("authors"))),
        published=normalise_date(date_value) if isinstance(date_value, str) else None,
        publisher=str(front.get("publisher") or front.get("source") or ""),
        tags=tuple(_as_list(front.get("tags") or front.get("keywords"))),
        url=str(front.get("url") or ""),
    )
    return _article(parts, source=source, kind="markdown", metadata=metadata)
