"""Words per second of the whole ``analyze()`` against the bare spaCy pipeline ``nlp(text)``, same texts, same run.

Texts: the sample article repeated to about 200 KB (one long article) and the MEANTIME dev articles (many short
ones). Also prints the resident memory after loading the model. Usage::

    python benchmarks/analysis_speed.py [--meantime PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import psutil

from models.analysis import analyze, nlp
from models.ingest import ingest_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
MEANTIME = ROOT.parent / "shared" / "benchmarks" / "meantime" / "meantime-dev.jsonl"


def _best_of(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """Best time of each run, the runs interleaved so that a busy moment of a shared machine hits them alike."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for k, run in enumerate(runs):
            started = time.perf_counter()
            run()
            best[k] = min(best[k], time.perf_counter() - started)
    return best


def _compare(label: str, texts: list[str], repeat: int) -> None:
    model = nlp.load()
    words = sum(len(t.split()) for t in texts)
    bare, whole = _best_of(repeat, lambda: [model(t) for t in texts], lambda: [analyze(t) for t in texts])
    print(
        f"{label:<28} {words:>7} words  bare spaCy {words / bare:>7.0f} w/s  analyze() {words / whole:>7.0f} w/s"
        f"  ratio {bare / whole:.2f}x"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--meantime", default=str(MEANTIME))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    process = psutil.Process()
    before = process.memory_info().rss
    started = time.perf_counter()
    model = nlp.load()
    model("Warm up.")
    loaded = process.memory_info().rss
    print(f"model load {time.perf_counter() - started:.2f} s, resident {loaded / 2**20:.0f} MB "
          f"(+{(loaded - before) / 2**20:.0f} MB for the pipeline)")

    article = ingest_file(SAMPLE).text
    long_text = "\n".join([article] * (200_000 // len(article) + 1))
    _compare(f"sample x{200_000 // len(article) + 1} ({len(long_text) // 1000} KB)", [long_text], args.repeat)
    _compare("sample article", [article], args.repeat * 5)
    path = Path(args.meantime)
    if path.exists():
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        _compare(f"MEANTIME dev ({len(texts)} articles)", texts, args.repeat)
    print(f"resident after the runs {process.memory_info().rss / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
