"""A reader's entity corrections, applied on top of the analysis: each action, chains, and rules whose target is
gone (the analysis changed under them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from models.analysis.corrections import (
    Add,
    CorrectedEntity,
    Correction,
    EntityRef,
    Hide,
    Merge,
    Rename,
    Retype,
    Rule,
    Split,
    anchor_mention,
    apply_corrections,
    payload_of,
    resolve_mention,
    rule_from_payload,
)
from models.analysis.types import Entity, Mention

TEXT = "Abe met Putin in Moscow. Abe said Japan and Russia differ. Kono met Lavrov. Akie Abe stayed in Tokyo."


def span(word: str, occurrence: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(occurrence + 1):
        pos = TEXT.index(word, pos + 1)
    return (pos, pos + len(word))


def mention(word: str, occurrence: int = 0) -> Mention:
    s, e = span(word, occurrence)
    return Mention(s, e, word)


ABE = Entity("Shinzo Abe", "PERSON", (mention("Abe"), mention("Abe", 1), mention("Abe", 2)))
PUTIN = Entity("Vladimir Putin", "PERSON", (mention("Putin"),))
MOSCOW = Entity("Moscow", "ORGANIZATION", (mention("Moscow"),))
JAPAN = Entity("Japan", "PLACE", (mention("Japan"),))
RUSSIA = Entity("Russia", "PLACE", (mention("Russia"),))
KONO = Entity("Kono", "PERSON", (mention("Kono"),))
ENTITIES = (ABE, PUTIN, MOSCOW, JAPAN, RUSSIA, KONO)


def ref(e: Entity) -> EntityRef:
    return EntityRef(e.name, e.type)


def by_name(result: Sequence[CorrectedEntity], name: str) -> CorrectedEntity:
    found = [e for e in result if e.name == name]
    assert len(found) == 1, [e.name for e in result]
    return found[0]


def test_without_rules_every_entity_is_kept_unverified_with_its_analyser_version() -> None:
    out = apply_corrections(ENTITIES, [], TEXT, analyser_version="v1")
    assert [e.name for e in out] == [e.name for e in ENTITIES]
    assert not any(e.verified for e in out)
    assert {e.analyser_version for e in out} == {"v1"}
    assert out[0].spans == [span("Abe"), span("Abe", 1), span("Abe", 2)]
    assert not any(m.verified for e in out for m in e.mentions)


def test_rename_keeps_mentions_and_marks_the_entity_verified() -> None:
    out = apply_corrections(ENTITIES, [Rename(ref(KONO), "Taro Kono")], TEXT)
    kono = by_name(out, "Taro Kono")
    assert kono.spans == [span("Kono")] and kono.verified
    assert not any(e.name == "Kono" for e in out)


def test_rename_onto_an_existing_entity_merges_the_two() -> None:
    putin2 = Entity("Putin", "PERSON", (Mention(0, 3, "Abe"),))
    out = apply_corrections((PUTIN, putin2), [Rename(EntityRef("Putin", "PERSON"), "Vladimir Putin")], TEXT)
    assert len(out) == 1 and out[0].spans == [(0, 3), span("Putin")]


def test_entities_are_named_ignoring_case_and_spacing() -> None:
    out = apply_corrections(ENTITIES, [Hide(EntityRef("shinzo  ABE", "PERSON"))], TEXT)
    assert "Shinzo Abe" not in [e.name for e in out]


def test_merge_moves_every_mention_into_the_target() -> None:
    out = apply_corrections(ENTITIES, [Merge(ref(RUSSIA), ref(JAPAN))], TEXT)
    japan = by_name(out, "Japan")
    assert japan.spans == [span("Japan"), span("Russia")] and japan.verified
    assert "Russia" not in [e.name for e in out]


def test_split_moves_one_mention_into_a_new_entity() -> None:
    akie = anchor_mention(TEXT, *span("Abe", 2))
    out = apply_corrections(ENTITIES, [Split(ref(ABE), akie, "Akie Abe", "PERSON")], TEXT)
    assert by_name(out, "Shinzo Abe").spans == [span("Abe"), span("Abe", 1)]
    new = by_name(out, "Akie Abe")
    assert new.spans == [span("Abe", 2)] and new.verified and new.mentions[0].verified
    assert new.analyser_version == ""


def test_retype_changes_the_type_and_merges_with_a_same_named_entity_of_that_type() -> None:
    out = apply_corrections(ENTITIES, [Retype(ref(MOSCOW), "PLACE")], TEXT)
    assert (by_name(out, "Moscow").type, by_name(out, "Moscow").verified) == ("PLACE", True)
    place = Entity("Moscow", "PLACE", (Mention(0, 3, "Abe"),))
    out = apply_corrections((MOSCOW, place), [Retype(ref(MOSCOW), "PLACE")], TEXT)
    assert [(e.name, e.type, e.spans) for e in out] == [("Moscow", "PLACE", [(0, 3), span("Moscow")])]


def test_hide_removes_the_entity() -> None:
    out = apply_corrections(ENTITIES, [Hide(ref(PUTIN))], TEXT)
    assert "Vladimir Putin" not in [e.name for e in out] and len(out) == len(ENTITIES) - 1


def test_add_a_selection_as_a_new_entity_or_a_mention_of_an_existing_one() -> None:
    tokyo = anchor_mention(TEXT, *span("Tokyo"))
    out = apply_corrections(ENTITIES, [Add(tokyo, "Tokyo", "PLACE")], TEXT)
    new = by_name(out, "Tokyo")
    assert (new.type, new.spans, new.verified, new.mentions[0].verified) == ("PLACE", [span("Tokyo")], True, True)
    lavrov = anchor_mention(TEXT, *span("Lavrov"))
    out = apply_corrections(ENTITIES, [Add(lavrov, "kono", "PERSON")], TEXT)
    kono = by_name(out, "Kono")
    assert kono.spans == [span("Kono"), span("Lavrov")]
    assert [m.verified for m in kono.mentions] == [False, True]


def test_an_added_selection_takes_overlapping_mentions_from_other_entities() -> None:
    s, e = span("Akie Abe")
    out = apply_corrections(ENTITIES, [Add(anchor_mention(TEXT, s, e), "Akie Abe", "PERSON")], TEXT)
    assert by_name(out, "Shinzo Abe").spans == [span("Abe"), span("Abe", 1)]
    assert by_name(out, "Akie Abe").spans == [(s, e)]


def test_chains_apply_in_order_each_rule_naming_the_result_of_the_previous() -> None:
    rules = [
        Correction(Rename(ref(MOSCOW), "Moscow city")),
        Correction(Retype(EntityRef("Moscow city", "ORGANIZATION"), "PLACE")),
        Correction(Merge(EntityRef("Moscow city", "PLACE"), ref(RUSSIA))),
        Correction(Rename(ref(RUSSIA), "Russian Federation")),
    ]
    out = apply_corrections(ENTITIES, rules, TEXT)
    fed = by_name(out, "Russian Federation")
    assert fed.type == "PLACE" and fed.spans == [span("Moscow"), span("Russia")]
    assert not any(e.name.startswith("Moscow") for e in out)


def test_rules_whose_target_vanished_are_skipped_without_error() -> None:
    gone = EntityRef("Nobody", "PERSON")
    rules: list[Rule] = [
        Rename(gone, "Someone"),
        Merge(gone, ref(JAPAN)),
        Merge(ref(JAPAN), gone),
        Retype(gone, "PLACE"),
        Hide(gone),
        Split(ref(PUTIN), anchor_mention(TEXT, *span("Kono")), "X", "PERSON"),  # mention not Putin's
        Add(anchor_mention("Gorbachev spoke.", 0, 9), "Mikhail Gorbachev", "PERSON"),  # words not in the text
        Rename(ref(KONO), "Taro Kono"),  # and a rule that still applies after them
    ]
    out = apply_corrections(ENTITIES, rules, TEXT)
    assert sorted(e.name for e in out) == sorted([e.name for e in ENTITIES if e is not KONO] + ["Taro Kono"])
    assert by_name(out, "Japan").spans == [span("Japan")]


def test_a_renamed_entity_is_found_by_its_anchor_mention_when_a_new_analyser_names_it_differently() -> None:
    rule = Hide(EntityRef("Kono", "PERSON", anchor_mention(TEXT, *span("Kono"))))
    renamed_by_v2 = Entity("Taro Kono", "PERSON", (mention("Kono"),))
    out = apply_corrections((renamed_by_v2, PUTIN), [rule], TEXT)
    assert [e.name for e in out] == ["Vladimir Putin"]


def test_mentions_are_found_again_after_the_text_changed() -> None:
    ref_ = anchor_mention(TEXT, *span("Abe", 1))
    assert (ref_.text, ref_.occurrence) == ("Abe", 1)
    assert resolve_mention(ref_, TEXT) == span("Abe", 1)
    edited = "Update: " + TEXT
    assert resolve_mention(ref_, edited) == (span("Abe", 1)[0] + 8, span("Abe", 1)[1] + 8)
    assert resolve_mention(ref_, "No such words here.") is None


def test_rules_round_trip_through_the_stored_form() -> None:
    m = anchor_mention(TEXT, *span("Tokyo"))
    anchored = EntityRef("Kono", "PERSON", anchor_mention(TEXT, *span("Kono")))
    rules: list[Rule] = [Rename(anchored, "Taro Kono"), Merge(ref(RUSSIA), ref(JAPAN)),
                         Split(ref(ABE), m, "T", "PLACE"), Retype(ref(MOSCOW), "PLACE"), Hide(ref(PUTIN)),
                         Add(m, "Tokyo", "PLACE")]
    for rule in rules:
        action = Correction(rule).action
        assert rule_from_payload(action, payload_of(rule)) == rule


@pytest.mark.parametrize(
    ("action", "payload"),
    [
        ("rename", {"entity": {"name": "Abe", "type": "PERSON"}, "name": "  "}),
        ("retype", {"entity": {"name": "Abe", "type": "PERSON"}, "type": "ALIEN"}),
        ("add", {"mention": {"start": 0, "end": 3}, "name": "Abe", "type": "PERSON"}),
        ("explode", {}),
        ("hide", {"entity": "Abe"}),
    ],
)
def test_malformed_rules_are_refused_with_a_reason(action: str, payload: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        rule_from_payload(action, payload)
