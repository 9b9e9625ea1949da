"""The day's backup of the library, taken by the reader on a worker once its window is painted.

Opening a library no longer copies it (models.store.opening): on a 3 GB library the check and the copy take about a
minute. Once the window has painted (and the store is up, for a window painted from a snapshot), a worker asks
whether the day's backup is due; only then does the status bar say it is being taken, and again when it is done or
why it was not. One at a time: a second request while one runs is ignored here, and another process taking a backup
of the same library makes this one skip (the backup's lock, models.store.backup). Quitting or a kill during the copy
leaves the library and the earlier backups as they were: the copy is written under a temporary name and renamed
only once verified.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from gui.after_paint import AfterFirstPaint
from gui.i18n import arg

if TYPE_CHECKING:
    from gui.main_window import MainWindow

AFTER_PAINT_MS = 1500  # the first article and its analysis start before the disk is busy with the copy
DONE_MESSAGE_MS = 6000


def _due(library: Any) -> str | None:
    """In the worker: the library's URL when its daily backup is due (waits for a store still coming up)."""
    from models.store import backup, location

    url = str(getattr(library, "url", "") or "")
    path = location.sqlite_path(url)
    if path is None or getattr(library, "read_only", None):
        return None
    return url if backup.is_due(path) else None


def _take(url: str) -> str | None:
    """In the worker: the day's backup (its path), or None when another process took it meanwhile."""
    from models.store import backup, location

    path = location.sqlite_path(url)
    if path is None:
        return None
    made = backup.take_daily(path)
    return str(made) if made is not None else None


class DailyBackup(QObject):
    """Started once after the window's first paint; :meth:`start` may be called again (a no-op while one runs)."""

    def __init__(self, window: MainWindow, delay_ms: int = AFTER_PAINT_MS) -> None:
        super().__init__(window)
        self.window = window
        self.running = False
        self.taken: str | None = None  # the file of the backup taken by this window, once done
        self.label: QLabel | None = None  # in the status bar while the copy runs (the window's messages come and go)
        self._waiting = AfterFirstPaint(window, delay_ms, self.start)

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        library = self.window.library
        self.window.runner.run(self.tr("Backup"), lambda _task: _due(library), self._on_due,
                               on_failed=self._on_failed)

    def _on_due(self, url: str | None) -> None:
        if url is None:
            self.running = False
            return
        self._say(self.tr("Taking the day's backup of the library…"))
        self.window.runner.run(self.tr("Backup"), lambda _task: _take(url), self._on_taken, on_failed=self._on_failed)

    def _say(self, text: str) -> None:
        if self.label is None:
            self.label = QLabel(self.window)
            self.label.setObjectName("BackupStatus")
            self.window.statusBar().addPermanentWidget(self.label)
        self.label.setText(text)
        self.label.setToolTip(text)
        self.label.show()

    def _on_taken(self, made: str | None) -> None:
        self.running = False
        if self.label is not None:
            self.label.hide()
        if made is None:
            return
        self.taken = made
        self.window.statusBar().showMessage(arg(self.tr("Library backed up: %1"), Path(made).name), DONE_MESSAGE_MS)

    def _on_failed(self, line: str) -> None:
        self.running = False
        self._say(line)  # stays: a damaged library or a full disk needs the reader's eyes


def install_daily_backup(window: MainWindow, delay_ms: int = AFTER_PAINT_MS) -> DailyBackup:
    backup = DailyBackup(window, delay_ms)
    setattr(window, "daily_backup", backup)  # noqa: B010 — kept with the window, for as long as it is open
    return backup
