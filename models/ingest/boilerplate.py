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
    r"share (?:it|this (?:story|article)) with\b|get access to\b|use the code\b)",
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


def _is_tail_label(block: Candidate) -> bool:
    """A line that cannot close a story: a heading (its section is gone), or a few words without a sentence's end
    ("Tag: name", "Comments", "Related Roundup: X")."""
    text = block.text.strip()
    if block.kind == "heading":
        return True
    return block.kind != "list-item" and _words(text) <= _LABEL_WORDS and not text.endswith(_SENTENCE_END)


def drop_boilerplate(blocks: list[Candidate]) -> list[Candidate]:
    """The blocks without cross-links, and without the calls to action, credits and labels that close the story."""
    drop = [_is_cross_link(block) for block in blocks]
    # Below the story: calls to action and credits ("Follow X on Twitter", "(Reporting by …)"), and the headings and
    # labels of boxes whose content the extractor removed.
    end = len(blocks)
    while end > 1 and (drop[end - 1] or _is_coda(blocks[end - 1]) or _is_tail_label(blocks[end - 1])):
        end -= 1
    drop[end:] = [True] * (len(blocks) - end)
    kept = [block for block, dropped in zip(blocks, drop, strict=True) if not dropped]
    return kept if any(b.kind != "heading" for b in kept) else blocks
