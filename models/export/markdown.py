"""Markdown for Obsidian and other note vaults: YAML front matter, the reader's note, then the highlights.

Front-matter values are written as JSON strings and lists, which every YAML 1.2 parser reads as they are, so a
title with a colon, a quote or a ``#`` never breaks the properties panel. Article words are escaped so they render
literally; notes keep their Markdown minus raw HTML and unsafe links (``note_markup``).
"""

from __future__ import annotations

import json
import re

from models.export.brief import (
    CONFIRMED,
    UNSURE,
    UNSURE_LEGEND,
    any_doubtful,
    brief_changes,
    brief_entities,
    brief_events,
    by_color,
)
from models.export.bundle import (
    ExportBundle,
    ExportOptions,
    article_title,
    article_uri,
    by_article,
    document_title,
    iso_utc,
    legend,
    web_address,
)
from models.export.grouping import group_annotations
from models.export.note_markup import literal_markdown, outside_code, safe_markdown
from models.store.records import Annotation, ColorMeaning, StoredArticle

_IMAGE_START = re.compile(r"!\[")
_REMOTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.\-]*:|//|\\\\)")
_YAML_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff]")
_TAG_UNSAFE = re.compile(r"[^\w/\-]+")


def yaml_value(value: object) -> str:
    """A YAML flow value (JSON syntax), with the characters YAML forbids unescaped turned into escapes."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def front_matter(fields: dict[str, object]) -> str:
    lines = ["---"]
    lines += [f"{key}: {yaml_value(value)}" for key, value in fields.items() if value not in (None, "", [])]
    lines.append("---")
    return "\n".join(lines)


def obsidian_tag(tag: str) -> str:
    """``#tag`` as Obsidian reads it: no spaces or punctuation, and never only digits."""
    clean = _TAG_UNSAFE.sub("-", tag.strip().lstrip("#")).strip("-")
    if not clean:
        return ""
    return "#" + (clean if not clean.isdigit() else f"tag-{clean}")


def quote_block(text: str) -> str:
    """A block quote, one quoted paragraph per block of the canonical text."""
    paragraphs = [literal_markdown(p) for p in text.split("\n") if p.strip()]
    return "\n>\n".join(f"> {p}" for p in paragraphs) or ">"


def highlight_markdown(ann: Annotation, color: ColorMeaning | None, show_color: bool = True) -> str:
    parts = [quote_block(ann.exact)]
    meta: list[str] = []
    if show_color and color is not None:
        meta.append(f"*{literal_markdown(color.meaning or color.key)}*")
    tags = " ".join(t for t in (obsidian_tag(t) for t in ann.tags) if t)
    if tags:
        meta.append(tags)
    if ann.status == "orphan":
        meta.append("(no longer found in the text)")
    if meta:
        parts.append("— " + " · ".join(meta))
    note = safe_markdown(ann.note).strip()
    if note:
        parts.append(note)
    return "\n\n".join(parts)


def article_fields(stored: StoredArticle, exported: str) -> dict[str, object]:
    m = stored.article.metadata
    return {
        "title": article_title(stored),
        "source": m.publisher or web_address(stored),
        "url": article_uri(stored) if article_uri(stored).startswith(("http://", "https://")) else "",
        "published": m.published,
        "authors": list(m.authors),
        "tags": [t.lstrip("#") for t in (obsidian_tag(t) for t in m.tags) if t],
        "exported": exported,
    }


def article_markdown(
    stored: StoredArticle, anns: list[Annotation], bundle: ExportBundle, options: ExportOptions, level: int = 1
) -> str:
    colors = legend(bundle)
    h = "#" * level
    parts = [f"{h} {literal_markdown(article_title(stored))}"]
    if stored.note.strip():
        parts.append(f"{h}# Note\n\n{safe_markdown(stored.note).strip()}")
    groups = group_annotations(anns, options.group_by, colors, bundle.analyses.get(stored.id))
    if groups:
        parts.append(f"{h}# Highlights")
    for group in groups:
        if group.heading:
            parts.append(f"{h}## {literal_markdown(group.heading)}")
        show_color = options.group_by != "color"
        parts += [highlight_markdown(a, colors.get(a.color), show_color) for a in group.annotations]
    return "\n\n".join(parts)


def without_remote_images(markdown: str) -> str:
    """Images from the web in notes (``![i](http://…)``) made into plain links, as the HTML export does: a vault
    that opens the file (Obsidian loads images as it renders) must not call a server that tracks the reader.

    Images by reference (``![i][ref]``) are made links too, whatever the reference names; local images (a relative
    path) stay. Code blocks and code spans are left as written. Article words never form an image: they are
    escaped (``literal_markdown``), so only the reader's notes are touched.
    """
    return outside_code(markdown, _defuse_images)


def _defuse_images(text: str) -> str:
    out: list[str] = []
    pos = 0
    for m in _IMAGE_START.finditer(text):
        start = m.start()
        backslashes = len(text[:start]) - len(text[:start].rstrip("\\"))
        if backslashes % 2 or _is_local_image(text, m.end()):
            continue
        out += [text[pos:start], "\\"]
        pos = start
    out.append(text[pos:])
    return "".join(out)


def _is_local_image(text: str, i: int) -> bool:
    """Whether the image whose alt text starts at ``text[i]`` has an inline destination that is a relative path."""
    depth = 1
    while i < len(text) and depth:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        depth += (ch == "[") - (ch == "]")
        i += 1
    if depth or not text.startswith("(", i):
        return False  # by reference, or not an image at all: a backslash before "!" changes nothing visible
    dest = text[i + 1 :].lstrip(" \t\n")
    dest = dest[1:] if dest.startswith("<") else dest
    return bool(dest) and not dest.startswith(("#", ")", ">")) and not _REMOTE.match(dest)


def render_markdown(bundle: ExportBundle, options: ExportOptions) -> bytes:
    data = _render_markdown(bundle, options)
    if options.keep_remote_images:
        return data
    return without_remote_images(data.decode("utf-8")).encode("utf-8")


def _render_markdown(bundle: ExportBundle, options: ExportOptions) -> bytes:
    if options.brief:
        return render_brief_markdown(bundle, options)
    exported = iso_utc(bundle.exported)
    per_article = by_article(bundle)
    if len(bundle.articles) == 1:
        stored = bundle.articles[0]
        head = front_matter(article_fields(stored, exported))
        body = article_markdown(stored, per_article[stored.id], bundle, options)
        return (head + "\n\n" + body + "\n").encode("utf-8")
    head = front_matter({
        "title": document_title(bundle, options),
        "exported": exported,
        "articles": [article_title(s) for s in bundle.articles],
    })
    sections = [f"# {literal_markdown(document_title(bundle, options))}"]
    for stored in bundle.articles:
        m = stored.article.metadata
        meta = [x for x in (m.publisher, m.published or "", ", ".join(m.authors), article_uri(stored)) if x]
        section = article_markdown(stored, per_article[stored.id], bundle, options, level=2)
        title_line, _, rest = section.partition("\n\n")
        sections.append("\n\n".join(x for x in (title_line, literal_markdown(" · ".join(meta)), rest) if x))
    return (head + "\n\n" + "\n\n".join(sections) + "\n").encode("utf-8")


def _cell(text: str) -> str:
    return literal_markdown(" ".join(text.split()))


def render_brief_markdown(bundle: ExportBundle, options: ExportOptions) -> bytes:
    title = "Brief: " + document_title(bundle, options)
    colors = legend(bundle)
    many = len(bundle.articles) > 1
    parts = [front_matter({"title": title, "exported": iso_utc(bundle.exported),
                           "articles": [article_title(s) for s in bundle.articles]}),
             f"# {literal_markdown(title)}", "## Sources"]
    for s in bundle.articles:
        m = s.article.metadata
        bits = [x for x in (m.publisher, m.published or "", ", ".join(m.authors), article_uri(s)) if x]
        parts.append(f"- **{literal_markdown(article_title(s))}** — {literal_markdown(' · '.join(bits))}")
        if s.note.strip():
            parts.append("\n".join("  " + line for line in safe_markdown(s.note).strip().split("\n")))
    for key, items in by_color(bundle):
        color = colors[key]
        parts.append(f"## {literal_markdown(color.meaning or color.key)}")
        for stored, ann in items:
            block = highlight_markdown(ann, color, show_color=False)
            if many:
                block += f"\n\n*{literal_markdown(article_title(stored))}*"
            parts.append(block)
    entities = brief_entities(bundle)
    events = brief_events(bundle)
    if any_doubtful(entities, events):
        parts.append(f"*{literal_markdown(UNSURE_LEGEND)}*")
    if entities:
        parts.append("## Entities\n\n| Entity | Type | Mentions | Notes |\n| --- | --- | ---: | --- |\n" + "\n".join(
            f"| {_cell(e.name)}{f' *({UNSURE})*' if e.doubtful else ''} | {e.type} | {e.mentions} | "
            f"{' / '.join(_cell(n) for n in e.notes)} |" for e in entities))
    if events:
        lines = [f"- **{_cell(e.when)}**{f' *({UNSURE})*' if e.doubtful else ''}"
                 f"{f' *({CONFIRMED})*' if e.confirmed else ''} "
                 f"({_cell(e.expression)}{', planned' if e.planned else ''}) — "
                 f"{_cell(e.sentence)}" + (f" *({_cell(e.article)})*" if many else "") for e in events]
        parts.append("## Chronology\n\n" + "\n".join(lines))
    changes = brief_changes(bundle)
    if changes:
        parts.append("## Changes since first read")
        for ch in changes:
            head = f"### {literal_markdown(ch.article)}\n\n" if many else ""
            parts.append(f"{head}*From {literal_markdown(ch.first)} to {literal_markdown(ch.last)}.*\n\n"
                         + "\n".join(f"- {literal_markdown(line)}" for line in ch.lines))
    return ("\n\n".join(parts) + "\n").encode("utf-8")
