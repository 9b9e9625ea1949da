"""The main window: toolbar, Library dock on the left, the article in the middle, status bar.

Docks are added with :meth:`MainWindow.add_panel` (the Entities/Notes dock goes to the right, the Timeline to the
bottom); their placement is saved with the window state and restored at the next start. Views tell the window what
the user wants (intent signals) and the window runs the operation (:mod:`gui.operations`; long work on
:attr:`MainWindow.runner`). What an operation changed is broadcast once by :attr:`MainWindow.changed` and every panel
refreshes itself from it; opening an article emits :attr:`article_opened` for every panel that shows something about
it. Menus are reached through :attr:`MainWindow.menus`, never by their visible text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QStackedLayout,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui import settings
from gui.about_action import install_about
from gui.annotations.feature import AnnotationsFeature
from gui.article_view import ArticleView
from gui.dock_title import DockHeaders, DockTitle
from gui.empty_reader import EmptyReader
from gui.export_action import install_export
from gui.find_bar import FindBar
from gui.i18n import arg, plural
from gui.icons import clear_button_when_typed, icon
from gui.import_actions import ImportActions
from gui.library_actions import LibraryActions, next_article
from gui.library_panel import LibraryPanel
from gui.operations import Changes, OpContext
from gui.operations.articles import ImportFailure, ImportRequest, mark_read
from gui.preferences_action import install_preferences
from gui.reading_position import ReadingPositions
from gui.revisions.feature import install_revisions
from gui.runner import Pool, Runner, Task
from gui.runner import screen_pool as default_screen_pool
from gui.status_figures import StatusFigures
from gui.theme import ThemeController
from gui.toolbar_fit import ToolbarFitter
from gui.typefaces import Typefaces
from gui.window_menus import build_menus

if TYPE_CHECKING:
    from gui.analysis_notice import AnalysisNotice
    from gui.reading_panels import ReadingPanels

log = logging.getLogger(__name__)

WORDS_PER_MINUTE = 230
TIMELINE_MIN_HEIGHT = 140  # px: the controls, the axis and two rows of events


def _reserved_panel(minimum: tuple[int, int] | None) -> QWidget:
    """An empty panel holding a dock's place (and the room its panel took when last built) until the panel is built."""
    panel = QWidget()
    panel.setObjectName("ReservedPanel")
    if minimum is not None:
        panel.setMinimumSize(*minimum)
    return panel


class MainWindow(QMainWindow):
    article_opened = Signal(int)  # article id (the Entities, Notes and Timeline docks listen to this)
    article_closed = Signal()  # no article on screen any more: the docks empty themselves
    imports_finished = Signal(list, list)  # [ImportResult], [ImportFailure]
    changed = Signal(object)  # Changes: what an operation changed, broadcast once; every panel refreshes from it

    def __init__(
        self,
        library: Any,
        faces: Typefaces,
        theme: ThemeController | None = None,
        ingest: Any = None,
        pool: Pool | None = None,
        defer_reading: bool = False,
        screen_pool: Pool | None = None,
    ) -> None:
        """``defer_reading``: the Entities and Timeline docks are laid out empty and their panels built on the first
        use of :attr:`reading` (the reader does that once the window with the article has been painted: their
        modules and widgets are a third of the work before it, and they have nothing to show before the article's
        analysis arrives anyway). ``screen_pool``: where the reads of what is on screen run (by default ``pool``, or a
        thread of their own when ``pool`` is the shared one)."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle("Newsdesk")
        self.setWindowIcon(icon("newsdesk"))
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)  # Entities | Notes
        self.setDocumentMode(True)
        self.dock_headers = DockHeaders(self)  # tabified docks: one row of tabs with counts, no second title
        self.library = library
        self.theme = theme
        self._ingest = ingest
        self.runner = Runner(pool, self)  # all work off the GUI thread
        # reads of what is on screen now (the open article's highlights), never queued behind long work
        self.screen_reads = Runner(screen_pool or (pool if pool is not None else default_screen_pool()), self)
        self.screen_reads.failed.connect(lambda line: self.statusBar().showMessage(line, 8000))
        self.runner.failed.connect(lambda line: self.statusBar().showMessage(line, 8000))
        self.imports = ImportActions(self)  # Open, Import URL, Paste, drops, Open Recent: the import operation
        self._article_id: int | None = None
        self._state_restored = False
        self._menus_built = False
        self._reading: ReadingPanels | None = None
        self._reserved: dict[str, QDockWidget] = {}  # docks laid out before their panels are built
        self._made_panels: dict[str, AnalysisNotice] = {}  # the reading panels made before self.reading
        self.status_figures: StatusFigures | None = None
        self._list_refresh = QTimer(self, singleShot=True, interval=0)  # highlight counts in the list
        self.show_dialogs = True  # off in screenshot mode, where failures go to stderr instead
        self.import_failures: list[ImportFailure] = []  # every failure since the window opened

        self.view = ArticleView(faces)
        self.find_bar = FindBar(self.view)
        self.undo_stack = QUndoStack(self)  # every annotation action and correction, Edit ▸ Undo / Redo
        self.ops = OpContext(library, self.undo_stack, self.runner, self.changed.emit,
                             lambda reason: self.statusBar().showMessage(reason, 6000))
        self.changed.connect(self._on_changed)  # first: the list is read before the panels refresh
        self._build_actions()
        self._build_centre()
        self._build_toolbar()
        self._build_library_dock()
        self.menus = build_menus(self)
        self._menus_built = True
        self._build_status_bar()

        self.view.set_zoom(settings.TEXT_ZOOM.read())
        self.view.zoom_changed.connect(self._on_zoom_changed)
        if theme is not None:
            theme.changed.connect(self._on_theme_changed)
        self.library_panel.set_library(library)
        self._list_refresh.timeout.connect(self.library_panel.reload)
        self._update_library_status()

        self.annotations = AnnotationsFeature(self)  # highlights, notes, the Notes dock and the colour legend
        self._reserve_reading_docks()  # their panels: self.reading
        self.export_action = install_export(self)  # Export… at the right end of the toolbar, File menu, Ctrl+E
        self.toolbar_fitter = ToolbarFitter(self.toolbar, self.search_field, self.brand)
        self.status_figures = StatusFigures(self)  # highlights, analysis state and zoom in the status bar
        self.preferences_action = install_preferences(self)  # Edit ▸ Preferences… (name, appearance, colours, library)
        self.about_action = install_about(self)  # Help ▸ About Newsdesk
        self.revisions = install_revisions(self)  # versions line, Check for Updates, changes window, edit flags
        self.reading_positions = ReadingPositions(self)  # each article reopens where the reader left it
        if not defer_reading:
            self._build_reading()

    @property
    def reading(self) -> ReadingPanels:
        """The Entities and Timeline docks and the analysis behind them (gui.reading_panels), built on first use
        when the window was made with ``defer_reading``."""
        if self._reading is None:
            self._build_reading()
        assert self._reading is not None
        return self._reading

    def reading_if_built(self) -> ReadingPanels | None:
        return self._reading

    def reading_panel(self, kind: str) -> AnalysisNotice:
        """The Entities or Timeline panel (under its notice) in its dock: made now, or the one made beforehand."""
        if kind not in self._made_panels:
            from gui.reading_panels import make_panel

            notice = self._made_panels[kind] = make_panel(kind)
            if (dock := self._reserved.get(kind)) is not None:  # in its place at once (gui.app builds in steps)
                self._fill_reserved(dock, notice)
        return self._made_panels[kind]

    def reading_steps(self) -> list[Callable[[], object]]:
        """What :attr:`reading` needs, prepared in steps of 1–30 ms, for one turn of the event loop each; using
        :attr:`reading` afterwards (in a turn of its own, some 15–30 ms) then only wires them."""
        import importlib

        modules = ("gui.timeline.view", "gui.timeline.dock", "gui.entities.panel", "gui.reading_panels")
        return [*(partial(importlib.import_module, name) for name in modules),
                partial(self.reading_panel, "entities"), partial(self.reading_panel, "timeline")]

    def _build_reading(self) -> None:
        if self._reading is not None:
            return
        if not self._reserved:
            raise RuntimeError("the reading panels were used while they were being built")
        from gui.reading_panels import ReadingPanels

        self._reading = ReadingPanels(self)  # fills the reserved docks (add_panel), which empties self._reserved
        if self.status_figures is not None:
            self.status_figures.follow_analysis(self._reading.runner)
        self.revisions.follow_reading(self._reading)

    # -- construction ----------------------------------------------------------------------------------------------

    def _build_centre(self) -> None:
        pane = QWidget(self)
        pane.setObjectName("ArticlePane")
        pane.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.empty_article = EmptyReader(self.open_action, [self.import_url_action, self.paste_action], pane)
        self._article_stack = QStackedLayout()
        self._article_stack.addWidget(self.empty_article)
        self._article_stack.addWidget(self.view)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._article_stack, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(pane)

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | list[QKeySequence] | None = None,
                icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
            action.setIconVisibleInMenu(False)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the toolbar or menu bar is hidden
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(self.tr("&Open…"), self.imports.open_files_dialog, key.Open, "open")
        self.open_action.setIconText(self.tr("Open"))
        self.import_url_action = self._action(
            self.tr("Import &URL…"), self.imports.import_url_dialog, QKeySequence("Ctrl+L"), "link"
        )
        self.import_url_action.setIconText(self.tr("Import URL"))
        self.paste_action = self._action(
            self.tr("&Paste as Article"), self.imports.paste_as_article, QKeySequence("Ctrl+Shift+V"), "paste"
        )
        self.paste_action.setIconText(self.tr("Paste"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.find_action = self._action(self.tr("&Find in Article…"), self.find_bar.open_bar, key.Find)
        self.find_next_action = self._action(self.tr("Find &Next"), self.find_bar.find_next, key.FindNext)
        self.find_previous_action = self._action(
            self.tr("Find &Previous"), self.find_bar.find_previous, key.FindPrevious
        )
        self.search_action = self._action(self.tr("&Search Library"), self._focus_search, QKeySequence("Ctrl+K"))
        self.copy_action = self._action(self.tr("&Copy"), self.view.copy, key.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the focused widget handles Ctrl+C
        self.zoom_in_action = self._action(
            self.tr("Zoom &In"), self.view.zoom_in, [QKeySequence("Ctrl+="), QKeySequence(key.ZoomIn)]
        )
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.view.zoom_out, QKeySequence(key.ZoomOut))
        self.zoom_reset_action = self._action(self.tr("&Actual Size"), self.view.reset_zoom, QKeySequence("Ctrl+0"))
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            action.setEnabled(False)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(key.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(key.Redo)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Toolbar"), self)
        bar.setObjectName("MainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setFixedHeight(48)
        bar.setIconSize(QSize(18, 18))  # fixed: a platform theme change must not resize the icons
        brand = self.brand = QLabel("Newsdesk", bar)
        brand.setObjectName("Brand")
        brand_icon = QLabel(bar)
        brand_icon.setPixmap(icon("newsdesk").pixmap(22, 22))
        brand_icon.setContentsMargins(2, 0, 4, 0)
        bar.addWidget(brand_icon)
        bar.addWidget(brand)
        for action in (self.open_action, self.import_url_action, self.paste_action):
            bar.addAction(action)
        spacer = QWidget(bar)
        spacer.setFixedWidth(24)
        bar.addWidget(spacer)
        self.search_field = QLineEdit(bar)
        self.search_field.setObjectName("GlobalSearch")
        self.search_field.setPlaceholderText(self.tr("Search articles and highlights…"))
        self.search_field.setAccessibleName(self.tr("Search articles and highlights"))
        clear_button_when_typed(self.search_field)
        self.search_field.setFixedWidth(330)
        self.search_field.addAction(icon("search", "#959AA2"), QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search_field)
        stretch = QWidget(bar)
        stretch.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(stretch)
        self.toolbar = bar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_library_dock(self) -> None:
        self.library_panel = LibraryPanel(self)
        self.library_dock = self.add_panel(self.library_panel, self.tr("Library"), Qt.DockWidgetArea.LeftDockWidgetArea,
                                           "LibraryDock")
        self.library_dock.setMinimumWidth(220)
        self.resizeDocks([self.library_dock], [268], Qt.Orientation.Horizontal)
        self.library_panel.article_activated.connect(self.open_article)
        self.library_panel.read_marked.connect(partial(mark_read, self.ops))
        self.library_actions = LibraryActions(self)  # the rows' menu and the Delete key: delete, re-analyse, export
        self.library_panel.count_changed.connect(self._library_title.set_count)
        # The toolbar search and the Library search are one query: typing in either shows the results in the list.
        self.search_field.textChanged.connect(self._sync_search_from_toolbar)
        self.library_panel.search.textChanged.connect(self._sync_search_from_panel)
        self.search_field.returnPressed.connect(self.library_panel.search.returnPressed.emit)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        self.library_status = QLabel(status)
        self.library_status.setAccessibleName(self.tr("Library figures"))
        self.article_status = QLabel(status)
        self.article_status.setAccessibleName(self.tr("Article figures"))
        status.addWidget(self.library_status, 1)
        status.addPermanentWidget(self.article_status)

    # -- docks and layout ---------------------------------------------------------------------------------------------

    def _reserve_reading_docks(self) -> None:
        """The Entities and Timeline docks, empty until :meth:`_build_reading` gives them their panels: the layout
        (restored or default) is the same with or without them."""
        room = settings.parse_sizes(settings.READING_MIN_SIZES.read())  # the panels' minimum sizes when last built
        entities = self.add_panel(_reserved_panel(room.get("entities")), self.tr("Entities"),
                                  Qt.DockWidgetArea.RightDockWidgetArea, "entities")
        self._timeline_dock = self.add_panel(_reserved_panel(room.get("timeline")), self.tr("Timeline"),
                                             Qt.DockWidgetArea.BottomDockWidgetArea, "timeline")
        self._reserved = {"entities": entities, "timeline": self._timeline_dock}
        self.tabifyDockWidget(entities, self.annotations.dock)  # Entities | Notes
        entities.raise_()

    @staticmethod
    def _fill_reserved(dock: QDockWidget, widget: QWidget) -> None:
        if dock.widget() is widget:
            return
        widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        empty = dock.widget()
        dock.setWidget(widget)
        if empty is not None:
            empty.deleteLater()

    def add_panel(self, widget: QWidget, title: str, area: Qt.DockWidgetArea, object_name: str) -> QDockWidget:
        """Dock a panel (movable, floatable, closable); its place is part of the saved layout.

        Panels added after :meth:`restore_layout` get their saved place back at once. A panel whose dock was
        reserved (:meth:`_reserve_reading_docks`) takes that dock's place as it is.
        """
        reserved = self._reserved.pop(object_name, None)
        if reserved is not None:
            self._fill_reserved(reserved, widget)
            return reserved
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        title_bar = DockTitle(title, dock)
        dock.setTitleBarWidget(title_bar)
        if object_name == "LibraryDock":
            self._library_title = title_bar
        widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the panel colour behind every dock's content
        dock.setWidget(widget)
        dock.toggleViewAction().setText(title)
        self.addDockWidget(area, dock)
        if self._state_restored:
            self.restoreDockWidget(dock)
        self.dock_headers.watch(dock)
        if self._menus_built:
            self.menus.panels.addAction(dock.toggleViewAction())
        return dock

    def restore_layout(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.read()
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        state = settings.WINDOW_STATE.read()
        if state.isEmpty() or not self.restoreState(state):
            self._default_dock_heights()
            QTimer.singleShot(0, self._default_dock_heights)  # again once shown: a hidden window's docks ignore it
        self._state_restored = True
        self.dock_headers.schedule()

    def resizeEvent(self, event: QResizeEvent) -> None:  # QMainWindow.resizeEvent
        super().resizeEvent(event)
        if self._state_restored and 0 < event.size().height() < event.oldSize().height():
            QTimer.singleShot(0, self._keep_article_room)  # after the docks took their new sizes

    def _keep_article_room(self) -> None:
        """A window made shorter gives its height back to the article: the timeline shrinks to its share."""
        dock = self._timeline_dock
        limit = max(TIMELINE_MIN_HEIGHT, self._timeline_share())
        if dock.isVisible() and not dock.isFloating() and dock.height() > limit + 8:
            self.resizeDocks([dock], [limit], Qt.Orientation.Vertical)

    def _timeline_share(self) -> int:
        height = self.height()
        return height * 27 // 100 if height >= 850 else height * 20 // 100

    def _default_dock_heights(self) -> None:
        """A first start gives the timeline about a quarter of a tall window, room for four rows of named events at
        900 px (the design's proportion); a short window keeps its height for the article (a fifth, two rows)."""
        self.resizeDocks([self._timeline_dock], [max(TIMELINE_MIN_HEIGHT, self._timeline_share())],
                         Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        settings.WINDOW_GEOMETRY.write(QByteArray(self.saveGeometry()))
        settings.WINDOW_STATE.write(QByteArray(self.saveState()))
        if self._reading is not None:  # the room the docks keep while the panels are built at the next start
            sizes = {"entities": self._reading.entities_notice.minimumSizeHint(),
                     "timeline": self._reading.timeline_notice.minimumSizeHint()}
            settings.READING_MIN_SIZES.write(";".join(f"{k}={v.width()}x{v.height()}" for k, v in sizes.items()))

    def closeEvent(self, event: QCloseEvent) -> None:  # QMainWindow.closeEvent
        self.save_layout()
        self.runner.cancel_all()
        super().closeEvent(event)

    # -- opening articles ---------------------------------------------------------------------------------------------

    def current_article_id(self) -> int | None:
        return self._article_id

    @Slot(int)
    def open_article(self, article_id: int, again: bool = False) -> None:
        """Show the article (``again``: read it afresh even when it is the one on screen)."""
        if article_id == self._article_id and not again:
            return
        try:
            stored = self.library.get_article(article_id)
        except KeyError:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Newsdesk"), self.tr("This article is no longer in the library."))
            self.library_panel.reload()
            return
        article = stored.article
        self._article_id = article_id
        self.view.set_article(article)
        self._article_stack.setCurrentWidget(self.view)
        self.setWindowTitle(f"{article.metadata.title or article.source} — Newsdesk")
        words = len(article.text.split())
        minutes = max(1, round(words / WORDS_PER_MINUTE))
        self.article_status.setText(
            arg(self.tr("%1 words · %2 min read"), f"{words:,}", minutes)
        )
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            action.setEnabled(True)
        self.library_panel.select_article(article_id)
        settings.LAST_ARTICLE.write(article_id)
        if query := self.library_panel.query():
            self.find_bar.field.setText(query)
            self.find_bar.open_bar()
            self.view.setFocus()
        self.article_opened.emit(article_id)

    def close_article(self) -> None:
        """No article on screen (the open one was deleted and none is left): the empty page, empty docks."""
        self._article_id = None
        self.view.set_article(None)
        self._article_stack.setCurrentWidget(self.empty_article)
        self.setWindowTitle("Newsdesk")
        self.article_status.clear()
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            action.setEnabled(False)
        self.find_bar.close_bar()
        self.article_closed.emit()

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        """The list and the library figures follow what an operation changed; a deleted article on screen gives
        way to the next one listed, or to the empty page."""
        if changes.deleted:
            listed = self.library_panel.model.article_ids()  # the order before the list is read again
            n = len(changes.deleted)
            self.statusBar().showMessage(
                plural(self.tr("Deleted %n article(s)", "", n), n), 5000)
        if changes.articles or changes.deleted:
            self.library_panel.reload()
            self._update_library_status()
        elif changes.listing:  # highlight counts: once for a burst of edits
            self._list_refresh.start()
        if changes.deleted and (self._article_id is None or self._article_id in changes.deleted):
            next_id = next_article(listed, set(changes.deleted), self._article_id)
            if next_id is not None:
                self._article_id = None
                self.open_article(next_id)
            else:
                self.close_article()

    # -- importing ----------------------------------------------------------------------------------------------

    def ingest(self) -> Any:
        if self._ingest is None:
            import models.ingest as ingest_module

            self._ingest = ingest_module
        return self._ingest

    def busy(self) -> bool:
        """Imports or an analysis still running (the screenshot mode waits until nothing is)."""
        return (bool(self.imports.running) or self._reading is None or self._reading.pending
                or self.annotations.pending)

    def import_requests(self, requests: list[ImportRequest], open_last: bool = True) -> Task | None:
        return self.imports.run(requests, open_last)

    def import_paths(self, paths: list[str], open_last: bool = True) -> Task | None:
        return self.imports.import_paths(paths, open_last)

    def import_mime(self, mime: QMimeData | None) -> None:
        self.imports.import_mime(mime)

    # -- user actions -------------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # QMainWindow.dragEnterEvent
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # QMainWindow.dropEvent
        event.acceptProposedAction()
        self.import_mime(event.mimeData())

    @Slot()
    def _focus_search(self) -> None:
        target = self.search_field if self.toolbar.isVisible() else self.library_panel.search
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    @Slot(str)
    def _sync_search_from_toolbar(self, text: str) -> None:
        if self.library_panel.search.text() != text:
            self.library_panel.search.setText(text)
        if text and not self.library_dock.isVisible():
            self.library_dock.show()

    @Slot(str)
    def _sync_search_from_panel(self, text: str) -> None:
        if self.search_field.text() != text:
            self.search_field.setText(text)

    @Slot(float)
    def _on_zoom_changed(self, factor: float) -> None:
        settings.TEXT_ZOOM.write(factor)
        self.statusBar().showMessage(arg(self.tr("Text size %1 %"), round(factor * 100)), 2000)

    @Slot(object)
    def _on_theme_changed(self, _tokens: object) -> None:
        self.view.refresh_theme()
        self.annotations.refresh_theme()
        for action, name in (
            (self.open_action, "open"), (self.import_url_action, "link"), (self.paste_action, "paste")
        ):
            action.setIcon(icon(name))
        self.library_panel.list.viewport().update()

    def _update_library_status(self) -> None:
        count = self.library.article_count()
        figures = plural(arg(self.tr("Library: %1 article(s)"), f"{count:,}"), count)
        if self.status_figures is not None:  # built after the list is first read
            self.status_figures.recount()
        else:
            self.library_status.setText(figures)
            self.library_status.setToolTip(str(self.library.location))
        self.empty_article.set_library_empty(count == 0)

