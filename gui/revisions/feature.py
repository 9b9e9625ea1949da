"""Story revisions in the reader: the versions line in the article header, Check for Updates, the changes window,
and the flags on highlights (Notes) and dates (Timeline) that the article's last edit changed.

Everything that reads revisions or compares them runs on the pool; only the results come back to the GUI thread.
A library without revisions (an older fake in tests) leaves the feature switched off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.i18n import arg
from gui.typefaces import register_bundled_fonts
from models.revisions.timing import Lapse, last_change

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.reading_panels import ReadingPanels
    from gui.revisions.window import RevisionsWindow
    from models.revisions.compare import RevisionDiff

log = logging.getLogger(__name__)


class RevisionState:
    """What the reader shows of an article's versions (made on the pool, read on the GUI thread)."""

    def __init__(self, article_id: int, infos: list[Any], published: str | None, source: str,
                 diff: RevisionDiff | None) -> None:
        self.article_id, self.infos, self.published, self.source, self.diff = (
            article_id, infos, published, source, diff)


class RevisionsFeature(QObject):
    state_shown = Signal(int)  # article id whose versions line, flags and marks are on screen
    diff_shown = Signal(object)  # the RevisionsWindow that now shows a diff

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self._calls = 0  # reads under way on the window's runner
        self.state: RevisionState | None = None
        self.diff_window: RevisionsWindow | None = None
        self._checking: int | None = None
        self.check_action = QAction(self.tr("Check for &Updates"), window)
        self.check_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.check_action.setEnabled(False)
        self.check_action.triggered.connect(self.check_for_updates)
        window.addAction(self.check_action)
        self.changes_action = QAction(self.tr("Show &Changes Between Versions"), window)
        self.changes_action.setEnabled(False)
        self.changes_action.triggered.connect(self.show_changes)
        window.addAction(self.changes_action)
        if not self.available():
            return
        window.article_opened.connect(self._on_article_opened)
        window.imports_finished.connect(self._on_imports_finished)
        window.view.header.revisions.linkActivated.connect(self._on_link)
        window.view.context_menu_requested.connect(self._fill_context_menu)
        current = window.current_article_id()
        if current is not None:
            self._on_article_opened(current)

    def available(self) -> bool:
        return hasattr(self.library, "revisions")

    @property
    def pending(self) -> bool:
        return self._calls > 0

    # -- background ------------------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """A read on the window's runner; a failure is said in the status bar by the window (one wording)."""

        def settle() -> None:
            self._calls -= 1

        self._calls += 1
        self.window.runner.run(self.tr("Reading the versions"), lambda _task: fn(), on_done, on_finally=settle)

    def _load(self, article_id: int) -> RevisionState:
        lib = self.library
        infos = lib.revisions.list(article_id)  # at start-up: waits for the store, which comes after the first paint
        stored = lib.get_article(article_id)
        diff = None
        if len(infos) > 1:  # the comparison (and its imports) only for an edited article
            from models.revisions.history import diff_revisions

            diff = diff_revisions(lib, article_id, compute=False)
        return RevisionState(article_id, infos, stored.article.metadata.published, stored.article.source, diff)

    # -- the article on screen -------------------------------------------------------------------------------

    @Slot(int)
    def _on_article_opened(self, article_id: int) -> None:
        self.state = None
        self._show_state(None)
        self.check_action.setEnabled(True)
        self._run(lambda: self._load(article_id), self._on_loaded)

    @Slot(int)
    def _on_analysis_shown(self, article_id: int) -> None:
        """The analysis of the current text has just been stored: the edit's dates can now be compared."""
        state = self.state
        if state is not None and state.article_id == article_id and state.diff is not None and not state.diff.analysed:
            self._run(lambda: self._load(article_id), self._on_loaded)

    def _on_loaded(self, state: object) -> None:
        assert isinstance(state, RevisionState)
        if state.article_id != self.window.current_article_id():
            return
        self.state = state
        self._show_state(state)
        self.state_shown.emit(state.article_id)

    def _show_state(self, state: RevisionState | None) -> None:
        header = self.window.view.header
        header.set_revisions(self.versions_html(state) if state is not None else "")
        relayout = getattr(self.window.view, "_update_margins", None)
        if relayout is not None:  # when the header's height changed with the line, the text moves down to make room
            relayout()
        diff = state.diff if state is not None else None
        self.changes_action.setEnabled(diff is not None)
        fates = {h.highlight_id: h.fate for h in diff.highlights if h.fate != "unchanged"} if diff else {}
        annotations = getattr(self.window, "annotations", None)
        if annotations is not None:
            annotations.set_fates(fates)  # kept for the Notes panel until it is built
        reading = self.window.reading_if_built()
        if reading is not None:
            self._mark_timeline(reading, diff)

    @staticmethod
    def _mark_timeline(reading: ReadingPanels, diff: RevisionDiff | None) -> None:
        """The edit's changed dates on the timeline."""
        marks = []
        for ev in diff.events if diff is not None and diff.analysed else ():
            try:
                marks.append((date.fromisoformat(ev.first_day), date.fromisoformat(ev.last_day), ev.change, ev.text))
            except ValueError:
                continue
        reading.timeline.set_revision_marks(marks)

    def follow_reading(self, reading: ReadingPanels) -> None:
        """The Entities and Timeline docks are built (gui.main_window): the edit's dates are compared once the
        analysis is in, and marked on the timeline."""
        if not self.available():
            return
        reading.analysis_shown.connect(self._on_analysis_shown)
        if self.state is not None:
            self._mark_timeline(reading, self.state.diff)

    def versions_html(self, state: RevisionState) -> str:
        """"3 versions · last changed 2 h after publication · Show changes · Check for updates" (edited articles
        only: an article seen once has nothing to say here)."""
        if len(state.infos) < 2:
            return ""
        lapse = last_change(state.infos[0].imported_at, state.infos[-1].imported_at, state.published)
        when = state.infos[-1].imported_at.strftime("%d %b %Y %H:%M UTC")
        return (
            f'<span title="{when}">{arg(self.tr("%1 versions"), len(state.infos))}'
            f" · {self.lapse_text(lapse)}</span>"
            f' · <a href="changes">{self.tr("Show changes")}</a>'
            f' · <a href="check">{self.tr("Check for updates")}</a>'
        )

    def lapse_text(self, lapse: Lapse) -> str:
        if lapse.unit == "same-day":
            return self.tr("last changed the day it was published")
        amount = f"{lapse.amount} {self.tr(lapse.unit) if lapse.unit in ('min', 'h') else ''}".strip()
        if lapse.unit in ("days", "months", "years"):
            unit = {"days": self.tr("days"), "months": self.tr("months"), "years": self.tr("years")}[lapse.unit]
            if lapse.amount == 1:
                unit = {"days": self.tr("day"), "months": self.tr("month"), "years": self.tr("year")}[lapse.unit]
            amount = f"{lapse.amount} {unit}"
        if lapse.reference == "publication":
            return arg(self.tr("last changed %1 after publication"), amount)
        return arg(self.tr("last changed %1 after the first import"), amount)

    @Slot(str)
    def _on_link(self, link: str) -> None:
        if link == "changes":
            self.show_changes()
        elif link == "check":
            self.check_for_updates()

    def _fill_context_menu(self, menu: QMenu, _point: QPoint) -> None:
        menu.addSeparator()
        menu.addAction(self.check_action)
        if self.changes_action.isEnabled():
            menu.addAction(self.changes_action)

    # -- actions ---------------------------------------------------------------------------------------------

    @Slot()
    def check_for_updates(self) -> None:
        """Read the article's source again: a changed text becomes a new version, an unchanged one stores nothing."""
        article_id = self.window.current_article_id()
        if article_id is None or not self.available():
            return
        source = self.library.get_article(article_id).article.source
        if source.startswith("clipboard:"):
            self.window.statusBar().showMessage(self.tr("A pasted article has no source to check."), 6000)
            return
        self._checking = article_id
        self.window.import_paths([source], open_last=True)

    @Slot(list, list)
    def _on_imports_finished(self, results: list[Any], failures: list[Any]) -> None:
        checking, self._checking = self._checking, None
        if checking is None:
            return
        if failures:
            return  # the window reports them
        result = next((r for r in results if r.id == checking), None)
        if result is None:
            return
        if result.status == "unchanged":
            self.window.statusBar().showMessage(self.tr("No new version: the text is as it was."), 6000)
        else:
            self.window.statusBar().showMessage(
                arg(self.tr("Stored version %1 of this article."), result.revision), 6000
            )

    @Slot()
    def show_changes(self, old: int | None = None, new: int | None = None) -> None:
        """Open (or refresh) the changes window on two versions of the article on screen (default: the last two)."""
        state = self.state
        if state is None or len(state.infos) < 2:
            return
        if self.diff_window is None:
            from gui.revisions.window import RevisionsWindow  # the diff view and its comparison load on first use

            title = state.infos[-1].title or state.source
            faces = getattr(self.window.view, "_faces", None) or register_bundled_fonts()
            self.diff_window = RevisionsWindow(faces, title, self.window)
            self.diff_window.pair_requested.connect(lambda a, b: self.show_changes(a, b))
            self.diff_window.destroyed.connect(self._forget_window)
        numbers = [i.number for i in state.infos]
        old = numbers[-2] if old is None else old
        new = numbers[-1] if new is None else new
        self.diff_window.set_revisions(state.infos, old, new)
        self.diff_window.show()
        self.diff_window.activateWindow()
        article_id = state.article_id
        self._run(lambda: self._compare(article_id, old, new), self._on_compared)

    def _compare(self, article_id: int, old: int, new: int) -> tuple[int, RevisionDiff, list[Any]]:
        from models.revisions.history import diff_revisions
        from models.revisions.inline import inline_blocks

        diff = diff_revisions(self.library, article_id, old, new)
        older = self.library.revisions.get(article_id, old).article
        newer = self.library.revisions.get(article_id, new).article
        return article_id, diff, inline_blocks(older, newer, diff.paragraphs)

    def _on_compared(self, result: object) -> None:
        assert isinstance(result, tuple)
        article_id, diff, blocks = result
        if self.diff_window is None or self.state is None or self.state.article_id != article_id:
            return
        self.diff_window.show_diff(diff, blocks)
        self.diff_shown.emit(self.diff_window)

    @Slot()
    def _forget_window(self) -> None:
        self.diff_window = None


def install_revisions(window: MainWindow) -> RevisionsFeature:
    return RevisionsFeature(window)
