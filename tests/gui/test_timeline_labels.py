"""Timeline labels at every zoom level, on the sample and on a generated 200-event article: no label overlaps
another label or mark, the axis, or the publication pill; labels are cut only at word ends; a cluster names its
most important event with "+N"."""

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
from gui.timeline.items import ClusterItem, EventItem
from gui.timeline.view import MAX_PPD, TimelineView
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
    """Fit all, then zoom in step by step to the closest scale, checking at each."""
    view.fit_all()
    seen = []
    for _ in range(40):
        QApplication.processEvents()
        seen.append(view._ppd)
        yield view._ppd
        if view._ppd >= MAX_PPD * 0.99:
            break
        view.zoom_in()


def viewport_rects(view: TimelineView, item: Any) -> tuple[QRectF, QRectF]:
    to_view = view.viewportTransform()
    mark = to_view.mapRect(item.mapRectToScene(item.mark_rect()))
    label = to_view.mapRect(item.mapRectToScene(item.label_rect())) if getattr(item, "label", "") else QRectF()
    return mark, label


def check_no_overlaps(view: TimelineView) -> int:
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
        if text:
            labels += 1
            full = (view.groups[item.keys[0]].mentions[0].event.label if isinstance(item, EventItem) else None)
            if full is not None and text != full:
                assert text.endswith("…")
                cut = text[:-1]
                assert full.startswith(cut) and (len(full) == len(cut) or not full[len(cut)].isalnum()), text
    return labels


def make_view(qtbot: Any, size: tuple[int, int]) -> TimelineView:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("size", [(1200, 180), (900, 140)])
def test_sample_labels_never_overlap_at_any_zoom(qtbot: QtBot, gui: Gui, size: tuple[int, int]) -> None:
    view = make_view(qtbot, size)
    text, events = sample_events()
    view.set_events(events, article_id=7, published=PUBLISHED, text=text)
    shown = [check_no_overlaps(view) for _ in zoom_levels(view)]
    assert len(shown) >= 5 and max(shown) >= 4  # labels are there, not dropped to stay clear


@pytest.mark.slow
def test_a_200_event_article_never_overlaps_at_any_zoom(qtbot: QtBot, gui: Gui) -> None:
    view = make_view(qtbot, (1200, 180))
    text, events, entities = generated_article()
    view.set_events(events, article_id=9, published=PUBLISHED, text=text, entities=entities)
    for _ in zoom_levels(view):
        check_no_overlaps(view)
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
