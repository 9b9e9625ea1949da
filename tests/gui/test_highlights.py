"""Highlighting in the reader as a user does it: the floating bar, shortcuts, the context menu and the toolbar;
clicking a highlight, changing it, deleting it, undo and redo, and everything still there after a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from models.article import Article, Metadata, build_text
from models.store import Annotation, Library, open_library
from tests.gui.fakes import HeldPool, sample_article
from tests.gui.fixture_types import Gui

Reader = tuple[MainWindow, Library, int, Path]  # the window, its library, the sample's id, the library file


class IdlePool:
    """Leaves the entity analysis unrun: these tests are about annotations, not spaCy."""

    def start(self, runnable: Any) -> None:
        pass


def _annotation_changed(changes: Any) -> bool:
    """The window's broadcast says a highlight was added or edited."""
    return bool(changes.annotations)


def make_window(qtbot: Any, gui: Any, lib: Any, article_id: int) -> MainWindow:
    _app, faces, theme = gui
    window = MainWindow(lib, faces, theme, pool=IdlePool(), screen_pool=ImmediatePool())
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts go to the active window
    window.view.setFocus()
    return window


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[Reader]:
    """A window on a real SQLite library holding the sample: (window, library, article id, library path)."""
    path = tmp_path / "library.sqlite"
    lib = open_library(str(path))
    article_id = lib.import_article(sample_article()).id
    window = make_window(qtbot, gui, lib, article_id)
    yield window, lib, article_id, path
    window.close()
    lib.close()


def select(window: MainWindow, quote: str, occurrence: int = 0) -> tuple[int, int]:
    text = shown_text(window)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    window.view.select_range(start, start + len(quote))
    return start, start + len(quote)


def stored(lib: Library, article_id: int) -> list[Annotation]:
    return lib.annotations.list(article_id)


def shown_text(window: MainWindow) -> str:
    """The text of the article the window shows."""
    article = window.view.article()
    assert article is not None, "no article is open"
    return article.text


def mark_center(window: MainWindow, annotation_id: str) -> QPoint:
    mark = window.annotations.marks.mark(annotation_id)
    assert mark is not None
    window.view.scroll_to(mark.start)
    QApplication.processEvents()
    window.view.viewport().repaint()
    rects = window.annotations.marks.viewport_rects(annotation_id)
    assert rects, "the highlight is painted"
    return rects[0].center().toPoint()


def test_the_bar_appears_over_a_selection_and_a_swatch_highlights_it(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    feature = window.annotations
    start, end = select(window, "Eight days later, Abe tried to find a breakthrough")
    qtbot.waitUntil(feature.bar.isVisible)
    first_line = window.view.cursorRect(window.view.cursor_for_range(start, start))
    assert feature.bar.geometry().bottom() <= first_line.top()  # floats just above the selected words
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        feature.bar.swatches["red"].click()
    [a] = stored(lib, article_id)
    assert (a.start, a.end, a.color, a.status) == (start, end, "red", "anchored")
    assert a.exact == shown_text(window)[start:end] == "Eight days later, Abe tried to find a breakthrough"
    assert a.author == "Test Reader"
    assert [(m.start, m.end, m.color) for m in feature.marks.marks()] == [(start, end, "red")]
    assert not feature.bar.isVisible() and window.view.selection_range() is None  # the mark shows at once
    assert feature.panel.model.ids() == [a.id]
    assert feature.legend_widget.rows["red"].count.text() == "1"


def test_a_selection_spanning_paragraphs_is_highlighted_without_the_break_at_its_ends(
    reader: Reader, qtbot: QtBot
) -> None:
    window, lib, article_id, _ = reader
    text = shown_text(window)
    first_break = text.index("\n", text.index("MOSCOW"))
    window.view.select_range(first_break - 12, first_break + 20)
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        window.annotations.bar.swatches["yellow"].click()
    [a] = stored(lib, article_id)
    assert "\n" in a.exact and a.exact == text[a.start:a.end]
    # The drag began in "iss|ues" and ended in "join|t": both words are taken whole.
    assert (a.start, a.end) == (first_break - 15, first_break + 21)
    assert a.exact == "issues at home.\nAt the Jan. 22 joint"
    assert len(window.annotations.marks.viewport_rects(a.id)) >= 2  # one shape per line, across the break


def test_shortcuts_highlight_in_each_colour_without_clashing(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    keys = [s.toString() for a in window.findChildren(type(window.undo_action)) for s in a.shortcuts()]
    for n in range(1, 7):
        assert keys.count(f"Ctrl+{n}") == 1
    assert keys.count("Ctrl+Alt+M") == 1
    start, end = select(window, "Russian President Vladimir Putin")
    window.view.setFocus()
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    [a] = stored(lib, article_id)
    assert (a.start, a.end, a.color) == (start, end, "green")


def test_highlight_with_note_shortcut_opens_the_note_editor(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    select(window, "the Northern Territories issue")
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        qtbot.keyClick(window.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    [a] = stored(lib, article_id)
    editor = window.annotations.panel.editor
    assert editor.isVisible() and editor.annotation_id() == a.id
    qtbot.waitUntil(lambda: editor.note.hasFocus())
    qtbot.keyClicks(editor.note, "Check the **1956** declaration")
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed, timeout=3000):
        pass  # committed after a pause in typing
    assert lib.annotations.get(a.id).note == "Check the **1956** declaration"


def test_context_menu_offers_the_colours_on_a_selection(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    start, end = select(window, "joint press conference")
    point = window.view.cursorRect(window.view.cursor_for_range(start + 2, start + 2)).center()
    menu = window.view.context_menu(point)
    labels = [a.text() for a in menu.actions()]
    assert "Highlight: Question" in labels and any("Note" in label for label in labels)
    assert any("Copy" in label for label in labels)  # the standard entries stay
    action = next(a for a in menu.actions() if a.text() == "Highlight: Question")
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        action.trigger()
    [a] = stored(lib, article_id)
    assert (a.start, a.end, a.color) == (start, end, "blue")


def test_toolbar_swatches_act_on_the_selection(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    start, end = select(window, "Sergey Lavrov")
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        window.annotations.swatches.buttons["purple"].click()
    [a] = stored(lib, article_id)
    assert (a.start, a.end, a.color) == (start, end, "purple")


# The completion pop-up asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_tags_from_the_bar_with_completion(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    lib.annotations.add(article_id, 0, 3, tags=["diplomacy"])
    window.annotations.load_article(article_id)
    window.annotations._refresh_known_tags()
    select(window, "peace treaty")
    bar = window.annotations.bar
    qtbot.waitUntil(bar.isVisible)
    bar.tag_button.click()
    assert bar.tag_entry_active() and "diplomacy" in bar.completer.tags()
    qtbot.keyClicks(bar.tag_field, "treaty, #Kuril islands")
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        qtbot.keyClick(bar.tag_field, Qt.Key.Key_Return)
    created = [a for a in stored(lib, article_id) if a.exact == "peace treaty"]
    assert len(created) == 1 and created[0].tags == ("Kuril islands", "treaty")
    assert "Kuril islands" in window.annotations.panel.editor.completer.tags()


def test_clicking_a_highlight_selects_it_in_text_and_panel_and_the_bar_changes_it(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    text = shown_text(window)
    start = text.index("Shinzo Abe")
    first = window.annotations.controller.highlight(article_id, start, start + 10, "yellow")
    second = window.annotations.controller.highlight(article_id, text.index("Vladimir Putin"),
                                                     text.index("Vladimir Putin") + 14, "blue")
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=mark_center(window, second.id))
    assert window.view.selection_range() == (second.start, second.end)
    assert window.annotations.panel.current_id() == second.id
    assert window.annotations.panel.editor.annotation_id() == second.id
    bar = window.annotations.bar
    qtbot.waitUntil(bar.isVisible)
    assert bar.delete_button.isVisible()  # acting on the highlight, not on a new selection
    with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
        bar.swatches["green"].click()
    assert lib.annotations.get(second.id).color == "green"
    assert lib.annotations.get(first.id).color == "yellow"
    assert len(stored(lib, article_id)) == 2  # no new highlight was made


def test_delete_undo_redo_bring_back_the_same_highlight(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    ctl = window.annotations.controller
    start, end = select(window, "much-expected results")
    created = window.annotations.highlight_selection("red", note="A *note*", tags=["results"])
    ctl.set_color(created.id, "blue")
    assert lib.annotations.get(created.id).color == "blue"
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=mark_center(window, created.id))
    with qtbot.waitSignal(window.changed, check_params_cb=lambda changes: bool(changes.removed)):
        window.annotations.bar.delete_button.click()
    assert stored(lib, article_id) == [] and window.annotations.marks.marks() == []
    assert window.annotations.panel.model.rowCount() == 0

    window.undo_action.trigger()  # the delete
    [back] = stored(lib, article_id)
    assert (back.id, back.start, back.end, back.note, back.tags, back.color) == (
        created.id, start, end, "A *note*", ("results",), "blue")
    assert window.annotations.panel.model.ids() == [created.id]
    window.undo_action.trigger()  # the colour change
    assert lib.annotations.get(created.id).color == "red"
    window.undo_action.trigger()  # the highlight itself
    assert stored(lib, article_id) == []
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert lib.annotations.get(created.id).color == "blue"
    window.redo_action.trigger()
    assert stored(lib, article_id) == []
    assert not window.undo_stack.canRedo()


def test_note_edits_merge_into_one_undo_step(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    ctl = window.annotations.controller
    select(window, "Sergey Lavrov")
    created = window.annotations.highlight_selection("yellow")
    steps = window.undo_stack.count()
    ctl.set_note(created.id, "First")
    ctl.set_note(created.id, "First thoughts")
    assert window.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert lib.annotations.get(created.id).note == ""
    assert window.annotations.panel.editor.note.toPlainText() == ""


def test_everything_is_there_after_a_restart_on_the_same_words(reader: Reader, qtbot: QtBot, gui: Gui) -> None:
    window, lib, article_id, path = reader
    feature = window.annotations
    select(window, "Eight days later")
    one = feature.highlight_selection("yellow", tags=["timeline"])
    select(window, "relationship of trust")
    two = feature.highlight_selection("purple")
    feature.controller.set_note(two.id, "Quoted from **whom**?")
    feature.controller.set_article_note(article_id, "Compare with the Asahi report.")
    before = [(a.id, a.start, a.end, a.exact, a.color, a.note, a.tags) for a in stored(lib, article_id)]
    window.close()
    lib.close()

    again_lib = open_library(str(path))
    try:
        again = make_window(qtbot, gui, again_lib, article_id)
        after = [(a.id, a.start, a.end, a.exact, a.color, a.note, a.tags) for a in stored(again_lib, article_id)]
        assert after == before
        marks = {m.id: (m.start, m.end, m.color) for m in again.annotations.marks.marks()}
        assert marks == {one.id: (one.start, one.end, "yellow"), two.id: (two.start, two.end, "purple")}
        for _id, start, end, exact, *_rest in after:
            assert again.view.cursor_for_range(start, end).selectedText() == exact  # the same words on screen
        assert set(again.annotations.panel.model.ids()) == {one.id, two.id}
        assert again.annotations.panel.article_note.toPlainText() == "Compare with the Asahi report."
        again.close()
    finally:
        again_lib.close()


def test_a_highlight_over_emoji_lands_on_the_same_code_points(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    text, blocks = build_text([
        ("title", "Summit 🇯🇵🤝🇷🇺 notes"),
        ("paragraph", "Delegates ate at 𠮷野家 🍜 before the talks; Lavrov 😐 said little."),
    ])
    lib = open_library(str(tmp_path / "emoji.sqlite"))
    article_id = lib.import_article(Article("emoji.txt", "text", text, blocks, Metadata(title="Summit"))).id
    window = make_window(qtbot, gui, lib, article_id)
    try:
        quote = "𠮷野家 🍜 before"
        start = text.index(quote)
        window.view.select_range(start, start + len(quote))
        assert window.view.selection_range() == (start, start + len(quote))
        with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
            qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        [a] = stored(lib, article_id)
        assert (a.start, a.end, a.exact) == (start, start + len(quote), quote)
        assert window.view.cursor_for_range(a.start, a.end).selectedText() == quote
        flag = text.index("🤝")
        window.view.select_range(flag, flag + 3)  # 🤝🇷🇺: three code points, five UTF-16 units
        window.annotations.apply_color("red")
        title_mark = [x for x in stored(lib, article_id) if x.color == "red"]
        assert [(x.start, x.end, x.exact) for x in title_mark] == [(flag, flag + 3, "🤝🇷🇺")]
        rects = window.annotations.marks.viewport_rects(title_mark[0].id)
        assert len(rects) == 1 and rects[0].width() > 20
    finally:
        window.close()
        lib.close()


def test_highlights_are_read_off_the_gui_thread_and_a_late_answer_never_shows_on_another_article(
    qtbot: QtBot, gui: Gui, tmp_path: Path
) -> None:
    lib = open_library(str(tmp_path / "library.sqlite"))
    first = lib.import_article(sample_article()).id
    other = lib.import_article(Article("other.txt", "text", *build_text([("paragraph", "Another story entirely.")]),
                                       Metadata(title="Other"))).id
    mark = lib.annotations.add(first, 0, 6, color="red", note="the first article's")
    reads = HeldPool()
    _app, faces, theme = gui
    window = MainWindow(lib, faces, theme, pool=IdlePool(), screen_pool=reads)
    qtbot.addWidget(window)
    try:
        window.open_article(first)
        assert window.annotations.marks.marks() == [] and window.annotations.pending and window.busy()
        reads.run_all()
        assert [m.id for m in window.annotations.marks.marks()] == [mark.id]
        assert not window.annotations.pending

        window.open_article(other)
        window.open_article(first)
        window.open_article(other)  # three reads under way, only the last one's answer counts
        reads.run_all(order=[2, 0, 1])  # the answer for the article left last comes in last
        assert window.annotations.marks.marks() == []
        window.open_article(first)
        # an edit made while the read is under way: the read made before it must not wipe its mark
        window.view.select_range(10, 20)
        added = window.annotations.highlight_selection("yellow")
        reads.run_all()
        assert {m.id for m in window.annotations.marks.marks()} == {mark.id, added.id}
    finally:
        window.close()
        lib.close()
