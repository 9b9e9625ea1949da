"""Places named inside the names of organisations, events and laws ("Michigan" in "University of Michigan",
"Scotland" in "Police Scotland"): mentions of those places too, as a reader counts them."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from models.analysis.aliases import INSIDE_A_NAME, Candidate
from models.analysis.entity_types import LAW_HEADS
from models.analysis.institutions import university_places
from models.analysis.world_cities import world_cities
from models.analysis.world_places import places_with_given_names


def places_inside_names(candidates: Sequence[Candidate]) -> list[Candidate]:
    """A place the article names on its own, or a country, state, county or city of the world, written inside the
    name of an organisation, an event or a law ("Michigan" in "University of Michigan", "Leeds" in "Leeds City
    Council", "Dorset" in "Dorset County Council", "Hong Kong" in "Hong Kong Human Rights and Democracy Act",
    "Scotland" in "Police Scotland"): a mention of that place too, as a reader counts it."""
    other = {c.text for c in candidates if c.type != "PLACE"}  # a name typed both ways is not clearly a place
    places = {
        c.text for c in candidates
        if c.type == "PLACE" and not c.weak and len(c.text) >= 3 and c.text[:1].isupper() and c.text not in other
    }
    out = []
    for c in candidates:
        if " " not in c.text or not (c.type in ("ORGANIZATION", "EVENT") or c.type == "OTHER"
                                     and c.text.split()[-1].lower() in LAW_HEADS):
            continue
        found: list[tuple[int, int, str]] = []
        for place in places | (_world_places_in(c.text) - other):
            at = c.text.find(place)
            if at < 0 or place == c.text:
                continue
            end = at + len(place)
            if (at and c.text[at - 1].isalnum()) or (end < len(c.text) and c.text[end].isalnum()):
                continue  # inside a word
            found.append((at, end, place))
        for at, end, place in found:  # the longest place only: "Kansas City" of "Kansas City Chiefs", not "Kansas"
            if not any(a <= at and end <= e and (a, e) != (at, end) for a, e, _ in found):
                out.append(Candidate(c.start + at, c.start + end, place, "PLACE", weak=True, source=INSIDE_A_NAME))
    return out


_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland"})


def _world_places_in(name: str) -> set[str]:
    """The countries, states, capitals and cities of the world written inside ``name`` ("Scotland" in "Police
    Scotland", "Toronto" in "Toronto Stock Exchange"), named alone in the article or not: at the start or the end of
    the name, or after "of", "in" …"""
    words = name.split()
    if words[-1].lower() in _NEWSPAPER_LAST_WORDS:
        return set()  # "The New York Times", "Sioux Falls Argus Leader": a newspaper's title, no place it speaks of
    known = _known_places()
    return {part for n in (3, 2, 1) for i in range(len(words) - n + 1)
            if (part := " ".join(words[i : i + n])) in known and part != name
            and (i == 0 or i + n == len(words) or words[i - 1] in _BEFORE_A_PLACE)}


@functools.cache
def _known_places() -> frozenset[str]:
    return places_with_given_names() | world_cities() | _NATIONS


# Words after which a place begins inside a name ("Federal Reserve Bank of New York"); elsewhere, a word in the middle
# of a name is part of another ("Nevada" of "Sierra Nevada Corporation").
_BEFORE_A_PLACE = frozenset({"of", "in", "at", "for", "de", "the"})
_NEWSPAPER_LAST_WORDS = frozenset("""times post herald tribune journal chronicle gazette leader observer telegraph
    courier examiner star news daily review magazine reporter standard mail record sun globe register bulletin
    dispatch inquirer sentinel""".split())


def places_in_universities(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The place a university is named after, inside its name: "Michigan" in "University of Michigan", "California"
    and "Berkeley" in "University of California at Berkeley" (a mention of the place, as a reader counts it)."""
    out = []
    for c in candidates:
        if c.type == "ORGANIZATION":
            for at, place in university_places(c.text):
                out.append(Candidate(c.start + at, c.start + at + len(place), place, "PLACE", weak=True,
                                     source=INSIDE_A_NAME))
    return out
