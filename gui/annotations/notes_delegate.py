"""Paints a Notes row: colour bar, the quote, the note rendered from Markdown, tag chips and a meta line.

Markdown goes through the export's renderer (raw HTML off, images off, only safe links), into a QTextDocument that
is cached per annotation, modification time and width, so scrolling a long list lays each note out once.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.annotations.note_cards import note_markup, wrap_words
from gui.annotations.notes_model import Role
from gui.theme import current_tokens

PAD_X = 14.0
PAD_Y = 10.0
BAR = 3.0
QUOTE_LINES = 4
NOTE_MAX_PX = 150.0
CHIP_H = 18.0
_INDEX = QModelIndex | QPersistentModelIndex
FATE_LABELS = {"orphaned": "Lost in edit", "edited": "Edited under it", "moved": "Moved by edit"}
FATE_COLORS = {"orphaned": ("#F9D6D3", "#A3342C"), "edited": ("#FBEDB2", "#7A5B00"), "moved": ("#D7E6FC", "#24589E")}


class NotesDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._docs: OrderedDict[tuple[str, object, int, bool], QTextDocument] = OrderedDict()
        self.set_base_font(QFont())

    def set_base_font(self, font: QFont) -> None:
        self._quote_font = QFont(font)
        self._quote_font.setPixelSize(13)
        self._note_font = QFont(font)
        self._note_font.setPixelSize(12)
        self._meta_font = QFont(font)
        self._meta_font.setPixelSize(11)
        self._title_font = QFont(self._meta_font)
        self._title_font.setWeight(QFont.Weight.DemiBold)
        self._docs.clear()

    def clear_cache(self) -> None:
        self._docs.clear()

    # -- measuring ---------------------------------------------------------------------------------------------

    def _note_doc(self, index: _INDEX, width: float) -> QTextDocument | None:
        note = index.data(Role.NOTE) or ""
        if not note.strip():
            return None
        tokens = current_tokens()
        key = (str(index.data(Role.ID)), (note, index.data(Role.MODIFIED)), round(width), tokens.dark)
        doc = self._docs.get(key)
        if doc is None:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self._note_font)
            doc.setDefaultStyleSheet(
                f"body {{ color: {tokens.text_secondary}; }} p, ul, ol {{ margin: 0 0 4px 0; }}"
                f" a {{ color: {tokens.accent}; }} code {{ background: {tokens.hover}; }}"
                " h1, h2, h3 { font-size: 13px; margin: 0 0 4px 0; }"
            )
            doc.setHtml(f"<body>{note_markup(note)}</body>")  # a plain note needs no Markdown renderer
            doc.setTextWidth(width)
            self._docs[key] = doc
            while len(self._docs) > 400:
                self._docs.popitem(last=False)
        return doc

    def _quote_lines(self, index: _INDEX, width: float) -> list[str]:
        quote = " ".join(str(index.data(Role.QUOTE) or "").split())
        return wrap_words(f"“{quote}”", QFontMetricsF(self._quote_font), width, QUOTE_LINES)

    def _content_width(self, option: QStyleOptionViewItem) -> float:
        return max(60.0, option.rect.width() - 2 * PAD_X - BAR - 6)

    def sizeHint(self, option: QStyleOptionViewItem, index: _INDEX) -> QSize:  # QStyledItemDelegate.sizeHint
        width = self._content_width(option)
        height = PAD_Y
        if index.data(Role.ARTICLE_TITLE):
            height += QFontMetricsF(self._title_font).lineSpacing() + 3
        height += len(self._quote_lines(index, width)) * QFontMetricsF(self._quote_font).lineSpacing()
        if (doc := self._note_doc(index, width)) is not None:
            height += 5 + min(NOTE_MAX_PX, doc.size().height())
        if index.data(Role.TAGS):
            height += 6 + CHIP_H
        height += 5 + QFontMetricsF(self._meta_font).lineSpacing() + PAD_Y
        return QSize(int(option.rect.width() or 260), int(height + 0.5))

    # -- painting ----------------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _INDEX) -> None:  # QStyledItemDelegate
        tokens = current_tokens()
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(tokens.accent_tint if selected else tokens.hover))
            painter.drawRoundedRect(rect.adjusted(6, 1, -6, -1), 8, 8)
        orphan = index.data(Role.STATUS) == "orphan"
        swatch = QColor(index.data(Role.SWATCH) or tokens.text_tertiary)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(swatch)
        painter.drawRoundedRect(QRectF(rect.left() + PAD_X - 2, rect.top() + PAD_Y, BAR, rect.height() - 2 * PAD_Y),
                                1.5, 1.5)
        x = rect.left() + PAD_X + BAR + 6
        width = self._content_width(option)
        y = rect.top() + PAD_Y
        if title := index.data(Role.ARTICLE_TITLE):
            metrics = QFontMetricsF(self._title_font)
            painter.setFont(self._title_font)
            painter.setPen(QColor(tokens.accent))
            painter.drawText(QPointF(x, y + metrics.ascent()), metrics.elidedText(title, Qt.TextElideMode.ElideRight,
                                                                                   width))
            y += metrics.lineSpacing() + 3
        metrics = QFontMetricsF(self._quote_font)
        painter.setFont(self._quote_font)
        painter.setPen(QColor(tokens.text_tertiary if orphan else tokens.text))
        for line in self._quote_lines(index, width):
            painter.drawText(QPointF(x, y + metrics.ascent()), line)
            y += metrics.lineSpacing()
        if (doc := self._note_doc(index, width)) is not None:
            y += 5
            height = min(NOTE_MAX_PX, doc.size().height())
            painter.save()
            painter.translate(x, y)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, 0, width, height)
            context.palette.setColor(QPalette.ColorRole.Text, QColor(tokens.text_secondary))
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
            y += height
        if tags := index.data(Role.TAGS):
            y += 6
            y = self._paint_chips(painter, tags, x, y, width)
        meta_metrics = QFontMetricsF(self._meta_font)
        y += 5
        painter.setFont(self._meta_font)
        painter.setPen(QColor(tokens.text_tertiary))
        parts = [str(index.data(Role.MEANING) or "")]
        created = index.data(Role.CREATED)
        if isinstance(created, datetime):
            parts.append(created.strftime("%d %b %Y"))
        if orphan:
            parts.append(self.tr("not found in the current text"))
        if fate := index.data(Role.FATE):
            width -= self._paint_fate(painter, str(fate), x + width, y)
        painter.setFont(self._meta_font)
        painter.setPen(QColor(tokens.text_tertiary))
        painter.drawText(QPointF(x, y + meta_metrics.ascent()),
                         meta_metrics.elidedText("  ·  ".join(parts), Qt.TextElideMode.ElideRight, width))
        painter.restore()

    def _paint_fate(self, painter: QPainter, fate: str, right: float, y: float) -> float:
        """The flag of a highlight an edit of the article changed, at the right end of the meta line; returns the
        width it took."""
        label = FATE_LABELS.get(fate, fate)
        text = self.tr(label)
        metrics = QFontMetricsF(self._meta_font)
        w = metrics.horizontalAdvance(text) + 14
        h = metrics.lineSpacing() + 2
        rect = QRectF(right - w, y - 1, w, h)
        fill, ink = FATE_COLORS.get(fate, FATE_COLORS["moved"])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(QColor(ink))
        painter.setFont(self._meta_font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return w + 6

    def _paint_chips(self, painter: QPainter, tags: list[str], x: float, y: float, width: float) -> float:
        tokens = current_tokens()
        metrics = QFontMetricsF(self._meta_font)
        painter.setFont(self._meta_font)
        left = x
        for tag in tags:
            label = f"#{tag}"
            w = metrics.horizontalAdvance(label) + 12
            if left + w > x + width and left > x:
                break  # one row of chips; the editor shows them all
            chip = QRectF(left, y, w, CHIP_H)
            painter.setPen(QColor(tokens.border_strong))
            painter.setBrush(QColor(tokens.panel))
            painter.drawRoundedRect(chip, CHIP_H / 2, CHIP_H / 2)
            painter.setPen(QColor(tokens.text_secondary))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            left += w + 4
        return y + CHIP_H
