"""Names joined by "and", "or" or a list's commas name things of one kind: the surest member's type, read from the
shape of its words, is given to the bare names beside it (:func:`coordinated`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate, name_key
from models.analysis.entity_junk import word_counts
from models.analysis.entity_types import (
    CORPORATE_SUFFIXES,
    ORG_HEADS,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    WEB_DOMAIN,
    is_title_word,
)
from models.analysis.known_names import KNOWN_ORGANISATIONS

_COORDINATOR = re.compile(r"(?:,\s+|,?\s+(?:and|or|&)\s+)$")
# A plural noun of places after the last of coordinated names, the head they share ("the Tilba and Moro lakes").
_PLACES_AFTER = re.compile(
    r"\s(?:lakes|rivers|districts|islands|streets|avenues|mountains|valleys|counties|provinces|regions|villages|"
    r"neighbou?rhoods|bays|beaches|squares|quarters|suburbs|boroughs|creeks|peaks)\b"
)
_COMPANY_WORDS = frozenset(
    """holdings industries international systems technologies motors enterprises brands partners capital
    entertainment studios pictures productions films records media networks communications labs ventures
    pharmaceuticals interactive""".split()
)


def _personal(words: Sequence[str], counts: Counter[str]) -> bool:
    """Words shaped like a personal name, none of which the text also writes in lower case ("Best Buy", "Air
    Berlin" are not: "best", "air" are words of the language)."""
    return all(_PERSONAL_WORD.match(w) and not counts[w.lower()] for w in words) and not is_title_word(words[0])


def _rank(c: Candidate, full_people: set[str], counts: Counter[str]) -> int:
    """How sure a candidate's own type is, from its shape: 2 = its words say it (a full personal name, "… Inc.",
    "… Street"), 1 = a place the model found, 0 = a bare word or a name without a mark of its kind."""
    words = c.text.split()
    lower = [w.lower() for w in words]
    if c.source in ("context", "epithet", "storm", "taxon"):
        return 2  # already typed by the words around it, or by its own ("Theodore the Sanctified")
    if c.type == "ORGANIZATION":
        marked = (name_key(c.text) in KNOWN_ORGANISATIONS or "&" in c.text or WEB_DOMAIN.search(c.text)
                  or len(words) > 1 and any(
            w.isupper() for w in words) or any(w in ORG_HEADS or w in CORPORATE_SUFFIXES or w in _COMPANY_WORDS
                                               for w in lower))
        return 2 if marked else 0
    if c.type == "PERSON":
        if len(words) >= 2 and _personal(words, counts):
            return 2
        return 2 if c.text in full_people else 0
    if c.type == "PLACE":
        if len(words) >= 2 and (lower[0] in PLACE_FIRST_WORDS or lower[-1] in PLACE_LAST_WORDS):
            return 2
        return 0 if c.weak else 1
    return -1


def _whole(c: Candidate, text: str) -> bool:
    """The mention is a whole noun phrase, not a modifier glued to a word ("Chicago-based", "Acme's")."""
    after = text[c.end : c.end + 1]
    return not (after.isalnum() or after in "-–'’" and after != "") and text[c.start - 1 : c.start] not in ("-", "–")


_PERSONAL_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þa-zß-ÿ][a-zß-ÿ'’]+)?$|^[A-Z]\.$")


def coordinated(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Names joined by "and", "or" or a list's commas name things of one kind ("Tempe, Mesa and Chandler", "Ann
    Lee and Bo Park"): when the surest member's type is clear (a full personal name, a name with an organisation's
    or a place's word, then a place the model found), bare names of another type in the list take it, in every
    mention."""
    counts = word_counts(text)
    full_people: set[str] = set()
    for c in candidates:
        words = c.text.split()
        if c.type == "PERSON" and len(words) >= 2:
            full_people.update(w for w in (words[0], words[-1]) if w[:1].isupper())
    scored = ("PERSON", "ORGANIZATION", "PLACE")
    chains: list[list[Candidate]] = []
    joined = False
    for c in sorted(candidates, key=lambda c: c.start):
        prev = chains[-1][-1] if chains else None
        gap = text[prev.end : c.start] if prev is not None and prev.end <= c.start else None
        if prev is not None and gap is not None and len(gap) <= 7 and _COORDINATOR.fullmatch(gap) \
                and c.type in scored and prev.type in scored and _whole(c, text):
            chains[-1].append(c)
            joined = joined or not gap.strip() == ","
            continue
        if chains and len(chains[-1]) >= 2 and not joined:
            chains.pop()  # commas only: "Paris, France", "Smith, Acme"
        chains.append([c])
        joined = False
    if chains and len(chains[-1]) >= 2 and not joined:
        chains.pop()
    retyped: dict[tuple[str, str], str] = {}
    for chain in chains:
        if len(chain) < 2 or len({m.type for m in chain}) < 2:
            continue
        if not all(_whole(m, text) for m in chain):
            continue
        ranks = [(_rank(m, full_people, counts), m) for m in chain]
        top = max(r for r, _ in ranks)
        kinds = {m.type for r, m in ranks if r == top}
        if top < 1 or len(kinds) != 1:
            continue
        kind = kinds.pop()
        for r, m in ranks:
            if r == 0 and m.type != kind and (m.type != "ORGANIZATION" or kind != "PERSON"
                                              or _personal(m.text.split(), counts)):
                retyped[(m.text, m.type)] = kind
    if not retyped:
        return list(candidates)
    return [replace(c, type=retyped[(c.text, c.type)], source="coordination") if (c.text, c.type) in retyped
            else c for c in candidates]


def places_by_shared_head(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Names joined by "and" or "or" before a plural noun of places, the head they share ("the Tilba and Moro lakes",
    "the Elda, Vorn and Kessel districts"), are places, whatever the model called each, in every mention."""
    if not _PLACES_AFTER.search(text):
        return list(candidates)
    ordered = sorted(candidates, key=lambda c: c.start)
    places: set[str] = set()
    run: list[Candidate] = []
    joined = False
    for c in [*ordered, None]:
        prev = run[-1] if run else None
        gap = text[prev.end : c.start] if c is not None and prev is not None and prev.end <= c.start else None
        if c is not None and gap is not None and len(gap) <= 7 and _COORDINATOR.fullmatch(gap):
            run.append(c)
            joined = joined or gap.strip() != ","
            continue
        if len(run) >= 2 and joined and _PLACES_AFTER.match(text, run[-1].end) and all(_whole_words(m) for m in run):
            places.update(m.text for m in run)
        run = [c] if c is not None else []
        joined = False
    if not places:
        return list(candidates)
    return [replace(c, type="PLACE", source="shared head") if c.text in places and c.type != "PLACE" else c
            for c in candidates]


def _whole_words(c: Candidate) -> bool:
    """A name of capitalised words, not a phrase the model took in with lower-case words."""
    return all(w[:1].isupper() for w in c.text.split())
