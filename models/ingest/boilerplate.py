"""Blocks the extractor keeps but a reader skips: cross-links to other stories, related-story lists, label orphans.

trafilatura chooses the story's container well; what leaks is what sits *inside* it: "Read more: <other story>"
lines between paragraphs, lists of links under the last paragraph, the "DON'T MISS" label of a link box. These
rules look at the shape of a block (how much of it is link text, how many words are not) rather than at its words,
so they hold in any language. One rule works on the page before extraction: hover cards (a picture and links
about a person, hidden until the pointer rests on a name) sit inside the sentence they belong to and would be read
as part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

_WORD = re.compile(r"\w+", re.UNICODE)
_LINKED_PAGE = 0.4
# Calls to action that close a story page: follow, subscribe, write to us, share. English only; they are tried on the
# blocks after the story's last paragraph, and anywhere on a short block that names a newsletter.
_PROMO = re.compile(
    r"\b(?:sign(?:ing)? up\b|subscribe (?:to|now|today)\b|click here\b|"
    r"follow (?:[\w.@]+ ){1,6}on (?:twitter|facebook|instagram|linkedin|youtube)|"
    r"(?:delivered|straight|right) (?:in|to|into|through) your (?:inbox|letterbox|door)|"
    r"(?:may|can) be reached at\b|have a tip\b|(?:tell us |like to hear )what you think\b|like this story\b|"
    r"share (?:it|this (?:story|article)) with\b|get access to\b|use the code\b)",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(r"\bnewsletters?\b", re.IGNORECASE)
# Production credits under wire copy: "(Reporting by …; Editing by …)", "X contributed reporting from Y".
_CREDIT = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing) by\b|\bcontributed (?:reporting|to this report)\b",
    re.IGNORECASE,
)
_PROMO_WORDS = 80  # a longer block is story text even when it mentions a newsletter
_STORY_WORDS = 25  # a paragraph this long is story text: the page's head is above it
_NOTE = re.compile(r"^(?:\[\d+\]|\d+[.)]\s)")
_ADDRESS = re.compile(r"://|\bwww\.|@\w", re.IGNORECASE)


@dataclass
class Candidate:
    """A block as the extractor produced it, with what the rules need to judge it."""

    kind: str
    text: str
    linked: int = 0  # characters of ``text`` inside links
    group: int = 0  # the list or table a list item belongs to (0: none)
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


def _link_list_groups(blocks: list[Candidate]) -> set[int]:
    """Lists whose every item is a short link: related stories, "more from this section"."""
    items: dict[int, list[Candidate]] = {}
    for block in blocks:
        if block.kind == "list-item" and block.group:
            items.setdefault(block.group, []).append(block)
    return {
        group
        for group, members in items.items()
        if len(members) >= 2 and all(m.link_share >= 0.9 and _words(m.text) <= 20 for m in members)
    }


def _is_label(block: Candidate) -> bool:
    """A short line with no sentence in it: the title of a box ("DON'T MISS", "Related stories")."""
    text = block.text.strip()
    return _words(text) <= 4 and not text.endswith((".", "!", "?", "…", '"', "”"))


def _is_orphan_label(block: Candidate, previous: Candidate) -> bool:
    if block.kind == "list-item" or not _is_label(block):
        return False
    text = block.text.strip()
    return text.endswith((":", "|")) or _same_text(block, previous)


def _is_coda(block: Candidate) -> bool:
    text = block.text.strip()
    return (
        block.kind != "list-item"
        and _words(text) <= _PROMO_WORDS
        and (_PROMO.search(text) is not None or _CREDIT.search(text) is not None)
    )


def _is_newsletter_box(block: Candidate) -> bool:
    text = block.text
    return _words(text) <= 50 and _NEWSLETTER.search(text) is not None and _PROMO.search(text) is not None


def _same_text(block: Candidate, other: Candidate) -> bool:
    return block.text.strip().casefold() == other.text.strip().casefold()


def _headline_repeats(blocks: list[Candidate], headlines: set[str]) -> list[bool]:
    """The page's headline(s) above the story: the article's title block already carries the headline."""
    found = [False] * len(blocks)
    for i, block in enumerate(blocks):
        if block.kind == "paragraph" and _words(block.text) >= _STORY_WORDS:
            break
        found[i] = block.text.strip().casefold() in headlines
    return found


def drop_boilerplate(blocks: list[Candidate], headlines: set[str] | frozenset[str] = frozenset()) -> list[Candidate]:
    """``headlines``: the page's own headlines (its ``<h1>`` texts), casefolded."""
    drop = _headline_repeats(blocks, set(headlines))
    size = sum(len(b.text) for b in blocks)
    if not size or sum(b.linked for b in blocks) / size <= _LINKED_PAGE:  # else the links are the content (deals)
        link_lists = _link_list_groups(blocks)
        for i, block in enumerate(blocks):
            drop[i] = drop[i] or (block.kind == "list-item" and block.group in link_lists) or _is_cross_link(block)
    drop = [dropped or _is_newsletter_box(block) for block, dropped in zip(blocks, drop, strict=True)]
    # The label of a dropped box or headline goes with it ("DON'T MISS", "Review").
    for i in range(len(blocks) - 1):
        if drop[i + 1] and not drop[i] and _is_label(blocks[i]) and blocks[i].linked == 0:
            drop[i] = True
    # Below the story: calls to action, credits, and labels whose box the extractor removed ("You may also like:",
    # "Filed under: X |", "Comments" twice).
    end = len(blocks)
    while end > 1 and (
        drop[end - 1] or _is_orphan_label(blocks[end - 1], blocks[end - 2]) or _is_coda(blocks[end - 1])
    ):
        end -= 1
        if end > 1 and _same_text(blocks[end], blocks[end - 1]):
            end -= 1
    drop[end:] = [True] * (len(blocks) - end)
    kept = [block for block, dropped in zip(blocks, drop, strict=True) if not dropped]
    return kept if any(b.kind != "heading" for b in kept) else blocks


def drop_hover_cards(tree: lxml_html.HtmlElement) -> None:
    """Remove, inside paragraphs, the smallest span holding a picture and two or more links with little else."""
    cards = set()
    for image in tree.xpath("//p//img"):
        card = next((span for span in image.iterancestors("span") if len(span.xpath(".//a")) >= 2), None)
        if card is None or card in cards:
            continue
        text = " ".join(card.text_content().split())
        linked = sum(len(" ".join(a.text_content().split())) for a in card.iter("a"))
        if text and len(text) < 1000 and linked >= 0.8 * len(text):
            cards.add(card)
    for card in cards:
        # Take the card's empty wrappers too: the extractor drops an empty element with the sentence after it.
        while (parent := card.getparent()) is not None and parent.tag == "span" and len(parent) == 1:
            if (parent.text or "").strip():
                break
            card = parent
        card.drop_tree()
