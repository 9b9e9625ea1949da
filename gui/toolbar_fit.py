"""The main toolbar at every window width: everything stays on the bar and reachable.

Steps, applied in order until the bar's items fit its width: the search field narrows (down to 180 px); the
"Highlight" caption goes; Open / Import URL / Paste show their icons only (their names stay in tooltips and
accessible names); the brand name goes. Export and the six swatches are never dropped. If even that does not fit
(a window narrower than any desktop), Qt's own overflow button takes the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QToolBar, QToolButton, QWidget

SEARCH_WIDE = 330
SEARCH_NARROW = 180


class ToolbarFitter(QObject):
    def __init__(self, bar: QToolBar, search: QLineEdit, brand: QLabel | None = None) -> None:
        super().__init__(bar)
        self._bar = bar
        self._search = search
        self._brand = brand
        self.compact = False
        self._polished = False
        search.setMinimumWidth(SEARCH_NARROW)
        search.setMaximumWidth(SEARCH_WIDE)
        search.setSizePolicy(QSizePolicy.Policy.Preferred, search.sizePolicy().verticalPolicy())
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if watched is self._bar and event.type() == QEvent.Type.Show and not self._polished:
            # The bar's layout takes its margins from the stylesheet only when re-polished (as a theme switch
            # does): lay it out that way from the start, so that a live theme switch changes nothing but colours.
            self._polished = True
            self._bar.setStyleSheet("/* the application's stylesheet, applied to the laid-out bar */")
        if watched is self._bar and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def _fixed_items(self) -> list[QWidget]:
        """The bar's items other than the search field and the stretch."""
        out: list[QWidget] = []
        for action in self._bar.actions():
            widget = self._bar.widgetForAction(action)
            if widget is None or widget is self._search or not action.isVisible():
                continue
            if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding:
                continue
            out.append(widget)
        return out

    def _needed(self) -> int:
        layout = self._bar.layout()
        spacing = layout.spacing() if layout is not None else 4
        margins = self._bar.contentsMargins()
        items = self._fixed_items()
        widths = sum(max(w.sizeHint().width(), w.minimumWidth()) for w in items)
        # + the room QToolBar keeps for its overflow button and the stylesheet's padding around the items
        return widths + (len(items) + 2) * spacing + margins.left() + margins.right() + 64

    def _set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        style = Qt.ToolButtonStyle.ToolButtonIconOnly if compact else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        for action in self._bar.actions():
            widget = self._bar.widgetForAction(action)
            if isinstance(widget, QToolButton) and widget.objectName() != "ExportButton":
                widget.setToolButtonStyle(style)
        swatches = self._bar.findChild(QWidget, "ToolbarSwatches")
        if swatches is not None and (label := swatches.findChild(QLabel, "ToolbarSwatchesLabel")) is not None:
            label.setVisible(not compact)
        if self._brand is not None:
            self._brand.setVisible(not compact)

    def fit(self) -> None:
        available = self._bar.width()
        if available <= 0:
            return
        self._set_compact(False)
        if self._needed() + SEARCH_NARROW > available:
            self._set_compact(True)
        room = available - self._needed()
        self._search.setFixedWidth(max(SEARCH_NARROW, min(SEARCH_WIDE, room)))
        QTimer.singleShot(0, self._verify)

    def _verify(self) -> None:
        """The bar's own layout is the judge: if it still hid an item (fonts wider than measured), compact more."""
        if not self._bar.isVisible():
            return
        hidden = [self._bar.widgetForAction(a) for a in self._bar.actions()
                  if a.isVisible() and (w := self._bar.widgetForAction(a)) is not None and not w.isVisible()
                  and w.sizePolicy().horizontalPolicy() != QSizePolicy.Policy.Expanding]
        if not hidden:
            return
        if not self.compact:
            self._set_compact(True)
            self._search.setFixedWidth(max(SEARCH_NARROW, min(SEARCH_WIDE, self._bar.width() - self._needed())))
        elif self._search.width() > SEARCH_NARROW:
            self._search.setFixedWidth(SEARCH_NARROW)
