"""``newsdesk dossier`` on one library: where its time goes, and the whole process beside a trivial command.

1. The whole process: ``dossier NAME --type T`` and the trivial command (``annotations --article 1``) run
   alternately, ``--runs`` times each; the medians of each and the median of the differences run by run (the load
   of a shared machine weighs on both alike), with the CPU seconds of each (less moved by that load).
2. Inside one process (the library opened and a first query made, as the trivial command does): the wall and CPU
   time of each statement the dossier runs, of the rest of reading its rows, of encoding the lines and of writing
   them (to /dev/null); the medians of ``--runs``.
3. The plans of those statements: ``EXPLAIN (ANALYZE, BUFFERS)`` on PostgreSQL, ``EXPLAIN QUERY PLAN`` on SQLite.

    python benchmarks/dossier_speed.py --library URL_OR_PATH NAME [--type PERSON] [--runs 7] [--no-plans]

The library must be at the code's schema revision (opening it migrates it, as any command does).
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LAUNCH = "import sys; from gui.launcher import main; sys.exit(main())"


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def whole_processes(library: str, name: str, type_: str, runs: int) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    dossier = [sys.executable, "-c", LAUNCH, "dossier", "--library", library, name, "--type", type_]
    trivial = [sys.executable, "-c", LAUNCH, "annotations", "--library", library, "--article", "1"]
    run(dossier, env)  # the library migrated if it must be, the caches warmed
    d, t = [], []
    for _ in range(runs):
        t.append(run(trivial, env))
        d.append(run(dossier, env))
    med = statistics.median
    print(f"## Whole processes ({runs} runs each, alternating; load average {os.getloadavg()[0]:.2f})")
    print("| command | wall | CPU |\n|---|---|---|")
    print(f"| dossier {name} --type {type_} | {med(x[0] for x in d) * 1000:,.0f} ms | "
          f"{med(x[1] for x in d) * 1000:,.0f} ms |")
    print(f"| annotations --article 1 (trivial) | {med(x[0] for x in t) * 1000:,.0f} ms | "
          f"{med(x[1] for x in t) * 1000:,.0f} ms |")
    print(f"| over the trivial command (median of the differences) | "
          f"{med(a[0] - b[0] for a, b in zip(d, t, strict=True)) * 1000:+,.0f} ms | "
          f"{med(a[1] - b[1] for a, b in zip(d, t, strict=True)) * 1000:+,.0f} ms |\n")


def phases(library: str, name: str, type_: str, runs: int) -> Any:
    from models.cli.library_index_commands import dossier_lines
    from models.store import open_library
    from models.store.entity_queries import article_queries, dossier_rows, mention_queries

    lib = open_library(library)
    times: dict[str, list[tuple[float, float]]] = {}

    def timed(label: str, started: tuple[float, float]) -> tuple[float, float]:
        now = (time.perf_counter(), time.process_time())
        times.setdefault(label, []).append((now[0] - started[0], now[1] - started[1]))
        return now

    gc.disable()  # as the command runs
    rows = None
    for _ in range(runs):
        with lib.reading() as s:
            core = s.connection()
            core.exec_driver_sql("SELECT 1")  # the connection made, as the trivial command makes it
            dialect = core.dialect.name
            at = (time.perf_counter(), time.process_time())
            counts = []
            for i, stmt in enumerate(article_queries(dialect, name, type_)):
                counts.append(len(core.execute(stmt).all()))
                at = timed(f"articles statement {i + 1} (executed and fetched)", at)
            for i, stmt in enumerate(mention_queries(dialect, name, type_)):
                counts.append(len(core.execute(stmt).all()))
                at = timed(f"mentions statement {i + 1} (executed and fetched)", at)
            at = (time.perf_counter(), time.process_time())
            rows = dossier_rows(s, name, type_)
            at = timed("dossier_rows, all of it (the statements above, highlights, grouping, order)", at)
        lines = list(dossier_lines(rows, name, type_))
        at = timed("encoding the JSON lines", at)
        with open(os.devnull, "w", encoding="utf-8") as out:
            for i in range(0, len(lines), 500):
                out.write("\n".join(lines[i : i + 500]) + "\n")
        timed("writing them", at)
        gc.collect()
    gc.enable()
    assert rows is not None
    print(f"## Inside one process (medians of {runs}; {len(rows.articles):,} articles, "
          f"{sum(len(m) for m in rows.mentions.values()):,} mentions, rows per statement {counts})")
    print("| phase | wall | CPU |\n|---|---|---|")
    for label, values in times.items():
        print(f"| {label} | {statistics.median(v[0] for v in values) * 1000:,.1f} ms | "
              f"{statistics.median(v[1] for v in values) * 1000:,.1f} ms |")
    print()
    return lib


def plans(lib: Any, name: str, type_: str) -> None:
    from models.store.entity_queries import article_queries, mention_queries

    with lib.engine.connect() as conn:
        dialect = conn.dialect.name
        explain = "EXPLAIN (ANALYZE, BUFFERS)" if dialect == "postgresql" else "EXPLAIN QUERY PLAN"
        for label, stmts in (("articles", article_queries(dialect, name, type_)),
                             ("mentions", mention_queries(dialect, name, type_))):
            for i, stmt in enumerate(stmts):
                sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
                print(f"## Plan of the {label} statement {i + 1}\n```\n{sql}\n")
                for row in conn.exec_driver_sql(f"{explain} {sql}"):
                    print(row[0] if dialect == "postgresql" else row[-1])
                print("```\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("name")
    ap.add_argument("--type", default="PERSON")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-plans", action="store_true")
    args = ap.parse_args()
    print(f"# newsdesk dossier {args.name!r} --type {args.type} on {args.library}\n")
    whole_processes(args.library, args.name, args.type, args.runs)
    lib = phases(args.library, args.name, args.type, args.runs)
    if not args.no_plans:
        plans(lib, args.name, args.type)
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
