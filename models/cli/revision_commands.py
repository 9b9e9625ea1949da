"""``revisions`` and ``diff``: the kept versions of an article and what changed between two of them."""

from __future__ import annotations

import argparse
from typing import Any

from models.cli import UserError, add_library_option, emit
from models.revisions.compare import RevisionDiff


def register(sub: Any) -> None:
    p = sub.add_parser("revisions", help="list the kept versions of an article, one JSON line each")
    add_library_option(p)
    p.add_argument("--article", type=int, required=True, metavar="ID")
    p.set_defaults(handler=cmd_revisions)

    p = sub.add_parser("diff", help="what changed between two versions of an article (default: the last two)")
    add_library_option(p)
    p.add_argument("--article", type=int, required=True, metavar="ID")
    p.add_argument("--from", dest="old", type=int, metavar="N", help="the older revision number")
    p.add_argument("--to", dest="new", type=int, metavar="M", help="the newer revision number")
    p.add_argument("--no-analysis", action="store_true", help="compare texts and highlights only")
    p.set_defaults(handler=cmd_diff)


def _library(args: argparse.Namespace) -> Any:
    from models.cli.articles import open_library_or_fail

    return open_library_or_fail(args.library)


def cmd_revisions(args: argparse.Namespace) -> int:
    lib = _library(args)
    try:
        revisions = lib.revisions.list(args.article)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from None
    for r in revisions:
        emit(
            {
                "article": r.article_id,
                "revision": r.number,
                "imported": r.imported_at.isoformat(timespec="seconds") + "Z",
                "text_hash": r.text_hash,
                "words": r.words,
                "title": r.title,
            }
        )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from models.revisions.history import diff_revisions

    lib = _library(args)
    try:
        diff = diff_revisions(lib, args.article, args.old, args.new, analyse=not args.no_analysis)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from None
    for line in diff_lines(args.article, diff):
        emit(line)
    return 0


def diff_lines(article_id: int, diff: RevisionDiff) -> list[dict[str, Any]]:
    """The ``diff`` command's lines: a heading line, then ``meta``, ``text``, ``highlight``, ``entity`` and
    ``event`` lines. Offsets are code points into the older (``old_*``) and newer (``new_*``) revision's text."""
    out: list[dict[str, Any]] = [
        {
            "kind": "revisions",
            "article": article_id,
            "from": diff.old_number,
            "to": diff.new_number,
            "analysed": diff.analysed,
        }
    ]
    out += [{"kind": "meta", "field": m.field, "old": m.old, "new": m.new} for m in diff.metadata]
    for p in diff.paragraphs:
        for c in p.changes:
            out.append(
                {
                    "kind": "text",
                    "op": c.op,
                    "old": c.old_text,
                    "new": c.new_text,
                    "old_start": c.old_start,
                    "old_end": c.old_end,
                    "new_start": c.new_start,
                    "new_end": c.new_end,
                    "old_paragraph": p.old_block,
                    "new_paragraph": p.new_block,
                    "block": p.kind,
                }
            )
    for h in diff.highlights:
        out.append(
            {
                "kind": "highlight",
                "id": h.highlight_id,
                "fate": h.fate,
                "old": h.old_quote,
                "new": h.new_quote,
                "old_start": h.old_start,
                "old_end": h.old_end,
                "new_start": h.new_start,
                "new_end": h.new_end,
            }
        )
    for e in diff.entities:
        out.append({"kind": "entity", "change": e.change, "value": e.name, "type": e.type, "mentions": e.mentions})
    for ev in diff.events:
        out.append(
            {
                "kind": "event",
                "change": ev.change,
                "value": ev.value,
                "old_value": ev.old_value,
                "text": ev.text,
                "label": ev.label,
                "start": ev.start,
                "end": ev.end,
                "precision": ev.precision,
            }
        )
    return out
