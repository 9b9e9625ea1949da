"""Start-up against the real store and ingest, and the --screenshot smoke mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gui import app
from gui.import_jobs import ImmediatePool
from models.store import open_library
from tests.gui.fixture_types import Gui


def test_first_start_imports_and_opens_the_bundled_sample(gui: Gui, qtbot: QtBot, tmp_path: Path) -> None:
    _app, faces, theme = gui
    library = open_library(str(tmp_path / "library.sqlite"))
    try:
        window = app.open_window(library, faces, theme, [], pool=ImmediatePool())
        qtbot.addWidget(window)
        window.show()
        article_id = window.current_article_id()
        assert article_id is not None
        article = library.get_article(article_id).article
        header = window.view.header
        assert window.view.toPlainText() == article.text
        assert article.text.startswith("Abe fails to find breakthrough")
        assert header.kicker.isVisible() and "INTERNATIONAL" in header.kicker.text()
        assert "Mainichi" in header.meta.text() and "Shinichi Akiyama" in header.byline.text()
        assert library.article_count() == 1
    finally:
        library.close()


def screenshot(tmp_path: Path, *sources: str) -> subprocess.CompletedProcess[str]:
    """The command line as users and the checks run it (its own process: run() owns the application loop)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    command = [sys.executable, "-m", "gui", "--library", str(tmp_path / "library.sqlite"),
               "--screenshot", str(tmp_path / "shot.png"), *sources]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_screenshot_mode_saves_a_painted_window(tmp_path: Path) -> None:
    done = screenshot(tmp_path)
    assert done.returncode == 0, done.stderr
    image = QImage(str(tmp_path / "shot.png"))
    assert (image.width(), image.height()) == (app.SCREENSHOT_SIZE.width(), app.SCREENSHOT_SIZE.height())
    # Text was drawn: the reading surface is not one flat colour.
    colours = {image.pixel(x, y) for x in range(600, 1100, 7) for y in range(300, 700, 7)}
    assert len(colours) > 10


def test_screenshot_mode_reports_a_bad_file_and_fails(tmp_path: Path) -> None:
    done = screenshot(tmp_path, str(tmp_path / "nope.txt"))
    assert done.returncode == 1
    assert "nope.txt" in done.stderr and "Traceback" not in done.stderr


def test_screenshot_on_a_real_x_server_shows_entities_and_timeline(tmp_path: Path) -> None:
    """The xcb platform under Xvfb, as on a desktop (CI installs Xvfb; the plugin needs libxcb-icccm4 and
    libxcb-keysyms1 besides what its error message names). The picture is taken only after the analysis is shown."""
    import shutil

    import pytest

    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (CI installs it)")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    env.pop("QT_QPA_PLATFORM", None)
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m", "gui",
               "--library", str(tmp_path / "library.sqlite"), "--screenshot", str(tmp_path / "shot.png"), str(sample)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    image = QImage(str(tmp_path / "shot.png"))
    assert image.width() >= 1000 and image.height() >= 700
    # the Entities dock (right) and the Timeline dock (bottom) were painted with content, not left blank
    right = {image.pixel(x, y) for x in range(image.width() - 300, image.width() - 20, 5) for y in range(150, 500, 5)}
    bottom = {image.pixel(x, y) for x in range(300, image.width() - 300, 5)
              for y in range(image.height() - 170, image.height() - 40, 5)}
    assert len(right) > 8 and len(bottom) > 8
