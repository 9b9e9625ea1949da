"""What the library's safety costs: the check at every open, a verified backup, rotation, and reading a damaged
file back (rows, then pages), on a generated library of N copies of the sample article.

    python benchmarks/library_safety.py [--articles 3000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from models.article import Article, Metadata, build_text  # noqa: E402
from models.store import backup, integrity, open_library, recover  # noqa: E402


def timed(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    body = (REPO / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt").read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.sqlite"
        lib = open_library(str(path))
        for n in range(args.articles):
            text, blocks = build_text([("title", f"Article {n}"), ("paragraph", f"{body} {n}")])
            aid = lib.import_article(Article(f"file:///{n}.txt", "text", text, blocks, Metadata(title=f"A {n}"))).id
            if n % 10 == 0:
                lib.annotations.add(aid, 0, 3, note=f"note {n}", tags=["bench"])
        lib.close()
        size = path.stat().st_size / 1e6
        print(f"library: {args.articles} articles, {size:.1f} MB")
        print(f"quick_check at open:        {timed(lambda: integrity.check_file(path)):8.0f} ms")
        print(f"preflight (all checks):     {timed(lambda: integrity.preflight(path)):8.0f} ms")
        print(f"open_library (no backup due): {timed(lambda: open_library(str(path)).close()):6.0f} ms")
        print(f"verified backup:            {timed(lambda: backup.make_backup(path, 'manual'), runs=3):8.0f} ms")
        print(f"rotation ({len(backup.backups(path))} backups):      {timed(lambda: backup.rotate(path)):8.0f} ms")
        with open(path, "r+b") as handle:
            handle.seek(path.stat().st_size // 2 // 4096 * 4096)
            handle.write(os.urandom(16 * 1024))
        start = time.perf_counter()
        found = recover.salvage(path, reference=backup.backups(path)[-1])
        took = (time.perf_counter() - start) * 1000
        print(f"salvage of a damaged copy:  {took:8.0f} ms  ({found.count('articles')} articles, "
              f"{found.count('highlights')} highlights; {found.method}, {found.from_pages} rows from pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
