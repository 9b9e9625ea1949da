"""GUI tests: offscreen Qt, user folders and settings in temp paths, the window built with a synchronous pool."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.fakes import FakeLibrary
from tests.gui.fixture_types import Gui

# Before anything imports Qt (tests/conftest.py does the same for the whole suite; this keeps tests/gui standalone).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="newsdesk-gui-home-"))
for _var, _sub in (("HOME", ""), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
    if _var == "HOME" or not os.environ.get(_var, "").startswith(tempfile.gettempdir()):
        os.environ[_var] = str(_HOME / _sub)
        (_HOME / _sub).mkdir(parents=True, exist_ok=True)

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from gui.app import configure_application  # noqa: E402
from gui.import_jobs import ImmediatePool  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from tests.gui.fakes import fake_ingest, sample_article  # noqa: E402

# The offscreen platform warns that it cannot propagate size hints; that says nothing about Newsdesk.
_PLATFORM_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(_PLATFORM_NOISE))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> None:
    """Each test starts with empty preferences and window state."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def gui(qapp: QApplication) -> Gui:
    """The configured application: (app, typefaces, theme controller)."""
    return configure_application()


@pytest.fixture
def fake_library() -> FakeLibrary:
    return FakeLibrary()


@pytest.fixture
def window(qtbot: QtBot, gui: Gui, fake_library: FakeLibrary) -> MainWindow:
    """A window over an in-memory library holding the sample, opened on it."""
    _app, faces, theme = gui
    article = sample_article()
    result = fake_library.import_article(article)
    win = MainWindow(fake_library, faces, theme, ingest=fake_ingest(), pool=ImmediatePool())
    qtbot.addWidget(win)
    win.restore_layout()
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_article(result.id)
    return win
