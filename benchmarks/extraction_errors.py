"""Where main-text extraction goes wrong, page by page, on benchmarks/article-extraction.

Usage: python benchmarks/extraction_errors.py [BENCH_DIR] [--worst N] [--passages K] [--with-title] [--page ID]
For each page (worst F1 first): precision, recall, F1, then the K longest runs of extracted words that the ground
truth does not hold (false positives, "+") and of ground-truth words we missed (false negatives, "-"). A run is a
stretch of consecutive tokens whose 4-word shingles all fall outside the other side, so one leaked sidebar or one
dropped paragraph shows as one line. The text scored is the body without its title block unless --with-title.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = REPO.parent / "shared" / "benchmarks" / "article-extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _runs(text: str, other: str, n: int = 4) -> list[tuple[int, str]]:
    """Stretches of ``text`` whose shingles are missing from ``other``: (word count, the passage)."""
    tokens = list(_TOKEN.finditer(text))
    words = [m.group() for m in tokens]
    other_words = _TOKEN.findall(other)
    known = Counter(tuple(other_words[i : i + n]) for i in range(max(1, len(other_words) - n + 1)))
    missing = [False] * len(words)
    for i in range(max(1, len(words) - n + 1)):
        key = tuple(words[i : i + n])
        if known[key] > 0:
            known[key] -= 1
        else:
            for j in range(i, min(i + n, len(words))):
                missing[j] = True
    runs: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        if not missing[i]:
            i += 1
            continue
        j = i
        while j < len(words) and missing[j]:
            j += 1
        if j - i >= n:
            runs.append((j - i, " ".join(text[tokens[i].start() : tokens[j - 1].end()].split())))
        i = j
    return sorted(runs, reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", default=str(DEFAULT_BENCH))
    parser.add_argument("--worst", type=int, default=25, help="pages to show, worst F1 first")
    parser.add_argument("--passages", type=int, default=3, help="passages per side and page")
    parser.add_argument("--width", type=int, default=220, help="characters shown of each passage")
    parser.add_argument("--with-title", action="store_true", help="score the canonical text, title included")
    parser.add_argument("--page", action="append", default=[], help="only these page ids (prefixes)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))

    from benchmarks.extraction import load_scorer
    from models.ingest import ingest_html

    bench = Path(args.bench)
    scorer = load_scorer(bench)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    rows = []
    for key, gold in truth.items():
        if args.page and not any(key.startswith(p) for p in args.page):
            continue
        html = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        try:
            article = ingest_html(html, source=key)
            title = [b for b in article.blocks if b.kind == "title"]
            text = article.text if args.with_title or not title else article.text[title[0].end + 1 :]
        except Exception as error:  # a page we cannot read scores zero
            text = f"<{error}>"
        counts = scorer.page_counts(gold.get("articleBody", ""), text)
        p, r = scorer.precision(*counts), scorer.recall(*counts)
        rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, key, gold, text))
    rows.sort(key=lambda row: row[0])
    for f1, p, r, key, gold, text in rows[: args.worst]:
        print(f"\n== {key[:12]} F1 {f1:.3f} P {p:.3f} R {r:.3f}  {gold.get('url', '')[:90]}")
        for sign, (mine, theirs) in (("+", (text, gold["articleBody"])), ("-", (gold["articleBody"], text))):
            for words, passage in _runs(mine, theirs)[: args.passages]:
                shown = passage if len(passage) <= args.width else passage[: args.width] + " …"
                print(f"  {sign}{words:5d} {shown}")
    if rows:
        mean_p = sum(row[1] for row in rows) / len(rows)
        mean_r = sum(row[2] for row in rows) / len(rows)
        print(f"\n{len(rows)} pages: P {mean_p:.3f} R {mean_r:.3f} F1 {2 * mean_p * mean_r / (mean_p + mean_r):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
