"""``import``, ``list``, ``search`` and ``extract``: articles in and out of the library."""

from __future__ import annotations

import argparse
from typing import Any

from models.article import Article, metadata_to_dict
from models.cli import EXIT_PARTIAL, UserError, add_library_option, complain, emit


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


def read_source(source: str) -> Article:
    """An article from a path or URL; ``UserError`` with the one-line reason when it cannot be read."""
    from models.ingest import IngestError, ingest_file, ingest_url

    try:
        if source.startswith(("http://", "https://")):
            return ingest_url(source)
        return ingest_file(source)
    except IngestError as exc:
        raise UserError(f"{source}: {exc}") from None
    except OSError as exc:
        raise UserError(f"{source}: {exc.strerror or exc}") from None


def open_library_or_fail(library: str | None) -> Any:
    """The library for this command; closed by :func:`models.cli.main` when the command ends."""
    from models.cli import close_when_done
    from models.store import open_library

    try:
        return close_when_done(open_library(library))
    except Exception as exc:  # a bad URL, an unreadable or corrupt file: say so in one line
        raise UserError(f"cannot open library {library or ''}: {exc}".replace("  ", " ")) from None


def article_record(article: Article) -> dict[str, Any]:
    """The ``extract`` line of DESIGN §7: source, kind, every metadata field, the text and its blocks."""
    return {
        "source": article.source,
        "kind": article.kind,
        **metadata_to_dict(article.metadata),
        "text": article.text,
        "blocks": [{"start": b.start, "end": b.end, "kind": b.kind} for b in article.blocks],
    }


def each_article(sources: list[str], handle: Any) -> int:
    """Read every source and hand each article to ``handle``; unreadable ones are reported and skipped."""
    failed = 0
    for source in sources:
        try:
            article = read_source(source)
        except UserError as exc:
            complain(str(exc))
            failed += 1
            continue
        handle(article)
    return EXIT_PARTIAL if failed else 0


def cmd_import(args: argparse.Namespace) -> int:
    from models.cli.import_pool import default_jobs, expand_sources, import_in_pool
    from models.store.analysis_jobs import ensure_analysis

    args.sources = expand_sources(args.sources)  # a folder stands for its article files, recursively
    if args.jobs is not None and args.jobs < 1:
        raise UserError("--jobs needs 1 or more")
    jobs = min(args.jobs or default_jobs(), len(args.sources))
    lib = open_library_or_fail(args.library)
    if jobs > 1:
        return EXIT_PARTIAL if import_in_pool(lib, args.sources, jobs, not args.no_analysis, emit, complain) else 0

    def store(article: Article) -> None:
        result = lib.import_article(article)
        if not args.no_analysis:
            ensure_analysis(lib, result.id)
        record = {"id": result.id, "title": result.title, "source": result.source, "status": result.status}
        if result.orphaned:
            record["orphaned"] = result.orphaned
        emit(record)

    return each_article(args.sources, store)


def cmd_list(args: argparse.Namespace) -> int:
    lib = open_library_or_fail(args.library)
    for a in lib.list_articles():
        emit(
            {
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "publisher": a.publisher,
                "published": a.published,
                "imported": a.imported_at.isoformat(timespec="seconds") + "Z",
                "highlights": a.highlight_count,
            }
        )
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
