"""Start-up to the painted main window on the sample, beside a bare PySide6 window showing the same text.

Both are measured in the same run, alternating (Newsdesk once opening the sample file, once as a plain start on
the library that holds it, which shows the last article), as whole processes (interpreter start included),
because that is what a person waits for. Prints the medians and the ratio (target: Newsdesk <= 1.5x the bare window).

A second figure splits Newsdesk's wait (the reader prints milestones when NEWSDESK_STARTUP_MARKS is set): the
first paint of the reading view with the article in it, and "settled" (entities and timeline drawn, just before
the screenshot is saved), each from the moment the process was started; beside the bare window's own grab.

    python benchmarks/startup.py [--runs 7]
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
    picture.save(sys.argv[2])
    app.quit()
QTimer.singleShot(0, shot)
app.exec()
"""


MILESTONES = ("modules-loaded", "window-built", "window-shown", "article-painted", "settled")  # gui/app.py
MARK = re.compile(r"^startup-mark (\S+) (\d+(?:\.\d+)?)$", re.MULTILINE)


def timed(cmd: list[str], env: dict[str, str], marks: dict[str, list[float]] | None = None) -> float:
    """Seconds from starting the process to its end; milestones (seconds after the start) go into ``marks``."""
    started = time.time()
    t = time.perf_counter()
    done = subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t
    if marks is not None:
        for name, at in MARK.findall(done.stderr):
            marks.setdefault(name, []).append(float(at) - started)
    return elapsed


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.0f} ms" if values else "      – ms"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a person's machine keeps compiled modules; measure that
    env["NEWSDESK_STARTUP_MARKS"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        env["NEWSDESK_LIBRARY"] = str(Path(tmp) / "library.sqlite")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        png = str(Path(tmp) / "shot.png")
        nd_cmd = [sys.executable, "-m", "gui", "--screenshot", png, str(SAMPLE)]
        last_cmd = [sys.executable, "-m", "gui", "--screenshot", png]  # a plain start: the last article, no file
        bare_cmd = [sys.executable, "-c", BARE, str(SAMPLE), png]
        timed(nd_cmd, env)  # first run imports the sample into the library and warms the file cache
        timed(bare_cmd, env)
        nd, bare, last = [], [], []
        nd_marks: dict[str, list[float]] = {}
        bare_marks: dict[str, list[float]] = {}
        last_marks: dict[str, list[float]] = {}
        for _ in range(args.runs):
            nd.append(timed(nd_cmd, env, nd_marks))
            bare.append(timed(bare_cmd, env, bare_marks))
            last.append(timed(last_cmd, env, last_marks))
    m_nd, m_bare = statistics.median(nd), statistics.median(bare)
    print(f"bare PySide6 window   median {m_bare * 1000:7.0f} ms   (min {min(bare) * 1000:.0f})")
    print(f"newsdesk main window  median {m_nd * 1000:7.0f} ms   (min {min(nd) * 1000:.0f})")
    print(f"ratio newsdesk / bare = {m_nd / m_bare:.2f}  (target <= 1.5)")
    painted, drawn = nd_marks.get("article-painted", []), bare_marks.get("settled", [])
    if painted and drawn:
        print(f"first paint / bare window drawn = {statistics.median(painted) / statistics.median(drawn):.2f}"
              "  (the window painted with the article, docks pending)")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
