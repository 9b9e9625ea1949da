"""The reading view: the canonical text in a centred serif column, with the header placed around the headline.

Everything that leaves this widget is in code points: :meth:`selection_range`, :meth:`select_range`,
:meth:`scroll_to` and the mark layers. Later features (highlights, entity mentions, timeline jumps) draw through
:meth:`set_layer` and listen to :attr:`selection_range_changed`; they never see a UTF-16 position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser, QTextEdit, QWidget

from gui.article_document import COLUMN_PX, KIND_PROPERTY, Typography, render_article
from gui.article_header import ArticleHeader
from gui.offsets import OffsetMap
from gui.qt_types import adopt_viewport
from gui.theme import current_tokens
from gui.typefaces import Typefaces
from models.article import Article, Metadata

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.6, 2.4, 0.1
SIDE_PADDING = 28
TOP_PADDING = 36
BOTTOM_PADDING = 64


class ViewPainter(Protocol):
    """Paints with the text: ``paint_under`` before the glyphs (marks), ``paint_over`` after them (margin cards)."""

    def paint_under(self, painter: QPainter, rect: QRect) -> None: ...

    def paint_over(self, painter: QPainter, rect: QRect) -> None: ...


@dataclass(frozen=True)
class MarkLayer:
    ranges: tuple[tuple[int, int], ...]
    char_format: QTextCharFormat
    order: int


class ArticleView(QTextBrowser):
    """Read-only view of one article; ``toPlainText()`` equals ``article.text``."""

    selection_range_changed = Signal(object)  # tuple[int, int] | None, in code points
    article_changed = Signal(object)  # Article | None
    zoom_changed = Signal(float)
    clicked = Signal(QPointF)  # a click that selected nothing, in viewport coordinates
    context_menu_requested = Signal(QMenu, QPoint)  # the menu about to show (add actions to it), viewport point
    scrolled = Signal()
    leaving = Signal()  # the article on screen is about to be replaced (its position can still be read)
    navigated = Signal()  # something took the reader to a place in the text (a search hit, a highlight, an event)

    def __init__(self, faces: Typefaces, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        adopt_viewport(self)  # before any viewport() call (gui.qt_types)
        self.setObjectName("ArticleView")
        self.setAccessibleName(self.tr("Article text"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)  # drops go to the window, which imports them
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._faces = faces
        self.setCursorWidth(0)
        self._article: Article | None = None
        self._offsets = OffsetMap("")
        self._zoom = 1.0
        self._right_reserve = 0
        self._layers: dict[str, MarkLayer] = {}
        self._margins: tuple[float, float, float] = (-1, -1, -1)
        self._headline_gap = -1.0  # the space under a headline title for the details (see _update_margins)
        self._rendering = False  # a resize while the document is rebuilt is laid out once, when it is done
        self._painters: list[ViewPainter] = []
        self._press: QPoint | None = None
        self.header = ArticleHeader(self.viewport())
        self.header.kicker.setParent(self.viewport())
        self.selectionChanged.connect(self._on_selection_changed)
        self.document().documentLayout().documentSizeChanged.connect(self._schedule_header_placement)
        self._placement = QTimer(self, singleShot=True, interval=0)
        self._placement.timeout.connect(self._place_header)
        self.set_article(None)

    # -- content -----------------------------------------------------------------------------------------------

    def article(self) -> Article | None:
        return self._article

    def set_article(self, article: Article | None) -> None:
        self.leaving.emit()
        self._article = article
        self._offsets = OffsetMap(article.text if article else "")
        self._layers.clear()
        self._render()
        self.setTextCursor(QTextCursor(self.document()))
        self.verticalScrollBar().setValue(0)
        self.article_changed.emit(article)

    def refresh_theme(self) -> None:
        """Re-render with the current tokens (block formats carry some theme colours). The new stylesheet reaches
        the header's labels (fonts, padding of the tag chips) through polish events still queued at this point,
        so the header is measured again once they have been handled."""
        self._render(keep_position=True)
        QTimer.singleShot(0, self._remeasure_header)

    @Slot()
    def _remeasure_header(self) -> None:
        for widget in (self.header, self.header.kicker, *self.header.findChildren(QWidget)):
            widget.ensurePolished()
            widget.updateGeometry()
        if (layout := self.header.layout()) is not None:
            layout.invalidate()
        self._update_margins(force=True)

    def _render(self, keep_position: bool = False) -> None:
        anchor = self._top_visible_offset() if keep_position else None
        selection = self.selection_range() if keep_position else None
        article = self._article
        self.header.set_metadata(article.metadata if article else _EMPTY_META)
        self.header.setVisible(article is not None)
        self.header.kicker.setVisible(article is not None and self.header.kicker.isVisibleTo(self.viewport()))
        doc = self.document()
        self._margins = (-1, -1, -1)
        self._rendering = True
        try:
            if article is None:
                doc.clear()
            else:
                render_article(doc, article, Typography(self._faces, current_tokens(), self._zoom))
        finally:
            self._rendering = False
        self._update_margins(force=True)
        self._apply_layers()
        if selection is not None:
            self.select_range(*selection)
        if anchor is not None:
            self.scroll_to(anchor)

    # -- code-point positions -------------------------------------------------------------------------------------

    @property
    def offsets(self) -> OffsetMap:
        return self._offsets

    def cursor_for_range(self, start: int, end: int) -> QTextCursor:
        """A document cursor selecting ``[start, end)`` code points (for painting or reading back)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selection_ends(self, margins: tuple[int, int] = (0, 0)) -> tuple[QRect, QRect, QRect] | None:
        """The caret rectangles at the first and the last character of the selection and the viewport's rectangle
        less ``margins`` (x, y), in viewport coordinates; None without a selection, or when it is out of sight."""
        selected = self.selection_range()
        if selected is None:
            return None
        cursor = self.textCursor()
        first = self.cursorRect(self.cursor_for_range(selected[0], selected[0]))
        last = self.cursorRect(cursor)
        if cursor.position() == cursor.selectionStart():  # selected backwards: the caret is at the start
            last = self.cursorRect(self.cursor_for_range(selected[1], selected[1]))
        bounds = self.viewport().rect().adjusted(margins[0], margins[1], -margins[0], -margins[1])
        if last.bottom() < 0 or first.top() > bounds.bottom():
            return None
        return first, last, bounds

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.from_qt(cursor.selectionStart()), self._offsets.from_qt(cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        self.navigated.emit()
        self.setTextCursor(self.cursor_for_range(start, end))
        self.ensureCursorVisible()

    def scroll_to(self, start: int) -> None:
        """Bring the line holding ``start`` to about a third of the view's height."""
        self.navigated.emit()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def top_offset(self) -> int | None:
        """Where the reader is: the code-point offset of the first character in view (0 at the very top)."""
        if self._article is not None and self.verticalScrollBar().value() <= 0:
            return 0
        return self._top_visible_offset()

    def laid_out_to(self, start: int) -> bool:
        """The document's layout has reached ``start`` (asking where a line further on is would lay out everything
        up to it at once, which for a long article is longer than the GUI thread may wait)."""
        if self._article is None or start <= 0:
            return True
        block = self.document().findBlock(self._offsets.to_qt(min(start, self._offsets.cp_length)))
        layout = block.layout() if block.isValid() else None
        return layout is not None and layout.lineCount() > 0

    def show_at_top(self, start: int) -> bool:
        """Scroll so that the line holding ``start`` is the first one in view (the top of the page for 0). False
        when the view cannot get there yet: the document is shorter than that so far (still being laid out), or
        the line is on the last page."""
        bar = self.verticalScrollBar()
        if self._article is None or start <= 0:
            bar.setValue(0)
            return True
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(min(start, self._offsets.cp_length)))
        target = bar.value() + self.cursorRect(cursor).top()
        bar.setValue(target)
        return bar.value() == target

    def _top_visible_offset(self) -> int | None:
        if self._article is None:
            return None
        position = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        return self._offsets.from_qt(min(position, self._offsets.utf16_length))

    @Slot()
    def _on_selection_changed(self) -> None:
        self.selection_range_changed.emit(self.selection_range())

    # -- mark layers ---------------------------------------------------------------------------------------------

    def set_layer(self, name: str, ranges: list[tuple[int, int]], char_format: QTextCharFormat, order: int = 0) -> None:
        """Mark code-point ranges with a format; layers with a higher ``order`` paint over lower ones."""
        self._layers[name] = MarkLayer(tuple(ranges), QTextCharFormat(char_format), order)
        self._apply_layers()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply_layers()

    def layer_ranges(self, name: str) -> tuple[tuple[int, int], ...]:
        layer = self._layers.get(name)
        return layer.ranges if layer else ()

    def _apply_layers(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self._article is not None:
            for layer in sorted(self._layers.values(), key=lambda item: item.order):
                for start, end in layer.ranges:
                    extra = QTextEdit.ExtraSelection()
                    extra.cursor = self.cursor_for_range(start, end)
                    extra.format = layer.char_format
                    selections.append(extra)
        self.setExtraSelections(selections)

    # -- painters and pointer -------------------------------------------------------------------------------------

    def add_painter(self, painter: ViewPainter) -> None:
        self._painters.append(painter)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # QTextEdit.paintEvent
        if self._painters and self._article is not None:
            under = QPainter(self.viewport())
            for item in self._painters:
                item.paint_under(under, event.rect())
            under.end()
        super().paintEvent(event)
        if self._painters and self._article is not None:
            over = QPainter(self.viewport())
            for item in self._painters:
                item.paint_over(over, event.rect())
            over.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # QTextEdit.mousePressEvent
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # QTextEdit.mouseReleaseEvent
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        point = event.position()
        if (
            press is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (point.toPoint() - press).manhattanLength() < QApplication.startDragDistance()
            and not self.textCursor().hasSelection()
        ):
            self.clicked.emit(point)

    def context_menu(self, point: QPoint) -> QMenu:
        """The menu for a viewport point: the standard entries plus what listeners add (not yet shown)."""
        menu = self.createStandardContextMenu(point)
        self.context_menu_requested.emit(menu, point)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # QTextEdit.contextMenuEvent
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- zoom ----------------------------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, factor: float) -> None:
        factor = round(min(MAX_ZOOM, max(MIN_ZOOM, factor)), 2)
        if factor == self._zoom:
            return
        self._zoom = factor
        self._render(keep_position=True)
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    # -- column and header geometry ------------------------------------------------------------------------------

    def column_rect(self) -> QRect:
        """The reading column in viewport coordinates (x and width; y is the viewport's)."""
        left, _right, _top = self._margins
        return QRect(round(left), 0, round(self._column_width()), self.viewport().height())

    def _column_width(self) -> float:
        return max(120.0, min(COLUMN_PX * self._zoom, self.viewport().width() - 2 * SIDE_PADDING))

    def set_right_reserve(self, pixels: int) -> None:
        """Keep ``pixels`` free right of the column (for note cards) when the viewport allows it: the column then
        sits left of centre rather than the cards shrinking to tabs."""
        if pixels != self._right_reserve:
            self._right_reserve = pixels
            self._update_margins()  # the margins change only when the viewport is too narrow for both

    def _update_margins(self, force: bool = False) -> None:
        column = self._column_width()
        side = max(float(SIDE_PADDING), (self.viewport().width() - column) / 2)
        right_side = side
        spare = self.viewport().width() - column
        if self._right_reserve and side < self._right_reserve and spare - self._right_reserve >= SIDE_PADDING:
            side = max(float(SIDE_PADDING), min(side, spare - self._right_reserve))
            right_side = spare - side
        has_header = self._article is not None
        kicker_h = self.header.kicker.sizeHint().height() + 10 if has_header and self.header.kicker.text() else 0
        details_h = self.header.height_for(round(column)) if has_header else 0
        title = self.document().firstBlock()
        title_is_headline = title.blockFormat().property(KIND_PROPERTY) == "title"
        top = TOP_PADDING + kicker_h + (0 if title_is_headline or not details_h else details_h + 20)
        margins = (side, right_side, float(top))
        gap = float(details_h + 38 * self._zoom) if title_is_headline and details_h else 0.0
        if margins != self._margins or gap != self._headline_gap or force:
            self._margins = margins
            self._headline_gap = gap
            frame = self.document().rootFrame()
            fmt: QTextFrameFormat = frame.frameFormat()
            fmt.setLeftMargin(side)
            fmt.setRightMargin(right_side)
            fmt.setTopMargin(top)
            fmt.setBottomMargin(BOTTOM_PADDING)
            frame.setFrameFormat(fmt)
            if title_is_headline and details_h:
                cursor = QTextCursor(title)
                block_format = title.blockFormat()
                block_format.setBottomMargin(gap)
                cursor.setBlockFormat(block_format)
        self._place_header()

    @Slot()
    def _schedule_header_placement(self) -> None:
        self._placement.start()

    @Slot()
    def _place_header(self) -> None:
        if self._article is None:
            return
        left, _right, top = self._margins
        scroll = self.verticalScrollBar().value()
        column = round(self._column_width())
        kicker = self.header.kicker
        kicker.setGeometry(round(left), TOP_PADDING - scroll, column, kicker.sizeHint().height())
        title = self.document().firstBlock()
        if title.blockFormat().property(KIND_PROPERTY) == "title":
            layout = title.layout()
            y = layout.position().y() + layout.boundingRect().height() + 14 * self._zoom
        else:
            y = top - self.header.height() - 20
        self.header.move(round(left), round(y) - scroll)
        self.header.raise_()

    def focusInEvent(self, event: QFocusEvent) -> None:  # QTextEdit.focusInEvent
        self.setCursorWidth(1)  # the caret is for keyboard selection; reading shows none
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # QTextEdit.focusOutEvent
        self.setCursorWidth(0)
        super().focusOutEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # QTextEdit.resizeEvent
        super().resizeEvent(event)
        if not self._rendering:
            self._update_margins()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # QAbstractScrollArea.scrollContentsBy
        super().scrollContentsBy(dx, dy)
        self._place_header()
        self.scrolled.emit()



_EMPTY_META = Metadata()
