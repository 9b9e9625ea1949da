"""The longest GUI-thread slice of each thing a reader does on a big library: an event-loop watchdog.

A copy of the library (``--library``, never written: the copy is) gets ``--notes`` highlights with notes on one
article and a few on each of ``--annotated`` other articles, then the reader's window is built on it with the real
thread pool and driven through: the first article, the Notes tab's first build (the article with many notes), "All
highlights", clicking through the library list, scrolling it to the end ``--pages`` times (each
step lasts until the page read is shown), the chips refilling the list scrolled ``--deep`` rows down (as clearing
a search does), the library timeline, the entities panel
and a dossier, and a search. A 5 ms precise timer runs throughout; the longest gap between two of its ticks while
an operation and the work it started run is that operation's longest GUI-thread slice (the rule: under 50 ms); the
GUI thread's CPU time between two ticks is printed beside it, which the machine's other load does not inflate.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_clickthrough.py --library /tmp/scale-s/lib10000.sqlite
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QItemSelectionModel, Qt, QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 5


class Watchdog:
    """Ticks of a precise timer, each with the GUI thread's CPU time: ``longest(since)`` is the longest gap between
    ticks after ``since`` (wall clock), and the longest CPU time the GUI thread spent between two ticks. On a loaded
    machine the first includes the time the thread waited for a core; the second is its own work only."""

    def __init__(self) -> None:
        self.ticks: list[tuple[float, float]] = [(time.perf_counter(), time.thread_time())]
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append((time.perf_counter(), time.thread_time())))
        self.timer.start()

    def longest(self, since: tuple[float, float]) -> tuple[float, float]:
        """``since``: (perf_counter, thread_time) when the operation began (its own synchronous call counts)."""
        stamps = [since, *(t for t in self.ticks if t[0] > since[0])]
        pairs = list(zip(stamps[:-1], stamps[1:], strict=True))
        wall = max((b[0] - a[0] for a, b in pairs), default=0.0)
        cpu = max((b[1] - a[1] for a, b in pairs), default=0.0)
        return wall, cpu


def settle(done: Callable[[], bool], timeout: float, quiet: float = 0.4) -> float:
    """Run the event loop until ``done()`` holds (or ``timeout`` seconds), then ``quiet`` seconds more."""
    started = time.perf_counter()
    loop = QEventLoop()
    while time.perf_counter() - started < timeout and not done():
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    elapsed = time.perf_counter() - started
    end = time.perf_counter() + quiet
    while time.perf_counter() < end:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return elapsed


def prepare(source: Path, folder: Path, notes: int, annotated: int) -> tuple[Path, int]:
    """A copy of the library with ``notes`` noted highlights on one article and 4 on each of ``annotated`` others."""
    from models.store import open_library

    path = folder / "library.sqlite"
    shutil.copyfile(source, path)
    lib = open_library(str(path))
    try:
        ids = [a.id for a in lib.article_page(0, annotated + 1)]
        rng = random.Random(7)
        store = lib.annotations
        target = ids[0]
        text = lib.get_article(target).article.text
        for i in range(notes):
            start = rng.randrange(0, max(1, len(text) - 40))
            store.add(target, start, start + rng.randint(5, 40), color=rng.choice(["yellow", "red", "blue"]),
                      note=f"Note {i}: worth checking against the wire copy #check{i % 7}")
        for article_id in ids[1:]:
            body = lib.get_article(article_id).article.text
            for _ in range(4):
                start = rng.randrange(0, max(1, len(body) - 30))
                store.add(article_id, start, start + 20, color="green", note="seen elsewhere")
    finally:
        lib.close()
    return path, target


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--library", required=True, type=Path)
    ap.add_argument("--notes", type=int, default=300)
    ap.add_argument("--annotated", type=int, default=300)
    ap.add_argument("--clicks", type=int, default=20)
    ap.add_argument("--search", default="minister")
    ap.add_argument("--pages", type=int, default=5, help="pages of the list read by scrolling to its end")
    ap.add_argument("--deep", type=int, default=1000, help="row the list is scrolled to before the chips refill it")
    args = ap.parse_args()

    from gui.app import configure_application, in_turns
    from gui.main_window import MainWindow
    from models.store import open_library

    with tempfile.TemporaryDirectory() as tmp:
        path, noted = prepare(args.library, Path(tmp), args.notes, args.annotated)
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # settings of this run only
        _app, faces, theme = configure_application([sys.argv[0]])
        lib = open_library(str(path))
        dog = Watchdog()
        rows: list[tuple[str, float, float, float]] = []

        def step(label: str, act: Callable[[], Any], done: Callable[[], bool] = lambda: True,
                 timeout: float = 20.0) -> None:
            since = (time.perf_counter(), time.thread_time())
            act()
            elapsed = settle(lambda: done() and not window.runner.pending, timeout)
            wall, cpu = dog.longest(since)
            rows.append((label, wall, cpu, elapsed))
            print(f"{label:<40} longest slice {1000 * wall:7.1f} ms (GUI thread CPU {1000 * cpu:6.1f} ms)   "
                  f"settled in {elapsed:5.2f} s", flush=True)

        window: Any = None

        def build() -> None:  # as the reader builds it: the Entities and Timeline panels after the first paint
            nonlocal window
            window = MainWindow(lib, faces, theme, defer_reading=True)
            window.restore_layout()
            window.resize(1440, 900)
            window.show()
            gc.freeze()  # as the reader does once its window is shown (gui.app.run)

        step("window built and shown", build)
        step("Entities and Timeline panels built",
             lambda: in_turns(window, [*window.reading_steps(), lambda: window.reading]),
             lambda: window.reading_if_built() is not None)
        step("open the article with many notes", lambda: window.open_article(noted))
        feature = window.annotations
        step("Notes tab: first build", lambda: feature.dock.raise_(), lambda: feature.panel_built())
        panel = feature.panel
        step("Notes: All highlights", lambda: panel.set_library_wide(True))
        step("Notes: this article again", lambda: panel.set_library_wide(False))
        listing = window.library_panel.list
        model = window.library_panel.model

        def click(row: int) -> None:
            index = model.index(row)
            listing.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            listing.clicked.emit(index)

        for row in range(args.clicks):
            if row < model.rowCount():
                step(f"library list: click row {row}", functools.partial(click, row))
        for page in range(1, args.pages + 1):  # each scroll reads the next page; the step lasts until it is shown
            if not model.canFetchMore():
                break
            shown = model.rowCount()

            def page_shown(shown: int = shown) -> bool:
                return bool(model.rowCount() > shown or not model.canFetchMore())

            step(f"library list: scroll to the end ({page})", listing.scrollToBottom, page_shown)
        panel = window.library_panel

        def scrolled() -> bool:  # the list has gone where it was asked to (once its rows are laid out)
            return getattr(panel, "_scroll_target", None) is None

        deep = model.article_ids()[min(model.rowCount(), args.deep) - 1]
        step(f"library list: scroll to row {args.deep}", lambda: panel.restore_list_position((deep, 0)), scrolled)
        step("library list: Unread chip (refill)", panel.unread_chip.click, scrolled)
        step("library list: All chip (refill)", panel.all_chip.click, scrolled)
        timeline = window.reading.timeline
        step("timeline dock: raise", lambda: window.reading.timeline_dock.raise_())
        step("timeline: library scope", lambda: timeline.set_scope("library"))
        step("timeline: article scope", lambda: timeline.set_scope("article"))
        step("entities dock: raise", lambda: window.reading.entities_dock.raise_())
        entities = window.reading.entities
        first = entities.model.index(0, 0)
        if first.isValid():
            step("entities: select the first", lambda: entities.tree.setCurrentIndex(first))
            name = str(first.data(Qt.ItemDataRole.DisplayRole) or "")
            step("entities: dossier of the first", lambda: entities.dossier_requested.emit(name.split("\n")[0], ""))
        debounce = window.library_panel._debounce  # the list is read again once typing pauses

        def typed(text: str) -> Callable[[], None]:
            return lambda: window.search_field.setText(text)  # the step lasts until the reload it asks is shown

        step(f"search: type {args.search!r}", typed(args.search), lambda: not debounce.isActive(), timeout=30)
        step("search: clear", typed(""), lambda: not debounce.isActive())
        window.close()
        QThreadPool.globalInstance().waitForDone()
        lib.close()
        worst = max(rows, key=lambda r: r[2])
        print(f"\nlongest GUI-thread CPU slice: {worst[0]} {1000 * worst[2]:.1f} ms; CPU slices over 50 ms: "
              f"{', '.join(r[0] for r in rows if r[2] > 0.05) or 'none'}")
    return 0


if __name__ == "__main__":
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    raise SystemExit(main())
