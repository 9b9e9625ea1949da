"""The Timeline as a reader uses it: zoom and pan change what the axis says, fit all shows everything, the entity
filter hides and restores, hovering shows the sentence, clicking jumps to it, the library groups shared dates."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.timeline.dock import TimelineDock
from gui.timeline.items import ClusterItem, EventItem
from gui.timeline.view import TimelineView
from models.analysis.types import TimelineEvent, Timex
from tests.gui.fakes import sample_article
from tests.gui.fixture_types import Gui

# The offscreen platform cannot raise the card's window or let a menu grab the keyboard; nothing to do with us.
offscreen_popups = pytest.mark.qt_log_ignore(r"does not support (raise|grabbing the keyboard|propagateSizeHints)")

PUBLISHED = date(2019, 1, 23)
ENTITY_WORDS = {"Shinzo Abe": "Abe", "Vladimir Putin": "Putin", "Sergey Lavrov": "Lavrov", "Taro Kono": "Kono",
                "Japan": "Japan", "Russia": "Russia", "Moscow": "Moscow"}
# The sample's dated events as the gold reading lists them: expression, occurrence, TIMEX3 value, short label.
SAMPLE_EVENTS = (
    ("Jan. 22", 1, "2019-01-22", "25th Abe–Putin summit"),
    ("Jan. 14", 1, "2019-01-14", "Foreign ministers meet"),
    ("Eight days later", 1, "2019-01-22", "Abe seeks a breakthrough"),
    ("Jan. 22", 2, "2019-01-22", "Joint press conference"),
    ("February", 1, "2019-02", "Ministerial talks"),
    ("Jan. 14", 2, "2019-01-14", "Kono–Lavrov talks"),
    ("spring", 1, "2019-SP", "Abe visit to Russia"),
    ("June", 1, "2019-06", "G20 summit, Osaka"),
    ("this summer", 1, "2019-SU", "Upper House election"),
    ("this month", 1, "2019-01", "Treaty negotiations begin"),
    ("Jan. 20", 1, "2019-01-20", "Rally against handover, Moscow"),
    ("Jan. 22", 3, "2019-01-22", "Rally at the Japanese Embassy"),
    ("June", 2, "2019-06", "No basic agreement by June"),
    ("Jan. 14", 3, "2019-01-14", "Lavrov on nuclear cooperation"),
    ("the end of last year", 1, "2018-12", "Nuclear-waste storage rumours"),
    ("2009", 1, "2009", "Nuclear energy pact"),
)
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def interval_of(value: str) -> tuple[str, date, date]:
    """(precision, first day, last day) of a TIMEX3 date value."""
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return "year", date(year, 1, 1), date(year, 12, 31)
    if parts[1] in _SEASONS:
        a, b = _SEASONS[parts[1]]
        end_year = year + 1 if b < a else year
        return "season", date(year, a, 1), date(end_year, b, calendar.monthrange(end_year, b)[1])
    month = int(parts[1])
    if len(parts) == 2:
        return "month", date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    d = date(year, month, int(parts[2]))
    return "day", d, d


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max([text.rfind(stop, 0, start) + len(stop) for stop in (". ", ".” ")] + [text.rfind("\n", 0, start) + 1])
    stops = [i + len(stop) - 1 for stop in (". ", ".” ", "\n") if (i := text.find(stop, end)) >= 0]
    right = min(stops) if stops else len(text)
    return left, right


def make_event(
    text: str, expression: str, occurrence: int, value: str, label: str, published: date = PUBLISHED
) -> TimelineEvent:
    at = -1
    for _ in range(occurrence):
        at = text.index(expression, at + 1)
    s0, s1 = sentence_around(text, at, at + len(expression))
    sentence = text[s0:s1]
    precision, first, last = interval_of(value)
    entities = tuple(name for name, word in ENTITY_WORDS.items() if word in sentence)
    return TimelineEvent(
        Timex(at, at + len(expression), expression, "DATE", value), s0, s1, label, entities, precision,
        first.isoformat(), last.isoformat(), first > published,
    )


def sample_events() -> tuple[str, list[TimelineEvent]]:
    text = sample_article().text
    return text, [make_event(text, *row) for row in SAMPLE_EVENTS]


@pytest.fixture
def view(qtbot: QtBot, gui: Gui) -> TimelineView:
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 180)
    v.show()
    qtbot.waitExposed(v)
    text, events = sample_events()
    v.set_events(events, article_id=7, published=PUBLISHED, text=text, title="Abe fails")
    return v


def _event_items(view: TimelineView) -> list[EventItem]:
    return [i for i in view.timeline_items() if isinstance(i, EventItem)]


def _keys_in_view(view: TimelineView) -> set[int]:
    """Entries whose mark (alone or inside a cluster) lies inside the viewport."""
    width = view.viewport().width()
    out: set[int] = set()
    for item in view.timeline_items():
        r = view.viewport_rect_of(item)
        if r.right() >= 0 and r.left() <= width:
            out.update(item.keys)
    return out


def _item_with_label(view: TimelineView, label: str) -> EventItem:
    for item in _event_items(view):
        if view.groups[item.keys[0]].mentions[0].event.label == label:
            return item
    raise AssertionError(f"no mark for {label!r}")


def _hover(view: TimelineView, pos: QPoint) -> None:
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), view.viewport().mapToGlobal(QPointF(pos)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), move)


def test_fit_all_shows_every_event_and_the_publication_date(view: TimelineView) -> None:
    view.zoom_in()
    view.zoom_in()
    view.pan_by(-900)
    assert _keys_in_view(view) != set(range(len(view.groups)))
    view.fit_all()
    assert _keys_in_view(view) == set(range(len(view.groups)))
    first, last = view.visible_range()
    assert first <= date(2009, 1, 1) and last >= date(2019, 8, 31) and first <= PUBLISHED <= last
    assert view.tick_unit().kind in ("year", "month") and view.tick_unit().min_days >= 90


def _clusters(view: TimelineView) -> list[ClusterItem]:
    return [i for i in view.timeline_items() if isinstance(i, ClusterItem)]


def _press_drag_release(widget: QWidget, qtbot: QtBot, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for k in (1, 2, 3):
        at = QPointF(start + (end - start) * k / 3)
        QApplication.sendEvent(widget, QMouseEvent(QEvent.Type.MouseMove, at, widget.mapToGlobal(at),
                                                   Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                                                   Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_opens_on_the_dense_weeks_around_publication_with_the_january_events_apart(view: TimelineView) -> None:
    first, last = view.visible_range()
    assert first <= PUBLISHED <= last
    assert 28 <= (last - first).days <= 120  # not 2008–2022
    assert first > date(2009, 12, 31)  # the 2009 pact is left to the overview strip
    january = {k for k, g in enumerate(view.groups) if g.first_day.year == 2019 and g.first_day.month == 1
               and g.precision == "day"}
    assert len(january) >= 8 and january <= _keys_in_view(view)
    assert all(len(c.keys) <= 4 for c in _clusters(view))
    alone = {i.keys[0] for i in _event_items(view) if i.label} & january
    assert len(alone) >= len(january) // 2  # most January days are marks with their words, not a bubble
    fourteenth = {k for k in january if view.groups[k].first_day.day == 14}
    twenty_second = {k for k in january if view.groups[k].first_day.day == 22}
    assert not any(set(c.keys) & fourteenth and set(c.keys) & twenty_second for c in _clusters(view))


def test_home_returns_to_the_opening_range_and_zero_fits_all(view: TimelineView, qtbot: QtBot) -> None:
    opening = view.visible_range()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.visible_range()[0] <= date(2009, 1, 1)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.visible_range() == opening


def test_overview_window_tracks_zoom_and_pan(view: TimelineView) -> None:
    strip = view.overview
    assert strip.isVisible() and strip.geometry().bottom() == view.height() - 1
    scale = strip.scale()
    assert scale is not None and len(scale.breaks) == 1  # 2010–2018 hold nothing: folded into one "//"
    window = strip.window_rect()
    view.zoom_in()
    narrower = strip.window_rect()
    assert narrower.width() < window.width() and abs(narrower.center().x() - window.center().x()) < 3
    view.pan_by(-400)  # later days
    assert strip.window_rect().center().x() > narrower.center().x()
    first, _ = view.visible_range()
    assert abs(scale.day(strip.window_rect().left()) - first.toordinal()) < 1.5
    view.fit_all()
    whole = strip.window_rect()
    assert whole.left() <= 14 and whole.right() >= strip.width() - 14


def test_dragging_the_overview_window_pans_the_main_view(view: TimelineView, qtbot: QtBot) -> None:
    strip = view.overview
    span = view.visible_days()
    first, _ = view.visible_range()
    window = strip.window_rect()
    grab = window.center().toPoint()
    with qtbot.waitSignal(view.range_changed):
        _press_drag_release(strip, qtbot, grab, grab + QPoint(60, 0))
    moved, _ = view.visible_range()
    assert moved > first and abs(view.visible_days() - span) < 1e-6  # panned, not zoomed
    assert abs(strip.window_rect().center().x() - (window.center().x() + 60)) < 2  # the window followed
    scale = strip.scale()
    assert scale is not None
    pact = QPoint(round(scale.x(date(2009, 7, 1).toordinal())), strip.height() // 2)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=pact)  # a click elsewhere jumps there
    first, last = view.visible_range()
    assert first <= date(2009, 7, 1) <= last
    pact_item = _item_with_label(view, "Nuclear energy pact")
    assert view.viewport_rect_of(pact_item).intersects(view.viewport().rect())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_everything_fits_in_the_docks_default_height(qtbot: QtBot, gui: Gui, scheme: str) -> None:
    from gui.theme import DARK, LIGHT, palette_for

    QApplication.setPalette(palette_for(DARK if scheme == "dark" else LIGHT))
    try:
        dock = TimelineDock()
        qtbot.addWidget(dock)
        dock.resize(1200, 216 - 36)  # the dock's default height less its title
        dock.show()
        qtbot.waitExposed(dock)
        text, events = sample_events()
        dock.set_events(events, article_id=3, published=PUBLISHED, text=text)
        view = dock.view
        assert view.geometry().bottom() == dock.height() - 1
        assert view.overview.geometry().bottom() == view.height() - 1 and view.overview.height() >= 20
        lanes_bottom = view.viewport().height() - 17  # the footer holds the publication pill
        items = view.timeline_items()
        assert items
        for item in items:  # every mark of the opening view is on screen, none under the pill or the strip
            rect = view.viewport_rect_of(item)
            if rect.right() >= 0 and rect.left() <= view.viewport().width():
                assert rect.top() >= 22 and rect.bottom() <= lanes_bottom, view.groups[item.keys[0]]
        bar = dock.fit_button.parentWidget()
        assert bar is not None
        for child in bar.findChildren(QWidget):
            if child.isVisible():
                geo = child.geometry()
                assert 0 <= geo.left() and geo.right() < bar.width() and geo.height() <= bar.height(), child
        assert (view.overview.grab().toImage().pixelColor(5, 5).lightnessF() < 0.5) == (scheme == "dark")
    finally:
        QApplication.setPalette(palette_for(LIGHT))


def test_the_width_the_timeline_needs_does_not_change_with_the_dates_in_view(qtbot: QtBot) -> None:
    """Scrolling or zooming changes the visible dates the toolbar shows; the width the toolbar (and so the dock)
    needs stays the same, or the reader's docks would jump as the range label grows and shrinks."""
    dock = TimelineDock()
    qtbot.addWidget(dock)
    dock.resize(1200, 180)
    dock.show()
    qtbot.waitExposed(dock)
    bar = dock.fit_button.parentWidget()
    assert bar is not None
    layout = bar.layout()
    assert layout is not None
    widths = set()
    for first, last in ((date(2019, 1, 1), date(2019, 1, 3)), (date(2018, 12, 1), date(2019, 2, 28)),
                        (date(2009, 1, 1), date(2026, 12, 7)), (date(2026, 11, 7), date(2026, 12, 31))):
        dock._on_range_changed(first, last)
        layout.activate()
        widths.add(bar.minimumSizeHint().width())
        label = dock.range_label
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), label.text()  # never clipped
    assert len(widths) == 1, widths


def test_zoom_in_narrows_the_span_and_refines_the_ticks_from_years_to_days(view: TimelineView) -> None:
    view.fit_all()
    view.zoom_out()
    view.zoom_out()
    units = [view.tick_unit().kind]
    spans = [view.visible_days()]
    for _ in range(20):
        view.zoom_in()
        units.append(view.tick_unit().kind)
        spans.append(view.visible_days())
    assert all(b < a for a, b in zip(spans, spans[1:], strict=False) if b != a) and spans[-1] < 31
    seen = list(dict.fromkeys(units))
    assert seen == ["year", "month", "day"]
    for _ in range(20):
        view.zoom_out()
    assert view.tick_unit().kind == "year" and view.visible_days() > spans[0]


def test_keyboard_zoom_and_pan(view: TimelineView, qtbot: QtBot) -> None:
    view.setFocus()
    span = view.visible_days()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.visible_days() < span
    first, _ = view.visible_range()
    with qtbot.waitSignal(view.range_changed) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert moved.args[0] > first
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.visible_days() > span


def test_wheel_zooms_around_the_pointer_and_drag_pans(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range(date(2019, 1, 1), date(2019, 3, 31))
    x = 400
    day_under = view.visible_range()[0].toordinal() + x / view.viewport().width() * view.visible_days()
    span = view.visible_days()
    from PySide6.QtGui import QWheelEvent

    wheel = QWheelEvent(QPointF(x, 80), view.viewport().mapToGlobal(QPointF(x, 80)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.visible_days() < span
    day_after = view.visible_range()[0].toordinal() + x / view.viewport().width() * view.visible_days()
    assert abs(day_after - day_under) < 1.5
    first = view.visible_range()[0]
    start = QPoint(600, view.viewport().height() - 8)  # the footer row holds no mark: a drag there only pans
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for dx in (10, 60, 200):
        drag = QMouseEvent(QEvent.Type.MouseMove, QPointF(start + QPoint(dx, 0)), QPointF(start + QPoint(dx, 0)),
                           Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), drag)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(200, 0))
    assert view.visible_range()[0] < first


@offscreen_popups
def test_clicking_an_event_emits_its_article_and_sentence(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range(date(2018, 11, 1), date(2019, 9, 30))
    item = _item_with_label(view, "G20 summit, Osaka")
    event = view.groups[item.keys[0]].mentions[0].event
    with qtbot.waitSignal(view.event_activated) as activated:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport_rect_of(item).center())
    assert activated.args == [7, event.sentence_start, event.sentence_end, event.timex.start, event.timex.end]
    text = sample_article().text
    assert text[event.timex.start : event.timex.end] == "June"
    assert "G20 summit in June" in text[event.sentence_start : event.sentence_end]


@offscreen_popups
def test_hover_shows_the_sentence_and_the_value(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range(date(2018, 11, 1), date(2019, 9, 30))
    item = _item_with_label(view, "Upper House election")
    _hover(view, view.viewport_rect_of(item).center())
    qtbot.waitUntil(view.card.isVisible)
    assert "Upper House election" in view.card.text
    assert "this summer" in view.card.text and "2019-SU" in view.card.text
    sentence = sample_article().text[view.groups[item.keys[0]].mentions[0].event.sentence_start:][:60]
    assert sentence.strip()[:40] in view.card.text
    assert "PLANNED" in view.card.text and "After publication" in view.card.text
    _hover(view, QPoint(5, 12))  # the tick band
    qtbot.waitUntil(lambda: not view.card.isVisible())


def test_entity_filter_hides_other_events_and_clearing_restores_them(view: TimelineView, qtbot: QtBot) -> None:
    everything = len(view.shown_groups())
    with qtbot.waitSignal(view.entity_filter_changed) as changed:
        view.set_entity_filter("Sergey Lavrov")
    assert changed.args == ["Sergey Lavrov"]
    shown = view.shown_groups()
    assert 0 < len(shown) < everything
    assert all("Sergey Lavrov" in g.mentions[0].event.entities for g in shown)
    view.fit_all()
    assert {k for i in view.timeline_items() for k in i.keys} == {view.groups.index(g) for g in shown}
    with qtbot.waitSignal(view.entity_filter_changed) as cleared:
        view.set_entity_filter(None)
    assert cleared.args == [None]
    assert len(view.shown_groups()) == everything
    view.fit_all()
    assert {k for i in view.timeline_items() for k in i.keys} == set(range(everything))


def test_dock_chip_shows_the_filter_and_clears_it(qtbot: QtBot, gui: Gui) -> None:
    dock = TimelineDock()
    qtbot.addWidget(dock)
    dock.resize(1200, 216)
    dock.show()
    text, events = sample_events()
    dock.set_events(events, article_id=3, published=PUBLISHED, text=text)
    assert not dock.chip.isVisible()
    dock.set_entity_filter("Taro Kono")
    assert dock.chip.isVisible() and "Taro Kono" in dock.chip.text()
    assert len(dock.view.shown_groups()) == 1
    with qtbot.waitSignal(dock.entity_filter_changed) as cleared:
        qtbot.mouseClick(dock.chip, Qt.MouseButton.LeftButton)
    assert cleared.args == [None] and not dock.chip.isVisible()
    assert len(dock.view.shown_groups()) == len(events)


@offscreen_popups
def test_keyboard_walks_the_events_and_enter_opens_one(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range(date(2018, 11, 1), date(2019, 9, 30))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = view.timeline_items()[0]
    assert first.focused and view.card.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.timeline_items()[1].focused and not first.focused
    target = view.timeline_items()[1]
    if isinstance(target, EventItem) and len(view.groups[target.keys[0]].mentions) == 1:
        with qtbot.waitSignal(view.event_activated):
            qtbot.keyClick(view, Qt.Key.Key_Return)


@offscreen_popups
def test_dense_days_cluster_and_split_when_zoomed_in(qtbot: QtBot, gui: Gui) -> None:
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 180)
    v.show()
    text = "x" * 400
    events = [
        TimelineEvent(Timex(i, i + 1, "x", "DATE", f"2019-03-{d:02d}"), i, i + 1, f"Event {d}", (), "day",
                      f"2019-03-{d:02d}", f"2019-03-{d:02d}", False)
        for i, d in enumerate(range(1, 29))
    ] + [TimelineEvent(Timex(300, 301, "x", "DATE", "1990"), 300, 301, "Long ago", (), "year", "1990-01-01",
                       "1990-12-31", False)]
    v.set_events(events, article_id=1, published=date(2019, 4, 1), text=text)
    v.fit_all()
    clusters = [i for i in v.timeline_items() if isinstance(i, ClusterItem)]
    assert clusters and sum(len(c.keys) for c in clusters) >= 20
    assert sum(len(i.keys) for i in v.timeline_items()) == len(events)
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.viewport_rect_of(clusters[0]).center())
    assert v.visible_days() < 120  # the click zoomed into the dense month
    v.set_visible_range(date(2019, 3, 1), date(2019, 3, 28))
    assert not [i for i in v.timeline_items() if isinstance(i, ClusterItem)]


@offscreen_popups
def test_library_mode_groups_the_same_date_of_two_articles(qtbot: QtBot, gui: Gui) -> None:
    from models.timeline_query import mentions_of

    text, events = sample_events()
    summit = events[0]  # Jan. 22
    other_text = "Officials met again. On Jan. 22 talks were held in Moscow. Nothing followed."
    at = other_text.index("Jan. 22")
    other = TimelineEvent(Timex(at, at + 7, "Jan. 22", "DATE", "2019-01-22"), 21, 58, "Talks in Moscow",
                          ("Moscow",), "day", "2019-01-22", "2019-01-22", False)
    mentions = mentions_of(1, "Abe fails", PUBLISHED, text, [summit, events[4]]) + mentions_of(
        2, "Talks resume", date(2019, 1, 25), other_text, [other]
    )
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 180)
    v.show()
    v.set_library_events(mentions)
    assert v.is_library_mode() and len(v.groups) == 2
    jan22 = next(g for g in v.groups if g.first_day == date(2019, 1, 22))
    assert jan22.article_ids == (1, 2)
    item = v.item_for(jan22)
    assert isinstance(item, EventItem) and "2 articles" in item.label
    _hover(v, v.viewport_rect_of(item).center())
    qtbot.waitUntil(v.card.isVisible)
    assert "Abe fails" in v.card.text and "Talks resume" in v.card.text
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.viewport_rect_of(item).center())
    assert v.mention_menu is not None
    actions = v.mention_menu.actions()
    assert [a.data().article_id for a in actions] == [1, 2]
    with qtbot.waitSignal(v.event_activated) as activated:
        actions[1].trigger()
    assert activated.args == [2, 21, 58, at, at + 7]
    v.mention_menu.close()


def test_follows_a_change_of_palette(view: TimelineView, qtbot: QtBot, gui: Gui) -> None:
    from gui.theme import DARK, LIGHT, palette_for

    assert not _event_items(view)[0].colors.dark
    QApplication.setPalette(palette_for(DARK))
    try:
        qtbot.waitUntil(lambda: _event_items(view)[0].colors.dark)
        assert _event_items(view)[0].colors.background.name().lower() == DARK.panel.lower()
    finally:
        QApplication.setPalette(palette_for(LIGHT))
    qtbot.waitUntil(lambda: not _event_items(view)[0].colors.dark)


@pytest.mark.slow
def test_the_samples_real_timeline_is_drawn_without_overlaps(qtbot: QtBot, gui: Gui) -> None:
    from models.analysis import analyze
    from models.ingest import ingest_file
    from tests.gui.fakes import SAMPLE

    article = ingest_file(SAMPLE)
    analysis = analyze(article.text, PUBLISHED)
    assert analysis.events
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 180)
    v.show()
    v.set_events(analysis.events, article_id=5, published=PUBLISHED, text=article.text)
    ranges = (None, "all", (date(2018, 11, 1), date(2019, 9, 30)), (date(2019, 1, 10), date(2019, 1, 31)))
    for shown in ranges:
        if shown == "all":
            v.fit_all()
        elif isinstance(shown, tuple):
            v.set_visible_range(*shown)
        items = v.timeline_items()
        keys = sorted(k for i in items for k in i.keys)
        assert len(keys) == len(set(keys))
        first, last = v.visible_range()
        visible = {k for k, g in enumerate(v.groups) if g.first_day <= last and g.last_day >= first}
        assert visible <= set(keys)
        if shown == "all":
            assert keys == list(range(len(analysis.events)))
        rects = [i.mapRectToScene(i.mark_rect().united(i.label_rect() if isinstance(i, EventItem) else i.mark_rect()))
                 for i in items]
        for a in range(len(rects)):
            for b in range(a + 1, len(rects)):
                assert not rects[a].adjusted(1, 1, -1, -1).intersects(rects[b]), (items[a].keys, items[b].keys)
