"""One document's failure is that document's alone: ``import``, ``analyze`` and ``analyze --jsonl`` report it in
one line, keep the article, mark its analysis failed, go on, and exit non-zero."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import models.analysis as analysis_module
from gui.launcher import main
from models.analysis import ANALYZER_VERSION
from models.analysis.types import Analysis
from models.store import open_library

GOOD = "Talks resume\nThe ministers met on Monday in Geneva and will meet again in June, officials said.\n"
CURSED = "Ruins\nThe cursed city fell to the invaders, the museum says.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err.splitlines()


@pytest.fixture
def cursed_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis raises on any text that says "cursed" (as an overflow once did on real pages)."""
    real = analysis_module.analyze

    def analyze(text: str, *args: Any, **kwargs: Any) -> Analysis:
        if "cursed" in text:
            raise OverflowError("date value out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(analysis_module, "analyze", analyze)


def test_import_keeps_the_article_whose_analysis_failed_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cursed_analysis: None
) -> None:
    first, second = tmp_path / "cursed.txt", tmp_path / "good.txt"
    first.write_text(CURSED)
    second.write_text(GOOD)
    lib = str(tmp_path / "lib.sqlite")
    # one process: the stand-in analyser patched into this process is the one that runs (the --jobs pool reports
    # failures the same way, see tests/test_import_pool.py)
    code, records, err = run(capsys, "import", "--library", lib, "--jobs", "1", str(first), str(second))
    assert code == 1
    assert [r["title"] for r in records] == ["Ruins", "Talks resume"]  # both imported, in order
    assert records[0]["analysis"] == {"status": "failed", "reason": "OverflowError: date value out of range"}
    assert err == [f"newsdesk: {first}: analysis failed: OverflowError: date value out of range"]
    library = open_library(lib)
    try:
        stored = library.load_analysis(records[0]["id"], ANALYZER_VERSION)
        assert stored is not None and stored.failed
        assert library.get_article(records[0]["id"]).article.text == CURSED.strip()
        marks = {a.id: a.analysis_status for a in library.list_articles()}
        assert marks == {records[0]["id"]: "failed", records[1]["id"]: ""}
    finally:
        library.close()


def test_analyze_files_reports_the_failure_and_answers_every_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cursed_analysis: None
) -> None:
    first, second = tmp_path / "cursed.txt", tmp_path / "good.txt"
    first.write_text(CURSED)
    second.write_text(GOOD)
    code, records, err = run(capsys, "analyze", str(first), str(second))
    assert code == 1 and len(err) == 1 and "analysis failed" in err[0]
    assert records[0]["status"] == "failed" and records[0]["entities"] == [] and records[0]["timeline"] == []
    assert "status" not in records[1] and any(e["name"] == "Geneva" for e in records[1]["entities"])
    assert "Traceback" not in "\n".join(err)


def test_analyze_jsonl_answers_every_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cursed_analysis: None
) -> None:
    lines = tmp_path / "docs.jsonl"
    docs = [{"id": "a", "text": CURSED, "published": "2019-01-23"}, {"id": "b", "text": GOOD, "published": None}]
    lines.write_text("".join(json.dumps(d) + "\n" for d in docs))
    code, records, err = run(capsys, "analyze", "--jsonl", str(lines))
    assert code == 1
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["status"] == "failed" and err == [
        f"newsdesk: {lines}:1: a: analysis failed: OverflowError: date value out of range"
    ]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "2000-02-29", None])
def test_analyze_jsonl_with_odd_publication_dates(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   published: str | None) -> None:
    text = "On Tuesday, 5,000 years ago, the city fell. Yesterday and next year, three centuries later."
    lines = tmp_path / "docs.jsonl"
    lines.write_text(json.dumps({"id": "x", "text": text, "published": published}) + "\n")
    code, [record], err = run(capsys, "analyze", "--jsonl", str(lines))
    assert code == 0 and err == [] and "status" not in record
    values = {t["text"]: t["value"] for t in record["timeline"]}
    if published == "2000-02-29":
        assert values["5,000 years ago"] == "BC3001" and values["Yesterday"] == "2000-02-28"
    if published == "0001-01-01":
        assert values["5,000 years ago"] == "BC5000"
    if published is None:
        assert values == {}  # nothing here is absolute: without a date nothing is resolved


def test_a_file_name_that_is_not_utf8_is_imported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    odd = folder + b"/caf\xe9-\xff.txt"  # Latin-1 bytes: not UTF-8
    with open(odd, "wb") as handle:
        handle.write(GOOD.encode())
    after = tmp_path / "after.txt"
    after.write_text(CURSED.replace("cursed ", ""))
    lib = str(tmp_path / "lib.sqlite")
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from gui.launcher import main; sys.exit(main(sys.argv[1:]))",
         "import", "--no-analysis", "--library", lib, odd, str(after)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert proc.returncode == 0 and [r["title"] for r in records] == ["Talks resume", "Ruins"]
    assert records[0]["source"].endswith("caf\\xe9-\\xff.txt")  # the bytes written out, one line


def test_a_failed_analysis_is_retried_and_then_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.ingest import ingest_text
    from models.store.analysis_jobs import ensure_analysis

    library = open_library(str(tmp_path / "lib.sqlite"))
    try:
        article_id = library.import_article(ingest_text(GOOD, source="clip:1")).id
        real = analysis_module.analyze
        monkeypatch.setattr(analysis_module, "analyze", lambda *a, **k: (_ for _ in ()).throw(MemoryError()))
        assert ensure_analysis(library, article_id).failed
        monkeypatch.setattr(analysis_module, "analyze", real)
        assert ensure_analysis(library, article_id).failed  # opening it again reads the stored failure
        again = ensure_analysis(library, article_id, retry=True)
        assert again.status == "complete" and [e.name for e in again.entities] == ["Geneva"]
    finally:
        library.close()


def test_timeline_of_a_text_without_a_trustworthy_date_keeps_absolute_dates() -> None:
    result = analysis_module.analyze("The treaty of May 7, 1945 ended it; yesterday they remembered.", None)
    assert [(t.text, t.value) for t in result.timexes] == [("May 7, 1945", "1945-05-07")]
    assert analysis_module.analyze("yesterday", date(2019, 1, 23)).timexes[0].value == "2019-01-22"
