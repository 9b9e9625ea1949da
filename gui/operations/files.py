"""Files beside the library: export (and its preview), back up, restore a backup and bring back what a damaged file
still holds. They write files, not the library's rows, so they change nothing the panels show; each runs on a
:class:`~gui.runner.Runner` and answers through its callbacks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui.export_jobs import Exported, ExportRequest, Preview, build_preview, write_export
from gui.operations.context import tr
from gui.runner import Runner, Task

OnFailed = Callable[[str], object]


def export(runner: Runner, library: Any, request: ExportRequest, path: Path, on_done: Callable[[Exported], object],
           on_failed: OnFailed, on_progress: Callable[[int, int, str], object],
           on_cancelled: Callable[[], object]) -> Task:
    """Write the export to ``path`` (atomically; cancellable up to the final replace)."""
    return runner.run(tr("Export"), lambda task: write_export(library, request, path, task), on_done,
                      on_failed=on_failed, on_progress=on_progress, on_cancelled=on_cancelled)


def preview(runner: Runner, library: Any, request: ExportRequest, generation: int,
            on_done: Callable[[Preview | None], object], on_failed: OnFailed,
            on_cancelled: Callable[[], object]) -> Task:
    """The first highlights of the selection rendered as the export would (from cached analyses only)."""
    return runner.run(tr("Preview"), lambda task: build_preview(library, request, generation, task), on_done,
                      on_failed=on_failed, on_cancelled=on_cancelled)


def backup(runner: Runner, db_path: Path, on_done: Callable[[str], object], on_failed: OnFailed) -> Task:
    """Copy the live SQLite library, verify and rotate (models.store.backup); ``on_done`` gets the new file."""
    from models.store import backup as backups

    return runner.run(tr("Backup"), lambda _task: str(backups.make_backup(db_path, "manual")), on_done,
                      on_failed=on_failed)


def restore(runner: Runner, path: Path, on_done: Callable[[tuple[Any, Any, Any]], object], on_failed: OnFailed,
            on_damaged: Callable[[Any], object]) -> Task:
    """Put the newest verified backup in place of a damaged library and reopen it; ``on_done`` gets (what was
    restored, the library, what the damaged file still holds). A library damaged in turn is ``on_damaged``'s."""
    return _library_call(runner, tr("Restore"), lambda: _restore_and_reopen(path), on_done, on_failed, on_damaged)


def bring_back(runner: Runner, library: Any, aside: Path, on_done: Callable[[Any], object], on_failed: OnFailed,
               on_damaged: Callable[[Any], object]) -> Task:
    """Copy what the damaged file (kept aside) still holds into the restored library."""
    from models.store import restore as restoring

    return _library_call(runner, tr("Bringing back"), lambda: restoring.bring_back(library, aside), on_done,
                         on_failed, on_damaged)


def open_library(runner: Runner, where: str, on_done: Callable[[Any], object], on_failed: OnFailed,
                 on_damaged: Callable[[Any], object]) -> Task:
    from models.store import open_library as opening

    return _library_call(runner, tr("Opening the library"), lambda: opening(where), on_done, on_failed, on_damaged)


def _restore_and_reopen(path: Path) -> tuple[Any, Any, Any]:
    from models.store import open_library as opening
    from models.store import restore as restoring

    done = restoring.restore(path)
    library = opening(str(path))
    offer = None
    if done.aside is not None and done.was_damaged:
        _found, offer = restoring.recoverable(library, done.aside)
    return done, library, offer


def _library_call(runner: Runner, title: str, fn: Callable[[], Any], on_done: Callable[[Any], object],
                  on_failed: OnFailed, on_damaged: Callable[[Any], object]) -> Task:
    from models.store.integrity import LibraryDamaged

    def call(_task: Task) -> Any:
        try:
            return fn()
        except LibraryDamaged as damage:  # an answer, not a failure: the dialog shows it
            return damage

    def answer(result: object) -> None:
        (on_damaged if isinstance(result, LibraryDamaged) else on_done)(result)

    return runner.run(title, call, answer, on_failed=on_failed)
