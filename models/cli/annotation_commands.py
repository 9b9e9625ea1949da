"""``highlight`` and ``annotations``: highlights and notes from the command line."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from models.cli import UserError, add_library_option, emit
from models.store.records import Annotation


def register(sub: Any) -> None:
    p = sub.add_parser("highlight", help="highlight a quote of an article (prints the annotation)")
    add_library_option(p)
    p.add_argument("--article", type=int, required=True, metavar="ID")
    p.add_argument("--quote", required=True, metavar="TEXT", help="the words to highlight (white space may differ)")
    p.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence of the quote (from 1)")
    p.add_argument("--color", default="yellow", metavar="C", help="a colour key of the legend (default: yellow)")
    p.add_argument("--note", default="", metavar="T")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeat for several)")
    p.set_defaults(handler=cmd_highlight)

    p = sub.add_parser("annotations", help="list highlights and notes, one JSON line each")
    add_library_option(p)
    p.add_argument("--article", type=int, metavar="ID")
    p.set_defaults(handler=cmd_annotations)


def utc_iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds") + "Z"


def annotation_record(a: Annotation) -> dict[str, Any]:
    """The JSON form of an annotation (docs/command-line.md)."""
    return {
        "id": a.id,
        "article": a.article_id,
        "start": a.start,
        "end": a.end,
        "exact": a.exact,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "color": a.color,
        "note": a.note,
        "tags": list(a.tags),
        "author": a.author,
        "created": utc_iso(a.created),
        "modified": utc_iso(a.modified),
        "status": a.status,
    }


def cmd_highlight(args: argparse.Namespace) -> int:
    from models.anchoring import quote_spans
    from models.cli.articles import open_library_or_fail

    if not args.quote.strip():
        raise UserError("the quote is empty")
    if args.occurrence < 1:
        raise UserError("--occurrence counts from 1")
    lib = open_library_or_fail(args.library, writing=True)
    try:
        text = lib.get_article(args.article).article.text
    except KeyError:
        raise UserError(f"no article with id {args.article}") from None
    spans = quote_spans(text, args.quote.strip())
    if not spans:
        raise UserError(f"quote not found in article {args.article}: {_short(args.quote)}")
    if args.occurrence > len(spans):
        raise UserError(f"the quote occurs {len(spans)} time(s) in article {args.article}, not {args.occurrence}")
    start, end = spans[args.occurrence - 1]
    known = {c.key for c in lib.annotations.colors()}
    if args.color not in known:
        raise UserError(f"unknown colour {args.color!r}; one of {', '.join(sorted(known))}")
    try:
        created = lib.annotations.add(args.article, start, end, color=args.color, note=args.note, tags=args.tag)
    except (KeyError, ValueError) as exc:
        raise UserError(str(exc).strip("'\"")) from None
    emit(annotation_record(created))
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    from models.cli.articles import open_library_or_fail

    lib = open_library_or_fail(args.library)
    if args.article is not None:
        try:
            lib.get_article(args.article)
        except KeyError:
            raise UserError(f"no article with id {args.article}") from None
    for a in lib.annotations.list(args.article):
        emit(annotation_record(a))
    return 0


def _short(s: str, limit: int = 60) -> str:
    flat = " ".join(s.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
