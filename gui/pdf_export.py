"""PDF from the HTML export, typeset by Qt's rich-text engine: A4 or Letter, page numbers, links kept.

Qt is the only typesetter the product ships, so the PDF renderer lives here and joins the export registry of
``models`` through :func:`install`; it works without a screen (the command line, CI) on the offscreen platform.
"""

from __future__ import annotations

import os
import sys

from models.export import ExportBundle, ExportOptions, register_renderer
from models.export.html import render_html

_app: object | None = None  # the application this module had to create, kept alive for the process


def ensure_gui_application() -> None:
    """Text layout needs a QGuiApplication; make one (offscreen when there is no display) if there is none."""
    global _app
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    if isinstance(QCoreApplication.instance(), QGuiApplication):
        return
    if QCoreApplication.instance() is not None:
        raise RuntimeError("a non-GUI Qt application is running; PDF export needs a QGuiApplication")
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(["newsdesk-pdf"])


def html_to_pdf(html: str, page_size: str = "a4", title: str = "") -> bytes:
    """The page as PDF bytes; ``QTextDocument.print_`` paginates and numbers the pages, anchors become links."""
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if page_size == "letter" else QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)  # the document keeps a 2 cm margin
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Newsdesk")
    from gui.typefaces import register_bundled_fonts

    faces = register_bundled_fonts()  # the reader's Noto Serif and Inter, so every machine prints the same
    doc = QTextDocument()
    font = QFont(faces.serif or "DejaVu Serif")
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def render_pdf(bundle: ExportBundle, options: ExportOptions) -> bytes:
    from models.export.bundle import document_title

    html = render_html(bundle, options).decode("utf-8")
    title = ("Brief: " if options.brief else "") + document_title(bundle, options)
    return html_to_pdf(html, options.page_size, title)


def install() -> None:
    register_renderer("pdf", render_pdf)
