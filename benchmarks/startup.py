"""Start-up to the painted main window on the sample, beside a bare PySide6 window showing the same text.

Both are measured in the same run, alternating (Newsdesk once opening the sample file, once as a plain start on
the library that holds it, which shows the last article), as whole processes (interpreter start included),
because that is what a person waits for. Prints the medians and the ratio of the first paint to the bare window's
(target: Newsdesk <= 2x the bare window, moonshot 1.5x).

A second figure splits Newsdesk's wait (the reader prints milestones when NEWSDESK_STARTUP_MARKS is set): the
first paint of the reading view with the article in it, and "settled" (entities and timeline drawn, just before
the screenshot is saved), each from the moment the process was started; beside the bare window's own grab.

    python benchmarks/startup.py [--runs 7]

``--breakdown`` instead starts the reader a few times (a plain start on the sample's library) and tells where the
time before the first paint goes: the modules imported before it by owner (``-X importtime``, each module's own
time), the Qt enum types PySide6 creates before it (each a Python ``enum`` built at run time: every Qt class a
module names or a call returns brings all of its enums), the dataclasses made before it, and the main thread's
CPU time at each milestone.

    python benchmarks/startup.py --breakdown [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"

BARE = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
app = QApplication(sys.argv)
w = QMainWindow()
view = QTextEdit()
view.setReadOnly(True)
view.setPlainText(open(sys.argv[1], encoding="utf-8").read())
w.setCentralWidget(view)
w.resize(1440, 900)
w.show()
def shot():
    picture = w.grab()
    print(f"startup-mark settled {time.time():.6f}", file=sys.stderr, flush=True)
    print(f"startup-cpu settled {time.thread_time():.6f}", file=sys.stderr, flush=True)
    picture.save(sys.argv[2])
    app.quit()
QTimer.singleShot(0, shot)
app.exec()
"""


# Run in the reader's process by --breakdown: counts what is created before the first paint, then exits there.
PROBE = """
import dataclasses, enum, os, sys, time
made = {"enum": [0, 0.0], "dataclass": [0, 0.0]}
def _timed(kind, real):
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            made[kind][0] += 1
            made[kind][1] += time.perf_counter() - t
    return wrapper
enum.EnumType._create_ = _timed("enum", enum.EnumType._create_)
dataclasses._process_class = _timed("dataclass", dataclasses._process_class)
from gui import code_cache
code_cache.install()  # as the launcher does, before the reader's modules
import gui.app
real_mark = gui.app.startup_mark
def mark(name):
    print(f"probe-cpu {name} {time.thread_time():.6f}", file=sys.stderr, flush=True)
    real_mark(name)
    if name == "article-painted":
        for kind, (n, spent) in made.items():
            print(f"probe-made {kind} {n} {spent:.6f}", file=sys.stderr, flush=True)
        os._exit(0)
gui.app.startup_mark = mark
from gui.launcher import main
sys.argv = ["newsdesk", *sys.argv[1:]]
main()
"""
IMPORT = re.compile(r"^import time:\s+(\d+) \|\s+\d+ \| ( *)(\S+)$", re.MULTILINE)
OWNERS = ("gui.timeline", "gui.entities", "gui.annotations", "gui.revisions", "gui.operations", "gui",
          "models.store", "models.analysis", "models", "PySide6", "shiboken6", "shibokensupport", "sqlalchemy")


def owner(module: str) -> str:
    for prefix in OWNERS:
        if module == prefix or module.startswith(prefix + "."):
            return prefix if prefix != "shibokensupport" else "shiboken6"
    return "standard library and others"


def breakdown(runs: int, env: dict[str, str], png: str) -> None:
    """Where the time before the first paint goes (medians of ``runs`` plain starts)."""
    own: dict[str, list[float]] = {}
    made: dict[str, list[tuple[int, float]]] = {}
    cpu: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", PROBE, "--screenshot", png], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        before = done.stderr.split("startup-mark article-painted", 1)[0]
        totals: dict[str, float] = {}
        for micros, _indent, module in IMPORT.findall(before):
            totals[owner(module)] = totals.get(owner(module), 0.0) + int(micros) / 1e6
        for group, spent in totals.items():
            own.setdefault(group, []).append(spent)
        for kind, n, spent in re.findall(r"^probe-made (\S+) (\d+) (\S+)$", done.stderr, re.MULTILINE):
            made.setdefault(kind, []).append((int(n), float(spent)))
        for name, at in re.findall(r"^probe-cpu (\S+) (\S+)$", done.stderr, re.MULTILINE):
            cpu.setdefault(name, []).append(float(at))
    print(f"before the first paint (plain start, medians of {runs} runs)")
    print("  main thread CPU at each milestone: " + "  ".join(
        f"{name} {statistics.median(v) * 1000:.0f} ms" for name, v in cpu.items()))
    for kind, values in made.items():
        print(f"  {kind} types created: {statistics.median(n for n, _ in values):.0f}, "
              f"{statistics.median(s for _, s in values) * 1000:.0f} ms (inside the imports and calls below)")
    print("  imports, each module's own time, by owner:")
    for group, values in sorted(own.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"    {statistics.median(values) * 1000:6.0f} ms  {group}")
    print(f"    {sum(statistics.median(v) for v in own.values()) * 1000:6.0f} ms  in all")


MILESTONES = ("modules-loaded", "window-built", "window-shown", "article-painted", "settled")  # gui/app.py
MARK = re.compile(r"^startup-mark (\S+) (\d+(?:\.\d+)?)$", re.MULTILINE)
CPU = re.compile(r"^startup-cpu (\S+) (\d+(?:\.\d+)?)$", re.MULTILINE)


def timed(cmd: list[str], env: dict[str, str], marks: dict[str, list[float]] | None = None,
          cpu: dict[str, list[float]] | None = None) -> float:
    """Seconds from starting the process to its end; milestones (seconds after the start) go into ``marks``, the
    main thread's CPU seconds at each into ``cpu``."""
    started = time.time()
    t = time.perf_counter()
    done = subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t
    if marks is not None:
        for name, at in MARK.findall(done.stderr):
            marks.setdefault(name, []).append(float(at) - started)
    if cpu is not None:
        for name, spent in CPU.findall(done.stderr):
            cpu.setdefault(name, []).append(float(spent))
    return elapsed


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.0f} ms" if values else "      – ms"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--breakdown", action="store_true", help="where the time before the first paint goes")
    args = ap.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a person's machine keeps compiled modules; measure that
    env["NEWSDESK_STARTUP_MARKS"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        env["NEWSDESK_LIBRARY"] = str(Path(tmp) / "library.sqlite")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # the first run writes the compiled dataclasses there
        png = str(Path(tmp) / "shot.png")
        nd_cmd = [sys.executable, "-m", "gui", "--screenshot", png, str(SAMPLE)]
        last_cmd = [sys.executable, "-m", "gui", "--screenshot", png]  # a plain start: the last article, no file
        bare_cmd = [sys.executable, "-c", BARE, str(SAMPLE), png]
        timed(nd_cmd, env)  # first run imports the sample into the library and warms the file cache
        if args.breakdown:
            timed(last_cmd, env)  # the modules compiled, the layout saved
            breakdown(args.runs, env, png)
            return 0
        timed(bare_cmd, env)
        nd, bare, last = [], [], []
        nd_marks: dict[str, list[float]] = {}
        bare_marks: dict[str, list[float]] = {}
        last_marks: dict[str, list[float]] = {}
        nd_cpu: dict[str, list[float]] = {}
        bare_cpu: dict[str, list[float]] = {}
        last_cpu: dict[str, list[float]] = {}
        for _ in range(args.runs):
            nd.append(timed(nd_cmd, env, nd_marks, nd_cpu))
            bare.append(timed(bare_cmd, env, bare_marks, bare_cpu))
            last.append(timed(last_cmd, env, last_marks, last_cpu))
    m_nd, m_bare = statistics.median(nd), statistics.median(bare)
    print(f"bare PySide6 window   median {m_bare * 1000:7.0f} ms   (min {min(bare) * 1000:.0f})")
    print(f"newsdesk main window  median {m_nd * 1000:7.0f} ms   (min {min(nd) * 1000:.0f})")
    print(f"whole processes, newsdesk / bare = {m_nd / m_bare:.2f}  (Newsdesk's includes drawing its entities and "
          "timeline, which the bare window has not: no target)")
    painted, drawn = nd_marks.get("article-painted", []), bare_marks.get("settled", [])
    if painted and drawn:
        print(f"start-up to the painted window: first paint / bare window drawn = "
              f"{statistics.median(painted) / statistics.median(drawn):.2f}  (the window painted with the article, "
              "docks pending; target <= 2, moonshot 1.5)")
    again = last_marks.get("article-painted", [])
    if again and drawn:
        print(f"plain start (last article, no file): first paint / bare window drawn = "
              f"{statistics.median(again) / statistics.median(drawn):.2f}; whole process "
              f"{statistics.median(last) * 1000:.0f} ms = {statistics.median(last) / m_bare:.2f} × bare")
    print("from process start (medians):")
    print(f"  bare window drawn                          {_ms(bare_marks.get('settled', []))}")
    print(f"  newsdesk article painted (docks pending)   {_ms(nd_marks.get('article-painted', []))}")
    print(f"  newsdesk settled (entities, timeline drawn) {_ms(nd_marks.get('settled', []))}")
    print(f"  plain start: article painted               {_ms(last_marks.get('article-painted', []))}")
    print(f"  plain start: settled                       {_ms(last_marks.get('settled', []))}")
    print("milestones from process start (medians, ms):   " + "  ".join(f"{m:>15}" for m in MILESTONES))
    for label, marks in (("newsdesk FILE", nd_marks), ("plain start", last_marks)):
        print(f"  {label:<44}" + "  ".join(f"{_ms(marks.get(m, []))[:-3]:>15}" for m in MILESTONES))
    print("main thread CPU time at each milestone (medians, ms; less disturbed by other processes than the above):")
    print(f"  {'bare window drawn':<44}{_ms(bare_cpu.get('settled', []))[:-3]:>15}")
    for label, spent in (("newsdesk FILE", nd_cpu), ("plain start", last_cpu)):
        print(f"  {label:<44}" + "  ".join(f"{_ms(spent.get(m, []))[:-3]:>15}" for m in MILESTONES))
    drawn_cpu = bare_cpu.get("settled", [])
    for label, spent in (("newsdesk FILE", nd_cpu), ("plain start", last_cpu)):
        if drawn_cpu and spent.get("article-painted"):
            print(f"  {label}: first paint / bare window drawn, in CPU time = "
                  f"{statistics.median(spent['article-painted']) / statistics.median(drawn_cpu):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
