"""The library timeline at scale, in the real dock on a real library: drawn from counts per date where the view
holds too many events (bubbles whose counts add up to the events they stand for), each event loaded and made an
item only for the range in view, and never one bubble for everything at "Fit all"."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from gui.timeline import view_library as view_module
from gui.timeline.dock import TimelineDock
from gui.timeline.items import ClusterItem, EventItem, SummaryItem
from models.analysis import ANALYZER_VERSION
from models.analysis.types import Analysis, TimelineEvent, Timex
from models.article import Article, Metadata, build_text
from models.store import Library, open_library
from models.timeline_query import library_timeline, timeline_counts

LIMIT = 40  # events within a screen of the view drawn one by one (the reader's is 1,500; a small library here)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """120 analysed articles, each reporting 2–4 dated events spread over 2016–2019, a third naming Putin."""
    from models.store.library_index import import_analysed

    lib = open_library(str(tmp_path / "lib.sqlite"))
    rng = random.Random(3)
    pairs = []
    for i in range(120):
        parts, events = [], []
        pos = 0
        for k in range(rng.randint(2, 4)):
            day = date.fromordinal(date(2016, 1, 1).toordinal() + rng.randrange(0, 4 * 365))
            expression = f"{day:%B} {day.day}, {day.year}"
            sentence = f"Officials held summit talks number {i}-{k} on {expression}."
            t0 = pos + sentence.index(expression)
            names = ("Vladimir Putin",) if (i + k) % 3 == 0 else ()
            events.append(TimelineEvent(Timex(t0, t0 + len(expression), expression, "DATE", day.isoformat()),
                                        pos, pos + len(sentence), f"summit talks {i}-{k}", names, "day",
                                        day.isoformat(), day.isoformat(), False))
            parts.append(sentence)
            pos += len(sentence) + 1
        body = " ".join(parts)
        text, blocks = build_text([("paragraph", body)])
        assert text == body
        article = Article(f"g{i}.txt", "text", text, blocks, Metadata(title=f"Generated {i}", published="2019-06-01"))
        pairs.append((article, Analysis(ANALYZER_VERSION, article.text_hash, (), (), tuple(events))))
    import_analysed(lib, pairs)  # in one transaction, the index rows with them
    yield lib
    lib.close()


@pytest.fixture
def dock(qtbot, gui, library, monkeypatch) -> TimelineDock:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(view_module, "DETAIL_LIMIT", LIMIT)
    d = TimelineDock()
    qtbot.addWidget(d)
    d.resize(1200, 220)
    d.show()
    qtbot.waitExposed(d)
    asked: list[str] = []

    def fetch(query: Any, done: Any) -> None:  # the reader runs it on its worker; here at once
        asked.append(getattr(query, "__name__", "query"))
        done(query(library))

    d.asked = asked  # type: ignore[attr-defined]
    d.set_scope("library")
    d.load_library(fetch)
    return d


def settle(qtbot: Any, ms: int = 200) -> None:
    qtbot.wait(ms)
    QApplication.processEvents()


def test_fit_all_draws_bubbles_whose_counts_add_up(dock: TimelineDock, library: Library, qtbot: Any) -> None:
    view = dock.view
    view.fit_all()
    settle(qtbot)
    total = sum(len(g.mentions) for g in library_timeline(library).groups)
    assert total > 4 * LIMIT
    assert view.drawn_from_counts()
    bubbles = [i for i in view.timeline_items() if isinstance(i, SummaryItem)]
    assert not [i for i in view.timeline_items() if isinstance(i, EventItem)]
    assert len(bubbles) >= 8, "Fit all spreads the years over many bubbles, not one"
    assert sum(b.count for b in bubbles) == total  # every event in exactly one bubble
    assert all(b.text == f"{b.count:,}" for b in bubbles)
    named = [b for b in bubbles if b.label]
    assert named and all(b.label.endswith(f"+{b.count - 1:,}") for b in named)
    assert view.groups == ()  # no event read at this zoom: counts only


def test_close_up_only_the_events_in_view_are_loaded_and_made_items(dock: TimelineDock, library: Library,
                                                                    qtbot: Any) -> None:
    view = dock.view
    view.set_visible_range(date(2017, 3, 1), date(2017, 3, 31))
    qtbot.waitUntil(lambda: not view.drawn_from_counts(), timeout=5000)
    settle(qtbot)
    loaded = {(g.first_day, g.last_day) for g in view.groups}
    whole = library_timeline(library).groups
    assert 0 < len(view.groups) < len(whole) / 4
    first, last = min(d for d, _ in loaded), max(d for _, d in loaded)
    assert date(2017, 1, 1) <= first and last <= date(2017, 6, 30)  # a screen either side, no more
    expected = library_timeline(library, since=first, until=last).groups
    assert set(view.groups) >= set(expected)
    items = view.timeline_items()
    assert items and all(isinstance(i, EventItem | ClusterItem) and not isinstance(i, SummaryItem) for i in items)
    days = [view.groups[k].first_day for i in items for k in i.keys]
    assert all(date(2017, 1, 1) <= d <= date(2017, 6, 30) for d in days)
    assert len(items) <= len(view.groups)
    # a pan far away: bubbles at once, then that range's events
    view.set_visible_range(date(2019, 5, 1), date(2019, 5, 31))
    assert view.drawn_from_counts() or all(g.first_day.year == 2019 for g in view.groups)
    qtbot.waitUntil(lambda: not view.drawn_from_counts(), timeout=5000)
    settle(qtbot)
    assert view.groups and all(date(2019, 1, 1) <= g.last_day for g in view.groups)


def test_a_bubble_clicked_zooms_in_until_the_events_show(dock: TimelineDock, qtbot: Any) -> None:
    view = dock.view
    view.fit_all()
    settle(qtbot)
    for _ in range(6):
        bubbles = [i for i in view.timeline_items() if isinstance(i, SummaryItem)]
        if not bubbles:
            break
        before = view.visible_days()
        view._activate(max(bubbles, key=lambda b: b.count))
        settle(qtbot)
        assert view.visible_days() < before
    qtbot.waitUntil(lambda: not view.drawn_from_counts(), timeout=5000)
    assert [i for i in view.timeline_items() if isinstance(i, EventItem | ClusterItem)]


def test_the_entity_filter_asks_the_library_for_that_entity(dock: TimelineDock, library: Library,
                                                             qtbot: Any) -> None:
    view = dock.view
    dock.set_entity_filter("Vladimir Putin")
    settle(qtbot)
    expected = timeline_counts(library, entity="Vladimir Putin")
    assert view.counts() == expected and 0 < sum(c.events for c in expected) < sum(
        c.events for c in timeline_counts(library))
    view.fit_all()
    settle(qtbot)
    items = view.timeline_items()
    if view.drawn_from_counts():
        assert sum(i.count for i in items if isinstance(i, SummaryItem)) == sum(c.events for c in expected)
    else:
        assert all(any(m.event.entities == ("Vladimir Putin",) for m in view.groups[k].mentions)
                   for i in items for k in i.keys)


def test_close_up_a_century_bar_takes_the_row_below_the_days() -> None:
    """A library holds "the 21st century" beside the days of a month: seen up close the long bar does not take the
    first rows (it pushed every day out of sight), it goes below them."""
    from gui.timeline.layout import place_groups
    from models.timeline_query import DatedGroup, EventMention

    def group(first: date, last: date, precision: str) -> DatedGroup:
        ev = TimelineEvent(Timex(0, 4, "then", "DATE", first.isoformat()), 0, 10, "talks", (), precision,
                           first.isoformat(), last.isoformat(), False)
        return DatedGroup(first, last, precision, (EventMention(1, "A", None, ev, "Talks then."),))

    groups = [group(date(2001, 1, 1), date(2100, 12, 31), "century")] + [
        group(date(2019, 1, d), date(2019, 1, d), "day") for d in (3, 9, 15, 21)]
    origin, ppd = date(2019, 1, 1).toordinal(), 40.0
    keys = list(range(len(groups)))
    plain = place_groups(groups, keys, origin, ppd, 3, lambda k: 300.0)
    assert next(s.lane for s in plain.layout.slots if 0 in s.keys) == 0  # before: the century on the first row
    placed = place_groups(groups, keys, origin, ppd, 3, lambda k: 300.0, long_px=2400.0)
    lanes = {k: s.lane for s in placed.layout.slots for k in s.keys}
    assert lanes[0] > max(lanes[k] for k in keys[1:])
    assert sorted(lanes) == keys  # every entry placed once
