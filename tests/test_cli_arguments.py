"""The command line reads what users type: a mistyped command is an error listing the commands (never the reader
waiting headless), and a value starting with ``-`` is a value (issues 14 and 17)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.launcher import main
from models import cli


def test_a_mistyped_command_lists_the_commands_and_exits_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gui.launcher", "backupz", "--library", str(tmp_path / "l.sqlite")],
        capture_output=True, text=True, timeout=60, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2, done.stderr
    assert "'backupz' is neither a command nor an existing file or URL" in done.stderr
    assert "did you mean 'backup'" in done.stderr
    for command in cli.COMMANDS:
        assert command in done.stderr
    assert not (tmp_path / "l.sqlite").exists()


def test_a_file_path_that_does_not_exist_is_still_the_readers_to_report(tmp_path: Path) -> None:
    from gui.launcher import mistyped_command

    assert mistyped_command(["backupz"], cli.COMMANDS) == "backupz"
    assert mistyped_command(["--library", "x", "lisst"], cli.COMMANDS) == "lisst"
    assert mistyped_command([str(tmp_path / "gone.txt")], cli.COMMANDS) is None
    assert mistyped_command(["https://example.org/a"], cli.COMMANDS) is None
    assert mistyped_command([], cli.COMMANDS) is None


def test_values_that_start_with_a_dash_are_values(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = str(tmp_path / "l.sqlite")
    assert main(["import", "--no-analysis", "--library", library, str(sample_path)]) == 0
    capsys.readouterr()
    code = main(["highlight", "--library", library, "--article", "1", "--quote", "Putin", "--note", "-1+1",
                 "--tag", "-x"])
    out, err = capsys.readouterr()
    assert code == 0, err
    created = json.loads(out)
    assert created["note"] == "-1+1" and created["tags"] == ["-x"]
    with pytest.raises(SystemExit):  # an option where a value belongs is still a missing value
        main(["highlight", "--library", library, "--article", "1", "--note", "--quote", "Abe"])
    capsys.readouterr()
