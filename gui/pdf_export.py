"""PDF from the HTML export, typeset by Qt's rich-text engine: A4 or Letter, page numbers, links kept.

Qt is the only typesetter the product ships, so the PDF renderer lives here and joins the export registry of
``models`` through :func:`install`; it works without a screen (the command line, CI) on the offscreen platform.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from models.export import ExportBundle, ExportOptions, register_renderer
from models.export.glyphs import drawable_candidates, missing_glyphs_notice
from models.export.html import render_html

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

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
    return html_to_pdf_reporting(html, page_size, title)[0]


def html_to_pdf_reporting(html: str, page_size: str = "a4", title: str = "") -> tuple[bytes, list[str]]:
    """The PDF bytes and the notices for the reader: the characters that no installed font could draw."""
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from gui.typefaces import register_bundled_fonts

    faces = register_bundled_fonts()  # the reader's Noto Serif and Inter, so every machine prints the same
    doc = QTextDocument()
    font = QFont(faces.serif or "DejaVu Serif")
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    draw_only_real_faces(doc)
    notice = missing_glyphs_notice(undrawable_characters(doc))

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if page_size == "letter" else QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)  # the document keeps a 2 cm margin
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Newsdesk")
    doc.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data()), [notice] if notice else []


def _faces(family: str) -> list[tuple[int, bool]]:
    """(weight, italic) of every face the family really has."""
    from PySide6.QtGui import QFontDatabase

    return [(QFontDatabase.weight(family, style), QFontDatabase.italic(family, style))
            for style in QFontDatabase.styles(family)]


def draw_only_real_faces(doc: QTextDocument) -> None:
    """Ask each run of text only for a weight its family has, so that Qt never emboldens a face synthetically.

    A synthetic bold is drawn twice with an offset, and a PDF reader who searches or copies the text then gets
    every bold word doubled. A run in a family without the weight asked for gets the nearest weight the family
    has among faces of the same slant (Inter has no 700: bold notes print in its SemiBold). A slant the family
    lacks is left to Qt, whose synthetic oblique is a transform of the one drawing and reads back once.
    """
    from PySide6.QtGui import QFontInfo, QTextCharFormat, QTextCursor

    wanted: dict[tuple[str, int, bool], int] = {}
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            font = fmt.font()
            family = QFontInfo(font).family()
            weight = font.weight().value if hasattr(font.weight(), "value") else int(font.weight())
            key = (family, weight, font.italic())
            if key not in wanted:
                faces = _faces(family)
                same_slant = [w for w, italic in faces if italic == font.italic()] or [w for w, _ in faces]
                wanted[key] = min(same_slant, key=lambda w: (abs(w - weight), -w)) if same_slant else weight
            if wanted[key] != weight:
                change = QTextCharFormat()
                change.setFontWeight(wanted[key])
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(change)
        block = block.next()


def undrawable_characters(doc: QTextDocument) -> list[str]:
    """The characters of the document that neither its fonts nor any installed family can draw."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    missing = drawable_candidates(doc.toPlainText())
    if not missing:
        return []
    used = [doc.defaultFont(), *(QFont(family) for family in register_bundled_families())]
    for font in used:
        metrics = QFontMetrics(font)
        missing = [c for c in missing if not metrics.inFontUcs4(ord(c))]
        if not missing:
            return []
    for family in QFontDatabase.families():  # Qt falls back to the system's families for the rest
        metrics = QFontMetrics(QFont(family))
        missing = [c for c in missing if not metrics.inFontUcs4(ord(c))]
        if not missing:
            return []
    return missing


def register_bundled_families() -> list[str]:
    from gui.typefaces import register_bundled_fonts

    faces = register_bundled_fonts()
    return [f for f in (faces.serif, faces.ui, faces.display) if f]


def render_pdf(bundle: ExportBundle, options: ExportOptions) -> bytes:
    return render_pdf_reporting(bundle, options)[0]


def render_pdf_reporting(bundle: ExportBundle, options: ExportOptions) -> tuple[bytes, list[str]]:
    from models.export.bundle import document_title

    html = render_html(bundle, options).decode("utf-8")
    title = ("Brief: " if options.brief else "") + document_title(bundle, options)
    return html_to_pdf_reporting(html, options.page_size, title)


def install() -> None:
    register_renderer("pdf", reporting=render_pdf_reporting)
