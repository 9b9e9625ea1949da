"""Qt's placeholders for Python strings: ``%1``… filled in one pass, ``%n`` counted by Qt with English plurals."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from gui.i18n import arg, plural
from gui.timeline.layout import group_label
from models.analysis.types import TimelineEvent, Timex
from models.timeline_query import DatedGroup, EventMention


def test_every_marker_is_filled_at_once_so_a_value_is_never_filled_again() -> None:
    assert arg("%1 of %2", 3, 12) == "3 of 12"
    assert arg("Exported to %1, but: %2", "notes-%2.md", "two images were left out") \
        == "Exported to notes-%2.md, but: two images were left out"
    assert arg("%2 before %1", "a", "b") == "b before a"
    assert arg("%1 and %3", "one") == "one and %3"  # a marker without a value stays, as in QString::arg
    assert arg("%10%1", *"abcdefghij") == "ja"


def test_counts_are_put_in_by_qt_and_read_as_english(qapp: QApplication) -> None:
    owner = QObject()
    assert [plural(owner.tr("%n highlight(s)", "", n), n) for n in (0, 1, 2)] == \
        ["0 highlights", "1 highlight", "2 highlights"]
    assert plural(QCoreApplication.translate("Timeline", "%n event(s) in %1", None, 1), 1) == "1 event in %1"
    assert plural("3 Treffer", 3) == "3 Treffer"  # a translated text has no "(s)" to settle


def test_a_date_several_articles_report_says_how_many(qapp: QApplication) -> None:
    event = TimelineEvent(Timex(0, 6, "Monday", "DATE", "2019-01-21"), 0, 20, "summit (s)", (), "day",
                          "2019-01-21", "2019-01-21", False)
    day = date(2019, 1, 21)
    mentions = tuple(EventMention(i, "A story", day, event, "The summit on Monday.") for i in (1, 2))
    group = DatedGroup(day, day, "day", mentions)
    assert group_label(group) == "summit (s) · 2 articles"  # the label is put in after the plural is settled
