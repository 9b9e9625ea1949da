"""Precision and recall of ``newsdesk analyze`` on a hand-labelled set of real pages.

Usage: python benchmarks/judged_score.py [LABELS] [--bench DIR] [--pages]

``benchmarks/judged/labels.json`` holds 20 pages of the shared article-extraction dev split, chosen with
``random.Random(11).sample(sorted(ids), 20)``, labelled by reading the text Newsdesk extracts from each page: every
date expression (its words, which occurrence of them, and its right TIMEX3 value or values) and the named entities
(name, acceptable types, other written forms). Each page is ingested from the shared HTML and analysed with the
publication date Newsdesk reads from it (kept in the labels, so the figures do not move with the extractor's dates).

The labels name expressions by their words and occurrence in the extracted text, so they hold for the text they were
made on; each page keeps that text's SHA-256 (``text_sha256``), and a page whose text has changed since is reported
on stderr: its new passages must be labelled, by the same rules, before its figures mean anything. (On 2026-12-06,
after the extractor began reading text written straight into block containers, two pages were brought up to date:
an intro paragraph of a deals page with "today", three "Black Friday" and "last night", whose later occurrences were
renumbered, and a "First Published:" line with its date and time.)

Figures:
- dates: recall (gold expressions found with a right value), precision (DATE/TIME expressions shown on the timeline
  that have a right value; one the labels do not list is wrong), found (gold expressions overlapped at all), and the
  precision on expressions that name a specific day or month;
- entities (PERSON, ORGANIZATION, PLACE only, as the shared scorer): precision of the listed entities, recall of the
  labelled ones, and precision of the ten most mentioned per page.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import tempfile
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "judged" / "labels.json"
BENCH = Path("/work/shared/benchmarks/article-extraction")
SCORED = ("PERSON", "ORGANIZATION", "PLACE")


def _key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("’", "'").replace("‘", "'")
    s = re.sub(r"^(the|a|an)\s+", "", s.strip(), flags=re.I)
    return " ".join(s.split()).casefold()


def _trunc(pred: str, gold: str) -> str:
    if re.match(r"^\d{4}(-\d{2})?(-\d{2})?(T\d{2}(:\d{2})?)?$", gold) and re.match(r"^\d{4}", pred):
        return pred[: len(gold)]
    return pred


def _values(v: str | list[str]) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def _gold_dates(text: str, dates: list[dict[str, Any]]) -> list[tuple[int, int, list[str]]]:
    out = []
    for d in dates:
        pos = -1
        for _ in range(d["occurrence"]):
            pos = text.find(d["text"], pos + 1)
        if pos < 0:
            print(f"label not in text: {d['text']!r} #{d['occurrence']}", file=sys.stderr)
            continue
        out.append((pos, pos + len(d["text"]), _values(d["value"])))
    return out


def score_page(text: str, labels: dict[str, Any], analysis: Any) -> dict[str, int]:
    c = dict(d_gold=0, d_pred=0, d_right=0, d_found=0, d_spec_pred=0, d_spec_right=0,
             e_gold=0, e_pred=0, e_tp_pred=0, e_found=0, top_pred=0, top_right=0)
    gold = _gold_dates(text, labels["dates"])
    shown = [t for t in analysis.timexes if t.type in ("DATE", "TIME")]
    c["d_gold"], c["d_pred"] = len(gold), len(shown)
    used: set[int] = set()
    right_pred: set[int] = set()
    for gs, ge, values in gold:
        hit = None
        for i, t in enumerate(shown):
            if i not in used and t.start < ge and gs < t.end:
                hit = i
                break
        if hit is None:
            continue
        used.add(hit)
        c["d_found"] += 1
        if any(_trunc(shown[hit].value, v) == v for v in values):
            c["d_right"] += 1
            right_pred.add(hit)
    for i, t in enumerate(shown):
        if re.match(r"^\d{4}-\d{2}(-\d{2})?($|T)", t.value):
            c["d_spec_pred"] += 1
            c["d_spec_right"] += i in right_pred
    # entities
    index: dict[str, tuple[int, list[str]]] = {}
    for n, e in enumerate(labels["entities"]):
        types = _values(e["type"])
        for form in [e["name"], *e["forms"]]:
            index.setdefault(_key(form), (n, types))
    gold_scored = {n for n, e in enumerate(labels["entities"]) if set(_values(e["type"])) & set(SCORED)}
    c["e_gold"] = len(gold_scored)
    found: set[int] = set()
    listed = [e for e in analysis.entities if e.type in SCORED and e.mentions]
    c["e_pred"] = len(listed)

    def correct(e: Any) -> int | None:
        for form in [e.name, *(m.text for m in e.mentions)]:
            hit = index.get(_key(form))
            if hit is not None and e.type in hit[1]:
                return hit[0]
        return None

    for e in listed:
        n = correct(e)
        if n is not None:
            c["e_tp_pred"] += 1
            found.add(n)
    c["e_found"] = len(found & gold_scored)
    top = sorted(listed, key=lambda e: (-len(e.mentions), e.mentions[0].start))[:10]
    c["top_pred"] = len(top)
    c["top_right"] = sum(correct(e) is not None for e in top)
    return c


def _ratio(a: int, b: int) -> float:
    return round(100 * a / b, 1) if b else 0.0


def summary(counts: list[dict[str, int]]) -> dict[str, float]:
    t = {k: sum(c[k] for c in counts) for k in counts[0]}
    p, r = _ratio(t["e_tp_pred"], t["e_pred"]), _ratio(t["e_found"], t["e_gold"])
    return {
        "dates_gold": t["d_gold"], "dates_shown": t["d_pred"],
        "date_value_recall": _ratio(t["d_right"], t["d_gold"]),
        "date_value_precision": _ratio(t["d_right"], t["d_pred"]),
        "date_found": _ratio(t["d_found"], t["d_gold"]),
        "specific_day_month_precision": _ratio(t["d_spec_right"], t["d_spec_pred"]),
        "entities_gold": t["e_gold"], "entities_listed": t["e_pred"],
        "entity_precision": p, "entity_recall": r,
        "entity_f1": round(2 * p * r / (p + r), 1) if p + r else 0.0,
        "top10_entity_precision": _ratio(t["top_right"], t["top_pred"]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(LABELS))
    ap.add_argument("--bench", default=str(BENCH))
    ap.add_argument("--pages", action="store_true", help="also print each page's counts")
    args = ap.parse_args(argv)
    from models.analysis import analyze
    from models.ingest import ingest_file

    pages = json.loads(Path(args.labels).read_text(encoding="utf-8"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    from split_half import halves

    half_a, _ = halves([p["id"] for p in pages])
    counts, english, by_half = [], [], {"A": [], "B": []}  # type: ignore[var-annotated]
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            path = Path(tmp) / f"{page['id']}.html"
            path.write_bytes(gzip.decompress((Path(args.bench) / "html" / f"{page['id']}.html.gz").read_bytes()))
            text = ingest_file(path).text
            if page.get("text_sha256") not in (None, hashlib.sha256(text.encode()).hexdigest()):
                print(f"page {page['id'][:12]}: the extracted text has changed since it was labelled", file=sys.stderr)
            published = date.fromisoformat(page["published"]) if page.get("published") else None
            c = score_page(text, page, analyze(text, published))
            counts.append(c)
            if page.get("lang", "en") == "en":
                english.append(c)
            by_half["A" if page["id"] in half_a else "B"].append(c)
            if args.pages:
                print(json.dumps({"id": page["id"][:12], **c}))
    print(json.dumps({"pages": len(pages), "all": summary(counts), "english": summary(english),
                      "A": summary(by_half["A"]), "B": summary(by_half["B"])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
