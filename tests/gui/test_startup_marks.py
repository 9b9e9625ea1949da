"""The start-up milestones benchmarks/startup.py reads: the article is painted, then everything has settled."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


def test_screenshot_run_reports_article_paint_before_settling(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "NEWSDESK_STARTUP_MARKS": "1"}
    started = time.time()
    done = subprocess.run([sys.executable, "-m", "gui", "--library", str(tmp_path / "library.sqlite"),
                           "--screenshot", str(tmp_path / "shot.png"), str(SAMPLE)],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    finished = time.time()
    assert done.returncode == 0, done.stderr
    found = re.findall(r"^startup-mark (\S+) (\S+)$", done.stderr, re.MULTILINE)
    assert [name for name, _at in found] == ["modules-loaded", "window-built", "window-shown", "article-painted",
                                             "settled"]
    times = [float(at) for _name, at in found]
    assert started < times[0] and times == sorted(times) and times[-1] < finished
    assert (tmp_path / "shot.png").stat().st_size > 0


def test_no_marks_unless_asked_for(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    env.pop("NEWSDESK_STARTUP_MARKS", None)
    done = subprocess.run([sys.executable, "-m", "gui", "--library", str(tmp_path / "library.sqlite"),
                           "--screenshot", str(tmp_path / "shot.png"), str(SAMPLE)],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "startup-mark" not in done.stderr
