"""Main-text extraction on benchmarks/article-extraction: Newsdesk's ingest against bare trafilatura, same run.

Usage: python benchmarks/extraction.py [BENCH_DIR] [--no-title] [--option NAME=VALUE ...]
The metric is the scorer's own (imported from score_extraction.py in BENCH_DIR's parent): F1 over 4-word
shingles, per-page counts normalised, precision and recall averaged over pages.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = REPO.parent / "shared" / "benchmarks" / "article-extraction"


def load_scorer(bench: Path) -> ModuleType:
    path = bench.parent / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, truth: dict[str, Any], predicted: dict[str, str]) -> dict[str, float]:
    counts = [scorer.page_counts(truth[k].get("articleBody", ""), predicted.get(k, "")) for k in truth]
    ps = [scorer.precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [scorer.recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def run(name: str, extract: Callable[[Path], str], paths: dict[str, Path]) -> tuple[dict[str, str], float]:
    predicted: dict[str, str] = {}
    started = time.perf_counter()
    for key, path in paths.items():
        try:
            predicted[key] = extract(path)
        except Exception as error:  # a failed page scores zero, like a missing line from the CLI
            print(f"{name}: {key}: {error}", file=sys.stderr)
            predicted[key] = ""
    return predicted, len(paths) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", default=str(DEFAULT_BENCH))
    parser.add_argument("--no-title", action="store_true", help="also score our text without its title block")
    parser.add_argument("--option", action="append", default=[], help="trafilatura option for ingest, NAME=VALUE")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))

    import trafilatura

    from models.ingest import html as ingest_html
    from models.ingest import ingest_file

    for option in args.option:
        key, _, value = option.partition("=")
        ingest_html.EXTRACT_OPTIONS[key] = value.lower() in ("1", "true", "yes")

    bench = Path(args.bench)
    scorer = load_scorer(bench)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        paths: dict[str, Path] = {}
        for key in truth:
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()))
            paths[key] = path

        bodies: dict[str, str] = {}

        def ours(path: Path) -> str:
            article = ingest_file(path)
            title = [b for b in article.blocks if b.kind == "title"]
            bodies[path.stem] = article.text[title[0].end + 1 :] if title else article.text
            return article.text

        results = {}
        results["trafilatura.extract()"] = run(
            "trafilatura", lambda p: trafilatura.extract(p.read_bytes()) or "", paths
        )
        results["newsdesk ingest_file"] = run("newsdesk", ours, paths)
    rows = [(name, score(scorer, truth, pred), speed) for name, (pred, speed) in results.items()]
    if args.no_title:
        rows.append(("newsdesk, text without title", score(scorer, truth, bodies), results["newsdesk ingest_file"][1]))
    print(f"{len(truth)} pages; options {json.dumps(ingest_html.EXTRACT_OPTIONS)}")
    print(f"{'extractor':32} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}")
    for name, figures, speed in rows:
        print(f"{name:32} {figures['precision']:6.3f} {figures['recall']:6.3f} {figures['f1']:6.3f} {speed:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
