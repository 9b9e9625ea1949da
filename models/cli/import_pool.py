"""``newsdesk import --jobs N``: reading and analysis in a pool of worker processes while this process, the one
writer, commits each article as its result comes back (in the order the sources were given).

- A folder stands for the article files under it, recursively (hidden files and folders left out).
- A source whose text is already in the library with this analyser's analysis costs no analysis: the workers know
  those (source, text hash) pairs and hand the article back unanalysed; the store keeps it "unchanged".
- A source that cannot be read, or whose analysis fails, is reported in one line and the rest go on; what was
  committed stays when the run is interrupted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

ARTICLE_SUFFIXES = frozenset({
    ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".md", ".markdown", ".mdown", ".mkd",
})

Result = tuple[str, Any, Any, str | None]  # source, article or None, analysis or None, error or None
_known: dict[str, str] = {}  # in a worker: source -> text hash of the articles analysed already


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def expand_sources(sources: Iterable[str]) -> list[str]:
    """Files and URLs as given; each folder replaced by its article files (by suffix), recursively and sorted."""
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if not source.startswith(("http://", "https://")) and path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files
                             if not f.startswith(".") and Path(f).suffix.lower() in ARTICLE_SUFFIXES)
            out.extend(str(p) for p in sorted(found))
        else:
            out.append(source)
    return list(dict.fromkeys(out))


def analysed_sources(lib: Any) -> dict[str, str]:
    """source -> text hash of every article whose current text has this analyser's analysis (one query)."""
    from sqlalchemy import select

    from models.analysis import ANALYZER_VERSION
    from models.store.schema import AnalysisRow, ArticleRow

    with lib.reading() as s:
        rows = s.execute(
            select(ArticleRow.source, ArticleRow.text_hash).join(
                AnalysisRow, (AnalysisRow.article_id == ArticleRow.id)
                & (AnalysisRow.text_hash == ArticleRow.text_hash) & (AnalysisRow.version == ANALYZER_VERSION)
            )
        ).all()
    return {source: text_hash for source, text_hash in rows}


def _init_worker(known: dict[str, str]) -> None:
    global _known
    _known = known


def _work(source: str, analyse: bool) -> Result:
    """In a worker: (source, article or None, analysis or None, error message or None)."""
    from models.cli import UserError
    from models.cli.sources import read_source

    try:
        article = read_source(source)
    except UserError as exc:
        return source, None, None, str(exc)
    if not analyse or _known.get(article.source) == article.text_hash:
        return source, article, None, None
    from models.store.analysis_jobs import analyze_article

    try:
        return source, article, analyze_article(article), None
    except Exception as exc:  # noqa: BLE001 — one article's failure is reported, the batch goes on
        return source, article, None, f"{source}: analysis failed: {' '.join(str(exc).split()) or type(exc).__name__}"


def results(sources: list[str], jobs: int, analyse: bool, known: dict[str, str]) -> Iterator[Result]:
    """The workers' results in the order of ``sources``, at most ``2 * jobs`` read ahead of the writer."""
    import multiprocessing
    import threading

    # fork shares what is loaded already and starts at once; with other threads running only spawn is safe
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(known,)) as pool:
        pending: list[Future[Result]] = []
        todo = iter(sources)
        try:
            for source in todo:
                pending.append(pool.submit(_work, source, analyse))
                if len(pending) >= 2 * jobs:
                    yield pending.pop(0).result()
            while pending:
                yield pending.pop(0).result()
        except BaseException:
            for f in pending:
                f.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def import_in_pool(
    lib: Any,
    sources: list[str],
    jobs: int,
    analyse: bool,
    emit: Callable[[dict[str, Any]], None],
    complain: Callable[[str], None],
) -> int:
    """Import every source with ``jobs`` workers; the number of sources that failed (read or analysis)."""
    from models.analysis import ANALYZER_VERSION
    from models.cli.sources import import_record
    from models.store.analysis_jobs import ensure_analysis

    failed = 0
    for _source, article, analysis, error in results(sources, jobs, analyse, analysed_sources(lib)):
        if article is None:
            complain(error or "cannot read")
            failed += 1
            continue
        result = lib.import_article(article)
        if analysis is not None:
            lib.save_analysis(result.id, analysis)
        elif analyse and error is None and lib.load_analysis(result.id, ANALYZER_VERSION) is None:
            analysis = ensure_analysis(lib, result.id)  # known when the run started, changed since: analyse it here
        emit(import_record(result, analysis))
        if error is None and analysis is not None and analysis.failed:  # stored as failed, reported as such
            error = f"{article.source}: analysis failed: {analysis.reason}"
        if error is not None:
            complain(error)
            failed += 1
    return failed
