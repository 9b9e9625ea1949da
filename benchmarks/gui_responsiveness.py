"""How long the GUI thread stalls while an article is analysed: longest and 99th-percentile gap of a 10 ms heartbeat.

A ~1 MB article (the sample's paragraphs repeated) is imported into a fresh library and analysed by the reader's
``AnalysisRunner`` on the real thread pool, model load included (nothing is loaded beforehand). A gap above 50 ms
is a stall a reader notices. Usage::

    python benchmarks/gui_responsiveness.py [--size BYTES] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.analysis_jobs import AnalysisRunner  # noqa: E402
from models.article import Article, build_text  # noqa: E402
from models.ingest import ingest_file  # noqa: E402
from models.store import open_library  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


def big_article(size: int, source: str = "benchmark:big-article") -> Article:
    """The sample's paragraphs repeated until the text is ``size`` characters long."""
    sample = ingest_file(str(SAMPLE))
    paragraphs = [sample.block_text(b) for b in sample.blocks]
    parts: list[tuple[str, str]] = []
    total = 0
    while total < size:
        for p in paragraphs:
            parts.append(("paragraph", p))
            total += len(p) + 1
    text, blocks = build_text(parts)
    return Article(source, "text", text, blocks, sample.metadata)


def measure(size: int) -> tuple[list[float], float]:
    """Heartbeat gaps (seconds) during one analysis of a ``size``-character article, and its duration."""
    _app = QCoreApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        lib = open_library(str(Path(tmp) / "lib.sqlite"))
        article_id = lib.import_article(big_article(size)).id
        runner = AnalysisRunner(lib, QThreadPool.globalInstance())
        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        loop = QEventLoop()
        outcome: list[str] = []
        runner.ready.connect(lambda *_: (outcome.append("ready"), loop.quit()))
        runner.failed.connect(lambda _id, reason: (outcome.append(reason), loop.quit()))
        heartbeat.start()
        started = time.perf_counter()
        ticks.append(started)
        runner.request(article_id)
        loop.exec()
        elapsed = time.perf_counter() - started
        heartbeat.stop()
        ticks.append(time.perf_counter())
        QThreadPool.globalInstance().waitForDone()
        lib.close()
    if outcome != ["ready"]:
        raise RuntimeError(f"analysis failed: {outcome}")
    return [b - a for a, b in zip(ticks[:-1], ticks[1:], strict=True)], elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    for run in range(args.runs):
        gaps, elapsed = measure(args.size)
        ordered = sorted(gaps)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        label = "first (model load included)" if run == 0 else "again (model loaded)"
        print(f"{label:<28} analysis {elapsed:6.1f} s  longest GUI gap {1000 * ordered[-1]:6.1f} ms  "
              f"p99 {1000 * p99:5.1f} ms  ({len(gaps)} ticks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
