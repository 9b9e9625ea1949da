"""The reading intelligence beside the article: the Entities dock, the Timeline dock and the analysis behind them.

The window opens an article; this controller asks for its analysis off the GUI thread, applies the reader's
entity corrections, fills both docks and marks what the reader selects. Every link between them goes through here:
an entity selected in the panel underlines its mentions and filters the timeline; a timeline event clicked scrolls
the article to its sentence and flashes it; a dossier link opens another article at the mention.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QHelpEvent, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QToolTip, QWidget

from gui.analysis_jobs import AnalysisRunner
from gui.analysis_notice import AnalysisNotice
from gui.annotations.colors import Legend
from gui.entities.facts import show_entity_facts
from gui.entities.panel import EntitiesPanel
from gui.i18n import arg
from gui.operations import Changes
from gui.operations import articles as article_ops
from gui.operations.entities import correct_entity
from gui.operations.timeline import correct_event
from gui.runner import failure_text
from gui.theme import current_tokens
from gui.timeline.dock import TimelineDock

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

FLASH_MS = 1400
ENTITY_LAYER, CURRENT_MENTION_LAYER, FLASH_LAYER = "entity-mentions", "entity-current", "flash"


def make_panel(kind: str) -> AnalysisNotice:
    """The Entities ("entities") or Timeline ("timeline") panel under the notice that says, above it or instead of it,
    what a failed, partial or non-English analysis could not do (with Retry)."""
    panel: QWidget = EntitiesPanel() if kind == "entities" else TimelineDock()
    panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    return AnalysisNotice(panel)


class ReadingPanels(QObject):
    analysis_shown = Signal(int)  # article id whose entities and timeline are on screen
    idle = Signal()  # no analysis pending (screenshot mode waits for it)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self._entity_store: Any = None  # made on first use: the store's modules load after the first paint
        self.tasks = window.runner  # every background read of these panels
        self._calls = 0  # reads under way
        self._analysis: Any = None
        self._analysis_article: int | None = None
        self._pending_scroll: tuple[int, int, int] | None = None

        # each panel under its notice (made beforehand by the window when it builds them in steps, gui.app)
        self.entities_notice = window.reading_panel("entities")
        self.timeline_notice = window.reading_panel("timeline")
        self.entities = cast(EntitiesPanel, self.entities_notice.panel)
        self.timeline = cast(TimelineDock, self.timeline_notice.panel)
        self.entities_dock = window.add_panel(
            self.entities_notice, self.tr("Entities"), Qt.DockWidgetArea.RightDockWidgetArea, "entities"
        )
        self.timeline_dock = window.add_panel(
            self.timeline_notice, self.tr("Timeline"), Qt.DockWidgetArea.BottomDockWidgetArea, "timeline"
        )
        self._retried: set[int] = set()
        self.runner = AnalysisRunner(self.library, window.runner, self)
        self._mentions: list[tuple[int, int, str, str]] = []  # (start, end, name, type) of the article on screen
        window.view.viewport().installEventFilter(self)

        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: window.view.clear_layer(FLASH_LAYER))

        window.article_opened.connect(self._on_article_opened)
        window.article_closed.connect(self._on_article_closed)
        self.runner.ready.connect(self._on_analysis)
        self.runner.failed.connect(self._on_analysis_failed)
        self.runner.idle.connect(self.idle)
        self.entities_notice.retry_requested.connect(self.retry_analysis)
        self.timeline_notice.retry_requested.connect(self.retry_analysis)
        window.view.header.date_edit_requested.connect(self.edit_published_date)
        window.changed.connect(self._on_changed)
        self.entities.entity_selected.connect(self._on_entity_selected)
        self.entities.mention_activated.connect(self._on_mention_activated)
        self.entities.correction_requested.connect(self._on_correction)
        self.entities.dossier_requested.connect(self._on_dossier)
        self.timeline.event_activated.connect(self._on_event_activated)
        self.timeline.event_correction_requested.connect(self._on_event_correction)
        self.timeline.scope_changed.connect(self._on_scope_changed)
        self.timeline.entity_filter_changed.connect(self._on_timeline_filter_changed)
        self.entities.count_changed.connect(lambda n: _set_dock_count(self.entities_dock, n))
        self.timeline.count_changed.connect(lambda n: _set_dock_count(self.timeline_dock, n))
        if window.theme is not None:
            window.theme.changed.connect(self.entities.apply_theme)
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
        return self.runner.pending or self._calls > 0

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """A read for these panels on the window's runner (a failure is said in the status bar, by the window)."""
        self._calls += 1

        self.tasks.run(self.tr("Reading"), lambda _task: fn(), on_done, on_finally=self._settle_call)

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

    @Slot()
    def _on_article_closed(self) -> None:
        self.entities.set_entities([], "")
        self.timeline.set_events([], article_id=0, published=None, text="")

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
            arg(self.tr("%1 entities · %2 dated events"), people, len(analysis.events)),
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
            self._show_failure(article_id, failure_text(self.tr("Analysis"), reason))
            return
        if status == "partial":
            text = arg(self.tr("Partly analysed: %1"), reason)
            self.entities_notice.show_notice(text, retry=True, hide_panel=False)
            self.timeline_notice.show_notice(text, retry=True, hide_panel=False)
        else:
            self.entities_notice.clear()
            self.timeline_notice.clear()
        if getattr(analysis, "language", "en") != "en":
            if analysis.entities:
                self.entities_notice.show_notice(
                    self.tr("This article is not in English: only the names read without its grammar are listed "
                            "(people by their given names, countries and cities, banks, ministries, parties and "
                            "other organisations by what they are), "
                            "faded as a weaker reading."),
                    hide_panel=False,
                )
            else:
                self.entities_notice.show_notice(
                    self.tr("Entities are available for English only: this article is not in English.")
                )
        if status != "complete" or article_id in self._retried:
            self._retried.discard(article_id)
            self._reload_library()

    def _show_failure(self, article_id: int, text: str) -> None:
        self.entities_notice.show_notice(text, retry=True)
        self.timeline_notice.show_notice(text, retry=True)
        self.window.statusBar().showMessage(text, 10000)
        self._retried.discard(article_id)
        self._reload_library()

    def _reload_library(self) -> None:
        article_id = self.window.current_article_id()
        if article_id is not None:  # the list marks articles whose analysis failed or stopped partway
            article_ops.analysis_stored(self.window.ops, article_id)

    @Slot(int, str)
    def _on_analysis_failed(self, article_id: int, line: str) -> None:
        if article_id != self.window.current_article_id():
            return
        self._show_failure(article_id, line)

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
        from gui.published_date import PublishedDateDialog

        article_id = self.window.current_article_id()
        if article_id is None:
            return
        stored = self.library.get_article(article_id)
        dialog = PublishedDateDialog(stored.article.metadata.published, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_published(article_id, dialog.chosen()))
        dialog.open()

    def set_published(self, article_id: int, published: str | None) -> None:
        """Store the reader's publication date (None: no date); the article is then analysed again against it."""
        self._calls += 1
        article_ops.set_published(self.window.ops, article_id, published, on_finally=self._settle_call)

    def _settle_call(self) -> None:
        self._calls -= 1
        if not self.pending:
            self.idle.emit()

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        """A new publication date: the header shows it and the timeline is read again; corrections: the entities."""
        if changes.timeline and self.timeline.scope() == "library":
            self._on_scope_changed("library")  # a date confirmed or taken off: the library's rows changed
        article_id = self.window.current_article_id()
        if article_id is None:
            return
        if article_id in changes.timeline:
            stored = self.library.get_article(article_id)
            self.window.view.header.set_metadata(stored.article.metadata)
            schedule = getattr(self.window.view, "_schedule_header_placement", None)
            if callable(schedule):
                schedule()
            self._analysis_article = None
            self.runner.request(article_id)
        if article_id in changes.entities:
            self.refresh_entities(article_id)

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
        if self.window.annotations.marks.mark_at_point(event.pos().toPointF()):
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
        library_wide = self.entities.correction_scope(action) == "library"
        correct_entity(self.window.ops, article_id, action, dict(payload), library_wide)

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
            from gui.entities.dossier import DossierView  # loads with the first dossier opened

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

    @Slot(int, str, int, int)
    def _on_event_correction(self, article_id: int, action: str, start: int, end: int) -> None:
        """Confirm a date or take it off the timeline (undoable); the timeline is read again from the broadcast."""
        correct_event(self.window.ops, article_id, action, start, end)

    @Slot(str)
    def _on_scope_changed(self, scope: str) -> None:
        if scope != "library":
            return
        # counts per date, then the events of the range in view, each query one call of the runner
        self.timeline.load_library(lambda query, done: self._run(lambda: query(self.library), done))

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

    def jump_pending(self, article_id: int) -> bool:
        """The article is being opened at a passage (an event, a dossier entry) shown once its analysis is in."""
        return self._pending_scroll is not None and self._pending_scroll[0] == article_id

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
