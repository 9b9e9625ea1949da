"""Timeline labels at every zoom level, on the sample and on a generated 200-event article: no label overlaps
another label or mark, the axis, or the publication pill; labels are cut only at word ends; a cluster names its
most important event with "+N"; a label with no room after its mark (the publication line, another label or the
edge of the view in the way) is drawn before it, ending at it, rather than lost."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.timeline import axis
from gui.timeline.items import LABEL_PAD, ClusterItem, EventItem
from gui.timeline.view import ZOOM_STEP, TimelineView
from gui.timeline.view_marks import MAX_PPD
from models.analysis.types import Entity, Mention, TimelineEvent, Timex
from tests.gui.fixture_types import Gui
from tests.gui.test_timeline_view import PUBLISHED, sample_events

TRIGGERS = ("summit", "rally", "election", "talks", "visit", "pact", "conference", "protest", "vote", "meeting")
PLACES = ("Moscow", "Tokyo", "Osaka", "Kyiv", "Paris", "Berlin")
PEOPLE = ("Shinzo Abe", "Vladimir Putin", "Taro Kono", "Sergey Lavrov", "Angela Merkel", "Emmanuel Macron")


def generated_article(n: int = 200, seed: int = 7) -> tuple[str, list[TimelineEvent], list[Entity]]:
    """``n`` dated sentences over three years: days, months and seasons, with people and places."""
    rng = random.Random(seed)
    parts: list[str] = []
    events: list[tuple[int, int, int, int, str, str, date, date]] = []
    mentions: dict[tuple[str, str], list[Mention]] = {}
    pos = 0
    for i in range(n):
        day = date(2017, 1, 1) + timedelta(days=rng.randrange(0, 3 * 365))
        kind = rng.choice(("day", "day", "day", "month", "season"))
        if kind == "day":
            expression, first, last = day.strftime("%B %d, %Y").replace(" 0", " "), day, day
        elif kind == "month":
            first = day.replace(day=1)
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            expression = first.strftime("%B %Y")
        else:
            first = date(day.year, 6, 1)
            last = date(day.year, 8, 31)
            expression = f"the summer of {day.year}"
        a, b = rng.sample(PEOPLE, 2)
        place = rng.choice(PLACES)
        trigger = rng.choice(TRIGGERS)
        sentence = f"On {expression}, {a} and {b} held a {trigger} in {place} number {i}."
        start = pos
        t0 = start + sentence.index(expression)
        for name in (a, b):
            at = start + sentence.index(name)
            mentions.setdefault((name, "PERSON"), []).append(Mention(at, at + len(name), name))
        at = start + sentence.rindex(place)
        mentions.setdefault((place, "PLACE"), []).append(Mention(at, at + len(place), place))
        events.append((t0, t0 + len(expression), start, start + len(sentence), expression, kind, first, last))
        parts.append(sentence)
        pos += len(sentence) + 1
    text = "\n".join(parts)
    timeline = [
        TimelineEvent(Timex(t0, t1, expr, "DATE", first.isoformat()), s0, s1, "", (), kind,
                      first.isoformat(), last.isoformat(), first > PUBLISHED)
        for t0, t1, s0, s1, expr, kind, first, last in events
    ]
    entities = [Entity(name, kind, tuple(ms)) for (name, kind), ms in mentions.items()]
    return text, timeline, entities


def zoom_levels(view: TimelineView) -> Iterator[float]:
    """What the reader's Fit all, + and − show: fit all, then each zoom step in to the closest scale; then the
    opening view, each step out from it to beyond fit all, and each step in from it to the closest scale."""
    view.fit_all()
    widest = view._ppd
    for _ in range(40):
        QApplication.processEvents()
        yield view._ppd
        if view._ppd >= MAX_PPD * 0.99:
            break
        view.zoom_in()
    view.show_focus()
    QApplication.processEvents()
    yield view._ppd
    for _ in range(40):
        view.zoom_out()
        QApplication.processEvents()
        yield view._ppd
        if view._ppd < widest / ZOOM_STEP:
            break
    view.show_focus()
    for _ in range(40):
        if view._ppd >= MAX_PPD * 0.99:
            break
        view.zoom_in()
        QApplication.processEvents()
        yield view._ppd


def viewport_rects(view: TimelineView, item: Any) -> tuple[QRectF, QRectF]:
    to_view = view.viewportTransform()
    mark = to_view.mapRect(item.mapRectToScene(item.mark_rect()))
    label = to_view.mapRect(item.mapRectToScene(item.label_rect())) if getattr(item, "label", "") else QRectF()
    return mark, label


def full_name(view: TimelineView, item: Any) -> str:
    """The whole label an item shows (part of): its event's, or for a cluster its most important event's."""
    if isinstance(item, ClusterItem):
        ranks = view._marks.ranks
        best = max(item.keys, key=lambda k: (ranks[k] if k < len(ranks) else 0.0, -k))
        return str(view._labels[best])
    return str(view._labels[item.keys[0]])


def check_no_overlaps(view: TimelineView) -> int:
    """No mark or label overlaps another, the axis or the publication pill; each label is whole or cut at a word
    end with "…" (a cluster's name before its "+N"), within the view when its mark is, on one side of its mark and
    against it. The number of labels shown."""
    band_top = axis.HEADER_HEIGHT
    layer = view._layer
    clip = view.viewportTransform().mapRect(layer.mapRectToScene(layer.rect()))
    assert clip.top() >= band_top - 0.5 and clip.bottom() <= view.viewport().height() - axis.FOOTER_HEIGHT + 0.5
    band_bottom = clip.bottom()
    width = view.viewport().width()
    drawn: list[tuple[tuple[int, ...], QRectF]] = []
    labels = 0
    for item in view.timeline_items():
        mark, label = viewport_rects(view, item)
        whole = mark.united(label) if not label.isNull() else mark
        if whole.right() < 0 or whole.left() > width:
            continue
        if whole.bottom() <= band_top or whole.top() >= band_bottom:
            continue  # a lane scrolled out of the band: clipped away
        assert whole.top() >= band_top - 0.5, f"{item.keys} runs into the axis"
        assert whole.bottom() <= band_bottom + 0.5, f"{item.keys} runs into the publication pill"
        for rect in (mark, label):
            if rect.isNull() or rect.width() <= 0:
                continue
            for keys, other in drawn:
                assert not rect.adjusted(0.5, 0.5, -0.5, -0.5).intersects(other), (item.keys, keys)
        drawn += [(item.keys, r) for r in (mark, label) if not r.isNull() and r.width() > 0]
        text = getattr(item, "label", "")
        if text and not (isinstance(item, EventItem) and item.label_inside):
            labels += 1
            if isinstance(item, ClusterItem):
                suffix = f" +{item.count - 1:,}"
                assert text.endswith(suffix), text
                text = text[: -len(suffix)]
            full = full_name(view, item)
            if text != full:
                assert text.endswith("…"), text
                cut = text[:-1]
                assert full.startswith(cut) and (len(full) == len(cut) or not full[len(cut)].isalnum()), text
            if mark.left() >= 0 and mark.right() <= width:
                assert label.left() >= -0.5 and label.right() <= width + 0.5, f"{text!r} runs out of the view"
            assert isinstance(item, (EventItem, ClusterItem))
            if item.label_left:  # before its mark, ending at it
                assert abs(label.right() - (mark.left() - LABEL_PAD)) < 0.5, text
            else:
                assert abs(label.left() - (mark.right() + LABEL_PAD)) < 0.5, text
        elif text:
            labels += 1
    return labels


def check_clear_of_line(view: TimelineView, day: date) -> int:
    """No label crosses the vertical publication line; the number of labels that end just before it (cut for it,
    or naturally) or start after it in the same stretch, to show the check met the line."""
    x = view._frame().x(day.toordinal() + 0.5)
    if not 0 <= x <= view.viewport().width():
        return 0
    near = 0
    for item in view.timeline_items():
        if not getattr(item, "label", "") or getattr(item, "orphan", False):
            continue
        _mark, label = viewport_rects(view, item)
        name = getattr(item, "label", "")
        assert not (label.left() < x < label.right()), f"{name!r} crosses the publication line at {x:.0f}"
        if label.left() - 60 < x < label.right() + 60:
            near += 1
    return near


def make_view(qtbot: Any, size: tuple[int, int]) -> TimelineView:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("size", [(1200, 180), (900, 140), (1440, 160), (1024, 120)])
def test_sample_labels_never_overlap_at_any_zoom(qtbot: QtBot, gui: Gui, size: tuple[int, int]) -> None:
    view = make_view(qtbot, size)
    text, events = sample_events()
    view.set_events(events, article_id=7, published=PUBLISHED, text=text)
    shown = [check_no_overlaps(view) + 0 * check_clear_of_line(view, PUBLISHED) for _ in zoom_levels(view)]
    assert len(shown) >= 5 and max(shown) >= 4  # labels are there, not dropped to stay clear


@pytest.mark.slow
def test_a_200_event_article_never_overlaps_at_any_zoom(qtbot: QtBot, gui: Gui) -> None:
    view = make_view(qtbot, (1200, 180))
    text, events, entities = generated_article()
    view.set_events(events, article_id=9, published=PUBLISHED, text=text, entities=entities)
    crossings = 0
    for _ in zoom_levels(view):
        check_no_overlaps(view)
        crossings += check_clear_of_line(view, PUBLISHED)
    assert crossings > 0  # the line was among the labels at some zoom (and each one stopped before it)
    view.fit_all()
    QApplication.processEvents()
    clusters = [i for i in view.timeline_items() if isinstance(i, ClusterItem)]
    assert clusters, "at the widest zoom, dense periods are clusters"
    named = [c for c in clusters if c.label]
    assert named, "a cluster with room names its most important event"
    for c in named:
        assert c.label.endswith(f"+{len(c.keys) - 1}")
    events_named = {view.groups[k].mentions[0].event.label for k in range(len(view.groups))}
    assert any("–" in name for name in events_named)  # "Abe–Putin summit": people from the entity panel


def test_a_label_running_into_the_publication_line_stops_before_it(qtbot, gui) -> None:  # type: ignore[no-untyped-def]
    """A mark just before the publication day with a long name: the name is cut at a word end before the line (or
    hidden), never drawn across it; a bar crossing the line keeps its name on one side of it."""
    view = make_view(qtbot, (900, 160))
    text = ("On Jan. 21 the governments of both countries held a very long and carefully prepared meeting of "
            "officials. In January the opposition held protests across the whole country against the deal.")
    t0 = text.index("Jan. 21")
    t1 = text.index("In January") + 3
    s1 = text.index("officials.") + len("officials.")
    events = [
        TimelineEvent(Timex(t0, t0 + 7, "Jan. 21", "DATE", "2019-01-21"), 0, s1,
                      "long and carefully prepared meeting of officials", (), "day", "2019-01-21", "2019-01-21",
                      False),
        TimelineEvent(Timex(t1, t1 + 7, "January", "DATE", "2019-01"), s1 + 1, len(text),
                      "protests across the whole country", (), "month", "2019-01-01", "2019-01-31", False),
    ]
    view.set_events(events, article_id=3, published=PUBLISHED, text=text)
    checked = 0
    for first, last in ((date(2019, 1, 12), date(2019, 1, 27)), (date(2019, 1, 19), date(2019, 1, 24)),
                        (date(2018, 12, 1), date(2019, 2, 28))):
        view.set_visible_range(first, last)
        QApplication.processEvents()
        checked += check_clear_of_line(view, PUBLISHED)
        check_no_overlaps(view)
    assert checked >= 2
    bar = next(i for i in view.timeline_items() if isinstance(i, EventItem) and i.precision == "month")
    assert bar.label  # the month bar crossing the line still names its event, on one side of the line


def test_the_2016_bar_does_not_carry_the_name_of_the_2019_summit(qtbot, gui) -> None:  # type: ignore[no-untyped-def]
    """A sentence with two dates: each mark is named from the words of its own date."""
    view = make_view(qtbot, (1200, 180))
    text = ("Shinzo Abe and Vladimir Putin agreed in 2016 on joint economic activities, and the 25th Abe-Putin "
            "summit in 2019 ended without progress.")
    entities = [Entity("Shinzo Abe", "PERSON", (Mention(0, 10, "Shinzo Abe"),)),
                Entity("Vladimir Putin", "PERSON", (Mention(15, 29, "Vladimir Putin"),))]
    events = []
    for year in ("2016", "2019"):
        at = text.index(year)
        events.append(TimelineEvent(Timex(at, at + 4, year, "DATE", year), 0, len(text), text, (), "year",
                                    f"{year}-01-01", f"{year}-12-31", False))
    view.set_events(events, article_id=4, published=PUBLISHED, text=text, entities=entities)
    view.fit_all()
    QApplication.processEvents()
    by_year = {view.groups[i.keys[0]].first_day.year: i for i in view.timeline_items() if isinstance(i, EventItem)}
    assert set(by_year) == {2016, 2019}
    assert "summit" not in view.groups[by_year[2016].keys[0]].mentions[0].event.label
    assert "summit" in view.groups[by_year[2019].keys[0]].mentions[0].event.label
    assert "summit" not in by_year[2016].label and "Abe and Putin agree".startswith(by_year[2016].label.rstrip("…"))


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1440, 160), (1024, 160)])
def test_the_sample_names_its_jan_22_summit_before_the_publication_line(
    qtbot: QtBot, gui: Gui, size: tuple[int, int]
) -> None:
    """The sample as the reader shows it (its own analysis, events named from the entities) in the dock of a
    1440- or 1024-wide window: the Jan 22 Abe–Putin meeting, the day before publication, keeps its name — before
    its dot, since the "Published" line leaves no room after it — and so does every mark around it; nothing
    overlaps at any zoom level."""
    from models.analysis import analyze
    from models.ingest import ingest_file
    from tests.gui.fakes import SAMPLE

    article = ingest_file(SAMPLE)
    analysis = analyze(article.text, PUBLISHED)
    view = make_view(qtbot, size)
    view.set_events(analysis.events, article_id=5, published=PUBLISHED, text=article.text,
                    entities=analysis.entities)
    QApplication.processEvents()  # the opening view: December to February
    summit = next(i for i in view.timeline_items() if isinstance(i, EventItem)
                  and view.groups[i.keys[0]].first_day == date(2019, 1, 22) and "Abe–Putin" in view._labels[i.keys[0]])
    assert summit.label == view._labels[summit.keys[0]]  # whole: "25th Abe–Putin meeting"
    mark, label = viewport_rects(view, summit)
    line = view._frame().x(PUBLISHED.toordinal() + 0.5)
    assert summit.label_left and label.right() <= mark.left() and mark.right() < line
    check_no_overlaps(view)
    check_clear_of_line(view, PUBLISHED)
    near = [i for i in view.timeline_items() if date(2019, 1, 14) <= view.groups[i.keys[0]].first_day
            <= date(2019, 1, 22)]
    assert near and all(isinstance(i, (EventItem, ClusterItem)) and i.label for i in near)  # Jan 14–22 all named
    for _ in zoom_levels(view):
        check_no_overlaps(view)
        check_clear_of_line(view, PUBLISHED)
