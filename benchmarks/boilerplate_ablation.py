"""Each boilerplate rule of ``models.ingest.boilerplate`` switched off in turn, scored on both halves of the dev pages.

Usage: python benchmarks/boilerplate_ablation.py [--seed N]

A rule is worth keeping only if switching it off costs F1 on both halves (the split of ``split_half.py``, fixed
seed): a rule that only helps the half it was written for is fitted to those pages. Prints one line per variant:
the F1 of half A, half B and all pages, and the change from the full rule set.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from split_half import EXTRACTION, SEED, SHARED, halves, load  # noqa: E402

from models.ingest import boilerplate  # noqa: E402

_OFF: dict[str, tuple[str, Any]] = {
    "headline repeats": ("_headline_repeats", lambda blocks, headlines: [False] * len(blocks)),
    "link lists": ("_link_list_groups", lambda blocks: set()),
    "cross links": ("_is_cross_link", lambda block: False),
    "newsletter boxes": ("_is_newsletter_box", lambda block: False),
    "labels of dropped boxes": ("_is_label", lambda block: False),
    "orphan labels below": ("_is_orphan_label", lambda block, previous: False),
    "calls to action and credits": ("_is_coda", lambda block: False),
    "hover cards": ("drop_hover_cards", lambda tree: None),
}


@contextmanager
def switched_off(name: str) -> Iterator[None]:
    from models.ingest import html as ingest_html

    attr, stub = _OFF[name]
    # the page reader imports drop_hover_cards by name: switch it off where it is called too
    modules = [m for m in (boilerplate, ingest_html) if hasattr(m, attr)]
    originals = [getattr(m, attr) for m in modules]
    for m in modules:
        setattr(m, attr, stub)
    try:
        yield
    finally:
        for m, original in zip(modules, originals, strict=True):
            setattr(m, attr, original)


def _score(scorer: Any, truth: dict[str, Any], predicted: dict[str, str], ids: list[str]) -> float:
    counts = [scorer.page_counts(truth[k].get("articleBody", ""), predicted.get(k, "")) for k in ids]
    ps = [scorer.precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [scorer.recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    from models.ingest import ingest_file

    scorer = load("score_extraction", SHARED / "score_extraction.py")
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    a, b = halves(list(truth), args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for key in truth:
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes()))
            paths[key] = path

        def run() -> dict[str, str]:
            out = {}
            for key, path in paths.items():
                try:
                    out[key] = ingest_file(path).text
                except Exception:  # noqa: BLE001 - a failed page scores zero
                    out[key] = ""
            return out

        def figures(pred: dict[str, str]) -> tuple[float, float, float]:
            return _score(scorer, truth, pred, a), _score(scorer, truth, pred, b), _score(scorer, truth, pred, a + b)

        base = figures(run())
        print(f"{'variant':32} {'A':>6} {'B':>6} {'all':>6}   {'dA':>7} {'dB':>7}")
        print(f"{'all rules':32} {base[0]:6.3f} {base[1]:6.3f} {base[2]:6.3f}")
        for name in _OFF:
            with switched_off(name):
                fa, fb, fall = figures(run())
            verdict = "keep" if fa < base[0] and fb < base[1] else "no gain on both halves"
            print(f"{'without ' + name:32} {fa:6.3f} {fb:6.3f} {fall:6.3f}   {base[0] - fa:+7.4f} {base[1] - fb:+7.4f}"
                  f"  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
