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


def test_a_name_with_a_plural_verb_is_a_team_not_a_person_or_a_place() -> None:
    """British English gives a team a plural verb: "Brentford host Wolves" (the model says a person), "Liverpool
    travel to Leeds" (the model says a place)."""
    text = ("Brentford host Wolves on Sunday, and Brentford made it hard. Liverpool travel to Leeds next week. "
            "Fans in Liverpool were happy.")
    cands = [cand(text, "Brentford", "PERSON"), cand(text, "Brentford", "PERSON", 1),
             cand(text, "Liverpool", "PLACE"), cand(text, "Liverpool", "PLACE", 1)]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION"] * 4


def test_a_plural_verb_after_a_preposition_a_question_or_a_second_subject_says_nothing() -> None:
    text = ("Voters in Ohio are angry. Did Russia have a plan? Let Britain have its say. Paris and Rome are far. "
            "They met in Ohio, Russia, Britain, Rome.")
    names = ("Ohio", "Russia", "Britain", "Rome")
    cands = [cand(text, n, "PLACE") for n in names] + [cand(text, n, "PLACE", 1) for n in names]
    assert {c.type for c in retype(cands, text)} == {"PLACE"}


def test_a_football_club_s_last_word_makes_the_name_a_club() -> None:
    """The model keeps "Newcastle" and drops "United", and calls "Leeds United" or "Bolton Wanderers" a person."""
    text = ("Newcastle United travel to Blackburn Rovers on Saturday. Leeds United fans were delighted, and Wigan "
            "Athletic lost to Bolton Wanderers. West Bromwich Albion drew with Tottenham Hotspur.")
    clubs = ["Newcastle United", "Blackburn Rovers", "Leeds United", "Wigan Athletic", "Bolton Wanderers",
             "West Bromwich Albion", "Tottenham Hotspur"]
    found = {e.name: e.type for e in analyze(text).entities}
    assert {c: found.get(c) for c in clubs} == dict.fromkeys(clubs, "ORGANIZATION")


def test_a_club_s_first_word_makes_a_club_and_a_score_is_no_part_of_a_name() -> None:
    """The model leaves "Real Madrid" out and takes the score into "Atletico Madrid 2-1" (a building to it)."""
    text = ("Real Madrid beat Atletico Madrid 2-1 in the derby, while Bayern Munich drew with Borussia Dortmund. "
            "The Boeing 737-800 landed.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found.get("Real Madrid") == "ORGANIZATION" and found.get("Atletico Madrid") == "ORGANIZATION"
    assert not any(ch.isdigit() for name in found for ch in name if "Madrid" in name)


def test_a_basketball_score_a_team_before_a_score_and_a_player_s_points() -> None:
    """A three-digit score is cut like a two-digit one, a plural name after "the" before a score is a team (the
    model leaves "the Buffalo Bills 27-24" out), and a player who "added 24 points" is no stock index."""
    text = ("LeBron James scored 31 points as the Los Angeles Lakers beat the Golden State Warriors 118-112 on "
            "Tuesday night. Anthony Davis added 24 points and 15 rebounds for Los Angeles.\n\n"
            "In Kansas City, Patrick Mahomes threw three touchdown passes and the Chiefs held off the Buffalo Bills "
            "27-24.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found.get("Anthony Davis") == "PERSON" and found.get("Buffalo Bills") == "ORGANIZATION"
    assert not any(ch.isdigit() for name in found for ch in name)
