"""The marks of the timeline under the pointer and the keys: hover, focus, the card, activation and the menus.

:class:`TimelineMarks` sits between the input (:mod:`gui.timeline.view_input`, which turns events into these calls)
and :class:`~gui.timeline.view.TimelineView`, which builds the marks, knows the groups they stand for and lays them
out; the few things it needs from the view are declared below the marker.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMenu

from gui.timeline import axis
from gui.timeline.colors import TimelineColors
from gui.timeline.event_menu import event_menu
from gui.timeline.hover_card import HoverCard
from gui.timeline.items import ClusterItem, SummaryItem, TimelineItem
from gui.timeline.scene_builder import fit_scale
from gui.timeline.view_input import TimelineInput
from models.timeline_groups import DatedGroup, EventMention

TOP_PAD = 3.0
MAX_PPD = 160.0  # a day 160 px wide: closer shows nothing new


class TimelineMarks(TimelineInput):
    """Emits :attr:`event_activated` (article id, sentence start/end, expression start/end) on a click or Enter,
    :attr:`event_correction_requested` when the reader confirms a date or says it is none."""

    event_activated = Signal(int, int, int, int, int)
    event_correction_requested = Signal(int, str, int, int)  # article id, confirm | not-a-date, expression span

    card: HoverCard
    _hide_card: QTimer
    _hover: TimelineItem | None
    _groups: tuple[DatedGroup, ...]
    _published: date | None
    _colors: TimelineColors
    _left: float
    _ppd: float
    _fit: str | None  # "focus" | "all": the range a resize keeps; None once the reader moved
    mention_menu: QMenu | None
    event_menu: QMenu | None

    # -- hover, focus, activation ----------------------------------------------------------------------------

    def _item_at(self, pos: QPoint) -> TimelineItem | None:
        if pos.y() < axis.HEADER_HEIGHT:
            return None
        for item in self.items(pos):
            if isinstance(item, TimelineItem):
                return item
        return None

    def _hover_at(self, pos: QPoint) -> None:
        item = self._item_at(pos)
        if item is self._hover:
            return
        self._set_hover(item)
        if item is None:
            self._hide_card.start()
        else:
            self._show_card(item)

    def _set_hover(self, item: TimelineItem | None) -> None:
        if self._hover is not None and self._hover in self._items:
            self._hover.set_state(hovered=False)
        self._hover = item
        if item is not None:
            item.set_state(hovered=True)
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.viewport().unsetCursor()

    def _set_focus_item(self, item: TimelineItem | None) -> None:
        if self._focus is not None and self._focus in self._items:
            self._focus.set_state(focused=False)
        self._focus = item
        if item is None:
            return
        item.set_state(focused=True)
        self._ensure_visible(item)
        self._show_card(item)
        self.setAccessibleDescription(self.card.text)

    def _ensure_visible(self, item: TimelineItem) -> None:
        rect = self.viewport_rect_of(item)
        if rect.left() < 20:
            self.pan_by(20 - rect.left() + self._width() * 0.1)
        elif rect.right() > self._width() - 40:
            self.pan_by(self._width() - 40 - rect.right() - self._width() * 0.1)
        top = rect.top()
        if top < axis.HEADER_HEIGHT or rect.bottom() > self.viewport().height() - axis.FOOTER_HEIGHT:
            self.pan_by(0, axis.HEADER_HEIGHT + TOP_PAD - top)

    def _show_card(self, item: TimelineItem) -> None:
        self._hide_card.stop()
        rect = self.viewport_rect_of(item)
        anchor = QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())
        if isinstance(item, SummaryItem):
            self.card.show_summary(item.count, item.first_day, item.last_day, [item.label] if item.label else [],
                                   self._colors, anchor)
        elif isinstance(item, ClusterItem):
            self.card.show_cluster([self._groups[k] for k in item.keys], self._colors, anchor)
        else:
            self.card.show_group(self._groups[item.keys[0]], self._published, self._colors, anchor)

    @Slot()
    def _maybe_hide_card(self) -> None:
        if not self.card.underMouse() and self._hover is None and self._focus is None:
            self.card.hide()

    def _activate(self, item: TimelineItem) -> None:
        if isinstance(item, SummaryItem):
            self._zoom_to(item.first_day, max(item.last_day, item.first_day))
            return
        groups = [self._groups[k] for k in item.keys]
        if isinstance(item, ClusterItem):
            first = min(g.first_day for g in groups)
            last = max(g.last_day for g in groups)
            if (last - first).days >= 2:
                self._zoom_to(first, last)
                return
        mentions = [m for g in groups for m in g.mentions]
        if len(mentions) == 1:
            self._activate_mention(mentions[0])
        else:
            self._choose_mention(item, mentions)

    def _zoom_to(self, first: date, last: date) -> None:
        pad = max(1.0, (last - first).days * 0.25)
        self._left, self._ppd = fit_scale(first.toordinal() - pad, last.toordinal() + 1 + pad, self._width())
        self._ppd = min(self._ppd, MAX_PPD)
        self._fit = None
        self.card.hide()
        self._relayout()

    def _choose_mention(self, item: TimelineItem, mentions: list[EventMention]) -> None:
        """A date several articles report: let the reader pick which article and sentence to open."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Choose an article"))
        for m in mentions:
            text = f"{m.article_title or self.tr('Untitled article')} — {m.event.label or m.event.timex.text}"
            action = menu.addAction(text)
            action.setData(m)
            action.triggered.connect(lambda _=False, m=m: self._activate_mention(m))
        self.mention_menu = menu
        self.card.hide()
        rect = self.viewport_rect_of(item)
        menu.popup(self.viewport().mapToGlobal(rect.bottomLeft()))

    def _show_event_menu(self, item: TimelineItem, pos: QPoint) -> None:
        """The mark's context menu (``pos`` global): show, confirm the date, not a date."""
        if isinstance(item, SummaryItem):
            return
        mentions = [m for k in item.keys for m in self._groups[k].mentions]
        if not mentions:
            return
        self.card.hide()
        self.event_menu = event_menu(self, mentions, self._activate_mention, self._request_correction)
        self.event_menu.popup(pos)

    @Slot(object, str)
    def _request_correction(self, mention: EventMention, action: str) -> None:
        t = mention.event.timex
        self.event_correction_requested.emit(mention.article_id, action, t.start, t.end)

    @Slot(object)
    def _activate_mention(self, mention: EventMention) -> None:
        ev = mention.event
        self.event_activated.emit(
            mention.article_id, ev.sentence_start, ev.sentence_end, ev.timex.start, ev.timex.end
        )

    # -- implemented by the view -----------------------------------------------------------------------------

    def viewport_rect_of(self, item: TimelineItem) -> QRect:
        raise NotImplementedError

    def _relayout(self) -> None:
        raise NotImplementedError
