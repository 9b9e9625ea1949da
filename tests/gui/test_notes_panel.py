"""The Notes dock as a user meets it: filters, sorting, the passage shown from an entry, orphans re-attached,
the library-wide list, the article note and the colour legend."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui.annotations.notes_model import NotesModel, Role
from models.article import Article, Metadata, build_text
from models.store import open_library
from tests.gui.fakes import sample_article
from tests.gui.fixture_types import Gui
from tests.gui.test_highlights import Reader, make_window, reader, shown_text  # noqa: F401 — the shared fixture

__all__ = ["reader"]


def _annotation_changed(changes: Any) -> bool:
    """The window's broadcast says a highlight was added or edited."""
    return bool(changes.annotations)


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def annotate(window: Any, article_id: int) -> dict[str, Any]:
    """Four highlights through the controller, as the bar would make them."""
    ctl = window.annotations.controller
    text = shown_text(window)
    made = {
        "abe": ctl.highlight(article_id, *span(text, "Shinzo Abe"), "yellow", tags=("people",)),
        "putin": ctl.highlight(article_id, *span(text, "Vladimir Putin"), "red", "Check the **quote**"),
        "trust": ctl.highlight(article_id, *span(text, "relationship of trust"), "red", tags=("Quotes", "people")),
        "lavrov": ctl.highlight(article_id, *span(text, "Sergey Lavrov"), "blue", "Foreign minister since 2004"),
    }
    return made


def test_notes_model_passes_the_model_checks(reader: Reader, qtmodeltester: ModelTester) -> None:
    window, lib, article_id, _ = reader
    made = annotate(window, article_id)
    model = NotesModel()
    qtmodeltester.check(model)
    model.set_annotations(lib.annotations.list(article_id))
    qtmodeltester.check(model)
    model.set_filter(colors={"red"})
    model.upsert(replace(made["abe"], color="red"))
    model.remove(made["putin"].id)
    model.set_order("created")
    qtmodeltester.check(model)
    assert model.ids() == [made["abe"].id, made["trust"].id]
    assert model.index(0).data(Role.COLOR) == "red" and model.index(0).data(Role.QUOTE) == "Shinzo Abe"


def test_filters_by_colour_tag_and_text(reader: Reader, qtbot: QtBot) -> None:
    window, _lib, article_id, _ = reader
    made = annotate(window, article_id)
    panel = window.annotations.panel
    ids = {v.id: k for k, v in made.items()}

    def listed() -> list[str]:
        return [ids[i] for i in panel.model.ids()]

    assert listed() == ["abe", "putin", "trust", "lavrov"]  # reading order
    panel.color_filters["red"].click()
    assert listed() == ["putin", "trust"]
    panel.set_tag_filter("people")
    assert listed() == ["trust"]
    panel.set_color_filter(set())
    assert listed() == ["abe", "trust"]
    panel.set_tag_filter(None)
    panel.filter.setText("foreign MINISTER")  # notes are searched too, ignoring case
    qtbot.waitUntil(lambda: listed() == ["lavrov"])
    panel.filter.setText("no such words")
    qtbot.waitUntil(lambda: listed() == [])
    assert panel.empty.isVisible() and "filters" in panel.empty.text()
    panel.filter.clear()
    qtbot.waitUntil(lambda: len(listed()) == 4)
    panel.sort.setCurrentIndex(panel.sort.findData("color"))
    assert listed() == ["abe", "putin", "trust", "lavrov"]  # legend order: yellow, red, blue
    window.annotations.controller.set_color(made["abe"].id, "purple")
    assert listed() == ["putin", "trust", "lavrov", "abe"]


def test_legend_click_filters_the_notes_by_that_colour(reader: Reader, qtbot: QtBot) -> None:
    window, _lib, article_id, _ = reader
    made = annotate(window, article_id)
    legend = window.annotations.legend_widget
    assert legend.rows["red"].count.text() == "2" and legend.rows["green"].count.text() == "0"
    qtbot.mouseClick(legend.rows["blue"], Qt.MouseButton.LeftButton)
    assert window.annotations.panel.model.ids() == [made["lavrov"].id]


def test_choosing_an_entry_scrolls_to_the_passage_and_flashes_it(reader: Reader, qtbot: QtBot) -> None:
    window, _lib, article_id, _ = reader
    text = shown_text(window)
    far = window.annotations.controller.highlight(article_id, *span(text, "nuclear energy pact in 2009"), "green")
    window.view.verticalScrollBar().setValue(0)
    panel = window.annotations.panel
    row = panel.model.row_of(far.id)
    rect = panel.list.visualRect(panel.model.index(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.verticalScrollBar().value() > 0
    cursor_rect = window.view.cursorRect(window.view.cursor_for_range(far.start, far.start))
    assert 0 <= cursor_rect.top() <= window.view.viewport().height()
    marks = window.annotations.marks
    assert marks._flash_range == (far.start, far.end)
    qtbot.waitUntil(lambda: marks._flash_range is None, timeout=3000)  # the flash fades out


def test_orphan_is_listed_and_reattached_to_the_selection(qtbot: QtBot, gui: Gui, tmp_path: Path) -> None:
    lib = open_library(str(tmp_path / "library.sqlite"))
    article = sample_article()
    article_id = lib.import_article(article).id
    text = article.text
    gone = lib.annotations.add(article_id, *span(text, "joint press conference"), color="purple", note="Which one?")
    kept = lib.annotations.add(article_id, *span(text, "Sergey Lavrov"), color="blue")
    changed_text = text.replace("joint press conference", "news briefing")
    shift = len("news briefing") - len("joint press conference")
    cut = text.index("joint press conference")
    blocks = tuple(
        replace(b, start=b.start + (shift if b.start > cut else 0), end=b.end + (shift if b.end > cut else 0))
        for b in article.blocks
    )
    assert lib.import_article(replace(article, text=changed_text, blocks=blocks)).orphaned == 1
    window = make_window(qtbot, gui, lib, article_id)
    try:
        panel = window.annotations.panel
        assert panel.orphans.isVisible() and panel.orphan_model.ids() == [gone.id]
        assert panel.model.ids() == [kept.id]
        assert gone.id not in {m.id for m in window.annotations.marks.marks()}  # never painted on other words
        assert not panel.reattach_button.isEnabled()
        panel.orphan_list.setCurrentIndex(panel.orphan_model.index(0))
        new_start, new_end = span(changed_text, "news briefing")
        window.view.select_range(new_start, new_end)
        assert panel.reattach_button.isEnabled()
        with qtbot.waitSignal(window.changed, check_params_cb=_annotation_changed):
            panel.reattach_button.click()
        now = lib.annotations.get(gone.id)
        assert (now.status, now.start, now.end, now.exact, now.note) == (
            "anchored", new_start, new_end, "news briefing", "Which one?")
        assert panel.orphan_model.rowCount() == 0 and not panel.orphans.isVisible()
        assert gone.id in panel.model.ids() and window.annotations.marks.mark(gone.id) is not None
        window.undo_action.trigger()
        assert lib.annotations.get(gone.id).status == "orphan"
        assert panel.orphan_model.ids() == [gone.id] and window.annotations.marks.mark(gone.id) is None
    finally:
        window.close()
        lib.close()


class HighlightsReadOnly:
    """Runs the library-wide read of highlights where it is started; leaves the rest (the analysis) unrun."""

    def __init__(self) -> None:
        self.reads = 0

    def start(self, runnable: Any) -> None:
        if runnable.task.title == "Reading highlights":
            self.reads += 1
            runnable.run()


def test_all_highlights_lists_the_library_and_opens_an_article_at_the_passage(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    annotate(window, article_id)
    text, blocks = build_text([("title", "Kono, Lavrov talks end"), ("paragraph", "Kono and Lavrov met in Moscow.")])
    meta = Metadata(title="Kono, Lavrov talks end")
    other_id = lib.import_article(Article("other.txt", "text", text, blocks, meta)).id
    other = lib.annotations.add(other_id, *span(text, "met in Moscow"), color="green", note="Where exactly?")
    window.runner.pool = HighlightsReadOnly()  # the library's highlights are read on a worker, run here at once
    window.annotations.all_highlights_action.trigger()
    panel = window.annotations.panel
    assert panel.library_wide() and panel.model.rowCount() == 5
    row = panel.model.row_of(other.id)
    assert panel.model.index(row).data(Role.ARTICLE_TITLE) == "Kono, Lavrov talks end"
    panel.color_filters["green"].click()
    assert panel.model.ids() == [other.id]
    rect = panel.list.visualRect(panel.model.index(0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click is
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    assert window.current_article_id() == other_id
    assert window.annotations.marks.mark(other.id) is not None
    assert panel.library_wide()  # the list stays library-wide
    panel.set_library_wide(False)
    assert panel.model.ids() == [other.id]


def test_article_note_is_saved_and_undoable(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = reader
    panel = window.annotations.panel
    panel.article_note.setFocus()
    qtbot.keyClicks(panel.article_note, "Compare with TASS")
    window.view.setFocus()  # leaving the field saves at once
    qtbot.waitUntil(lambda: lib.get_article(article_id).note == "Compare with TASS")
    window.undo_action.trigger()
    assert lib.get_article(article_id).note == "" and panel.article_note.toPlainText() == ""


def test_legend_rename_and_recolour_are_stored_and_undoable(
    reader: Reader, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, lib, article_id, _ = reader
    annotate(window, article_id)
    row = window.annotations.legend_widget.rows["yellow"]
    row.start_rename()
    row.editor.setText("Central claim")
    with qtbot.waitSignal(window.changed, check_params_cb=lambda changes: changes.legend):
        qtbot.keyClick(row.editor, Qt.Key.Key_Return)
    assert lib.annotations.colors()[0].meaning == "Central claim"
    assert window.annotations.legend_widget.rows["yellow"].name.text() == "Central claim"
    assert window.annotations.color_actions[0].text() == "Highlight: Central claim"
    assert window.annotations.bar.swatches["yellow"].toolTip().startswith("Central claim")

    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#FF8800"))
    with qtbot.waitSignal(window.changed, check_params_cb=lambda changes: changes.legend):
        window.annotations.legend_widget.rows["yellow"].choose_color()
    color = lib.annotations.colors()[0]
    assert color.swatch == "#FF8800" and color.background != "#FBEDB2"
    assert window.annotations.marks.legend().swatch("yellow").name().upper() == "#FF8800"
    window.undo_action.trigger()
    window.undo_action.trigger()
    restored = lib.annotations.colors()[0]
    assert (restored.meaning, restored.swatch, restored.background) == ("Key point", "#EDBB2F", "#FBEDB2")


@pytest.mark.parametrize("dark", [False, True])
def test_marks_use_the_legend_background_light_and_a_translucent_swatch_dark(reader: Reader, dark: bool) -> None:
    window, _lib, _article_id, _ = reader
    legend = window.annotations.controller.legend
    fill = legend.background("green", dark)
    if dark:
        assert fill.alphaF() == pytest.approx(0.26, abs=0.01) and fill.name().upper() == "#3DA56B"
    else:
        assert fill.alphaF() == 1.0 and fill.name().upper() == "#D4EFDD"
