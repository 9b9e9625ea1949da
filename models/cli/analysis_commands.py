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
    record: dict[str, Any] = {"entities": [entity_to_dict(e) for e in analysis.entities], "timeline": timeline}
    if analysis.status != "complete":  # partial (a time budget ran out) or failed: said, never silent
        record["status"], record["reason"] = analysis.status, analysis.reason
    if analysis.language != "en":
        record["language"] = analysis.language
    return record


def _published(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise UserError(f"published is not an ISO date: {value!r}") from None


def cmd_analyze(args: argparse.Namespace) -> int:
    from models.analysis import analyze_safely

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
                        published = _published(doc.get("published"))
                    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                        complain(f'{path}:{n}: not a line of the form {{"id","text","published"}} ({exc})')
                        failed += 1
                        continue
                    except UserError as exc:
                        complain(f"{path}:{n}: {exc}")
                        failed += 1
                        continue
                    result = analyze_safely(text, published, language=str(doc.get("language") or ""))
                    if result.failed:
                        complain(f"{path}:{n}: {doc.get('id')}: analysis failed: {result.reason}")
                        failed += 1
                    emit({"id": doc.get("id"), **_analysis_record(result)})
        return EXIT_PARTIAL if failed else 0
    if not args.files:
        raise UserError("analyze needs FILE arguments, or --jsonl")
    from models.cli.articles import article_record, each_article
    from models.store.analysis_jobs import analyze_article

    def handle(article: Any) -> str | None:
        result = analyze_article(article)
        emit({**article_record(article), **_analysis_record(result)})
        return result.reason if result.failed else None

    return each_article(args.files, handle)
