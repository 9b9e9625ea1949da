"""Texts written in lower case by habit — forum posts, chat, comments ("so i've been at a small studio in dundee …")
— where a capital tells nothing: a name the text also writes in lower case is still a name, and its lower-case
occurrences are mentions of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate
from models.analysis.given_names import given_names
from models.analysis.repeats import Coverage
from models.analysis.world_cities import world_cities
from models.analysis.world_places import world_places

# The pronoun "i" in lower case, and a sentence or a line begun in lower case.
_LOWER_I = re.compile(r"(?<![\w'’-])i(?:['’](?:m|ve|d|ll)|(?= (?:am|was|have|had|think|know|guess|mean|dont|don't)\b))")
_SENTENCE_START = re.compile(r"(?:^|(?<=[a-z]{2}[.!?]) +)([A-Za-z])(?=[a-z'’]*[ ,])", re.MULTILINE)
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])(?:Inc|Corp|Ltd|Mrs|Bros|etc|vs|approx|Jr|Sr|Gov|Sen|Rep|Gen|Col|Capt|"
                                  r"Prof|Dept|Univ|Ave|Blvd|Rd|No|Nos|Vol|Fig|ca)\. +\Z")
# Countries written in letters that are also words ("us", "la") are left out; these few are not.
_LOWER_COUNTRIES = {"uk": "UK", "usa": "USA"}


def casual_case(text: str) -> bool:
    """The text writes in lower case by habit: "i'm", "i've" twice or more, or a third of its sentences (of six or
    more) begun in lower case."""
    if len(_LOWER_I.findall(text, 0, 200_000)) >= 2:
        return True
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text, 0, 200_000)
              if not _ABBREVIATION_BEFORE.search(text, max(0, m.start() - 8), m.start() + 1)]
    return len(starts) >= 6 and 3 * sum(s.islower() for s in starts) >= len(starts)


def lower_case_mentions(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """In a text written in lower case by habit: the lower-case occurrences of the places and organisations found
    capitalised ("Ubisoft" … "ubisoft"; not a person's name, as often a word: "Will" … "i will"), and the countries
    and cities written in lower case ("canada", "dundee", "uk"), as mentions; ``candidates`` unchanged in any other
    text."""
    if not casual_case(text):
        return list(candidates)
    kinds: dict[str, str] = {}
    for c in candidates:  # not a person's name: "will", "mark", "rose" in lower case are words of the language
        if c.type in ("ORGANIZATION", "PLACE") and not c.weak and len(c.text) >= 3 \
                and c.text[:1].isupper() and not c.text.isupper() and c.text not in given_names():
            kinds.setdefault(c.text.lower(), c.type)
    places = world_places() | world_cities()
    coverage = Coverage(len(text), candidates)
    added = []
    for m in _LOWER_WORDS.finditer(text):
        word = m.group()
        kind = kinds.get(word)
        name = word
        if kind is None:
            name = _LOWER_COUNTRIES.get(word) or word.title()
            kind = "PLACE" if (word in _LOWER_COUNTRIES or len(word) >= 4 and name in places) else None
        before = _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start())
        article = before.group().split()[0] if before else ""
        if kind and word not in _LOWER_COUNTRIES and before and (name != word or article in ("a", "an")):
            continue  # "an apple", "a bath": a word of the language, not "Apple" or "Bath"
        if kind and not coverage.overlaps(m.start(), m.end()):
            added.append(Candidate(m.start(), m.end(), word, kind, weak=True, source="repeated"))
            coverage.add(m.start(), m.end())
    if not added:
        return list(candidates)
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end))


_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:a|an|the|my|your|his|her|our|their|its|this|that|some|any|no|"
                                r"every|each)\s+\Z")
_LOWER_WORDS = re.compile(r"(?<![\w@/'’.-])[a-z][a-z'’-]{1,30}(?![\w@/'’-]|\.\w)")
