"""Highlights and notes in the main window: builds the pieces and wires their intents to the controller.

The pieces: marks painted in the reading view, the floating selection bar, shortcuts (Ctrl+1…6 per colour,
Ctrl+Alt+M for a highlight with a note), the same actions in the text's context menu, the toolbar swatches, the
Notes dock and the legend under the Library. What the reader did to the text decides what an intent means: with a
fresh selection a colour creates a highlight; with a highlight selected (clicked in the text or in the Notes
panel) it changes that highlight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from gui import settings
from gui.annotations.colors import Legend
from gui.annotations.controller import AnnotationController
from gui.annotations.glyphs import dot_icon
from gui.annotations.legend import LegendWidget
from gui.annotations.marks import HighlightMarks
from gui.annotations.reads import HighlightReads
from gui.annotations.toolbar_swatches import ToolbarSwatches
from gui.annotations.word_snap import snap_to_words
from gui.i18n import arg
from gui.operations import Changes

if TYPE_CHECKING:
    from gui.annotations.notes_panel import NotesPanel
    from gui.annotations.selection_bar import SelectionBar
    from gui.main_window import MainWindow

NOTE_SHORTCUT = QKeySequence("Ctrl+Alt+M")  # "insert comment" in word processors
PRELOAD_MS = 3000  # after start-up: the Notes panel's modules are loaded then, in a pass of their own


class AnnotationsFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.library = window.library
        self.controller = AnnotationController(window.ops, self)
        legend = self.controller.legend
        self._active: str | None = None  # the highlight whose words are selected, if any
        self._last_color = legend.first()

        self.marks = HighlightMarks(self.view, legend)
        self._bar: SelectionBar | None = None  # the floating bar over a selection, built for the first one
        # The Notes panel is built when its tab is first shown (behind Entities it is not in the first frame);
        # until then its tab counts the article's highlights from what load_article read (see _ensure_panel), and
        # its dock keeps the room the panel took when last built, so that the docks are laid out as with it.
        self._panel: NotesPanel | None = None
        self._unfilled = False  # built, its highlights still to come (the next pass of the event loop)
        self._listed: set[str] = set()  # the open article's highlights, while the panel is not built
        self._fates: dict[str, str] = {}  # what the article's last edit did to its highlights (gui.revisions)
        self.reads = HighlightReads(window, self.controller.store)  # off the GUI thread
        placeholder = QWidget()
        placeholder.setObjectName("NotesPanel")
        room = settings.NOTES_MIN_WIDTH.read()
        placeholder.setMinimumWidth(max(0, room))
        self.dock = window.add_panel(placeholder, window.tr("Notes"), Qt.DockWidgetArea.RightDockWidgetArea, "notes")
        self.dock.visibilityChanged.connect(self._on_dock_visible)
        self.dock.setMinimumWidth(260)
        window.resizeDocks([self.dock], [312], Qt.Orientation.Horizontal)
        self.legend_widget = LegendWidget()
        window.library_panel.add_footer(self.legend_widget)
        self.swatches = ToolbarSwatches(window.toolbar)
        self.swatches.set_legend(legend)
        self.swatches.set_current(self._last_color)
        window.toolbar.addWidget(self.swatches)
        self._build_actions()
        self._connect()
        self._refresh_legend()
        self._refresh_known_tags()
        if room <= 0:  # its room is not known yet: built now, as the window is, and its width remembered
            self._ensure_panel()
        else:  # its code loads in a pass of its own once the window is up, not with the click on its tab
            QTimer.singleShot(PRELOAD_MS, _preload_panel)

    # -- construction ------------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        w = self.window
        self.color_actions: list[QAction] = []
        for index, color in enumerate(self.controller.legend):
            action = QAction(color.meaning, w)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, key=color.key: self.apply_color(key))
            w.addAction(action)
            self.color_actions.append(action)
        self.note_action = QAction(w.tr("Highlight with &Note"), w)
        self.note_action.setShortcut(NOTE_SHORTCUT)
        self.note_action.triggered.connect(self.highlight_with_note)
        w.addAction(self.note_action)
        self.delete_action = QAction(w.tr("&Delete Highlight"), w)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only while the text has focus
        self.delete_action.triggered.connect(self.delete_active)
        self.view.addAction(self.delete_action)
        self.all_highlights_action = QAction(w.tr("&All Highlights"), w)
        self.all_highlights_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.all_highlights_action.triggered.connect(self.show_all_highlights)
        w.addAction(self.all_highlights_action)
        self._update_action_labels()
        menu = w.menus.edit
        menu.addSeparator()
        self.highlight_menu = menu.addMenu(w.tr("&Highlight"))
        for action in (*self.color_actions, self.note_action, self.delete_action):
            self.highlight_menu.addAction(action)
        menu.addAction(self.all_highlights_action)

    def _update_action_labels(self) -> None:
        legend = self.controller.legend
        for action, color in zip(self.color_actions, legend, strict=False):
            action.setText(arg(self.window.tr("Highlight: %1"), color.meaning))
            action.setIcon(dot_icon(color.swatch, None, 14))

    def _connect(self) -> None:
        view, ctl = self.view, self.controller
        self.window.article_opened.connect(self.load_article)
        self.window.article_closed.connect(self._on_article_closed)
        view.article_changed.connect(self._on_article_changed)
        view.selection_range_changed.connect(self._on_selection_changed)
        view.context_menu_requested.connect(self._fill_context_menu)
        view.viewport().installEventFilter(self)
        view.scrolled.connect(self._place_bar)
        self.marks.mark_clicked.connect(self.activate)
        self.swatches.color_chosen.connect(self.apply_color)
        self.legend_widget.color_clicked.connect(self.filter_by_color)
        self.legend_widget.rename_requested.connect(lambda key, meaning: ctl.edit_legend(key, meaning, ""))
        self.legend_widget.recolor_requested.connect(lambda key, swatch: ctl.edit_legend(key, "", swatch))
        self.window.changed.connect(self._on_changed)

    # -- the selection bar, built for the first selection -------------------------------------------------------

    @property
    def bar(self) -> SelectionBar:
        """The floating bar over a selection, built now if no selection needed it yet."""
        if self._bar is None:
            from gui.annotations.selection_bar import SelectionBar

            bar = self._bar = SelectionBar(self.view.viewport())
            bar.set_legend(self.controller.legend)
            bar.completer.set_tags(self.controller.store().tags())
            bar.color_chosen.connect(self.apply_color)
            bar.note_requested.connect(self.highlight_with_note)
            bar.tags_entered.connect(self.apply_tags)
            bar.copy_requested.connect(self.view.copy)
            bar.delete_requested.connect(self.delete_active)
        return self._bar

    def bar_built(self) -> bool:
        return self._bar is not None

    def _hide_bar(self) -> None:
        if self._bar is not None:
            self._bar.hide()

    # -- the Notes panel, built on first show ----------------------------------------------------------------------

    @property
    def panel(self) -> NotesPanel:
        """The Notes panel, built now if its tab was never shown."""
        return self._ensure_panel()

    def panel_built(self) -> bool:
        return self._panel is not None

    @Slot(bool)
    def _on_dock_visible(self, visible: bool) -> None:
        if visible and self._panel is None:
            self._ensure_panel(fill_later=True)

    def _ensure_panel(self, fill_later: bool = False) -> NotesPanel:
        """The panel, built now if needed. ``fill_later``: the tab was clicked, so the widgets are built in this pass
        of the event loop and filled with the article's highlights in the next (each under 50 ms with hundreds of
        notes); anyone asking for the panel meanwhile gets it filled at once."""
        if self._panel is not None:
            if self._unfilled:
                self._fill_panel()
            return self._panel
        from gui.annotations.notes_panel import NotesPanel  # with its delegate, editor and models: ~30 ms to load

        panel = self._panel = NotesPanel()
        panel.set_legend(self.controller.legend)
        ctl = self.controller
        panel.highlight_activated.connect(self.show_passage)
        panel.open_requested.connect(self.open_passage)
        panel.note_edited.connect(ctl.set_note)
        panel.tags_edited.connect(ctl.set_tags)
        panel.color_change_requested.connect(ctl.set_color)
        panel.delete_requested.connect(ctl.delete)
        panel.reattach_requested.connect(self.reattach)
        panel.article_note_edited.connect(ctl.set_article_note)
        panel.scope_changed.connect(self._on_scope_changed)
        placeholder = self.dock.widget()
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # as MainWindow.add_panel sets it
        self.dock.setWidget(panel)
        if placeholder is not None and placeholder is not panel:
            placeholder.deleteLater()
        if self.dock.isVisible():
            panel.show()
        self._unfilled = True
        if fill_later:
            QTimer.singleShot(0, self._fill_panel)
        else:
            self._fill_panel()
        return panel

    def _fill_panel(self, annotations: list[Any] | None = None, note: str | None = None) -> None:
        """The open article's highlights (``annotations`` when just read), note and tags into the built panel
        (once)."""
        panel = self._panel
        if panel is None or not self._unfilled:
            return
        self._unfilled = False
        ctl = self.controller
        panel.count_changed.connect(self._on_count_changed)
        panel.set_known_tags(ctl.store().tags())
        if (article_id := self.article_id()) is not None:
            listed = ctl.store().list(article_id) if annotations is None else annotations
            if note is None:
                note = self.library.get_article(article_id).note
            panel.set_article(article_id, listed, note)
        else:
            panel.set_article(None, [], "")
        panel.set_selection_available(self.view.selection_range() is not None)
        for model in (panel.model, panel.orphan_model):
            model.set_fates(self._fates)
        self._listed.clear()
        settings.NOTES_MIN_WIDTH.write(panel.minimumSizeHint().width())

    def _filled_panel(self) -> NotesPanel | None:
        """The panel when it is built (filled now if its filling is still to come), else None."""
        if self._panel is not None and self._unfilled:
            self._fill_panel()
        return self._panel

    def set_fates(self, fates: dict[str, str]) -> None:
        """Flag the highlights whose fate the article's last edit changed (gui.revisions), now or once built."""
        self._fates = dict(fates)
        if self._panel is not None:
            for model in (self._panel.model, self._panel.orphan_model):
                model.set_fates(self._fates)

    def _count_listed(self) -> None:
        """The tab's count while the panel is not built: the open article's highlights (the panel's own count with
        its filters at their defaults: every anchored highlight and every orphan)."""
        self._on_count_changed(len(self._listed))

    # -- loading -------------------------------------------------------------------------------------------------

    @Slot()
    def _on_article_closed(self) -> None:
        if (panel := self._filled_panel()) is not None:
            panel.set_article(None, [], "")
        else:
            self._listed.clear()
            self._count_listed()

    def article_id(self) -> int | None:
        current: int | None = self.window.current_article_id()
        return current

    @Slot(object)
    def _on_article_changed(self, _article: object) -> None:
        self._active = None
        self._hide_bar()
        self.marks.set_annotations([])  # never paint the previous article's marks on this text

    @Slot(int)
    def load_article(self, article_id: int) -> None:
        """The article's highlights, and its note for the Notes panel, read off the GUI thread (gui.annotations.reads);
        an answer for an article no longer on screen is dropped."""

        def shown(annotations: list[Any], note: str | None) -> None:
            if self.article_id() == article_id:
                self._show_article(article_id, annotations, note)

        self.reads.article(article_id, self._panel is not None, shown)

    @property
    def pending(self) -> bool:
        """The open article's highlights are still being read."""
        return self.reads.loading is not None

    def _show_article(self, article_id: int, annotations: list[Any], note: str | None) -> None:
        self.marks.set_annotations(annotations)
        if self._panel is None:
            self._listed = {a.id for a in annotations}
            self._count_listed()
            return
        if self._unfilled:  # the filling that was to come, with this article
            self._fill_panel(annotations, note)
            return
        self._panel.set_article(article_id, annotations,
                                note if note is not None else self.library.get_article(article_id).note)
        if self._panel.library_wide():
            self._load_library_wide()

    def _load_library_wide(self) -> None:
        """The library-wide list, shown unless the reader has left that view meanwhile."""

        def shown(annotations: list[Any], titles: dict[int, str]) -> None:
            panel = self._panel
            if panel is not None and panel.library_wide():
                panel.set_library_annotations(annotations, titles)

        self.reads.library_wide(shown)

    @Slot(bool)
    def _on_scope_changed(self, library_wide: bool) -> None:
        if library_wide:
            self._load_library_wide()
        elif (article_id := self.article_id()) is not None:
            self.panel.set_article(article_id, self.controller.store().list(article_id),
                                   self.library.get_article(article_id).note)

    @Slot()
    def show_all_highlights(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.set_library_wide(True)

    # -- selection and the bar ---------------------------------------------------------------------------------

    @Slot(object)
    def _on_selection_changed(self, selected: tuple[int, int] | None) -> None:
        if self._panel is not None:
            self._panel.set_selection_available(selected is not None)
        if selected is None:
            self._hide_bar()
            self._active = None
            return
        if self._active is not None:
            mark = self.marks.mark(self._active)
            if mark is None or (mark.start, mark.end) != selected:
                self._active = None
        if not QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._show_bar()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if event.type() == QEvent.Type.MouseButtonRelease and self.view.selection_range() is not None:
            QTimer.singleShot(0, self._show_bar)
        elif event.type() == QEvent.Type.MouseButtonPress and not (self._bar and self._bar.tag_entry_active()):
            self._hide_bar()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if (tip := self.marks.tooltip_at(event.pos().toPointF())) is not None:
                QToolTip.showText(event.globalPos(), tip, self.view.viewport())
                return True
        return False

    @Slot()
    def _show_bar(self) -> None:
        if self.view.selection_range() is None or self.view.article() is None:
            self._hide_bar()
            return
        mark = self.marks.mark(self._active) if self._active else None
        self.bar.end_tag_entry()
        self.bar.set_current(mark.color if mark else None, mark is not None)
        self._place_bar()

    @Slot()
    def _place_bar(self) -> None:
        if self.view.selection_range() is None or self.view.article() is None:
            return
        if (ends := self.view.selection_ends(margins=(8, 4))) is None:  # scrolled out of sight
            self._hide_bar()
            return
        self.bar.show_near(*ends)

    # -- intents -------------------------------------------------------------------------------------------------

    def _selection(self) -> tuple[int, int] | None:
        selected = self.view.selection_range()
        if selected is None or self.article_id() is None:
            return None
        article = self.view.article()
        start, end = snap_to_words(article.text, *selected) if article is not None else selected
        return (start, end) if start < end else None

    @Slot(str)
    def apply_color(self, key: str) -> None:
        self._last_color = key
        self.swatches.set_current(key)
        if self._active is not None:
            self.controller.set_color(self._active, key)
            self._show_bar()
            return
        self.highlight_selection(key)

    def highlight_selection(self, key: str, note: str = "", tags: list[str] | None = None) -> Any:
        selected = self._selection()
        article_id = self.article_id()
        if selected is None or article_id is None:
            self.window.statusBar().showMessage(self.window.tr("Select some text to highlight first."), 4000)
            return None
        record = self.controller.highlight(article_id, *selected, key, note, tags or ())
        if record is not None:
            self._collapse_selection()
            if (panel := self._filled_panel()) is not None:
                panel.select_annotation(record.id, notify=False)
        return record

    @Slot()
    def highlight_with_note(self) -> None:
        ident = self._active
        if ident is None:
            record = self.highlight_selection(self._last_color)
            ident = record.id if record is not None else None
        if ident is None:
            return
        self.dock.show()
        self.dock.raise_()
        self.panel.set_library_wide(False)
        self.panel.select_annotation(ident, notify=False)
        self.panel.editor.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(list)
    def apply_tags(self, tags: list[str]) -> None:
        if self._active is not None:
            current = list(self.controller.store().get(self._active).tags)
            self.controller.set_tags(self._active, current + [t for t in tags if t not in current])
        else:
            self.highlight_selection(self._last_color, tags=tags)
        self.view.setFocus()

    @Slot()
    def delete_active(self) -> None:
        if self._active is not None:
            ident, self._active = self._active, None
            self.controller.delete(ident)
            self._collapse_selection()

    @Slot(str)
    def reattach(self, annotation_id: str) -> None:
        selected = self._selection()
        if selected is not None:
            self.controller.reattach(annotation_id, *selected)
            self._collapse_selection()
            self.panel.select_annotation(annotation_id, notify=False)

    @Slot(str)
    def activate(self, annotation_id: str) -> None:
        """A highlight was clicked in the text: select its words and its entry in the Notes panel."""
        mark = self.marks.mark(annotation_id)
        if mark is None:
            return
        self._active = annotation_id
        self.view.select_range(mark.start, mark.end)
        self._active = annotation_id  # select_range cleared it only if the range differed
        self._show_bar()
        if self.panel.library_wide():
            self.panel.set_library_wide(False)
        self.panel.select_annotation(annotation_id, notify=False)
        if self.dock.isHidden():
            self.dock.show()
        self.dock.raise_()

    @Slot(str)
    def show_passage(self, annotation_id: str) -> None:
        """A Notes entry was chosen: bring its words into view and flash them."""
        record = self.panel.annotation(annotation_id)
        if record is None or record.status != "anchored" or record.article_id != self.article_id():
            return
        self._hide_bar()
        self.view.scroll_to(record.start)
        self.marks.flash(record.start, record.end)

    @Slot(int, str)
    def open_passage(self, article_id: int, annotation_id: str) -> None:
        if article_id != self.article_id():
            self.window.open_article(article_id)
        self.panel.select_annotation(annotation_id, notify=False)
        self.show_passage(annotation_id)

    @Slot(str)
    def filter_by_color(self, key: str) -> None:
        self.dock.show()
        self.dock.raise_()
        current = {k for k, b in self.panel.color_filters.items() if b.isChecked()}
        self.panel.set_color_filter(set() if current == {key} else {key})

    def _collapse_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self._hide_bar()

    # -- context menu --------------------------------------------------------------------------------------------

    @Slot(QMenu, QPoint)
    def _fill_context_menu(self, menu: QMenu, point: QPoint) -> None:
        first = menu.actions()[0] if menu.actions() else None
        clicked = self.marks.mark_at_point(point.toPointF())
        if clicked is not None and self.view.selection_range() is None:
            self.activate(clicked)
        added: list[QAction | None] = []
        if self._active is not None or self._selection() is not None:
            added += [*self.color_actions, self.note_action]
        if self._active is not None:
            added += [None, self.delete_action]
        if not added:
            return
        for action in added:
            if action is None:
                menu.insertSeparator(first) if first else menu.addSeparator()
            elif first is not None:
                menu.insertAction(first, action)
            else:
                menu.addAction(action)
        if first is not None:
            menu.insertSeparator(first)

    # -- what the window broadcasts -----------------------------------------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        """Refresh the marks, the Notes panel, the legend and the tags from what an operation changed."""
        current = self.article_id()
        if current is not None and self.reads.loading == current and any(
                r.article_id == current for r in (*changes.removed, *changes.annotations)):
            self.load_article(current)  # the read under way may have been made before this edit
        panel = self._filled_panel()
        for record in changes.removed:
            if self._active == record.id:
                self._active = None
                self._hide_bar()
            self.marks.remove(record.id)
            if panel is not None:
                panel.remove(record.id)
            self._listed.discard(record.id)
        for record in changes.annotations:
            if record.article_id == current:
                self.marks.upsert(record)
                if panel is None:
                    self._listed.add(record.id)
            if panel is not None and (record.article_id == current or panel.library_wide()):
                panel.upsert(record)
        if panel is None and (changes.removed or changes.annotations):
            self._count_listed()
        for article_id, note in changes.notes:
            if panel is not None:
                panel.set_article_note(article_id, note)
        if changes.legend:
            self._on_legend_changed(self.controller.reload_legend())
        if changes.highlights:
            self._refresh_legend()
            self._refresh_known_tags()

    def _on_legend_changed(self, legend: Legend) -> None:
        self.marks.set_legend(legend)
        if self._bar is not None:
            self._bar.set_legend(legend)
        if self._panel is not None:
            self._panel.set_legend(legend)
        self.swatches.set_legend(legend)
        self.swatches.set_current(self._last_color)
        self._update_action_labels()
        self._refresh_legend()  # the library's dots follow through the broadcast (Changes.listing)

    def _refresh_legend(self) -> None:
        self.legend_widget.set_legend(self.controller.legend, self.controller.counts_by_color())

    def _refresh_known_tags(self) -> None:
        if self._panel is None and self._bar is None:
            return  # each reads the tags when it is built
        tags = self.controller.store().tags()
        if self._panel is not None:
            self._panel.set_known_tags(tags)
        if self._bar is not None:
            self._bar.completer.set_tags(tags)

    @Slot(int)
    def _on_count_changed(self, count: int) -> None:
        title = self.dock.titleBarWidget()
        if title is not None and hasattr(title, "set_count"):
            title.set_count(count)

    def refresh_theme(self) -> None:
        legend = self.controller.legend
        if self._bar is not None:
            self._bar.refresh_theme()
        if self._panel is not None:
            self._panel.refresh_theme()
        self.legend_widget.refresh_theme()
        self.legend_widget.set_legend(legend, self.controller.counts_by_color())
        self.swatches.refresh_theme()
        self.view.viewport().update()



def _preload_panel() -> None:
    import gui.annotations.notes_panel  # noqa: F401 — ~30 ms of imports, before the tab is clicked
