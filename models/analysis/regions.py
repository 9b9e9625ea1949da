"""Names the small model often leaves unlabelled: regions named by a capitalised point of the compass after "the"
("energy supplies for the West", "born in the South", "cities in the Midwest"), a place; God, a person to every reader
("May God bless you")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate
from models.analysis.world_cities import is_city
from models.analysis.world_places import countries_and_states, world_places

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
    taken = [(c.start, c.end) for c in candidates]
    added = [Candidate(m.start(), m.end(), m.group(), "PERSON", source="deity") for m in _GOD.finditer(text)
             if not any(s < m.end() and m.start() < e for s, e in taken)]
    if not added:
        return list(candidates)
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end))
