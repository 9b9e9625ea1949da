"""``newsdesk import --jobs N`` beside ``--jobs 1`` on the same synthetic files, in the same run.

The files are scale.py's seed-like text dumps (paragraphs drawn from the shared corpora). Each round imports them
into a fresh library once with one process and once with ``--jobs N``, alternating which goes first; the medians and
the speed-up are printed with the machine's load average (other work on a shared machine slows the pool first), and
the CPU seconds each run used (all its processes): on a busy machine the wall times say little, the CPU seconds say
what the pool costs beyond the work itself (model loading, the writer's transactions, passing results).

    python benchmarks/import_jobs.py [--files 60] [--jobs 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import import_files, write_dumps  # noqa: E402 — the benchmark's own helpers, beside this file


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[int, list[float]] = {1: [], args.jobs: []}
    cpu: dict[int, list[float]] = {1: [], args.jobs: []}
    loads: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = write_dumps(work / "dumps", args.files, args.seed)
        for n in range(args.rounds):
            order = [1, args.jobs] if n % 2 == 0 else [args.jobs, 1]
            for jobs in order:
                loads.append(os.getloadavg()[0])
                library = str(work / f"r{n}-j{jobs}.sqlite")
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                elapsed, imported, skipped = import_files(library, files, jobs, env)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                cpu[jobs].append(used)
                if skipped:
                    print(f"  --jobs {jobs}: {len(skipped)} files left out", file=sys.stderr)
                times[jobs].append(elapsed)
                print(f"round {n + 1}: --jobs {jobs:<2} {elapsed:6.2f} s  {imported / elapsed:5.1f} articles/s  "
                      f"CPU {used:6.2f} s  load {loads[-1]:.1f}", flush=True)
    one, many = statistics.median(times[1]), statistics.median(times[args.jobs])
    print(f"{args.files} files, {os.cpu_count()} cores, load average during the runs "
          f"{min(loads):.1f}–{max(loads):.1f} (1-minute)")
    print(f"--jobs 1   median {one:6.2f} s  CPU {statistics.median(cpu[1]):6.2f} s")
    print(f"--jobs {args.jobs}   median {many:6.2f} s  CPU {statistics.median(cpu[args.jobs]):6.2f} s")
    print(f"speed-up --jobs {args.jobs} / --jobs 1 = {one / many:.2f}×  (target >= 1.5 on 2 cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
