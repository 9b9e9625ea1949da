"""A given name before a surname makes a person of what the small model calls an organisation or leaves unlabelled,
and a lone first name of a person named in full is that person; brands, places and events that open with a word
that is also a first name stay what they are."""

from __future__ import annotations

from models.analysis import analyze
from models.analysis.aliases import Candidate
from models.analysis.entity_cues import retype
from models.analysis.given_names import given_names
from models.analysis.types import Entity


def _by_name(text: str) -> dict[str, Entity]:
    return {e.name: e for e in analyze(text).entities}


def test_the_lexicon_holds_first_names_of_many_languages_and_not_the_odd_words_of_one_list() -> None:
    names = given_names()
    assert {"Jean", "Giovanni", "Sophie", "Isabel", "Celeste", "Kurt", "Anna"} <= names
    assert not {"General", "Royal", "King", "Long", "China", "Berlin"} & names
    assert all(n[:1].isupper() for n in names)


def test_a_first_name_and_a_surname_the_model_calls_an_organisation_is_a_person() -> None:
    found = _by_name("The festival opened with Jean Cocteau's La Machine Infernale, staged by a touring company.")
    assert found["Jean Cocteau"].type == "PERSON"
    assert found["Jean Cocteau"].provenance == "rules: given name"


def test_a_full_name_the_model_missed_is_found_and_its_first_name_alone_joins_it() -> None:
    found = _by_name(
        "Heaven Sent Gaming is me and Isabel. I'm Mario Lucero, and I'm Isabel Ruiz. "
        "I wanted to work with Isabel on a lot of projects."
    )
    assert found["Isabel Ruiz"].type == "PERSON"
    assert [m.text for m in found["Isabel Ruiz"].mentions] == ["Isabel", "Isabel Ruiz", "Isabel"]


def test_a_lawyer_named_beside_another_is_a_person() -> None:
    found = _by_name("The lawyers are Kirk M. Bart and Celeste Pollock. Miss Rosenthal declined to comment.")
    assert found["Celeste Pollock"].type == "PERSON"


def test_a_brand_that_opens_with_a_first_name_is_not_a_person() -> None:
    # "Don Victor®" is typed ORG by the model and would be a person without the brand check; the event and the place
    # are typed right by the model already and must stay so beside it
    found = _by_name(
        "Add a jar of Don Victor® Honey and boil until thick. Don Victor honey is sold in most stores. "
        "The Summer Paralympics open in Paris. Athletes flew in from Santa Ana, California."
    )
    assert found["Don Victor"].type == "ORGANIZATION"
    assert found["Santa Ana"].type == "PLACE"
    assert all(e.type != "PERSON" for e in found.values())


def test_a_lone_first_name_in_a_compound_word_is_not_the_person() -> None:
    found = _by_name(
        "Nick Bos runs the lab. We have equipment nicknamed the 'Nickinator', 'i-Nick' and 'Nicktendo'. "
        "Bos laughed."
    )
    person = found["Nick Bos"]
    assert all(m.text != "Nick" for m in person.mentions)


def test_a_given_name_matches_with_or_without_its_accents() -> None:
    names = given_names()
    assert all(name in names for name in ("Siméon", "Simeon", "Zoë", "Zoe", "José", "Jose"))
    assert "Sïméonx" not in names


def test_a_first_name_written_with_its_accent_still_makes_a_person() -> None:
    text = "Final days\nSiméon Vautrin reviewed the paper. Around July, Vautrin declared the work incomprehensible."
    cands = [Candidate(text.index("Siméon Vautrin"), text.index("Siméon Vautrin") + 14, "Siméon Vautrin",
                       "ORGANIZATION")]
    assert [c.type for c in retype(cands, text)] == ["PERSON"]
