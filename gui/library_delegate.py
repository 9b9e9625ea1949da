"""Paints a library row: title (two lines at most), "source · date", highlight colours and count, and the
search snippet with its matches when the list shows search results."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter, QTextLayout
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.library_model import Role
from gui.theme import current_tokens

PAD_X, PAD_Y, GAP = 14, 8, 3
ANALYSIS_MARKS = {"failed": "⚠ analysis failed", "partial": "◐ partly analysed"}
FAILED_COLOUR = "#E0564F"  # the design's warning red (a status, not a highlight colour)
_INDEX = QModelIndex | QPersistentModelIndex


def dot_colors(index: _INDEX, unknown: str) -> list[str]:
    """The colours of a row's dots: the first three highlight colours as the library's legend paints them now."""
    keys = (index.data(Role.COLORS) or [])[:3]
    swatches = list(index.data(Role.SWATCHES) or [])
    return [swatches[i] if i < len(swatches) and swatches[i] else unknown for i in range(len(keys))]


class LibraryDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_font = QFont()
        self._title_font.setPixelSize(13)
        self._title_font.setWeight(QFont.Weight.DemiBold)
        self._meta_font = QFont()
        self._meta_font.setPixelSize(12)
        # Row heights by (title, snippet, width): the list measures every row again whenever rows are added (each
        # page fetched while scrolling), which laid out 4,000 titles again for the fifth page of a big library.
        self._heights: dict[tuple[str, str, int], int] = {}

    def set_base_font(self, font: QFont) -> None:
        self._heights.clear()
        self._title_font = QFont(font)
        self._title_font.setPixelSize(13)
        self._title_font.setWeight(QFont.Weight.DemiBold)
        self._meta_font = QFont(font)
        self._meta_font.setPixelSize(12)

    def _lines(self, text: str, font: QFont, width: int, max_lines: int) -> list[str]:
        """Break ``text`` into at most ``max_lines`` lines of ``width`` pixels, eliding the last one."""
        metrics = QFontMetrics(font)
        layout = QTextLayout(text, font)
        layout.beginLayout()
        lines: list[str] = []
        while len(lines) < max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            if len(lines) == max_lines - 1 and start + length < len(text):
                lines.append(metrics.elidedText(text[start:], Qt.TextElideMode.ElideRight, width))
            else:
                lines.append(text[start : start + length].rstrip())
        layout.endLayout()
        return lines or [""]

    def snippet_lines(self, snippet: str, marks: list[Any], width: int) -> list[tuple[str, list[tuple[int, int]]]]:
        """The search snippet in at most two lines with its first matched word visible (the text before it is cut
        at a word with '…' when the match would fall past the second line); each line with its matched spans."""
        spans = sorted((int(a), int(b)) for a, b in (marks or []) if 0 <= int(a) < int(b) <= len(snippet))
        text = snippet
        if spans:
            first_start, first_end = spans[0]
            lines = self._lines(text, self._meta_font, width, 2)
            shown = sum(len(line) for line in lines[:1])  # the match is best seen on the first line
            if first_end > shown:
                words = [m.start() for m in re.finditer(r"\S+", text[:first_start])]
                cut = words[-3] if len(words) >= 3 else (words[0] if words else first_start)
                if cut > 0:
                    text = "…" + text[cut:]
                    spans = [(a - cut + 1, b - cut + 1) for a, b in spans if a >= cut]
        out: list[tuple[str, list[tuple[int, int]]]] = []
        offset = 0
        for line in self._lines(text, self._meta_font, width, 2):
            at = text.find(line.rstrip("…"), offset) if line else offset
            at = offset if at < 0 else at
            out.append((line, [(max(a, at) - at, min(b, at + len(line)) - at) for a, b in spans
                               if a < at + len(line) and b > at]))
            offset = at + len(line)
        return out

    def sizeHint(self, option: QStyleOptionViewItem, index: _INDEX) -> QSize:  # QStyledItemDelegate.sizeHint
        width = max(80, option.rect.width() or 260) - 2 * PAD_X
        title_text = str(index.data(Role.TITLE) or "")
        snippet = str(index.data(Role.SNIPPET) or "")
        key = (title_text, snippet, width)
        height = self._heights.get(key)
        if height is None:
            title = self._lines(title_text, self._title_font, width, 2)
            height = PAD_Y * 2 + len(title) * QFontMetrics(self._title_font).lineSpacing()
            height += GAP + QFontMetrics(self._meta_font).lineSpacing()
            if snippet:
                lines = len(self._lines(snippet, self._meta_font, width, 2))
                height += GAP + lines * QFontMetrics(self._meta_font).lineSpacing()
            if len(self._heights) > 50_000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(option.rect.width(), height + 2)

    @staticmethod
    def _row_state(option: QStyleOptionViewItem, index: _INDEX) -> tuple[bool, bool, bool]:
        """Selected, under the mouse, current in a focused list: asked of the list itself. ``option.state`` says the
        same, but reading it makes PySide6 build ``QStyle`` and its eleven enums (7–11 ms) before the first paint."""
        view = option.widget
        if not isinstance(view, QAbstractItemView):
            return False, False, False
        row = view.model().index(index.row(), index.column())
        model = view.selectionModel()
        selected = model is not None and model.isSelected(row)
        port = view.viewport()
        hovered = port.underMouse() and view.indexAt(port.mapFromGlobal(QCursor.pos())) == row
        focused = view.hasFocus() and view.currentIndex() == row
        return selected, hovered, focused

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _INDEX) -> None:  # QStyledItemDelegate
        tokens = current_tokens()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(option.rect).adjusted(6, 1, -6, -1)
        selected, hovered, focused = self._row_state(option, index)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(tokens.accent_tint))
            painter.drawRoundedRect(QRectF(rect), 8, 8)
            painter.setBrush(QColor(tokens.accent))
            painter.drawRoundedRect(QRectF(rect.left(), rect.top() + 6, 3, rect.height() - 12), 1.5, 1.5)
        elif hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(tokens.hover))
            painter.drawRoundedRect(QRectF(rect), 8, 8)
        if focused and selected:
            ring = QColor(tokens.accent)
            ring.setAlphaF(0.45)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)

        x = option.rect.left() + PAD_X
        width = option.rect.width() - 2 * PAD_X
        y = option.rect.top() + PAD_Y
        title_metrics = QFontMetrics(self._title_font)
        painter.setFont(self._title_font)
        painter.setPen(QColor(tokens.text))
        for line in self._lines(index.data(Role.TITLE) or "", self._title_font, width, 2):
            painter.drawText(x, y + title_metrics.ascent(), line)
            y += title_metrics.lineSpacing()
        y += GAP

        meta_metrics = QFontMetrics(self._meta_font)
        painter.setFont(self._meta_font)
        count = int(index.data(Role.HIGHLIGHT_COUNT) or 0)
        right = x + width
        if count:
            count_text = str(count)
            right -= meta_metrics.horizontalAdvance(count_text)
            painter.setPen(QColor(tokens.text_secondary))
            painter.drawText(right, y + meta_metrics.ascent(), count_text)
            right -= 6
            painter.setPen(Qt.PenStyle.NoPen)
            for swatch in reversed(dot_colors(index, tokens.text_tertiary)):
                painter.setBrush(QColor(swatch))
                right -= 7
                cy = y + meta_metrics.ascent() - meta_metrics.xHeight() / 2
                painter.drawEllipse(QRectF(right, cy - 3, 6, 6))
                right -= 1
            right -= 6
        if index.data(Role.EDITED):
            right = self._paint_edited(painter, right, y, meta_metrics)
        status = index.data(Role.ANALYSIS_STATUS) or ""
        if status:  # the analysis failed or stopped partway: a mark at the end of the meta line
            mark = ANALYSIS_MARKS.get(status, status)
            right -= meta_metrics.horizontalAdvance(mark)
            painter.setPen(QColor(FAILED_COLOUR if status == "failed" else tokens.text_secondary))
            painter.drawText(right, y + meta_metrics.ascent(), mark)
            right -= 8
        painter.setPen(QColor(tokens.text_tertiary))
        source_line = meta_metrics.elidedText(
            index.data(Role.SOURCE_LINE) or "", Qt.TextElideMode.ElideRight, right - x
        )
        painter.drawText(x, y + meta_metrics.ascent(), source_line)
        y += meta_metrics.lineSpacing()

        if snippet := index.data(Role.SNIPPET):
            y += GAP
            painter.setPen(QColor(tokens.text_secondary))
            bold = QFont(self._meta_font)
            bold.setWeight(QFont.Weight.DemiBold)
            bold_metrics = QFontMetrics(bold)
            for line, spans in self.snippet_lines(snippet, index.data(Role.SNIPPET_MARKS) or [], width):
                cursor, pos = x, 0
                for a, b in [*spans, (len(line), len(line))]:
                    painter.setFont(self._meta_font)
                    painter.setPen(QColor(tokens.text_secondary))
                    painter.drawText(cursor, y + meta_metrics.ascent(), line[pos:a])
                    cursor += meta_metrics.horizontalAdvance(line[pos:a])
                    if b > a:
                        painter.setFont(bold)
                        painter.setPen(QColor(tokens.text))
                        painter.drawText(cursor, y + meta_metrics.ascent(), line[a:b])
                        cursor += bold_metrics.horizontalAdvance(line[a:b])
                    pos = b
                y += meta_metrics.lineSpacing()
        painter.restore()

    def _paint_edited(self, painter: QPainter, right: int, y: int, metrics: QFontMetrics) -> int:
        """The "Edited" badge of an article whose text changed since it was first imported; returns the new right
        edge of the meta line."""
        label = self.tr("Edited")
        w = metrics.horizontalAdvance(label) + 10
        rect = QRectF(right - w, y, w, metrics.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(current_tokens().accent_tint))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(current_tokens().accent))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        return right - w - 6
