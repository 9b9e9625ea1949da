"""Article analysis off the GUI thread, and out of the GUI process.

Opening an article asks for its analysis: read from the library's cache when the text and the analyser are
unchanged (fast), else computed in the analysis worker process (:mod:`models.store.analysis_worker`; about two seconds
for the first article, while the process starts and loads the model). In a thread of this process the analysis
would hold the GIL for up to a tenth of a second at a time and stall the interface on long articles; here a pool
thread of :class:`gui.runner.Runner` only waits on the pipe and rebuilds the result. Results come back by signal and
are dropped when the reader has moved on to another article.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from gui.runner import Pool, Runner, Task

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reading:
    """What the docks show for one article: its analysis and its entities with the reader's corrections applied."""

    analysis: Any  # models.analysis.Analysis
    entities: tuple[Any, ...]  # models.analysis.corrections.CorrectedEntity
    event_names: tuple[Any, ...] = ()  # models.analysis.event_labels.EventName per event, named in the worker
    descriptions: Any = None  # (name, type) -> what the article says the entity is, or None when not computed


def read_article(library: Any, article_id: int, retry: bool = False) -> Reading:
    """The article's analysis (the cache, else the worker process), its corrected entities, event names and entity
    descriptions: what the docks show. Runs on the pool."""
    analysis = analysis_of(library, article_id, retry=retry)
    from models.store.entities import EntityStore  # after the library answered: the store is up by then
    from models.store.event_corrections import with_event_corrections

    analysis = with_event_corrections(library, article_id, analysis)  # dates the reader confirmed or took off

    entities = EntityStore(library).entities(article_id, analysis)
    names, descriptions = _names_and_descriptions(library, article_id, analysis, entities)
    return Reading(analysis, entities, names, descriptions)


def _names_and_descriptions(library: Any, article_id: int, analysis: Any, entities: Any) -> tuple[tuple[Any, ...], Any]:
    """Event names and entity descriptions, read here in the worker (on a long article they take a second)."""
    from models.analysis.entity_descriptions import describe_entities
    from models.analysis.event_labels import name_events

    try:
        text = library.get_article(article_id).article.text
        return tuple(name_events(analysis.events, text, entities)), describe_entities(text, entities)
    except Exception:  # noqa: BLE001 — names are a nicety: the timeline falls back to the analyser's labels
        log.exception("naming the events of article %s failed", article_id)
        return (), None


_frozen = False


def _freeze_long_lived_objects() -> None:
    """Move what exists when the reader is built (modules, classes, the window) out of the cyclic collector's way.

    A long article's analysis is tens of thousands of objects; receiving it triggers a full collection, which holds
    the GIL while it walks every object of the process — 35–45 ms with the reader's own objects, a visible stall.
    Frozen, they are not walked again; the analysis' own objects take a third of that. Done once per process.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def analysis_of(library: Any, article_id: int, *, retry: bool = False) -> Any:
    """The stored article's analysis: the library's cache, else the worker process (which saves it), else — for a
    library another process cannot open, such as one in memory — computed here. ``retry``: a stored failure is
    computed again.

    An analysis that fails comes back as an analysis with the status "failed" (stored, so that the library marks
    the article); so does a worker process that died on the article (it is started again by the next request).
    """
    from models.analysis import ANALYZER_VERSION

    cached = library.load_analysis(article_id, ANALYZER_VERSION)
    if cached is not None and not (retry and cached.status != "complete"):
        return cached
    url = getattr(library, "url", None)
    if isinstance(url, str) and (not url.startswith("sqlite") or getattr(library, "db_path", None) is not None):
        from models.analysis.serialize import from_dict
        from models.store.analysis_worker import WorkerFailed, shared_worker

        try:
            return from_dict(shared_worker().analyse_stored(url, article_id, retry=retry))
        except WorkerFailed as error:
            return _failed(library, article_id, str(error))
    from models.store.analysis_jobs import ensure_analysis

    return ensure_analysis(library, article_id, retry=retry)


def _failed(library: Any, article_id: int, reason: str) -> Any:
    """Store and return a failed analysis of the article's current text — unless a complete one is stored by now
    (another reader of a shared library analysed it meanwhile): that one is shown."""
    from models.analysis import ANALYZER_VERSION, failed_analysis

    stored = library.get_article(article_id)
    analysis = failed_analysis(stored.article.text, reason)
    try:
        library.save_analysis(article_id, analysis)  # kept out when a complete analysis of this text is stored
        now = library.load_analysis(article_id, ANALYZER_VERSION)
    except Exception:  # noqa: BLE001 — the reader still hears of the failure
        log.exception("could not store the failed analysis of article %s", article_id)
        return analysis
    return now if now is not None and not now.failed else analysis


class AnalysisRunner(QObject):
    """Runs one analysis at a time per article (through the runner) and forwards only the result for the article
    still wanted."""

    ready = Signal(int, object)  # article id, Reading
    failed = Signal(int, str)  # article id, the runner's failure line
    idle = Signal()  # nothing pending any more (the screenshot mode waits for this)

    def __init__(self, library: Any, pool: Pool | Runner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        _freeze_long_lived_objects()
        self.library = library
        self.runner = pool if isinstance(pool, Runner) else Runner(pool, self)
        self._jobs: dict[int, Task] = {}
        self.wanted: int | None = None

    @property
    def pending(self) -> bool:
        return bool(self._jobs)

    def request(self, article_id: int, *, show: bool = True, retry: bool = False) -> None:
        """Analyse an article (from the cache when it can); ``show=False`` computes and stores it without making it
        the article whose result is forwarded (re-analysing articles that are not on screen); ``retry`` computes a
        stored failure again."""
        if show:
            self.wanted = article_id
        if article_id in self._jobs:
            return
        task = self.runner.run(
            self.tr("Analysis"), lambda _task: read_article(self.library, article_id, retry),
            lambda reading: self._on_finished(article_id, reading),
            on_failed=lambda line: self._on_failed(article_id, line),
        )
        if not task.finished:  # a synchronous pool has reported already
            self._jobs[article_id] = task

    def _on_finished(self, article_id: int, reading: object) -> None:
        self._jobs.pop(article_id, None)
        if article_id == self.wanted:
            self.ready.emit(article_id, reading)
        self._maybe_idle()

    def _on_failed(self, article_id: int, line: str) -> None:
        self._jobs.pop(article_id, None)
        if article_id == self.wanted:
            self.failed.emit(article_id, line)
        self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self._jobs:
            self.idle.emit()
