"""Lays an article's canonical text into a QTextDocument, one QTextBlock per text block.

The document holds exactly the canonical text: block separators become Qt paragraph separators (``\\n`` again in
``toPlainText()``) and nothing is added — no bullets as characters, no metadata — so a document position is the
UTF-16 offset of the same character in ``article.text``. Block kinds only change formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from gui.offsets import OffsetMap
from gui.theme import Tokens
from gui.typefaces import Typefaces
from models.article import Article, Block

BODY_PX = 16.0
HEADLINE_PX = 29.0
HEADING_PX = 20.0
PARAGRAPH_GAP_PX = 14.0
BODY_LINE_HEIGHT = 1.6
COLUMN_PX = 570.0  # about 70 characters of the body face

_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value
KIND_PROPERTY = QTextFormat.Property.UserProperty + 1  # the block kind, readable from any QTextBlock


@dataclass(frozen=True)
class Typography:
    faces: Typefaces
    tokens: Tokens
    zoom: float = 1.0

    def px(self, size: float) -> float:
        return size * self.zoom


def _font(family: str, px: float, weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(1, round(px)))
    font.setWeight(weight)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def formats_for(kind: str, typo: Typography) -> tuple[QTextBlockFormat, QTextCharFormat]:
    block = QTextBlockFormat()
    char = QTextCharFormat()
    block.setProperty(KIND_PROPERTY, kind)
    if kind == "title":
        char.setFont(_font(typo.faces.display, typo.px(HEADLINE_PX), QFont.Weight.Bold))
        block.setLineHeight(typo.px(HEADLINE_PX * 1.24), _FIXED)
        block.setBottomMargin(typo.px(12))
    elif kind == "heading":
        char.setFont(_font(typo.faces.serif, typo.px(HEADING_PX), QFont.Weight.Bold))
        block.setLineHeight(typo.px(HEADING_PX * 1.35), _FIXED)
        block.setTopMargin(typo.px(14))
        block.setBottomMargin(typo.px(10))
    else:
        char.setFont(_font(typo.faces.serif, typo.px(BODY_PX), italic=kind == "quote"))
        block.setLineHeight(typo.px(BODY_PX * BODY_LINE_HEIGHT), _FIXED)
        block.setBottomMargin(typo.px(PARAGRAPH_GAP_PX))
        if kind == "quote":
            block.setLeftMargin(typo.px(22))
            char.setForeground(QColor(typo.tokens.text_secondary))
        elif kind == "list-item":
            block.setBottomMargin(typo.px(6))
    return block, char


def render_article(doc: QTextDocument, article: Article, typo: Typography) -> None:
    """Replace the document's content with the article (undo off, one edit block)."""
    doc.setUndoRedoEnabled(False)
    doc.clear()
    doc.setDefaultFont(_font(typo.faces.serif, typo.px(BODY_PX)))
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    blocks = article.blocks or (Block(0, len(article.text)),)
    previous_kind = ""
    for index, block in enumerate(blocks):
        block_format, char_format = formats_for(block.kind, typo)
        if index == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        if block.kind == "list-item":
            if previous_kind == "list-item" and cursor.block().previous().textList() is not None:
                cursor.block().previous().textList().add(cursor.block())
            else:
                list_format = QTextListFormat()
                list_format.setStyle(QTextListFormat.Style.ListDisc)
                list_format.setIndent(1)
                cursor.createList(list_format)
        cursor.insertText(article.text[block.start : block.end], char_format)
        previous_kind = block.kind
    _emphasise_dateline(cursor, article, blocks, typo)
    cursor.endEditBlock()


def _emphasise_dateline(cursor: QTextCursor, article: Article, blocks: tuple[Block, ...], typo: Typography) -> None:
    """Set the dateline the body opens with ("MOSCOW –") in small bold capitals, as newspapers print it."""
    dateline = article.metadata.dateline.strip()
    if not dateline:
        return
    for block in blocks:
        if block.kind != "paragraph":
            continue
        if article.text.startswith(dateline, block.start):
            offsets = OffsetMap(article.text)
            cursor.setPosition(offsets.to_qt(block.start))
            cursor.setPosition(offsets.to_qt(block.start + len(dateline)), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(0.6 * typo.zoom)
            cursor.mergeCharFormat(fmt)
        return
