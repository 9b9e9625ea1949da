"""How long one highlight takes to be durably saved, end to end, beside the floor of a bare SQLite commit.

Runs ``Library.annotations.add`` N times on a fresh library holding the sample article (each call is a whole
transaction: selectors read from the article, tags, FTS trigger, fsync on commit), then a bare ``sqlite3``
INSERT + COMMIT of a similar row with the same pragmas (WAL, synchronous=FULL), in the same folder and run.

    python benchmarks/highlight_persist.py [-n 500] [--dir DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from models.article import Article, Metadata, build_text
from models.store import open_library

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
TARGET_P99_MS = 10.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def bench_library(folder: Path, n: int) -> list[float]:
    lib = open_library(str(folder / "library.sqlite"))
    text, blocks = build_text([("paragraph", line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()])
    article_id = lib.import_article(Article(str(SAMPLE), "textdump", text, blocks, Metadata(title="sample"))).id
    times: list[float] = []
    for i in range(n):
        start = (i * 37) % (len(text) - 60)
        t0 = time.perf_counter()
        lib.annotations.add(article_id, start, start + 20 + i % 40, color="yellow", note=f"note {i}",
                            tags=["bench"] if i % 2 else ())
        times.append((time.perf_counter() - t0) * 1000)
    lib.close()
    return times


def bench_bare(folder: Path, n: int) -> list[float]:
    con = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute(
        'CREATE TABLE h (id TEXT PRIMARY KEY, article_id INTEGER, start INTEGER, "end" INTEGER, exact TEXT, '
        "prefix TEXT, suffix TEXT, note TEXT, created TEXT)"
    )
    times: list[float] = []
    for i in range(n):
        t0 = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT INTO h VALUES (?, 1, ?, ?, ?, ?, ?, ?, datetime('now'))",
            (str(uuid.uuid4()), i, i + 20, "x" * 20, "p" * 32, "s" * 32, f"note {i}"),
        )
        con.execute("COMMIT")
        times.append((time.perf_counter() - t0) * 1000)
    con.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500)
    parser.add_argument("--dir", type=Path, help="where to create the libraries (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        lib_times = bench_library(folder, args.n)
        bare_times = bench_bare(folder, args.n)
    print(f"{args.n} highlights, p50 / p99 / max in ms (target p99 <= {TARGET_P99_MS:g} ms)")
    for name, times in (("annotations.add", lib_times), ("bare sqlite3 INSERT+COMMIT", bare_times)):
        print(f"  {name:28s} {statistics.median(times):7.2f} {percentile(times, 99):7.2f} {max(times):7.2f}")
    ok = percentile(lib_times, 99) <= TARGET_P99_MS
    print("p99 within target" if ok else "p99 ABOVE target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
