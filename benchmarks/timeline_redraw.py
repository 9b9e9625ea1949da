"""Timeline redraw time: one zoom step (new layout and a painted viewport) and one pan step, for 200 / 2,000 /
10,000 events, beside a bare QGraphicsScene that builds and paints the same number of plain ellipse items.

The events are spread like a library's: most within a few months, the rest thinly over decades, in every
precision. Each figure is the median of several steps taken across the scales a reader uses (the opening weeks out
to years, and fit all); "load" is showing a new set of events (labels measured once), "zoom max" the slowest step.
Target: under 50 ms for 2,000 events. Then the library timeline drawn from counts per date (2,500 and 20,000
dates), and loading the events of the range in view: every step on the GUI thread, the queries being elsewhere.

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
from models.timeline_query import DateCount, DatedGroup, EventMention  # noqa: E402

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


def make_counts(dates: int, seed: int = 9) -> list[DateCount]:
    """A big library's counts per date: ``dates`` intervals over 1900–2024, most of them days of recent years."""
    rng = random.Random(seed)
    out: dict[tuple[date, date], DateCount] = {}
    recent = max(3650, dates)  # days enough for that many distinct dates
    while len(out) < dates:
        if rng.random() < 0.8:
            first = date(2024, 12, 31) - timedelta(days=rng.randrange(0, recent))
            last, precision = first, "day"
        else:
            first = date(rng.randrange(1900, 2025), 1, 1)
            last, precision = date(first.year, 12, 31), "year"
        out[(first, last)] = DateCount(first, last, precision, rng.randint(1, 400), f"talks on the treaty {len(out)}")
    return sorted(out.values(), key=lambda c: (c.first_day, c.last_day))


def window_groups(first: date, last: date, per_date: int) -> list[DatedGroup]:
    """What ``timeline_window`` gives for a range: a group per date with a few mentions."""
    groups = []
    day = first
    k = 0
    while day <= last:
        mentions = []
        for j in range(per_date):
            ev = TimelineEvent(Timex(0, 9, "Something", "DATE", day.isoformat()), 0, 25, f"talks {k}-{j}", (), "day",
                               day.isoformat(), day.isoformat(), False)
            mentions.append(EventMention(1000 + j, f"Article {j}", day, ev, "Something happened then."))
        groups.append(DatedGroup(day, day, "day", tuple(mentions)))
        day += timedelta(days=1)
        k += 1
    return groups


def measure_library(dates: int, steps: int) -> tuple[float, float, float, float]:
    """The library timeline drawn from counts: (load the counts, median zoom step from counts, slowest step,
    load the window's events) in milliseconds."""
    from gui.timeline.summary import prepare
    from gui.timeline.view import DETAIL_LIMIT, PER_DATE

    counts = make_counts(dates)
    dock = TimelineDock()
    dock.resize(WIDTH, HEIGHT)
    dock.show()
    dock.set_scope("library")
    QApplication.processEvents()
    view = dock.view
    paint = view.viewport().repaint
    ready = prepare(counts)  # as the reader does, with the query, off the GUI thread
    load = timed(lambda: view.set_library_counts(ready), paint)
    zooms = [timed(view.fit_all, paint)]
    for k in range(steps):
        zooms.append(timed(view.zoom_in if k < steps // 2 else view.zoom_out, paint))
        zooms.append(timed(lambda k=k: view.pan_by(WIDTH * 0.3 * (1 if k % 2 else -1)), paint))
    view.set_visible_range(date(2019, 1, 1), date(2019, 3, 31))
    first, last = date(2018, 10, 1), date(2019, 6, 30)
    groups = window_groups(first, last, PER_DATE)[:DETAIL_LIMIT]
    window = timed(lambda: view.set_library_window(first, last, groups), paint)
    dock.close()
    dock.deleteLater()
    return load, statistics.median(zooms), max(zooms), window


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
    ap.add_argument("--library-dates", type=int, nargs="+", default=[2_500, 20_000],
                    help="dates of the library drawn from counts (2,500 at 10,000 articles of the scale benchmark)")
    args = ap.parse_args()
    configure_application()
    print(f"{'events':>7} {'load ms':>8} {'zoom ms':>8} {'zoom max':>9} {'pan ms':>7} {'bare scene ms':>14}"
          f" {'zoom / bare':>11}")
    for n in args.sizes:
        load, zoom, slowest, pan = measure_timeline(n, args.steps)
        bare = measure_bare(n, args.steps)
        print(f"{n:>7} {load:>8.1f} {zoom:>8.1f} {slowest:>9.1f} {pan:>7.1f} {bare:>14.1f} {zoom / bare:>10.2f}x")
    print("\nThe library drawn from counts (timeline_counts: one row per date), the events loaded for the range "
          "in view only (a group per date with a few mentions, as timeline_window gives them):")
    print(f"{'dates':>7} {'counts ms':>10} {'zoom/pan ms':>12} {'step max':>9} {'window ms':>10} {'bare 200 ms':>12}")
    bare = measure_bare(200, args.steps)
    for dates in args.library_dates:
        load, zoom, slowest, window = measure_library(dates, args.steps)
        print(f"{dates:>7} {load:>10.1f} {zoom:>12.1f} {slowest:>9.1f} {window:>10.1f} {bare:>12.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
