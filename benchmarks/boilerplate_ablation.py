"""Each main-text rule of our own on top of trafilatura switched off in turn, scored on both halves of the dev pages.

Usage: python benchmarks/boilerplate_ablation.py [--seed N] [--swap] [--only NAME ...]

A rule is worth keeping only if switching it off costs F1 on both halves (the split of ``split_half.py``, fixed
seed) and it changes more than one page: a rule that only helps the half it was written for, or one page, is fitted
to those pages. Prints one line per variant: the F1 of half A, half B and all pages, the change from the full rule
set (positive: the rule helps), and how many pages of each half the rule helps / hurts. ``--swap`` exchanges the
halves (tune on B, check on A). The metric is the benchmark's (F1 over 4-word shingles of the canonical text, title
included, as ``newsdesk extract`` prints it).
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
from models.ingest import html as ingest_html  # noqa: E402

# name -> (module attribute, replacement). A replacement is the rule's "off" behaviour.
_OFF: dict[str, tuple[str, Any]] = {
    "cross links": ("_is_cross_link", lambda block: False),
    "calls to action and credits": ("_is_coda", lambda block: False),
    "labels closing the page": ("_is_tail_label", lambda block: False),
    "date lines and labels above the story": ("_is_head_label", lambda block: False),
    "cards popping up over names": ("_drop_hover_cards", lambda tree: None),
    "empty inlines": ("_drop_empty_inlines", lambda tree: None),
    "link wrappers inside sentences": ("_unwrap_link_spans", lambda tree: None),
    "loose text put in paragraphs": ("_wrap_loose_text", lambda tree: None),
}
# name -> (option, value) of trafilatura's options in ``models.ingest.html.EXTRACT_OPTIONS``
_OPTIONS: dict[str, tuple[str, Any]] = {
    "favor_precision (vs default)": ("favor_precision", False),
    "include_tables": ("include_tables", False),
}
# name -> (module, constant, value that switches the rule off)
_CONSTANTS: dict[str, tuple[Any, str, Any]] = {}


@contextmanager
def switched_off(name: str) -> Iterator[None]:
    if name in _OPTIONS:
        option, value = _OPTIONS[name]
        original = ingest_html.EXTRACT_OPTIONS[option]
        ingest_html.EXTRACT_OPTIONS[option] = value
        try:
            yield
        finally:
            ingest_html.EXTRACT_OPTIONS[option] = original
        return
    if name in _CONSTANTS:
        module, constant, value = _CONSTANTS[name]
        kept = getattr(module, constant)
        setattr(module, constant, value)
        try:
            yield
        finally:
            setattr(module, constant, kept)
        return
    attr, stub = _OFF[name]
    # the page reader imports some rules by name: switch them off where they are called too
    modules = [m for m in (boilerplate, ingest_html) if hasattr(m, attr)]
    originals = [getattr(m, attr) for m in modules]
    for m in modules:
        setattr(m, attr, stub)
    try:
        yield
    finally:
        for m, original in zip(modules, originals, strict=True):
            setattr(m, attr, original)


def page_pr(scorer: Any, gold: str, text: str) -> tuple[float, float]:
    counts = scorer.page_counts(gold, text)
    return scorer.precision(*counts), scorer.recall(*counts)


def mean_f1(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(P, R, F1) as the scorer computes them: precision and recall averaged over pages, then F1."""
    p = sum(s[0] for s in scores) / len(scores) if scores else 0.0
    r = sum(s[1] for s in scores) / len(scores) if scores else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--swap", action="store_true", help="tune on B, check on A")
    ap.add_argument("--only", action="append", default=[], help="only these variants")
    args = ap.parse_args(argv)
    from models.ingest import ingest_file

    scorer = load("score_extraction", SHARED / "score_extraction.py")
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    a, b = halves(list(truth), args.seed)
    if args.swap:
        a, b = b, a
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for key in truth:
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes()))
            paths[key] = path

        def run() -> dict[str, tuple[float, float, float]]:
            out = {}
            for key, path in paths.items():
                try:
                    text = ingest_file(path).text
                except Exception:  # noqa: BLE001 - a failed page scores zero
                    text = ""
                p, r = page_pr(scorer, truth[key].get("articleBody", ""), text)
                out[key] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
            return out

        base = run()
        fig = {label: mean_f1([base[k] for k in ids]) for label, ids in (("A", a), ("B", b), ("all", a + b))}
        print(f"{'variant':38} {'A':>6} {'B':>6} {'all':>6}   {'dA':>7} {'dB':>7}  {'A +/-':>5} {'B +/-':>5}")
        print(f"{'all rules':38} {fig['A'][2]:6.3f} {fig['B'][2]:6.3f} {fig['all'][2]:6.3f}"
              f"   P {fig['all'][0]:.3f} R {fig['all'][1]:.3f}")
        names = [n for n in (*_OFF, *_OPTIONS, *_CONSTANTS) if not args.only or n in args.only]
        for name in names:
            with switched_off(name):
                off = run()
            fa = mean_f1([off[k] for k in a])[2]
            fb = mean_f1([off[k] for k in b])[2]
            fall = mean_f1([off[k] for k in a + b])[2]
            da, db = fig["A"][2] - fa, fig["B"][2] - fb

            def moved(ids: list[str], off: dict[str, tuple[float, float, float]] = off) -> str:
                helped = sum(base[k][2] > off[k][2] + 1e-9 for k in ids)
                hurt = sum(base[k][2] < off[k][2] - 1e-9 for k in ids)
                return f"{helped}/{hurt}"

            pages = sum(abs(base[k][2] - off[k][2]) > 1e-9 for k in a + b)
            verdict = "keep" if da > 0 and db > 0 and pages > 1 else "no gain on both halves"
            print(f"{'without ' + name:38} {fa:6.3f} {fb:6.3f} {fall:6.3f}   {da:+7.4f} {db:+7.4f}  "
                  f"{moved(a):>5} {moved(b):>5}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
