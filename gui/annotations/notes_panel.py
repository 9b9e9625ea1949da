"""The Notes dock: the article's note, its highlights (filter by colour, tag and text; sort by position, creation
or colour), the orphans that lost their words, and an editor for the selected highlight.

A second mode, "All highlights", lists the annotations of the whole library with the same filters; a double-click
opens the article at the passage. The panel owns no data and writes nothing: every change leaves as an intent
signal, and :class:`~gui.annotations.feature.AnnotationsFeature` feeds records back in.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.annotations.colors import Legend
from gui.annotations.glyphs import dot_icon
from gui.annotations.highlight_editor import COMMIT_DELAY_MS, HighlightEditor, NoteField
from gui.annotations.notes_delegate import NotesDelegate
from gui.annotations.notes_model import NotesModel, Role
from gui.i18n import arg
from gui.icons import icon
from gui.theme import Tokens, current_tokens
from models.store.records import Annotation

FILTER_DELAY_MS = 150

_STYLE = """
QWidget#NotesPanel, QWidget#HighlightEditor {{ background: {panel}; }}
QWidget#HighlightEditor {{ border-top: 1px solid {border}; }}
QListView#NotesList, QListView#OrphanList {{ background: {panel}; border: none; outline: none; }}
QLabel#NotesSection {{ color: {text_tertiary}; font-size: 11px; font-weight: 600; }}
QLabel#NotesHint, QLabel#NotesEmpty {{ color: {text_tertiary}; font-size: 12px; }}
QPlainTextEdit#ArticleNote, QPlainTextEdit#NoteField {{
    background: {surface}; border: 1px solid {border_strong}; border-radius: 8px; padding: 4px 6px;
    selection-background-color: {selection}; selection-color: {text};
}}
QPlainTextEdit#ArticleNote:focus, QPlainTextEdit#NoteField:focus {{ border-color: {accent}; }}
QToolButton#ScopeButton {{
    background: transparent; border: none; border-radius: 7px; padding: 4px 10px; color: {text_secondary};
    font-weight: 500;
}}
QToolButton#ScopeButton:checked {{ background: {surface}; color: {text}; border: 1px solid {border}; }}
QWidget#ScopeSwitch {{ background: {window}; border-radius: 8px; }}
QToolButton#NotesTool, QToolButton#ColorFilter {{
    background: transparent; border: none; border-radius: 6px; padding: 2px;
}}
QToolButton#NotesTool:hover, QToolButton#ColorFilter:hover {{ background: {hover}; }}
QToolButton#ColorFilter:checked {{ background: {accent_tint}; }}
QComboBox#NotesCombo {{
    background: {surface}; border: 1px solid {border_strong}; border-radius: 8px; padding: 3px 8px; font-size: 12px;
}}
QPushButton#ReattachButton {{ font-size: 12px; padding: 4px 10px; }}
"""


def _section_font(font: QFont) -> QFont:
    section = QFont(font)
    section.setCapitalization(QFont.Capitalization.AllUppercase)
    section.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
    return section


class NotesPanel(QWidget):
    highlight_activated = Signal(str)  # a row was chosen: show the passage
    open_requested = Signal(int, str)  # article id, annotation id (library-wide view)
    note_edited = Signal(str, str)
    tags_edited = Signal(str, list)
    color_change_requested = Signal(str, str)
    delete_requested = Signal(str)
    reattach_requested = Signal(str)  # attach the orphan to the text selected in the article
    article_note_edited = Signal(int, str)
    scope_changed = Signal(bool)  # True: the whole library
    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NotesPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._article_id: int | None = None
        self._library_wide = False
        self._selection_available = False
        self._quiet = False
        self._legend = Legend()
        self.model = NotesModel("anchored", self)
        self.orphan_model = NotesModel("orphan", self)

        # Scope: this article / the whole library
        self.scope = QWidget(self)
        self.scope.setObjectName("ScopeSwitch")
        self.scope.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.article_scope = self._scope_button(self.tr("This article"), True)
        self.library_scope = self._scope_button(self.tr("All highlights"), False)
        scope_group = QButtonGroup(self)
        scope_group.addButton(self.article_scope)
        scope_group.addButton(self.library_scope)
        self.library_scope.toggled.connect(self._on_scope_toggled)
        self.scope.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # spare height goes below
        scope_row = QHBoxLayout(self.scope)
        scope_row.setContentsMargins(3, 3, 3, 3)
        scope_row.setSpacing(2)
        scope_row.addWidget(self.article_scope)
        scope_row.addWidget(self.library_scope)

        # Article note
        self.article_note_label = QLabel(self.tr("Article note"), self)
        self.article_note_label.setObjectName("NotesSection")
        self.article_note = NoteField(self, compact=36, expanded=96)
        self.article_note.setObjectName("ArticleNote")
        self.article_note.setPlaceholderText(self.tr("A note about the whole article…"))
        self.article_note.setAccessibleName(self.tr("Article note"))
        self.article_note.setTabChangesFocus(True)
        self._article_note_timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._article_note_timer.timeout.connect(self.commit_article_note)
        self.article_note.textChanged.connect(self._article_note_timer.start)
        self.article_note.focus_left.connect(self.commit_article_note)

        # Filters
        self.filter = QLineEdit(self)
        self.filter.setObjectName("NotesFilter")
        self.filter.setPlaceholderText(self.tr("Filter highlights and notes"))
        self.filter.setAccessibleName(self.tr("Filter highlights and notes"))
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(icon("search", "#959AA2"), QLineEdit.ActionPosition.LeadingPosition)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.filter.textChanged.connect(self._filter_timer.start)
        self.color_filters: dict[str, QToolButton] = {}
        self._color_row = QHBoxLayout()
        self._color_row.setSpacing(0)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setObjectName("NotesCombo")
        self.tag_filter.setAccessibleName(self.tr("Filter by tag"))
        self.tag_filter.currentIndexChanged.connect(self.apply_filters)
        self.sort = QComboBox(self)
        self.sort.setObjectName("NotesCombo")
        self.sort.setAccessibleName(self.tr("Sort highlights"))
        for label, order in ((self.tr("Position"), "position"), (self.tr("Created"), "created"),
                             (self.tr("Colour"), "color")):
            self.sort.addItem(label, order)
        self.sort.currentIndexChanged.connect(self._on_sort_changed)

        # Lists
        self.list = self._list_view("NotesList", self.model, self.tr("Highlights"))
        self.empty = QLabel(self)
        self.empty.setObjectName("NotesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(16, 6, 16, 6)
        self.orphans = QWidget(self)
        self.orphan_label = QLabel(self.orphans)
        self.orphan_label.setObjectName("NotesSection")
        self.orphan_hint = QLabel(self.tr("Their words are gone from the text: select where they belong, then "
                                          "re-attach."), self.orphans)
        self.orphan_hint.setObjectName("NotesHint")
        self.orphan_hint.setWordWrap(True)
        self.orphan_list = self._list_view("OrphanList", self.orphan_model, self.tr("Orphans"))
        self.reattach_button = QPushButton(self.tr("Re-attach to selection"), self.orphans)
        self.reattach_button.setObjectName("ReattachButton")
        self.reattach_button.clicked.connect(self._request_reattach)
        orphan_layout = QVBoxLayout(self.orphans)
        orphan_layout.setContentsMargins(0, 6, 0, 0)
        orphan_layout.setSpacing(4)
        orphan_head = QHBoxLayout()
        orphan_head.setContentsMargins(16, 0, 12, 0)
        orphan_head.addWidget(self.orphan_label)
        orphan_head.addStretch(1)
        orphan_head.addWidget(self.reattach_button)
        orphan_layout.addLayout(orphan_head)
        hint_row = QHBoxLayout()
        hint_row.setContentsMargins(16, 0, 12, 0)
        hint_row.addWidget(self.orphan_hint)
        orphan_layout.addLayout(hint_row)
        orphan_layout.addWidget(self.orphan_list, 1)
        self.orphans.setMaximumHeight(170)
        self.list.setMinimumHeight(80)
        self.orphan_list.setMinimumHeight(60)

        self.editor = HighlightEditor(self)
        self.editor.note_edited.connect(self.note_edited)
        self.editor.tags_edited.connect(self.tags_edited)
        self.editor.color_change_requested.connect(self.color_change_requested)
        self.editor.delete_requested.connect(self.delete_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        top = QVBoxLayout()
        top.setContentsMargins(12, 0, 12, 0)
        top.setSpacing(6)
        top.addWidget(self.scope)
        top.addSpacing(2)
        top.addWidget(self.article_note_label)
        top.addWidget(self.article_note)
        top.addSpacing(2)
        top.addWidget(self.filter)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addLayout(self._color_row)
        filters.addStretch(1)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.sort)
        top.addLayout(filters)
        layout.addLayout(top)
        layout.addWidget(self.empty, 1)  # shown instead of the list: the spare height stays under its line of text
        layout.addWidget(self.list, 1)
        layout.addWidget(self.orphans)
        layout.addWidget(self.editor)

        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        for font_label in (self.article_note_label, self.orphan_label, self.editor.title):
            font_label.setFont(_section_font(font_label.font()))
        self.set_legend(self._legend)
        self.refresh_theme()
        self._update_visibility()

    # -- construction helpers ----------------------------------------------------------------------------------

    def _scope_button(self, text: str, checked: bool) -> QToolButton:
        button = QToolButton(self.scope)
        button.setObjectName("ScopeButton")
        button.setText(text)
        button.setCheckable(True)
        button.setChecked(checked)
        button.setSizePolicy(button.sizePolicy().horizontalPolicy().Expanding, button.sizePolicy().verticalPolicy())
        return button

    def _list_view(self, name: str, model: NotesModel, accessible: str) -> QListView:
        view = QListView(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setModel(model)
        view.setItemDelegate(NotesDelegate(view))
        view.setMouseTracking(True)
        view.setUniformItemSizes(False)
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setLayoutMode(QListView.LayoutMode.Batched)  # thousands of rows are measured in idle time
        view.setBatchSize(16)  # rows measured per pass of the event loop: a note card costs up to a few ms
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.selectionModel().currentChanged.connect(self._on_current_changed)
        view.doubleClicked.connect(self._on_double_clicked)
        view.clicked.connect(self._on_clicked)
        return view

    # -- content from the feature ------------------------------------------------------------------------------

    def set_article(self, article_id: int | None, annotations: Iterable[Annotation], note: str = "") -> None:
        self._article_id = article_id
        self.article_note.blockSignals(True)
        self.article_note.setPlainText(note)
        self.article_note.blockSignals(False)
        if not self._library_wide:
            self._load(list(annotations))
        self._update_visibility()

    def set_library_annotations(self, annotations: Iterable[Annotation], titles: dict[int, str]) -> None:
        """The library-wide list (used while "All highlights" is on)."""
        self._load(list(annotations), titles)

    def _load(self, annotations: list[Annotation], titles: dict[int, str] | None = None) -> None:
        current = self.current_id()
        self.editor.show_annotation(None)
        self.model.set_annotations(annotations, titles)
        self.orphan_model.set_annotations(annotations, titles)
        self._refill_tag_filter()
        self.apply_filters()
        if current is not None:
            self.select_annotation(current, notify=False)
        self._update_visibility()

    def upsert(self, annotation: Annotation) -> None:
        for model in (self.model, self.orphan_model):
            model.upsert(annotation)
        if self.editor.annotation_id() == annotation.id:
            self.editor.show_annotation(annotation)
        self._refill_tag_filter()
        self._update_visibility()

    def remove(self, annotation_id: str) -> None:
        """The card goes; when it was the selected one nothing else becomes selected (the view would otherwise
        make the next card current and scroll the article to it)."""
        was_current = self.current_id() == annotation_id
        if self.editor.annotation_id() == annotation_id:
            self.editor.show_annotation(None)
        self._quiet = True
        try:
            for view, model in ((self.list, self.model), (self.orphan_list, self.orphan_model)):
                if was_current:
                    view.selectionModel().clear()
                model.remove(annotation_id)
        finally:
            self._quiet = False
        self._update_visibility()

    def annotation(self, annotation_id: str) -> Annotation | None:
        return self.model.annotation(annotation_id)

    def set_legend(self, legend: Legend) -> None:
        self._legend = legend
        self.model.set_legend(legend)
        self.orphan_model.set_legend(legend)
        self.editor.set_legend(legend)
        for button in self.color_filters.values():
            self._color_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.color_filters = {}
        for color in legend:
            button = QToolButton(self)
            button.setObjectName("ColorFilter")
            button.setCheckable(True)
            button.setToolTip(arg(self.tr("Show only: %1"), color.meaning))
            button.setAccessibleName(arg(self.tr("Filter: %1"), color.meaning))
            button.setIcon(dot_icon(color.swatch, None, 14))
            button.setIconSize(QSize(14, 14))
            button.toggled.connect(self.apply_filters)
            self._color_row.addWidget(button)
            self.color_filters[color.key] = button
        self.list.viewport().update()
        self._update_visibility()  # the empty state names as many shortcuts as there are colours

    def set_known_tags(self, tags: list[str]) -> None:
        self.editor.set_tags(tags)

    def set_selection_available(self, available: bool) -> None:
        self._selection_available = available
        self._update_reattach()

    def refresh_theme(self) -> None:
        tokens: Tokens = current_tokens()
        self.setStyleSheet(_STYLE.format(**{k: v for k, v in tokens.__dict__.items() if isinstance(v, str)}))
        self.editor.refresh_theme()
        for view in (self.list, self.orphan_list):
            delegate = view.itemDelegate()
            if isinstance(delegate, NotesDelegate):
                delegate.clear_cache()
            view.viewport().update()

    # -- filters -------------------------------------------------------------------------------------------------

    def set_color_filter(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for key, button in self.color_filters.items():
            button.blockSignals(True)
            button.setChecked(key in wanted)
            button.blockSignals(False)
        self.apply_filters()

    def set_tag_filter(self, tag: str | None) -> None:
        index = self.tag_filter.findData(tag) if tag else 0
        self.tag_filter.setCurrentIndex(max(0, index))
        self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        self._filter_timer.stop()
        checked = [k for k, b in self.color_filters.items() if b.isChecked()]
        colors = checked or None
        tag = self.tag_filter.currentData()
        text = self.filter.text().strip()
        current = self.current_id()
        for model in (self.model, self.orphan_model):
            model.set_filter(colors, tag, text)
        if current is not None:
            self.select_annotation(current, notify=False)
        self._update_visibility()

    def _refill_tag_filter(self) -> None:
        tags = sorted({t for a in self.model.all_annotations() for t in a.tags}, key=str.casefold)
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.tag_filter.addItem(f"#{tag}", tag)
        index = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)
        if current and index < 0:
            self.apply_filters()

    @Slot(int)
    def _on_sort_changed(self, _index: int) -> None:
        for model in (self.model, self.orphan_model):
            model.set_order(self.sort.currentData())
        if (current := self.current_id()) is not None:
            self.select_annotation(current, notify=False)

    # -- selection ---------------------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        for view in (self.list, self.orphan_list):
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                return str(index.data(Role.ID))
        return None

    def select_annotation(self, annotation_id: str | None, notify: bool = False) -> bool:
        """Make a row current (the text was clicked, or after a reload); ``notify`` also shows the passage."""
        self._quiet = not notify
        try:
            found = False
            for view, model in ((self.list, self.model), (self.orphan_list, self.orphan_model)):
                row = model.row_of(annotation_id) if annotation_id else -1
                selection = view.selectionModel()
                if row >= 0:
                    index = model.index(row)
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                    view.scrollTo(index)
                    found = True
                else:
                    selection.clearSelection()
                    selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            record = self.model.annotation(annotation_id) if annotation_id else None
            self.editor.show_annotation(record if found else None)
            self._update_reattach()
            return found
        finally:
            self._quiet = False

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        ident = str(current.data(Role.ID))
        other = self.orphan_list if current.model() is self.model else self.list
        if other.selectionModel().hasSelection():
            other.selectionModel().clearSelection()
        self.editor.show_annotation(self.model.annotation(ident))
        self._update_reattach()
        # A mouse press is answered by `clicked` (which also fires on the row that is already current).
        if not self._quiet and not self._library_wide and not QApplication.mouseButtons():
            self.highlight_activated.emit(ident)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if not self._library_wide or int(index.data(Role.ARTICLE_ID)) == self._article_id:
            self.highlight_activated.emit(str(index.data(Role.ID)))

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(int(index.data(Role.ARTICLE_ID)), str(index.data(Role.ID)))

    @Slot()
    def _delete_current(self) -> None:
        if (current := self.current_id()) is not None:
            self.delete_requested.emit(current)

    @Slot()
    def _request_reattach(self) -> None:
        index = self.orphan_list.currentIndex()
        if index.isValid():
            self.reattach_requested.emit(str(index.data(Role.ID)))

    @Slot()
    def commit_article_note(self) -> None:
        self._article_note_timer.stop()
        if self._article_id is not None:
            self.article_note_edited.emit(self._article_id, self.article_note.toPlainText())

    def set_article_note(self, article_id: int, note: str) -> None:
        if article_id == self._article_id and self.article_note.toPlainText() != note:
            self.article_note.blockSignals(True)
            self.article_note.setPlainText(note)
            self.article_note.blockSignals(False)

    # -- scope -------------------------------------------------------------------------------------------------

    def library_wide(self) -> bool:
        return self._library_wide

    def set_library_wide(self, on: bool) -> None:
        (self.library_scope if on else self.article_scope).setChecked(True)

    @Slot(bool)
    def _on_scope_toggled(self, on: bool) -> None:
        if on == self._library_wide:
            return
        self.commit_article_note()
        self._library_wide = on
        self.scope_changed.emit(on)
        self._update_visibility()

    # -- visibility ----------------------------------------------------------------------------------------------

    def _update_reattach(self) -> None:
        index = self.orphan_list.currentIndex()
        orphan_chosen = index.isValid() and self.orphan_list.selectionModel().isSelected(index)
        same_article = orphan_chosen and int(index.data(Role.ARTICLE_ID)) == self._article_id
        self.reattach_button.setEnabled(bool(same_article and self._selection_available))
        self.reattach_button.setToolTip(
            "" if self._selection_available else self.tr("Select the passage in the article first")
        )

    def _no_highlights_yet(self) -> str:
        """The empty state names the keys that make a highlight (one per colour of the legend, up to nine)."""
        keys = min(9, len(self._legend))
        shortcut = "Ctrl+1" if keys <= 1 else f"Ctrl+1\u2060…\u2060{keys}"  # word joiners: one unbroken key
        return arg(self.tr("No highlights yet — select text, then pick a colour in the bar or press %1."), shortcut)

    def _update_visibility(self) -> None:
        on_article = not self._library_wide
        self.article_note_label.setVisible(on_article and self._article_id is not None)
        self.article_note.setVisible(on_article and self._article_id is not None)
        orphans = self.orphan_model.rowCount()
        self.orphans.setVisible(orphans > 0)
        self.orphan_label.setText(arg(self.tr("Orphans  %1"), orphans))
        count = self.model.rowCount()
        has_any = bool(self.model.all_annotations())
        self.empty.setVisible(count == 0)
        self.list.setVisible(count > 0)
        if self._article_id is None and not self._library_wide:
            self.empty.setText(self.tr("Open an article to see its highlights."))
        elif has_any:
            self.empty.setText(self.tr("No highlight matches these filters."))
        else:
            self.empty.setText(self._no_highlights_yet())
        self._update_reattach()
        self.count_changed.emit(count + orphans)
