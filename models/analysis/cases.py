"""The parties of a court case named by its parties ("Lynch v. Overholser", "Harlan versus Moreno"): a party of one
capitalised word is a person — the model often calls it an organisation or misses it — unless its name is shaped
like a body's ("United States", "State", "Acme Corp.") or the model found a place there (a state is a party too:
"Miranda v. Arizona")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.entity_types import CORPORATE_SUFFIXES, ORG_HEADS

# Two one-word parties around "v." or "versus" ("v" alone is also a match's: "Eton v Harrow").
_CASE = re.compile(r"(?<![\w.'’-])([A-Z][a-z][\w'’-]*) (?:v\.|vs\.|versus),? ([A-Z][a-z][\w'’-]*)(?![\w'’-]| [A-Z])")
# Parties that are bodies, not people.
_BODIES = ORG_HEADS | CORPORATE_SUFFIXES | frozenset({"state", "states", "people", "commonwealth", "crown", "city",
                                                       "county", "town", "republic", "kingdom", "nation"})


def case_parties(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with each one-word party of a case a person ("Lynch v. Overholser"), added when the model found
    nothing there; not a plural ("Lakers vs. Celtics" are teams) nor a body ("State v. Harlan")."""
    if " v" not in text:
        return list(candidates)
    parties: dict[tuple[int, int], str] = {}
    for m in _CASE.finditer(text):
        for i in (1, 2):
            word = m.group(i)
            if word.lower() in _BODIES or (word.endswith("s") and not word.endswith("ss")):
                break
        else:
            parties[m.span(1)] = m.group(1)
            parties[m.span(2)] = m.group(2)
    if not parties:
        return list(candidates)
    out = []
    for c in candidates:
        if (c.start, c.end) in parties:
            if c.type == "ORGANIZATION":  # a place the model found stays one: "Miranda v. Arizona"
                c = replace(c, type="PERSON", source="party of a case")
        elif any(s < c.end and c.start < e for s, e in parties):
            parties = {k: v for k, v in parties.items() if not (k[0] < c.end and c.start < k[1])}
        out.append(c)
    taken = {(c.start, c.end) for c in out}
    out += [Candidate(s, e, word, "PERSON", source="party of a case") for (s, e), word in parties.items()
            if (s, e) not in taken]
    return sorted(out, key=lambda c: (c.start, c.end))
