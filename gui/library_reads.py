"""What the library list reads from the store, on the window's workers: a page of the list, the list down to the
row it was scrolled to with the chips' counts, and a search's matches with their snippets. No widgets here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gui.library_model import PAGE, Loader
from models.store.records import ArticleSummary

if TYPE_CHECKING:
    from gui.runner import Runner
    from models.store.protocol import LibraryProtocol

POSITION_PAGES = 10  # pages fetched at most to find the row the list was scrolled to
SNIPPET_HITS = 200


@dataclass(frozen=True)
class ListRequest:
    sort: str
    unread: bool
    highlighted: bool
    edited: bool
    top: int | None  # the article at the top of the list, whose page is read with the first


@dataclass(frozen=True)
class Listing:
    """The list of the whole library as read on a worker: its first rows, how many in all, the chips' counts."""

    fetch: Callable[[int, int], list[ArticleSummary]]
    total: int
    rows: list[ArticleSummary]
    counts: tuple[int, int, int]  # highlighted, unread, edited


Found = tuple[list[ArticleSummary], dict[int, tuple[str, tuple[tuple[int, int], ...]]]]


def listing(lib: LibraryProtocol, request: ListRequest) -> Listing:
    """The first page of the list, and the following ones down to ``request.top`` (at most POSITION_PAGES), with
    the counts (on a worker when the window has one)."""
    sort, unread, highlighted, edited = request.sort, request.unread, request.highlighted, request.edited

    def fetch(offset: int, limit: int) -> list[ArticleSummary]:
        return list(lib.article_page(offset, limit, sort=sort, unread_only=unread, highlighted_only=highlighted,
                                     edited_only=edited))

    total = lib.count_articles(unread_only=unread, highlighted_only=highlighted, edited_only=edited)
    rows = fetch(0, min(PAGE, total)) if total else []
    pages = 0
    while (request.top is not None and len(rows) < total and pages < POSITION_PAGES
           and all(s.id != request.top for s in rows)):
        more = fetch(len(rows), PAGE)
        if not more:
            break
        rows += more
        pages += 1
    counts = (lib.count_articles(highlighted_only=True), lib.count_articles(unread_only=True),
              lib.count_articles(edited_only=True))
    return Listing(fetch, total, rows, counts)


def loader(runner: Runner, title: str) -> Loader:
    """The model's pages read on the window's workers."""

    def load(work: Callable[[], list[Any]], deliver: Callable[[list[Any]], None],
             failed: Callable[[str], None]) -> None:
        def fail(line: str) -> None:
            failed(line)
            runner.failed.emit(line)  # the window's status bar says why the rest of the list is missing

        runner.run(title, lambda _task: work(), deliver, on_failed=fail)

    return load


def search_library(library: LibraryProtocol, query: str) -> Found:
    """The articles matching ``query`` and the first snippet of each (on a worker when the window has one)."""
    summaries = library.list_articles(query)
    snippets: dict[int, tuple[str, tuple[tuple[int, int], ...]]] = {}
    for hit in library.search(query, limit=SNIPPET_HITS):
        if hit.article_id not in snippets and hit.snippet:
            snippets[hit.article_id] = (" ".join(hit.snippet.split()), hit.marks)
    return summaries, snippets
