"""One window per library: a second launch with a file hands the file to the running window and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.app import receive_handed_files
from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from gui.single_instance import InstanceServer, server_name
from models.store import open_library
from tests.gui.fixture_types import Gui

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


def second_launch(library: Path, *files: str, cwd: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "gui.launcher", "--library", str(library), *files],
                            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_a_second_launch_hands_its_file_to_the_running_window(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    _app, faces, theme = gui
    path = tmp_path / "library.sqlite"
    lib = open_library(str(path))
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window)
    received: list[list[str]] = []

    def on_open(sources: list[str]) -> None:
        received.append(sources)
        receive_handed_files(window, sources)

    server = InstanceServer(server_name(str(lib.location)), on_open, window)
    assert server.is_listening()
    copy = tmp_path / "in a folder" / "summit.txt"
    copy.parent.mkdir()
    copy.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    launch = second_launch(path, "summit.txt", cwd=copy.parent)  # a relative path, from another folder
    qtbot.waitUntil(lambda: launch.poll() is not None, timeout=60_000)
    out, err = launch.communicate()
    assert launch.returncode == 0, err
    assert received == [[str(copy)]]
    qtbot.waitUntil(lambda: lib.article_count() == 1, timeout=60_000)
    assert [a.title for a in lib.list_articles()][0].startswith("Abe fails to find breakthrough")
    window.close()
    lib.close()


def test_without_a_running_window_the_launch_opens_its_own(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    from gui.single_instance import hand_off

    assert hand_off(server_name(str(tmp_path / "nobody.sqlite")), ["x.txt"], timeout_ms=200) is False


def test_a_server_left_by_a_killed_window_is_replaced(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    name = server_name(str(tmp_path / "crashed.sqlite"))
    if sys.platform.startswith("linux"):
        stale = Path("/tmp") / name  # what a process killed with -9 leaves behind
        stale.write_text("")
    server = InstanceServer(name, lambda _sources: None)
    assert server.is_listening()
    server.server.close()


def test_a_listening_window_is_seen_by_its_socket_file(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    from gui.single_instance import may_be_serving

    name = server_name(str(tmp_path / "seen.sqlite"))
    assert not may_be_serving(name) or os.name != "posix"
    server = InstanceServer(name, lambda _sources: None)
    assert server.is_listening()
    assert may_be_serving(name)
    server.server.close()
    assert not may_be_serving(name) or os.name != "posix"


@pytest.mark.skipif(os.name != "posix", reason="the socket is a file on POSIX systems only")
def test_a_launch_with_no_window_running_does_without_qtnetwork(tmp_path: Path) -> None:
    code = ("import sys\n"
            "from gui.single_instance import hand_off, server_name\n"
            f"assert hand_off(server_name({str(tmp_path / 'alone.sqlite')!r}), ['x.txt']) is False\n"
            "assert 'PySide6.QtNetwork' not in sys.modules, 'QtNetwork loaded'\n")
    done = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
