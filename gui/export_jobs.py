"""Exports off the GUI thread: the preview of a few highlights while the reader chooses, and the export itself.

Both gather the selection one article at a time (``models.export.selection.collect`` per article) so that a long
export reports progress and stops between articles when cancelled; the file appears only when everything is
rendered, by an atomic replace. Qt's text engine is reentrant, so the PDF is typeset in the worker as well.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from models.export import ExportBundle, ExportOptions, render, render_reporting
from models.export.saving import write_export
from models.export.selection import Selection, collect, needs_analyses

log = logging.getLogger(__name__)

PREVIEW_HIGHLIGHTS = 200  # the preview shows at most this many highlights ...
PREVIEW_ARTICLES = 20  # ... from at most this many articles


@dataclass(frozen=True)
class ExportRequest:
    format: str  # one of models.export.FORMATS
    options: ExportOptions
    selection: Selection

    @property
    def needs_analyses(self) -> bool:
        """Entities and dates come from the analysis: a brief, a timeline, highlights grouped or filtered by entity."""
        return needs_analyses(self.selection, self.format, self.options)


@dataclass(frozen=True)
class Preview:
    generation: int
    format: str  # what ``text`` is written in: the PDF is previewed as the HTML it is typeset from
    text: str
    articles: int
    highlights: int
    truncated: bool  # more would match than the preview shows
    unanalysed: int  # articles whose entities and dates are only computed by the export itself


class Cancelled(Exception):
    """The reader cancelled; nothing was written."""


def scope_ids(lib: Any, selection: Selection) -> list[int]:
    """The articles a selection starts from, in the order ``collect`` uses (oldest import first for 'all')."""
    return list(selection.article_ids) or [a.id for a in reversed(lib.list_articles())]


def merge(parts: list[ExportBundle], colors: tuple[Any, ...]) -> ExportBundle:
    from types import MappingProxyType

    analyses = {k: v for p in parts for k, v in p.analyses.items()}
    return ExportBundle(tuple(a for p in parts for a in p.articles), tuple(a for p in parts for a in p.annotations),
                        colors, MappingProxyType(analyses))


def build_preview(lib: Any, request: ExportRequest, generation: int, cancel: threading.Event) -> Preview | None:
    """The first highlights of the selection rendered as the export would; analyses only from the cache, so the
    preview never waits for the language model (the export computes what is missing)."""
    from models.analysis import ANALYZER_VERSION

    parts: list[ExportBundle] = []
    count = unanalysed = 0
    truncated = False
    ids = scope_ids(lib, request.selection)
    for article_id in ids:
        if cancel.is_set():
            return None
        if len(parts) >= PREVIEW_ARTICLES or count >= PREVIEW_HIGHLIGHTS:
            truncated = True
            break
        if request.selection.entity and lib.load_analysis(article_id, ANALYZER_VERSION) is None:
            unanalysed += 1  # cannot tell yet whether it mentions the entity
            continue
        try:
            part = collect(lib, replace(request.selection, article_ids=(article_id,)))
        except KeyError:
            continue  # deleted meanwhile
        if not part.articles:
            continue
        if request.needs_analyses and article_id not in part.analyses:
            unanalysed += 1
        room = PREVIEW_HIGHLIGHTS - count
        if len(part.annotations) > room:
            part = replace(part, annotations=part.annotations[:room])
            truncated = True
        count += len(part.annotations)
        parts.append(part)
    if cancel.is_set():
        return None
    if not parts:
        return Preview(generation, request.format, "", 0, 0, False, unanalysed)
    colors = tuple(lib.annotations.colors())
    shown = "html" if request.format == "pdf" else request.format
    data = render(shown, merge(parts, colors), request.options)
    return Preview(generation, shown, data.decode("utf-8", errors="replace"), len(parts), count, truncated,
                   unanalysed)


class _PreviewSignals(QObject):
    ready = Signal(object)  # Preview
    failed = Signal(int, str)  # generation, one-line reason


class PreviewJob(QRunnable):
    def __init__(self, lib: Any, request: ExportRequest, generation: int) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.lib, self.request, self.generation = lib, request, generation
        self.signals = _PreviewSignals()
        self.cancel = threading.Event()

    def run(self) -> None:  # QRunnable.run
        try:
            preview = build_preview(self.lib, self.request, self.generation, self.cancel)
        except Exception as error:  # noqa: BLE001 — reported in the dialog, never lost in a thread
            log.exception("export preview failed")
            self.signals.failed.emit(self.generation, one_line(error))
            return
        if preview is not None:
            self.signals.ready.emit(preview)
        else:
            self.signals.failed.emit(self.generation, "")


class _ExportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what is being done
    finished = Signal(str, int, int, int, object)  # path, articles, highlights, bytes, notices (list[str])
    failed = Signal(str)  # one line; empty when cancelled


class ExportJob(QRunnable):
    """Collect (and analyse) article by article, render, write atomically; cancellable up to the final replace."""

    def __init__(self, lib: Any, request: ExportRequest, path: Path) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.lib, self.request, self.path = lib, request, path
        self.signals = _ExportSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def run(self) -> None:  # QRunnable.run
        try:
            ids = scope_ids(self.lib, self.request.selection)
            total = len(ids) + 2
            bundle = self._gather(ids)
            if not bundle.articles:
                self.signals.failed.emit("No article matches this selection.")
                return
            self.signals.progress.emit(total - 2, total, "Typesetting the PDF…" if self.request.format == "pdf"
                                       else "Writing the document…")
            data, notices = render_reporting(self.request.format, bundle, self.request.options)
            self._check()
            self.signals.progress.emit(total - 1, total, f"Saving {self.path.name}…")
            write_export(self.path, data)
        except Cancelled:
            self.signals.failed.emit("")
            return
        except OSError as error:
            self.signals.failed.emit(f"Cannot write {self.path}: {error.strerror or error}")
            return
        except Exception as error:  # noqa: BLE001 — reported in the dialog, never lost in a thread
            log.exception("export failed")
            self.signals.failed.emit(one_line(error))
            return
        self.signals.progress.emit(1, 1, "")
        self.signals.finished.emit(str(self.path), len(bundle.articles), len(bundle.annotations), len(data),
                                   notices)

    def _gather(self, ids: list[int]) -> ExportBundle:
        selection = self.request.selection
        total = len(ids) + 2
        parts: list[ExportBundle] = []
        for done, article_id in enumerate(ids):
            self._check()
            self.signals.progress.emit(done, total, "Reading the articles…" if not self.request.needs_analyses
                                       else "Reading the articles for entities and dates…")
            try:
                part = collect(self.lib, replace(selection, article_ids=(article_id,)),
                               need_analyses=self.request.needs_analyses)
            except KeyError:
                if selection.article_ids:
                    raise ValueError("An article of this selection is no longer in the library.") from None
                continue  # 'all': deleted since the list was read
            parts.append(part)
        self._check()
        return merge(parts, tuple(self.lib.annotations.colors()))


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:300] + "…" if len(text) > 300 else text
