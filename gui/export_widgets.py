"""The export dialog's building blocks and look: the format choices it offers, quiet drop-downs, a preview browser
that loads nothing and the dialog's style sheet from the theme tokens (the toolbar's accent Export button is
gui.export_action's: it is built before the first paint, the dialog only when asked for)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QComboBox, QDateEdit, QTextBrowser, QWidget

from gui.theme import Tokens, current_tokens

ERROR_RED = "#E0564F"

@dataclass(frozen=True)
class FormatChoice:
    key: str  # what the settings remember
    label: str
    format: str  # models.export format
    csv_flavor: str = "full"
    file_filter: str = ""


CHOICES = (
    FormatChoice("markdown", "Markdown", "markdown", file_filter="Markdown (*.md)"),
    FormatChoice("html", "HTML page", "html", file_filter="HTML page (*.html)"),
    FormatChoice("pdf", "PDF", "pdf", file_filter="PDF document (*.pdf)"),
    FormatChoice("jsonld", "W3C Web Annotation (JSON-LD)", "jsonld", file_filter="JSON-LD (*.jsonld)"),
    FormatChoice("csv", "CSV – every field", "csv", "full", "CSV (*.csv)"),
    FormatChoice("csv-readwise", "CSV – Readwise import", "csv", "readwise", "CSV (*.csv)"),
    FormatChoice("timelinejs", "TimelineJS (JSON)", "timelinejs", file_filter="TimelineJS (*.json)"),
)
GROUPINGS = (("position", "Position in the text"), ("color", "Colour meaning"), ("entity", "Entity"),
             ("date", "Date"))
PAGE_SIZES = (("a4", "A4"), ("letter", "US Letter"))


def file_name(title: str, extension: str) -> str:
    """A file name from a title: no separators or characters file systems refuse, at most 80 characters."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    name = " ".join(name.split()).strip(" .")[:80].rstrip(" .")
    return (name or "Newsdesk export") + extension


def paint_chevron(widget: QWidget) -> None:
    """The drop-down arrow: the stylesheet flattens the button and Fusion then draws none."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(current_tokens().text_tertiary if widget.isEnabled() else current_tokens().border_strong))
    pen.setWidthF(1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    x, y = widget.width() - 15.0, widget.height() / 2.0
    painter.drawPolyline([QPointF(x - 4, y - 2), QPointF(x, y + 2), QPointF(x + 4, y - 2)])
    painter.end()


class ChoiceBox(QComboBox):
    def paintEvent(self, event: QPaintEvent) -> None:  # QComboBox.paintEvent
        super().paintEvent(event)
        paint_chevron(self)


class DateBox(QDateEdit):
    def paintEvent(self, event: QPaintEvent) -> None:  # QDateEdit.paintEvent
        super().paintEvent(event)
        paint_chevron(self)


class SandboxedBrowser(QTextBrowser):
    """Shows an exported page as it is: links are not followed and nothing is loaded, not even a local file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked: list[str] = []

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # QTextBrowser.loadResource
        self.blocked.append(url.toString() if isinstance(url, QUrl) else str(url))
        return None


def dialog_style(t: Tokens, mono: str) -> str:
    return f"""
        QDialog#ExportDialog {{ background: {t.window}; }}
        QWidget#ExportOptions {{ background: transparent; }}
        QLabel#ExportCaption, QCheckBox {{ color: {t.text_secondary}; }}
        QLabel#ExportPreviewTitle, QLabel#ExportProgressLabel {{ color: {t.text_tertiary}; font-size: 12px; }}
        QLabel#ExportPreviewEmpty {{ color: {t.text_tertiary}; background: {t.surface};
            border: 1px solid {t.border}; border-radius: 8px; }}
        QLabel#ExportError {{ color: {ERROR_RED}; }}
        QPlainTextEdit#ExportPreviewText {{ background: {t.surface}; border: 1px solid {t.border};
            border-radius: 8px; padding: 6px; selection-background-color: {t.selection}; color: {t.text};
            font-family: "{mono}"; font-size: 12px; }}
        QTextBrowser#ExportPreviewPage {{ background: #FFFFFF; color: #1d1d1f; border: 1px solid {t.border};
            border-radius: 8px; padding: 6px; }}
        QFrame#ExportSeparator {{ color: {t.border}; background: {t.border}; max-height: 1px; border: none; }}
        QComboBox, QDateEdit {{ background: {t.surface}; border: 1px solid {t.border_strong}; border-radius: 8px;
            padding: 4px 24px 4px 8px; min-height: 20px; }}
        QDateEdit {{ padding-right: 4px; }}
        QComboBox::drop-down, QDateEdit::drop-down {{ border: none; width: 24px; }}
        QLabel#ExportScopeDetail {{ color: {t.text_tertiary}; font-size: 12px; }}
        QComboBox:focus, QDateEdit:focus {{ border-color: {t.accent}; }}
        QComboBox:disabled, QDateEdit:disabled {{ color: {t.text_tertiary}; background: {t.panel}; }}
        QComboBox QAbstractItemView {{ background: {t.surface}; border: 1px solid {t.border_strong};
            selection-background-color: {t.accent_tint}; selection-color: {t.text}; }}
        QToolButton#ExportColorFilter {{ background: transparent; border: 1px solid transparent; border-radius: 8px;
            padding: 4px; }}
        QToolButton#ExportColorFilter:hover {{ background: {t.hover}; }}
        QToolButton#ExportColorFilter:checked {{ background: {t.accent_tint}; border-color: {t.accent}; }}
    """
