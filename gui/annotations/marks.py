"""Highlights painted under the text as tight rounded marks, straight from the document layout.

Nothing is written into the QTextDocument: applying 10,000 highlights stores three sorted arrays and schedules one
repaint, and each paint visits only the highlights that touch the exposed lines. That keeps a 1 MB article with
thousands of highlights responsive (a char-format per highlight re-lays out the document every time).

Overlaps are layered: a highlight nested in another is drawn a little shorter, so the outer colour shows above and
below it. Notes get a card in the right margin (or a small tab when the margin is narrow); both are painted by
:mod:`gui.annotations.note_cards`.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QRect, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QTextBlock
from PySide6.QtWidgets import QWidget

from gui.annotations.colors import Legend
from gui.annotations.note_cards import NoteCards, note_plain_text
from gui.article_view import ArticleView
from gui.theme import current_tokens

RADIUS = 3.5
PAD_X = 1.5
LEVEL_INSET = 2.0  # px shaved off top and bottom per nesting level
MAX_LEVEL = 3
FLASH_MS = 1100


@dataclass(frozen=True, slots=True)
class Mark:
    id: str
    start: int  # code points
    end: int
    color: str
    note: str
    level: int = 0  # how many other marks it lies inside (0 = outermost)


class Highlight(Protocol):
    """What a mark is painted from: a stored annotation (models.store.records.Annotation) or a benchmark's own."""

    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def color(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def status(self) -> str: ...


NOTE_CARD_ROOM = 190  # CARD_MIN_WIDTH + gap + a little air (gui.annotations.note_cards)


class HighlightMarks(QObject):
    """Paints the highlights of the open article in an :class:`ArticleView` and answers "which mark is here?"."""

    mark_clicked = Signal(str)  # annotation id (a click on a mark or on its note card)

    def __init__(self, view: ArticleView, legend: Legend) -> None:
        super().__init__(view)
        self._view = view
        self._legend = legend
        self._marks: dict[str, tuple[int, int, str, str, str]] = {}  # id -> (start, end, id, colour, note)
        self._by_id: dict[str, Mark] = {}
        self._sorted: list[Mark] = []
        self._starts: list[int] = []
        self._max_end: list[int] = []  # running maximum of ends: the first index whose mark can reach a position
        self._painted: list[tuple[QRectF, int, str]] = []  # (rect in document coordinates, level, id), last paint
        self._flash_range: tuple[int, int] | None = None
        self._flash_alpha = 0.0
        self._flash = QVariantAnimation(self, startValue=1.0, endValue=0.0, duration=FLASH_MS)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._on_flash_step)
        self.cards = NoteCards(view, self)
        view.add_painter(self)
        view.clicked.connect(self._on_view_clicked)

    # -- content -----------------------------------------------------------------------------------------------

    def set_legend(self, legend: Legend) -> None:
        self._legend = legend
        self._view.viewport().update()

    def legend(self) -> Legend:
        return self._legend

    def set_annotations(self, annotations: Iterable[Highlight]) -> None:
        """Replace every mark (orphans are skipped: they have no place in this text)."""
        self._marks = {a.id: _entry(a) for a in annotations if a.status == "anchored"}
        self._rebuild()

    def upsert(self, annotation: Highlight) -> None:
        if annotation.status != "anchored":
            self.remove(annotation.id)
            return
        self._marks[annotation.id] = _entry(annotation)
        self._rebuild()

    def remove(self, annotation_id: str) -> None:
        if self._marks.pop(annotation_id, None) is not None:
            self._rebuild()

    def marks(self) -> list[Mark]:
        return list(self._sorted)

    def mark(self, annotation_id: str) -> Mark | None:
        return self._by_id.get(annotation_id)

    def _rebuild(self) -> None:
        # Start order, longer first at the same start, so a mark is drawn after the marks it lies in. Its level is
        # the number of marks still open where it starts (capped, so a pile-up stays readable).
        ordered = sorted(self._marks.values(), key=lambda e: (e[0], -e[1], e[2]))
        open_ends: list[int] = []
        levelled: list[Mark] = []
        starts: list[int] = []
        max_end: list[int] = []
        running = -1
        for start, end, ident, color, note in ordered:
            while open_ends and open_ends[0] <= start:
                heapq.heappop(open_ends)
            levelled.append(Mark(ident, start, end, color, note, min(MAX_LEVEL, len(open_ends))))
            heapq.heappush(open_ends, end)
            starts.append(start)
            running = max(running, end)
            max_end.append(running)
        self._sorted, self._starts, self._max_end = levelled, starts, max_end
        self._by_id = {m.id: m for m in levelled}
        # Room for the note cards beside the column: the view moves the column left when its margin is too narrow.
        reserve = NOTE_CARD_ROOM if any(m.note.strip() for m in levelled) else 0
        self._view.set_right_reserve(reserve)
        self._view.viewport().update()

    def marks_between(self, start: int, end: int) -> list[Mark]:
        """Marks overlapping ``[start, end)`` in code points, in start order."""
        first = bisect_right(self._max_end, start)
        last = bisect_left(self._starts, end)
        return [m for m in self._sorted[first:last] if m.end > start]

    def marks_at(self, offset: int) -> list[Mark]:
        return [m for m in self.marks_between(offset, offset + 1) if m.start <= offset < m.end]

    # -- geometry -------------------------------------------------------------------------------------------------

    def rects_for(self, start: int, end: int, level: int = 0) -> list[QRectF]:
        """The mark's rounded shapes in document coordinates, one per line it covers (visible or not)."""
        return list(self._line_rects(start, end, level, None))

    def viewport_rects(self, annotation_id: str) -> list[QRectF]:
        mark = self.mark(annotation_id)
        if mark is None:
            return []
        offset = self._offset()
        return [r.translated(-offset) for r in self.rects_for(mark.start, mark.end, mark.level)]

    def _offset(self) -> QPointF:
        return QPointF(self._view.horizontalScrollBar().value(), self._view.verticalScrollBar().value())

    def _line_rects(self, start: int, end: int, level: int, clip: tuple[float, float] | None) -> Iterable[QRectF]:
        offsets = self._view.offsets
        if not 0 <= start < end <= offsets.cp_length:
            return
        doc = self._view.document()
        q0, q1 = offsets.to_qt(start), offsets.to_qt(end)
        block: QTextBlock = doc.findBlock(q0)
        inset = LEVEL_INSET * level
        while block.isValid() and block.position() < q1:
            layout = block.layout()
            origin = layout.position()
            base = block.position()
            if clip is not None and origin.y() > clip[1]:
                return
            block_bottom = origin.y() + layout.boundingRect().height()
            if clip is None or block_bottom >= clip[0]:
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    a = max(q0, base + line.textStart())
                    b = min(q1, base + line.textStart() + line.textLength())
                    if a >= b:
                        continue
                    baseline = origin.y() + line.y() + line.ascent()
                    top = baseline - line.ascent() * 0.86 + inset
                    bottom = baseline + line.descent() * 0.92 - inset
                    if clip is not None and (bottom < clip[0] or top > clip[1]):
                        continue
                    x0 = float(line.cursorToX(a - base)[0])  # type: ignore[index]  # (x, position)
                    x1 = float(line.cursorToX(b - base)[0])  # type: ignore[index]
                    if b == base + line.textStart() + line.textLength():  # no trailing space at a line's end
                        x1 = min(x1, line.x() + line.naturalTextWidth())
                    if x1 <= x0:
                        continue
                    yield QRectF(origin.x() + x0 - PAD_X, top, x1 - x0 + 2 * PAD_X, max(2.0, bottom - top))
            block = block.next()

    def visible_range(self, rect: QRect) -> tuple[int, int, float, float]:
        """Code points and document y of the exposed part of the viewport."""
        offset = self._offset()
        y0, y1 = rect.top() + offset.y(), rect.bottom() + offset.y()
        layout = self._view.document().documentLayout()
        p0 = layout.hitTest(QPointF(0, y0), Qt.HitTestAccuracy.FuzzyHit)
        p1 = layout.hitTest(QPointF(self._view.viewport().width() + offset.x(), y1), Qt.HitTestAccuracy.FuzzyHit)
        offsets = self._view.offsets
        start = offsets.from_qt(max(0, min(p0, offsets.utf16_length)))
        end = offsets.from_qt(max(0, min(max(p1, 0) + 1, offsets.utf16_length)))
        # A block's first line can start above y0 (FuzzyHit snaps to the nearest position): step back one line.
        return max(0, start - 400), min(offsets.cp_length, end + 400), y0, y1

    # -- painting (ArticleView painter protocol) ------------------------------------------------------------------

    def paint_under(self, painter: QPainter, rect: QRect) -> None:
        self._painted = []
        if not self._sorted and self._flash_range is None:
            self.cards.clear()
            return
        start, end, y0, y1 = self.visible_range(rect)
        dark = current_tokens().dark
        offset = self._offset()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-offset)
        painter.setPen(Qt.PenStyle.NoPen)
        visible = self.marks_between(start, end)
        for mark in sorted(visible, key=lambda m: m.level):
            painter.setBrush(self._legend.background(mark.color, dark))
            for r in self._line_rects(mark.start, mark.end, mark.level, (y0 - 4, y1 + 4)):
                painter.drawRoundedRect(r, RADIUS, RADIUS)
                self._painted.append((r, mark.level, mark.id))
        if self._flash_range is not None and self._flash_alpha > 0:
            accent = QColor(current_tokens().accent)
            accent.setAlphaF(0.55 * self._flash_alpha)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = painter.pen()
            pen.setStyle(Qt.PenStyle.SolidLine)
            pen.setColor(accent)
            pen.setWidthF(2.0)
            painter.setPen(pen)
            for r in self._line_rects(*self._flash_range, 0, (y0 - 4, y1 + 4)):
                painter.drawRoundedRect(r.adjusted(-2, -2, 2, 2), RADIUS + 2, RADIUS + 2)
        painter.restore()
        self.cards.layout_cards([m for m in visible if m.note.strip()], self._painted,
                                offset.y() + self._view.viewport().height())  # cards below the view: none

    def paint_over(self, painter: QPainter, rect: QRect) -> None:
        self.cards.paint(painter, rect, self._legend)

    # -- interaction ---------------------------------------------------------------------------------------------

    def mark_at_point(self, viewport_point: QPointF) -> str | None:
        """The innermost mark drawn under a viewport point, or a note card's mark."""
        if (card := self.cards.card_at(viewport_point)) is not None:
            return card
        doc_point = viewport_point + self._offset()
        hits = [(level, ident) for r, level, ident in self._painted if r.contains(doc_point)]
        return max(hits)[1] if hits else None

    def tooltip_at(self, viewport_point: QPointF) -> str | None:
        """What the highlight under the point means, and the first words of its note."""
        ident = self.mark_at_point(viewport_point)
        mark = self.mark(ident) if ident else None
        if mark is None:
            return None
        meaning = self._legend.meaning(mark.color)
        note = note_plain_text(mark.note) if mark.note.strip() else ""
        return f"{meaning}\n{note}" if note else meaning

    def flash(self, start: int, end: int) -> None:
        """Draw attention to a passage the reader jumped to: an outline that fades out."""
        self._flash_range = (start, end)
        self._flash.stop()
        self._flash.start()

    def _on_flash_step(self, value: object) -> None:
        self._flash_alpha = float(value)  # type: ignore[arg-type]
        if self._flash_alpha <= 0:
            self._flash_range = None
        self._view.viewport().update()

    def _on_view_clicked(self, point: QPointF) -> None:
        if (ident := self.mark_at_point(point)) is not None:
            self.mark_clicked.emit(ident)

    def viewport(self) -> QWidget:
        return self._view.viewport()


def _entry(a: Highlight) -> tuple[int, int, str, str, str]:
    return (a.start, a.end, a.id, a.color, a.note)
