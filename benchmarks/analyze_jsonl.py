"""Run ``models.analysis.analyze`` over JSON lines, as ``newsdesk analyze --jsonl`` does.

Reads ``{"id","text","published"}`` lines (a file or ``-``) and writes ``{"id","entities","timeline"}`` lines, so
the scorers in the shared benchmarks can be run with ``--pred``. ``--baseline`` writes bare spaCy entity spans
grouped by exact string instead: the figure the entity rules are measured against.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

from models.analysis import analyze, nlp

_BASELINE_TYPES = {
    "PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "NORP": "GROUP", "EVENT": "EVENT", "WORK_OF_ART": "OTHER", "LAW": "OTHER", "PRODUCT": "OTHER", "LANGUAGE": "OTHER",
}


def _baseline_entities(text: str) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for start, end, ent in nlp.parse(text).spans():
        kind = _BASELINE_TYPES.get(ent.label_)
        if kind:
            groups.setdefault((text[start:end], kind), []).append({"start": start, "end": end, "text": text[start:end]})
    return [{"name": name, "type": kind, "mentions": ms} for (name, kind), ms in groups.items()]


def _lines(path: str) -> Iterator[str]:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        yield from stream


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input", help="JSON lines file, or - for stdin")
    ap.add_argument("--baseline", action="store_true", help="bare spaCy spans grouped by exact string")
    ap.add_argument("--skip-errors", action="store_true",
                    help="a document whose analysis raises is named on stderr and left out, not fatal")
    args = ap.parse_args(argv)
    for line in _lines(args.input):
        if not line.strip():
            continue
        doc = json.loads(line)
        text = doc["text"]
        if args.baseline:
            out = {"id": doc.get("id"), "entities": _baseline_entities(text), "timeline": []}
        else:
            published = date.fromisoformat(doc["published"][:10]) if doc.get("published") else None
            try:
                result = analyze(text, published)
            except Exception as error:
                if not args.skip_errors:
                    raise
                print(f"skipped {doc.get('id')}: {type(error).__name__}: {error}", file=sys.stderr)
                continue
            out = {
                "id": doc.get("id"),
                "entities": [
                    {"name": e.name, "type": e.type,
                     "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions]}
                    for e in result.entities
                ],
                "timeline": [
                    {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                    for t in result.timexes
                ],
            }
        print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
