"""The export dialog's building blocks and look: the format choices it offers, quiet drop-downs, a preview browser
that loads nothing, the accent Export button and the dialog's style sheet from the theme tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QComboBox, QDateEdit, QTextBrowser, QToolButton, QWidget

from gui.icons import svg_icon
from gui.theme import Tokens, current_tokens

ERROR_RED = "#E0564F"

# A tray with an arrow leaving it, drawn like the line icons of resources/icons.
EXPORT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 15V4"/><path d="M7.5 8.5 12 4'
    ' 16.5 8.5"/><path d="M4.5 14v4.5a1.5 1.5 0 0 0 1.5 1.5h12a1.5 1.5 0 0 0 1.5-1.5V14"/></svg>'
)


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


def export_icon(color: str) -> QIcon:
    return svg_icon(EXPORT_SVG, color, (16, 20, 24))


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


def style_export_button(button: QToolButton) -> None:
    t = current_tokens()
    hover = "#237C83" if not t.dark else "#74C6CB"
    button.setIcon(export_icon(t.on_accent))
    button.defaultAction().setIcon(export_icon(t.on_accent))
    button.setStyleSheet(
        f"QToolButton#ExportButton {{ background: {t.accent}; color: {t.on_accent}; border: none;"
        f" border-radius: 8px; padding: 6px 14px 6px 10px; font-weight: 600; }}"
        f" QToolButton#ExportButton:hover {{ background: {hover}; }}"
        f" QToolButton#ExportButton:focus {{ border: 1px solid {t.text}; }}"
    )


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
