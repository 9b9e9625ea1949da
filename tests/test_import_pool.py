"""``newsdesk import --jobs N`` and folders: workers read and analyse, one writer commits, unchanged files cost no
analysis, a bad file is reported and the rest imported."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gui.launcher import main
from models.analysis import ANALYZER_VERSION
from models.cli import import_pool
from models.store import open_library

SHORT = """Print PRINT

POLITICS > Government

Council approves the harbour budget {n}

  • March {day}, 2021
  • , Harbour Times , p. 3

By Ana Ito


OSLO – The city council of Oslo approved the harbour budget on March {day}, 2021, after Mayor Lena Berg spoke.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "press"
    (root / "2021" / "march").mkdir(parents=True)
    (root / ".cache").mkdir()
    for n in range(4):
        sub = root / "2021" / ("march" if n % 2 else "")
        (sub / f"council-{n}.txt").write_text(SHORT.format(n=n, day=n + 2), encoding="utf-8")
    (root / ".cache" / "hidden.txt").write_text(SHORT.format(n=9, day=9), encoding="utf-8")
    (root / "2021" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(range(256)))
    return root


def test_a_folder_stands_for_its_article_files_recursively(folder: Path) -> None:
    found = import_pool.expand_sources([str(folder), "https://example.com/a", str(folder / "2021" / "council-0.txt")])
    names = [Path(p).name for p in found if not p.startswith("https")]
    assert sorted(names) == [f"council-{n}.txt" for n in range(4)]  # no hidden file, no photo, no duplicate
    assert "https://example.com/a" in found


def test_jobs_imports_a_folder_in_the_order_given_and_reimport_is_unchanged(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = str(tmp_path / "lib.sqlite")
    code, recs, err = run(capsys, "import", "--library", lib, "--jobs", "2", "--no-analysis", str(folder))
    assert (code, err) == (0, "")
    assert [r["status"] for r in recs] == ["new"] * 4
    assert [r["source"] for r in recs] == import_pool.expand_sources([str(folder)])
    code, again, _ = run(capsys, "import", "--library", lib, "--jobs", "2", "--no-analysis", str(folder))
    assert [(r["id"], r["status"]) for r in again] == [(r["id"], "unchanged") for r in recs]


def test_a_bad_file_is_reported_and_the_rest_imported(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "2021" / "broken.txt").write_bytes(b"\x00\x01\x02" * 1000)
    lib = str(tmp_path / "lib.sqlite")
    code, recs, err = run(capsys, "import", "--library", lib, "--jobs", "2", "--no-analysis", str(folder))
    assert code == 1 and len(recs) == 4
    assert err.count("newsdesk: ") == 1 and "broken.txt" in err and "Traceback" not in err


def test_jobs_below_one_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, recs, err = run(capsys, "import", "--library", str(tmp_path / "l.sqlite"), "--jobs", "0", str(folder))
    assert (code, recs) == (2, []) and err == "newsdesk: --jobs needs 1 or more\n"


def test_a_known_text_costs_no_analysis_in_the_worker(folder: Path) -> None:
    from models.ingest import ingest_file

    path = str(folder / "2021" / "council-0.txt")
    article = ingest_file(path)
    import_pool._init_worker({article.source: article.text_hash})
    try:
        source, read, analysis, error = import_pool._work(path, True)
    finally:
        import_pool._init_worker({})
    assert (source, error, analysis) == (path, None, None) and read.text_hash == article.text_hash


@pytest.mark.slow
def test_workers_analyse_and_the_writer_stores_what_they_found(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for target in (one, two):
        shutil.copytree(folder / "2021" / "march", target / "march")
    code, serial, _ = run(capsys, "import", "--library", str(tmp_path / "a.sqlite"), "--jobs", "1", str(one))
    assert code == 0
    code, pooled, err = run(capsys, "import", "--library", str(tmp_path / "b.sqlite"), "--jobs", "2", str(two))
    assert (code, err) == (0, "") and len(pooled) == len(serial) == 2
    a, b = open_library(str(tmp_path / "a.sqlite")), open_library(str(tmp_path / "b.sqlite"))
    try:
        for x, y in zip(serial, pooled, strict=True):
            got_a, got_b = a.load_analysis(x["id"], ANALYZER_VERSION), b.load_analysis(y["id"], ANALYZER_VERSION)
            assert got_a is not None and got_a == got_b
        assert import_pool.analysed_sources(b) == {r["source"]: b.get_article(r["id"]).article.text_hash
                                                   for r in pooled}
    finally:
        a.close()
        b.close()


def test_an_analysis_that_failed_in_a_worker_is_stored_reported_and_counted(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from models.analysis.types import Analysis
    from models.cli.sources import read_source

    files = sorted(str(p) for p in (folder / "2021").rglob("*.txt"))[:2]

    def results(sources: list[str], jobs: int, analyse: bool, known: dict[str, str]) -> Iterator[import_pool.Result]:
        for n, source in enumerate(sources):  # what the workers hand back: the first analysis failed
            article = read_source(source)
            analysis = Analysis(ANALYZER_VERSION, article.text_hash)
            yield source, article, replace(analysis, status="failed", reason="OverflowError: boom") if n == 0 \
                else analysis, None

    monkeypatch.setattr(import_pool, "results", results)
    lines: list[dict[str, Any]] = []
    said: list[str] = []
    lib = open_library(str(tmp_path / "lib.sqlite"))
    try:
        failed = import_pool.import_in_pool(lib, files, 2, True, lines.append, said.append)
        assert failed == 1 and len(lines) == 2
        assert lines[0]["analysis"] == {"status": "failed", "reason": "OverflowError: boom"}
        assert "analysis" not in lines[1]
        assert said == [f"{lines[0]['source']}: analysis failed: OverflowError: boom"]
        stored = lib.load_analysis(lines[0]["id"], ANALYZER_VERSION)
        assert stored is not None and stored.failed
        assert {a.id: a.analysis_status for a in lib.list_articles()}[lines[0]["id"]] == "failed"
    finally:
        lib.close()


def test_a_folder_without_article_files_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code, lines, err = run(capsys, "import", "--library", str(tmp_path / "lib.sqlite"), str(empty))
    assert code == 1 and lines == []
    assert err == f"newsdesk: {empty}: no article files in this folder (.txt, .html, .md …)\n"


def _fake_results(fail_at: int | None = None, interrupt_after: int | None = None) -> Any:
    """What the workers hand back, without workers: each source read, with an empty analysis of its text."""
    from models.analysis.types import Analysis
    from models.cli.sources import read_source

    def results(sources: list[str], jobs: int, analyse: bool, known: dict[str, str]) -> Iterator[import_pool.Result]:
        for n, source in enumerate(sources):
            if n == interrupt_after:
                raise KeyboardInterrupt
            article = read_source(source)
            yield source, article, Analysis(ANALYZER_VERSION, article.text_hash), None

    return results


def _committed_sources(path: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(path) as conn:  # another connection: sees only what was committed
        return {row[0] for row in conn.execute("SELECT source FROM articles")}


def test_the_writer_commits_several_articles_at_once_and_prints_only_what_is_committed(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.store.sessions import JoinedWrites

    files = sorted(str(p) for p in (folder / "2021").rglob("*.txt"))
    monkeypatch.setattr(import_pool, "results", _fake_results())
    monkeypatch.setattr(import_pool, "COMMIT_ARTICLES", 3)
    monkeypatch.setattr(import_pool, "COMMIT_SECONDS", 3600.0)
    commits: list[int] = []
    real_commit = JoinedWrites.commit
    path = tmp_path / "lib.sqlite"
    lib = open_library(str(path))

    def counted(self: JoinedWrites) -> None:
        real_commit(self)
        commits.append(len(_committed_sources(path)))

    monkeypatch.setattr(JoinedWrites, "commit", counted)
    printed: list[tuple[str, bool]] = []
    try:
        failed = import_pool.import_in_pool(
            lib, files, 2, True, lambda line: printed.append((line["source"], line["source"] in
                                                              _committed_sources(path))), print)
        assert failed == 0 and [s for s, _ in printed] == files and all(c for _, c in printed)
        assert commits[:2] == [3, 4]  # three articles in one transaction, then the last one
        assert all(lib.load_analysis(lib.find_article(f) or 0, ANALYZER_VERSION) is not None for f in files)
    finally:
        lib.close()


def test_an_interruption_keeps_and_prints_the_articles_written(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(str(p) for p in (folder / "2021").rglob("*.txt"))
    monkeypatch.setattr(import_pool, "results", _fake_results(interrupt_after=3))
    monkeypatch.setattr(import_pool, "COMMIT_SECONDS", 3600.0)  # nothing committed before the interruption
    path = tmp_path / "lib.sqlite"
    lib = open_library(str(path))
    printed: list[str] = []
    try:
        with pytest.raises(KeyboardInterrupt):
            import_pool.import_in_pool(lib, files, 2, True, lambda line: printed.append(line["source"]), print)
        assert printed == files[:3] and _committed_sources(path) == set(files[:3])
        assert all(lib.load_analysis(lib.find_article(f) or 0, ANALYZER_VERSION) is not None for f in files[:3])
    finally:
        lib.close()


def test_an_article_that_cannot_be_written_is_reported_and_costs_the_others_nothing(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.store.library import Library

    files = sorted(str(p) for p in (folder / "2021").rglob("*.txt"))
    monkeypatch.setattr(import_pool, "results", _fake_results())
    real_save = Library.save_analysis
    calls: list[int] = []

    def second_fails(self: Library, article_id: int, analysis: Any) -> None:
        calls.append(article_id)
        if len(calls) == 2:  # the article row is written already: it must go with its analysis
            raise ValueError("cannot store this one")
        real_save(self, article_id, analysis)

    monkeypatch.setattr(Library, "save_analysis", second_fails)
    path = tmp_path / "lib.sqlite"
    lib = open_library(str(path))
    printed: list[str] = []
    said: list[str] = []
    try:
        failed = import_pool.import_in_pool(lib, files, 2, True, lambda line: printed.append(line["source"]),
                                            said.append)
        assert failed == 1 and printed == [files[0], *files[2:]]
        assert said == [f"{files[1]}: ValueError: cannot store this one"]
        assert _committed_sources(path) == {files[0], *files[2:]}  # neither half of the failed one is kept
    finally:
        lib.close()
