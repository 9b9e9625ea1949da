"""Error analysis of the entity stage on a fully annotated set (GUM): false positives and false negatives by kind.

Usage:
  python benchmarks/entity_errors.py [--pred DIR] [--set gum|meantime] [--half A|B|all] [--show KIND] [--limit N]

Predictions come from ``split_half.py --save DIR`` (DIR/<set>.jsonl) or are computed here. Matching is the shared
scorer's (type-aware, exact spans first, then overlap). Every gold mention and every scored predicted mention gets
one kind; the counts are printed as JSON, and ``--show KIND`` lists examples of one kind with their context.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import split_half  # noqa: E402

SCORED = ("PERSON", "ORGANIZATION", "PLACE")
TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sir|St|President|King|Queen|Lord|Lady|Judge|Justice|General|Gen|"
                    r"Captain|Saint)\.?\s", re.IGNORECASE)
NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|ian|ean|ic|i|ch)s?$")


def _boundary_kind(g: dict[str, Any], p: dict[str, Any], text: str) -> str:
    gs, ps = text[g["start"]:g["end"]], text[p["start"]:p["end"]]
    if p["start"] < g["start"] <= p["end"] and g["end"] <= p["end"]:
        head = text[p["start"]:g["start"]]
        if head.lower().strip() == "the":
            return "pred adds 'the'"
        if TITLES.match(ps):
            return "pred adds title"
        return "pred adds words before"
    if p["start"] > g["start"] and p["end"] >= g["end"]:
        head = text[g["start"]:p["start"]]
        if head.lower().strip() == "the":
            return "gold has 'the'"
        if TITLES.match(gs):
            return "gold has title"
        return "pred lacks words before"
    if p["end"] > g["end"]:
        tail = text[g["end"]:p["end"]]
        if tail in ("'s", "’s", "'", "’"):
            return "pred adds possessive"
        return "pred adds words after"
    if p["end"] < g["end"]:
        tail = text[p["end"]:g["end"]]
        if tail in ("'s", "’s", "'", "’"):
            return "gold has possessive"
        return "pred lacks words after"
    return "other boundary"


def analyse(gold_docs: list[dict[str, Any]], preds: dict[str, Any]) -> tuple[Counter[str], dict[str, list[str]]]:
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)

    def note(kind: str, text: str, start: int, end: int, extra: str = "") -> None:
        counts[kind] += 1
        ctx = text[max(0, start - 40):start] + "[" + text[start:end] + "]" + text[end:end + 40]
        examples[kind].append(ctx.replace("\n", " ") + (f"  ({extra})" if extra else ""))

    for g in gold_docs:
        text = g["text"]
        gold = g["entities"]
        pm = []
        allp = []
        for ent in preds.get(g["id"], {}).get("entities", []):
            for m in ent.get("mentions", []):
                row = {"start": m["start"], "end": m["end"], "type": ent["type"]}
                allp.append(row)
                if ent["type"] in SCORED:
                    pm.append(row)
        pairs = split_half.load("score_analysis", split_half.SHARED / "score_analysis.py")._match(
            gold, pm, lambda a, b: a["type"] == b["type"])
        gm = {gi for gi, _ in pairs}
        pmatched = {pi for _, pi in pairs}
        gold_texts = Counter(text[x["start"]:x["end"]] for x in gold)
        pred_texts = {text[x["start"]:x["end"]] for x in pm}
        for gi, pi in pairs:
            x, p = gold[gi], pm[pi]
            if x["start"] == p["start"] and x["end"] == p["end"]:
                counts["TP exact"] += 1
            else:
                note("boundary: " + _boundary_kind(x, p, text), text, x["start"], x["end"],
                     "pred " + text[p["start"]:p["end"]])
        for gi, x in enumerate(gold):
            if gi in gm:
                continue
            surface = text[x["start"]:x["end"]]
            over = [p for p in allp if p["start"] < x["end"] and x["start"] < p["end"]]
            if any(p["type"] in SCORED and p["type"] != x["type"] for p in over):
                wrong = next(p["type"] for p in over if p["type"] in SCORED and p["type"] != x["type"])
                note(f"FN type {x['type']}->{wrong}", text, x["start"], x["end"])
            elif over:
                kinds = sorted({p["type"] for p in over})
                if all(k in SCORED for k in kinds):
                    note("FN overlapped pred used by another gold", text, x["start"], x["end"])
                else:
                    note(f"FN typed {'/'.join(kinds)} (unscored) gold {x['type']}", text, x["start"], x["end"])
            elif surface in pred_texts:
                note("FN missed, same name found elsewhere in doc", text, x["start"], x["end"])
            elif not surface[:1].isupper():
                note("FN missed, lower-case gold", text, x["start"], x["end"])
            else:
                note(f"FN missed entirely {x['type']}", text, x["start"], x["end"])
        for pi, p in enumerate(pm):
            if pi in pmatched:
                continue
            surface = text[p["start"]:p["end"]]
            over = [x for x in gold if x["start"] < p["end"] and p["start"] < x["end"]]
            if over and any(x["type"] != p["type"] for x in over):
                counts["FP wrong type (counted as FN type)"] += 1
            elif over:
                note("FP second pred on one gold (split)", text, p["start"], p["end"])
            elif surface in gold_texts:
                note("FP name that gold marks elsewhere", text, p["start"], p["end"])
            elif NATIONALITY.match(surface) and p["type"] != "PERSON":
                note(f"FP nationality-like {p['type']}", text, p["start"], p["end"])
            elif not surface[:1].isupper():
                note("FP lower-case", text, p["start"], p["end"])
            elif TITLES.match(surface) or surface.split()[0].lower() in ("the", "a"):
                note("FP starts with title/article", text, p["start"], p["end"])
            elif " " not in surface:
                note(f"FP one word {p['type']}", text, p["start"], p["end"])
            else:
                note(f"FP several words {p['type']}", text, p["start"], p["end"])
    return counts, examples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="gum", choices=sorted(split_half.SETS))
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--half", default="all", choices=["A", "B", "all"])
    ap.add_argument("--show")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args(argv)
    gold = [json.loads(x) for x in split_half.SETS[args.set].read_text(encoding="utf-8").splitlines() if x.strip()]
    a, b = split_half.halves([d["id"] for d in gold])
    keep = {"A": set(a), "B": set(b), "all": set(a) | set(b)}[args.half]
    gold = [d for d in gold if d["id"] in keep]
    if args.pred:
        lines = (args.pred / f"{args.set}.jsonl").read_text(encoding="utf-8").splitlines()
        preds = {json.loads(x)["id"]: json.loads(x) for x in lines if x.strip()}
    else:
        preds = split_half.analyse_docs(gold)
    counts, examples = analyse(gold, preds)
    if args.show:
        for kind, rows in examples.items():
            if args.show in kind:
                print(f"== {kind} ({len(rows)})")
                for row in rows[: args.limit]:
                    print("  ", row)
    print(json.dumps(dict(sorted(counts.items(), key=lambda kv: -kv[1])), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
