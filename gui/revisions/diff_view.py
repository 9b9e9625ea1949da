"""Two versions of an article as one text in the reader's typography: inserted words marked, deleted ones struck.

The document is built from :func:`models.revisions.inline.inline_blocks` with the block formats of the reading
view (headline, headings, body), so a reader sees the story as it reads, with the edit written into it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from gui.article_document import COLUMN_PX, Typography, formats_for
from gui.theme import current_tokens
from gui.typefaces import Typefaces
from models.revisions.inline import DELETED, INSERTED, InlineBlock

INSERTED_LIGHT, INSERTED_DARK = ("#D4EFDD", "#1F7A4D"), ("#1E3B2B", "#7FD1A1")  # background, underline / text
DELETED_LIGHT, DELETED_DARK = ("#F9D6D3", "#B23B33"), ("#47221F", "#F08A82")


class DiffView(QTextBrowser):
    """Read-only; :meth:`show_blocks` replaces the content."""

    def __init__(self, faces: Typefaces, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RevisionDiffView")
        self.setAccessibleName(self.tr("Changes between two versions"))
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._faces = faces
        self._blocks: Sequence[InlineBlock] = ()

    def show_blocks(self, blocks: Sequence[InlineBlock]) -> None:
        self._blocks = tuple(blocks)
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        doc.clear()
        tokens = current_tokens()
        typo = Typography(self._faces, tokens)
        inserted, deleted = (INSERTED_DARK, DELETED_DARK) if tokens.dark else (INSERTED_LIGHT, DELETED_LIGHT)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for i, block in enumerate(blocks):
            block_format, char_format = formats_for(block.kind, typo)
            if i == 0:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(char_format)
            else:
                cursor.insertBlock(block_format, char_format)
            for segment in block.segments:
                fmt = QTextCharFormat(char_format)
                if segment.style == INSERTED:
                    fmt.setBackground(QColor(inserted[0]))
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(QColor(inserted[1]))
                    fmt.setToolTip(self.tr("Inserted"))
                elif segment.style == DELETED:
                    fmt.setBackground(QColor(deleted[0]))
                    fmt.setFontStrikeOut(True)
                    fmt.setForeground(QColor(deleted[1]))
                    fmt.setToolTip(self.tr("Deleted"))
                cursor.insertText(segment.text, fmt)
        cursor.endEditBlock()
        self._update_margins()

    def blocks(self) -> Sequence[InlineBlock]:
        return self._blocks

    def _update_margins(self) -> None:
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        side = max(24.0, (self.viewport().width() - COLUMN_PX) / 2)
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(28)
        fmt.setBottomMargin(48)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: object) -> None:  # QTextEdit.resizeEvent
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._update_margins()
