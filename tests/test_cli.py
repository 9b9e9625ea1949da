"""The command line as scripts and the benchmarks use it (docs/command-line.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gui.launcher import main

GOLD = json.loads((Path(__file__).parent / "fixtures" / "abe-putin-summit-2019-01-23.gold.json").read_text("utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_extract_prints_the_sample_with_its_metadata(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, [rec], err = run(capsys, "extract", str(sample_path))
    assert code == 0 and err == ""
    meta = GOLD["metadata"]
    assert rec["title"] == meta["title"]
    assert rec["published"] == meta["published"]
    assert rec["publisher"] == meta["source"]
    assert rec["authors"] == meta["authors"]
    assert rec["section"] == meta["section"]
    assert rec["page"] == meta["page"]
    assert rec["dateline"] == meta["dateline"]
    assert rec["subheadings"] == meta["subheadings"]
    assert rec["tags"] == [] and rec["page_tags"] == meta["page_tags"]  # site navigation, not the article's tags
    assert rec["provenance"] == meta["provenance_note"]
    assert rec["editorial_note"] == meta["editorial_note"]
    text = rec["text"]
    title, body = text.split("\n", 1)
    assert title == meta["title"]
    assert body.startswith(meta["body_starts_with"]) and body.endswith(meta["body_ends_with"])
    for junk in meta["not_in_body"]:
        assert junk not in text
    # blocks tile the text exactly, separated by one newline
    blocks = rec["blocks"]
    assert blocks[0] == {"start": 0, "end": len(title), "kind": "title"}
    assert "\n".join(text[b["start"] : b["end"]] for b in blocks) == text
    assert [text[b["start"] : b["end"]] for b in blocks if b["kind"] == "heading"] == meta["subheadings"]


def test_bad_files_in_a_batch_are_reported_and_the_rest_processed(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code, recs, err = run(capsys, "extract", str(empty), str(sample_path), str(binary), str(tmp_path / "missing.txt"))
    assert code != 0
    assert [r["title"] for r in recs] == [GOLD["metadata"]["title"]]
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("newsdesk: ") for line in lines)
    assert "Traceback" not in err


def test_import_list_search_and_reimport(capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    code, [rec], _ = run(capsys, "import", "--library", lib, "--no-analysis", str(sample_path))
    assert code == 0 and rec["status"] == "new" and rec["title"] == GOLD["metadata"]["title"]
    code, [again], _ = run(capsys, "--library", lib, "import", "--no-analysis", str(sample_path))
    assert (again["status"], again["id"]) == ("unchanged", rec["id"])
    code, listed, _ = run(capsys, "list", "--library", lib)
    assert [a["id"] for a in listed] == [rec["id"]] and listed[0]["publisher"] == "Mainichi"
    code, hits, _ = run(capsys, "search", "--library", lib, "Lavrov")
    assert hits and hits[0]["article"] == rec["id"] and "Lavrov" in hits[0]["snippet"]


def test_a_refused_file_leaves_the_library_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_path: Path
) -> None:
    lib = str(tmp_path / "lib.sqlite")
    run(capsys, "import", "--library", lib, "--no-analysis", str(sample_path))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    code, recs, err = run(capsys, "import", "--library", lib, str(bad))
    assert code != 0 and recs == [] and "bad.txt" in err
    code, listed, _ = run(capsys, "list", "--library", lib)
    assert len(listed) == 1


def test_analyze_jsonl_reports_malformed_lines_and_answers_the_rest(tmp_path: Path) -> None:
    feed = '{"id": "a", "text": "Talks resumed.", "published": "2019-01-23"}\nnot json\n{"id": "b"}\n'
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "analyze", "--jsonl", "-"],
        input=feed,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a"] and set(out[0]) == {"id", "entities", "timeline"}
    assert proc.stderr.count("newsdesk: ") == 2 and "Traceback" not in proc.stderr


def test_the_launcher_knows_every_sub_command_without_importing_them() -> None:
    from models import cli

    assert cli.COMMANDS == cli.commands()


def test_a_command_reading_many_rows_turns_the_collector_off_only_while_it_reads() -> None:
    import gc

    from models.cli.library_index_commands import _no_collector

    assert gc.isenabled()
    with pytest.raises(RuntimeError), _no_collector():
        assert not gc.isenabled()
        raise RuntimeError("the library went away")
    assert gc.isenabled()  # back on, whatever happened inside
    gc.disable()
    try:
        with _no_collector():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
