"""``export`` and ``import-annotations``: the library's highlights out to other tools and back in."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from models.cli import UserError, add_library_option, complain, emit


def register(sub: Any) -> None:
    from models.export_choices import CSV_FLAVORS, FORMATS, GROUPINGS, PAGE_SIZES  # not the renderers

    p = sub.add_parser("export", help="export articles with their highlights and notes")
    add_library_option(p)
    p.add_argument("--format", required=True, choices=FORMATS)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", type=int, action="append", metavar="ID", help="an article id (repeat for several)")
    which.add_argument("--all", action="store_true", help="every article of the library")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="file to write ('-' for standard output); "
                   "a folder with --per-article")
    p.add_argument("--brief", action="store_true", help="the brief: highlights by colour meaning, entities, "
                   "chronology (markdown, html, pdf)")
    p.add_argument("--group-by", choices=GROUPINGS, default="position", help="how highlights are sectioned")
    p.add_argument("--color", action="append", default=[], metavar="C", help="only highlights of this colour key")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="only highlights with this tag")
    p.add_argument("--entity", default="", metavar="NAME", help="only articles mentioning NAME, and their "
                   "highlights that cover a mention of it")
    p.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="only articles published on or after")
    p.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="only articles published on or before")
    p.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help="PDF page size")
    p.add_argument("--csv-flavor", choices=CSV_FLAVORS, default="full", help="CSV columns: every field, or "
                   "Readwise's import columns")
    p.add_argument("--full-text", action="store_true", help="HTML / PDF: add the article text with highlights marked")
    p.add_argument("--page-items", type=int, default=1000, metavar="N", help="JSON-LD annotations per page")
    p.add_argument("--title", default="", help="title of a document covering several articles")
    p.add_argument("--per-article", action="store_true", help="one file per article in the folder PATH")
    p.add_argument("--keep-remote-images", action="store_true", help="markdown: keep images from the web in notes "
                   "(by default they become links, so that opening the file fetches nothing)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import-annotations", help="import W3C JSON-LD or Hypothesis annotations onto articles")
    add_library_option(p)
    p.add_argument("file", metavar="FILE", help="annotation file ('-' for standard input)")
    p.add_argument("--summary-only", action="store_true", help="print only the totals")
    p.set_defaults(handler=cmd_import_annotations)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _slug(title: str, article_id: int) -> str:
    words = re.sub(r"[^\w\s-]", "", title).strip().lower()
    dashed = re.sub(r"[\s_-]+", "-", words)[:60].strip("-")
    return f"{article_id}-{dashed}" if dashed else str(article_id)


def cmd_export(args: argparse.Namespace) -> int:
    from models.cli.articles import open_library_or_fail
    from models.export import BRIEF_FORMATS, EXTENSIONS, ExportBundle, ExportOptions, available, render_reporting
    from models.export.saving import export_to_file
    from models.export.selection import Selection, collect, needs_analyses

    if args.brief and args.format not in BRIEF_FORMATS:
        raise UserError(f"a brief is written as {', '.join(BRIEF_FORMATS)}, not {args.format}")
    if args.page_items < 1:
        raise UserError("--page-items must be at least 1")
    if not available(args.format):  # PDF: the launcher installs Qt's typesetter; without it, say so before any work
        raise UserError(f"{args.format} export needs the reader's typesetter (PySide6, installed by the newsdesk "
                        "command), which is not available here; the html export needs nothing more")
    lib = open_library_or_fail(args.library)
    selection = Selection(tuple(args.article or ()), tuple(args.color), tuple(args.tag), args.entity,
                          args.since, args.until)
    known = {c.key for c in lib.annotations.colors()}
    unknown = [c for c in selection.colors if c not in known]
    if unknown:
        raise UserError(f"unknown colour {unknown[0]!r}; one of {', '.join(sorted(known))}")
    options = ExportOptions(brief=args.brief, group_by=args.group_by, page_size=args.page_size,
                            csv_flavor=args.csv_flavor, full_text=args.full_text, page_items=args.page_items,
                            title=args.title, keep_remote_images=args.keep_remote_images)
    try:
        bundle = collect(lib, selection, need_analyses=needs_analyses(selection, args.format, options))
    except KeyError as exc:
        raise UserError(str(exc.args[0]) if exc.args else "no such article") from None
    if not bundle.articles:
        raise UserError("no article matches the selection")
    parts: list[tuple[str, ExportBundle]] = [(args.output, bundle)]
    if args.per_article:
        if args.output == "-":
            raise UserError("--per-article writes files into a folder, not to standard output")
        folder = Path(args.output)
        parts = [(str(folder / (_slug(s.article.metadata.title, s.id) + EXTENSIONS[args.format])),
                  ExportBundle((s,), tuple(a for a in bundle.annotations if a.article_id == s.id), bundle.colors,
                               bundle.analyses, bundle.exported)) for s in bundle.articles]
    for path, part in parts:
        if path == "-":
            try:
                data, notices = render_reporting(args.format, part, options)
            except ValueError as exc:
                raise UserError(str(exc)) from None
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            try:
                written = export_to_file(args.format, part, options, Path(path))
            except ValueError as exc:
                raise UserError(str(exc)) from None
            except OSError as exc:
                raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
            notices = list(written.notices)
            emit({"path": path, "format": args.format, "brief": args.brief, "articles": len(part.articles),
                  "annotations": len(part.annotations), "bytes": written.size})
        for notice in notices:  # the file is written all the same; the reader must know what it lacks
            complain(f"{path}: {notice}")
    return 0


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from models.cli.articles import open_library_or_fail
    from models.interchange import InterchangeError, import_annotations

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise UserError(f"{args.file}: {exc.strerror or exc}") from None
    lib = open_library_or_fail(args.library, writing=True)
    try:
        report = import_annotations(lib, data)
    except InterchangeError as exc:
        raise UserError(f"{args.file}: refused, nothing imported: {exc}") from None
    if not args.summary_only:
        for o in report.outcomes:
            emit({"status": o.status, "article": o.article_id, "id": o.annotation_id, "exact": o.exact,
                  "source": o.source, "reason": o.reason})
    emit({"file": args.file, **report.summary()})
    return 0
