"""After an upgrade of the analyser the reader brings the library's reading up to date in the background: the
status bar says how far it is and offers Stop, the open article is shown with its new reading, and what is left
after a stop is done at the next start."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from gui.entities.model import Role
from gui.library_refresh import LibraryRefresh, install_library_refresh
from gui.main_window import MainWindow
from models.analysis import ANALYZER_VERSION
from models.article import Article, Metadata, build_text
from models.store import Library, open_library
from models.store.analysis_jobs import ensure_analysis
from models.store.entities import EntityStore
from tests.gui.fixture_types import Gui
from tests.gui.test_library_actions import shown_window

OLD = "newsdesk-analysis/1"
Reader = tuple[MainWindow, Library, list[int]]


def council_article(n: int) -> Article:
    text, blocks = build_text([
        ("title", f"Harbour budget {n}"),
        ("paragraph", f"Mayor Lena Berg of Oslo spoke on {n} March 2020. Lena Berg said the port would grow."),
    ])
    return Article(f"/home/reader/c{n}.txt", "text", text, blocks, Metadata(title=f"Harbour budget {n}"))


@pytest.fixture
def upgraded(tmp_path: Path) -> Iterator[tuple[Library, list[int]]]:
    """Three analysed articles; the first two keep an older analyser's reading, which filed Lena Berg as
    "L. Berg"."""
    lib = open_library(str(tmp_path / "lib.sqlite"))
    ids = [lib.import_article(council_article(n)).id for n in (1, 2, 3)]
    for article_id in ids:
        analysis = ensure_analysis(lib, article_id)
        if article_id != ids[2]:
            old = tuple(replace(e, name="L. Berg") if e.name == "Lena Berg" else e for e in analysis.entities)
            lib.save_analysis(article_id, replace(analysis, version=OLD, entities=old))
    yield lib, ids
    lib.close()


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui, upgraded: tuple[Library, list[int]]) -> Reader:
    lib, ids = upgraded
    return shown_window(qtbot, gui, lib), lib, ids


def _people(window: MainWindow) -> dict[str, int]:
    """The people of the Entities panel with the number of the library's articles each is in."""
    model = window.reading.entities.model
    names = {}
    for r in range(model.rowCount()):
        group = model.index(r, 0)
        for c in range(model.rowCount(group)):
            child = model.index(c, 0, group)
            if child.data(Role.TYPE) == "PERSON":
                names[child.data(Role.NAME)] = child.data(Role.ARTICLE_COUNT)
    return names


def _versions(lib: Library, ids: list[int]) -> list[bool]:
    return [lib.load_analysis(i, ANALYZER_VERSION) is not None for i in ids]


def test_outdated_articles_are_read_again_and_the_panels_count_the_new_reading(qtbot: QtBot, reader: Reader) -> None:
    window, lib, ids = reader
    window.open_article(ids[2])  # the up-to-date article: its analysis is read from the cache
    qtbot.waitUntil(lambda: _people(window).get("Lena Berg") == 1, timeout=60000)  # the others say "L. Berg"
    refresh = LibraryRefresh(window, delay_ms=-1)
    refresh.start()  # the count and the first article (the newest outdated one) at once
    assert refresh.box is not None and refresh.box.isVisible() and refresh.label is not None
    assert refresh.label.text() == "Updating the library's reading: 1 of 2 articles"
    qtbot.waitUntil(lambda: not refresh.running, timeout=60000)
    assert not refresh.box.isVisible()
    assert window.statusBar().currentMessage() == "The library is up to date: 2 articles read again by this version"
    assert _versions(lib, ids) == [True, True, True]
    assert {e.name: e.article_count for e in EntityStore(lib).library_index(type_="PERSON")} == {"Lena Berg": 3}
    qtbot.waitUntil(lambda: _people(window).get("Lena Berg") == 3, timeout=30000)  # "in 3 articles" now


def test_stop_keeps_what_was_done_and_the_next_start_does_the_rest(qtbot: QtBot, reader: Reader) -> None:
    window, lib, ids = reader
    refresh = LibraryRefresh(window, delay_ms=-1)
    refresh.start()
    assert refresh.box is not None
    stop = refresh.box.findChild(QToolButton, "LibraryRefreshStop")
    assert stop is not None and stop.text() == "Stop"
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)  # after the first article, before the second
    qtbot.waitUntil(lambda: not refresh.running, timeout=60000)
    assert window.statusBar().currentMessage() == (
        "Stopped: 1 of 2 articles read again; the others will be at the next start")
    assert _versions(lib, ids) == [False, True, True]  # the newest first; the one left keeps its old reading
    again = LibraryRefresh(window, delay_ms=-1)  # the next start
    again.start()
    qtbot.waitUntil(lambda: not again.running, timeout=60000)
    assert _versions(lib, ids) == [True, True, True]
    assert again.total == 1


def test_an_up_to_date_library_shows_nothing(qtbot: QtBot, reader: Reader) -> None:
    window, lib, ids = reader
    LibraryRefresh(window, delay_ms=-1).start()  # brings it up to date
    qtbot.waitUntil(lambda: _versions(lib, ids) == [True, True, True], timeout=60000)
    window.statusBar().clearMessage()
    calm = LibraryRefresh(window, delay_ms=-1)
    calm.start()
    assert not calm.running and calm.box is None and calm.total == 0
    assert window.statusBar().currentMessage() == ""


def test_the_preference_turns_the_background_update_off_and_on(qtbot: QtBot, reader: Reader) -> None:
    from gui import settings
    from gui.preferences import open_preferences

    window, lib, ids = reader
    refresh = install_library_refresh(window, delay_ms=0)
    settings.REFRESH_IN_BACKGROUND.write(False)
    refresh._start_if_wanted()  # what the first paint calls
    assert not refresh.running and refresh.total == 0 and _versions(lib, ids) == [False, False, True]
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    box = dialog.refresh_box
    assert not box.isChecked()
    box.setChecked(True)  # on: it starts at once
    assert settings.REFRESH_IN_BACKGROUND.read() is True
    qtbot.waitUntil(lambda: not refresh.running, timeout=60000)
    assert _versions(lib, ids) == [True, True, True]
    box.setChecked(False)
    assert settings.REFRESH_IN_BACKGROUND.read() is False
