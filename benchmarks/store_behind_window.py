"""While the store opens behind the painted window (gui.first_paint), does the GUI thread stay responsive?

A 5 ms timer on the GUI thread runs from the moment the store starts opening until it has arrived; the gaps between
its ticks are how long the GUI thread could not answer. Prints the time the store took and the longest gaps (the
rule: never more than 50 ms). Runs the reader in screenshot mode on an existing library:

    QT_QPA_PLATFORM=offscreen python benchmarks/store_behind_window.py --library L --screenshot /tmp/x.png
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer

import gui.first_paint as first_paint
from gui.launcher import main

gaps: list[float] = []
state: dict[str, Any] = {"last": None, "on": False, "took": 0.0}
real_bring_up = first_paint.bring_up_store


def bring_up(open_store: Callable[[], Any], arrived: Callable[[Any], None],
             failed: Callable[[BaseException], None]) -> Any:
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        now = time.perf_counter()
        if state["last"] is not None:
            gaps.append(now - state["last"])
        state["last"] = now
        if not state["on"]:
            timer.stop()

    timer.timeout.connect(tick)
    state.update(on=True, timer=timer)
    timer.start()
    started = time.perf_counter()

    def done(library: Any) -> None:
        state.update(on=False, took=time.perf_counter() - started)
        arrived(library)

    return real_bring_up(open_store, done, failed)


def report() -> None:
    if not gaps:
        print("the store was not opened behind the window (no snapshot for this library)", file=sys.stderr)
        return
    gaps.sort()
    print(f"store up in {state['took'] * 1000:.0f} ms; GUI thread gaps: {len(gaps)} ticks, longest "
          f"{gaps[-1] * 1000:.0f} ms, 95th percentile {gaps[int(len(gaps) * 0.95)] * 1000:.0f} ms, "
          f"over 50 ms: {sum(g > 0.05 for g in gaps)}")


if __name__ == "__main__":
    first_paint.bring_up_store = bring_up
    code = main(sys.argv[1:])
    report()
    sys.exit(code)
