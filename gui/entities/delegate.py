"""Paints the entity tree as in the design: type headings in small capitals with an icon and a count, entity rows
with a count and a small bar scaled to the most mentioned entity, and the selected entity as a tinted card holding
its mentions ("¶3 …counterpart Sergey Lavrov."), the words of the mention underlined like in the article."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.entities.model import Kind, Role, counted
from gui.entities.type_icons import type_pixmap
from gui.i18n import arg
from gui.theme import current_tokens

PAD = 14  # left and right padding of a row
TEXT_X = 36  # where names start (after the type icon column)
SNIPPET_X = TEXT_X + 30  # where a mention's context starts (after "¶12")
BAR_W, COUNT_W = 34, 24
GROUP_H, ENTITY_H, SUBTITLE_H, MENTION_H = 34, 26, 20, 21
CARD_INSET = 6
FADED = 0.45  # opacity of a low-confidence entity row

_INDEX = QModelIndex | QPersistentModelIndex


class EntityDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_fonts(QFont(), "")

    def set_fonts(self, ui: QFont, serif_family: str) -> None:
        """The interface face for names and headings, the article's serif for the mentions' context."""
        self._name = QFont(ui)
        self._name.setPixelSize(13)
        self._name_bold = QFont(self._name)
        self._name_bold.setWeight(QFont.Weight.DemiBold)
        self._label = QFont(ui)
        self._label.setPixelSize(11)
        self._label.setWeight(QFont.Weight.DemiBold)
        self._label.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
        self._small = QFont(ui)
        self._small.setPixelSize(12)
        self._para = QFont(ui)
        self._para.setPixelSize(11)
        self._serif = QFont(serif_family) if serif_family else QFont(ui)
        if serif_family:
            self._serif.setFamilies([serif_family, "serif"])
        self._serif.setPixelSize(13)

    def sizeHint(self, option: QStyleOptionViewItem, index: _INDEX) -> QSize:  # QStyledItemDelegate.sizeHint
        kind = index.data(Role.KIND)
        width = option.rect.width()
        if kind == Kind.GROUP:
            return QSize(width, GROUP_H)
        if kind == Kind.MENTION:
            return QSize(width, MENTION_H + (6 if index.data(Role.LAST) else 0))
        return QSize(width, ENTITY_H + (SUBTITLE_H if index.data(Role.EXPANDED) else 0))

    # QStyledItemDelegate.paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _INDEX) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(option.rect)
        kind = index.data(Role.KIND)
        if kind == Kind.GROUP:
            self._paint_group(painter, option, index)
        elif kind == Kind.ENTITY:
            self._paint_entity(painter, option, index)
        else:
            self._paint_mention(painter, option, index)
        painter.restore()

    # -- rows -------------------------------------------------------------------------------------------------------

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: _INDEX) -> None:
        tokens = current_tokens()
        rect = option.rect
        metrics = QFontMetrics(self._label)
        baseline = rect.bottom() - 9
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = type_pixmap(str(index.data(Role.TYPE)), tokens.text_tertiary, 14, ratio)
        painter.drawPixmap(QPointF(rect.left() + PAD, baseline - metrics.capHeight() / 2 - 6), pixmap)
        painter.setFont(self._label)
        painter.setPen(QColor(tokens.text_secondary))
        painter.drawText(rect.left() + TEXT_X, baseline, str(index.data(Role.NAME)).upper())
        count = str(index.data(Role.COUNT))
        painter.setFont(self._small)
        painter.setPen(QColor(tokens.text_tertiary))
        right = rect.right() - PAD
        painter.drawText(right - QFontMetrics(self._small).horizontalAdvance(count), baseline, count)

    def _card(self, painter: QPainter, rect: QRect, top: bool, bottom: bool) -> None:
        """The tinted card of the selected entity, spread over its row and its mention rows."""
        card = QRectF(rect.left() + CARD_INSET, rect.top() - (0 if top else 10), rect.width() - 2 * CARD_INSET,
                      rect.height() + (0 if top else 10) + (-2 if bottom else 10))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(current_tokens().accent_tint))
        painter.drawRoundedRect(card, 8, 8)

    def _focus(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect) -> None:
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(current_tokens().accent), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(CARD_INSET + 0.5, 0.5, -CARD_INSET - 0.5, -0.5), 6, 6)

    def _paint_entity(self, painter: QPainter, option: QStyleOptionViewItem, index: _INDEX) -> None:
        tokens = current_tokens()
        rect = option.rect
        expanded = bool(index.data(Role.EXPANDED))
        if index.data(Role.LOW_CONFIDENCE) and not expanded:
            painter.setOpacity(FADED)  # doubtful: the reader can confirm it, or hide all such with one toggle
        if expanded:
            self._card(painter, rect, top=True, bottom=False)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(tokens.hover))
            painter.drawRoundedRect(QRectF(rect).adjusted(CARD_INSET, 1, -CARD_INSET, -1), 6, 6)
        accent = QColor(tokens.accent)
        row = QRect(rect.left(), rect.top(), rect.width(), ENTITY_H)
        name_font = self._name_bold if expanded else self._name
        metrics = QFontMetrics(name_font)
        baseline = row.top() + (ENTITY_H + metrics.capHeight()) // 2

        count = int(index.data(Role.COUNT) or 0)
        right = rect.right() - PAD
        painter.setFont(name_font if expanded else self._name)
        painter.setPen(accent if expanded else QColor(tokens.text))
        count_text = str(count)
        painter.drawText(right - metrics.horizontalAdvance(count_text), baseline, count_text)

        bar_right = right - COUNT_W - 6
        bar_y = baseline - metrics.capHeight() / 2 - 1.5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tokens.border_strong if not tokens.dark else tokens.border))
        painter.drawRoundedRect(QRectF(bar_right - BAR_W, bar_y, BAR_W, 3), 1.5, 1.5)
        share = count / max(1, int(index.data(Role.MAX_COUNT) or 1))
        painter.setBrush(accent if expanded else QColor(tokens.text_tertiary))
        painter.drawRoundedRect(QRectF(bar_right - BAR_W, bar_y, max(3.0, BAR_W * share), 3), 1.5, 1.5)

        name_right = bar_right - BAR_W - 10
        if index.data(Role.VERIFIED):
            self._check(painter, QPointF(name_right - 9, baseline - metrics.capHeight() / 2),
                        accent if expanded else QColor(tokens.text_tertiary))
            name_right -= 16
        name = metrics.elidedText(str(index.data(Role.NAME)), Qt.TextElideMode.ElideRight,
                                  name_right - rect.left() - TEXT_X)
        painter.setFont(name_font)
        painter.setPen(accent if expanded else QColor(tokens.text))
        painter.drawText(rect.left() + TEXT_X, baseline, name)
        if expanded:
            painter.fillRect(QRectF(rect.left() + TEXT_X, baseline + 3, metrics.horizontalAdvance(name), 1.5), accent)
            painter.setFont(self._small)
            painter.setPen(QColor(tokens.text_secondary))
            small = QFontMetrics(self._small)
            subtitle = small.elidedText(self._subtitle(index), Qt.TextElideMode.ElideRight,
                                        rect.width() - TEXT_X - PAD)
            painter.drawText(rect.left() + TEXT_X, row.bottom() + 1 + (SUBTITLE_H + small.capHeight()) // 2 - 4,
                             subtitle)
        self._focus(painter, option, rect)

    def _subtitle(self, index: _INDEX) -> str:
        from PySide6.QtCore import QCoreApplication

        tr = QCoreApplication.translate
        if description := str(index.data(Role.DESCRIPTION) or ""):
            # What the article says the entity is, as the mock-up: "Russian foreign minister · in 6 articles".
            parts = [description[:1].upper() + description[1:]]
        else:
            parts = [counted("%n mention(s)", int(index.data(Role.COUNT) or 0)),
                     arg(tr("Entities", "first in ¶%1"), index.data(Role.PARAGRAPH))]
        if articles := int(index.data(Role.ARTICLE_COUNT) or 0):
            parts.append(counted("in %n article(s)", articles))
            if filed := str(index.data(Role.LIBRARY_NAME) or ""):  # "in 9 articles as Donald Trump"
                parts[-1] = arg(tr("Entities", "%1 as %2"), parts[-1], filed)
        return " · ".join(parts)

    @staticmethod
    def _check(painter: QPainter, at: QPointF, color: QColor) -> None:
        path = QPainterPath(QPointF(at.x() - 4, at.y()))
        path.lineTo(at.x() - 1.5, at.y() + 2.5)
        path.lineTo(at.x() + 3.5, at.y() - 2.8)
        pen = QPen(color, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_mention(self, painter: QPainter, option: QStyleOptionViewItem, index: _INDEX) -> None:
        tokens = current_tokens()
        rect = option.rect
        last = bool(index.data(Role.LAST))
        self._card(painter, rect, top=False, bottom=last)
        current = bool(index.data(Role.CURRENT))
        accent = QColor(tokens.accent)
        row = QRect(rect.left(), rect.top(), rect.width(), MENTION_H)
        metrics = QFontMetrics(self._serif)
        baseline = row.top() + (MENTION_H + metrics.capHeight()) // 2
        if current:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(QRectF(rect.left() + CARD_INSET + 6, row.top() + 4, 2.5, MENTION_H - 8), 1, 1)
        painter.setFont(self._para)
        painter.setPen(accent if current else QColor(tokens.text_tertiary))
        painter.drawText(rect.left() + TEXT_X, baseline, f"¶{index.data(Role.PARAGRAPH)}")

        before, match, after = (str(index.data(r) or "") for r in (Role.BEFORE, Role.MATCH, Role.AFTER))
        width = rect.right() - PAD - (rect.left() + SNIPPET_X)
        match_w = metrics.horizontalAdvance(match)
        if match_w >= width:
            match = metrics.elidedText(match, Qt.TextElideMode.ElideRight, width)
            before, after, match_w = "", "", metrics.horizontalAdvance(match)
        room = width - match_w
        after_need = metrics.horizontalAdvance(after)
        before_room = max(int(room * 0.45), room - after_need)
        shown_before = metrics.elidedText(before, Qt.TextElideMode.ElideLeft, before_room) if before else ""
        if shown_before and shown_before != before and not shown_before.startswith("…"):
            shown_before = "…" + shown_before
        before_w = metrics.horizontalAdvance(shown_before)
        shown_after = metrics.elidedText(after, Qt.TextElideMode.ElideRight, room - before_w) if after else ""

        x = rect.left() + SNIPPET_X
        painter.setFont(self._serif)
        painter.setPen(QColor(tokens.text_secondary))
        painter.drawText(x, baseline, shown_before)
        x += before_w
        painter.setPen(QColor(tokens.text))
        painter.drawText(x, baseline, match)
        painter.fillRect(QRectF(x, baseline + 2.5, match_w, 1.5), accent)
        x += match_w
        painter.setPen(QColor(tokens.text_secondary))
        painter.drawText(x, baseline, shown_after)
        self._focus(painter, option, row)
