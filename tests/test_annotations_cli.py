"""``newsdesk highlight`` and ``newsdesk annotations`` (docs/command-line.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from models.cli import main
from models.store import open_library

FIELDS = ["id", "article", "start", "end", "exact", "prefix", "suffix", "color", "note", "tags", "author", "created",
          "modified", "status"]
UTC_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.fixture
def imported(
    library_url: str, sample_path: Path, cli_libraries_closed: None, capsys: pytest.CaptureFixture[str]
) -> tuple[str, int]:
    code, lines, _ = run(capsys, "import", "--no-analysis", "--library", library_url, str(sample_path))
    assert code == 0
    return library_url, int(lines[0]["id"])


def text_of(library: str, article_id: int) -> str:
    lib = open_library(library)
    try:
        return lib.get_article(article_id).article.text
    finally:
        lib.close()


def annotation_count(library: str) -> int:
    lib = open_library(library)
    try:
        return len(lib.annotations.list())
    finally:
        lib.close()


def test_highlight_prints_the_annotation_and_annotations_lists_it(
    imported: tuple[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    lib, aid = imported
    code, lines, err = run(capsys, "highlight", "--library", lib, "--article", str(aid), "--quote", "Putin",
                           "--occurrence", "2", "--color", "red", "--note", "second mention", "--tag", "#Russia",
                           "--tag", "russia", "--tag", "people")
    assert (code, err) == (0, "")
    (made,) = lines
    assert list(made) == FIELDS
    text = text_of(lib, aid)
    second = text.index("Putin", text.index("Putin") + 1)
    assert (made["start"], made["end"], made["exact"]) == (second, second + 5, "Putin")
    assert (made["color"], made["note"], made["tags"], made["status"]) == ("red", "second mention",
                                                                            ["people", "Russia"], "anchored")
    assert made["author"] == "Test Reader"
    assert UTC_Z.match(str(made["created"])) and UTC_Z.match(str(made["modified"]))
    code, listed, _ = run(capsys, "annotations", "--library", lib, "--article", str(aid))
    assert code == 0 and listed == [made]
    code, listed, _ = run(capsys, "annotations", "--library", lib)
    assert listed == [made]


def test_highlight_quote_may_differ_in_white_space(
    imported: tuple[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    lib, aid = imported
    text = text_of(lib, aid)
    words = text.split("\n")[1].split()[:4]
    code, lines, _ = run(capsys, "highlight", "--library", lib, "--article", str(aid), "--quote", "  \n ".join(words))
    assert code == 0 and " ".join(str(lines[0]["exact"]).split()) == " ".join(words)


@pytest.mark.parametrize(
    "extra,reason",
    [
        (["--quote", "words that are not in the article"], "quote not found"),
        (["--quote", "Putin", "--occurrence", "999"], "occurs"),
        (["--quote", "Putin", "--color", "mauve"], "unknown colour"),
    ],
)
def test_highlight_errors_are_one_line_and_change_nothing(
    imported: tuple[str, int], capsys: pytest.CaptureFixture[str], extra: list[str], reason: str
) -> None:
    lib, aid = imported
    code, lines, err = run(capsys, "highlight", "--library", lib, "--article", str(aid), *extra)
    assert code != 0 and lines == []
    assert reason in err and err.count("\n") == 1 and "Traceback" not in err
    assert annotation_count(lib) == 0


def test_missing_article_is_a_user_error(imported: tuple[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    lib, aid = imported
    code, _, err = run(capsys, "highlight", "--library", lib, "--article", str(aid + 7), "--quote", "Putin")
    assert code != 0 and "no article" in err
    code, _, err = run(capsys, "annotations", "--library", lib, "--article", str(aid + 7))
    assert code != 0 and "no article" in err
