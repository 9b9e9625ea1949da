"""Names the small model often leaves unlabelled: regions named by a capitalised point of the compass after "the"
("energy supplies for the West", "born in the South", "cities in the Midwest"), a place; God, a person to every reader
("May God bless you")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate
from models.analysis.entity_types import written_lower
from models.analysis.repeats import Coverage
from models.analysis.world_cities import is_city, world_cities
from models.analysis.world_places import PLURAL_REGIONS, countries_and_states, world_places

# Inside a sentence (a lower-case word or a comma before "the"), and the region's word ends the name: not "the West
# Bank" or "the South Pacific" (a longer name, the model's to find).
_REGION = re.compile(
    r"(?<=[a-z,] )the ((?:Mid|Far |Middle |Deep )?(?:West|East|North|South|Northeast|Northwest|Southeast|Southwest|"
    r"Midwest))(?=[.,;:!?)]| [a-z/]|$)",
    re.MULTILINE,
)


def compass_regions(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with each region "the West", "the Midwest", "the Southeast" … the model did not find added as a
    place."""
    if "the " not in text:
        return list(candidates)
    taken = [(c.start, c.end) for c in candidates]
    added = [Candidate(m.start(1), m.end(1), m.group(1), "PLACE", source="region") for m in _REGION.finditer(text)
             if not any(s < m.end(1) and m.start(1) < e for s, e in taken)]
    if not added:
        return list(candidates)
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end))


def listed_cities_apart(candidates: Sequence[Candidate]) -> list[Candidate]:
    """A span of two or more cities the model took as one ("by way of Constantinople, Marseilles"): each city its own
    place. Not a city with its region or country ("Paris, France"), which is one address."""
    out: list[Candidate] = []
    capitals = world_places() - countries_and_states()
    for c in candidates:
        parts = c.text.split(", ")
        if len(parts) < 2 or c.type not in ("PLACE", "ORGANIZATION", "PERSON"):
            out.append(c)
            continue
        if not all(is_city(p) or p in capitals for p in parts):
            out.append(c)
            continue
        at = c.start
        for p in parts:
            out.append(Candidate(at, at + len(p), p, "PLACE", weak=c.weak, source="city"))
            at += len(p) + 2
    return out


# God by the names English writes with a capital in any sentence; not "god" nor "gods", nor the oath "God knows".
_GOD = re.compile(r"(?<![\w'’-])(?:God|Allah|Jehovah|Yahweh)(?![\w-])(?! knows)")


def deity_names(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with each "God" the model did not find added as a person."""
    if "God" not in text and "Allah" not in text and "Jehovah" not in text and "Yahweh" not in text:
        return list(candidates)
    coverage = Coverage(len(text), candidates)
    added = [Candidate(m.start(), m.end(), m.group(), "PERSON", source="deity") for m in _GOD.finditer(text)
             if not coverage.overlaps(m.start(), m.end())]
    if not added:
        return list(candidates)
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end))


# A run of capitalised words: a name as the text writes it.
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.&-])[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*(?![\w'’&-])")
_LOWER_WORD_AFTER = re.compile(r" [a-z]")
_FUNCTION_WORD_AFTER = re.compile(
    r" (?:and|or|but|in|on|at|to|for|with|from|by|of|is|was|are|were|has|had|have|will|would|said|says|where|which|"
    r"who|that|last|next|this|before|after|until|since|first|then|as|via|through|while|when)\b"
)
_QUOTE_BEFORE = re.compile(r"[“\"‘']\Z")


def known_places_missed(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with each country, capital or city of the lists the model left unlabelled ("Dublin first, at
    Vicar Street") added as a place: only a whole run of capitalised words, not inside a longer name ("Dublin
    Airport"), and not a name the text also writes in lower case or as a person's."""
    coverage = Coverage(len(text), candidates)
    people = {w for c in candidates if c.type == "PERSON" for w in c.text.split()}
    places = world_places() | world_cities() | PLURAL_REGIONS
    added = []
    for m in _CAPITALISED_RUN.finditer(text):
        name = m.group().rstrip(".")
        if name not in places or name in people or len(name) < 4 or _QUOTE_BEFORE.search(text, 0, m.start()):
            continue  # not the title of “Fargo,”
        start, end = m.start(), m.start() + len(name)
        if coverage.overlaps(start, end) or written_lower(name, text):
            continue
        if _LOWER_WORD_AFTER.match(text, end) and not _FUNCTION_WORD_AFTER.match(text, end):
            continue  # "1 Fresno chile", "Dijon mustard": a kind of thing named after the place
        added.append(Candidate(start, end, name, "PLACE", weak=True, source="known place"))
    if not added:
        return list(candidates)
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end))
