"""Score the shared dev sets split in two halves with a fixed seed, so a change is kept only if it holds on both.

Usage:
  python benchmarks/split_half.py meantime|gum|extraction|all [--seed N] [--save DIR] [--pred DIR]

Each dev set's document ids are sorted, shuffled with ``random.Random(seed)`` and cut in two: half A (tune) and half
B (check). The figures are the shared scorers' own (``score_analysis.score`` and ``score_extraction.page_counts``,
imported from ../shared/benchmarks), printed for A, B and the whole set. For extraction, ``f1_without_title`` is the
same text scored without its title block: the pages' gold bodies have no headline while ``newsdesk extract``'s text
starts with the title, which alone costs every page some precision. Analysis runs in this process: a document whose
analysis raises is skipped (scored as answered with nothing) and named on stderr, so one crash does not hide the
figures of the rest. ``--save DIR`` writes the predictions as JSON lines; ``--pred DIR`` scores saved ones instead.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" / "benchmarks" for p in (REPO.parent, REPO.parent.parent)
               if (p / "shared" / "benchmarks").is_dir()), REPO.parent / "shared" / "benchmarks")
SETS = {
    "meantime": SHARED / "meantime" / "meantime-dev.jsonl",
    "gum": SHARED / "gum" / "gum-dev.jsonl",
}
EXTRACTION = SHARED / "article-extraction"
SEED = 20261205


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def halves(ids: list[str], seed: int = SEED) -> tuple[list[str], list[str]]:
    """The fixed split: sorted ids shuffled by ``seed``; the first half (rounded up) is A."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    cut = (len(order) + 1) // 2
    return order[:cut], order[cut:]


def analyse_docs(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    sys.path.insert(0, str(REPO))
    from datetime import date

    from models.analysis import analyze

    preds: dict[str, dict[str, Any]] = {}
    for doc in docs:
        published = date.fromisoformat(doc["published"][:10]) if doc.get("published") else None
        try:
            result = analyze(doc["text"], published)
        except Exception as error:  # noqa: BLE001 - a crash costs this document only
            print(f"skipped {doc['id']}: {type(error).__name__}: {error}", file=sys.stderr)
            preds[doc["id"]] = {"id": doc["id"], "entities": [], "timeline": [], "skipped": True}
            continue
        preds[doc["id"]] = {
            "id": doc["id"],
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
    return preds


def run_analysis(name: str, seed: int, save: Path | None, pred_dir: Path | None) -> dict[str, Any]:
    scorer = load("score_analysis", SHARED / "score_analysis.py")
    gold = [json.loads(line) for line in SETS[name].read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    if pred_dir is not None:
        lines = (pred_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        preds = {json.loads(x)["id"]: json.loads(x) for x in lines if x.strip()}
    else:
        preds = analyse_docs(gold)
    elapsed = time.perf_counter() - started
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{name}.jsonl").write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds.values()), encoding="utf-8"
        )
    a, b = halves([d["id"] for d in gold], seed)
    out: dict[str, Any] = {}
    skipped = sorted(k for k, p in preds.items() if p.get("skipped"))
    for label, ids in (("A", set(a)), ("B", set(b)), ("all", set(a) | set(b))):
        docs = [d for d in gold if d["id"] in ids]
        out[label] = scorer.score(docs, preds)
        out[label]["docs"] = len(docs)
    out["skipped"] = skipped
    out["seconds"] = round(elapsed, 1)
    return out


def run_extraction(seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from models.ingest import ingest_file

    scorer = load("score_extraction", SHARED / "score_extraction.py")
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    predicted: dict[str, str] = {}
    body: dict[str, str] = {}  # the same text without its title block (the benchmark's gold has no headline)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for key in truth:
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes()))
            try:
                article = ingest_file(path)
                predicted[key] = article.text
                title = article.blocks[0] if article.blocks and article.blocks[0].kind == "title" else None
                body[key] = article.text[title.end :].lstrip("\n") if title else article.text
            except Exception as error:  # noqa: BLE001 - a failed page scores zero
                print(f"extraction failed {key}: {error}", file=sys.stderr)
                predicted[key] = body[key] = ""
    elapsed = time.perf_counter() - started
    a, b = halves(list(truth), seed)
    out: dict[str, Any] = {}
    for label, ids in (("A", a), ("B", b), ("all", a + b)):
        counts = [scorer.page_counts(truth[k].get("articleBody", ""), predicted.get(k, "")) for k in ids]
        ps = [scorer.precision(*c) for c in counts if c[0] + c[1] > 0]
        rs = [scorer.recall(*c) for c in counts if c[0] + c[2] > 0]
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        out[label] = {"pages": len(ids), "precision": round(p, 3), "recall": round(r, 3),
                      "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}
        counts = [scorer.page_counts(truth[k].get("articleBody", ""), body.get(k, "")) for k in ids]
        pb = sum(scorer.precision(*c) for c in counts) / len(counts) if counts else 0.0
        rb = sum(scorer.recall(*c) for c in counts) / len(counts) if counts else 0.0
        out[label]["f1_without_title"] = round(2 * pb * rb / (pb + rb) if pb + rb else 0.0, 3)
    out["pages_per_s"] = round(len(truth) / elapsed, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("which", choices=["meantime", "gum", "extraction", "all"])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--save", type=Path, help="write predictions to DIR/<set>.jsonl")
    ap.add_argument("--pred", type=Path, help="score saved predictions from DIR/<set>.jsonl")
    args = ap.parse_args(argv)
    names = ["meantime", "gum", "extraction"] if args.which == "all" else [args.which]
    for name in names:
        result = run_extraction(args.seed) if name == "extraction" else run_analysis(
            name, args.seed, args.save, args.pred
        )
        print(json.dumps({"set": name, **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
