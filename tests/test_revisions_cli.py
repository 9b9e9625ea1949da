"""Story revisions end to end from the command line: import, highlight, import an edited version, list and diff."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from models.cli import main
from models.store import open_library

STORIES = Path(__file__).parent / "fixtures" / "revisions"
DELETED = "He had promised voters a breakthrough on the disputed islands before the upper house election."
KEPT = "Vladimir Putin said the two countries would keep working on a peace treaty"
INSERTED = "The two leaders will meet again in Tokyo on March 14."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.fixture
def edited_story(
    tmp_path: Path, cli_libraries_closed: None, capsys: pytest.CaptureFixture[str]
) -> tuple[str, int, dict[str, str]]:
    """A story imported and highlighted twice, then imported again as edited by its publisher."""
    library = str(tmp_path / "lib.sqlite")
    story = tmp_path / "story.txt"
    shutil.copy(STORIES / "port-deal-v1.txt", story)
    code, [first], _ = run(capsys, "import", "--library", library, "--no-analysis", str(story))
    assert code == 0 and first["status"] == "new"
    # an undated story: without a date "March 14" cannot be placed, so the reader sets one (kept over updates)
    lib = open_library(library)
    lib.set_published(first["id"], "2019-01-23")
    lib.close()
    ids = {}
    for quote in (DELETED, KEPT):
        code, [ann], err = run(
            capsys, "highlight", "--library", library, "--article", str(first["id"]), "--quote", quote
        )
        assert code == 0, err
        ids[quote] = ann["id"]
    shutil.copy(STORIES / "port-deal-v2.txt", story)
    code, [second], _ = run(capsys, "import", "--library", library, str(story))
    assert code == 0
    assert (second["id"], second["status"], second["revision"], second["orphaned"]) == (first["id"], "updated", 2, 1)
    return library, first["id"], ids


def test_an_edited_story_lists_two_revisions(
    edited_story: tuple[str, int, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    library, article, _ids = edited_story
    code, lines, _ = run(capsys, "revisions", "--library", library, "--article", str(article))
    assert code == 0
    assert [r["revision"] for r in lines] == [1, 2]
    assert lines[0]["text_hash"] != lines[1]["text_hash"]
    assert lines[0]["words"] == lines[1]["words"] + 15 - 11  # a 15-word sentence gone, an 11-word one added
    assert {r["title"] for r in lines} == {"Japan and Russia sign port deal after two days of talks"}
    assert all(r["imported"].endswith("Z") for r in lines)


def test_the_diff_shows_the_three_edits_the_highlights_fates_and_the_new_date(
    edited_story: tuple[str, int, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    library, article, ids = edited_story
    code, lines, err = run(capsys, "diff", "--library", library, "--article", str(article))
    assert code == 0, err
    head = lines[0]
    assert (head["kind"], head["from"], head["to"], head["analysed"]) == ("revisions", 1, 2, True)
    text = [(t["op"], t["old"].strip(), t["new"].strip()) for t in lines if t["kind"] == "text"]
    assert text == [("replace", "12", "15"), ("delete", DELETED, ""), ("insert", "", INSERTED)]
    v1 = (STORIES / "port-deal-v1.txt").read_text("utf-8")
    number = next(t for t in lines if t["kind"] == "text")
    old_text = "\n".join(p for p in v1.split("\n") if p.strip())
    assert old_text[number["old_start"] : number["old_end"]] == "12"
    fates = {h["id"]: h for h in lines if h["kind"] == "highlight"}
    assert fates[ids[DELETED]]["fate"] == "orphaned" and fates[ids[DELETED]]["old"] == DELETED
    assert fates[ids[DELETED]]["new"] is None
    assert fates[ids[KEPT]]["fate"] in ("unchanged", "moved") and fates[ids[KEPT]]["new"] == KEPT
    events = [e for e in lines if e["kind"] == "event"]
    assert [(e["change"], e["text"]) for e in events] == [("added", "March 14")]
    assert events[0]["value"].endswith("-03-14")
    assert {"kind": "entity", "change": "added", "value": "Tokyo", "type": "PLACE", "mentions": 1} in lines


def test_an_unchanged_reimport_stores_no_new_revision(
    edited_story: tuple[str, int, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library, article, _ids = edited_story
    code, [again], _ = run(capsys, "import", "--library", library, str(tmp_path / "story.txt"))
    assert (code, again["status"]) == (0, "unchanged")
    _code, lines, _ = run(capsys, "revisions", "--library", library, "--article", str(article))
    assert len(lines) == 2


def test_diff_refuses_a_missing_revision_or_article_in_one_line(
    edited_story: tuple[str, int, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    library, article, _ids = edited_story
    code, lines, err = run(capsys, "diff", "--library", library, "--article", str(article), "--from", "3")
    assert (code, lines) == (2, []) and err == f"newsdesk: article {article} has no revision 3 (it has 1 to 2)\n"
    code, lines, err = run(capsys, "revisions", "--library", library, "--article", "99")
    assert (code, lines) == (2, []) and err == "newsdesk: no article with id 99\n"


def test_same_file_name_in_two_folders_is_two_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_libraries_closed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    library = str(tmp_path / "lib.sqlite")
    for folder, story in (("relA", "port-deal-v1.txt"), ("relB", "port-deal-v2.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(STORIES / story, tmp_path / folder / "article.txt")
    monkeypatch.chdir(tmp_path / "relA")
    code, [a], _ = run(capsys, "import", "--no-analysis", "--library", library, "article.txt")
    code, [ann], _ = run(capsys, "highlight", "--library", library, "--article", str(a["id"]), "--quote", DELETED)
    monkeypatch.chdir(tmp_path / "relB")
    code, [b], _ = run(capsys, "import", "--no-analysis", "--library", library, "article.txt")
    assert (a["status"], b["status"]) == ("new", "new") and a["id"] != b["id"]
    assert a["source"] == str((tmp_path / "relA" / "article.txt").resolve())
    assert b["source"] == str((tmp_path / "relB" / "article.txt").resolve())
    _code, anns, _ = run(capsys, "annotations", "--library", library, "--article", str(a["id"]))
    assert [(x["id"], x["status"]) for x in anns] == [(ann["id"], "anchored")]
