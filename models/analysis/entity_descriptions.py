"""What the article itself says an entity is: "Russian Foreign Minister Sergey Lavrov" → "Russian foreign minister",
"Prime Minister Shinzo Abe" → "prime minister", "Vladimir Putin, Russia's president," → "Russia's president".

Titles written before a name and appositives written after it, read with a small lexicon of offices; the most
specific description the article gives (nationality and office) wins, the most frequent on a tie. Pure Python,
no Qt: the Entities panel shows it under the selected entity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models.analysis.types import Entity

OFFICES = (
    "prime minister", "deputy prime minister", "foreign minister", "defence minister", "defense minister",
    "finance minister", "interior minister", "minister", "vice minister", "vice-minister", "president",
    "vice president", "vice-president", "chancellor", "secretary of state", "secretary-general", "secretary general",
    "secretary", "ambassador", "governor", "mayor", "senator", "representative", "king", "queen", "prince",
    "princess", "emperor", "pope", "chairman", "chairwoman", "chair", "chief executive", "ceo", "director",
    "spokesman", "spokeswoman", "spokesperson", "general", "admiral", "commander", "leader", "premier",
    "counterpart", "envoy", "diplomat", "negotiator", "lawmaker", "judge", "justice", "professor", "economist",
    "analyst", "correspondent", "editor", "founder", "chief cabinet secretary", "cabinet secretary",
)
_OFFICE = "|".join(sorted((re.escape(o) for o in OFFICES), key=len, reverse=True))
# Up to two qualifying words (a nationality, "former", "then") before the office, all right before the name.
_BEFORE = re.compile(
    rf"(?:(?P<qual>(?:[A-Z][\w’'\-]+|(?i:former|then|acting|deputy|senior|chief|top))\s+){{0,2}}?)"
    rf"(?P<office>(?i:{_OFFICE}))\s+$"
)
_AFTER = re.compile(
    rf"^,\s+(?P<desc>(?:(?i:the|a|an)|[A-Z][\w’'\-]+’s|[A-Z][\w’'\-]+'s)?\s*(?:[\w’'\-]+\s+){{0,3}}?"
    rf"(?i:{_OFFICE})(?:\s+of\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?)\s*[,.;]"
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_FILLER = {"his", "her", "their", "its", "the", "a", "an", "and"}
# Words a sentence opens with, capitalised there, that qualify no office: "When President Trump's advisers …" is
# a president, not a "When president".
_OPENERS = frozenset(
    """
    when while as after before since until if unless because although though but and or so yet then now also
    even only once where whereas with without for from under over during meanwhile still today yesterday later
    earlier in on at by of to that this these those there here what who how why both either neither not
    """.split()
)


def describe_entities(text: str, entities: Sequence[Entity]) -> dict[tuple[str, str], str]:
    """(name, type) → description, for the people (and organisations' heads) the article describes."""
    out: dict[tuple[str, str], str] = {}
    for entity in entities:
        if entity.type != "PERSON" or entity.role == "author":
            continue
        found: Counter[str] = Counter()
        for mention in entity.mentions:
            for desc in _descriptions_at(text, mention.start, mention.end):
                found[desc] += 1
        if found:
            out[(entity.name, entity.type)] = max(found, key=lambda d: (_specificity(d), found[d], -len(d)))
    return out


def _descriptions_at(text: str, start: int, end: int) -> list[str]:
    out: list[str] = []
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 80):start]
    m = _BEFORE.search(before)
    if m:
        words = (m.group("qual") or "").split()
        opener = max((i for i, w in enumerate(words) if w.lower() in _OPENERS and w[:1].isupper()), default=-1)
        qual = [w for w in words[opener + 1 :] if w.lower() not in _FILLER]
        office = m.group("office").lower()
        out.append(" ".join([*(_qualifier(w) for w in qual), office]))
    line_end = text.find("\n", end)
    after = text[end: (line_end if line_end >= 0 else len(text))][:90]
    m = _AFTER.match(after)
    if m:
        desc = _ARTICLE.sub("", " ".join(m.group("desc").split()))
        words = desc.split()
        out.append(" ".join(w if w[:1].isupper() and i == 0 or "’s" in w or "'s" in w else w.lower()
                            for i, w in enumerate(words)))
    return [d for d in out if d]


def _qualifier(word: str) -> str:
    """A nationality keeps its capital ("Russian"); "Former" at a sentence start does not."""
    low = word.lower()
    if low in {"former", "then", "acting", "deputy", "senior", "chief", "top"}:
        return low
    return word


def _specificity(desc: str) -> int:
    words = desc.split()
    score = len(words)
    if words and words[0][:1].isupper():
        score += 2  # a nationality or a country names whose office it is
    if words and words[-1].lower() == "counterpart":
        score -= 2  # "his Russian counterpart" says less than "Russian foreign minister"
    return score
