"""Backups of a SQLite library taken off the GUI thread (the copy, verification and rotation are
models.store.backup's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from models.store import backup


class BackupSignals(QObject):
    finished = Signal(str)  # path of the verified backup
    failed = Signal(str)  # one-line reason


class BackupJob(QRunnable):
    """Copies the live SQLite library with the backup API, verifies and rotates (models.store.backup)."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.signals = BackupSignals()

    def run(self) -> None:  # QRunnable.run
        try:
            target = backup.make_backup(self.db_path, "manual")
        except Exception as error:  # noqa: BLE001 — a worker reports, never dies silently
            self.signals.failed.emit(" ".join(str(error).split()) or type(error).__name__)
            return
        self.signals.finished.emit(str(target))


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return ""
