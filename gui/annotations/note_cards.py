"""Note cards in the reading view's right margin, beside the highlight they belong to.

A card shows the colour's meaning, the start of the note (Markdown reduced to its words) and a dotted lead to its
highlight. Cards are stacked so they never overlap; when the margin is too narrow for a card, a small note tab in
the margin marks the line instead. A click on either selects the highlight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QApplication

from gui import markup
from gui.annotations.colors import Legend
from gui.article_view import ArticleView
from gui.theme import current_tokens

CARD_GAP = 24.0  # from the column to the card
CARD_MAX_WIDTH = 220.0
CARD_MIN_WIDTH = 150.0
CARD_PAD = 10.0
CARD_LINES = 4
STACK_GAP = 8.0


@dataclass
class Card:
    id: str
    color: str
    text: str
    anchor: QRectF  # the highlight's first line, document coordinates
    rect: QRectF  # document coordinates
    compact: bool  # a margin tab rather than a card
    lines: tuple[str, ...] = ()  # the note's lines as the card shows them (wrapped once, when laid out)


# A character or a line start that may be Markdown: a note with none of them renders as its own words, in
# paragraphs split at blank lines (most notes are plain prose; they need neither the renderer nor a QTextDocument).
_MARKUP = re.compile(r"[*_`\[\]<>&\\|~!]|^(?: {4}|\t)|^[ \t]*(?:[#>+=-]|\d+[.)])| {2,}$", re.MULTILINE)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def is_plain(note: str) -> bool:
    """The note holds nothing Markdown would render differently from its words."""
    return _MARKUP.search(note) is None


def note_markup(note: str) -> str:
    """The note's HTML as :func:`models.export.note_markup.note_html` renders it; a plain note without loading the
    renderer."""
    if is_plain(note):
        return "".join(f"<p>{markup.escape(p.strip(), quote=False)}</p>" for p in _PARAGRAPHS.split(note) if p.strip())
    from models.export.note_markup import note_html  # the Markdown renderer loads with the first marked-up note

    return note_html(note)


@lru_cache(maxsize=512)
def note_plain_text(note: str) -> str:
    """The words of a Markdown note, without its markup (for a few lines in a card)."""
    if is_plain(note):
        return " ".join(note.split())
    from models.export.note_markup import note_html  # the Markdown renderer loads with the first note shown

    doc = QTextDocument()
    doc.setHtml(note_html(note))
    return " ".join(doc.toPlainText().split())


class NoteCards(QObject):
    def __init__(self, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._cards: list[Card] = []

    def clear(self) -> None:
        self._cards = []

    def cards(self) -> list[Card]:
        return list(self._cards)

    def _fonts(self) -> tuple[QFont, QFont]:
        base = QApplication.font()
        kicker = QFont(base)
        kicker.setPixelSize(10)
        kicker.setWeight(QFont.Weight.DemiBold)
        kicker.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
        body = QFont(base)
        body.setPixelSize(12)
        return kicker, body

    def layout_cards(self, noted: list[object], painted: list[tuple[QRectF, int, str]],
                     bottom: float | None = None) -> None:
        """Place a card for each visible highlight with a note, in reading order, pushed down past the previous;
        the cards pushed below ``bottom`` (the document y of the viewport's bottom edge) cannot be seen and are left
        out (an article with hundreds of notes laid out and painted every one at every paint)."""
        self._cards = []
        if not noted:
            return
        column = self._view.column_rect()
        offset_x = self._view.horizontalScrollBar().value()
        right_edge = column.right() + offset_x
        margin = self._view.viewport().width() + offset_x - right_edge
        compact = margin < CARD_MIN_WIDTH + CARD_GAP + 12
        width = max(CARD_MIN_WIDTH, min(CARD_MAX_WIDTH, margin - CARD_GAP - 20))
        first_rect: dict[str, QRectF] = {}
        for rect, _level, ident in painted:
            if ident not in first_rect or rect.top() < first_rect[ident].top():
                first_rect[ident] = rect
        kicker_font, body_font = self._fonts()
        body_metrics = QFontMetricsF(body_font)
        kicker_metrics = QFontMetricsF(kicker_font)
        floor = -1e9
        for mark in noted:
            anchor = first_rect.get(mark.id)  # type: ignore[attr-defined]
            if anchor is None:
                continue
            if bottom is not None and (floor if not compact else anchor.top()) > bottom:
                break  # this card and every later one start below the viewport
            text = note_plain_text(mark.note)  # type: ignore[attr-defined]
            lines: list[str] = []
            if compact:
                rect = QRectF(right_edge + 10, anchor.top(), 16, anchor.height())
            else:
                inner = width - 2 * CARD_PAD - 3
                lines = wrap_words(text, body_metrics, inner, CARD_LINES)
                height = 2 * CARD_PAD + kicker_metrics.height() + 4 + len(lines) * body_metrics.lineSpacing()
                top = max(anchor.top() - CARD_PAD + 2, floor)
                rect = QRectF(right_edge + CARD_GAP, top, width, height)
                floor = rect.bottom() + STACK_GAP
            self._cards.append(Card(mark.id, mark.color, text, anchor, rect, compact,  # type: ignore[attr-defined]
                                    tuple(lines)))

    def paint(self, painter: QPainter, _exposed: QRect, legend: Legend) -> None:
        if not self._cards:
            return
        tokens = current_tokens()
        offset = QPointF(self._view.horizontalScrollBar().value(), self._view.verticalScrollBar().value())
        kicker_font, body_font = self._fonts()
        body_metrics = QFontMetricsF(body_font)
        kicker_metrics = QFontMetricsF(kicker_font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-offset)
        right_edge = self._view.column_rect().right() + offset.x()
        for card in self._cards:
            swatch = legend.swatch(card.color)
            if card.compact:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(swatch)
                tab = QRectF(card.rect.left(), card.rect.center().y() - 5, 12, 10)
                painter.drawRoundedRect(tab, 2.5, 2.5)
                painter.drawPolygon([QPointF(tab.left() + 3, tab.bottom()), QPointF(tab.left() + 3, tab.bottom() + 4),
                                     QPointF(tab.left() + 7, tab.bottom())])
                continue
            lead = QPen(QColor(tokens.text_tertiary), 1.2, Qt.PenStyle.DotLine)
            painter.setPen(lead)
            y = card.rect.top() + CARD_PAD + kicker_metrics.ascent() * 0.6
            painter.drawLine(QPointF(right_edge + 6, y), QPointF(card.rect.left() - 2, y))
            shadow = QColor(0, 0, 0, 60 if tokens.dark else 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shadow)
            painter.drawRoundedRect(card.rect.translated(0, 2), 8, 8)
            painter.setBrush(QColor(tokens.surface if not tokens.dark else "#232429"))
            painter.setPen(QPen(QColor(tokens.border_strong if not tokens.dark else tokens.border), 1))
            painter.drawRoundedRect(card.rect, 8, 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(swatch)
            painter.drawRoundedRect(QRectF(card.rect.left() + 5, card.rect.top() + 8, 3, card.rect.height() - 16),
                                    1.5, 1.5)
            x = card.rect.left() + CARD_PAD + 3
            painter.setFont(kicker_font)
            painter.setPen(QColor(tokens.text_tertiary))
            kicker = f"{legend.meaning(card.color).upper()}  ·  {self.tr('NOTE')}"
            painter.drawText(QPointF(x, card.rect.top() + CARD_PAD + kicker_metrics.ascent()), kicker)
            painter.setFont(body_font)
            painter.setPen(QColor(tokens.text_secondary if tokens.dark else tokens.text))
            y = card.rect.top() + CARD_PAD + kicker_metrics.height() + 4 + body_metrics.ascent()
            for line in card.lines:
                painter.drawText(QPointF(x, y), line)
                y += body_metrics.lineSpacing()
        painter.restore()

    def card_at(self, viewport_point: QPointF) -> str | None:
        offset = QPointF(self._view.horizontalScrollBar().value(), self._view.verticalScrollBar().value())
        point = viewport_point + offset
        for card in self._cards:
            if card.rect.adjusted(-2, -2, 2, 2).contains(point):
                return card.id
        return None


def wrap_words(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    words = text.split()
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines:
            rest = " ".join(words[i:])
            lines[-1] = metrics.elidedText(lines[-1] + " " + rest, Qt.TextElideMode.ElideRight, width)
            return lines
    if current:
        lines.append(metrics.elidedText(current, Qt.TextElideMode.ElideRight, width))
    return lines
