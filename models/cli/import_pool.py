"""``newsdesk import --jobs N``: reading and analysis in a pool of worker processes while this process, the one
writer, stores each article as its result comes back (in the order the sources were given).

- A folder stands for the article files under it, recursively (hidden files and folders left out).
- A source whose text is already in the library with this analyser's analysis costs no analysis: the workers know
  those (source, text hash) pairs and hand the article back unanalysed; the store keeps it "unchanged".
- A source that cannot be read, or whose analysis fails, is reported in one line and the rest go on; what was
  committed stays when the run is interrupted, and so do the articles written completely before it.
- The writer commits several articles per transaction (every :data:`COMMIT_ARTICLES` articles, or
  :data:`COMMIT_SECONDS` after the first uncommitted one), each article with its analysis in a savepoint of its own:
  an article that cannot be written is reported and costs the others nothing, and an article's line is printed once
  it is committed. Writing is a small part of the work, so it does not hold the workers back.
- The language model is loaded once, in this process, before the workers are forked (they share it); with the
  spawn start method each worker loads it when it starts, before its first article.
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
READ_AHEAD = 6  # results per worker that may wait for the writer
COMMIT_ARTICLES = 50  # the writer commits after this many articles…
COMMIT_SECONDS = 0.5  # …or this long after the first uncommitted one was written, whichever comes first
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


def _init_worker(known: dict[str, str], warm: bool = False) -> None:
    """A worker's start: the texts known already, and (``warm``) the analyser loaded before the first article."""
    global _known
    _known = known
    if warm:
        warm_up()


def warm_up() -> None:
    """Load the language model and every lazily loaded part of the analyser, on one sentence."""
    from models.analysis import analyze_safely
    from models.analysis.given_names import given_names

    try:
        analyze_safely("The council of Oslo met on March 3, 2021, said Mayor Lena Berg.")
        given_names()
    except Exception:  # noqa: BLE001 — a model that cannot load is said by each article's analysis
        pass


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
    """The workers' results in the order of ``sources`` (:func:`in_order`)."""
    return in_order(_work, ((source, analyse) for source in sources), jobs, analyse, _init_worker, (known,))


def in_order(
    work: Callable[..., Any],
    calls: Iterable[tuple[Any, ...]],
    jobs: int,
    analyse: bool,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
) -> Iterator[Any]:
    """``work(*call)`` of each call in ``jobs`` worker processes, yielded in the order of ``calls``, at most
    :data:`READ_AHEAD` per worker read ahead of the consumer (a long article at the head of the line leaves the other
    workers enough to do). ``initializer(*initargs, warm)`` starts each worker; ``analyse``: the analyser is loaded
    once here before forking, or (``warm``) in each spawned worker."""
    import multiprocessing
    import threading

    # fork shares what is loaded already and starts at once; with other threads running only spawn is safe
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if analyse and method == "fork":
        warm_up()  # the model is loaded once, here, and the forked workers share it (no load per worker)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer,
                             initargs=(*initargs, analyse and method != "fork")) as pool:
        pending: list[Future[Any]] = []
        try:
            for call in calls:
                pending.append(pool.submit(work, *call))
                if len(pending) >= READ_AHEAD * jobs:
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
    """Import every source with ``jobs`` workers; the number of sources that failed (read, write or analysis).

    The writer commits several articles per transaction (:data:`COMMIT_ARTICLES`, or :data:`COMMIT_SECONDS` after
    the first of them was written), each article in a savepoint of its own so that one that cannot be written
    costs nothing to the others, and prints an article's line once it is committed. An interruption commits the
    articles written completely and prints their lines."""
    import time

    failed = 0
    lines: list[tuple[dict[str, Any], str | None]] = []  # written, not yet committed: (line, error to report)

    def flush() -> None:
        nonlocal failed
        for record, error in lines:
            emit(record)
            if error is not None:
                complain(error)
                failed += 1
        lines.clear()

    with lib.joined_writes() as batch:
        try:
            since = 0.0
            for _source, article, analysis, error in results(sources, jobs, analyse, analysed_sources(lib)):
                written = _write(lib, batch, article, analysis, analyse, error) if article is not None else None
                if not isinstance(written, tuple):  # unreadable, or this article alone could not be written
                    batch.commit()  # said in the order given: what came before is committed and printed first
                    flush()
                    complain(written or error or "cannot read")
                    failed += 1
                    continue
                if not lines:
                    since = time.monotonic()
                lines.append(written)
                if len(lines) >= COMMIT_ARTICLES or time.monotonic() - since >= COMMIT_SECONDS:
                    batch.commit()
                    flush()
        except (KeyboardInterrupt, SystemExit):
            try:
                batch.commit()  # an interruption keeps (and reports) the articles written completely
            except Exception:  # noqa: BLE001 — then nothing uncommitted is reported; the interruption is said
                lines.clear()
            flush()
            raise
        batch.commit()
        flush()
    return failed


def _write(
    lib: Any, batch: Any, article: Any, analysis: Any, analyse: bool, error: str | None
) -> tuple[dict[str, Any], str | None] | str:
    """Store one article and its analysis in a savepoint of the batch: (its line, the error to report), or the
    one line saying why this article could not be written (a storage failure — damaged, full or read-only
    library — is raised: it stops the import)."""
    from models.analysis import ANALYZER_VERSION
    from models.cli.sources import import_record, printable
    from models.store import integrity
    from models.store.analysis_jobs import ensure_analysis

    try:
        with lib.writing():  # one savepoint: the article and its analysis are kept together or not at all
            result = lib.import_article(article)
            if analysis is not None:
                lib.save_analysis(result.id, analysis)
        if analysis is None and analyse and error is None and lib.load_analysis(result.id, ANALYZER_VERSION) is None:
            batch.commit()  # known when the run started, changed since: analysed here, on the committed article
            analysis = ensure_analysis(lib, result.id)
    except Exception as exc:
        try:
            storage = integrity.explain(exc, None) is not None  # a damaged, full, read-only or locked library
        except Exception:  # noqa: BLE001 — the question must never fail on its own
            storage = False
        if storage:
            raise  # stops the import: models.cli.main says why
        return f"{printable(article.source)}: {type(exc).__name__}: {' '.join(printable(str(exc)).split())[:300]}"
    if error is None and analysis is not None and analysis.failed:  # stored as failed, reported as such
        error = f"{article.source}: analysis failed: {analysis.reason}"
    return import_record(result, analysis), error
