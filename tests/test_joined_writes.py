"""Writes joined in one transaction (a bulk import commits every few articles): each block stays atomic on its own,
what is not committed goes when the whole fails, an interruption keeps the blocks that completed, and other threads
keep their own transactions."""

from __future__ import annotations

import threading

import pytest

from models.article import Article, Metadata, build_text
from models.store import Library, open_library


def make_article(n: int) -> Article:
    t, blocks = build_text([("title", f"Report {n}"), ("paragraph", f"The council met {n} times.")])
    return Article(f"file:///report-{n}.txt", "text", t, blocks, Metadata(title=f"Report {n}"))


def committed(url: str) -> set[str]:
    other = open_library(url)  # another connection sees only what was committed
    try:
        return {a.title for a in other.list_articles()}
    finally:
        other.close()


def test_a_failing_block_goes_alone_and_the_rest_commits_together(lib: Library) -> None:
    with lib.joined_writes() as batch:
        lib.import_article(make_article(1))
        with pytest.raises(RuntimeError):
            with lib.writing():
                lib.import_article(make_article(2))
                raise RuntimeError("this one fails")
        lib.import_article(make_article(3))
        assert committed(lib.url) == set()  # nothing is committed before the batch says so
        batch.commit()
        assert committed(lib.url) == {"Report 1", "Report 3"}
        lib.import_article(make_article(4))
    assert committed(lib.url) == {"Report 1", "Report 3", "Report 4"}


def test_an_error_rolls_back_what_was_not_committed(lib: Library) -> None:
    with pytest.raises(ValueError):
        with lib.joined_writes() as batch:
            lib.import_article(make_article(1))
            batch.commit()
            lib.import_article(make_article(2))
            raise ValueError("the batch fails")
    assert committed(lib.url) == {"Report 1"}


def test_an_interruption_keeps_the_blocks_that_completed(lib: Library) -> None:
    with pytest.raises(KeyboardInterrupt):
        with lib.joined_writes():
            lib.import_article(make_article(1))
            with lib.writing():
                lib.import_article(make_article(2))
                raise KeyboardInterrupt  # in the middle of this block: it is not kept
    assert committed(lib.url) == {"Report 1"}
    lib.import_article(make_article(3))  # the library writes on as usual afterwards
    assert committed(lib.url) == {"Report 1", "Report 3"}


def test_another_thread_keeps_its_own_transactions(lib: Library) -> None:
    if lib.engine.dialect.name == "sqlite":
        written: list[int] = []
        with lib.joined_writes() as batch:
            lib.import_article(make_article(1))
            batch.commit()  # SQLite lets one writer in at a time: the other thread writes between batches
            worker = threading.Thread(target=lambda: written.append(lib.import_article(make_article(2)).id))
            worker.start()
            worker.join(timeout=30)
            assert written and committed(lib.url) == {"Report 1", "Report 2"}
        return
    with lib.joined_writes():
        lib.import_article(make_article(1))
        worker = threading.Thread(target=lambda: lib.import_article(make_article(2)))
        worker.start()
        worker.join(timeout=30)
        assert committed(lib.url) == {"Report 2"}  # committed on its own, the batch's article not yet
    assert committed(lib.url) == {"Report 1", "Report 2"}


def test_joined_writes_do_not_nest(lib: Library) -> None:
    with lib.joined_writes():
        with pytest.raises(RuntimeError):
            with lib.joined_writes():
                pass
