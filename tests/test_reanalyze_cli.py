"""After an analyser upgrade: which articles an earlier version read, and ``newsdesk reanalyze`` reading them again
so that the library's index holds one reading, the reader's library-wide corrections applied to it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text as sql

from models.analysis import ANALYZER_VERSION
from models.analysis.types import Entity
from models.store import open_library, refresh
from models.store.entities import EntityStore
from tests.test_import_pool import run

STORY = """Council approves the harbour budget {n}

OSLO – The city council of Oslo approved the harbour budget on March {day}, 2021, after Mayor Lena Berg spoke.
Lena Berg said the port of Bergen would follow.
"""
OLD = "newsdesk-analysis/1"


@pytest.fixture
def upgraded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A library of three articles; the first two keep the reading of an older analyser, which filed Lena Berg
    under "L. Berg" (as an upgrade can change how a name is filed)."""
    files = []
    for n in range(3):
        f = tmp_path / f"story-{n}.txt"
        f.write_text(STORY.format(n=n, day=n + 2), encoding="utf-8")
        files.append(str(f))
    url = str(tmp_path / "lib.sqlite")
    code, lines, _ = run(capsys, "import", "--library", url, "--jobs", "1", *files)
    assert code == 0 and [line["status"] for line in lines] == ["new"] * 3
    lib = open_library(url)
    try:
        for article_id in (1, 2):
            analysis = lib.load_analysis(article_id, ANALYZER_VERSION)
            assert analysis is not None
            old = tuple(replace(e, name="L. Berg") if e.name == "Lena Berg" else e for e in analysis.entities)
            lib.save_analysis(article_id, replace(analysis, version=OLD, entities=old))
    finally:
        lib.close()
    return url


def _index(url: str) -> dict[str, int]:
    lib = open_library(url)
    try:
        return {e.name: e.article_count for e in EntityStore(lib).library_index(type_="PERSON")}
    finally:
        lib.close()


def _versions(url: str) -> dict[int, str]:
    lib = open_library(url)
    try:
        with lib.reading() as s:
            return {int(a): str(v) for a, v in s.execute(sql(
                "SELECT article_id, version FROM analyses ORDER BY article_id"))}
    finally:
        lib.close()


def test_the_outdated_articles_are_those_an_earlier_version_read_newest_first(upgraded: str) -> None:
    lib = open_library(upgraded)
    try:
        assert refresh.outdated_articles(lib) == [2, 1]
    finally:
        lib.close()
    assert _index(upgraded) == {"L. Berg": 2, "Lena Berg": 1}  # two readings of one person, before


def test_reanalyze_reads_the_outdated_articles_again_and_the_index_holds_one_reading(
    upgraded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = open_library(upgraded)
    try:
        with lib.reading() as s:  # the up-to-date article's analysis row, which must not be computed again
            untouched = s.execute(sql("SELECT id FROM analyses WHERE article_id = 3")).scalar()
    finally:
        lib.close()
    code, lines, err = run(capsys, "reanalyze", "--library", upgraded, "--jobs", "1")
    assert code == 0, err
    assert [(line["id"], line["status"], line["version"]) for line in lines] == [
        (2, "complete", ANALYZER_VERSION), (1, "complete", ANALYZER_VERSION)]
    assert all(line["entities"] >= 3 and line["events"] >= 1 for line in lines)
    assert _versions(upgraded) == {1: ANALYZER_VERSION, 2: ANALYZER_VERSION, 3: ANALYZER_VERSION}
    assert _index(upgraded) == {"Lena Berg": 3}
    lib = open_library(upgraded)
    try:
        with lib.reading() as s:
            assert s.execute(sql(
                "SELECT id FROM analyses WHERE article_id = 3")).scalar() == untouched
    finally:
        lib.close()
    code, lines, _ = run(capsys, "reanalyze", "--library", upgraded)
    assert (code, lines) == (0, [])  # nothing left to do


def test_a_library_wide_correction_applies_to_the_new_reading(
    upgraded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = open_library(upgraded)
    try:
        EntityStore(lib).add_rule(None, "rename", {"entity": {"name": "Lena Berg", "type": "PERSON"},
                                                   "name": "Mayor Lena Berg"})
    finally:
        lib.close()
    assert _index(upgraded) == {"L. Berg": 2, "Mayor Lena Berg": 1}
    code, _, err = run(capsys, "reanalyze", "--library", upgraded, "--jobs", "1")
    assert code == 0, err
    assert _index(upgraded) == {"Mayor Lena Berg": 3}


def test_reanalyze_with_workers_stores_the_same_reading_as_in_one_process(
    upgraded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "copy.sqlite"
    other.write_bytes(Path(upgraded).read_bytes())
    code, by_pool, _ = run(capsys, "reanalyze", "--library", upgraded, "--all", "--jobs", "2")
    assert code == 0
    code, alone, _ = run(capsys, "reanalyze", "--library", str(other), "--all", "--jobs", "1")
    assert code == 0
    assert by_pool == alone and [line["id"] for line in alone] == [3, 2, 1]

    def entities(url: str) -> list[Entity]:
        lib = open_library(url)
        try:
            return [e for i in (1, 2, 3) for e in (lib.load_analysis(i, ANALYZER_VERSION) or _none()).entities]
        finally:
            lib.close()

    assert entities(upgraded) == entities(str(other))


def _none() -> Any:
    raise AssertionError("no analysis stored")


def test_named_articles_are_analysed_again_and_an_unknown_one_is_refused_with_nothing_done(
    upgraded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run(capsys, "reanalyze", "--library", upgraded, "1", "9")
    assert code == 2 and lines == []
    assert "no article with id 9" in err
    assert _versions(upgraded)[1] == OLD  # refused whole: article 1 was not analysed either
    code, lines, _ = run(capsys, "reanalyze", "--library", upgraded, "3", "1", "3")
    assert code == 0 and [line["id"] for line in lines] == [3, 1]  # in the order given, once each
    assert _versions(upgraded) == {1: ANALYZER_VERSION, 2: OLD, 3: ANALYZER_VERSION}
    code, _, err = run(capsys, "reanalyze", "--library", upgraded, "--all", "2")
    assert code == 2 and "not both" in err
    code, _, err = run(capsys, "reanalyze", "--library", upgraded, "--jobs", "0")
    assert code == 2 and "--jobs" in err
