"""The library's reading brought up to date in the background after an upgrade of the analyser.

Each article keeps the analysis of the analyser version that read it (:mod:`models.store.refresh`): after an upgrade
the library's index mixes two readings ("U.S." from the old articles, "United States" from the new) until every
article is read again. Once the window has painted, a worker counts the articles an earlier version read; when there
are some, they are analysed again one at a time in the analysis process (which runs at a lower priority), newest
first, while the status bar says how far it is and offers Stop. The open article is shown with its new reading as
soon as it has one, and the library timeline is read again at the end. What was done is stored article by article:
stopped or quit, the rest is done at the next start. Preferences › Library turns it off (then an article is read
again when it is opened).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from gui import settings
from gui.after_paint import AfterFirstPaint
from gui.i18n import arg
from gui.operations.changes import Changes

if TYPE_CHECKING:
    from gui.main_window import MainWindow

AFTER_PAINT_MS = 4000  # after the first article's own analysis and the day's backup have had their turn
DONE_MESSAGE_MS = 8000


def _outdated(library: Any) -> list[int]:
    """In the worker: the articles an earlier analyser read (none for a library this reader may not write)."""
    from models.store import refresh

    if getattr(library, "read_only", None):
        return []
    return refresh.outdated_articles(library)


def _read_again(library: Any, article_id: int) -> bool:
    """In the worker: analyse the article with this analyser and store it; False when the analysis failed (the
    failure is stored, and the article marked, as for any analysis)."""
    from gui.analysis_jobs import analysis_of

    try:
        return bool(analysis_of(library, article_id).status != "failed")
    except KeyError:  # deleted meanwhile
        return True


class LibraryRefresh(QObject):
    """Started once after the window's first paint (:meth:`start` again is a no-op while it runs)."""

    finished = Signal(int, int)  # articles read again, of which failed

    def __init__(self, window: MainWindow, delay_ms: int = AFTER_PAINT_MS) -> None:
        super().__init__(window)
        self.window = window
        self.running = False
        self.todo: list[int] = []
        self.done: list[int] = []
        self.failed = 0
        self.total = 0
        self._stopping = False
        self.box: QWidget | None = None  # in the status bar while it runs
        self.label: QLabel | None = None
        self._waiting = AfterFirstPaint(window, delay_ms, self._start_if_wanted) if delay_ms >= 0 else None

    # -- running --------------------------------------------------------------------------------------------------

    def _start_if_wanted(self) -> None:
        if settings.REFRESH_IN_BACKGROUND.read():
            self.start()

    def start(self) -> None:
        if self.running:
            self._stopping = False  # a stop asked for and not reached yet is taken back
            return
        self.running = True
        self._stopping = False
        library = self.window.library
        self.window.runner.run(self.tr("Bringing the library up to date"), lambda _task: _outdated(library),
                               self._on_found, on_failed=self._on_count_failed)

    def _on_found(self, ids: list[int]) -> None:
        if not ids or self._stopping:
            self.running = False
            return
        self.todo, self.done, self.failed, self.total = list(ids), [], 0, len(ids)
        self._show_progress()
        self._next()

    def _on_count_failed(self, _line: str) -> None:
        self.running = False  # the window's runner said why in the status bar; nothing was changed

    def _next(self) -> None:
        if self._stopping or not self.todo:
            self._finish()
            return
        article_id = self.todo.pop(0)
        library = self.window.library
        self.window.runner.run(
            self.tr("Analysis"), lambda _task: _read_again(library, article_id),
            lambda ok: self._on_read(article_id, bool(ok)),
            on_failed=lambda _line: self._on_read(article_id, False),
        )

    def _on_read(self, article_id: int, ok: bool) -> None:
        self.done.append(article_id)
        self.failed += not ok
        if article_id == self.window.current_article_id():  # the open article: shown with its new reading now
            self.window.changed.emit(Changes(timeline=frozenset({article_id})))
        self._show_progress()
        QTimer.singleShot(0, self._next)  # through the event loop: input and repaints go first

    def stop(self) -> None:
        """Stop after the article being analysed; the rest is read again at the next start."""
        if self.running:
            self._stopping = True
            if self.label is not None:
                self.label.setText(self.tr("Stopping after this article…"))

    def _finish(self) -> None:
        self.running = False
        if self.box is not None:
            self.box.hide()
        done, failed, stopped = len(self.done), self.failed, bool(self.todo)
        current = self.window.current_article_id()
        rest = frozenset(self.done) - {current} if current is not None else frozenset(self.done)
        if rest:  # the library timeline, and the open article's "in N articles"
            self.window.changed.emit(Changes(timeline=rest, entities=frozenset({current} if current else ())))
        if stopped:
            text = arg(self.tr("Stopped: %1 of %2 articles read again; the others will be at the next start"),
                       done, self.total)
        else:
            text = arg(self.tr("The library is up to date: %1 articles read again by this version"), done)
            if failed:
                text += arg(self.tr(" (%1 could not be analysed)"), failed)
        self.window.statusBar().showMessage(text, DONE_MESSAGE_MS)
        self.todo = []
        self.finished.emit(done, failed)

    # -- the status bar -------------------------------------------------------------------------------------------

    def _show_progress(self) -> None:
        if self.box is None:
            self.box = QWidget(self.window)
            self.box.setObjectName("LibraryRefresh")
            self.label = QLabel(self.box)
            self.label.setObjectName("LibraryRefreshStatus")
            self.label.setToolTip(self.tr(
                "These articles were analysed by an earlier version of Newsdesk. They are read again so that the "
                "library's entities and timeline come from one reading; your corrections apply to the new one."))
            stop = QToolButton(self.box)
            stop.setObjectName("LibraryRefreshStop")
            stop.setText(self.tr("Stop"))
            stop.setAccessibleName(self.tr("Stop updating the library's reading"))
            stop.clicked.connect(self.stop)
            row = QHBoxLayout(self.box)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            row.addWidget(self.label)
            row.addWidget(stop)
            self.window.statusBar().addPermanentWidget(self.box)
        assert self.label is not None
        if not self._stopping:
            self.label.setText(arg(self.tr("Updating the library's reading: %1 of %2 articles"),
                                   len(self.done), self.total))
        self.box.show()


def install_library_refresh(window: MainWindow, delay_ms: int = AFTER_PAINT_MS) -> LibraryRefresh:
    refresh = LibraryRefresh(window, delay_ms)
    setattr(window, "library_refresh", refresh)  # noqa: B010 — kept with the window, for as long as it is open
    return refresh
