"""The hostile-input table: every generated case through ``newsdesk extract``, ``import`` and ``analyze``.

    .venv/bin/python benchmarks/adversarial.py [--cases NAME ...] [--json]

Prints one row per command and case (exit code, seconds, peak memory, the reason or what went wrong), then the
summary the reliability issue asks for: files, refusals, successes, failures, worst time, peak memory. Limits per
command: 60 s and 2 GB resident; every child is also capped at 4 GB of address space so that a runaway cannot starve
the machine. The cases are those of ``tests/adversarial_corpus.py`` (the slow test asserts on the same ones).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from adversarial_corpus import CASES, COMMANDS, MB, Outcome, run_command, seed_library, summary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", nargs="*", help="only these cases (names as in tests/adversarial_corpus.py)")
    parser.add_argument("--json", action="store_true", help="one JSON line per run instead of the table")
    args = parser.parse_args()
    chosen = [c for c in CASES if not args.cases or c.name in args.cases]
    work = Path(tempfile.mkdtemp(prefix="newsdesk-adversarial-bench-"))
    outcomes: list[Outcome] = []
    try:
        library = work / "library.sqlite"
        seed = work / "seed.txt"
        seed.write_text("Harbour reopens\n\nThe ferry will run again from Friday, the council said on Monday.\n")
        seed_library(library, seed)
        if not args.json:
            print(f"{'case':<22} {'command':<8} {'exit':>4} {'seconds':>8} {'peak MB':>8}  outcome")
        for case in chosen:
            folder = work / case.name
            folder.mkdir()
            path = case.make(folder)
            for command in COMMANDS:
                o = run_command(case, command, path, library, folder)
                outcomes.append(o)
                reason = o.stderr.strip().splitlines()[-1] if o.refused and o.stderr.strip() else ""
                reason = reason.replace(str(path), "FILE")
                what = o.verdict() or (reason if o.refused else "read")
                if args.json:
                    print(json.dumps({"case": o.case, "command": command, "code": o.code,
                                      "seconds": round(o.seconds, 2), "peak_mb": round(o.peak_bytes / MB),
                                      "outcome": what}, ensure_ascii=False), flush=True)
                else:
                    code = "-" if o.code is None else o.code
                    print(f"{case.name:<22} {command:<8} {code:>4} {o.seconds:8.2f} {o.peak_bytes / MB:8.0f}  "
                          f"{'FAIL ' if o.verdict() else ''}{what[:110]}", flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    totals = summary(outcomes)
    if args.json:
        print(json.dumps(totals))
    else:
        print()
        print("files  runs  refusals  successes  failures  worst s  peak MB")
        print(f"{totals['files']:>5} {totals['runs']:>5} {totals['refusals']:>9} {totals['successes']:>10} "
              f"{totals['failures']:>9} {totals['worst_seconds']:>8} {totals['peak_mb']:>8}")
    return 1 if totals["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
