"""The reading intelligence beside the article: the Entities dock, the Timeline dock and the analysis behind them.

The window opens an article; this controller asks for its analysis off the GUI thread, applies the reader's
entity corrections, fills both docks and marks what the reader selects. Every link between them goes through here:
an entity selected in the panel underlines its mentions and filters the timeline; a timeline event clicked scrolls
the article to its sentence and flashes it; a dossier link opens another article at the mention.
"""

from __future__ import annotations

import bisect
import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QHelpEvent, QKeySequence, QTextCharFormat, QUndoCommand
from PySide6.QtWidgets import QToolTip

from gui.analysis_jobs import AnalysisRunner
from gui.analysis_notice import AnalysisNotice
from gui.annotations.colors import Legend
from gui.entities.dossier import DossierView
from gui.entities.facts import show_entity_facts
from gui.entities.panel import EntitiesPanel
from gui.import_jobs import Pool, default_pool
from gui.settings import AUTHOR
from gui.theme import current_tokens
from gui.timeline.dock import TimelineDock

log = logging.getLogger(__name__)

FLASH_MS = 1400
ENTITY_LAYER, CURRENT_MENTION_LAYER, FLASH_LAYER = "entity-mentions", "entity-current", "flash"


class _CallSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Call(QRunnable):
    """A plain function on the pool; the result comes back by signal on the GUI thread."""

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _CallSignals()

    def run(self) -> None:  # QRunnable.run
        try:
            result = self.fn()
        except Exception as error:  # noqa: BLE001 — reported to the window, never lost in a thread
            log.exception("background call failed")
            self.signals.failed.emit(" ".join(str(error).split())[:300])
            return
        self.signals.done.emit(result)


class _CorrectionCommand(QUndoCommand):
    """A correction of the entity analysis, undoable like every annotation action."""

    def __init__(
        self, panels: ReadingPanels, article_id: int, action: str, payload: dict[str, Any], library: bool = False
    ) -> None:
        super().__init__(panels.tr("Entity: %1").replace("%1", action))
        self.panels, self.article_id, self.action, self.payload = panels, article_id, action, payload
        self.library = library  # the rule holds for every article of the library
        self.rule_id: int | None = None

    def redo(self) -> None:  # QUndoCommand.redo
        correction = self.panels.entity_store.add_rule(
            None if self.library else self.article_id, self.action, self.payload, author=AUTHOR.read().strip() or None
        )
        self.rule_id = correction.id
        self.panels.refresh_entities(self.article_id)

    def undo(self) -> None:  # QUndoCommand.undo
        if self.rule_id is not None:
            self.panels.entity_store.remove_rule(self.rule_id)
        self.panels.refresh_entities(self.article_id)


class ReadingPanels(QObject):
    analysis_shown = Signal(int)  # article id whose entities and timeline are on screen
    idle = Signal()  # no analysis pending (screenshot mode waits for it)

    def __init__(self, window: Any, pool: Pool | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self._entity_store: Any = None  # made on first use: the store's modules load after the first paint
        self.pool = pool or default_pool()
        self._calls: set[_Call] = set()
        self._analysis: Any = None
        self._analysis_article: int | None = None
        self._pending_scroll: tuple[int, int, int] | None = None

        self.entities = EntitiesPanel()
        self.timeline = TimelineDock()
        for panel in (self.entities, self.timeline):
            panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # a failed, partial or non-English analysis is said above (or instead of) each panel, with Retry
        self.entities_notice = AnalysisNotice(self.entities)
        self.timeline_notice = AnalysisNotice(self.timeline)
        self.entities_dock = window.add_panel(
            self.entities_notice, self.tr("Entities"), Qt.DockWidgetArea.RightDockWidgetArea, "entities"
        )
        self.timeline_dock = window.add_panel(
            self.timeline_notice, self.tr("Timeline"), Qt.DockWidgetArea.BottomDockWidgetArea, "timeline"
        )
        self._retried: set[int] = set()
        self._tabify_right()
        self.runner = AnalysisRunner(self.library, self.pool, self)
        self._mentions: list[tuple[int, int, str, str]] = []  # (start, end, name, type) of the article on screen
        window.view.viewport().installEventFilter(self)

        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: window.view.clear_layer(FLASH_LAYER))

        window.article_opened.connect(self._on_article_opened)
        self.runner.ready.connect(self._on_analysis)
        self.runner.failed.connect(self._on_analysis_failed)
        self.runner.idle.connect(self.idle)
        self.entities_notice.retry_requested.connect(self.retry_analysis)
        self.timeline_notice.retry_requested.connect(self.retry_analysis)
        header = getattr(getattr(window, "view", None), "header", None)
        if header is not None and hasattr(header, "date_edit_requested"):
            header.date_edit_requested.connect(self.edit_published_date)
        self.entities.entity_selected.connect(self._on_entity_selected)
        self.entities.mention_activated.connect(self._on_mention_activated)
        self.entities.correction_requested.connect(self._on_correction)
        self.entities.dossier_requested.connect(self._on_dossier)
        self.timeline.event_activated.connect(self._on_event_activated)
        self.timeline.scope_changed.connect(self._on_scope_changed)
        self.timeline.entity_filter_changed.connect(self._on_timeline_filter_changed)
        self.entities.count_changed.connect(lambda n: _set_dock_count(self.entities_dock, n))
        self.timeline.count_changed.connect(lambda n: _set_dock_count(self.timeline_dock, n))
        theme = getattr(window, "_theme", None)
        if theme is not None:
            theme.changed.connect(self.entities.apply_theme)
        faces = getattr(window.view, "faces", None)
        if faces is not None and getattr(faces, "serif", None):
            self.entities.set_serif_family(faces.serif)
        self.add_entity_action = QAction(self.tr("Add Selection as Entity…"), window)
        self.add_entity_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.add_entity_action.triggered.connect(self.add_selection_as_entity)
        window.addAction(self.add_entity_action)
        current = window.current_article_id()
        if current is not None:
            self._on_article_opened(current)

    @property
    def entity_store(self) -> Any:
        """The store's entity queries and corrections (models.store.entities)."""
        if self._entity_store is None:
            from models.store.entities import EntityStore

            self._entity_store = EntityStore(self.library)
        return self._entity_store

    # -- state ------------------------------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        return self.runner.pending or bool(self._calls)

    def _tabify_right(self) -> None:
        for dock in self.window.findChildren(type(self.entities_dock)):
            if dock is not self.entities_dock and dock.objectName() in ("notes", "notes-dock"):
                self.window.tabifyDockWidget(self.entities_dock, dock)  # Entities | Notes
                self.entities_dock.raise_()
                return

    def _run(self, fn: Any, on_done: Any) -> None:
        call = _Call(fn)
        self._calls.add(call)

        def finish(result: object) -> None:
            self._calls.discard(call)
            on_done(result)
            if not self.pending:
                self.idle.emit()

        def fail(reason: str) -> None:
            self._calls.discard(call)
            self.window.statusBar().showMessage(reason, 8000)
            if not self.pending:
                self.idle.emit()

        call.signals.done.connect(finish)
        call.signals.failed.connect(fail)
        self.pool.start(call)

    # -- article and analysis -----------------------------------------------------------------------------------

    @Slot(int)
    def _on_article_opened(self, article_id: int) -> None:
        view = self.window.view
        for layer in (ENTITY_LAYER, CURRENT_MENTION_LAYER, FLASH_LAYER):
            view.clear_layer(layer)
        if self._analysis_article != article_id:
            self._analysis = None
            self.entities.set_entities([], "")
            self.timeline.set_events([], article_id=article_id, published=None, text="")
            self.entities_notice.clear()
            self.timeline_notice.clear()
        self.window.statusBar().showMessage(self.tr("Reading the article for people, places and dates…"), 3000)
        self.runner.request(article_id)

    @Slot(int, object)
    def _on_analysis(self, article_id: int, reading: Any) -> None:
        if article_id != self.window.current_article_id():
            return
        analysis = reading.analysis
        self._analysis = analysis
        self._analysis_article = article_id
        self._descriptions = getattr(reading, "descriptions", None)
        self._show_entities(reading.entities)
        stored = self.library.get_article(article_id)
        published = stored.article.published_day
        self.timeline.set_events(
            analysis.events,
            article_id=article_id,
            published=published,
            text=stored.article.text,
            title=stored.article.metadata.title,
            entities=reading.entities,
            names=getattr(reading, "event_names", ()),
        )
        people = sum(1 for e in analysis.entities if e.mentions)
        self.window.statusBar().showMessage(
            self.tr("%1 entities · %2 dated events")
            .replace("%1", str(people))
            .replace("%2", str(len(analysis.events))),
            5000,
        )
        if self._pending_scroll and self._pending_scroll[0] == article_id:
            _, start, end = self._pending_scroll
            self._pending_scroll = None
            self.flash(start, end)
        self._show_status(article_id, analysis)
        self.analysis_shown.emit(article_id)

    def _show_status(self, article_id: int, analysis: Any) -> None:
        """Say in the panels what the analysis could not do: failed (Retry), partial, or not English."""
        status = getattr(analysis, "status", "complete")
        reason = getattr(analysis, "reason", "")
        if status == "failed":
            self._show_failure(article_id, reason)
            return
        if status == "partial":
            text = self.tr("Partly analysed: %1").replace("%1", reason)
            self.entities_notice.show_notice(text, retry=True, hide_panel=False)
            self.timeline_notice.show_notice(text, retry=True, hide_panel=False)
        else:
            self.entities_notice.clear()
            self.timeline_notice.clear()
        if getattr(analysis, "language", "en") != "en":
            self.entities_notice.show_notice(
                self.tr("Entities are available for English only: this article is not in English.")
            )
        if status != "complete" or article_id in self._retried:
            self._retried.discard(article_id)
            self._reload_library()

    def _show_failure(self, article_id: int, reason: str) -> None:
        text = self.tr("Analysis failed: %1").replace("%1", reason)
        self.entities_notice.show_notice(text, retry=True)
        self.timeline_notice.show_notice(text, retry=True)
        self.window.statusBar().showMessage(text, 10000)
        self._retried.discard(article_id)
        self._reload_library()

    def _reload_library(self) -> None:
        panel = getattr(self.window, "library_panel", None)
        if panel is not None and hasattr(panel, "reload"):
            panel.reload()  # the list marks articles whose analysis failed or stopped partway

    @Slot(int, str)
    def _on_analysis_failed(self, article_id: int, reason: str) -> None:
        if article_id != self.window.current_article_id():
            return
        self._show_failure(article_id, reason)

    @Slot()
    def retry_analysis(self) -> None:
        """Analyse the article on screen again (a stored failure or partial analysis is computed afresh)."""
        article_id = self.window.current_article_id()
        if article_id is None:
            return
        self._retried.add(article_id)
        self.window.statusBar().showMessage(self.tr("Analysing the article again…"), 3000)
        self.runner.request(article_id, retry=True)

    @Slot()
    def edit_published_date(self) -> None:
        """Ask the reader for the publication date; the timeline is then resolved against it."""
        from gui.article_header import PublishedDateDialog

        article_id = self.window.current_article_id()
        if article_id is None:
            return
        stored = self.library.get_article(article_id)
        dialog = PublishedDateDialog(stored.article.metadata.published, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_published(article_id, dialog.chosen()))
        dialog.open()

    def set_published(self, article_id: int, published: str | None) -> None:
        """Store the reader's publication date (None: no date) and analyse the article again against it."""

        def done(_result: object) -> None:
            if article_id != self.window.current_article_id():
                return
            stored = self.library.get_article(article_id)
            view = self.window.view
            view.header.set_metadata(stored.article.metadata)
            schedule = getattr(view, "_schedule_header_placement", None)
            if callable(schedule):
                schedule()
            self._analysis_article = None
            self._retried.add(article_id)  # the list shows the new date
            self.runner.request(article_id)

        self._run(lambda: self.library.set_published(article_id, published), done)

    def refresh_entities(self, article_id: int) -> None:
        """Re-apply the reader's corrections to the analysis on screen and refresh the panel."""
        if article_id != self._analysis_article or self._analysis is None:
            return
        self._show_entities(self.entity_store.entities(article_id, self._analysis))

    def _show_entities(self, entities: Any) -> None:
        self.entities.set_entities(entities, self.window.view.toPlainText())
        article = self.window.view.article()
        show_entity_facts(self.entities, self.library, article.text if article else "", entities, self._run,
                          getattr(self, "_descriptions", None))
        self._mentions = sorted((m.start, m.end, e.name, e.type) for e in entities for m in e.mentions)
        if entities and callable(getattr(self.library, "reading", None)):  # "in N articles": one query, off the GUI
            keys = [(e.name, e.type) for e in entities]
            self._run(lambda: self.entity_store.article_counts(keys), self.entities.set_article_counts)

    def mention_at(self, offset: int) -> tuple[int, int, str, str] | None:
        """The entity mention covering code-point ``offset`` of the article on screen."""
        i = bisect.bisect_right(self._mentions, (offset, 1 << 62)) - 1
        while i >= 0 and self._mentions[i][0] <= offset:
            if offset < self._mentions[i][1]:
                return self._mentions[i]
            i -= 1
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        """Hovering an entity mention shows the entity and the sentence it stands in; over a highlight, the
        highlight's own tooltip (its meaning and note) takes precedence."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent) or not self._mentions:
            return False
        annotations = getattr(self.window, "annotations", None)
        if annotations is not None and annotations.marks.mark_at_point(event.pos().toPointF()):
            return False
        view = self.window.view
        cursor = view.cursorForPosition(event.pos())
        offset = view.offsets.from_qt(cursor.position())
        mention = self.mention_at(offset)
        if mention is None:
            return False
        from models.store.entities import sentence_around

        start, end, name, type_ = mention
        text = view.toPlainText()
        s0, s1 = sentence_around(text, start, end)
        sentence = text[s0:s1].strip()
        label = f"{name} · {type_.title()}"
        QToolTip.showText(event.globalPos(), f"{label}\n{sentence}", view.viewport())
        return True

    # -- entities -----------------------------------------------------------------------------------------------

    @Slot(str, str, list)
    def _on_entity_selected(self, name: str, _type: str, mentions: list[Any]) -> None:
        view = self.window.view
        view.clear_layer(CURRENT_MENTION_LAYER)
        if not name:
            view.clear_layer(ENTITY_LAYER)
            self.timeline.set_entity_filter(None)
            return
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(current_tokens().accent))
        fmt.setFontUnderline(True)
        view.set_layer(ENTITY_LAYER, [(int(s), int(e)) for s, e in mentions], fmt, order=2)
        self.timeline.set_entity_filter(name)

    @Slot(int, int)
    def _on_mention_activated(self, start: int, end: int) -> None:
        view = self.window.view
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(current_tokens().accent_tint))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(current_tokens().accent))
        view.set_layer(CURRENT_MENTION_LAYER, [(start, end)], fmt, order=3)
        view.scroll_to(start)

    @Slot(str, dict)
    def _on_correction(self, action: str, payload: dict[str, Any]) -> None:
        article_id = self.window.current_article_id()
        if article_id is None:
            return
        library = self.entities.correction_scope(action) == "library"
        command = _CorrectionCommand(self, article_id, action, dict(payload), library)
        stack = getattr(self.window, "undo_stack", None)
        try:
            if stack is not None:
                stack.push(command)
            else:
                command.redo()
        except ValueError as error:
            self.window.statusBar().showMessage(str(error), 8000)

    @Slot()
    def add_selection_as_entity(self) -> None:
        span = self.window.view.selection_range()
        if span is None:
            self.window.statusBar().showMessage(self.tr("Select the words of the entity first."), 4000)
            return
        self.entities_dock.show()
        self.entities_dock.raise_()
        self.entities.add_selection_as_entity(*span)

    @Slot(str, str)
    def _on_dossier(self, name: str, type_: str) -> None:
        def show(found: tuple[object, Legend]) -> None:
            view = DossierView(found[0], self.window, legend=found[1])
            view.open_requested.connect(self.open_at)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.show()

        store = self.entity_store
        self._run(lambda: (store.dossier(name, type_), Legend.from_store(store.library)), show)

    # -- timeline -----------------------------------------------------------------------------------------------

    @Slot(int, int, int, int, int)
    def _on_event_activated(self, article_id: int, sent_start: int, sent_end: int, _ts: int, _te: int) -> None:
        self.open_at(article_id, sent_start, sent_end)

    @Slot(str)
    def _on_scope_changed(self, scope: str) -> None:
        if scope != "library":
            return
        from models.timeline_query import library_timeline

        def show(result: Any) -> None:
            self.timeline.set_library_events(result.groups)

        self._run(lambda: library_timeline(self.library), show)

    @Slot(object)
    def _on_timeline_filter_changed(self, name: object) -> None:
        if name is None and self.entities.current_entity() is not None:
            self.window.view.clear_layer(ENTITY_LAYER)

    # -- navigation ---------------------------------------------------------------------------------------------

    @Slot(int, int, int)
    def open_at(self, article_id: int, start: int, end: int) -> None:
        """Show ``[start, end)`` of an article, opening it first when another one is on screen."""
        if article_id != self.window.current_article_id():
            self._pending_scroll = (article_id, start, end)
            self.window.open_article(article_id)
            return
        self.flash(start, end)

    def flash(self, start: int, end: int) -> None:
        view = self.window.view
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(current_tokens().selection))
        view.set_layer(FLASH_LAYER, [(start, end)], fmt, order=20)
        view.scroll_to(start)
        self._flash_timer.start(FLASH_MS)


def _set_dock_count(dock: Any, n: int) -> None:
    bar = dock.titleBarWidget()
    if bar is not None and hasattr(bar, "set_count"):
        bar.set_count(n)
