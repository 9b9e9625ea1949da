"""The hover card of a timeline mark shows its first line whole and never covers the mark it describes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gui.timeline.hover_card import card_position
from gui.timeline.items import ClusterItem
from tests.gui.fixture_types import Gui
from tests.gui.test_timeline_view import PUBLISHED, sample_events

AREA = QRect(0, 0, 1440, 900)


@pytest.mark.parametrize("anchor", [QRect(700, 500, 30, 16), QRect(700, 20, 30, 16), QRect(5, 880, 30, 16),
                                    QRect(1420, 300, 16, 16)])
@pytest.mark.parametrize("size", [QSize(340, 180), QSize(340, 420), QSize(340, 860)])
def test_the_card_never_covers_its_mark_and_stays_on_screen(anchor: QRect, size: QSize) -> None:
    top_left: QPoint = card_position(size, anchor, AREA)
    card = QRect(top_left, size)
    assert not card.intersects(anchor)
    assert AREA.contains(card) or size.height() > AREA.height() - 8


@pytest.mark.qt_log_ignore(r"does not support (raise|propagateSizeHints)")
def test_a_cluster_card_shows_every_line_whole(qtbot: QtBot, gui: Gui) -> None:
    from gui.timeline.view import TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 180)
    view.show()
    qtbot.waitExposed(view)
    text, events = sample_events()
    view.set_events(events, article_id=7, published=PUBLISHED, text=text)
    view.fit_all()
    QApplication.processEvents()
    clusters = [i for i in view.timeline_items() if isinstance(i, ClusterItem)]
    assert clusters
    view._show_card(clusters[0])
    card = view.card
    QApplication.processEvents()
    labels = [w for w in card.findChildren(QLabel) if w.isVisible()]
    assert labels
    for label in labels:
        top = label.mapTo(card, label.rect().topLeft()).y()
        assert top >= 0 and top + label.heightForWidth(label.width()) <= card.height() + 1, label.text()
    rect = view.viewport_rect_of(clusters[0])
    anchor = QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())
    assert not card.geometry().intersects(anchor)
