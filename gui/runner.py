"""The one way to run work off the GUI thread: progress, cancel, and one way to report an error.

:meth:`Runner.run` takes a function of one argument, the :class:`Task` handle, and runs it on the pool. The function
may call :meth:`Task.progress` (reported on the GUI thread) and :meth:`Task.check` (raises :class:`Cancelled` once the
task was cancelled). Its result, or its failure as one line (:func:`one_line`, worded by :meth:`Runner.failure_line`),
comes back on the GUI thread to the callbacks given at the start. Every failure is logged once, here; a cancelled task
calls ``on_cancelled`` instead of ``on_failed``. The pool is injectable: tests hand in :class:`ImmediatePool` and
everything happens synchronously, in order.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from gui.i18n import arg

log = logging.getLogger(__name__)

ONE_LINE = 300  # characters of a reason shown to the reader


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class ImmediatePool:
    """Runs a task at once on the calling thread (tests; also a fallback when no thread pool is wanted)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def default_pool() -> Pool:
    return QThreadPool.globalInstance()


_screen_pool: QThreadPool | None = None


def screen_pool() -> Pool:
    """A second pool, of one thread, for the short reads of what is on screen, which must not queue behind long work
    on the shared pool (an analysis or an import holds a thread of it for seconds). One for the process, owned by the
    application: a window closed while a read waits for the library never waits for it in its own destruction."""
    global _screen_pool
    if _screen_pool is None:
        _screen_pool = QThreadPool(QCoreApplication.instance())
        _screen_pool.setMaxThreadCount(1)
        _screen_pool.destroyed.connect(_forget_screen_pool)
    return _screen_pool


def _forget_screen_pool() -> None:
    global _screen_pool
    _screen_pool = None


class Cancelled(Exception):
    """The reader cancelled; the task stops where it stands (nothing half-written)."""


def one_line(error: BaseException) -> str:
    """The reason of a failure in one line: the message, or the type's name when it has none; file errors name the
    file. Cut at :data:`ONE_LINE` characters."""
    if isinstance(error, OSError) and error.strerror:
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    else:
        text = str(error) if not isinstance(error, KeyError) or not error.args else str(error.args[0])
    text = " ".join(text.split()) or type(error).__name__
    return text[:ONE_LINE] + "…" if len(text) > ONE_LINE else text


def failure_text(title: str, reason: str) -> str:
    """The one wording of every failure the reader is told of: "Export failed: Cannot write …"."""
    return arg(QCoreApplication.translate("Runner", "%1 failed: %2"), title, reason) if title else reason


OnDone = Callable[[Any], object]
OnFailed = Callable[[str], object]
OnProgress = Callable[[int, int, str], object]


class Task:
    """One piece of work handed to the runner: the handle its function receives and the caller keeps."""

    def __init__(self, title: str, fn: Callable[[Task], Any], on_done: OnDone | None, on_failed: OnFailed | None,
                 on_progress: OnProgress | None, on_cancelled: Callable[[], object] | None,
                 on_finally: Callable[[], object] | None = None) -> None:
        self.title = title
        self.fn = fn
        self.on_done, self.on_failed, self.on_progress = on_done, on_failed, on_progress
        self.on_cancelled = on_cancelled
        self.on_finally = on_finally
        self._cancel = threading.Event()
        self.finished = False
        self._signals: _Signals | None = None
        self._work: QRunnable | None = None  # kept until the outcome is back (the pool does not own it)

    # -- for the function, on the worker thread --------------------------------------------------------------------

    def progress(self, done: int, total: int, label: str = "") -> None:
        if self._signals is not None:
            self._signals.progress.emit(self, done, total, label)

    def check(self) -> None:
        """Raise :class:`Cancelled` when the task was cancelled (call it between steps)."""
        if self._cancel.is_set():
            raise Cancelled

    # -- for the caller, on the GUI thread -------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop at the function's next :meth:`check`; what it is doing now completes."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(object, int, int, str)  # task, done, total, label
    done = Signal(object, object)  # task, result
    failed = Signal(object, object)  # task, exception


class _Work(QRunnable):
    def __init__(self, task: Task, signals: _Signals) -> None:
        super().__init__()
        self.task, self.signals = task, signals

    def run(self) -> None:  # QRunnable.run
        try:
            result = self.task.fn(self.task)
        except Exception as error:  # noqa: BLE001 — reported on the GUI thread, never lost in a thread
            if not isinstance(error, Cancelled):
                log.error("%s failed", self.task.title, exc_info=error)
            self.signals.failed.emit(self.task, error)
            return
        self.signals.done.emit(self.task, result)


class Runner(QObject):
    """Runs tasks on the pool and brings their outcome back to the GUI thread."""

    failed = Signal(str)  # the failure line of a task that has no on_failed of its own (the window shows it)
    idle = Signal()  # no task left running

    def __init__(self, pool: Pool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or default_pool()
        self._tasks: set[Task] = set()
        self._signals = _Signals()  # no parent: a task still running keeps it alive when the runner's owner is gone
        self._signals.progress.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)

    @property
    def pending(self) -> bool:
        return bool(self._tasks)

    def run(
        self,
        title: str,
        fn: Callable[[Task], Any],
        on_done: OnDone | None = None,
        *,
        on_failed: OnFailed | None = None,
        on_progress: OnProgress | None = None,
        on_cancelled: Callable[[], object] | None = None,
        on_finally: Callable[[], object] | None = None,
    ) -> Task:
        """Run ``fn(task)`` off the GUI thread. ``title`` names the work in the failure line ("Backup", "Export").

        On the GUI thread afterwards: ``on_done(result)``; or ``on_failed(line)`` (without it, :attr:`failed` carries
        the line to the window); or ``on_cancelled()``; then ``on_finally()`` in every case."""
        task = Task(title, fn, on_done, on_failed, on_progress, on_cancelled, on_finally)
        task._signals = self._signals
        self._tasks.add(task)
        work = _Work(task, self._signals)
        work.setAutoDelete(False)
        task._work = work
        self.pool.start(work)
        return task

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def failure_line(self, title: str, error: BaseException) -> str:
        """The one wording of a failure: what failed and why, in one line."""
        return failure_text(title, one_line(error))

    @Slot(object, int, int, str)
    def _on_progress(self, task: Task, done: int, total: int, label: str) -> None:
        if task.on_progress is not None and not task.finished:
            task.on_progress(done, total, label)

    @Slot(object, object)
    def _on_done(self, task: Task, result: object) -> None:
        self._finish(task)
        try:
            if task.on_done is not None:
                task.on_done(result)
        finally:
            self._settle(task)

    @Slot(object, object)
    def _on_failed(self, task: Task, error: BaseException) -> None:
        self._finish(task)
        try:
            if isinstance(error, Cancelled):
                if task.on_cancelled is not None:
                    task.on_cancelled()
            elif task.on_failed is not None:
                task.on_failed(self.failure_line(task.title, error))
            else:
                self.failed.emit(self.failure_line(task.title, error))
        finally:
            self._settle(task)

    def _finish(self, task: Task) -> None:
        task.finished = True
        task._signals = None
        task._work = None
        self._tasks.discard(task)

    def _settle(self, task: Task) -> None:
        if task.on_finally is not None:
            task.on_finally()
        if not self._tasks:
            self.idle.emit()
