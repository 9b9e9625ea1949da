"""The expected reading of the sample article holds in full, end to end: file → article → analysis → JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gui.launcher import main

GOLD = json.loads((Path(__file__).parent / "fixtures" / "abe-putin-summit-2019-01-23.gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    sample = Path(__file__).resolve().parent.parent / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
    out = tmp_path_factory.mktemp("seed") / "out.jsonl"
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["analyze", str(sample)]) == 0
    out.write_text(buf.getvalue())
    records: list[dict[str, Any]] = [json.loads(line) for line in buf.getvalue().splitlines()]
    [record] = records
    return record


def nth(text: str, expression: str, occurrence: int) -> tuple[int, int]:
    spans = [m.span() for m in re.finditer(re.escape(expression), text)]
    return spans[occurrence - 1]


def test_every_gold_entity_with_an_acceptable_type_and_all_its_surface_forms(reading: dict[str, Any]) -> None:
    text = reading["text"]
    by_name = {e["name"]: e for e in reading["entities"]}
    for gold in GOLD["entities"]:
        assert gold["name"] in by_name, f"missing entity {gold['name']}"
        found = by_name[gold["name"]]
        assert found["type"] in gold.get("acceptable_types", [gold["type"]]), (gold["name"], found["type"])
        for m in found["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
        surfaces = {m["text"] for m in found["mentions"]}
        if gold.get("role") == "author":
            assert found.get("role") == "author"
            continue
        for form in gold["surface_forms"]:
            assert form in surfaces, f"{form!r} not merged into {gold['name']}"
    names = {e["name"] for e in reading["entities"]}
    for tag in GOLD["metadata"]["page_tags"]:
        assert tag not in names or tag in {g["name"] for g in GOLD["entities"]}


def test_every_gold_timeline_value_on_its_expression(reading: dict[str, Any]) -> None:
    text = reading["text"]
    timeline = reading["timeline"]
    for gold in GOLD["timeline"]:
        start, end = nth(text, gold["expression"], gold["occurrence"])
        hits = [t for t in timeline if t["start"] < end and start < t["end"]]
        assert hits, f"{gold['expression']} #{gold['occurrence']} not on the timeline"
        accepted = gold.get("acceptable_values", [gold["value"]])
        assert any(t["value"] in accepted for t in hits), (gold["expression"], [t["value"] for t in hits])
    events = [t for t in timeline if "sentence" in t]
    assert len(events) >= len(GOLD["timeline"])
    for expression in GOLD["not_timeline"]:
        start = text.index(expression)
        end = start + len(expression)
        dated = [t for t in events if t["start"] < end and start < t["end"]]
        assert not dated, f"{expression!r} became a timeline event: {dated}"


def test_the_publication_date_is_not_an_event(reading: dict[str, Any]) -> None:
    """The sample never reports anything on its own publication day; the date lives in the header only."""
    assert reading["published"] == GOLD["metadata"]["published"]
    events = [t for t in reading["timeline"] if "sentence" in t]
    assert events and all(t["value"] != reading["published"] for t in events)
    assert all(t["planned"] == (t["interval"][0] > reading["published"]) or t["planned"] for t in events)
