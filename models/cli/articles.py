"""``import``, ``list``, ``search`` and ``extract``: articles in and out of the library."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from models.article import Article, metadata_to_dict
from models.cli import EXIT_PARTIAL, UserError, add_library_option, complain, emit, write_lines
from models.cli.sources import import_record, printable, read_source


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import and analyse files or URLs into the library")
    add_library_option(p)
    p.add_argument("sources", nargs="+", metavar="FILE|URL")
    p.add_argument("--no-analysis", action="store_true", help="import only; analyse later")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes reading and analysing (default: cores)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="list the articles of the library")
    add_library_option(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("search", help="search articles, highlights and notes")
    add_library_option(p)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("extract", help="print the article read from each file (no library)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=cmd_extract)


LIST_BATCH = 1000  # lines of ``list`` written at a time (a library of 100,000 articles is as many lines)


def open_library_or_fail(library: str | None, *, writing: bool = False) -> Any:
    """The library for this command; closed by :func:`models.cli.main` when the command ends.

    ``writing``: the command changes the library, so the day's backup is taken first when it is due (a command that
    only reads never waits for it: models.store.opening.daily_backup)."""
    from models.cli import close_when_done
    from models.store import location, open_library, opening

    try:
        path = location.sqlite_path(location.resolve(library))
        existed = path is not None and path.is_file()  # a library this command creates has nothing to keep yet
        lib = close_when_done(open_library(library))
        if writing and existed and not getattr(lib, "read_only", ""):
            opening.daily_backup(lib.url)
        return lib
    except Exception as exc:  # a bad URL, an unreadable or corrupt file: say so in one line
        raise UserError(f"cannot open library {library or ''}: {exc}".replace("  ", " ")) from None


def article_record(article: Article) -> dict[str, Any]:
    """The ``extract`` line of docs/command-line.md: source, kind, every metadata field, the text and its blocks."""
    return {
        "source": article.source,
        "kind": article.kind,
        **metadata_to_dict(article.metadata),
        "text": article.text,
        "blocks": [{"start": b.start, "end": b.end, "kind": b.kind} for b in article.blocks],
    }


def _is_storage_failure(exc: BaseException) -> bool:
    from models.store import integrity

    try:
        return integrity.explain(exc, None) is not None
    except Exception:  # noqa: BLE001 — the question must never fail on its own
        return False


def each_article(sources: list[str], handle: Any) -> int:
    """Read every source and hand each article to ``handle``; unreadable ones are reported and skipped.

    ``handle`` may return the one-line reason its analysis failed: that is reported too (the article itself has
    been handled), and so is any error ``handle`` raises. The batch always goes on; the exit code says whether
    every source went through.
    """
    failed = 0
    for source in sources:
        try:
            article = read_source(source)
            reason = handle(article)
        except UserError as exc:
            complain(str(exc))
            failed += 1
            continue
        except Exception as exc:  # noqa: BLE001 — one document's failure is that document's alone
            if _is_storage_failure(exc):
                raise  # a damaged, read-only, full or locked library stops the batch: models.cli.main says why
            import logging

            logging.getLogger(__name__).debug("failed: %s", printable(source), exc_info=True)
            complain(f"{printable(source)}: {type(exc).__name__}: {' '.join(printable(str(exc)).split())[:300]}")
            failed += 1
            continue
        if isinstance(reason, str) and reason:
            complain(f"{article.source}: analysis failed: {reason}")
            failed += 1
    return EXIT_PARTIAL if failed else 0


def cmd_import(args: argparse.Namespace) -> int:
    from models.cli.import_pool import default_jobs, expand_sources, import_in_pool
    from models.ingest import is_web_address
    from models.store.analysis_jobs import ensure_analysis

    if args.jobs is not None and args.jobs < 1:
        raise UserError("--jobs needs 1 or more")
    empty = [s for s in args.sources if not is_web_address(s) and Path(s).is_dir() and not expand_sources([s])]
    for folder in empty:
        complain(f"{printable(folder)}: no article files in this folder (.txt, .html, .md …)")
    args.sources = expand_sources(args.sources)  # a folder stands for its article files, recursively
    jobs = min(args.jobs or default_jobs(), len(args.sources))
    lib = open_library_or_fail(args.library, writing=True)
    if jobs > 1:
        failed = import_in_pool(lib, args.sources, jobs, not args.no_analysis, emit, complain)
        return EXIT_PARTIAL if failed or empty else 0

    def store(article: Article) -> str | None:
        result = lib.import_article(article)
        analysis = None if args.no_analysis else ensure_analysis(lib, result.id)
        emit(import_record(result, analysis))
        return analysis.reason if analysis is not None and analysis.failed else None

    code = each_article(args.sources, store)
    return EXIT_PARTIAL if empty else code


def cmd_list(args: argparse.Namespace) -> int:
    from models.store import article_list

    lib = open_library_or_fail(args.library)
    states = article_list.reading_states(lib)
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode  # what ``emit`` writes, made once

    def lines() -> Iterator[str]:
        for article_id, title, source, publisher, published, imported_at, n in article_list.listed_rows(lib):
            read, position = states.get(article_id, (False, 0))
            yield encode({
                "id": article_id,
                "title": title,
                "source": source,
                "publisher": str(publisher or ""),
                "published": published,
                "imported": imported_at.isoformat(timespec="seconds") + "Z",
                "highlights": n,
                "read": read,
                "position": position,  # where the reader left it: a code-point offset into the text
            })

    write_lines(lines(), LIST_BATCH)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    lib = open_library_or_fail(args.library)
    for h in lib.search(args.query, limit=args.limit):
        emit(
            {
                "kind": h.kind,
                "article": h.article_id,
                "title": h.title,
                "snippet": h.snippet,
                "start": h.start,
                "end": h.end,
                "highlight": h.highlight_id,
            }
        )
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    return each_article(args.files, lambda article: emit(article_record(article)))
