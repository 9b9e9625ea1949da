"""The status bar's figures, as in the mock-up: the library (articles, highlights, analysis state) on the left, the
open article (words, reading time, its highlights, zoom) on the right. The library's path is in the tooltip only:
it is not a figure, and it is long."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

from gui.i18n import arg, plural

if TYPE_CHECKING:
    from gui.analysis_jobs import AnalysisRunner
    from gui.main_window import MainWindow
    from gui.operations.changes import Changes

WORDS_PER_MINUTE = 200


class StatusFigures(QObject):
    """The figures are counted on a worker (``MainWindow.screen_reads``: a count of a library of 100,000 articles
    is not for the GUI thread) and drawn from what was counted last; opening an article, the analysis state and the
    zoom redraw them without a query."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.analysis_state = ""
        self.zoom = 1.0
        self._library: tuple[int, int] | None = None  # (articles, highlights) as last counted
        self._article: tuple[int, int] | None = None  # (article id, its highlights) as last counted
        self._counts = {"library": 0, "article": 0}  # reads asked for, per kind: only the latest is shown
        window.article_opened.connect(self._on_article_opened)
        window.view.zoom_changed.connect(self._on_zoom)
        window.changed.connect(self._on_changed)  # highlight counts follow every operation
        self.zoom = window.view.zoom()
        self.recount()

    def follow_analysis(self, runner: AnalysisRunner) -> None:
        """The analysis state from the reading panels' runner, once they are built (gui.main_window)."""
        runner.ready.connect(self._on_analysed)
        runner.failed.connect(self._on_failed)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.highlights:
            self.recount()

    # -- counting ----------------------------------------------------------------------------------------------

    def recount(self, library: bool = True) -> None:
        """Count the library's articles and highlights (``library``) and the open article's highlights again."""
        window = self.window
        lib = window.library
        article_id = window.current_article_id()
        kinds = ("library", "article") if library else ("article",)
        asked = {kind: self._counts[kind] + 1 for kind in kinds}
        self._counts.update(asked)

        def count(_task: object) -> dict[str, Any]:
            store = lib.annotations
            found: dict[str, Any] = {}
            if "library" in asked:
                found["library"] = (lib.article_count(), sum(store.counts_by_color().values()))
            if article_id is not None:
                found["article"] = (article_id, sum(store.counts_by_color(article_id).values()))
            return found

        def counted(found: dict[str, Any]) -> None:
            if "library" in found and asked.get("library") == self._counts["library"]:
                self._library = found["library"]
            if "article" in found and asked["article"] == self._counts["article"]:
                self._article = found["article"]
            self.refresh()

        window.screen_reads.run(window.tr("Counting"), count, counted)

    # -- figures -----------------------------------------------------------------------------------------------

    def library_text(self) -> str:
        tr = self.window.tr
        if self._library is None:
            return ""
        count, total = self._library
        parts = [plural(tr("Library: %Ln article(s)", "", count), count),
                 plural(tr("%Ln highlight(s)", "", total), total)]
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
        if self._article is not None and article_id == self._article[0]:  # else its count is on its way
            n = self._article[1]
            parts.append(plural(tr("%Ln highlight(s) in this article", "", n), n))
        parts.append(f"{round(self.zoom * 100)} %")
        return "  ·  ".join(parts)

    @Slot()
    def refresh(self, *_args: object) -> None:
        """Draw the figures from what was counted last (no query)."""
        window = self.window
        if text := self.library_text():
            window.library_status.setText(text)
        window.library_status.setToolTip(str(window.library.location))
        window.article_status.setText(self.article_text())

    # -- events --------------------------------------------------------------------------------------------------

    @Slot(int)
    def _on_article_opened(self, _article_id: int) -> None:
        self.analysis_state = self.window.tr("analysing…")
        self.refresh()
        self.recount(library=False)

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
