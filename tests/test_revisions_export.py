"""Exports of an edited story: the brief says what changed since the first read, and the W3C export keeps each
annotation's selectors against the version it was made on (target source + TimeState)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from models.export import ExportOptions, render
from models.export.selection import Selection, collect
from models.ingest import ingest_file
from models.store import Library, open_library
from models.store.analysis_jobs import ensure_analysis
from tests.fixtures.w3c import suite

STORIES = Path(__file__).parent / "fixtures" / "revisions"
DELETED = "He had promised voters a breakthrough on the disputed islands before the upper house election."
KEPT = "Vladimir Putin said the two countries would keep working on a peace treaty"
SOURCE = "https://example.org/news/port-deal"


def _dated(article: Any) -> Any:
    """The undated story with a publication date: without one "March 14" cannot be placed on the timeline."""
    return replace(article, metadata=replace(article.metadata, published="2019-01-23"))


@pytest.fixture
def edited(tmp_path: Path) -> Iterator[tuple[Library, int, dict[str, str]]]:
    lib = open_library(str(tmp_path / "lib.sqlite"))
    v1 = _dated(replace(ingest_file(STORIES / "port-deal-v1.txt"), source=SOURCE))
    article = lib.import_article(v1).id
    ensure_analysis(lib, article)
    ids = {q: lib.annotations.add(article, v1.text.index(q), v1.text.index(q) + len(q)).id for q in (DELETED, KEPT)}
    v2 = _dated(replace(ingest_file(STORIES / "port-deal-v2.txt"), source=SOURCE))
    lib.import_article(v2)
    ensure_analysis(lib, article)
    yield lib, article, ids
    lib.close()


def test_the_brief_lists_the_changes_since_first_read(edited: tuple[Library, int, dict[str, str]]) -> None:
    lib, article, _ids = edited
    text = render("markdown", collect(lib, Selection((article,)), need_analyses=True),
                  ExportOptions(brief=True)).decode("utf-8")
    section = text.split("## Changes since first read", 1)[1]
    assert "*From version 1, imported " in section and " to version 2, imported " in section
    assert "- Replaced “12” with “15”" in section
    assert f"- Deleted: “{DELETED}”" in section
    assert "- Inserted: “The two leaders will meet again in Tokyo on March 14.”" in section
    assert f"- Highlight lost (its words were deleted): “{DELETED}”" in section
    assert "- Date added: " in section and "(“March 14”)" in section
    html = render("html", collect(lib, Selection((article,)), need_analyses=True),
                  ExportOptions(brief=True)).decode("utf-8")
    assert "<h2>Changes since first read</h2>" in html and "Replaced “12” with “15”" in html


def test_a_never_edited_article_has_no_changes_section(tmp_path: Path) -> None:
    lib = open_library(str(tmp_path / "lib.sqlite"))
    try:
        article = lib.import_article(replace(ingest_file(STORIES / "port-deal-v1.txt"), source=SOURCE)).id
        text = render("markdown", collect(lib, Selection((article,))), ExportOptions(brief=True)).decode("utf-8")
        assert "Changes since first read" not in text
        doc = json.loads(render("jsonld", collect(lib, Selection((article,)))))
        assert doc["total"] == 0
    finally:
        lib.close()


def test_w3c_targets_name_the_version_each_highlight_was_made_on(
    edited: tuple[Library, int, dict[str, str]], tmp_path: Path
) -> None:
    lib, article, ids = edited
    doc = json.loads(render("jsonld", collect(lib, Selection((article,)))))
    annotations = {a["id"].rsplit(":", 1)[1]: a for a in suite.annotations_of(doc)}
    first = lib.revisions.list(article)[0]
    v1_text = lib.revisions.get(article, 1).article.text
    for quote in (DELETED, KEPT):
        target = annotations[ids[quote]]["target"]
        assert target["source"] == SOURCE
        assert target["state"] == {"type": "TimeState", "sourceDate": first.imported_at.replace(
            microsecond=0).isoformat() + "Z"}
        quote_sel, position = target["selector"]
        assert quote_sel["exact"] == quote
        assert v1_text[position["start"] : position["end"]] == quote  # positions hold in version 1
    for ann in annotations.values():
        assert suite.annotation_problems(ann) == [], ann
    assert suite.collection_problems(doc) == []
    here = Path(__file__).resolve()
    found = [p / "shared" / "conformance" for p in here.parents[2:4] if (p / "shared" / "conformance").exists()]
    if found:  # the shared conformance folder beside the repository (or its worktree folder)
        reference = found[0]
        path = tmp_path / "export.jsonld"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        run = subprocess.run([sys.executable, str(reference / "validate.py"), str(reference / "web-annotation"),
                              str(path)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "= 2/2" in run.stdout
