"""A failed, partial or non-English analysis is said in the Entities and Timeline panels, with Retry; the library
list marks the article; the reader can set the publication date, which re-resolves the timeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import models.analysis as analysis_module
from gui.entities.model import Role as EntityRole
from gui.library_model import Role
from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from models.analysis import ANALYZER_VERSION
from models.ingest import ingest_file, ingest_text
from models.store import Library, open_library
from tests.gui.fixture_types import Gui

Reader = tuple[MainWindow, Library]  # the window and its library in memory

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui) -> Iterator[Reader]:
    """A window over an in-memory library (the analysis runs in this process, where a test can break it)."""
    _app, faces, theme = gui
    lib = open_library("sqlite://")
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window, lib
    lib.close()


def _status_in_list(window: MainWindow, article_id: int) -> str:
    model = window.library_panel.model
    return str(model.index(model.row_of(article_id), 0).data(Role.ANALYSIS_STATUS))


def test_a_failed_analysis_is_shown_with_retry_and_marked_in_the_library(
    reader: Reader, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, lib = reader
    article_id = lib.import_article(ingest_file(str(SAMPLE))).id
    window.library_panel.reload()

    def broken(*args: object, **kwargs: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(analysis_module, "analyze", broken)
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    panels = window.reading
    for notice in (panels.entities_notice, panels.timeline_notice):
        assert notice.notice() == "Analysis failed: OverflowError: date value out of range"
        assert notice.retry.isVisibleTo(window) and not notice.panel.isVisibleTo(window)
    stored = lib.load_analysis(article_id, ANALYZER_VERSION)
    assert stored is not None and stored.status == "failed"  # kept: the article and its text are untouched
    assert lib.get_article(article_id).article.text.startswith("Abe")
    assert _status_in_list(window, article_id) == "failed"

    monkeypatch.undo()
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        panels.entities_notice.retry.click()
    assert panels.entities_notice.notice() == "" and panels.timeline_notice.notice() == ""
    assert panels.entities.isVisibleTo(window) and len(panels._analysis.events) >= 16
    assert _status_in_list(window, article_id) == ""


def test_a_non_english_article_lists_only_the_names_read_without_its_grammar(reader: Reader, qtbot: QtBot) -> None:
    window, lib = reader
    text = (
        "Le gouvernement présente sa réforme\n"
        "Le Premier ministre a présenté mardi à Paris une réforme des retraites qui sera débattue au Parlement "
        "le 12 mars 2019. Les syndicats ont annoncé une grève pour la semaine prochaine dans toute la France."
    )
    article_id = lib.import_article(ingest_text(text, source="clip:fr")).id
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    panels = window.reading
    assert "not in English" in panels.entities_notice.notice()
    assert panels.entities.isVisibleTo(window)
    # the English model never read it (no sentence typed PERSON): the two places and the assembly named after its
    # article, faded as a weaker reading
    assert {(e.name, e.type) for e in panels._analysis.entities} == {
        ("Paris", "PLACE"), ("France", "PLACE"), ("Parlement", "ORGANIZATION")}
    model = panels.entities.model
    assert model.entity_index("Paris").data(EntityRole.LOW_CONFIDENCE) is True
    assert "names in another language" in model.entity_index("Paris").data(EntityRole.PROVENANCE)
    assert panels.timeline_notice.notice() == ""


def test_a_portuguese_article_places_its_days_weekdays_and_months_on_the_timeline(reader: Reader, qtbot: QtBot) -> None:
    window, lib = reader
    text = ("Ministro fala sobre a crise\n"
            "O ministro falou ontem sobre a crise. Não foi uma surpresa para os analistas, que também esperavam isso. "
            "Na segunda-feira passada ele esteve em Lisboa e voltará em abril.")
    article_id = lib.import_article(ingest_text(text, source="clip:pt")).id
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.reading.set_published(article_id, "2024-03-08")  # a Friday
    events = {e.timex.text: (e.interval_start, e.label) for e in window.reading._analysis.events}
    assert events == {
        "ontem": ("2024-03-07", "O ministro falou sobre a crise"),
        "segunda-feira passada": ("2024-03-04", "ele esteve em Lisboa e voltará em abril"),
        "abril": ("2024-04-01", "Na segunda-feira passada ele esteve em Lisboa e voltará"),
    }
    view = window.reading.timeline.view
    assert sum(len(g.mentions) for g in view.shown_groups()) == 3  # each drawn on the timeline
    assert window.reading.timeline_notice.notice() == ""


def test_an_article_in_another_script_says_entities_are_for_english_only(reader: Reader, qtbot: QtBot) -> None:
    window, lib = reader
    text = ("Правительство представило реформу\nПремьер-министр во вторник представил в Москве пенсионную реформу, "
            "которую парламент обсудит 12 марта 2019 года.")
    article_id = lib.import_article(ingest_text(text, source="clip:ru")).id
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    panels = window.reading
    assert "English only" in panels.entities_notice.notice()
    assert panels._analysis.entities == ()


def test_the_reader_sets_the_date_and_the_timeline_is_resolved_again(reader: Reader, qtbot: QtBot) -> None:
    window, lib = reader
    text = "Talks resume\nThe ministers met yesterday in Geneva. They will meet again on Friday, officials said."
    article_id = lib.import_article(ingest_text(text, source="clip:undated")).id
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    header = window.view.header
    assert "No date" in header.meta.text() and "Set date" in header.meta.text()
    assert window.reading._analysis.events == ()  # nothing absolute to place without a date

    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.reading.set_published(article_id, "2019-11-19")
    values = {e.timex.text: e.timex.value for e in window.reading._analysis.events}
    assert values == {"yesterday": "2019-11-18", "Friday": "2019-11-22"}
    assert "(set by you)" in header.meta.text()
    stored = lib.get_article(article_id).article.metadata
    assert (stored.published, stored.published_source) == ("2019-11-19", "user")
    # a re-import of the same source keeps the reader's date
    lib.import_article(ingest_text(text + " More.", source="clip:undated"))
    assert lib.get_article(article_id).article.metadata.published == "2019-11-19"


def test_the_header_says_where_the_date_was_read(reader: Reader, qtbot: QtBot) -> None:
    window, lib = reader
    page = (
        "<html><head><meta property='og:url' content='https://news.example/story/2019/11/19/teachers-protest/1/'>"
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Teachers protest\","
        " \"datePublished\": \"0001-01-01T00:00:00Z\"}</script></head><body><article><h1>Teachers protest</h1>"
        + "<p>Several thousand teachers surrounded the Statehouse on Tuesday to call for better pay.</p>" * 3
        + "</article></body></html>"
    )
    from models.ingest import ingest_html

    article_id = lib.import_article(ingest_html(page, source="page.html")).id
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    assert "2019" in window.view.header.meta.text() and "from the date in the address" in window.view.header.meta.text()
    tuesday = [e.timex.value for e in window.reading._analysis.events if e.timex.text == "Tuesday"]
    assert tuesday == ["2019-11-19"]


def test_a_worker_that_died_shows_the_complete_analysis_another_reader_stored_meanwhile(tmp_path: Path) -> None:
    """The analysis process died on an article that another reader of the shared library analysed meanwhile: the
    reader shows that complete analysis, and the library keeps it (no failure is stored over it)."""
    from gui.analysis_jobs import _failed

    lib = open_library(str(tmp_path / "lib.sqlite"))
    try:
        pasted = ingest_text("Mayor Lena Berg of Oslo spoke on 3 March 2021.", source="pasted")
        article_id = lib.import_article(pasted).id
        stored = lib.get_article(article_id).article
        complete = analysis_module.analyze_safely(stored.text, None)
        assert complete.status == "complete"
        lib.save_analysis(article_id, complete)
        shown = _failed(lib, article_id, "the analysis process stopped unexpectedly")
        assert shown.status == "complete" and shown.entities == complete.entities
        kept = lib.load_analysis(article_id, ANALYZER_VERSION)
        assert kept is not None and kept.status == "complete"
        lib.forget_analysis(article_id)  # nothing complete stored: the failure is shown and kept, with its reason
        shown = _failed(lib, article_id, "the analysis process stopped unexpectedly")
        assert shown.failed and shown.reason == "the analysis process stopped unexpectedly"
    finally:
        lib.close()
