"""A timeline mark whose value the analyser is not sure of is drawn faded; a sure one is not."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from gui.timeline.items import EventItem
from gui.timeline.mark_layer import FADED_EVENT
from gui.timeline.view import TimelineView
from tests.gui.fixture_types import Gui
from tests.gui.test_timeline_view import PUBLISHED, sample_events


def test_doubtful_events_are_faded(qtbot: QtBot, gui: Gui) -> None:
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


def test_one_toggle_hides_the_doubtful_dates(qtbot: QtBot, gui: Gui) -> None:
    from gui.timeline.dock import TimelineDock

    text, events = sample_events()
    events = [replace(ev, timex=replace(ev.timex, confidence=0.3)) if ev.timex.text == "June" else ev
              for ev in events]
    dock = TimelineDock()
    qtbot.addWidget(dock)
    dock.resize(1400, 240)
    dock.show()
    dock.set_events(events, article_id=7, published=PUBLISHED, text=text, title="Abe fails")

    def shown() -> list[str]:
        return [m.event.timex.text for g in dock.view.groups for m in g.mentions]

    assert "June" in shown()
    dock.sure_button.setChecked(True)
    assert "June" not in shown() and "Jan. 22" in shown()
    dock.sure_button.setChecked(False)
    assert "June" in shown()
