"""Two readers of one library storing an article's analysis at the same moment (two windows on a shared PostgreSQL
library bringing it up to date after an upgrade, or opening the same new article): one analysis is kept, neither
reader fails, and a failed analysis never replaces a complete one of the same text."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select

from models.analysis import ANALYZER_VERSION, failed_analysis
from models.analysis.types import Analysis, Entity, Mention
from models.article import Article, Metadata, build_text
from models.store import Library, library_index, open_library
from models.store.schema import AnalysisRow, EntityArticleRow


def _article() -> Article:
    text, blocks = build_text([("title", "Harbour budget"), ("paragraph", "Mayor Lena Berg of Oslo spoke.")])
    return Article("/home/reader/harbour.txt", "text", text, blocks, Metadata(title="Harbour budget"))


def _rows(lib: Library, article_id: int) -> list[dict[str, Any]]:
    with lib.reading() as s:
        return [r.data for r in s.scalars(select(AnalysisRow).where(AnalysisRow.article_id == article_id))]


def test_two_readers_storing_an_analysis_at_once_keep_one_and_neither_fails(
    library_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = open_library(library_url), open_library(library_url)
    try:
        article_id = first.import_article(_article()).id
        text = first.get_article(article_id).article.text
        text_hash = first.get_article(article_id).article.text_hash
        at = text.index("Lena Berg")
        mention = (Mention(at, at + len("Lena Berg"), "Lena Berg"),)
        mine = Analysis(ANALYZER_VERSION, text_hash, entities=(Entity("Lena Berg", "PERSON", mention),))
        theirs = replace(mine, entities=(Entity("Mayor Lena Berg", "PERSON", mention),))

        holding, go = threading.Event(), threading.Event()
        real = library_index.write_analysis_index
        holder = threading.current_thread()

        def slow_index(*args: Any, **kwargs: Any) -> None:
            real(*args, **kwargs)
            if threading.current_thread() is holder:
                holding.set()  # the other reader's transaction has replaced the analysis and is still open
                go.wait(10)

        monkeypatch.setattr(library_index, "write_analysis_index", slow_index)
        errors: list[BaseException] = []

        def second_reader() -> None:
            holding.wait(10)
            try:
                second.save_analysis(article_id, mine)  # waits for the first reader's transaction, then stores
            except BaseException as error:  # noqa: BLE001 — reported by the assertion below
                errors.append(error)

        worker = threading.Thread(target=second_reader)
        worker.start()
        timer = threading.Timer(0.5, go.set)  # the second reader is blocked on the first one's rows by then
        timer.start()
        first.save_analysis(article_id, theirs)
        worker.join(20)
        timer.cancel()
        assert not worker.is_alive() and errors == []
        rows = _rows(first, article_id)
        assert len(rows) == 1  # one analysis of this text by this version, whichever reader stored it
        with first.reading() as s:  # and the index describes that one, once
            names = list(s.scalars(select(EntityArticleRow.name).where(EntityArticleRow.article_id == article_id)))
            assert len(names) == 1 and names[0] == rows[0]["entities"][0]["name"]
            assert s.scalar(select(func.count()).select_from(AnalysisRow)) == 1
    finally:
        first.close()
        second.close()


def test_a_failed_analysis_never_replaces_a_complete_one_of_the_same_text(lib: Library) -> None:
    article_id = lib.import_article(_article()).id
    stored = lib.get_article(article_id).article
    at = stored.text.index("Lena Berg")
    complete = Analysis(ANALYZER_VERSION, stored.text_hash,
                        entities=(Entity("Lena Berg", "PERSON", (Mention(at, at + 9, "Lena Berg"),)),))
    lib.save_analysis(article_id, complete)
    lib.save_analysis(article_id, failed_analysis(stored.text, "the analysis process stopped unexpectedly"))
    kept = lib.load_analysis(article_id, ANALYZER_VERSION)
    assert kept is not None and kept.status == "complete" and [e.name for e in kept.entities] == ["Lena Berg"]
    lib.forget_analysis(article_id)  # a failure alone is stored (the reader shows it and offers Retry)
    lib.save_analysis(article_id, failed_analysis(stored.text, "out of memory"))
    again = lib.load_analysis(article_id, ANALYZER_VERSION)
    assert again is not None and again.failed and again.reason == "out of memory"
