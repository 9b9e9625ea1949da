"""``analyze``: entities and timeline of texts (JSON lines) or files, without a library."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from models.cli import EXIT_PARTIAL, UserError, complain, emit


def register(sub: Any) -> None:
    p = sub.add_parser("analyze", help="entities and timeline of files, or of JSON lines with --jsonl")
    p.add_argument("--jsonl", action="store_true", help='read lines {"id","text","published"} from FILE or stdin')
    p.add_argument("files", nargs="*", metavar="FILE|-")
    p.set_defaults(handler=cmd_analyze)


def _analysis_record(analysis: Any) -> dict[str, Any]:
    from models.analysis.serialize import entity_to_dict, event_to_dict, timex_to_dict

    events = {(ev.timex.start, ev.timex.end): event_to_dict(ev) for ev in analysis.events}
    timeline = []
    for t in analysis.timexes:
        item = events.get((t.start, t.end)) or timex_to_dict(t)
        timeline.append(item)
    return {"entities": [entity_to_dict(e) for e in analysis.entities], "timeline": timeline}


def _published(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise UserError(f"published is not an ISO date: {value!r}") from None


def cmd_analyze(args: argparse.Namespace) -> int:
    from models.analysis import analyze

    if args.jsonl:
        paths = args.files or ["-"]
        failed = 0
        for path in paths:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
            with stream:
                for n, line in enumerate(stream, 1):
                    if not line.strip():
                        continue
                    try:
                        doc = json.loads(line)
                        text = doc["text"]
                        if not isinstance(text, str):
                            raise KeyError("text")
                        result = analyze(text, _published(doc.get("published")))
                    except (json.JSONDecodeError, KeyError, TypeError) as exc:
                        complain(f'{path}:{n}: not a line of the form {{"id","text","published"}} ({exc})')
                        failed += 1
                        continue
                    except UserError as exc:
                        complain(f"{path}:{n}: {exc}")
                        failed += 1
                        continue
                    emit({"id": doc.get("id"), **_analysis_record(result)})
        return EXIT_PARTIAL if failed else 0
    if not args.files:
        raise UserError("analyze needs FILE arguments, or --jsonl")
    from models.cli.articles import article_record, each_article
    from models.store.analysis_jobs import analyze_article

    return each_article(
        args.files, lambda article: emit({**article_record(article), **_analysis_record(analyze_article(article))})
    )
