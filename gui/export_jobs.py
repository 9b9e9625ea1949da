"""Exports off the GUI thread: the preview of a few highlights while the reader chooses, and the export itself
(both run through :class:`gui.runner.Runner`).

Both gather the selection one article at a time (``models.export.selection.collect`` per article) so that a long
export reports progress and stops between articles when cancelled; the file appears only when everything is
rendered, by an atomic replace. Qt's text engine is reentrant, so the PDF is typeset in the worker as well.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gui.runner import Task
from models.export import ExportBundle, ExportOptions, render, render_reporting
from models.export.saving import write_export as save_export
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


def scope_ids(lib: Any, selection: Selection) -> list[int]:
    """The articles a selection starts from, in the order ``collect`` uses (oldest import first for 'all')."""
    return list(selection.article_ids) or [a.id for a in reversed(lib.list_articles())]


def merge(parts: list[ExportBundle], colors: tuple[Any, ...]) -> ExportBundle:
    from types import MappingProxyType

    analyses = {k: v for p in parts for k, v in p.analyses.items()}
    return ExportBundle(tuple(a for p in parts for a in p.articles), tuple(a for p in parts for a in p.annotations),
                        colors, MappingProxyType(analyses))


def build_preview(lib: Any, request: ExportRequest, generation: int, task: Task) -> Preview | None:
    """The first highlights of the selection rendered as the export would; analyses only from the cache, so the
    preview never waits for the language model (the export computes what is missing)."""
    from models.analysis import ANALYZER_VERSION

    parts: list[ExportBundle] = []
    count = unanalysed = 0
    truncated = False
    ids = scope_ids(lib, request.selection)
    for article_id in ids:
        if task.cancelled:
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
    if task.cancelled:
        return None
    if not parts:
        return Preview(generation, request.format, "", 0, 0, False, unanalysed)
    colors = tuple(lib.annotations.colors())
    shown = "html" if request.format == "pdf" else request.format
    data = render(shown, merge(parts, colors), request.options)
    return Preview(generation, shown, data.decode("utf-8", errors="replace"), len(parts), count, truncated,
                   unanalysed)


@dataclass(frozen=True)
class Exported:
    path: str
    articles: int
    highlights: int
    size: int  # bytes written
    notices: tuple[str, ...]  # what the written file lacks (characters no installed font could draw)


def write_export(lib: Any, request: ExportRequest, path: Path, task: Task) -> Exported:
    """Collect (and analyse) article by article, render, write atomically; cancellable up to the final replace.
    Runs on the pool through :class:`gui.runner.Runner` (``task`` reports progress and says when to stop)."""
    ids = scope_ids(lib, request.selection)
    total = len(ids) + 2
    bundle = _gather(lib, request, ids, task)
    if not bundle.articles:
        raise ValueError("No article matches this selection.")
    task.progress(total - 2, total, "Typesetting the PDF…" if request.format == "pdf" else "Writing the document…")
    data, notices = render_reporting(request.format, bundle, request.options)
    task.check()
    task.progress(total - 1, total, f"Saving {path.name}…")
    try:
        save_export(path, data)  # atomically: a half-written export never replaces a good one
    except OSError as error:
        raise OSError(f"Cannot write {path}: {error.strerror or error}") from error
    task.progress(1, 1, "")
    return Exported(str(path), len(bundle.articles), len(bundle.annotations), len(data), tuple(notices))


def _gather(lib: Any, request: ExportRequest, ids: list[int], task: Task) -> ExportBundle:
    selection = request.selection
    total = len(ids) + 2
    parts: list[ExportBundle] = []
    for done, article_id in enumerate(ids):
        task.check()
        task.progress(done, total, "Reading the articles…" if not request.needs_analyses
                      else "Reading the articles for entities and dates…")
        try:
            part = collect(lib, replace(selection, article_ids=(article_id,)), need_analyses=request.needs_analyses)
        except KeyError:
            if selection.article_ids:
                raise ValueError("An article of this selection is no longer in the library.") from None
            continue  # 'all': deleted since the list was read
        parts.append(part)
    task.check()
    return merge(parts, tuple(lib.annotations.colors()))
