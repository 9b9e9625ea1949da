"""How the pointer, the wheel, pinches and keys move the timeline, apart from what the timeline shows.

Everything here ends in a few calls — zoom, pan, the opening range or all of it, hover, focus, activate — that
:class:`~gui.timeline.view.TimelineView` implements; a drag of more than a few pixels pans, anything shorter is
a click on the mark under the pointer.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QNativeGestureEvent, QWheelEvent
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QPinchGesture, QWidget

from gui.timeline.hover_card import HoverCard
from gui.timeline.items import LANE_HEIGHT, TimelineItem

DRAG_THRESHOLD = 4


class TimelineInput(QGraphicsView):
    """The input half of the timeline view; the methods below the marker are the view's to implement."""

    card: HoverCard
    _hide_card: QTimer
    _focus: TimelineItem | None
    _items: list[TimelineItem]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._press: tuple[QPoint, TimelineItem | None] | None = None
        self._dragging = False
        self._last_drag = QPoint()

    def wheelEvent(self, event: QWheelEvent) -> None:  # QGraphicsView.wheelEvent
        delta = event.angleDelta()
        pixel = event.pixelDelta()
        horizontal = abs(delta.x()) > abs(delta.y()) or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if horizontal:
            amount = pixel.x() or pixel.y() or (delta.x() or delta.y()) / 2
            self.pan_by(amount)
        elif delta.y():
            self.zoom_by(math.pow(1.0015, delta.y()), event.position().x())
        event.accept()

    def event(self, event: QEvent) -> bool:  # QObject.event
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), centre.x())
                event.accept()
                return True
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position().x())
                return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # QGraphicsView.mousePressEvent
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._press = (event.position().toPoint(), self._item_at(event.position().toPoint()))
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # QGraphicsView.mouseMoveEvent
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start = self._press[0]
            if self._dragging or (pos - start).manhattanLength() > DRAG_THRESHOLD:
                if not self._dragging:
                    self._dragging = True
                    self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                    self.card.hide()
                    last = start
                else:
                    last = self._last_drag
                self.pan_by(pos.x() - last.x(), pos.y() - last.y())
                self._last_drag = pos
            return
        self._hover_at(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # QGraphicsView.mouseReleaseEvent
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        _, pressed = self._press
        self._press = None
        if self._dragging:
            self._dragging = False
            self.viewport().unsetCursor()
            return
        if pressed is not None and pressed is self._item_at(event.position().toPoint()):
            self._activate(pressed)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # QGraphicsView.contextMenuEvent
        """The mark under the pointer (or, from the keyboard, the focused one) offers its actions."""
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        item = self._focus if keyboard else self._item_at(event.pos())
        if item is None:
            super().contextMenuEvent(event)
            return
        pos = self.viewport().mapToGlobal(self.viewport_rect_of(item).bottomLeft()) if keyboard else event.globalPos()
        self._show_event_menu(item, pos)
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:  # QWidget.leaveEvent
        super().leaveEvent(event)
        self._set_hover(None)
        self._hide_card.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # QGraphicsView.keyPressEvent
        key = event.key()
        step = self._width() * 0.15
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_Home:
            self.show_focus()
        elif key == Qt.Key.Key_Left:
            self.pan_by(step)
        elif key == Qt.Key.Key_Right:
            self.pan_by(-step)
        elif key == Qt.Key.Key_Up:
            self.pan_by(0, LANE_HEIGHT)
        elif key == Qt.Key.Key_Down:
            self.pan_by(0, -LANE_HEIGHT)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus is not None:
            self._activate(self._focus)
        elif key == Qt.Key.Key_Escape and (self._focus is not None or self.card.isVisible()):
            self._set_focus_item(None)
            self.card.hide()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, forward: bool) -> bool:  # QWidget.focusNextPrevChild
        """Tab walks through the marks in time order, then leaves the timeline."""
        if self._items and self.hasFocus():
            index = self._items.index(self._focus) if self._focus in self._items else (-1 if forward else 0)
            index += 1 if forward else -1
            if 0 <= index < len(self._items):
                self._set_focus_item(self._items[index])
                return True
            self._set_focus_item(None)
        return super().focusNextPrevChild(forward)

    # -- implemented by the view -----------------------------------------------------------------------------

    def zoom_in(self) -> None:
        raise NotImplementedError

    def zoom_out(self) -> None:
        raise NotImplementedError

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        raise NotImplementedError

    def pan_by(self, dx: float, dy: float = 0.0) -> None:
        raise NotImplementedError

    def fit_all(self) -> None:
        raise NotImplementedError

    def show_focus(self) -> None:
        raise NotImplementedError

    def _width(self) -> float:
        raise NotImplementedError

    def _item_at(self, pos: QPoint) -> TimelineItem | None:
        raise NotImplementedError

    def _hover_at(self, pos: QPoint) -> None:
        raise NotImplementedError

    def _set_hover(self, item: TimelineItem | None) -> None:
        raise NotImplementedError

    def _set_focus_item(self, item: TimelineItem | None) -> None:
        raise NotImplementedError

    def _activate(self, item: TimelineItem) -> None:
        raise NotImplementedError

    def _show_event_menu(self, item: TimelineItem, pos: QPoint) -> None:
        raise NotImplementedError

    def viewport_rect_of(self, item: TimelineItem) -> QRect:
        raise NotImplementedError
