"""The status bar's figures, as in the mock-up: the library (articles, highlights, analysis state) on the left, the
open article (words, reading time, its highlights, zoom) on the right. The library's path is in the tooltip only:
it is not a figure, and it is long."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from gui.i18n import arg, plural

if TYPE_CHECKING:
    from gui.analysis_jobs import AnalysisRunner
    from gui.main_window import MainWindow
    from gui.operations.changes import Changes

WORDS_PER_MINUTE = 200


class StatusFigures(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.analysis_state = ""
        self.zoom = 1.0
        window.article_opened.connect(self._on_article_opened)
        window.view.zoom_changed.connect(self._on_zoom)
        window.changed.connect(self._on_changed)  # highlight counts follow every operation
        self.zoom = window.view.zoom()
        self.refresh()

    def follow_analysis(self, runner: AnalysisRunner) -> None:
        """The analysis state from the reading panels' runner, once they are built (gui.main_window)."""
        runner.ready.connect(self._on_analysed)
        runner.failed.connect(self._on_failed)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.highlights:
            self.refresh()

    # -- figures -----------------------------------------------------------------------------------------------

    def library_text(self) -> str:
        lib = self.window.library
        count = lib.article_count()
        tr = self.window.tr
        parts = [plural(tr("Library: %Ln article(s)", "", count), count)]
        total = sum(self.window.annotations.controller.counts_by_color().values())
        parts.append(plural(tr("%Ln highlight(s)", "", total), total))
        if self.analysis_state:
            parts.append(self.analysis_state)
        return "  ·  ".join(parts)

    def article_text(self) -> str:
        article = self.window.view.article()
        if article is None:
            return ""
        tr = self.window.tr
        words = len(article.text.split())
        minutes = max(1, round(words / WORDS_PER_MINUTE))
        parts = [plural(tr("%Ln word(s)", "", words), words), arg(tr("%1 min read"), minutes)]
        article_id = self.window.current_article_id()
        if article_id is not None:
            n = sum(self.window.annotations.controller.counts_by_color(article_id).values())
            parts.append(plural(tr("%Ln highlight(s) in this article", "", n), n))
        parts.append(f"{round(self.zoom * 100)} %")
        return "  ·  ".join(parts)

    @Slot()
    def refresh(self, *_args: object) -> None:
        window = self.window
        window.library_status.setText(self.library_text())
        window.library_status.setToolTip(window.library.location)
        window.article_status.setText(self.article_text())

    # -- events --------------------------------------------------------------------------------------------------

    @Slot(int)
    def _on_article_opened(self, _article_id: int) -> None:
        self.analysis_state = self.window.tr("analysing…")
        self.refresh()

    @Slot(int, object)
    def _on_analysed(self, article_id: int, _reading: object) -> None:
        if article_id == self.window.current_article_id():
            self.analysis_state = self.window.tr("analysis up to date")
            self.refresh()

    @Slot(int, str)
    def _on_failed(self, article_id: int, _reason: str) -> None:
        if article_id == self.window.current_article_id():
            self.analysis_state = self.window.tr("analysis failed")
            self.refresh()

    @Slot(float)
    def _on_zoom(self, factor: float) -> None:
        self.zoom = factor
        self.refresh()
