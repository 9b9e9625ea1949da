"""The reader window as a user meets it: the sample open with its header, find, zoom, errors, layout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QTabBar
from pytestqt.qtbot import QtBot

from gui import settings
from gui.app import open_window
from gui.dock_title import DockTitle
from gui.find_bar import FIND_LAYER
from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from tests.gui.fakes import FakeLibrary, fake_ingest, sample_article
from tests.gui.fixture_types import Gui


def test_window_shows_the_sample_with_its_header_and_exact_text(window: MainWindow) -> None:
    article = sample_article()
    header = window.view.header
    assert window.view.toPlainText() == article.text
    assert header.kicker.isVisible() and header.kicker.text() == "INTERNATIONAL › EUROPE & EURASIA"
    assert header.meta.isVisible() and "Mainichi" in header.meta.text() and "p. 4" in header.meta.text()
    assert "JMH Translation" in header.meta.text()
    assert header.byline.isVisible() and "Shinichi Akiyama, Hitoshi Omae" in header.byline.text()
    assert header.tags.isVisible()
    # The metadata sits above the body, under the headline, and none of it is in the text.
    title_bottom = window.view.document().firstBlock().layout().boundingRect().height()
    assert header.y() > window.view.header.kicker.y() and header.y() > title_bottom * 0.5
    assert "JMH Translation" not in window.view.toPlainText()
    assert f"{len(article.text.split()):,} words" in window.article_status.text()
    assert "Library: 1 article" in window.library_status.text()
    assert window.library_panel.current_article_id() == window.current_article_id()


def test_find_bar_marks_every_match_and_steps_through_them(window: MainWindow, qtbot: QtBot) -> None:
    text = window.view.toPlainText()
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.field.setText("putin")
    expected = [i for i in range(len(text)) if text.lower().startswith("putin", i)]
    matches = window.find_bar.matches()
    assert [start for start, _ in matches] == expected and len(expected) > 3
    assert len(window.view.extraSelections()) == len(expected)
    assert window.view.selection_range() == matches[0]
    assert window.find_bar.count.text() == f"1 of {len(expected)}"
    window.find_next_action.trigger()
    assert window.view.selection_range() == matches[1]
    window.find_previous_action.trigger()
    window.find_previous_action.trigger()
    assert window.view.selection_range() == matches[-1]  # wraps around
    window.find_bar.field.setText("no such words anywhere")
    assert window.find_bar.count.text() == "No matches" and window.view.extraSelections() == []
    window.find_bar.close_bar()
    assert window.view.layer_ranges(FIND_LAYER) == ()


def test_text_zoom_is_kept_for_the_next_window(
    window: MainWindow, gui: Gui, fake_library: FakeLibrary, qtbot: QtBot
) -> None:
    size_before = window.view.document().size().height()
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert window.view.zoom() == pytest.approx(1.2)
    assert window.view.document().size().height() > size_before
    assert window.view.toPlainText() == sample_article().text
    _app, faces, theme = gui
    again = MainWindow(fake_library, faces, theme, ingest=fake_ingest(), pool=ImmediatePool())
    qtbot.addWidget(again)
    assert again.view.zoom() == pytest.approx(1.2)
    again.zoom_reset_action.trigger()
    assert settings.TEXT_ZOOM.read() == pytest.approx(1.0)


def test_a_file_that_cannot_be_read_shows_its_reason_and_imports_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a: shown.append((title, text)))
    good = tmp_path / "fine.txt"
    good.write_text("A short note.\nIts second paragraph.", encoding="utf-8")
    window.import_paths([str(tmp_path / "missing.txt"), str(good)])
    assert len(shown) == 1 and "missing.txt: no such file" in shown[0][1]
    assert window.library.article_count() == 2  # the sample and the good file; nothing of the missing one
    assert window.view.toPlainText() == "A short note.\nIts second paragraph."
    assert settings.RECENT_FILES.read() == [str(good)]


def test_paste_prefers_html_and_drops_import_files(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setHtml("<p>First pasted paragraph.</p><p>Second one.</p>")
    mime.setText("plain version")
    window.import_mime(mime)
    assert window.view.toPlainText() == "First pasted paragraph.\nSecond one."
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("Dropped file text.", encoding="utf-8")
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(dropped))])
    window.import_mime(drop)
    assert window.view.toPlainText() == "Dropped file text."
    assert window.library.article_count() == 3


def test_library_search_lists_matches_with_snippets(window: MainWindow, qtbot: QtBot) -> None:
    window.import_mime(_text_mime("Nothing about summits here."))
    window.search_field.setText("Lavrov")  # the toolbar search drives the Library list
    with qtbot.waitSignal(window.library_panel.count_changed, timeout=2000):
        pass
    model = window.library_panel.model
    assert model.rowCount() == 1
    from gui.library_model import Role

    assert "Lavrov" in model.index(0).data(Role.SNIPPET)
    window.search_field.clear()
    window.library_panel.reload()
    assert model.rowCount() == 2


def test_the_search_fields_offer_their_clear_button_once_something_is_typed(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    for field in (window.search_field, window.library_panel.search, window.find_bar.field):
        field.setText("Lavrov")
        assert field.isClearButtonEnabled()
    window.find_bar.open_bar()
    field = window.find_bar.field
    button = next(b for b in field.findChildren(QToolButton) if b.isVisible())  # the line edit's clear button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert field.text() == ""
    field.setText("summit")
    assert field.isClearButtonEnabled()  # still there for the next search


def test_docks_layout_is_restored(window: MainWindow, gui: Gui, fake_library: FakeLibrary, qtbot: QtBot) -> None:
    window.library_dock.hide()
    window.save_layout()
    _app, faces, theme = gui
    again = MainWindow(fake_library, faces, theme, ingest=fake_ingest(), pool=ImmediatePool())
    qtbot.addWidget(again)
    again.restore_layout()
    again.show()
    assert not again.library_dock.isVisible()


def test_first_start_with_an_empty_library_opens_the_sample(gui: Gui, qtbot: QtBot) -> None:
    _app, faces, theme = gui
    library = FakeLibrary()
    article = sample_article()
    ingest = fake_ingest({})
    ingest.ingest_file = lambda _path: article  # whatever path the bundled sample has once installed
    window = open_window(library, faces, theme, [], ingest=ingest, pool=ImmediatePool())
    qtbot.addWidget(window)
    assert library.article_count() == 1
    assert window.view.toPlainText() == article.text
    assert settings.RECENT_FILES.read() == []  # the sample is not a file the user opened


def test_imports_run_on_the_thread_pool(gui: Gui, qtbot: QtBot, tmp_path: Path) -> None:
    _app, faces, theme = gui
    library = FakeLibrary()
    window = MainWindow(library, faces, theme, ingest=fake_ingest())  # the real QThreadPool
    qtbot.addWidget(window)
    paths = []
    for n in range(3):
        path = tmp_path / f"a{n}.txt"
        path.write_text(f"Article number {n}.", encoding="utf-8")
        paths.append(str(path))
    with qtbot.waitSignal(window.imports_finished, timeout=10000) as finished:
        window.import_paths(paths)
    results, failures = finished.args
    assert [r.status for r in results] == ["new"] * 3 and failures == []
    assert window.view.toPlainText() == "Article number 2."
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)  # the opened article's analysis follows


def test_void_qt_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and then aborts."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        widget.setEnabled(True)
    assert sys.getrefcount(None) >= before - 100


def _text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def _right_tabs(window: MainWindow) -> QTabBar | None:
    # Qt keeps a spare tab bar out of sight rather than hiding it: a header is a bar with tabs to choose between
    bars = [b for b in window.findChildren(QTabBar)
            if b.objectName() == "DockTabs" and b.isVisible() and b.count() > 1 and b.y() >= 0]
    return bars[0] if len(bars) == 1 else None


def test_entities_and_notes_share_one_header_of_tabs_with_counts(window: MainWindow, qtbot: QtBot) -> None:
    entities, notes = window.reading.entities_dock, window.annotations.dock
    entities_title, notes_title = _title(entities), _title(notes)
    qtbot.waitUntil(lambda: _right_tabs(window) is not None and entities_title.is_collapsed())
    bar = _right_tabs(window)
    assert bar is not None
    assert [bar.tabText(i).split()[0] for i in range(bar.count())] == ["Entities", "Notes"]
    qtbot.waitUntil(lambda: bar.height() == 36)  # laid out again once styled as the 36 px header
    assert entities_title.height() == 0 and notes_title.height() == 0  # no second title under the tabs
    # The count has one home: the dock's title, which names the tab.
    entities_title.set_count(16)
    notes_title.set_count(6)
    assert [bar.tabText(i) for i in range(bar.count())] == ["Entities  16", "Notes  6"]
    assert entities.toggleViewAction().text() == "Entities"  # View ▸ Panels stays plain
    bar.setCurrentIndex(1)  # the tab brings its dock to the front; the other one is covered, not closed
    qtbot.waitUntil(lambda: _on_screen(notes) and not _on_screen(entities))
    bar.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _on_screen(entities) and not _on_screen(notes))


def _on_screen(dock: QDockWidget) -> bool:
    return not dock.widget().visibleRegion().isEmpty()


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")  # a floating window
def test_a_dock_floated_or_left_alone_gets_its_title_back(window: MainWindow, qtbot: QtBot) -> None:
    entities, notes = window.reading.entities_dock, window.annotations.dock
    qtbot.waitUntil(lambda: _title(entities).is_collapsed())
    notes.hide()  # View ▸ Panels ▸ Notes off: Entities is alone on the right
    qtbot.waitUntil(lambda: not _title(entities).is_collapsed())
    qtbot.waitUntil(lambda: _right_tabs(window) is None)  # no tab bar over a lone dock
    assert _title(entities).height() == 36
    notes.show()
    qtbot.waitUntil(lambda: _title(entities).is_collapsed() and _title(notes).is_collapsed())
    entities.setFloating(True)
    qtbot.waitUntil(lambda: not _title(entities).is_collapsed()
                    and not _title(notes).is_collapsed())


def test_the_tabbed_header_survives_a_saved_layout(
    window: MainWindow, gui: Gui, fake_library: FakeLibrary, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: _title(window.reading.entities_dock).is_collapsed())
    window.annotations.dock.raise_()
    window.save_layout()
    _app, faces, theme = gui
    again = MainWindow(fake_library, faces, theme, ingest=fake_ingest(), pool=ImmediatePool())
    qtbot.addWidget(again)
    again.restore_layout()
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: _right_tabs(again) is not None and _title(again.annotations.dock).is_collapsed())
    bar = _right_tabs(again)
    assert bar is not None and bar.tabText(bar.currentIndex()).startswith("Notes")


def test_a_dropped_folder_imports_its_article_files(gui: Gui, qtbot: QtBot, tmp_path: Path) -> None:
    _app, faces, theme = gui
    library = FakeLibrary()
    window = MainWindow(library, faces, theme, ingest=fake_ingest())
    qtbot.addWidget(window)
    (tmp_path / "press" / "2021").mkdir(parents=True)
    for n, folder in enumerate(("press", "press/2021", "press/2021")):
        (tmp_path / folder / f"note{n}.txt").write_text(f"Folder article {n}.", encoding="utf-8")
    (tmp_path / "press" / "cover.jpg").write_bytes(b"\xff\xd8\xff")
    with qtbot.waitSignal(window.imports_finished, timeout=10000) as finished:
        window.import_paths([str(tmp_path / "press")])
    results, failures = finished.args
    assert len(results) == 3 and failures == []  # the three notes, not the picture
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)


def _title(dock: QDockWidget) -> DockTitle:
    """The dock's own title bar (a :class:`DockTitle`: its count names the tab)."""
    title = dock.titleBarWidget()
    assert isinstance(title, DockTitle)
    return title
