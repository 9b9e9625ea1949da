"""An article with a few hundred noted highlights: the Notes tab lists every one with its note, and a note with no
Markdown in it reads the same whether or not it went through the Markdown renderer."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from gui import settings
from gui.annotations.note_cards import is_plain, note_markup, note_plain_text
from gui.annotations.notes_model import Role
from models.export.note_markup import note_html
from models.store import open_library
from tests.gui.fakes import sample_article
from tests.gui.fixture_types import Gui
from tests.gui.test_highlights import Reader, make_window

NOTES = 300
MARKED_UP = ("**Check** this", "- a list\n- of two", "see [the wire](https://example.com)", "`code` and _more_")


@pytest.fixture
def many(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[Reader]:
    settings.NOTES_MIN_WIDTH.write(322)  # the panel waits for its tab, as on every start after the first
    path = tmp_path / "library.sqlite"
    lib = open_library(str(path))
    article_id = lib.import_article(sample_article()).id
    text = lib.get_article(article_id).article.text
    rng = random.Random(3)
    for i in range(NOTES):
        start = rng.randrange(0, len(text) - 30)
        note = MARKED_UP[i % len(MARKED_UP)] if i % 10 == 0 else f"Note {i}: compare with the wire copy #check"
        lib.annotations.add(article_id, start, start + rng.randint(4, 30), color="yellow", note=note)
    window = make_window(qtbot, gui, lib, article_id)
    yield window, lib, article_id, path
    window.close()
    lib.close()


def test_the_notes_tab_lists_every_note_of_an_article_with_hundreds(many: Reader, qtbot: QtBot) -> None:
    window, lib, article_id, _ = many
    feature = window.annotations
    assert not feature.panel_built()
    feature.dock.raise_()  # the user clicks the Notes tab: the panel is built in this pass, filled in the next
    assert feature.panel_built() and feature.dock.widget().model.rowCount() == 0  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: feature.dock.widget().model.rowCount() == NOTES)  # type: ignore[attr-defined]
    panel = feature.panel
    qtbot.waitUntil(panel.list.isVisible)
    stored = {a.id: a.note for a in lib.annotations.list(article_id)}
    assert len(stored) == NOTES and set(panel.model.ids()) == set(stored)
    last = panel.model.index(panel.model.rowCount() - 1)

    def reached() -> bool:  # the rows are measured in small batches; the last one is reached all the same
        panel.list.scrollTo(last)
        rect = panel.list.visualRect(last)
        return rect.isValid() and panel.list.viewport().rect().intersects(rect)

    qtbot.waitUntil(reached)
    assert panel.list.visualRect(last).height() > panel.list.visualRect(last).width() // 10  # a card, not a line
    delegate = panel.list.itemDelegate()
    for row in (0, panel.model.rowCount() // 2, panel.model.rowCount() - 1):
        index = panel.model.index(row)
        doc = delegate._note_doc(index, 240.0)  # type: ignore[attr-defined]
        reference = QTextDocument()
        reference.setHtml(note_html(str(index.data(Role.NOTE))))
        assert doc is not None and doc.toPlainText().split() == reference.toPlainText().split()


@pytest.mark.parametrize("note", [
    "Compare with the wire copy #check", "Two paragraphs.\n\nThe second one, \"quoted\".", "A line\nand the next",
    "It's 3:45 pm, 20% off — fine", *MARKED_UP, "# Heading", "> quoted", "1. first", "hard  \nbreak", "    code",
])
def test_a_plain_note_reads_as_the_renderer_would_render_it(note: str, gui: Gui) -> None:
    rendered = QTextDocument()
    rendered.setHtml(note_html(note))
    fast = QTextDocument()
    fast.setHtml(note_markup(note))
    assert fast.toPlainText().rstrip() == rendered.toPlainText().rstrip()  # the renderer ends with a newline
    assert note_plain_text(note) == " ".join(rendered.toPlainText().split())
    assert is_plain(note) == (note in {"Compare with the wire copy #check", "A line\nand the next",
                                       "Two paragraphs.\n\nThe second one, \"quoted\".",
                                       "It's 3:45 pm, 20% off — fine"})


def test_note_cards_are_laid_out_for_what_the_view_can_show(many: Reader, qtbot: QtBot) -> None:
    window, _lib, _article_id, _ = many
    view, marks = window.view, window.annotations.marks
    view.viewport().repaint()
    cards = marks.cards.cards()
    assert cards  # the first notes of the text have their cards beside it
    bottom = view.verticalScrollBar().value() + view.viewport().height()
    assert all(card.rect.top() <= bottom for card in cards)  # none of the hundreds pushed out of sight
    assert len(cards) < NOTES // 2
    full = [c for c in cards if not c.compact]
    assert all(c.lines and " ".join(c.lines).split()[0] == c.text.split()[0] for c in full)
