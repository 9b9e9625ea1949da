"""Articles in and out of the library: import (off the GUI thread, with progress and cancel), delete, re-analyse,
and the reader's publication date."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QMimeData, QUrl

from gui.operations.changes import Changes
from gui.operations.context import OpContext, tr
from gui.runner import Task, one_line
from models.article import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportRequest:
    label: str  # what the user would recognise: a path, a URL, "clipboard"
    produce: Callable[[], Article]
    remember: bool = True  # goes into File ▸ Open Recent (files and URLs; not the clipboard or the sample)


@dataclass(frozen=True)
class ImportFailure:
    label: str
    reason: str


def _import_each(library: Any, requests: list[ImportRequest], user_errors: tuple[type[BaseException], ...],
                 task: Task) -> tuple[list[Any], list[ImportFailure]]:
    """Ingest and store each request, one at a time, each all or nothing; stops between items when cancelled."""
    results: list[Any] = []
    failures: list[ImportFailure] = []
    total = len(requests)
    for done, request in enumerate(requests):
        if task.cancelled:
            break
        task.progress(done, total, request.label)
        try:
            results.append(library.import_article(request.produce()))
        except user_errors as error:
            failures.append(ImportFailure(request.label, one_line(error)))
        except Exception as error:  # noqa: BLE001 — one item's failure is reported; the others go on
            log.exception("import of %s failed", request.label)
            failures.append(ImportFailure(request.label, f"{type(error).__name__}: {one_line(error)}"))
    task.progress(total, total, "")
    return results, failures


def import_articles(
    ctx: OpContext,
    requests: list[ImportRequest],
    user_errors: tuple[type[BaseException], ...],
    on_finished: Callable[[list[Any], list[ImportFailure]], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Task:
    """Import the requests off the GUI thread; what was stored is broadcast, then ``on_finished`` hears of it all."""

    def finished(outcome: tuple[list[Any], list[ImportFailure]]) -> None:
        results, failures = outcome
        ctx.announce(Changes(articles=frozenset(r.id for r in results if r.status != "unchanged")))
        on_finished(results, failures)

    def failed(line: str) -> None:  # only a fault of the import loop itself: every request counts as failed
        on_finished([], [ImportFailure(r.label, line) for r in requests])

    return ctx.runner.run(tr("Import"), partial(_import_each, ctx.library, list(requests), user_errors), finished,
                          on_failed=failed, on_progress=on_progress, on_cancelled=lambda: on_finished([], []))


def delete_articles(ctx: OpContext, article_ids: Iterable[int]) -> Changes:
    """Delete articles with their highlights and notes (one transaction each; cannot be undone)."""
    deleted = []
    for article_id in article_ids:
        try:
            ctx.library.delete_article(article_id)
        except KeyError:
            continue
        deleted.append(article_id)
    changes = Changes(deleted=frozenset(deleted))
    ctx.announce(changes)
    return changes


def forget_analyses(ctx: OpContext, article_ids: Iterable[int]) -> Changes:
    """Drop the cached analyses so that the next request computes them afresh (re-analyse)."""
    ids = frozenset(article_ids)
    for article_id in ids:
        ctx.library.forget_analysis(article_id)
    changes = Changes(articles=ids)
    ctx.announce(changes)
    return changes


def mark_read(ctx: OpContext, article_id: int) -> Task:
    """Record that the article was opened, off the GUI thread (a write waits for the disk). The list has shown the
    mark already, so nothing is broadcast; a failure (a deleted article, a library gone read-only) is only logged:
    the mark is not vital."""
    return ctx.runner.run(tr("Marking as read"), lambda _task: ctx.library.set_read(article_id),
                          on_failed=lambda line: log.warning("%s", line))


def analysis_stored(ctx: OpContext, article_id: int) -> None:
    """An analysis ended in a stored failure, a partial result or after a retry: the list marks the article."""
    ctx.announce(Changes(articles=frozenset({article_id})))


def set_published(ctx: OpContext, article_id: int, published: str | None,
                  on_finally: Callable[[], None] | None = None) -> Task:
    """Store the reader's publication date (None: no date) off the GUI thread; the timeline is read again."""
    return ctx.runner.run(
        tr("Setting the date"),
        lambda _task: ctx.library.set_published(article_id, published),
        lambda _result: ctx.announce(Changes(articles=frozenset({article_id}), timeline=frozenset({article_id}))),
        on_finally=on_finally,
    )


def mime_sources(mime: QMimeData, ingest: Any) -> tuple[list[str], list[ImportRequest]]:
    """What a drop or the clipboard holds: files and web addresses to import as such, else its HTML (preferred) or
    text as an article of its own (not remembered in Open Recent)."""
    paths = [source for url in mime.urls() if (source := _url_to_source(url))] if mime.hasUrls() else []
    if paths:
        return paths, []
    for has, content, read in ((mime.hasHtml(), mime.html, ingest.ingest_html),
                               (mime.hasText(), mime.text, ingest.ingest_text)):
        if has and (text := content()).strip():
            source = "clipboard:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
            return [], [ImportRequest(source, partial(read, text, source=source), remember=False)]
    return [], []


def _url_to_source(url: QUrl) -> str:
    if url.isLocalFile():
        return url.toLocalFile()
    if url.scheme() in ("http", "https"):
        return url.toString()
    return ""
