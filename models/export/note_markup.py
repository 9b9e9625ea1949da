"""Notes are the reader's Markdown; article text is literal. Both leave Newsdesk unable to run anything.

A note may hold anything pasted from the web (``<script>``, ``<img onerror=…>``, ``[x](javascript:…)``); an exported
file is opened in browsers, Obsidian and PDF viewers that would honour it. Notes keep their Markdown (emphasis,
lists, links to the web) but never raw HTML or a link whose scheme is not http, https or mailto.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto and scheme-less (relative or fragment) addresses, after undoing the tricks
    browsers forgive: entities, backslash escapes, invisible characters and mixed case."""
    probe = _INVISIBLE.sub("", html.unescape(url).replace("\\", ""))
    m = _SCHEME.match(probe)
    if m is None:
        return ":" not in probe.split("/", 1)[0]
    return m.group(1).lower() in SAFE_SCHEMES


# -- Markdown out --------------------------------------------------------------------------------------------

_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_DEST = re.compile(r"(\]\(\s*)(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))+)")
_REF_DEF = re.compile(r"^( {0,3}\[[^\]\n]+\]:\s*)(<[^>\n]*>|\S+)", re.MULTILINE)


def safe_markdown(note: str) -> str:
    """The note as Markdown that renders without raw HTML and without unsafe links (code is left as written)."""
    return outside_code(note.replace("\r\n", "\n").replace("\r", "\n"), _defuse_inline)


def outside_code(markdown: str, transform: Callable[[str], str]) -> str:
    """``markdown`` with ``transform`` applied to its prose only: fenced code blocks and code spans stay as
    written (a transform never sees a fence or a backtick run)."""
    out: list[str] = []
    fence: str | None = None
    prose: list[str] = []

    def flush() -> None:
        if prose:
            out.append(_outside_code_spans("\n".join(prose), transform))
            prose.clear()

    for line in markdown.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            flush()
            fence = m.group(1)[0] * 3
            out.append(line)
        elif fence is not None:
            out.append(line)
            if line.strip().startswith(fence):
                fence = None
        else:
            prose.append(line)
    flush()
    return "\n".join(out)


def _outside_code_spans(text: str, transform: Callable[[str], str]) -> str:
    pieces: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(text):
        pieces += [transform(text[pos : m.start()]), m.group(0)]
        pos = m.end()
    pieces.append(transform(text[pos:]))
    return "".join(pieces)


def _defuse_inline(text: str) -> str:
    # A backslash-escaped "<" is always literal in CommonMark: no HTML block, no inline tag; only autolinks to
    # the web or to a mail address stay.
    text = re.sub(r"(?<!\\)<(?!(?:https?|mailto):[^\s<>\\]*>)", r"\\<", text, flags=re.IGNORECASE)

    def dest(m: re.Match[str]) -> str:
        url = m.group(2).strip("<>").replace("\\<", "<")
        return m.group(1) + (m.group(2) if is_safe_url(url) else "#")

    text = _INLINE_DEST.sub(dest, text)
    return _REF_DEF.sub(dest, text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)


def literal_markdown(text: str) -> str:
    """Text (an article's words) escaped so that Markdown shows it exactly and builds no structure from it."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + re.sub(r"([-+=>.)])", r"\\\1", m.group(2)), text)


# -- HTML out ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")  # an exported page fetches nothing from the web
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    return md


def note_html(note: str) -> str:
    """The note rendered from Markdown: every tag comes from the renderer, none from the note."""
    if not note.strip():
        return ""
    return str(_renderer().render(note))
