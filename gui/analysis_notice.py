"""What a reading panel shows instead of its content when the analysis did not give it any: the analysis failed
(with Retry), stopped partway, or the article is not in a language the entities can be read in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class AnalysisNotice(QWidget):
    """A panel with a notice above it: :meth:`show_notice` says something (hiding the panel when its content would
    be empty or wrong), :meth:`clear` gives the panel its place back."""

    retry_requested = Signal()

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setObjectName(f"{panel.objectName() or type(panel).__name__}Notice")
        self.box = QWidget(self)
        self.box.setObjectName("AnalysisNotice")
        self.label = QLabel(self.box)
        self.label.setObjectName("AnalysisNoticeText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Retry"), self.box)
        self.retry.setObjectName("AnalysisRetry")
        self.retry.setAccessibleName(self.tr("Retry the analysis"))
        self.retry.clicked.connect(self._on_retry)
        row = QHBoxLayout(self.box)
        row.setContentsMargins(12, 10, 12, 10)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.box)
        layout.addWidget(panel, 1)
        self.filler = QWidget(self)  # keeps the notice at the top while the panel is hidden
        layout.addWidget(self.filler, 1)
        self.clear()

    def show_notice(self, text: str, *, retry: bool = False, hide_panel: bool = True) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.retry.setVisible(retry)
        self.retry.setEnabled(True)
        self.box.setVisible(True)
        self.panel.setVisible(not hide_panel)
        self.filler.setVisible(hide_panel)

    def clear(self) -> None:
        self.label.clear()
        self.box.setVisible(False)
        self.filler.setVisible(False)
        if self.panel.isHidden() and self.panel.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
            self.panel.setVisible(True)  # hidden by a notice (else it shows with its parent, and showing it now
            # would style it here, only for the dock it goes into to style it again)

    def notice(self) -> str:
        """The text on show ("" when none)."""
        return self.label.text() if not self.box.isHidden() else ""

    @Slot()
    def _on_retry(self) -> None:
        self.retry.setEnabled(False)
        self.label.setText(self.tr("Analysing again…"))
        self.retry_requested.emit()
