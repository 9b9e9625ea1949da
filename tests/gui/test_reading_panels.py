"""The Entities and Timeline docks beside a real article, on a real library, with the real analysis; and the
library's legend as every panel paints it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from gui.annotations.colors import light_background_for
from gui.library_model import Role as LibraryRole
from gui.main_window import MainWindow
from gui.preferences import PreferencesDialog
from gui.runner import ImmediatePool
from models.export import render
from models.export.selection import Selection, collect
from models.ingest import ingest_file
from models.store import Library, open_library
from tests.gui.fixture_types import Gui

Reader = tuple[MainWindow, Library, int]  # the window, its library and the sample's id

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


@pytest.fixture
def reader(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[Reader]:
    _app, faces, theme = gui
    lib = open_library(str(tmp_path / "lib.sqlite"))
    article_id = lib.import_article(ingest_file(str(SAMPLE))).id
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    yield window, lib, article_id
    lib.close()


def test_opening_an_article_fills_entities_and_timeline(reader: Reader) -> None:
    window, lib, article_id = reader
    from models.analysis import ANALYZER_VERSION

    analysis = lib.load_analysis(article_id, ANALYZER_VERSION)  # stored: opening it again reads the cache
    assert analysis is not None and len(analysis.events) >= 16  # the sample's gold timeline
    view = window.reading.timeline.view
    assert sum(len(g.mentions) for g in view.shown_groups()) == len(analysis.events)  # every dated event is drawn
    panel = window.reading.entities
    assert panel.select_entity("Shinzo Abe")
    with_abe = [e for e in analysis.events if "Shinzo Abe" in e.entities]
    assert 0 < sum(len(g.mentions) for g in view.shown_groups()) == len(with_abe) < len(analysis.events)


def test_selecting_an_entity_underlines_every_mention_and_filters_the_timeline(reader: Reader, qtbot: QtBot) -> None:
    window, _lib, _id = reader
    text = window.view.toPlainText()
    panel = window.reading.entities
    with qtbot.waitSignal(panel.entity_selected) as selected:
        panel.select_entity("Sergey Lavrov")
    name, _type, spans = selected.args
    assert name == "Sergey Lavrov"
    marked = window.view.layer_ranges("entity-mentions")
    assert sorted(marked) == sorted((s, e) for s, e in spans)
    assert {text[s:e] for s, e in marked} == {"Sergey Lavrov", "Lavrov"}
    assert window.reading.timeline.view.entity_filter() == "Sergey Lavrov"


def test_a_timeline_event_scrolls_to_its_sentence_and_flashes_it(reader: Reader, qtbot: QtBot) -> None:
    window, _lib, article_id = reader
    text = window.view.toPlainText()
    start = [m.start() for m in re.finditer("On Jan. 20", text)][0]
    end = text.index("participants.", start) + len("participants.")
    window.view.verticalScrollBar().setValue(0)
    window.reading.timeline.event_activated.emit(article_id, start, end, start + 3, start + 10)
    assert window.view.verticalScrollBar().value() > 0  # the sentence is far down the article
    assert window.view.layer_ranges("flash") == ((start, end),)
    qtbot.waitUntil(lambda: window.view.layer_ranges("flash") == (), timeout=5000)


def test_a_correction_is_applied_undone_and_kept(reader: Reader, qtbot: QtBot) -> None:
    window, lib, article_id = reader
    panel = window.reading.entities
    from gui import settings

    settings.AUTHOR.write("Ana Analyst")  # the name set in Preferences signs corrections too
    panel.correction_requested.emit("rename", {"entity": {"name": "Taro Kono", "type": "PERSON"}, "name": "KONO Taro"})
    assert panel.select_entity("KONO Taro")
    stack = getattr(window, "undo_stack", None)
    if stack is not None:
        stack.undo()
        assert panel.select_entity("Taro Kono")
        stack.redo()
    # a new window on the same library shows the correction without re-running anything
    from models.store.entities import EntityStore

    names = {e.name for e in EntityStore(lib).entities(article_id)}
    assert "KONO Taro" in names and "Taro Kono" not in names
    assert [r.author for r in EntityStore(lib).rules(article_id)] == ["Ana Analyst"]


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")
def test_hovering_a_mention_shows_the_entity_and_its_sentence(reader: Reader, qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window, _lib, _id = reader
    view = window.view
    text = view.toPlainText()
    start = text.index("Sergey Lavrov")
    view.scroll_to(start)
    QApplication.processEvents()
    rect = view.cursorRect(view.cursor_for_range(start + 2, start + 3))
    hovered = window.reading.mention_at(start + 2)
    assert hovered is not None and hovered[2] == "Sergey Lavrov"
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    assert "Sergey Lavrov · Person" in QToolTip.text() and "his Russian counterpart Sergey Lavrov" in QToolTip.text()
    QToolTip.hideText()
    far = QPoint(2, 2)  # the margin: no mention there
    assert window.reading.mention_at(view.offsets.from_qt(view.cursorForPosition(far).position())) is None


def test_the_library_timeline_shows_the_events_of_every_analysed_article(
    reader: Reader, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.article import Article, Metadata, build_text

    window, lib, sample_id = reader
    text, blocks = build_text([("title", "Harbour council agrees flood budget"),
                               ("paragraph", "The council met on 3 March 2020 and agreed a budget for the harbour.")])
    council = lib.import_article(Article("/home/reader/council.txt", "text", text, blocks,
                                         Metadata(title="Harbour council agrees flood budget", published="2020-03-04")))
    window.library_panel.reload()
    for article_id in (council.id, sample_id):  # each one analysed (and its analysis stored) once opened
        with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
            window.open_article(article_id)
    dock = window.reading.timeline
    dock.library_button.click()  # the reader switches the Timeline to "Library"
    # counts per date first, then the events of the range in view (here the whole of a small library)
    qtbot.waitUntil(lambda: bool(dock.view.groups), timeout=30000)
    assert dock.scope() == "library" and dock.view.is_library_mode()
    assert sum(c.events for c in dock.view.counts() or ()) == sum(len(g.mentions) for g in dock.view.groups)
    reported_by = {a for g in dock.view.groups for a in g.article_ids}
    assert reported_by == {sample_id, council.id}
    assert any(g.first_day.isoformat() == "2020-03-03" and g.article_ids == (council.id,) for g in dock.view.groups)
    dock.article_button.click()
    assert not dock.view.is_library_mode()
    assert {a for g in dock.view.groups for a in g.article_ids} == {sample_id}


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")
def test_a_dossier_asked_for_in_the_entities_panel_lists_the_article(reader: Reader, qtbot: QtBot) -> None:
    from gui.entities.dossier import DossierView

    window, _lib, article_id = reader
    panel = window.reading.entities
    assert panel.select_entity("Sergey Lavrov")
    panel.dossier_button.click()  # "Dossier" on the selected entity's strip
    qtbot.waitUntil(lambda: any(v.isVisible() for v in window.findChildren(DossierView)), timeout=30000)
    view = next(v for v in window.findChildren(DossierView) if v.isVisible())
    qtbot.addWidget(view)
    assert view.title.text() == "Sergey Lavrov"
    assert [a.article_id for a in view.dossier.articles] == [article_id]
    shown = view.body.toPlainText()
    assert "Abe fails to find breakthrough" in shown and "Sergey Lavrov" in shown
    assert f"open:{article_id}:" in view.body.toHtml()  # each mention links back into the article


def test_each_entity_says_in_how_many_articles_of_the_library_it_is(reader: Reader, qtbot: QtBot) -> None:
    from gui.entities.model import Role
    from models.store.entities import EntityStore

    window, lib, _article_id = reader
    model = window.reading.entities.model
    index = EntityStore(lib).library_index()
    expected = {(e.name, e.type): e.article_count for e in index}

    def counts() -> dict[tuple[str, str], int]:
        out = {}
        for r in range(model.rowCount()):
            group = model.index(r, 0)
            for c in range(model.rowCount(group)):
                child = model.index(c, 0, group)
                out[(child.data(Role.NAME), child.data(Role.TYPE))] = child.data(Role.ARTICLE_COUNT)
        return out

    qtbot.waitUntil(lambda: any(counts().values()), timeout=10000)
    shown = counts()
    assert shown and all(shown[k] == expected.get(k, 0) for k in shown) and set(shown.values()) == {1}


# -- a colour changed in Preferences is the colour everywhere: the reader's highlight, the dots of the library list,
# the dossier and an export all read the library's legend (the defaults are declared once, in models.store.records)

OLD, NEW = "#E0564F", "#0A7F5A"  # the default "Disputed" red, and the reader's own green for it


def _near(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    first, second = (a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue())
    return all(abs(x - y) <= tolerance for x, y in zip(first, second, strict=True))


def _pixels(image: QImage, rects: list[tuple[int, int, int, int]] | None = None) -> Counter[str]:
    boxes = rects or [(0, 0, image.width(), image.height())]
    seen: Counter[str] = Counter()
    for left, top, width, height in boxes:
        for x in range(max(0, left), min(image.width(), left + width)):
            for y in range(max(0, top), min(image.height(), top + height)):
                seen[image.pixelColor(x, y).name().upper()] += 1
    return seen


def _has(seen: Counter[str], color: str) -> bool:
    return any(_near(QColor(name), QColor(color), 3) for name in seen)


@pytest.mark.slow
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")
def test_a_colour_changed_in_preferences_shows_in_the_reader_the_list_the_dossier_and_an_export(
        reader: Reader, qtbot: QtBot) -> None:
    from gui.entities.dossier import DossierView

    window, lib, article_id = reader
    shown = window.view.article()
    assert shown is not None
    text = shown.text
    start = text.index("Sergey Lavrov")
    record = window.annotations.controller.highlight(article_id, start, start + len("Sergey Lavrov"), "red")
    qtbot.waitUntil(lambda: window.library_panel.model.index(0, 0).data(LibraryRole.COLORS) == ["red"], timeout=10000)
    list_view = window.library_panel.list
    assert _has(_pixels(list_view.viewport().grab().toImage()), OLD)  # the row's dot, in the default red

    prefs = PreferencesDialog(window)
    qtbot.addWidget(prefs)
    with qtbot.waitSignal(window.changed, check_params_cb=lambda changes: bool(changes.legend)):
        prefs.recolor("red", NEW)  # what the colour editor of Preferences asks when a swatch is picked
    assert next(c for c in lib.annotations.colors() if c.key == "red").swatch.upper() == NEW

    # the reader: the highlight is painted in the new colour's background
    window.view.scroll_to(start)
    window.view.viewport().repaint()
    rects = [r.toRect() for r in window.annotations.marks.viewport_rects(record.id)]
    assert rects
    shot = window.view.viewport().grab().toImage()
    ratio = shot.devicePixelRatio()
    painted = _pixels(shot, [(int(r.x() * ratio), int(r.y() * ratio), int(r.width() * ratio),
                              int(r.height() * ratio)) for r in rects])
    fill = painted.most_common(1)[0][0]
    assert _near(QColor(fill), QColor(light_background_for(NEW))), (fill, light_background_for(NEW))

    # the library list: the row's dot
    qtbot.waitUntil(lambda: window.library_panel.model.index(0, 0).data(LibraryRole.SWATCHES) == [NEW], timeout=10000)
    list_view.viewport().repaint()
    dots = _pixels(list_view.viewport().grab().toImage())
    assert _has(dots, NEW) and not _has(dots, OLD)

    # the dossier of the highlighted entity: its highlight's bar
    panel = window.reading.entities
    assert panel.select_entity("Sergey Lavrov")
    panel.dossier_button.click()
    qtbot.waitUntil(lambda: any(v.isVisible() for v in window.findChildren(DossierView)), timeout=30000)
    view = next(v for v in window.findChildren(DossierView) if v.isVisible())
    qtbot.addWidget(view)
    html = view.body.toHtml().upper()
    assert "SERGEY LAVROV" in html and NEW in html and OLD not in html

    # an export
    page = render("html", collect(lib, Selection((article_id,)))).decode("utf-8").upper()
    assert NEW in page and OLD not in page


def test_the_reading_docks_keep_their_place_while_their_panels_are_built_after_the_first_paint(
    reader: Reader, gui: Gui, qtbot: QtBot
) -> None:
    """The reader paints the article before it builds the Entities and Timeline panels (MainWindow(defer_reading=
    True)): their docks are laid out as saved, empty, and the panels then fill the same docks in place."""
    window, lib, article_id = reader
    timeline = window.reading.timeline_dock
    window.removeDockWidget(timeline)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, timeline)  # the reader moved it
    timeline.show()
    window.save_layout()
    _app, faces, theme = gui
    again = MainWindow(lib, faces, theme, pool=ImmediatePool(), defer_reading=True)
    qtbot.addWidget(again)
    again.restore_layout()
    again.resize(1200, 800)
    again.show()
    qtbot.waitExposed(again)
    again.open_article(article_id)
    assert again.reading_if_built() is None
    assert again.busy()  # a screenshot waits for the panels and their analysis
    docks = {d.objectName(): d for d in again.findChildren(QDockWidget)}
    assert {"entities", "timeline", "notes", "LibraryDock"} <= set(docks)
    assert again.dockWidgetArea(docks["timeline"]) == Qt.DockWidgetArea.RightDockWidgetArea
    room = window.reading.timeline_notice.minimumSizeHint()  # kept from the panel built in the first window
    assert docks["timeline"].widget().minimumSize() == room and room.width() > 0
    before = {name: dock.geometry() for name, dock in docks.items()}
    article_geometry = again.view.geometry()

    reading = again.reading  # what the reader does once the article is painted
    assert reading.entities_dock is docks["entities"] and reading.timeline_dock is docks["timeline"]
    assert reading.entities.isVisibleTo(docks["entities"]) and reading.timeline.isVisibleTo(docks["timeline"])
    qtbot.waitUntil(lambda: reading.entities.model.visible_count() > 0 and not again.busy())
    assert {name: dock.geometry() for name, dock in docks.items()} == before
    assert again.view.geometry() == article_geometry
    assert again.dockWidgetArea(docks["timeline"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert [a.text() for a in again.menus.panels.actions()].count("Timeline") == 1


def test_the_date_link_in_the_header_sets_the_publication_date_the_timeline_is_resolved_against(
    reader: Reader, qtbot: QtBot
) -> None:
    from gui.article_header import SET_DATE_LINK
    from gui.published_date import PublishedDateDialog

    window, lib, article_id = reader
    window.view.header.meta.linkActivated.emit(SET_DATE_LINK)  # the reader clicks the date
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(PublishedDateDialog)))
    (dialog,) = [d for d in window.findChildren(PublishedDateDialog) if d.isVisible()]
    assert dialog.edit.date().toString("yyyy-MM-dd") == "2019-01-23" and dialog.edit.isEnabled()
    dialog.edit.setDate(dialog.edit.date().addDays(-1))
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        dialog.accept()
    assert lib.get_article(article_id).article.metadata.published == "2019-01-22"
    assert "22 January 2019" in window.view.header.meta.text()


def test_the_reader_builds_the_panels_in_short_steps_and_keeps_what_each_step_made(
    reader: Reader, gui: Gui, qtbot: QtBot
) -> None:
    """After the first paint the reader builds the Entities and Timeline panels one step per turn of the event loop
    (gui.app): each panel goes into its dock when it is made, and the reading panels then use those very panels."""
    _window, lib, article_id = reader
    _app, faces, theme = gui
    again = MainWindow(lib, faces, theme, pool=ImmediatePool(), defer_reading=True)
    qtbot.addWidget(again)
    again.restore_layout()
    again.show()
    again.open_article(article_id)
    steps = again.reading_steps()
    assert len(steps) > 2
    docks = {d.objectName(): d for d in again.findChildren(QDockWidget)}
    for step in steps:
        step()
    assert again.reading_if_built() is None
    made = {name: docks[name].widget() for name in ("entities", "timeline")}
    assert all(type(w).__name__ == "AnalysisNotice" for w in made.values())
    reading = again.reading
    assert reading.entities_notice is made["entities"] and reading.timeline_notice is made["timeline"]
    assert reading.entities_dock.widget() is made["entities"]
    qtbot.waitUntil(lambda: reading.entities.model.visible_count() > 0 and not again.busy(), timeout=60000)
