"""Products in the offer lines of a deals post ("Nintendo Switch Lite with Pokemon Sword or Shield and Case for
$238.99", "30% Off LEGO Star Wars Betrayal at Cloud City Set, Now $243.97"), which the small model reads as people and
places: a title-case line that sells something at a price names goods, so what the model called a person or a place
there is a product (and so is the same name in the post's prose: "your choice of Pokemon Sword or Shield").

A person named in full by a given name stays a person ("Taylor Swift Folklore Vinyl for $20" names the singer), a
place of the world stays a place ("Free Shipping to Canada for $5"), and makers stay organisations: only the model's
other people and places are retyped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.given_names import given_names
from models.analysis.world_cities import world_cities
from models.analysis.world_places import world_places

# A price offered: "for $238.99", "Now $649.99", "(Originally $800)", "35% Off", "Save $31", "Only £20".
_OFFER = re.compile(
    r"(?:\b(?:for|Now|now|Only|only|Just|just)\s{1,3}[$£€]\d|\((?:Originally|Reg\.?|Was|was)\s{1,3}[$£€]\d|"
    r"\b\d{1,2}% (?:Off|OFF)\b|\b(?:Save|SAVE)\s{1,3}[$£€]\d)"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
                          "off", "now", "only", "just", "was", "reg"})
_LONGEST_LINE = 240


def offer_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the title-case lines of ``text`` that offer something at a price (not a sentence of prose: "It
    will start at $44,000." ends in a full stop and is written in lower case)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if len(stripped) <= _LONGEST_LINE and not stripped.endswith(".") and _OFFER.search(stripped):
            words = [w for w in _WORD.findall(stripped) if w.lower() not in _SMALL_WORDS]
            if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
                spans.append((start, end))
        start = end + 1
    return spans


def products_on_offer(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with the people and places the model found in offer lines typed OTHER (source "offer"), with
    every other mention of the same names."""
    spans = offer_lines(text)
    if not spans:
        return list(candidates)
    firsts = given_names()
    goods = {
        c.text for c in candidates
        if c.type in ("PERSON", "PLACE") and any(s <= c.start and c.end <= e for s, e in spans)
        and not (c.type == "PERSON" and len(c.text.split()) >= 2 and c.text.split()[0] in firsts)
        and not (c.type == "PLACE" and (c.text in world_places() or c.text in world_cities()))
    }
    return [replace(c, type="OTHER", source="offer") if c.text in goods and c.type in ("PERSON", "PLACE") else c
            for c in candidates]
