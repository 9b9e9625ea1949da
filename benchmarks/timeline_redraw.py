"""Timeline redraw time: one zoom step (new layout and a painted viewport) and one pan step, for 200 / 2,000 /
10,000 events, beside a bare QGraphicsScene that builds and paints the same number of plain ellipse items.

The events are spread like a library's: most within a few months, the rest thinly over decades, in every
precision. Each figure is the median of several steps taken across the scales a reader uses (the opening weeks out
to years, and fit all); "load" is showing a new set of events (labels measured once), "zoom max" the slowest step.
Target: under 50 ms for 2,000 events.

    python benchmarks/timeline_redraw.py [--sizes 200 2000 10000] [--steps 12]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsScene, QGraphicsView  # noqa: E402

from gui.app import configure_application  # noqa: E402
from gui.timeline.dock import TimelineDock  # noqa: E402
from models.analysis.types import TimelineEvent, Timex  # noqa: E402

WIDTH, HEIGHT = 1200, 180
PRECISIONS = ("day", "day", "day", "day", "month", "season", "year")


def make_events(n: int, seed: int = 7) -> tuple[str, list[TimelineEvent]]:
    rng = random.Random(seed)
    centre = date(2019, 1, 23)
    text = "Something happened then. " * 4
    out = []
    for k in range(n):
        if rng.random() < 0.75:
            day = centre + timedelta(days=round(rng.gauss(0, 45)))
        else:
            day = centre - timedelta(days=rng.randint(0, 365 * 60))
        precision = rng.choice(PRECISIONS)
        if precision == "month":
            first, last = day.replace(day=1), (day.replace(day=28) + timedelta(days=4)).replace(day=1)
            last -= timedelta(days=1)
        elif precision == "season":
            first, last = day.replace(day=1), day.replace(day=1) + timedelta(days=91)
        elif precision == "year":
            first, last = date(day.year, 1, 1), date(day.year, 12, 31)
        else:
            first = last = day
        label = f"Event {k}: talks on the treaty {'and the islands ' * (k % 3)}".strip()
        out.append(TimelineEvent(Timex(0, 9, "Something", "DATE", first.isoformat()), 0, 25, label, (), precision,
                                 first.isoformat(), last.isoformat(), first > centre))
    return text, out


def timed(step: object, paint: object) -> float:
    t = time.perf_counter()
    step()  # type: ignore[operator]
    paint()  # type: ignore[operator]
    QApplication.processEvents()
    return (time.perf_counter() - t) * 1000


def measure_timeline(n: int, steps: int) -> tuple[float, float, float, float]:
    """(load, median zoom step, slowest zoom step, median pan step) in milliseconds."""
    text, events = make_events(n)
    dock = TimelineDock()
    dock.resize(WIDTH, HEIGHT)
    dock.show()
    QApplication.processEvents()
    view = dock.view
    paint = view.viewport().repaint
    load = timed(lambda: dock.set_events(events, article_id=1, published=date(2019, 1, 23), text=text), paint)
    zooms: list[float] = []
    pans: list[float] = []
    half = steps // 2
    for k in range(steps):  # the opening weeks out to a couple of years, and back
        zooms.append(timed(view.zoom_out if k < half else view.zoom_in, paint))
        pans.append(timed(lambda k=k: view.pan_by(WIDTH * 0.3 * (1 if k % 2 else -1)), paint))
    for _ in range(2):
        zooms.append(timed(view.fit_all, paint))
        zooms.append(timed(view.show_focus, paint))
    dock.close()
    dock.deleteLater()
    return load, statistics.median(zooms), max(zooms), statistics.median(pans)


def measure_bare(n: int, steps: int) -> float:
    """Build a scene of ``n`` ellipses and paint it, as the floor any QGraphicsScene-based redraw pays."""
    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(WIDTH, HEIGHT - 36)
    view.show()
    QApplication.processEvents()
    rng = random.Random(3)
    brush = QBrush(QColor("#5D626A"))
    times: list[float] = []

    def rebuild() -> None:
        scene.clear()
        for _ in range(n):
            item = scene.addEllipse(QRectF(rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT - 60), 9, 9))
            item.setBrush(brush)

    for _ in range(steps):
        times.append(timed(rebuild, view.viewport().repaint))
    view.close()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    ap.add_argument("--steps", type=int, default=16)
    args = ap.parse_args()
    configure_application()
    print(f"{'events':>7} {'load ms':>8} {'zoom ms':>8} {'zoom max':>9} {'pan ms':>7} {'bare scene ms':>14}"
          f" {'zoom / bare':>11}")
    for n in args.sizes:
        load, zoom, slowest, pan = measure_timeline(n, args.steps)
        bare = measure_bare(n, args.steps)
        print(f"{n:>7} {load:>8.1f} {zoom:>8.1f} {slowest:>9.1f} {pan:>7.1f} {bare:>14.1f} {zoom / bare:>10.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
