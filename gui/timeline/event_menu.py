"""The context menu of a timeline mark: open the sentence, confirm the date, or say the words are no date.

A mark of one event gets the three actions; a date several articles report gets one sub-menu per report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from gui.operations.timeline import CONFIRM, NOT_A_DATE
from models.timeline_groups import EventMention

MAX_REPORTS = 12  # sub-menus of one mark; the rest are reached by zooming in


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


def event_menu(
    parent: QWidget,
    mentions: Sequence[EventMention],
    show: Callable[[EventMention], None],
    correct: Callable[[EventMention, str], None],
) -> QMenu:
    """The menu for ``mentions`` (one mark); ``show`` opens a mention's sentence, ``correct`` confirms it or takes
    it off the timeline."""
    menu = QMenu(parent)
    menu.setAccessibleName(_tr("Timeline event"))
    if len(mentions) == 1:
        _fill(menu, mentions[0], show, correct)
        return menu
    for m in mentions[:MAX_REPORTS]:
        title = m.article_title or _tr("Untitled article")
        _fill(menu.addMenu(f"{title} — {m.event.label or m.event.timex.text}"), m, show, correct)
    return menu


def _fill(menu: QMenu, m: EventMention, show: Callable[[EventMention], None],
          correct: Callable[[EventMention, str], None]) -> None:
    menu.addAction(_tr("Show in Article"), lambda: show(m))
    menu.addSeparator()
    from models.analysis.event_corrections import confirmed  # loaded with the first menu, after the first paint

    confirm = menu.addAction(_tr("Confirm Date"), lambda: correct(m, CONFIRM))
    if confirmed(m.event):
        confirm.setText(_tr("Date Confirmed by You"))
        confirm.setEnabled(False)
    menu.addAction(_tr("Not a Date"), lambda: correct(m, NOT_A_DATE))
