"""Work that waits for the window's first paint: the day's backup, bringing the library's reading up to date."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

UNPAINTED_MS = 10_000  # a window that never reports a paint of its own (covered by its children) starts then


class AfterFirstPaint(QObject):
    """Calls ``start`` once, ``delay_ms`` after the window's first paint (or :data:`UNPAINTED_MS` after it was made,
    whichever comes first)."""

    def __init__(self, window: QWidget, delay_ms: int, start: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self._delay = delay_ms
        self._start = start
        self._painted = False
        window.installEventFilter(self)
        QTimer.singleShot(max(delay_ms, UNPAINTED_MS), self._painted_anyway)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if not self._painted and watched is self.window and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.window.removeEventFilter(self)
            QTimer.singleShot(self._delay, self._start)
        return False

    def _painted_anyway(self) -> None:
        if not self._painted:
            self._painted = True
            self.window.removeEventFilter(self)
            self._start()
