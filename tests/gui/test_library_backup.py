"""The reader's daily backup: the window opens on the library and is usable while the backup is taken on a worker
after the first paint; the status bar says so, then names the new file; a second start while one runs is ignored."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gui.library_backup import install_daily_backup
from gui.main_window import MainWindow
from models.store import backup, open_library
from tests.gui.fakes import sample_article
from tests.gui.fixture_types import Gui


class BackupOnlyPool:
    """Runs the backup's tasks on real threads and leaves the rest (the entity analysis) unrun."""

    def __init__(self) -> None:
        self.pool = QThreadPool()
        self.started: list[str] = []

    def start(self, runnable: Any) -> None:
        title = getattr(getattr(runnable, "task", None), "title", "")
        if title == "Backup":
            self.started.append(title)
            self.pool.start(runnable)


def _library_with_the_sample(folder: Path) -> Path:
    path = folder / "library.sqlite"
    seed = open_library(str(path))
    seed.import_article(sample_article())
    seed.close()
    return path


def test_the_library_opens_before_the_daily_backup_and_the_backup_follows(
    qtbot: QtBot, gui: Gui, tmp_path: Path, monkeypatch: Any
) -> None:
    path = _library_with_the_sample(tmp_path)
    assert backup.is_due(path)
    release = threading.Event()
    real_copy = backup.copy_database

    def slow_copy(source: Path, target: Path, **kw: Any) -> None:
        release.wait(30)  # the copy of a big library: long enough to use the window meanwhile
        real_copy(source, target, **kw)

    monkeypatch.setattr(backup, "copy_database", slow_copy)
    lib = open_library(str(path))
    assert backup.backups(path) == []  # opening copied nothing
    _app, faces, theme = gui
    pool = BackupOnlyPool()
    window = MainWindow(lib, faces, theme, pool=pool)
    qtbot.addWidget(window)
    daily = install_daily_backup(window, delay_ms=0)
    try:
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: daily.label is not None and daily.label.isVisible())
        assert daily.running and backup.backups(path) == []
        window.open_article(lib.list_articles()[0].id)  # the library is there to read while the copy runs
        assert window.library_panel.model.rowCount() == 1
        assert daily.label is not None and daily.label.text() == "Taking the day's backup of the library…"
        daily.start()  # never two at once
        assert pool.started.count("Backup") == 2  # "is it due?", then the backup itself
        release.set()
        qtbot.waitUntil(lambda: not daily.running, timeout=30_000)
        made = backup.backups(path)
        assert len(made) == 1 and daily.taken == str(made[0])
        assert backup.inspect(made[0], thorough=True).articles == 1
        assert not daily.label.isVisible() and made[0].name in window.statusBar().currentMessage()
        daily.start()  # the day's backup exists: nothing more is taken
        qtbot.waitUntil(lambda: not daily.running, timeout=10_000)
        assert backup.backups(path) == made
    finally:
        release.set()
        pool.pool.waitForDone(30_000)
        window.close()
        lib.close()


def test_a_damaged_library_found_by_the_daily_backup_is_said_and_not_backed_up(
    qtbot: QtBot, gui: Gui, tmp_path: Path, monkeypatch: Any
) -> None:
    from models.store import integrity

    path = _library_with_the_sample(tmp_path)
    lib = open_library(str(path))
    found = "Page 12 is never used"  # what SQLite's page check says of a damaged file, met by the day's full check
    real_inspect = backup.inspect

    def damaged_copy(copy: Path, **kwargs: Any) -> Any:  # the copy carries the library's damage, page for page
        return dataclasses.replace(real_inspect(copy, **kwargs), problem=found)

    monkeypatch.setattr(backup, "inspect", damaged_copy)
    monkeypatch.setattr(integrity, "check_file", lambda *_a, **_k: found)
    _app, faces, theme = gui
    window = MainWindow(lib, faces, theme, pool=BackupOnlyPool())
    qtbot.addWidget(window)
    daily = install_daily_backup(window, delay_ms=0)
    pool = window.runner.pool
    try:
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: daily.label is not None and "newsdesk restore" in daily.label.text(), timeout=30_000)
        assert daily.label is not None and found in daily.label.text() and daily.label.isVisible()
        assert not daily.running and daily.taken is None and backup.backups(path) == []
    finally:
        pool.pool.waitForDone(30_000)  # type: ignore[attr-defined]
        window.close()
        lib.close()
