"""``newsdesk list``: one line per article, printed from plain rows (a library of 100,000 articles is 100,000
lines), the same lines as the summaries of ``Library.list_articles`` give."""

from __future__ import annotations

import json
from typing import Any

import pytest

from models.cli import main
from models.store import article_list, open_library
from tests.fixtures.generated_library import generated_library


def _summary_line(a: Any, read: bool, position: int) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "source": a.source, "publisher": a.publisher, "published": a.published,
            "imported": a.imported_at.isoformat(timespec="seconds") + "Z", "highlights": a.highlight_count,
            "read": read, "position": position}


def test_list_prints_the_summaries_of_every_article(
    library_url: str, cli_libraries_closed: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    import models.cli.articles

    monkeypatch.setattr(models.cli.articles, "LIST_BATCH", 5)  # lines written a few at a time

    from models.article import Article, Metadata, build_text

    lib = open_library(library_url)
    try:
        ids = generated_library(lib, 12, seed=9)
        text, blocks = build_text([("title", "Zürich — «débat»"), ("paragraph", "Sans éditeur ni date.")])
        ids.append(lib.import_article(Article("nopub.txt", "text", text, blocks,
                                              Metadata(title="Zürich — «débat»"))).id)
        stored = lib.get_article(ids[0]).article
        lib.import_article(replace(stored, source="copy.txt"))  # the same text under another source
        lib.annotations.add(ids[1], 0, 4, color="green")
        lib.annotations.add(ids[1], 5, 9)
        article_list.set_read(lib, ids[2])
        article_list.set_position(lib, ids[3], 42)
        states = article_list.reading_states(lib)
        expected = [_summary_line(a, *states.get(a.id, (False, 0))) for a in lib.list_articles()]
    finally:
        lib.close()
    assert main(["list", "--library", library_url]) == 0
    out = capsys.readouterr().out
    assert out == "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in expected)
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(ids) + 1 and {x["highlights"] for x in lines} == {0, 2}
    assert any(x["read"] for x in lines) and any(x["position"] == 42 for x in lines)
    assert any(x["publisher"] == "" and x["published"] is None for x in lines)
