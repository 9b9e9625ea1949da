"""Names in stories and in talk: relatives called by their kinship title, a town the model types differently from
one mention to the next."""

from __future__ import annotations

from models.analysis import analyze
from models.analysis.entity_cues import retype
from tests.test_entity_cues import cand


def test_a_relative_called_by_a_kinship_title_is_a_person() -> None:
    """The small model calls "Aunt Polly" an organisation; the title is no part of her name, and "Polly" alone is
    the same person."""
    text = ('"It\'s from Aunt Polly," she said. "She wants us in Bristol by Friday."\n\n'
            'Tom laughed. "Polly wants everyone everywhere by Friday." Uncle Theodore sent his love.')
    found = {e.name: (e.type, len(e.mentions)) for e in analyze(text).entities}
    assert found.get("Polly") == ("PERSON", 2)
    assert found.get("Theodore") == ("PERSON", 1)
    assert not any(name.startswith(("Aunt", "Uncle")) for name in found)


def test_a_town_the_model_types_a_place_once_and_an_organisation_twice_is_a_place_by_its_preposition() -> None:
    text = "She wants us in Bristol by Friday. Two for Bristol, she said. She thought of Bristol all day."
    cands = [cand(text, "Bristol", "PLACE"), cand(text, "Bristol", "ORGANIZATION", 1),
             cand(text, "Bristol", "ORGANIZATION", 2)]
    assert [c.type for c in retype(cands, text)] == ["PLACE"] * 3


def test_a_name_the_model_types_a_place_once_in_many_stays_what_most_mentions_say() -> None:
    """One "in MacBook" typed a place among four organisations is the model's slip, not a town."""
    text = ("The keys in MacBook models broke. MacBook sales fell. Every MacBook shipped late. A MacBook costs more. "
            "The MacBook is thin.")
    cands = [cand(text, "MacBook", "PLACE")] + [cand(text, "MacBook", "ORGANIZATION", n) for n in range(1, 5)]
    assert [c.type for c in retype(cands, text)].count("PLACE") <= 1
