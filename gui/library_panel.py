"""The Library dock: a search box over the library and the list of articles (newest first, or search results
with their snippets). It reads from the store and emits :attr:`article_activated`; it never opens anything
itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from gui.icons import icon
from gui.library_delegate import LibraryDelegate
from gui.library_model import LibraryModel, Role

SEARCH_DELAY_MS = 180
SNIPPET_HITS = 200


class LibraryPanel(QWidget):
    article_activated = Signal(int)
    count_changed = Signal(int)  # articles listed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LibraryPanel")
        self._library: Any = None
        self.search = QLineEdit(self)
        self.search.setObjectName("LibrarySearch")
        self.search.setPlaceholderText(self.tr("Search library"))
        self.search.setAccessibleName(self.tr("Search library"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search", "#959AA2"), QLineEdit.ActionPosition.LeadingPosition)
        self.section = QLabel(self)
        self.section.setObjectName("SectionLabel")
        section_font = QFont(self.section.font())
        section_font.setCapitalization(QFont.Capitalization.AllUppercase)
        section_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
        self.section.setFont(section_font)
        self.model = LibraryModel(self)
        self.list = QListView(self)
        self.list.setObjectName("LibraryList")
        self.list.setAccessibleName(self.tr("Articles"))
        self.list.setModel(self.model)
        self.delegate = LibraryDelegate(self.list)
        self.delegate.set_base_font(self.font())
        self.list.setItemDelegate(self.delegate)
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(1)
        self.empty = QLabel(self.tr("No articles yet. Open a file, import a URL or paste text."), self)
        self.empty.setObjectName("EmptyLibrary")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        search_row = QVBoxLayout()
        search_row.setContentsMargins(12, 0, 12, 0)
        search_row.addWidget(self.search)
        layout.addLayout(search_row)
        section_row = QVBoxLayout()
        section_row.setContentsMargins(16, 6, 12, 0)
        section_row.addWidget(self.section)
        layout.addLayout(section_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self._layout = layout

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._activate_first)
        selection = self.list.selectionModel()
        selection.currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(self._on_activated)
        self._update_labels()

    def add_footer(self, widget: QWidget) -> None:
        """Pin a widget under the list (the highlight colour legend)."""
        widget.setParent(self)
        self._layout.addWidget(widget)

    def set_library(self, library: Any) -> None:
        self._library = library
        self.reload()

    def query(self) -> str:
        return self.search.text().strip()

    @Slot()
    def reload(self) -> None:
        """Refresh the rows from the store, keeping the current article selected when it is still listed."""
        self._debounce.stop()
        current = self.current_article_id()
        summaries: list[Any] = []
        snippets: dict[int, tuple[str, tuple[tuple[int, int], ...]]] = {}
        if self._library is not None:
            query = self.query()
            summaries = self._library.list_articles(query or None)
            if query:
                for hit in self._library.search(query, limit=SNIPPET_HITS):
                    if hit.article_id not in snippets and hit.snippet:
                        snippets[hit.article_id] = (" ".join(hit.snippet.split()), tuple(getattr(hit, "marks", ())))
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.model.set_summaries(summaries, snippets)
        if current is not None and (row := self.model.row_of(current)) >= 0:
            selection.setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        selection.blockSignals(False)
        self._update_labels()
        self.count_changed.emit(self.model.rowCount())

    def current_article_id(self) -> int | None:
        index = self.list.currentIndex()
        return int(index.data(Role.ARTICLE_ID)) if index.isValid() else None

    def select_article(self, article_id: int) -> None:
        """Mark the open article in the list without emitting :attr:`article_activated` again."""
        row = self.model.row_of(article_id)
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)
        else:
            selection.clearSelection()
        selection.blockSignals(False)
        self.list.viewport().update()

    def _update_labels(self) -> None:
        searching = bool(self.query())
        count = self.model.rowCount()
        self.section.setText(
            (self.tr("1 result") if count == 1 else self.tr("%1 results").replace("%1", str(count)))
            if searching else self.tr("Recent")
        )
        self.empty.setText(
            self.tr("Nothing matches this search.") if searching
            else self.tr("No articles yet. Open a file, import a URL or paste text.")
        )
        self.empty.setVisible(count == 0)
        self.list.setVisible(count > 0)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_activated.emit(int(current.data(Role.ARTICLE_ID)))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_activated.emit(int(index.data(Role.ARTICLE_ID)))

    @Slot()
    def _activate_first(self) -> None:
        self.reload()
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()
