"""Organisation precision rules of issue 11 (names that are not organisations), on made-up text."""

from __future__ import annotations

from models.analysis.aliases import Candidate
from models.analysis.entity_cues import mention_cues, retype


def _cand(text: str, surface: str, kind: str, nth: int = 0) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Candidate(start, start + len(surface), surface, kind)


def test_a_group_of_islands_is_a_place_not_an_organisation() -> None:
    text = "Tarvo is a group of more than 30 islands in the north. Ferries reach Tarvo twice a week."
    cands = [_cand(text, "Tarvo", "ORGANIZATION"), _cand(text, "Tarvo", "ORGANIZATION", 1)]
    assert mention_cues(text, 0, 5)["PLACE"] >= 2
    assert {c.type for c in retype(cands, text)} == {"PLACE"}
    firm = "Brellix is a group of firms based in Oslo."
    assert mention_cues(firm, 0, 7)["ORGANIZATION"] >= 2  # the noun after "of" decides
