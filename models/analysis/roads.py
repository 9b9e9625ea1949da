"""Roads named by their numbers ("the A19", "the M62", "I-580", "US 169", "Route 66"), which the small model calls
organisations or products or does not see at all: where the sentence speaks of roads, each is a place.

A code alone says little ("the M1" is a motorway or a chip, "the A380" an airliner), so one is a road only where its
sentence has a word of roads ("motorway", "junction", "exit", "northbound" …), a direction follows it ("the A64 east
to Scarborough") or it is listed with another road's code ("the A1 and the A19"; "The A350 order … the A350" is one
aircraft twice); never beside the name of a thing
("the M1 chip", "an A4 sheet", "vitamin B12") or after a maker's ("Airbus A380", "Audi A4").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate

from models.analysis.aliases import Candidate

# British and European numbered roads ("A64", "M62", "A1(M)", "B1228"), American ones ("I-580", "US 169", "SR 51")
# and the named kinds with a number ("Route 66", "Interstate 95", "Hwy 51").
_CODE = (r"(?:[ABM]\d{1,4}(?:\(M\))?|I-\d{1,3}|(?:US|SR)[- ]\d{1,3}"
         r"|(?:Route|Interstate|Highway|Hwy|State Route) \d{1,3}[A-Z]?)")
_CODE_AT = re.compile(rf"(?<![\w'’./-]){_CODE}(?![\w'’/-]|\.\d)")
_WHOLE_CODE = re.compile(rf"{_CODE}\Z")
# Two roads' codes side by side: "the A1 and the A19", "the A59, the M62", "I-244, I-44".
_PAIR = re.compile(rf"(?<![\w'’./-])({_CODE})(?:,| and| or| &)\s{{1,3}}(?:the\s{{1,3}})?({_CODE})(?![\w'’/-])")
# Words of roads and of travelling on them, said in the code's sentence.
_ROAD_WORDS = re.compile(
    r"\b(?:motorways?|highways?|freeways?|expressways?|interstates?|roads?|junctions?|exits?|bypass|roundabouts?|"
    r"carriageways?|driving|drivers|(?:north|south|east|west)bound)\b",
    re.IGNORECASE,
)
# A direction right after the code: "the A64 east to Scarborough".
_DIRECTION_AFTER = re.compile(r"\s{1,3}(?:north|south|east|west)\b")
# Things that go by codes: the name of one right after a code is that thing's ("the M1 chip", "an A4 sheet"), and one
# said in the sentence makes two codes side by side two things ("ordered the A350 and the A380 for its fleet").
_THING_WORDS = (r"chips?|processors?|jets?|aircraft|airliners?|planes?|tanks?|cars?|models?|engines?|cameras?|"
                r"phones?|sizes?|vitamins?")
_THING_AFTER = re.compile(
    rf"\s{{1,3}}(?:{_THING_WORDS}|Bionic|Pro|Max|Ultra|paper|sheets?|format|envelopes?|rifles?|bombers?|fighters?)\b",
    re.IGNORECASE,
)
_THINGS = re.compile(rf"\b(?:{_THING_WORDS}|fleets?|orders?|airlines?|Airbus|Boeing)\b", re.IGNORECASE)
# A word right before a code that makes it a thing's: "vitamin B12", "size A4", "a grade B2 listing".
_THING_BEFORE = re.compile(r"(?:vitamin|size|grade|type|class|group|level|model|flight|version)\s{1,3}\Z",
                           re.IGNORECASE)
# Capitalised words that may stand right before a road's code: any other is a maker's name ("Airbus A380", "Audi A4",
# "BMW M3") or part of a name the code belongs to.
_BEFORE_A_ROAD = frozenset({"The", "On", "Onto", "Via", "Take", "From", "To", "Off", "Along", "Join", "And", "Or",
                            "Use", "Follow", "Exit", "At", "Near", "Leave", "Cross", "Past", "Beyond"})
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)\s{1,3}\Z")
_SENTENCE_END = re.compile(r"[.!?](?:\s|\Z)|\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``[start, end)``, looked for at most 200 characters each way."""
    left = max(0, start - 200)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    after = _SENTENCE_END.search(text, end, end + 200)
    return left, after.start() if after else min(len(text), end + 200)


def _no_thing(text: str, start: int, end: int) -> bool:
    """No thing's name beside the code at ``[start, end)``: no "chip" after it, no "vitamin" or maker before it."""
    before = text[max(0, start - 24) : start]
    maker = _WORD_BEFORE.search(before)
    return not (_THING_AFTER.match(text, end) or _THING_BEFORE.search(before)
                or maker and maker.group(1) not in _BEFORE_A_ROAD)


def _road_at(text: str, start: int, end: int) -> bool:
    """The code at ``[start, end)`` names a road: its sentence speaks of roads or names another road's code, and
    no thing's name follows it."""
    if not _no_thing(text, start, end):
        return False
    left, right = _sentence(text, start, end)
    if _ROAD_WORDS.search(text, left, right) or _DIRECTION_AFTER.match(text, end):
        return True
    if _THINGS.search(text, left, right):
        return False
    return any(m.start() <= start and end <= m.end() and m.group(1) != m.group(2)
               for m in _PAIR.finditer(text, max(left, start - 40), min(right, end + 40)))


def roads(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with every road code typed PLACE (source "road") when one of its mentions is in a sentence about
    roads (the text names one road by one code: "the M1 northbound to junction 32" makes "the upper reaches of the M1"
    the motorway too), and the mentions of those roads the model did not see, or saw only a part of ("US" of "US
    169"), added."""
    found = list(_CODE_AT.finditer(text))
    named = {m.group() for m in found if _road_at(text, m.start(), m.end())}
    if not named:
        return list(candidates)
    out = sorted((replace(c, type="PLACE", weak=False, source="road")
                  if c.type != "PLACE" and c.text in named and _no_thing(text, c.start, c.end) else c
                  for c in candidates), key=lambda c: (c.start, c.end))
    starts = [c.start for c in out]
    reach = list(accumulate((c.end for c in out), max))  # the furthest end of the candidates up to each one
    dropped: set[int] = set()
    added: list[Candidate] = []
    for m in found:
        if m.group() not in named or not _no_thing(text, m.start(), m.end()):
            continue
        first, last = bisect_left(starts, m.start()), bisect_left(starts, m.end())
        if first and reach[first - 1] > m.start() or any(out[i].end > m.end() for i in range(first, last)) \
                or any(out[i].end - out[i].start == m.end() - m.start() for i in range(first, last)):
            continue  # the code is found already, or is part of a longer name
        dropped.update(range(first, last))  # "US" of "US 169": the road's
        added.append(Candidate(m.start(), m.end(), m.group(), "PLACE", source="road"))
    out = [c for i, c in enumerate(out) if i not in dropped] + added
    return sorted(out, key=lambda c: (c.start, c.end))
