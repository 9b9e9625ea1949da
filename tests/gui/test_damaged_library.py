"""The reader on a damaged library: the dialog says what is wrong and which backup it would restore; Restore brings
the library back and reopens it; what the damaged file still holds can be brought back (issue 14)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui import app
from gui.damaged_library import DamagedLibraryDialog
from gui.import_jobs import ImmediatePool
from models.store import backup, integrity, open_library
from tests.gui.fixture_types import Gui
from tests.test_library_safety import article, fill, overwrite_middle


def damaged_library(path: Path) -> tuple[integrity.LibraryDamaged, Path, set[str], set[str]]:
    """Four articles backed up, a fifth and a highlight added after; then the middle page overwritten (the last
    page of the file, where the newest rows are, is spared). Returns the highlights wanted and those lost."""
    fill(path, articles=4)
    made = backup.make_backup(path, "manual")
    lib = open_library(str(path))
    late = lib.import_article(article(77)).id
    lib.annotations.add(late, 0, 7, note="made after the backup")
    wanted = {a.id for a in lib.annotations.list(None)}
    lib.close()
    lost = overwrite_middle(path, 4 * 1024)
    with pytest.raises(integrity.LibraryDamaged) as raised:
        open_library(str(path))
    return raised.value, made, wanted, lost


def test_the_dialog_names_the_damage_and_the_backup_then_restore_reopens_the_library(
    qtbot: QtBot, gui: Gui, library_path: Path
) -> None:
    damage, made, wanted, lost = damaged_library(library_path)
    dialog = DamagedLibraryDialog(damage, pool=ImmediatePool())
    qtbot.addWidget(dialog)
    dialog.show()
    assert "malformed" in dialog.summary.text() or "damaged" in dialog.summary.text().lower()
    assert "Nothing was written" in dialog.summary.text()
    assert backup.taken_at(made).strftime("%Y-%m-%d") in dialog.backup_label.text()
    assert "4 articles" in dialog.backup_label.text() and "8 highlights" in dialog.backup_label.text()
    assert dialog.restore_button.isEnabled() and dialog.other_button.isVisible() and dialog.quit_button.isVisible()

    dialog.restore_button.click()  # the pool runs at once here: restored, reopened, the damaged file read
    assert dialog.bring_back_button.isVisible() and dialog.continue_button.isVisible()
    assert "holds 1 highlight and 1 article made after the backup" in dialog.status.text()
    with qtbot.waitSignal(dialog.library_opened, timeout=10_000) as opened:
        dialog.bring_back_button.click()
    library = opened.args[0]
    try:
        assert library is dialog.library and dialog.result() == DamagedLibraryDialog.DialogCode.Accepted
        assert library.article_count() == 5
        in_backup = {r[0] for r in sqlite3.connect(made).execute("SELECT id FROM highlights")}
        assert {a.id for a in library.annotations.list(None)} == wanted - (lost - in_backup) == wanted
        asides = [p for p in library_path.parent.iterdir()
                  if p.name.startswith("library.sqlite.damaged-") and not p.name.endswith(("-wal", "-shm"))]
        assert len(asides) == 1  # the damaged file kept, never overwritten
        window = app.open_window(library, *gui[1:], [], pool=ImmediatePool())
        qtbot.addWidget(window)
        assert window.library_panel.list.model().rowCount() == library.article_count()
    finally:
        library.close()


def test_quit_leaves_everything_as_it_was(qtbot: QtBot, gui: Gui, library_path: Path) -> None:
    damage, _made, _wanted, _lost = damaged_library(library_path)
    before = library_path.read_bytes()
    dialog = DamagedLibraryDialog(damage, pool=ImmediatePool())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.quit_button.click()
    assert dialog.result() == DamagedLibraryDialog.DialogCode.Rejected and dialog.library is None
    assert library_path.read_bytes() == before


def test_open_another_library_goes_on_with_it(qtbot: QtBot, gui: Gui, library_path: Path, tmp_path: Path) -> None:
    damage, _made, _wanted, _lost = damaged_library(library_path)
    other = tmp_path / "other" / "library.sqlite"
    fill(other, articles=2)
    dialog = DamagedLibraryDialog(damage, pool=ImmediatePool())
    qtbot.addWidget(dialog)
    dialog.choose_library = lambda: str(other)  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.library_opened, timeout=10_000) as opened:
        dialog.other_button.click()
    try:
        assert opened.args[0].article_count() == 2
    finally:
        opened.args[0].close()


def _reader(tmp_path: Path, *argv: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    code = prelude + "import sys\nfrom gui.launcher import main\nsys.exit(main(sys.argv[1:]))\n"
    return subprocess.run([sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True, timeout=180,
                          check=False)


def test_screenshot_of_a_damaged_library_fails_with_the_restore_message(library_path: Path, tmp_path: Path) -> None:
    damaged_library(library_path)
    done = _reader(tmp_path, "--library", str(library_path), "--screenshot", str(tmp_path / "shot.png"))
    assert done.returncode == 1 and "newsdesk restore" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_screenshot_exits_non_zero_when_the_analysis_failed(tmp_path: Path) -> None:
    prelude = (
        "import gui.analysis_jobs as jobs\n"
        "def broken(lib, article_id, **options):\n"
        "    raise RuntimeError('the analyser is broken')\n"
        "jobs.analysis_of = broken\n"
    )
    done = _reader(tmp_path, "--library", str(tmp_path / "library.sqlite"), "--screenshot", str(tmp_path / "s.png"),
                   prelude=prelude)
    assert done.returncode == 1
    assert "analysis of article 1 failed" in done.stderr and "the analyser is broken" in done.stderr
