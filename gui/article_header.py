"""The article's metadata (section, source · page · date · provenance, byline, tags): never part of the text.

The header comes in two pieces that the reading view places in its column: the section kicker above the headline
and the details block under it, so that the headline itself stays a block of the canonical text (it can be
highlighted and carries entities) while everything that is not prose stays out of it.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import arg
from gui.markup import escape
from gui.theme import current_tokens
from models.article import PUBLISHED_SOURCE_LABELS as SOURCE_LABELS
from models.article import Metadata

SET_DATE_LINK = "newsdesk:set-date"


class FlowLayout(QLayout):
    """Lays chips out left to right and wraps them (QLayout::heightForWidth drives the height)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # QLayout.addItem
        self._items.append(item)

    def count(self) -> int:  # QLayout.count
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # QLayout.itemAt
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # QLayout.takeAt
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # QLayout.expandingDirections
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # QLayout.hasHeightForWidth
        return True

    def heightForWidth(self, width: int) -> int:  # QLayout.heightForWidth
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # QLayout.setGeometry
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # QLayout.sizeHint
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # QLayout.minimumSize
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


def format_published(value: str | None, locale: QLocale | None = None, short: bool = False) -> str:
    """An ISO date as the reader's locale writes it ("January 23, 2019", short "Jan 23, 2019")."""
    if not value:
        return ""
    date = QDate.fromString(value[:10], Qt.DateFormat.ISODate)
    if not date.isValid():
        return value
    locale = locale or QLocale()
    if short:
        return locale.toString(date, "MMM d, yyyy")
    return locale.toString(date, locale.dateFormat(QLocale.FormatType.LongFormat).replace("dddd, ", ""))


def date_source_text(source: str) -> str:
    """Where the publication date was read, as the header says it ("from the date in the address")."""
    label = SOURCE_LABELS.get(source, "")
    return f"from {label}" if label and source != "user" else label


class ArticleHeader(QWidget):
    """The details block (meta line, byline, tags, editorial note); :attr:`kicker` is the section label."""

    date_edit_requested = Signal()  # the reader wants to set the publication date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ArticleHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.kicker = QLabel(parent)
        self.kicker.setObjectName("ArticleSection")
        self.kicker.setTextFormat(Qt.TextFormat.PlainText)
        self.kicker.setAccessibleName(self.tr("Section"))
        self.kicker.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        kicker_font = QFont(self.kicker.font())
        kicker_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
        self.kicker.setFont(kicker_font)

        self.meta = self._label("ArticleMeta", self.tr("Source and date"))
        self.meta.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.meta.linkActivated.connect(self._on_link)
        self.byline = self._label("ArticleByline", self.tr("Byline"))
        self.note = self._label("ArticleNote", self.tr("Editorial note"))
        self.revisions = self._label("ArticleRevisions", self.tr("Versions"))  # filled by gui.revisions
        self.revisions.setVisible(False)
        self.revisions.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.tags = QWidget(self)
        self.tags.setAccessibleName(self.tr("Tags"))
        self._tag_layout = FlowLayout(self.tags)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.meta, self.byline, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.revisions)
        layout.addSpacing(4)
        layout.addWidget(self.tags)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_metadata(Metadata())

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_metadata(self, meta: Metadata) -> None:
        text_colour = current_tokens().text
        self.kicker.setText(" › ".join(p.strip() for p in meta.section.split(">") if p.strip()).upper())
        self.kicker.setVisible(bool(meta.section.strip()))

        parts: list[str] = []
        if meta.publisher:
            parts.append(f'<span style="color:{text_colour}; font-weight:600">{escape(meta.publisher)}</span>')
        parts += [escape(p) for p in (meta.page,) if p]
        parts.append(self._date_html(meta))
        parts += [escape(p) for p in (meta.provenance,) if p]
        self.meta.setText(" &nbsp;·&nbsp; ".join(parts))
        self.meta.setVisible(bool(parts))
        self.meta.setToolTip(meta.url)

        names = ", ".join(escape(a) for a in meta.authors)
        self.byline.setText(arg(self.tr("By %1"), f'<span style="color:{text_colour}">{names}</span>'))
        self.byline.setVisible(bool(meta.authors))

        self.note.setText(escape(meta.editorial_note))
        self.note.setVisible(bool(meta.editorial_note))

        while (item := self._tag_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        for tag in meta.tags:
            chip = QLabel(tag, self.tags)
            chip.setObjectName("TagChip")
            chip.setAccessibleName(arg(self.tr("Tag %1"), tag))
            self._tag_layout.addWidget(chip)
        self.tags.setVisible(bool(meta.tags))

    def _date_html(self, meta: Metadata) -> str:
        """The date as a link that sets it, with where it was read; "No date" when no source was plausible."""
        tokens = current_tokens()
        shown = format_published(meta.published)
        link = f'<a href="{SET_DATE_LINK}" style="color:{tokens.text_secondary}; text-decoration:none">'
        if not shown:
            return f'{link}{escape(self.tr("No date"))}</a> <a href="{SET_DATE_LINK}" style="color:{tokens.accent}">' \
                   f'{escape(self.tr("Set date…"))}</a>'
        source = date_source_text(meta.published_source)
        note = f' <span style="color:{tokens.text_tertiary}">({escape(source)})</span>' if source else ""
        return f"{link}{escape(shown)}</a>{note}"

    @Slot(str)
    def _on_link(self, href: str) -> None:
        if href == SET_DATE_LINK:
            self.date_edit_requested.emit()

    def has_details(self) -> bool:
        return any(not w.isHidden() for w in (self.meta, self.byline, self.note, self.tags, self.revisions))

    def set_revisions(self, html: str) -> None:
        """The versions line ("3 versions · last changed 2 h after publication", with its links); empty hides it."""
        self.revisions.setText(html)
        self.revisions.setVisible(bool(html))

    def height_for(self, width: int) -> int:
        """The height the details block needs in a column of ``width`` pixels (0 when it shows nothing)."""
        self.setFixedWidth(width)
        if not self.has_details():
            self.setFixedHeight(0)
            return 0
        layout = self.layout()
        assert layout is not None
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        self.setFixedHeight(max(0, height))
        return self.height()
