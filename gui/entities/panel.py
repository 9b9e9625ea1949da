"""The Entities dock: a filter, the entities of the open article grouped by type, the selected one opened on its
mentions, and a strip to step through them.

The panel owns no data and writes nothing: it emits intent signals and the main window marks the text, scrolls,
applies corrections through the entity store and hands the refreshed entities back with :meth:`set_entities`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.entities.delegate import EntityDelegate
from gui.entities.model import SORTS, TYPE_ORDER, EntityTreeModel, Kind, Role, counted, type_label
from gui.entities.prompts import CorrectionPrompts
from gui.i18n import arg
from gui.icons import icon
from gui.theme import Tokens, current_tokens

_STYLE = """
QWidget#EntitiesPanel {{ background: {panel}; }}
QTreeView#EntityTree {{ background: {panel}; border: none; outline: none; }}
QWidget#MentionStrip {{ background: {panel}; border-top: 1px solid {border}; }}
QLabel#MentionPosition {{ color: {text_secondary}; font-size: 12px; }}
QLabel#EntitiesEmpty {{ color: {text_tertiary}; padding: 24px 16px; }}
QToolButton#EntitySort, QToolButton#MentionStep, QToolButton#DossierButton {{
    background: transparent; border: none; border-radius: 6px; padding: 3px 6px; color: {text_secondary};
}}
QToolButton#EntitySort:hover, QToolButton#MentionStep:hover, QToolButton#DossierButton:hover {{
    background: {hover};
}}
QToolButton#EntitySort::menu-indicator {{ image: none; width: 0; }}
QToolButton#MentionStep:disabled {{ color: {text_tertiary}; }}
"""


class EntitiesPanel(QWidget):
    entity_selected = Signal(str, str, list)  # name, type, [(start, end), ...]; name "" clears the marks
    mention_activated = Signal(int, int)  # start, end in the article text
    correction_requested = Signal(str, dict)  # action, payload (models.store.entities.EntityStore.add_rule)
    dossier_requested = Signal(str, str)  # name, type
    count_changed = Signal(int)  # entities listed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EntitiesPanel")
        self.prompts: Any = CorrectionPrompts()
        self._styled_for: Tokens | None = None
        self._selected: tuple[str, str] | None = None
        self._selected_spans: list[tuple[int, int]] = []

        self.filter = QLineEdit(self)
        self.filter.setObjectName("EntityFilter")
        self.filter.setPlaceholderText(self.tr("Filter entities"))
        self.filter.setAccessibleName(self.tr("Filter entities"))
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(icon("search", "#959AA2"), QLineEdit.ActionPosition.LeadingPosition)
        self.sort_button = QToolButton(self)
        self.sort_button.setObjectName("EntitySort")
        self.sort_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sort_button.setAccessibleName(self.tr("Sort entities"))
        self.sort_menu = QMenu(self.sort_button)
        self._sort_actions = QActionGroup(self)
        sort_labels = (self.tr("Most mentioned"), self.tr("Name"), self.tr("First appearance"))
        self._sort_short = dict(zip(SORTS, (self.tr("Count"), self.tr("A–Z"), self.tr("Order")), strict=True))
        for key, label in zip(SORTS, sort_labels, strict=True):
            action = self.sort_menu.addAction(label)
            action.setCheckable(True)
            action.setData(key)
            action.setChecked(key == "count")
            self._sort_actions.addAction(action)
        self._sort_actions.triggered.connect(self._on_sort_chosen)
        self.sort_button.setMenu(self.sort_menu)

        self.model = EntityTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("EntityTree")
        self.tree.setAccessibleName(self.tr("Entities"))
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setIndentation(0)
        self.tree.setUniformRowHeights(False)
        self.tree.setMouseTracking(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = EntityDelegate(self.tree)
        self.delegate.set_fonts(self.font(), "")
        self.tree.setItemDelegate(self.delegate)
        self.empty = QLabel(self)
        self.empty.setObjectName("EntitiesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

        self.strip = QWidget(self)
        self.strip.setObjectName("MentionStrip")
        self.position = QLabel(self.strip)
        self.position.setObjectName("MentionPosition")
        self.prev_button = self._strip_button("up", self.tr("Previous mention"), QKeySequence("Shift+F8"))
        self.next_button = self._strip_button("down", self.tr("Next mention"), QKeySequence("F8"))
        self.dossier_button = QToolButton(self.strip)
        self.dossier_button.setObjectName("DossierButton")
        self.dossier_button.setText(self.tr("Dossier"))
        self.dossier_button.setToolTip(self.tr("This entity across the library"))
        self.dossier_button.setAccessibleName(self.tr("Open the dossier of this entity"))
        strip_row = QHBoxLayout(self.strip)
        strip_row.setContentsMargins(16, 4, 10, 4)
        strip_row.setSpacing(2)
        strip_row.addWidget(self.position, 1)
        strip_row.addWidget(self.prev_button)
        strip_row.addWidget(self.next_button)
        strip_row.addWidget(self.dossier_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setContentsMargins(12, 0, 8, 0)
        top.setSpacing(4)
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort_button)
        self.doubtful_button = QToolButton(self)
        self.doubtful_button.setObjectName("EntitySort")
        self.doubtful_button.setCheckable(True)
        self.doubtful_button.setText(self.tr("Sure only"))
        self.doubtful_button.setToolTip(self.tr("Hide the entities the analyser is not sure of (drawn faded)"))
        self.doubtful_button.setAccessibleName(self.tr("Hide low-confidence entities"))
        self.doubtful_button.toggled.connect(self.model.set_hide_low)
        top.addWidget(self.doubtful_button)
        self.article_only = False  # corrections apply to every article of the library unless this is set
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.strip)

        self.filter.textChanged.connect(self._on_filter)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.activated.connect(self._on_activated)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.prev_button.clicked.connect(self.previous_mention)
        self.next_button.clicked.connect(self.next_mention)
        self.dossier_button.clicked.connect(self._request_dossier)
        self.model.modelReset.connect(self._after_reset)
        self.apply_theme(current_tokens())
        self._update_sort_label()
        self._after_reset()

    def _strip_button(self, icon_name: str, text: str, shortcut: QKeySequence) -> QToolButton:
        button = QToolButton(self.strip)
        button.setObjectName("MentionStep")
        button.setIcon(icon(icon_name, current_tokens().text_secondary))
        button.setToolTip(f"{text} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.setAccessibleName(text)
        button.setShortcut(shortcut)
        return button

    # -- populating -------------------------------------------------------------------------------------------------

    def set_entities(self, entities: Sequence[Any], text: str) -> None:
        """Show an article's entities (``CorrectedEntity`` or ``Entity`` values); the selected entity stays
        selected if it is still there, and its marks are re-sent when its mentions changed."""
        self.model.set_entities(entities, text)
        if self._selected is not None:
            row = self.model.entity(self._selected)
            if row is None:
                self._selected, self._selected_spans = None, []
                self.entity_selected.emit("", "", [])
            else:
                self._reselect(row.key)
                if list(row.spans) != self._selected_spans:
                    self._selected_spans = list(row.spans)
                    self.entity_selected.emit(row.name, row.type, list(row.spans))
        self._update_strip()

    def set_article_counts(self, counts: Mapping[tuple[str, str], int]) -> None:
        """Articles of the library mentioning each (name, type) — e.g. from ``EntityStore.library_index()``."""
        self.model.set_article_counts(dict(counts))

    def set_library_names(self, names: Mapping[tuple[str, str], str]) -> None:
        """The name the library files an entity under when it is another ("Donald Trump" for a lone "Trump")."""
        self.model.set_library_names(dict(names))

    def set_descriptions(self, descriptions: Mapping[tuple[str, str], str]) -> None:
        """What the article says each entity is (``models.analysis.entity_descriptions``)."""
        self.model.set_descriptions(dict(descriptions))

    def current_entity(self) -> tuple[str, str] | None:
        return self._selected

    @Slot(str)
    def select_entity(self, name: str, type_: str | None = None) -> bool:
        """Select the entity (clearing a filter that hides it); False if the article has no such entity."""
        index = self.model.entity_index(name, type_)
        if not index.isValid() and self.filter.text():
            self.filter.clear()
            index = self.model.entity_index(name, type_)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    # -- stepping through mentions ----------------------------------------------------------------------------------

    @Slot()
    def next_mention(self) -> None:
        self._step(+1)

    @Slot()
    def previous_mention(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self._selected is None:
            return
        parent = self.model.entity_index(*self._selected)
        count = self.model.rowCount(parent)
        if not count:
            return
        current = self.model.current_mention()
        target = (current + delta) % count if current >= 0 else (0 if delta > 0 else count - 1)
        index = self.model.index(target, 0, parent)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    # -- corrections ------------------------------------------------------------------------------------------------

    @Slot(int, int)
    def add_selection_as_entity(self, start: int, end: int) -> None:
        """Ask a name and type for the article's ``[start, end)`` and request it as an entity (or as one more
        mention of an entity of that name and type)."""
        text = self.model.text()
        words = " ".join(text[start:end].split())
        if not words:
            return
        known = [(r.name, r.type) for r in self.model.entities()]
        answer = self.prompts.name_and_type(self, self.tr("Add as entity"), words, "PERSON", known)
        if answer:
            name, type_ = answer
            self.correction_requested.emit(
                "add", {"mention": {"start": start, "end": end, "text": text[start:end]}, "name": name, "type": type_}
            )

    def context_menu_for(self, index: QModelIndex) -> QMenu | None:
        """The corrections offered for an entity or a mention row (built, not shown)."""
        kind = index.data(Role.KIND)
        row = self.model.row_at(index)
        if row is None:
            return None
        ref = {"name": row.name, "type": row.type}
        menu = QMenu(self)
        scope = menu.addAction(self.tr("Corrections apply to every article"))
        scope.setEnabled(False)
        only = menu.addAction(self.tr("This article only"))
        only.setCheckable(True)
        only.setChecked(self.article_only)
        only.toggled.connect(self._set_article_only)
        menu.addSeparator()
        if kind == Kind.MENTION:
            start, end = row.spans[int(index.data(Role.MENTION_INDEX))]
            menu.addAction(self.tr("Go to this mention"), lambda: self.mention_activated.emit(start, end))
            menu.addAction(self.tr("Split off as another entity…"), lambda: self._split(row.name, row.type, start, end))
            menu.addSeparator()
        menu.addAction(self.tr("Open dossier"), lambda: self.dossier_requested.emit(row.name, row.type))
        menu.addSeparator()
        menu.addAction(self.tr("Rename…"), lambda: self._rename(row.name, row.type))
        retype = menu.addMenu(self.tr("Change type"))
        for t in TYPE_ORDER:
            action = retype.addAction(type_label(t, plural=False))
            action.setCheckable(True)
            action.setChecked(t == row.type)
            action.setEnabled(t != row.type)
            action.triggered.connect(lambda _=False, t=t: self.correction_requested.emit(
                "retype", {"entity": dict(ref), "type": t}))
        merge = menu.addAction(self.tr("Merge into…"), lambda: self._merge(row.name, row.type))
        merge.setEnabled(len(self.model.entities()) > 1)
        menu.addSeparator()
        menu.addAction(self.tr("Hide"), lambda: self.correction_requested.emit("hide", {"entity": dict(ref)}))
        if row.low:
            menu.addAction(self.tr("Confirm"), lambda: self.correction_requested.emit("confirm", {"entity": dict(ref)}))
        return menu

    def _set_article_only(self, on: bool) -> None:
        self.article_only = on

    def correction_scope(self, action: str) -> str:
        """ "library" for corrections of a whole entity, "article" for one mention or when asked for this article
        only."""
        return "article" if self.article_only or action in ("split", "add") else "library"

    def _rename(self, name: str, type_: str) -> None:
        new = self.prompts.text(self, self.tr("Rename entity"), self.tr("Name:"), name)
        if new and new != name:
            self.correction_requested.emit("rename", {"entity": {"name": name, "type": type_}, "name": new})

    def _merge(self, name: str, type_: str) -> None:
        others = sorted((r for r in self.model.entities() if r.key != (name, type_)),
                        key=lambda r: (r.type != type_, r.name.casefold()))
        labels = [f"{r.name} — {type_label(r.type, plural=False)}" for r in others]
        chosen = self.prompts.choice(self, self.tr("Merge entity"), arg(self.tr("Merge “%1” into:"), name),
                                     labels)
        if chosen is not None:
            into = others[chosen]
            self.correction_requested.emit(
                "merge", {"entity": {"name": name, "type": type_}, "into": {"name": into.name, "type": into.type}}
            )

    def _split(self, name: str, type_: str, start: int, end: int) -> None:
        words = self.model.text()[start:end]
        known = [(r.name, r.type) for r in self.model.entities() if r.key != (name, type_)]
        answer = self.prompts.name_and_type(self, self.tr("Split off mention"), words, type_, known)
        if answer:
            self.correction_requested.emit("split", {
                "entity": {"name": name, "type": type_}, "mention": {"start": start, "end": end, "text": words},
                "name": answer[0], "type": answer[1],
            })

    # -- appearance -------------------------------------------------------------------------------------------------

    @Slot(object)
    def apply_theme(self, tokens: Tokens) -> None:
        """Restyle for the light or dark scheme (connect to ``ThemeController.changed``)."""
        if tokens == self._styled_for:
            return
        self._styled_for = tokens
        self.setStyleSheet(_STYLE.format(**{k: getattr(tokens, k) for k in (
            "panel", "border", "text_secondary", "text_tertiary", "hover")}))
        self.prev_button.setIcon(icon("up", tokens.text_secondary))
        self.next_button.setIcon(icon("down", tokens.text_secondary))
        self.tree.viewport().update()

    def set_serif_family(self, family: str) -> None:
        """The article's serif, used for the context of mentions."""
        self.delegate.set_fonts(self.font(), family)
        self.tree.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # QWidget.changeEvent
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_theme(current_tokens())

    # -- internals --------------------------------------------------------------------------------------------------

    def _reselect(self, key: tuple[str, str]) -> None:
        index = self.model.entity_index(*key)
        self.model.set_expanded(key)
        self.tree.expand(index)
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)

    @Slot()
    def _after_reset(self) -> None:
        self.tree.expandToDepth(0)
        if (expanded := self.model.expanded()) is not None:
            self.tree.expand(self.model.entity_index(*expanded))
        count = self.model.visible_count()
        if self.model.entities() and not count:
            self.empty.setText(self.tr("No entity matches this filter."))
        else:
            self.empty.setText(self.tr("No people, places or organisations found in this article."))
        self.empty.setVisible(count == 0)
        self.tree.setVisible(count > 0)
        self.count_changed.emit(count)

    @Slot(str)
    def _on_filter(self, text: str) -> None:
        self.model.set_filter(text)
        if self._selected is not None and self.model.entity_index(*self._selected).isValid():
            self._reselect(self._selected)
        self._update_strip()

    @Slot(QAction)
    def _on_sort_chosen(self, action: QAction) -> None:
        self.model.set_sort(str(action.data()))
        if self._selected is not None:
            self._reselect(self._selected)
        self._update_sort_label()

    def _update_sort_label(self) -> None:
        checked = self._sort_actions.checkedAction()
        self.sort_button.setText(f"{self._sort_short.get(str(checked.data()), '') if checked else ''} ▾")
        self.sort_button.setToolTip(arg(self.tr("Sort: %1"), checked.text() if checked else ""))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current)
        if row is None:
            return
        if row.key != self._selected:
            if self._selected is not None:
                self.tree.collapse(self.model.entity_index(*self._selected))
            self._selected, self._selected_spans = row.key, list(row.spans)
            self.model.set_expanded(row.key)
            self.tree.expand(self.model.entity_index(*row.key))
            self.entity_selected.emit(row.name, row.type, list(row.spans))
        if current.data(Role.KIND) == Kind.MENTION:
            m = int(current.data(Role.MENTION_INDEX))
            self.model.set_current_mention(m)
            self.mention_activated.emit(*row.spans[m])
        self._update_strip()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        """Enter or double-click on an entity goes to its first (next) mention."""
        if index.data(Role.KIND) == Kind.ENTITY:
            self.next_mention()

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu_for(self.tree.indexAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    @Slot()
    def _request_dossier(self) -> None:
        if self._selected is not None:
            self.dossier_requested.emit(*self._selected)

    def _update_strip(self) -> None:
        row = self.model.entity(self._selected) if self._selected else None
        self.strip.setVisible(row is not None)
        if row is None:
            return
        current = self.model.current_mention()
        count = len(row.spans)
        if current >= 0:
            self.position.setText(arg(self.tr("Mention %1 of %2"), current + 1, count))
        else:
            self.position.setText(counted("%n mention(s)", count))
        self.prev_button.setEnabled(count > 0)
        self.next_button.setEnabled(count > 0)
