"""Article analysis off the GUI thread.

Opening an article asks for its analysis: read from the library's cache when the text and the analyser are
unchanged (fast), else computed by the spaCy pipeline in a worker (about a second for the first article, while the
model loads). Results come back by signal and are dropped when the reader has moved on to another article.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal, Slot

from gui.import_jobs import Pool, default_pool

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reading:
    """What the docks show for one article: its analysis and its entities with the reader's corrections applied."""

    analysis: Any  # models.analysis.Analysis
    entities: tuple[Any, ...]  # models.analysis.corrections.CorrectedEntity


class AnalysisSignals(QObject):
    finished = Signal(int, object)  # article id, Reading
    failed = Signal(int, str)  # article id, one-line reason


class AnalysisJob(QRunnable):
    def __init__(self, library: Any, article_id: int) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.library = library
        self.article_id = article_id
        self.signals = AnalysisSignals()

    def run(self) -> None:  # QRunnable.run
        from models.store.analysis_jobs import ensure_analysis
        from models.store.entities import EntityStore

        try:
            analysis = ensure_analysis(self.library, self.article_id)
            entities = EntityStore(self.library).entities(self.article_id, analysis)
        except Exception as error:  # noqa: BLE001 — a worker reports, never dies silently
            log.exception("analysis of article %s failed", self.article_id)
            self.signals.failed.emit(self.article_id, " ".join(f"{type(error).__name__}: {error}".split())[:300])
            return
        self.signals.finished.emit(self.article_id, Reading(analysis, entities))


class AnalysisRunner(QObject):
    """Runs one analysis at a time per request and forwards only the result for the article still wanted."""

    ready = Signal(int, object)  # article id, Reading
    failed = Signal(int, str)
    idle = Signal()  # nothing pending any more (the screenshot mode waits for this)

    def __init__(self, library: Any, pool: Pool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.pool = pool or default_pool()
        self._jobs: dict[int, AnalysisJob] = {}
        self.wanted: int | None = None

    @property
    def pending(self) -> bool:
        return bool(self._jobs)

    def request(self, article_id: int) -> None:
        self.wanted = article_id
        if article_id in self._jobs:
            return
        job = AnalysisJob(self.library, article_id)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._jobs[article_id] = job
        self.pool.start(job)

    @Slot(int, object)
    def _on_finished(self, article_id: int, analysis: object) -> None:
        self._jobs.pop(article_id, None)
        if article_id == self.wanted:
            self.ready.emit(article_id, analysis)
        self._maybe_idle()

    @Slot(int, str)
    def _on_failed(self, article_id: int, reason: str) -> None:
        self._jobs.pop(article_id, None)
        if article_id == self.wanted:
            self.failed.emit(article_id, reason)
        self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self._jobs:
            self.idle.emit()
