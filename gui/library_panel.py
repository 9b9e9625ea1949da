"""The Library dock: a search box over the library, the filter chips (All | Highlighted) and the list of articles
(newest first, or search results with their snippets).

It reads from the store and says what the reader wants — open an article, export, re-analyse or delete the selected
ones — by signal; the window does it. Several rows can be selected (Ctrl/Shift-click) for export or deletion; the
reader opens an article when exactly one row is chosen, never on a right-click.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import arg, plural
from gui.icons import clear_button_when_typed, icon
from gui.library_delegate import LibraryDelegate
from gui.library_model import LibraryModel, Role
from gui.library_reads import POSITION_PAGES, Found, Listing, ListRequest, listing, loader, search_library
from gui.qt_types import adopt_viewport
from gui.settings import Setting

if TYPE_CHECKING:
    from models.store.protocol import LibraryProtocol

log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 180
ALL, HIGHLIGHTED = "all", "highlighted"
UNREAD = "unread"
EDITED = "edited"  # a re-import changed the text: the story was edited after it was first read
# Where the list was scrolled: "article id:pixels of its row above the top", restored at the next start.
LIST_POSITION: Setting[str] = Setting("window/library_list_position", str, "")
POSITION_SAVE_MS = 400
MIN_ROWS = 3  # rows of the list kept in sight before the footer (the colour legend) gives way
# Rows the list lays out (measures) per turn of the event loop: the list lays out every row again when a page
# arrives, which at once would take the GUI thread longer the more rows are listed.
LAYOUT_BATCH = 100
LAYOUT_TURNS = 1000  # turns of the event loop a scroll waits at most for the rows it goes to to be laid out
SORT_LABELS = (("recent", "Recent"), ("newest", "Newest"), ("oldest", "Oldest"), ("highlighted", "Most highlighted"),
               ("title", "Title"))


class LibraryPanel(QWidget):
    article_activated = Signal(int)
    count_changed = Signal(int)  # articles listed
    export_requested = Signal()  # the selected articles, through the export dialog's "Selected in the Library"
    reanalyse_requested = Signal(list)  # article ids
    delete_requested = Signal(list)  # article ids (the window asks before deleting)
    read_marked = Signal(int)  # article id now shown as read (the window stores the mark)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LibraryPanel")
        self._library: LibraryProtocol | None = None
        self._searches = 0  # reloads asked for: a search's answer arriving after a newer reload is dropped
        self._footers: list[QWidget] = []
        self._counts = (0, 0, 0)  # highlighted, unread, edited, as the chips show them
        self._read_here: set[int] = set()  # marked read by opening them; the store may not have the mark yet
        self.search = QLineEdit(self)
        self.search.setObjectName("LibrarySearch")
        self.search.setPlaceholderText(self.tr("Search library"))
        self.search.setAccessibleName(self.tr("Search library"))
        clear_button_when_typed(self.search)
        self.search.addAction(icon("search", "#959AA2"), QLineEdit.ActionPosition.LeadingPosition)
        self.section = QLabel(self)
        self.section.setObjectName("SectionLabel")
        section_font = QFont(self.section.font())
        section_font.setCapitalization(QFont.Capitalization.AllUppercase)
        section_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
        self.section.setFont(section_font)
        self.model = LibraryModel(self)
        self.list = QListView(self)
        adopt_viewport(self.list)  # before any viewport() call (gui.qt_types)
        self.list.setObjectName("LibraryList")
        self.list.setAccessibleName(self.tr("Articles"))
        self.list.setModel(self.model)
        self.delegate = LibraryDelegate(self.list)
        self.delegate.set_base_font(self.font())
        self.list.setItemDelegate(self.delegate)
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(LAYOUT_BATCH)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(1)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_context_menu)
        self._build_actions()
        self.filter = ALL
        self.chips = QButtonGroup(self)
        self.chips.setExclusive(True)
        self.all_chip = self._chip(self.tr("All"), ALL, checked=True)
        self.highlighted_chip = self._chip(self.tr("Highlighted"), HIGHLIGHTED)
        self.unread_chip = self._chip(self.tr("Unread"), UNREAD)
        self.edited_chip = self._chip(self.tr("Edited"), EDITED)
        self.edited_chip.setToolTip(self.tr("Articles whose text changed when they were imported again"))
        self.edited_chip.setVisible(False)  # shown once a story has changed
        self.sort = QComboBox(self)
        self.sort.setObjectName("LibrarySort")
        self.sort.setAccessibleName(self.tr("Sort articles"))
        for key, label in SORT_LABELS:
            self.sort.addItem(self.tr(label), key)
        self.sort.currentIndexChanged.connect(lambda _i: self.reload())
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
        chip_row = QHBoxLayout()
        chip_row.setContentsMargins(12, 0, 12, 0)
        chip_row.setSpacing(4)
        chip_row.addWidget(self.all_chip)
        chip_row.addWidget(self.highlighted_chip)
        chip_row.addWidget(self.unread_chip)
        chip_row.addWidget(self.edited_chip)
        chip_row.addStretch(1)
        layout.addLayout(chip_row)
        section_row = QHBoxLayout()  # the list's heading, with its order at the right (as the mock-up's "Newest ↓")
        section_row.setContentsMargins(16, 6, 12, 0)
        section_row.addWidget(self.section)
        section_row.addStretch(1)
        section_row.addWidget(self.sort)
        layout.addLayout(section_row)
        layout.addWidget(self.empty, 1)  # the hint sits under the chips, the space below stays empty
        layout.addWidget(self.list, 1)
        self._layout = layout

        self._opened: int | None = None  # the article the reader shows (select_article)
        self._restore_to: tuple[int, int] | None = _parse_position(LIST_POSITION.read())  # applied once laid out
        # A scroll to an article's row that waits for the list to lay its rows out: (article id, pixels of its row
        # above the top, or None to bring it into sight; whether the current row must stay in sight).
        self._scroll_target: tuple[int, int | None, bool] | None = None
        self._scroll_turns = 0
        self._laid_out = QTimer(self, singleShot=True, interval=0)
        self._laid_out.timeout.connect(self._scroll_when_laid_out)
        self._save_position = QTimer(self, singleShot=True, interval=POSITION_SAVE_MS)
        self._save_position.timeout.connect(self._store_position)
        self.list.verticalScrollBar().valueChanged.connect(lambda _v: self._save_position.start())
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._activate_first)
        selection = self.list.selectionModel()
        selection.currentChanged.connect(self._open_single_choice)
        selection.selectionChanged.connect(self._open_single_choice)
        self.list.activated.connect(self._on_activated)
        self._update_labels()

    def _chip(self, text: str, key: str, checked: bool = False) -> QToolButton:
        chip = QToolButton(self)
        chip.setObjectName("FilterChip")
        chip.setText(text)
        chip.setCheckable(True)
        chip.setChecked(checked)
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        chip.toggled.connect(lambda on, k=key: self.set_filter(k) if on else None)
        self.chips.addButton(chip)
        return chip

    def _build_actions(self) -> None:
        """The row menu's actions; Delete also answers the Delete key while the list has focus."""
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.triggered.connect(self._open_selected)
        self.export_action = QAction(self.tr("Export…"), self)
        self.export_action.triggered.connect(self.export_requested)
        self.reanalyse_action = QAction(self.tr("Re-analyse"), self)
        self.reanalyse_action.triggered.connect(lambda: self.reanalyse_requested.emit(self.selected_article_ids()))
        self.delete_action = QAction(self.tr("Delete Article…"), self)
        self.delete_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_selected)
        self.list.addAction(self.delete_action)

    def add_footer(self, widget: QWidget) -> None:
        """Pin a widget under the list (the highlight colour legend); it steps aside when the panel is too short for
        it and MIN_ROWS rows of the list (a small window, a large scale factor)."""
        widget.setParent(self)
        self._layout.addWidget(widget)
        self._footers.append(widget)
        QTimer.singleShot(0, self, self._fit_footers)

    def resizeEvent(self, event: QResizeEvent) -> None:  # QWidget.resizeEvent
        super().resizeEvent(event)
        self._fit_footers()

    def _rows_height(self, rows: int) -> int:
        """Height of the list showing its first ``rows`` rows (a typical row where fewer are listed)."""
        hints = [self.list.sizeHintForRow(r) for r in range(min(rows, self.model.rowCount()))]
        typical = max(hints) if hints else 2 * self.fontMetrics().height() + 16
        return sum(hints) + typical * (rows - len(hints)) + 2 * rows * self.list.spacing() + 2 * self.list.frameWidth()

    def _fit_footers(self) -> None:
        if not self._footers:
            return
        if self.list.isHidden():  # no rows to keep in sight
            for f in self._footers:
                f.setVisible(True)
            return
        shown = [f for f in self._footers if not f.isHidden()]
        room = self.list.height() + sum(f.height() + self._layout.spacing() for f in shown)
        footer = sum(f.sizeHint().height() + self._layout.spacing() for f in self._footers)
        fits = room - footer >= self._rows_height(min(MIN_ROWS, max(1, self.model.total())))
        for f in self._footers:
            f.setVisible(fits)

    def set_library(self, library: LibraryProtocol) -> None:
        """Show this library's list, read now: the window's first paint has its rows (later reloads read them on a
        worker)."""
        self._library = library
        self.reload(wait=True)

    def query(self) -> str:
        return self.search.text().strip()

    def set_filter(self, key: str) -> None:
        """All articles, only those with at least one highlight, or those not opened yet."""
        if key == self.filter:
            return
        self.filter = key
        {HIGHLIGHTED: self.highlighted_chip, UNREAD: self.unread_chip, EDITED: self.edited_chip}.get(
            key, self.all_chip).setChecked(True)
        self.reload()

    def sort_key(self) -> str:
        return str(self.sort.currentData() or "recent")

    def _set_chip_counts(self, highlighted: int, unread: int, edited: int = 0) -> None:
        self._counts = (highlighted, unread, edited)
        self.highlighted_chip.setText(
            arg(self.tr("Highlighted %1"), f"{highlighted:,}") if highlighted else self.tr("Highlighted")
        )
        self.unread_chip.setText(arg(self.tr("Unread %1"), f"{unread:,}") if unread else self.tr("Unread"))
        self.edited_chip.setText(arg(self.tr("Edited %1"), f"{edited:,}") if edited else self.tr("Edited"))
        self.edited_chip.setVisible(bool(edited) or self.filter == EDITED)  # shown once a story has changed

    def selected_article_ids(self) -> list[int]:
        """The selected rows' articles, in list order (the current row's when nothing is selected)."""
        rows = sorted(self.list.selectionModel().selectedRows(), key=lambda i: i.row())
        ids = [int(i.data(Role.ARTICLE_ID)) for i in rows]
        if not ids and (current := self.current_article_id()) is not None:
            ids = [current]
        return ids

    @Slot()
    def reload(self, wait: bool = False) -> None:
        """Refresh the rows from the store, keeping the current article and the selection where still listed.

        With the window's runner, the rows are read on a worker (a search's matches, or the first page of the list
        with its counts and the pages down to the row the list was scrolled to) and shown when they arrive; only
        the latest reload's answer is shown. ``wait``: the list's rows are read now."""
        self._debounce.stop()
        position = self.list_position() if self.list.isVisible() else None  # its page is read with the first
        query = self.query()
        self._searches += 1
        runner = getattr(self.window(), "runner", None)
        self.model.set_loader(loader(runner, self.tr("Library list")) if runner is not None else None)
        library = self._library
        if library is None:
            self._show(None)
            return
        work: Callable[[], Found | Listing]
        if query:  # a common word in a library of 10,000 articles took a third of a second of the GUI thread
            work = lambda: search_library(library, query)  # noqa: E731
        else:  # the first page, the counts and the pages down to the row to come back to (up to 11 pages)
            request = ListRequest(self.sort_key(), self.filter == UNREAD, self.filter == HIGHLIGHTED,
                                   self.filter == EDITED, position[0] if position is not None else None)
            work = lambda: listing(library, request)  # noqa: E731
        if runner is None or (wait and not query):
            self._show(work())
            return
        generation = self._searches
        runner.run(self.tr("Search") if query else self.tr("Library list"), lambda _task: work(),
                   lambda found: self._show(found) if generation == self._searches else None)

    def _show(self, found: Found | Listing | None) -> None:
        """The rows of a search (``found``) or of the whole library (a :class:`Listing`), keeping the current
        article, the selection and the list's position (as they are now: the reader may have moved on while the
        rows were read) where they are still listed."""
        position = self.list_position() if self.list.isVisible() else None  # the refill keeps the list where it was
        current = self.current_article_id()
        if current is None:  # the article opened while the rows were read (an import's) is marked when it arrives
            current = self._opened
        selected = set(self.selected_article_ids())
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if isinstance(found, Listing):
            self.model.set_pager(found.fetch, found.total, rows=found.rows)
            self._set_chip_counts(*found.counts)
        else:
            summaries, snippets = found if found is not None else ([], {})
            highlighted = [s for s in summaries if s.highlight_count > 0]
            unread = [s for s in summaries if not s.read]
            edited = [s for s in summaries if s.edited]
            self._set_chip_counts(len(highlighted), len(unread), len(edited))
            if self.filter == HIGHLIGHTED:
                summaries = highlighted
            elif self.filter == UNREAD:
                summaries = unread
            elif self.filter == EDITED:
                summaries = edited
            self.model.set_summaries(summaries, snippets)
        if current is not None and (row := self.model.row_of(current)) >= 0:
            selection.setCurrentIndex(self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        for article_id in selected - {current}:
            if (row := self.model.row_of(article_id)) >= 0:
                selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)
        selection.blockSignals(False)
        if position is not None:  # the pages down to its row were read with the first one
            self.restore_list_position(position, fetch=False)
        self._keep_read_marks()
        self._update_labels()
        self.count_changed.emit(self.model.total())

    # -- the list's scroll position ----------------------------------------------------------------------------

    def list_position(self) -> tuple[int, int] | None:
        """(the article at the top of the list, pixels of its row scrolled above the top), None when empty."""
        if self._scroll_target is not None and self._scroll_target[1] is not None:  # where the list is going
            return self._scroll_target[0], self._scroll_target[1]
        index = self.list.indexAt(QPoint(self.list.viewport().width() // 2, 1))
        if not index.isValid():
            return None
        return int(index.data(Role.ARTICLE_ID)), max(0, -self.list.visualRect(index).top())

    def restore_list_position(self, position: tuple[int, int], fetch: bool = True, keep_current: bool = False) -> bool:
        """Scroll so that the article is at the top again (``fetch``: reading pages to find it), at once or as soon
        as the list has laid its rows out; ``keep_current``: the current row stays in sight. False when the article
        is not listed."""
        article_id, offset = position
        row = self.model.row_of(article_id)
        pages = 0
        while fetch and row < 0 and pages < POSITION_PAGES and self.model.fetch_now():
            pages += 1
            row = self.model.row_of(article_id)
        if row < 0:
            return False
        self._scroll_to(article_id, offset, keep_current)
        return True

    def _scroll_to(self, article_id: int, offset: int | None, keep_current: bool = False) -> None:
        """Scroll to the article's row (``offset``: at the top, so many pixels of it above; None: into sight); the
        list lays out LAYOUT_BATCH rows per turn of the event loop, so this waits until it has laid them all out."""
        self._scroll_target, self._scroll_turns = (article_id, offset, keep_current), 0
        self._laid_out.stop()
        self._scroll_when_laid_out()

    def _scroll_when_laid_out(self) -> None:
        if self._scroll_target is None:
            return
        article_id, offset, keep_current = self._scroll_target
        row, rows = self.model.row_of(article_id), self.model.rowCount()
        if row < 0:  # no longer listed
            self._scroll_target = None
            return
        last = self.model.index(rows - 1)
        if not self.list.visualRect(last).isValid() and self._scroll_turns < LAYOUT_TURNS:
            self._scroll_turns += 1  # rows below it still to lay out: the top of its row is not reachable yet
            self._laid_out.start()
            return
        self._scroll_target = None
        index = self.model.index(row)
        if offset is None:
            self.list.scrollTo(index)
            return
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        bar = self.list.verticalScrollBar()
        bar.setValue(min(bar.maximum(), bar.value() + self.list.visualRect(index).top() + offset))
        current = self.list.currentIndex()
        if keep_current and current.isValid() and not self.list.viewport().rect().intersects(
                self.list.visualRect(current)):
            self.list.scrollTo(current)  # the open article stays in sight

    def showEvent(self, event: QShowEvent) -> None:  # QWidget.showEvent
        super().showEvent(event)
        if self._restore_to is not None:  # the position of the last session, once the rows have their sizes
            QTimer.singleShot(0, self, self._restore_saved_position)

    def _restore_saved_position(self) -> None:
        position, self._restore_to = self._restore_to, None
        if position is not None and self.model.rowCount():
            self.restore_list_position(position, keep_current=True)

    def _store_position(self) -> None:
        if self.query() or self._restore_to is not None:  # a search's hits are not the list to come back to
            return
        if (position := self.list_position()) is not None:
            LIST_POSITION.write(f"{position[0]}:{position[1]}")

    def _keep_read_marks(self) -> None:
        """Articles opened here stay read in the rows and the Unread count while their mark is being stored."""
        lagging = [i for i in self._read_here if self.model.row_of(i) >= 0 and not self.model.is_read(i)]
        self._read_here -= {i for i in self._read_here if self.model.is_read(i)}
        for article_id in lagging:
            self.model.mark_read(article_id)
        lagging = [i for i in lagging if self.model.is_read(i)]  # rows that carry a read state
        if lagging:
            highlighted, unread, edited = self._counts
            self._set_chip_counts(highlighted, max(0, unread - len(lagging)), edited)

    def current_article_id(self) -> int | None:
        index = self.list.currentIndex()
        return int(index.data(Role.ARTICLE_ID)) if index.isValid() else None

    def select_article(self, article_id: int) -> None:
        """Mark the open article in the list without emitting :attr:`article_activated` again; it is read now.

        An article not listed yet (its import's refill is still being read) is marked when the rows arrive."""
        self._opened = article_id
        self._mark_read(article_id)
        row = self.model.row_of(article_id)
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._scroll_to(article_id, None)
        else:  # not listed (yet): no other row is the open one
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.blockSignals(False)
        self.list.viewport().update()

    def _mark_read(self, article_id: int) -> None:
        """Show the article as read at once; the window stores it (:attr:`read_marked`, an operation)."""
        if self._library is None or self.model.is_read(article_id):
            return
        self.model.mark_read(article_id)
        self._count_read(article_id)
        self.read_marked.emit(article_id)

    def _count_read(self, article_id: int) -> None:
        """The article just shown as read leaves the Unread count now, in the frame that shows it."""
        if self.model.row_of(article_id) < 0:  # not listed yet: counted when its row arrives (_keep_read_marks)
            self._read_here.add(article_id)
            return
        if not self.model.is_read(article_id):  # a row without a read state: nothing to count
            return
        self._read_here.add(article_id)
        highlighted, unread, edited = self._counts
        self._set_chip_counts(highlighted, max(0, unread - 1), edited)

    def _update_labels(self) -> None:
        searching = bool(self.query())
        highlighted_only = self.filter == HIGHLIGHTED
        count = self.model.total()
        if searching:
            section = plural(self.tr("%Ln result(s)", "", count), count)
        elif self.filter == UNREAD:
            section = self.tr("Unread")
        elif self.filter == EDITED:
            section = self.tr("Edited")
        else:
            section = self.tr("Highlighted") if highlighted_only else self.sort.currentText()
        self.section.setText(section)
        if searching:
            empty = self.tr("Nothing matches this search.")
        elif highlighted_only:
            empty = self.tr("No highlighted articles yet. Select words in an article and pick a colour.")
        elif self.filter == EDITED:
            empty = self.tr("No story has changed since it was first imported.")
        elif self.filter == UNREAD and self._library is not None and self._library.article_count():
            empty = self.tr("Every article has been read.")
        else:
            empty = self.tr("No articles yet. Open a file, import a URL or paste text.")
        self.empty.setText(empty)
        self.empty.setVisible(count == 0)
        self.list.setVisible(count > 0)

    def _open_single_choice(self, *_args: object) -> None:
        """Open the article of a row chosen alone (click, arrow keys); a Ctrl/Shift-click that selects several rows
        or a right-click that selects one for its menu leaves the reader where it is."""
        if QApplication.mouseButtons() & Qt.MouseButton.RightButton:
            return
        rows = self.list.selectionModel().selectedRows()
        current = self.list.currentIndex()
        if len(rows) == 1 and current.isValid() and rows[0].row() == current.row():
            self.article_activated.emit(int(current.data(Role.ARTICLE_ID)))

    @Slot(QPoint)
    def _show_context_menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            return
        selection = self.list.selectionModel()
        if not selection.isSelected(index):
            selection.blockSignals(True)  # the menu acts on this row; the reader stays on its article
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            self.list.viewport().update()
        menu = self.context_menu()
        menu.exec(self.list.viewport().mapToGlobal(point))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The menu for the selected rows: Open (one row), Export…, Re-analyse, Delete."""
        count = len(self.selected_article_ids())
        self.open_action.setEnabled(count == 1)
        self.delete_action.setText(
            self.tr("Delete Article…") if count == 1 else arg(self.tr("Delete %1 Articles…"), count)
        )
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.export_action)
        menu.addAction(self.reanalyse_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    @Slot()
    def _open_selected(self) -> None:
        ids = self.selected_article_ids()
        if len(ids) == 1:
            self.article_activated.emit(ids[0])

    @Slot()
    def _delete_selected(self) -> None:
        if ids := self.selected_article_ids():
            self.delete_requested.emit(ids)

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


def _parse_position(value: object) -> tuple[int, int] | None:
    try:
        article_id, offset = str(value).split(":")
        return int(article_id), max(0, int(offset))
    except ValueError:
        return None
