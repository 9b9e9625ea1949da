"""``reanalyze``: the library's articles analysed again — by default those an earlier analyser version read.

After an upgrade the library's index mixes the readings of two analyser versions until every article is read again
(:mod:`models.store.refresh`); the reader does it in the background, this command does it at once, with N worker
processes while this process, the one writer, stores each analysis in its own transaction (an interruption keeps
every article stored before it)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from models.cli import EXIT_PARTIAL, UserError, add_library_option, complain, emit

Analysed = tuple[int, Any, Any]  # article id, Article, Analysis


def register(sub: Any) -> None:
    p = sub.add_parser("reanalyze", help="analyse articles again (default: those an earlier version analysed)")
    add_library_option(p)
    p.add_argument("--all", action="store_true", help="every article of the library")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: the cores)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="these articles (default: the outdated ones)")
    p.set_defaults(handler=cmd_reanalyze)


def _init_worker(warm: bool = False) -> None:
    if warm:
        from models.cli.import_pool import warm_up

        warm_up()


def _analyse(article_id: int, article: Any) -> Analysed:
    from models.store.analysis_jobs import analyze_article

    return article_id, article, analyze_article(article)


def analysed(lib: Any, ids: list[int], jobs: int) -> Iterator[Analysed]:
    """(id, article, its new analysis) of each article in the order of ``ids``, computed here or in ``jobs``
    workers."""
    from models.store.refresh import stored_articles

    if jobs <= 1:
        for article_id, article in stored_articles(lib, ids):
            yield _analyse(article_id, article)
        return
    from models.cli.import_pool import in_order

    yield from in_order(_analyse, stored_articles(lib, ids), jobs, True, _init_worker)


def cmd_reanalyze(args: argparse.Namespace) -> int:
    from models.cli.articles import open_library_or_fail
    from models.cli.import_pool import default_jobs
    from models.store import refresh

    if args.jobs is not None and args.jobs < 1:
        raise UserError("--jobs needs 1 or more")
    if args.all and args.ids:
        raise UserError("give article ids or --all, not both")
    lib = open_library_or_fail(args.library, writing=True)
    if args.ids:
        ids = list(dict.fromkeys(args.ids))
        known = set(refresh.existing(lib, ids))
        missing = [i for i in ids if i not in known]
        if missing:
            raise UserError(f"no article with id {missing[0]}" + (f" (and {len(missing) - 1} more)"
                                                                  if len(missing) > 1 else ""))
    else:
        ids = refresh.all_articles(lib) if args.all else refresh.outdated_articles(lib)
    failed = 0
    for article_id, article, analysis in analysed(lib, ids, min(args.jobs or default_jobs(), len(ids))):
        lib.save_analysis(article_id, analysis)
        record: dict[str, Any] = {
            "id": article_id, "title": article.metadata.title, "status": analysis.status,
            "version": analysis.version, "entities": len(analysis.entities), "events": len(analysis.events),
        }
        if analysis.status != "complete":
            record["reason"] = analysis.reason
            complain(f"article {article_id}: analysis {analysis.status}: {analysis.reason}")
            failed += 1
        emit(record)
    return EXIT_PARTIAL if failed else 0
