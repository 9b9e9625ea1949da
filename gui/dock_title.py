"""The 36 px header of every dock: a name and a count (Library 128, Entities 15 …), and one header for docks that
share a place.

Docks tabified together (Entities and Notes on the right) would otherwise show Qt's tab bar *and* each dock's own
title: two headers. :class:`DockHeaders` folds each tabified dock's title away and paints the window's tab bar as
the 36 px row of segmented tabs, each with its dock's count ("Entities 16 | Notes 6"); a dock that is floated or
left alone gets its own title back. The count has one home, :meth:`DockTitle.set_count`, which also names the tab.

Dragging a title (or a tab) still moves the dock; closing is done from View ▸ Panels, which uses the dock's toggle
action.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QMainWindow, QTabBar, QToolButton, QWidget

from gui.i18n import arg
from gui.theme import current_tokens

HEIGHT = 36
TAB_INSET = 12  # the first tab's left margin (resources/styles/newsdesk.qss, QMainWindow > QTabBar::tab:first)
PILL_HEIGHT = 26
COUNT_GAP = 6


class DockTitle(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DockTitle")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = title
        self._count: int | None = None
        self._collapsed = False
        self.text = QLabel(title, self)
        self.text.setObjectName("DockTitleText")
        self.count = QLabel(self)
        self.count.setObjectName("DockTitleCount")
        self.fold = QToolButton(self)
        self.fold.setObjectName("DockFold")
        self.fold.setCheckable(True)
        self.fold.setAutoRaise(True)
        self.fold.setArrowType(Qt.ArrowType.DownArrow)
        self.fold.setToolTip(QCoreApplication.translate("DockTitle", "Fold the panel to its title"))
        self.fold.setAccessibleName(arg(QCoreApplication.translate("DockTitle", "Fold %1"), title))
        self.fold.toggled.connect(self.set_folded)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 0, 8, 0)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.count)
        layout.addWidget(self.fold)
        self.setFixedHeight(HEIGHT)

    def sizeHint(self) -> QSize:  # QWidget.sizeHint (QDockWidget sizes its title bar from the hint)
        return QSize(super().sizeHint().width(), 0 if self._collapsed else HEIGHT)

    def minimumSizeHint(self) -> QSize:  # QWidget.minimumSizeHint
        return QSize(super().minimumSizeHint().width(), 0 if self._collapsed else HEIGHT)

    def count_value(self) -> int | None:
        return self._count

    def count_text(self) -> str:
        return "" if self._count is None else f"{self._count:,}"

    def set_count(self, count: int | None) -> None:
        """The one place a dock's count is set: the title shows it, and so does the dock's tab when tabified."""
        self._count = count
        self.count.setText(self.count_text())
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(self.tab_text())  # Qt names the dock's tab after its window title
            dock.toggleViewAction().setText(self.title)  # … and the View ▸ Panels entry too: keep that plain

    def tab_text(self) -> str:
        return f"{self.title}  {self.count_text()}".rstrip()

    def is_folded(self) -> bool:
        return self.fold.isChecked()

    @Slot(bool)
    def set_folded(self, folded: bool) -> None:
        """Show only the title (a small window keeps the room for the article) or the whole panel again."""
        if self.fold.isChecked() != folded:
            self.fold.setChecked(folded)  # comes back here through toggled
            return
        self.fold.setArrowType(Qt.ArrowType.RightArrow if folded else Qt.ArrowType.DownArrow)
        self.fold.setToolTip(QCoreApplication.translate("DockTitle", "Show the panel") if folded
                             else QCoreApplication.translate("DockTitle", "Fold the panel to its title"))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget) and (content := dock.widget()) is not None:
            content.setVisible(not folded)

    def is_collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold the title away (the dock is a tab: the tab bar is its header) or bring it back."""
        if collapsed == self._collapsed:
            return
        self._collapsed = collapsed
        self.setFixedHeight(0 if collapsed else HEIGHT)
        for label in (self.text, self.count, self.fold):
            label.setVisible(not collapsed)
        self.updateGeometry()
        dock = self.parentWidget()
        layout = dock.layout() if dock is not None else None
        if layout is not None:
            layout.invalidate()


class DockHeaders(QObject):
    """Keeps one header per dock place in a main window: tabified docks lose their titles to the tab bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._styled: set[QTabBar] = set()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)

    def watch(self, dock: QDockWidget) -> None:
        dock.topLevelChanged.connect(self.schedule)
        dock.dockLocationChanged.connect(self.schedule)
        dock.visibilityChanged.connect(self.schedule)
        self.schedule()

    @Slot()
    def schedule(self) -> None:
        self._timer.start()

    @Slot()
    def refresh(self) -> None:
        self._timer.stop()
        for dock in self._docks():
            title = dock.titleBarWidget()
            if not isinstance(title, DockTitle):
                continue
            partners = [d for d in self.window.tabifiedDockWidgets(dock) if not d.isHidden() and not d.isFloating()]
            title.set_collapsed(not dock.isFloating() and not dock.isHidden() and bool(partners))
        restyled = False
        for bar in self.window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if bar not in self._styled:
                restyled = True
                self._styled.add(bar)
                bar.setObjectName("DockTabs")
                bar.setDrawBase(False)
                bar.setExpanding(False)
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setCursor(Qt.CursorShape.PointingHandCursor)
                bar.installEventFilter(self)
                bar.destroyed.connect(lambda _obj=None, b=bar: self._styled.discard(b))
                bar.updateGeometry()  # styled from the start (the stylesheet's "QMainWindow > QTabBar")
        if restyled and (layout := self.window.layout()) is not None:
            layout.invalidate()  # the window lays out its tab bars from their size: 36 px once styled
            layout.activate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if isinstance(watched, QTabBar) and event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self._paint(watched)
            return True
        return False

    def _docks(self) -> list[QDockWidget]:
        """The window's docks: its own children, docked or floating (a recursive search walks every widget of the
        window, some 4 ms, and the tab bars ask at every paint)."""
        return self.window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)

    def _dock_title(self, tab_text: str) -> DockTitle | None:
        for dock in self._docks():
            title = dock.titleBarWidget()
            if isinstance(title, DockTitle) and dock.windowTitle() == tab_text:
                return title
        return None

    def _paint(self, bar: QTabBar) -> None:
        """The row: the panel colour with a rule under it, the tabs as one rounded group, the current one raised."""
        tokens = current_tokens()
        painter = QPainter(bar)
        # Filled without fillRect(): its first call makes PySide6 build QGradient's enums (169 presets, ~3 ms),
        # and this paint comes before the window's first frame.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tokens.panel))
        painter.drawRect(bar.rect())
        painter.setBrush(QColor(tokens.border))
        painter.drawRect(0, bar.height() - 1, bar.width(), 1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if bar.count() == 0:
            return
        pills = []
        for i in range(bar.count()):
            rect = QRectF(bar.tabRect(i))
            if i == 0:
                rect.setLeft(rect.left() + TAB_INSET)
            top = (bar.height() - PILL_HEIGHT) / 2
            pills.append(QRectF(rect.left(), top, rect.width(), PILL_HEIGHT))
        group = pills[0].united(pills[-1])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tokens.hover))
        painter.drawRoundedRect(group.adjusted(-3, 0, 3, 0), 8, 8)
        base = QFont(bar.font())
        for i, pill in enumerate(pills):
            selected = i == bar.currentIndex()
            if selected:
                painter.setBrush(QColor(tokens.border if tokens.dark else tokens.surface))
                edge = QColor(tokens.border_strong)
                edge.setAlphaF(0.0 if tokens.dark else 0.7)
                painter.setPen(edge)
                painter.drawRoundedRect(pill.adjusted(0.5, 3.5, -0.5, -3.5), 6, 6)
                painter.setPen(Qt.PenStyle.NoPen)
            title = self._dock_title(bar.tabText(i))
            name, count = (title.title, title.count_text()) if title else (bar.tabText(i), "")
            font = QFont(base)
            font.setWeight(QFont.Weight.DemiBold if selected else QFont.Weight.Medium)
            metrics = QFontMetrics(font)
            count_font = QFont(base)
            count_font.setWeight(QFont.Weight.Normal)
            count_metrics = QFontMetrics(count_font)
            count_width = COUNT_GAP + count_metrics.horizontalAdvance(count) if count else 0
            width = metrics.horizontalAdvance(name) + count_width
            x = pill.center().x() - width / 2
            painter.setFont(font)
            painter.setPen(QColor(tokens.text if selected else tokens.text_secondary))
            painter.drawText(QRectF(x, pill.top(), width + 2, pill.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            if count:
                painter.setFont(count_font)
                painter.setPen(QColor(tokens.text_tertiary if not selected else tokens.text_secondary))
                cx = x + metrics.horizontalAdvance(name) + COUNT_GAP
                painter.drawText(QRectF(cx, pill.top(), count_metrics.horizontalAdvance(count) + 2, pill.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), count)
        if bar.hasFocus():
            ring = QColor(tokens.accent)
            ring.setAlphaF(0.5)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(pills[bar.currentIndex()].adjusted(0.5, 3.5, -0.5, -3.5), 6, 6)
        painter.end()
