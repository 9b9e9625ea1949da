"""The day's backup is not part of opening a library: opening never copies it, the command line takes it before the
day's first command that writes (never for one that only reads), one backup runs at a time, and a backup killed
half-way leaves the library and the earlier backups as they were."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from models.store import backup, open_library
from tests.test_library_safety import digest, fill, run

REPO = Path(__file__).resolve().parent.parent


def _age_backups(path: Path, days: float = 2) -> None:
    old = time.time() - days * backup.DAY
    for made in backup.backups(path):
        os.utime(made, (old, old))


def test_opening_a_library_whose_backup_is_due_copies_nothing(library_path: Path) -> None:
    fill(library_path, articles=3)
    assert backup.is_due(library_path) and backup.backups(library_path) == []
    lib = open_library(str(library_path))
    lib.close()
    assert backup.backups(library_path) == []  # the reader or the next writing command takes it, not opening
    made = backup.take_daily(library_path)
    assert made is not None and backup.backups(library_path) == [made]
    assert backup.inspect(made, thorough=True).articles == 3
    assert backup.take_daily(library_path) is None  # once a day
    assert not backup.is_due(library_path)


def test_commands_that_only_read_never_back_up_and_the_first_that_writes_does(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(library_path, articles=2)
    for command in (["list"], ["search", "Putin"], ["annotations"], ["entities"], ["timeline"]):
        code, _out, err = run(capsys, command[0], "--library", str(library_path), *command[1:])
        assert code == 0, (command, err)
    assert backup.backups(library_path) == []
    code, _out, err = run(capsys, "highlight", "--library", str(library_path), "--article", "1", "--quote", "Moscow")
    assert code == 0, err
    first = backup.backups(library_path)
    assert len(first) == 1 and "-daily" in first[0].name
    assert backup.inspect(first[0]).highlights == 4  # taken before the command wrote its highlight
    code, _out, err = run(capsys, "highlight", "--library", str(library_path), "--article", "2", "--quote", "Moscow")
    assert code == 0, err
    assert backup.backups(library_path) == first  # the day's other writing commands do not pay it again
    _age_backups(library_path)
    code, _out, err = run(capsys, "highlight", "--library", str(library_path), "--article", "1", "--quote", "Abe")
    assert code == 0, err
    assert len(backup.backups(library_path)) == 2  # the next day's first one does


def test_one_backup_at_a_time(library_path: Path) -> None:
    fill(library_path, articles=2)
    backup.backup_dir(library_path).mkdir()
    with backup.one_at_a_time(library_path) as held:
        assert held
        assert backup.take_daily(library_path) is None  # another backup is running: this one steps aside
        assert backup.backups(library_path) == []
        manual: list[Path] = []
        waiting = threading.Thread(target=lambda: manual.append(backup.make_backup(library_path, "manual")))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and manual == []  # an asked-for backup waits for the running one
    waiting.join(30)
    assert len(manual) == 1 and backup.backups(library_path) == manual


_KILLED_BEFORE_RENAME = """
import sys, time
from pathlib import Path
from models.store import backup
def stuck(temporary, target):
    print("copied", flush=True)
    time.sleep(600)
backup.put_in_place = stuck
backup.take_daily(Path(sys.argv[1]))
"""


def test_a_backup_killed_half_way_leaves_the_library_and_the_earlier_backups_intact(library_path: Path) -> None:
    fill(library_path, articles=4)
    earlier = backup.make_backup(library_path, "manual")
    _age_backups(library_path)
    before, earlier_digest = digest(library_path), digest(earlier)
    child = subprocess.Popen([sys.executable, "-c", _KILLED_BEFORE_RENAME, str(library_path)], cwd=REPO,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "copied"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        if child.stdout is not None:
            child.stdout.close()
    leftovers = [p for p in backup.backup_dir(library_path).iterdir() if p.name.startswith(".")]
    assert leftovers  # the copy it was writing, under its temporary name only
    assert backup.backups(library_path) == [earlier] and digest(earlier) == earlier_digest
    assert digest(library_path) == before
    lib = open_library(str(library_path))  # the library opens and holds everything
    try:
        assert len(lib.list_articles()) == 4
    finally:
        lib.close()
    made = backup.take_daily(library_path)  # the lock died with the process; the next backup clears its leftovers
    assert made is not None and backup.backups(library_path) == [earlier, made]
    assert [p for p in backup.backup_dir(library_path).iterdir() if p.name.startswith(".")] == []


def test_the_daily_backup_reads_every_page_of_its_copy_and_the_others_also_compare_indexes(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The daily copy is checked with quick_check (every page and b-tree: what a copy can get wrong); a backup before
    a migration or asked for also compares every index with its table (integrity_check), as a restore does."""
    fill(library_path, articles=2)
    checks: list[tuple[str, bool]] = []
    real = backup.inspect

    def recording(path: Path, *, thorough: bool = False, check: bool = True) -> backup.BackupInfo:
        checks.append((path.name, thorough))
        return real(path, thorough=thorough, check=check)

    monkeypatch.setattr(backup, "inspect", recording)
    daily = backup.take_daily(library_path)
    asked = backup.make_backup(library_path, "manual")
    verified = [thorough for name, thorough in checks if name.startswith(".")]  # the copies (temporary names)
    assert daily is not None and verified == [False, True]
    assert real(daily, thorough=True).ok and real(asked, thorough=True).ok
