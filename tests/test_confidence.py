"""Confidence and provenance of entities and timeline expressions: computed, kept through serialization and the
store's corrections, lifted by a reader's confirmation."""

from __future__ import annotations

from datetime import date

from models.analysis import analyze
from models.analysis.corrections import Confirm, EntityRef, apply_corrections, payload_of, rule_from_payload
from models.analysis.serialize import from_dict, to_dict
from models.analysis.types import LOW_CONFIDENCE, Entity, Mention

TEXT = ("Mara Lindqvist, the mayor of Tollund, said on Monday that the council will vote on March 3. "
        "Lindqvist said the vote was planned in 2019. The XQ rose.")


def test_every_item_has_a_confidence_and_a_provenance() -> None:
    result = analyze(TEXT, date(2020, 11, 10))
    assert result.entities and result.timexes
    for e in result.entities:
        assert 0 < e.confidence <= 1 and e.provenance
    for t in result.timexes:
        assert 0 < t.confidence <= 1 and t.provenance
    person = next(e for e in result.entities if e.name == "Mara Lindqvist")
    assert person.confidence >= LOW_CONFIDENCE  # named twice
    by_text = {t.text: t for t in result.timexes}
    assert by_text["2019"].provenance == "explicit date"
    assert by_text["2019"].confidence > by_text["March 3"].confidence


def test_confidence_survives_serialization() -> None:
    result = analyze(TEXT, date(2020, 11, 10))
    again = from_dict(to_dict(result))
    assert again == result
    dumped = to_dict(result)
    assert all("provenance" in e for e in dumped["entities"])
    low = [t for t in dumped["timexes"] if t.get("low_confidence")]
    assert all(t["confidence"] < LOW_CONFIDENCE for t in low)


def test_a_confirmation_makes_the_entity_sure_and_says_who() -> None:
    doubtful = Entity("XQ", "ORGANIZATION", (Mention(0, 2, "XQ"),), None, 0.2, "model")
    rule = Confirm(EntityRef("XQ", "ORGANIZATION"))
    assert rule_from_payload("confirm", payload_of(rule)) == rule
    before = apply_corrections([doubtful], [], "XQ rose")
    assert before[0].low_confidence and before[0].provenance == "model"
    after = apply_corrections([doubtful], [rule], "XQ rose")
    assert not after[0].low_confidence
    assert after[0].verified and after[0].confidence == 1.0 and after[0].provenance == "corrected by you"


def test_a_clock_time_without_a_day_and_a_bare_year_in_a_name_are_doubtful() -> None:
    text = "The ferry left at 7:14. The bundle includes Grid 2019. The plant opened in 2019."
    result = analyze(text, date(2019, 11, 20))
    by_text = {t.text: t for t in result.timexes}
    assert by_text["7:14"].confidence < LOW_CONFIDENCE
    years = [t for t in result.timexes if t.text == "2019"]
    assert years[0].confidence < LOW_CONFIDENCE < years[1].confidence  # "Grid 2019" vs "in 2019"


def test_a_full_name_named_twice_is_surer_than_a_lone_word() -> None:
    text = "Mara Lindqvist spoke first. Mara Lindqvist then left. Ostrel was mentioned once."
    result = analyze(text, date(2020, 1, 1))
    by_name = {e.name: e for e in result.entities}
    assert by_name["Mara Lindqvist"].confidence > LOW_CONFIDENCE
    lone = [e for e in result.entities if e.name == "Ostrel"]
    assert not lone or lone[0].confidence < by_name["Mara Lindqvist"].confidence
