"""The JSON-LD export is W3C Web Annotation: every MUST of the W3C test suite, and the optional assertions of
the features it uses, hold for a realistic export (notes, tags, colours, a quote across paragraphs, non-ASCII)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from models.export import ExportOptions, render
from models.export.selection import Selection, collect
from tests.fixtures.export_samples import WEB_URL, annotated_library
from tests.fixtures.w3c import suite


@pytest.fixture
def exported(tmp_path: Path) -> dict[str, Any]:
    lib, _web, _local = annotated_library(tmp_path / "lib.sqlite")
    collection: dict[str, Any] = json.loads(render("jsonld", collect(lib, Selection())))
    return collection


def test_every_exported_annotation_passes_the_w3c_musts_and_the_optional_features_it_uses(
    exported: dict[str, Any]
) -> None:
    annotations = suite.annotations_of(exported)
    assert len(annotations) == exported["total"] == 6
    for ann in annotations:
        assert suite.annotation_problems(ann) == [], ann
    assert suite.collection_problems(exported) == []


def test_the_export_says_what_the_reader_made(exported: dict[str, Any]) -> None:
    by_quote = {a["target"]["selector"][0]["exact"]: a for a in suite.annotations_of(exported)}
    red = by_quote["Prime Minister Shinzo Abe"]
    assert red["target"]["source"] == WEB_URL
    assert red["motivation"] == "commenting"
    assert red["creator"] == {"type": "Person", "name": "Ana Müller"}
    bodies = {(b["purpose"], b["value"]) for b in red["body"]}
    assert ("tagging", "diplomacy") in bodies and ("tagging", "Japan–Russia") in bodies
    assert ("classifying", "Disputed") in bodies
    note = next(b for b in red["body"] if b["purpose"] == "commenting")
    assert note["format"] == "text/markdown" and note["value"].startswith("Check the **official**")
    assert red["target"]["styleClass"] == "newsdesk-color-red"
    assert ".newsdesk-color-red" in red["stylesheet"]["value"]
    position = next(s for s in red["target"]["selector"] if s["type"] == "TextPositionSelector")
    assert position["end"] - position["start"] == len("Prime Minister Shinzo Abe")
    across = next(a for q, a in by_quote.items() if q.startswith("Abe said"))
    assert "\n" in across["target"]["selector"][0]["exact"]  # two paragraphs, as in the canonical text
    plain = next(a for q, a in by_quote.items() if q.startswith("東京"))
    assert plain["motivation"] == "highlighting" and "creator" not in plain  # no author given
    local = by_quote["a budget of €2m"]
    assert local["target"]["source"].startswith("urn:newsdesk:article:")


def test_large_sets_are_split_into_pages_that_all_validate(tmp_path: Path) -> None:
    lib, _web, _local = annotated_library(tmp_path / "lib.sqlite")
    doc = json.loads(render("jsonld", collect(lib, Selection()), ExportOptions(page_items=4)))
    pages = suite.pages_of(doc)
    assert [len(p["items"]) for p in pages] == [4, 2]
    assert [p["startIndex"] for p in pages] == [0, 4]
    assert doc["last"] == pages[-1]["id"] and pages[1]["prev"] == pages[0]["id"]
    assert suite.collection_problems(doc) == []
    assert all(suite.annotation_problems(a) == [] for a in suite.annotations_of(doc))


REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "conformance"


@pytest.mark.skipif(not (REFERENCE / "validate.py").exists(), reason="the shared conformance folder is not here")
def test_the_reference_validator_accepts_the_export(tmp_path: Path, exported: dict[str, Any]) -> None:
    path = tmp_path / "export.jsonld"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(REFERENCE / "validate.py"), str(REFERENCE / "web-annotation"),
                          str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "= 6/6" in run.stdout
