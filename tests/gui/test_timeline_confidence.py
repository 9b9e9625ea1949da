"""A timeline mark whose value the analyser is not sure of is drawn faded; a sure one is not."""

from __future__ import annotations

from dataclasses import replace

from gui.timeline.items import EventItem
from gui.timeline.mark_layer import FADED_EVENT
from gui.timeline.view import TimelineView
from tests.gui.test_timeline_view import PUBLISHED, sample_events


def test_doubtful_events_are_faded(qtbot, gui) -> None:  # type: ignore[no-untyped-def]
    text, events = sample_events()
    doubtful = {"February", "June"}
    events = [replace(ev, timex=replace(ev.timex, confidence=0.3, provenance="tense of the clause"))
              if ev.timex.text in doubtful else ev for ev in events]
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(2400, 220)
    view.show()
    qtbot.waitExposed(view)
    view.set_events(events, article_id=7, published=PUBLISHED, text=text, title="Abe fails")
    items = [i for i in view.timeline_items() if isinstance(i, EventItem)]
    assert items
    seen = set()
    for item in items:
        mentions = view.groups[item.keys[0]].mentions
        low = all(m.event.timex.text in doubtful for m in mentions)
        assert (item.opacity() == FADED_EVENT) == low
        seen.add(low)
    assert True in seen and False in seen
