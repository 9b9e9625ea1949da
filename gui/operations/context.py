"""What every operation needs: the library, the undo stack, the runner, and the window's broadcast."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from gui.operations.changes import Changes
from gui.runner import Runner, one_line

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Operations", text)


@dataclass
class OpContext:
    """The window hands this to every operation; an operation writes through ``library`` and nowhere else reports
    what it changed than through :meth:`broadcast`."""

    library: Any  # models.store.library.Library (or the test fake)
    undo_stack: QUndoStack
    runner: Runner
    broadcast: Callable[[Changes], None]  # MainWindow.changed.emit
    report: Callable[[str], None]  # a one-line reason an action did not happen (the status bar)

    def announce(self, changes: Changes) -> None:
        if changes:
            self.broadcast(changes)

    def fail(self, error: BaseException) -> None:
        reason = one_line(error)
        log.warning("action failed: %s", reason)
        self.report(reason)
