"""Regions named by a capitalised point of the compass after "the" ("energy supplies for the West", "born in the
South", "cities in the Midwest"), which the small model often leaves unlabelled: a place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate

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
