"""Entities of the sample article against its expected reading (tests/fixtures/…gold.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.analysis import analyze
from models.analysis.types import Entity
from models.ingest import ingest_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
Sample = tuple[str, tuple[Entity, ...]]  # the sample article's text and its entities
GOLD = json.loads((ROOT / "tests" / "fixtures" / "abe-putin-summit-2019-01-23.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample() -> Sample:
    article = ingest_file(SAMPLE)
    result = analyze(article.text, authors=article.metadata.authors)
    return article.text, result.entities


def _entity(entities: tuple[Entity, ...], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert matches, f"{name!r} not found among {[e.name for e in entities]}"
    return matches[0]


@pytest.mark.parametrize("gold", GOLD["entities"], ids=[g["name"] for g in GOLD["entities"]])
def test_every_expected_entity_is_found_with_an_acceptable_type(sample: Sample, gold: dict[str, Any]) -> None:
    _, entities = sample
    entity = _entity(entities, gold["name"])
    assert entity.type in gold.get("acceptable_types", [gold["type"]])
    if gold.get("role"):
        assert entity.role == gold["role"]


@pytest.mark.parametrize("gold", GOLD["entities"], ids=[g["name"] for g in GOLD["entities"]])
def test_every_surface_form_is_a_mention_of_its_entity(sample: Sample, gold: dict[str, Any]) -> None:
    text, entities = sample
    entity = _entity(entities, gold["name"])
    for mention in entity.mentions:
        assert text[mention.start : mention.end] == mention.text
    if gold.get("role") == "author" and gold["name"] not in text:
        assert entity.mentions == ()
        return
    forms = {m.text for m in entity.mentions}
    for form in gold["surface_forms"]:
        assert form in forms, f"{form!r} is not a mention of {gold['name']}"


def test_every_occurrence_of_a_full_name_belongs_to_its_entity(sample: Sample) -> None:
    text, entities = sample
    for gold in GOLD["entities"]:
        if gold["type"] != "PERSON" or gold.get("role"):
            continue
        entity = _entity(entities, gold["name"])
        starts = {m.start for m in entity.mentions}
        pos = text.find(gold["name"])
        while pos >= 0:
            assert pos in starts, f"{gold['name']} at {pos}"
            pos = text.find(gold["name"], pos + 1)


def test_titles_are_not_part_of_a_mention(sample: Sample) -> None:
    text, entities = sample
    abe = _entity(entities, "Shinzo Abe")
    putin = _entity(entities, "Vladimir Putin")
    kono = _entity(entities, "Taro Kono")
    at = text.index("Prime Minister Shinzo Abe") + len("Prime Minister ")
    assert any(m.start == at and m.text == "Shinzo Abe" for m in abe.mentions)
    after_title = [m for m in putin.mentions if text[m.start - len("President ") : m.start] == "President "]
    assert len(after_title) >= 3
    assert {m.text for m in putin.mentions} == {"Vladimir Putin", "Putin"}
    assert all("Minister" not in m.text for m in kono.mentions)


def test_a_hyphenated_pair_mentions_both_people(sample: Sample) -> None:
    text, entities = sample
    pair = text.index("Abe-Putin")
    assert any(m.start == pair and m.text == "Abe" for m in _entity(entities, "Shinzo Abe").mentions)
    assert any(m.start == pair + 4 and m.text == "Putin" for m in _entity(entities, "Vladimir Putin").mentions)
    places = text.index("Japan-Russia")
    assert any(m.start == places for m in _entity(entities, "Japan").mentions)
    assert any(m.start == places + 6 for m in _entity(entities, "Russia").mentions)


def test_the_dateline_is_the_same_place_as_the_city_in_normal_case(sample: Sample) -> None:
    _, entities = sample
    moscow = _entity(entities, "Moscow")
    assert {m.text for m in moscow.mentions} == {"MOSCOW", "Moscow"}
    assert not [e for e in entities if e.name == "MOSCOW"]


def test_no_page_tags_dates_or_numbers_become_entities(sample: Sample) -> None:
    _, entities = sample
    names = {e.name for e in entities}
    assert not names & {"Ukraine", "COVID-19", "Trending Japan", "Ambassador"}
    for entity in entities:
        assert not any(ch.isdigit() for ch in entity.name) or entity.name == "G20", entity.name
        for word in ("Jan.", "January", "June", "February", "spring", "summer", "2009", "month"):
            assert word not in entity.name


def test_entities_are_in_order_of_first_mention_and_mentions_in_text_order(sample: Sample) -> None:
    _, entities = sample
    firsts = [e.mentions[0].start for e in entities if e.mentions]
    assert firsts == sorted(firsts)
    for entity in entities:
        starts = [m.start for m in entity.mentions]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert len({(e.name, e.type) for e in entities}) == len(entities)
