"""What the Library's row menu and the Delete key ask of the window: delete articles (after asking), re-analyse
them, export them.

Deleting is one store transaction per article (:meth:`Library.delete_article`; its highlights and notes go with it)
and cannot be undone, so the reader is asked first and told what goes. When the open article is deleted the reader
moves to the next one in the list, or shows the empty page when nothing is left.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QPushButton

log = logging.getLogger(__name__)


class _ReanalyseSignals(QObject):
    done = Signal(list)  # article ids analysed afresh
    failed = Signal(str)


class _Reanalyse(QRunnable):
    """A fresh analysis of each article, saved over the cached one (the cache would answer an ordinary request)."""

    def __init__(self, library: Any, article_ids: list[int]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.library = library
        self.article_ids = list(article_ids)
        self.signals = _ReanalyseSignals()

    def run(self) -> None:  # QRunnable.run
        from models.store.analysis_jobs import analyze_article

        done = []
        try:
            for article_id in self.article_ids:
                stored = self.library.get_article(article_id)
                self.library.save_analysis(article_id, analyze_article(stored.article))
                done.append(article_id)
        except Exception as error:  # noqa: BLE001 — reported in the status bar, never lost in a thread
            log.exception("re-analysis failed")
            self.signals.failed.emit(" ".join(f"{type(error).__name__}: {error}".split())[:300])
        self.signals.done.emit(done)


class LibraryActions(QObject):
    """Runs the Library panel's requests on the window's library."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._jobs: set[_Reanalyse] = set()
        panel = window.library_panel
        panel.delete_requested.connect(self.delete_articles)
        panel.reanalyse_requested.connect(self.reanalyse)
        panel.export_requested.connect(self._export)

    @property
    def pending(self) -> bool:
        return bool(self._jobs)

    # -- delete -------------------------------------------------------------------------------------------------

    def confirm_deletion(self, article_ids: list[int]) -> bool:
        """Ask before deleting: what goes (the titles, the highlights and notes) and that it cannot be undone."""
        summaries = {s.id: s for s in self.window.library.list_articles()}
        chosen = [summaries[i] for i in article_ids if i in summaries]
        highlights = sum(int(getattr(s, "highlight_count", 0)) for s in chosen)
        tr = self.window.tr
        if len(chosen) == 1:
            title = tr("Delete this article?")
            text = tr("“%1” will be removed from the library.").replace("%1", chosen[0].title or chosen[0].source)
        else:
            title = tr("Delete %1 articles?").replace("%1", str(len(chosen)))
            names = "\n".join(f"• {s.title or s.source}" for s in chosen[:5])
            more = len(chosen) - 5
            text = tr("These articles will be removed from the library:") + "\n" + names + (
                "\n" + tr("… and %1 more").replace("%1", str(more)) if more > 0 else "")
        one = len(chosen) == 1
        if highlights == 0:
            gone = tr("There are no highlights on it.") if one else tr("There are no highlights on them.")
        elif highlights == 1:
            gone = tr("Its highlight is deleted too, with any note.") if one else tr(
                "Their 1 highlight is deleted too, with any note.")
        else:
            gone = (tr("Its %1 highlights are deleted too, with their notes.") if one else tr(
                "Their %1 highlights are deleted too, with their notes.")).replace("%1", str(highlights))
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(gone + " " + tr("This cannot be undone."))
        delete = QPushButton(tr("Delete") if len(chosen) == 1 else tr("Delete %1").replace("%1", str(len(chosen))))
        delete.setObjectName("DestructiveButton")  # named before it is styled
        box.addButton(delete, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setIcon(QIcon())
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is delete

    @Slot(list)
    def delete_articles(self, article_ids: list[int]) -> list[int]:
        """Delete the articles once the reader agrees; returns the ids deleted (none when cancelled)."""
        ids = list(dict.fromkeys(int(i) for i in article_ids))
        if not ids or not self.confirm_deletion(ids):
            return []
        window = self.window
        listed = window.library_panel.model.article_ids()
        open_id = window.current_article_id()
        deleted = []
        for article_id in ids:
            try:
                window.library.delete_article(article_id)
            except KeyError:
                continue
            deleted.append(article_id)
        window.after_articles_deleted(deleted, _next_article(listed, set(deleted), open_id))
        return deleted

    # -- re-analyse and export ------------------------------------------------------------------------------------

    @Slot(list)
    def reanalyse(self, article_ids: list[int]) -> None:
        if not article_ids:
            return
        job = _Reanalyse(self.window.library, article_ids)
        self._jobs.add(job)
        window = self.window
        window.statusBar().showMessage(
            window.tr("Re-analysing 1 article…") if len(article_ids) == 1
            else window.tr("Re-analysing %1 articles…").replace("%1", str(len(article_ids)))
        )

        def done(ids: list[int]) -> None:
            self._jobs.discard(job)
            if ids:
                window.statusBar().showMessage(window.tr("Analysed afresh: %1").replace("%1", str(len(ids))), 5000)
            if window.current_article_id() in ids and (reading := getattr(window, "reading", None)) is not None:
                reading.runner.request(window.current_article_id())

        job.signals.done.connect(done)
        job.signals.failed.connect(lambda reason: window.statusBar().showMessage(reason, 10000))
        window._pool.start(job)

    @Slot()
    def _export(self) -> None:
        action = getattr(self.window, "export_action", None)
        if action is not None:
            action.trigger()


def _next_article(listed: list[int], deleted: set[int], open_id: int | None) -> int | None:
    """The article to show after a deletion: the open one if it stays, else the next listed, else the previous."""
    if open_id is not None and open_id not in deleted:
        return open_id
    at = listed.index(open_id) if open_id in listed else 0
    after = [i for i in listed[at:] if i not in deleted]
    before = [i for i in reversed(listed[:at]) if i not in deleted]
    return (after or before or [None])[0]
