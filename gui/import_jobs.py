"""Imports run off the GUI thread: ingest (parse) and store, one article at a time, each all or nothing.

A job gets a list of :class:`ImportRequest` (a label and a function that produces the Article) and reports by
signal: progress, each stored article, each failure with its one-line reason, and the end. The pool is injectable:
tests hand in :class:`ImmediatePool` and everything happens synchronously, in order.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QMimeData, QObject, QRunnable, QThreadPool, QUrl, Signal

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


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class ImmediatePool:
    """Runs a job at once on the calling thread (tests; also a fallback when no thread pool is wanted)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def default_pool() -> Pool:
    return QThreadPool.globalInstance()


class ImportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, label of the next item
    imported = Signal(object)  # ImportResult
    failed = Signal(object)  # ImportFailure
    finished = Signal(list, list)  # [ImportResult], [ImportFailure]


class ImportJob(QRunnable):
    """Ingest + store each request; a user error (the ingest error type) is reported with its own message."""

    def __init__(self, requests: list[ImportRequest], library: Any, user_errors: tuple[type[BaseException], ...]):
        super().__init__()
        self.setAutoDelete(False)  # the window keeps the job until `finished` (its signals must outlive run())
        self.requests = list(requests)
        self.library = library
        self.user_errors = user_errors
        self.signals = ImportSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop before the next item; the item being stored completes (nothing is half-imported)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # QRunnable.run
        results: list[Any] = []
        failures: list[ImportFailure] = []
        total = len(self.requests)
        for done, request in enumerate(self.requests):
            if self._cancel.is_set():
                break
            self.signals.progress.emit(done, total, request.label)
            try:
                article = request.produce()
                result = self.library.import_article(article)
            except self.user_errors as error:
                failure = ImportFailure(request.label, _one_line(str(error)))
            except Exception as error:  # noqa: BLE001 — a worker must report, never die silently
                log.exception("import of %s failed", request.label)
                failure = ImportFailure(request.label, _one_line(f"{type(error).__name__}: {error}"))
            else:
                results.append(result)
                self.signals.imported.emit(result)
                continue
            failures.append(failure)
            self.signals.failed.emit(failure)
        self.signals.progress.emit(total, total, "")
        self.signals.finished.emit(results, failures)


def _one_line(message: str) -> str:
    line = " ".join(message.split())
    return line[:300] + "…" if len(line) > 300 else line


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
