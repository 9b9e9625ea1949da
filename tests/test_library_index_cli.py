"""``newsdesk entities``, ``newsdesk dossier`` and ``newsdesk timeline``: the library-wide features as JSON lines."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from models.cli import main
from models.store import open_library
from models.store.entities import EntityStore
from models.timeline_query import library_timeline_by_scan
from tests.fixtures.generated_library import generated_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.fixture
def library(library_url: str, cli_libraries_closed: None) -> str:
    lib = open_library(library_url)
    try:
        ids = generated_library(lib, 20, seed=4)
        text = lib.get_article(ids[0]).article.text
        at = text.index("met")
        lib.annotations.add(ids[0], at - 1, at + 3, note="a meeting", color="green", tags=("Summit",))
        EntityStore(lib).add_rule(None, "rename", {"entity": {"name": "Taro Kono", "type": "PERSON"},
                                                   "name": "Foreign Minister Taro Kono"})
    finally:
        lib.close()
    return library_url


def test_entities_prints_the_index_most_widespread_first(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "entities", "--library", library)
    assert (code, err) == (0, "")
    assert lines and list(lines[0]) == ["name", "type", "articles", "mentions"]
    counts = [int(x["articles"]) for x in lines]
    assert counts == sorted(counts, reverse=True)
    names = {(x["name"], x["type"]) for x in lines}
    assert ("Foreign Minister Taro Kono", "PERSON") in names and ("Taro Kono", "PERSON") not in names
    code, places, _ = run(capsys, "entities", "--library", library, "--type", "PLACE", "--limit", "2")
    assert code == 0 and len(places) == 2 and {x["type"] for x in places} == {"PLACE"}
    assert places == [x for x in lines if x["type"] == "PLACE"][:2]
    with pytest.raises(SystemExit) as refused:  # argparse: usage and a one-line reason
        main(["entities", "--library", library, "--limit", "0"])
    assert refused.value.code == 2 and "must be 1 or more" in capsys.readouterr().err


def test_dossier_prints_one_line_per_article_with_mentions_and_highlights(
    library: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run(capsys, "dossier", "--library", library, "shinzo abe")
    assert (code, err) == (0, "")
    lib = open_library(library)
    try:
        expected = EntityStore(lib).dossier("shinzo abe", "PERSON")
    finally:
        lib.close()
    assert [x["article"] for x in lines] == [a.article_id for a in expected.articles] and lines
    first = lines[0]
    assert first["entity"] == {"name": "shinzo abe", "type": "PERSON"}
    for mention in first["mentions"]:
        assert mention["text"] == "Shinzo Abe" and mention["text"] in mention["snippet"]
    with_highlight = [x for x in lines if x["highlights"]]
    for x in with_highlight:
        assert x["highlights"][0]["note"] == "a meeting"
    code, lines, err = run(capsys, "dossier", "--library", library, "Foreign Minister Taro Kono", "--type", "PERSON")
    assert code == 0 and lines
    code, lines, err = run(capsys, "dossier", "--library", library, "Nobody At All")
    assert code == 2 and lines == [] and err.startswith("newsdesk: no entity named") and "\n" == err[-1]


def test_timeline_prints_dated_groups_filtered_and_windowed(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "timeline", "--library", library)
    assert code == 0
    lib = open_library(library)
    try:
        scan = library_timeline_by_scan(lib)
        putin = library_timeline_by_scan(lib, entity="Vladimir Putin", tag="Russia")
    finally:
        lib.close()
    assert [(x["first"], x["last"]) for x in lines] == [(g.first_day.isoformat(), g.last_day.isoformat())
                                                        for g in scan.groups]
    assert sum(len(x["mentions"]) for x in lines) == sum(len(g.mentions) for g in scan.groups)
    if scan.unanalysed:
        assert "not analysed yet" in err
    code, lines, _ = run(capsys, "timeline", "--library", library, "--entity", "Vladimir Putin", "--tag", "russia")
    assert code == 0 and len(lines) == len(putin.groups)
    for x in lines:
        for m in x["mentions"]:
            assert "Vladimir Putin" in m["entities"] and m["value"] in m["sentence"]
    code, lines, _ = run(capsys, "timeline", "--library", library, "--since", "2018", "--until", "2019-06")
    assert code == 0
    for x in lines:
        assert str(x["last"]) >= "2018-01-01" and str(x["first"]) <= "2019-06-30"
    expected = [g for g in scan.groups if g.last_day >= date(2018, 1, 1) and g.first_day <= date(2019, 6, 30)]
    assert len(lines) == len(expected)


def test_timeline_refuses_a_bad_date_in_one_line(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "timeline", "--library", library, "--since", "last spring")
    assert (code, lines) == (2, [])
    assert err == "newsdesk: not a date: 'last spring' (use YYYY, YYYY-MM or YYYY-MM-DD)\n"
    code, _, err = run(capsys, "timeline", "--library", library, "--since", "2020", "--until", "2019")
    assert code == 2 and "after" in err
