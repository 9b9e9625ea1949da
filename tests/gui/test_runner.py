"""The one background runner: results and progress come back on the GUI thread, a failure is reported once in the
one wording, a cancelled task says so instead of failing."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QThread, QThreadPool

from gui.runner import Cancelled, ImmediatePool, Runner, Task, failure_text, one_line


def test_a_result_and_its_progress_come_back_on_the_gui_thread(qtbot: Any) -> None:
    runner = Runner(QThreadPool.globalInstance())
    gui_thread = QThread.currentThread()
    seen: list[tuple[int, int, str, bool]] = []
    results: list[Any] = []
    worker_threads: list[bool] = []

    def work(task: Task) -> int:
        worker_threads.append(QThread.currentThread() is gui_thread)
        for i in range(3):
            task.progress(i, 3, f"step {i}")
        return 42

    with qtbot.waitSignal(runner.idle, timeout=10000):
        runner.run("Counting", work, results.append,
                   on_progress=lambda d, t, label: seen.append((d, t, label, QThread.currentThread() is gui_thread)))
    assert results == [42] and worker_threads == [False]
    assert seen == [(0, 3, "step 0", True), (1, 3, "step 1", True), (2, 3, "step 2", True)]
    assert not runner.pending


def test_a_failure_is_reported_once_in_the_one_wording(qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    runner = Runner(QThreadPool.globalInstance())
    lines: list[str] = []
    window_lines: list[str] = []
    runner.failed.connect(window_lines.append)

    def broken(_task: Task) -> None:
        raise ValueError("the file\nis   not an article")

    with qtbot.waitSignal(runner.idle, timeout=10000):
        runner.run("Import", broken, lambda _r: pytest.fail("no result"), on_failed=lines.append)
    assert lines == ["Import failed: the file is not an article"] and window_lines == []
    assert [r.levelname for r in caplog.records if r.name == "gui.runner"] == ["ERROR"]  # logged once, here
    # Without a handler of its own, the failure goes to the window (the status bar), in the same words.
    with qtbot.waitSignal(runner.failed, timeout=10000) as failed:
        runner.run("Backup", lambda _t: (_ for _ in ()).throw(OSError(28, "No space left on device", "/x.sqlite")))
    assert failed.args == ["Backup failed: /x.sqlite: No space left on device"]
    assert failure_text("Backup", "/x.sqlite: No space left on device") == failed.args[0]


def test_one_line_is_one_line_and_short() -> None:
    assert one_line(RuntimeError("a\n b\tc")) == "a b c"
    assert one_line(KeyError(7)) == "7"
    assert one_line(ValueError()) == "ValueError"
    assert len(one_line(ValueError("x" * 1000))) == 301


def test_cancel_stops_between_steps_and_is_not_a_failure(qtbot: Any) -> None:
    runner = Runner(QThreadPool.globalInstance())
    started, release = threading.Event(), threading.Event()
    steps: list[int] = []
    outcome: list[str] = []

    def long(task: Task) -> None:
        for step in range(100):
            task.check()
            steps.append(step)
            if step == 1:
                started.set()
                release.wait(10)

    task = runner.run("Export", long, lambda _r: outcome.append("done"), on_failed=outcome.append,
                      on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(10)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=10000)
    assert outcome == ["cancelled"] and steps == [0, 1] and task.cancelled and not runner.pending


def test_a_synchronous_pool_reports_before_run_returns() -> None:
    runner = Runner(ImmediatePool())
    order: list[str] = []
    task = runner.run("Now", lambda _t: "x", lambda r: order.append(r), on_finally=lambda: order.append("finally"))
    order.append("returned")
    assert order == ["x", "finally", "returned"] and task.finished


def test_check_raises_cancelled_once_cancelled() -> None:
    task = Task("t", lambda _t: None, None, None, None, None)
    task.check()
    task.cancel()
    with pytest.raises(Cancelled):
        task.check()
