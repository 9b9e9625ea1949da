"""Blocks the extractor keeps but a reader skips: cross-links to other stories, calls to action below the story.

trafilatura chooses the story's container well; what leaks is what sits *inside* it: "Read more: <other story>"
lines between paragraphs and links to other stories under the last one (judged by their shape: how much of the
block is link text, how many words are not, so in any language), and the calls to action and production credits
that close a story page. Each rule here is kept because it helps on both halves of the dev pages
(benchmarks/boilerplate_ablation.py); rules that helped only the pages they were written for were removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
# Calls to action that close a story page: follow, subscribe, write to us, share. English only; they are tried on the
# blocks after the story's last paragraph.
_PROMO = re.compile(
    r"\b(?:sign(?:ing)? up\b|subscribe (?:to|now|today)\b|click here\b|"
    r"follow (?:[\w.@]+ ){1,6}on (?:twitter|facebook|instagram|linkedin|youtube)|"
    r"(?:delivered|straight|right) (?:in|to|into|through) your (?:inbox|letterbox|door)|"
    r"(?:may|can) be reached at\b|have a tip\b|(?:tell us |like to hear )what you think\b|like this story\b|"
    r"share (?:it|this (?:story|article)) with\b|get access to\b|use the code\b|"
    r"listen (?:to (?:[\w.@]+ ){1,4})?(?:live|back|again)\b)",
    re.IGNORECASE,
)
# Production credits under wire copy: "(Reporting by …; Editing by …)", "X contributed reporting from Y".
_CREDIT = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing) by\b|\bcontributed (?:reporting|to this report)\b",
    re.IGNORECASE,
)
_PROMO_WORDS = 80  # a longer block is story text even when it says "sign up"
_NOTE = re.compile(r"^(?:\[\d+\]|\d+[.)]\s)")
_ADDRESS = re.compile(r"://|\bwww\.|@\w", re.IGNORECASE)


@dataclass
class Candidate:
    """A block as the extractor produced it, with what the rules need to judge it."""

    kind: str
    text: str
    linked: int = 0  # characters of ``text`` inside links
    whole: bool = True  # an element of its own, not text between two blocks of its parent

    @property
    def link_share(self) -> float:
        size = len(self.text.strip())
        return self.linked / size if size else 0.0


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_cross_link(block: Candidate) -> bool:
    """A headline linking to another page behind at most a short label ("Read more:", "Also on …").

    Not a sentence that happens to be a link ("Get more ideas here!"), a note ("[2] Journal of …"), a bare address
    or a handle ("Account: @name"): a headline has a few words of its own and no full stop.
    """
    if not block.whole or block.kind not in ("paragraph", "heading", "list-item") or block.linked == 0:
        return False
    text = block.text.strip()
    if text.endswith((".", "!")) or _NOTE.match(text) or _ADDRESS.search(text):
        return False
    words = _words(text)
    linked = round(words * block.link_share)  # only the share is known: estimate linked words from it
    return words <= 40 and block.link_share >= 0.6 and linked >= 4 and words - linked <= max(4, words // 5)


def _is_coda(block: Candidate) -> bool:
    text = block.text.strip()
    return (
        block.kind != "list-item"
        and _words(text) <= _PROMO_WORDS
        and (_PROMO.search(text) is not None or _CREDIT.search(text) is not None)
    )


_LABEL_WORDS = 2  # a line this short without a sentence's end is a label, not the story's last line
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'", ")", "]", "»")
# The lines a page prints under a story, whatever the site: when it was published or updated, "Label: value" lines
# (filed under, tags, source, a guide), the copyright, the title of a box of other stories ("You may also like…"), a
# shortcode the site failed to render ("[button …]…[/button]").
_STAMP = re.compile(
    r"^(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?\s*(?::|\d|(?:mon|tue|wed|thu|fri|sat|sun)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(r"^[A-Z][\w'’]*(?: [\w'’]+){0,2}: \S")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_BOX_TITLE = re.compile(r"^(?:you (?:may|might) also (?:like|enjoy)|recommended for you|more (?:stories|news)\b)",
                        re.IGNORECASE)
_SHORTCODE = re.compile(r"^\[(\w+)\b[^\]]*\].*\[/\1\]$")
_LINE_WORDS = 12


def _is_tail_label(block: Candidate) -> bool:
    """A line that cannot close a story: a heading (its section is gone), or a few words without a sentence's end
    ("Tag: name", "Comments", "Related Roundup: X")."""
    text = block.text.strip()
    if block.kind == "heading":
        return True
    if block.kind == "list-item":
        return False
    if _words(text) <= _LABEL_WORDS and not text.endswith(_SENTENCE_END):
        return True
    if _SHORTCODE.match(text):
        return True
    if _words(text) > _LINE_WORDS:
        return False
    return (
        _STAMP.match(text) is not None
        or _COPYRIGHT.match(text) is not None
        or _BOX_TITLE.match(text) is not None
        or _LABEL_LINE.match(text) is not None and not _ends_sentence(text)
    )


def _ends_sentence(text: str) -> bool:
    """The line ends with a sentence's mark, before any closing quote, bracket or bar."""
    return text.rstrip(")]\"'”’» |").endswith((".", "!", "?", "…"))


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DAY_OR_TIME = re.compile(r"\b\d{1,2}(?:[:h.]\d\d)?\b")
_DATE_WORDS = 10


def _is_head_label(block: Candidate) -> bool:
    """A line above the story's first paragraph that is no part of it: a date and time ("sexta-feira, 22 de outubro de
    2010 às 20:13"), a stamp ("Updated: …") or a "Label: value" line ("Reading time: 2 minutes")."""
    text = block.text.strip()
    if block.kind not in ("paragraph", "heading") or _words(text) > _LINE_WORDS:
        return False
    if _ends_sentence(text):
        return False
    if _words(text) <= _DATE_WORDS and _YEAR.search(text) and _DAY_OR_TIME.search(_YEAR.sub("", text)):
        return True
    return _STAMP.match(text) is not None or _LABEL_LINE.match(text) is not None


def drop_boilerplate(blocks: list[Candidate]) -> list[Candidate]:
    """The blocks without cross-links, and without the calls to action, credits and labels that close the story."""
    drop = [_is_cross_link(block) for block in blocks]
    # Below the story: calls to action and credits ("Follow X on Twitter", "(Reporting by …)"), and the headings and
    # labels of boxes whose content the extractor removed.
    end = len(blocks)
    while end > 1 and (drop[end - 1] or _is_coda(blocks[end - 1]) or _is_tail_label(blocks[end - 1])):
        end -= 1
    drop[end:] = [True] * (len(blocks) - end)
    # Above it, below the headline: date lines, stamps and labels ("Reading time: 1 minute").
    start = 1 if blocks and blocks[0].kind == "heading" else 0
    while start < end and (drop[start] or _is_head_label(blocks[start])):
        drop[start] = True
        start += 1
    kept = [block for block, dropped in zip(blocks, drop, strict=True) if not dropped]
    return kept if any(b.kind != "heading" for b in kept) else blocks
