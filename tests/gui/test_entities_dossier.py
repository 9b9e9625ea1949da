"""The dossier view: an entity across the library, with mentions in context, highlights and links to the text."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl

from gui.entities.dossier import DossierView
from models.store.entities import Dossier, DossierArticle, DossierHighlight, DossierMention

pytestmark = pytest.mark.gui

SENTENCE = "Foreign Minister Taro Kono met his counterpart Sergey Lavrov in Moscow."


def make_dossier() -> Dossier:
    at = SENTENCE.index("Lavrov")
    mention = DossierMention(100 + at, 100 + at + 6, "Lavrov", SENTENCE, 100, False)
    clipped = DossierMention(40, 46, "Lavrov", "Lavrov said the <talks> would", 40, True, False, True)
    return Dossier(
        "Sergey Lavrov",
        "PERSON",
        (
            DossierArticle(7, "Kono, Lavrov talks end <sharply>", "Yomiuri", "2019-01-15", (clipped,), ()),
            DossierArticle(3, "Abe fails to find breakthrough", "Mainichi", "2019-01-23", (mention,),
                           (DossierHighlight("h1", 100 + at - 10, 100 + at + 6, "counterpart Sergey Lavrov",
                                             "Check the wires", "purple"),)),
        ),
        ("Lavrov", "Sergey Lavrov"),
    )


def test_dossier_shows_every_article_its_mentions_in_context_and_the_highlights(qtbot: Any) -> None:
    view = DossierView(make_dossier())
    qtbot.addWidget(view)
    assert view.title.text() == "Sergey Lavrov"
    assert view.summary.text() == "Person · 2 mentions · in 2 articles · written as “Lavrov”"
    shown = view.body.toPlainText()
    assert "Kono, Lavrov talks end <sharply>" in shown  # titles are text, never markup
    assert SENTENCE in shown
    assert "Lavrov said the <talks> would…" in shown  # a clipped sentence says so
    assert "“counterpart Sergey Lavrov”" in shown and "Check the wires" in shown
    assert shown.index("Kono, Lavrov talks") < shown.index("Abe fails")  # in the order given (newest first)


def test_clicking_a_mention_asks_to_open_the_article_there(qtbot: Any) -> None:
    view = DossierView(make_dossier())
    qtbot.addWidget(view)
    at = 100 + SENTENCE.index("Lavrov")
    assert f"open:3:{at}:{at + 6}" in view.body.toHtml()
    with qtbot.waitSignal(view.open_requested) as opened:
        view.body.anchorClicked.emit(QUrl(f"open:3:{at}:{at + 6}"))
    assert opened.args == [3, at, at + 6]


def test_an_entity_no_article_mentions_says_so(qtbot: Any) -> None:
    view = DossierView(Dossier("Nobody", "PERSON", (), ()))
    qtbot.addWidget(view)
    assert "No analysed article mentions this entity yet." in view.body.toPlainText()
    assert view.summary.text() == "Person · 0 mentions · in 0 articles"


def test_a_surname_asked_across_the_library_opens_the_full_name_s_dossier(qtbot: Any, lib: Any) -> None:
    """ "Trump" selected in an article that never writes the full name: the dossier is Donald Trump's, and says
    it is also written "Trump"."""
    from models.store.entities import EntityStore
    from tests.fixtures.people_library import people_library

    people_library(lib)
    view = DossierView(EntityStore(lib).dossier("Trump", "PERSON"))
    qtbot.addWidget(view)
    assert view.title.text() == "Donald Trump"
    assert view.summary.text() == "Person · 6 mentions · in 5 articles · written as “Trump”"
    assert "Trump tweeted on 2019-05-02." in view.body.toPlainText()
