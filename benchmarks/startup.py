"""Start-up to the painted main window on the sample, beside a bare PySide6 window showing the same text.

Both are measured in the same run, alternating, as whole processes (interpreter start included), because that is
what a person waits for. Prints the medians and the ratio (target: Newsdesk <= 1.5x the bare window).

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
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
    w.grab().save(sys.argv[2])
    app.quit()
QTimer.singleShot(0, shot)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a person's machine keeps compiled modules; measure that
    with tempfile.TemporaryDirectory() as tmp:
        env["NEWSDESK_LIBRARY"] = str(Path(tmp) / "library.sqlite")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        png = str(Path(tmp) / "shot.png")
        nd_cmd = [sys.executable, "-m", "gui", "--screenshot", png, str(SAMPLE)]
        bare_cmd = [sys.executable, "-c", BARE, str(SAMPLE), png]
        timed(nd_cmd, env)  # first run imports the sample into the library and warms the file cache
        timed(bare_cmd, env)
        nd, bare = [], []
        for _ in range(args.runs):
            nd.append(timed(nd_cmd, env))
            bare.append(timed(bare_cmd, env))
    m_nd, m_bare = statistics.median(nd), statistics.median(bare)
    print(f"bare PySide6 window   median {m_bare * 1000:7.0f} ms   (min {min(bare) * 1000:.0f})")
    print(f"newsdesk main window  median {m_nd * 1000:7.0f} ms   (min {min(nd) * 1000:.0f})")
    print(f"ratio newsdesk / bare = {m_nd / m_bare:.2f}  (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
