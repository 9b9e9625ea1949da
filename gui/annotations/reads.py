"""The reads of highlights the annotations feature shows, made off the GUI thread.

The open article's highlights (with its note when the Notes panel shows it) are read on the window's screen-reads
thread: hundreds of highlights with their tags took 15–30 ms of the GUI thread. The library-wide list ("All
highlights") is read on the shared pool: a library of 10,000 articles took two seconds. Of each kind, only the answer
to the latest read is handed on; an earlier one arriving late is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class HighlightReads:
    def __init__(self, window: MainWindow, store: Callable[[], Any]) -> None:
        self.window = window
        self._store = store  # the annotation store, asked for at each read (the library's may change at start-up)
        self._article_reads = 0
        self._wide_reads = 0
        self.loading: int | None = None  # the article whose highlights are being read

    def article(self, article_id: int, with_note: bool, shown: Callable[[list[Any], str | None], None]) -> None:
        """Read the article's highlights (and its note if ``with_note``); ``shown(highlights, note)`` on the GUI
        thread unless another article's read was asked for since."""
        self._article_reads += 1
        generation, self.loading = self._article_reads, article_id
        store, library = self._store(), self.window.library

        def read(_task: object) -> tuple[list[Any], str | None]:
            listed = store.list(article_id)
            return listed, (library.get_article(article_id).note if with_note else None)

        def answered(found: tuple[list[Any], str | None]) -> None:
            if generation == self._article_reads:
                self.loading = None
                shown(*found)

        def ended() -> None:
            if generation == self._article_reads:
                self.loading = None

        self.window.screen_reads.run(self.window.tr("Reading highlights"), read, answered, on_finally=ended)

    def library_wide(self, shown: Callable[[list[Any], dict[int, str]], None]) -> None:
        """Every highlight of the library with its article's title; ``shown(highlights, titles)`` unless read again
        since."""
        from models.store.annotations import library_highlights

        self._wide_reads += 1
        generation = self._wide_reads
        library, store = self.window.library, self._store()

        def answered(found: tuple[list[Any], dict[int, str]]) -> None:
            if generation == self._wide_reads:
                shown(*found)

        self.window.runner.run(self.window.tr("Reading highlights"), lambda _task: library_highlights(library, store),
                               answered)
