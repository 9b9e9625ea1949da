"""Smoke test on the shared benchmark data: the 88 saved pages imported in one batch and every document of the
shared corpora analysed in one batch, then again against the odd publication dates 0001-01-01, 9999-12-31,
2000-02-29 and none — with no traceback and every document answered.

The shared folder lies beside the clone (``../shared`` from the repository root, as CI lays it out); without it
the test is skipped.
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gui.launcher import main

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "benchmarks"
PAGES = SHARED / "article-extraction" / "html"
CORPORA = (SHARED / "meantime" / "meantime-dev.jsonl", SHARED / "gum" / "gum-dev.jsonl")
SAMPLE = REPO / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
ODD_DATES = (date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29), None)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (PAGES.is_dir() and all(c.is_file() for c in CORPORA)),
        reason=f"the shared benchmark folder is not beside the repository ({SHARED})",
    ),
]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_the_shared_pages_import_in_one_batch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pages = sorted(PAGES.glob("*.html.gz"))
    assert len(pages) == 88
    files = []
    for page in pages:
        target = tmp_path / page.name.removesuffix(".gz")
        target.write_bytes(gzip.decompress(page.read_bytes()))
        files.append(str(target))
    code, records, err = _run(capsys, "import", "--library", str(tmp_path / "lib.sqlite"), *files)
    assert "Traceback" not in err
    assert code == 0, err
    assert len(records) == 88 and all(r["status"] == "new" for r in records)

    code, extracted, err = _run(capsys, "extract", *files)
    assert code == 0 and len(extracted) == 88
    # pages whose structured data says 0001-01-01 get their real date from the page, and say where it came from
    placeholders = [r for r, f in zip(extracted, files, strict=True) if '"0001-01-01' in Path(f).read_text("utf-8")
                    or '\\"0001-01-01' in Path(f).read_text("utf-8")]
    assert len(placeholders) >= 3
    for record in extracted:
        if record["published"]:
            assert "1800-01-01" <= record["published"][:10] <= date.today().isoformat()
            assert record["published_source"]
    dated_by_address = [r for r in placeholders if r["published_source"] == "url"]
    assert len(dated_by_address) == 3 and all(r["published"] == "2019-11-19" for r in dated_by_address)


def test_every_document_of_the_shared_corpora_is_answered(capsys: pytest.CaptureFixture[str]) -> None:
    expected = [json.loads(line)["id"] for c in CORPORA for line in c.read_text("utf-8").splitlines() if line.strip()]
    code, records, err = _run(capsys, "analyze", "--jsonl", *map(str, CORPORA))
    assert "Traceback" not in err
    assert code == 0, err
    assert [r["id"] for r in records] == expected
    assert all("status" not in r for r in records)


def _documents() -> list[tuple[str, str]]:
    docs = [("sample", SAMPLE.read_text("utf-8"))]
    for corpus in CORPORA:
        docs += [(d["id"], d["text"]) for d in map(json.loads, corpus.read_text("utf-8").splitlines())]
    return docs


def test_the_sample_and_the_corpora_against_odd_publication_dates() -> None:
    """Each text is parsed once; the timeline (the only part that depends on the date) is resolved against each
    odd date, and the whole analysis of the sample runs against each too."""
    from models.analysis import analyze, entities, nlp
    from models.analysis.timeline import timeline_within

    for published in ODD_DATES:
        result = analyze(SAMPLE.read_text("utf-8"), published)
        assert result.status == "complete" and result.entities
    answered = 0
    for _id, text in _documents():
        parsed = nlp.parse(text)
        found = entities.extract_entities(parsed)
        for published in ODD_DATES:
            timexes, events, whole = timeline_within(parsed, published, found)
            assert whole
            for t in timexes:
                assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
            for ev in events:
                assert ev.sentence_start <= ev.timex.start < ev.timex.end <= ev.sentence_end <= len(text)
        answered += 1
    assert answered == 1 + 58 + 84
