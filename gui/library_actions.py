"""What the Library's row menu and the Delete key ask of the window: delete articles (after asking), re-analyse
them, export them.

Deleting is one store transaction per article (:meth:`Library.delete_article`; its highlights and notes go with it)
and cannot be undone, so the reader is asked first and told what goes. When the open article is deleted the reader
moves to the next one in the list, or shows the empty page when nothing is left.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QIcon

from gui.i18n import arg, plural
from gui.operations import articles as article_ops

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)


class LibraryActions(QObject):
    """Runs the Library panel's requests on the window's library."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._reanalysing: set[int] = set()
        self._requesting = False
        panel = window.library_panel
        panel.delete_requested.connect(self.delete_articles)
        panel.reanalyse_requested.connect(self.reanalyse)
        panel.export_requested.connect(self._export)

    @property
    def pending(self) -> bool:
        return bool(self._reanalysing)

    # -- delete -------------------------------------------------------------------------------------------------

    def confirm_deletion(self, article_ids: list[int]) -> bool:
        """Ask before deleting: what goes (the titles, the highlights and notes) and that it cannot be undone."""
        summaries = {s.id: s for s in self.window.library.list_articles()}
        chosen = [summaries[i] for i in article_ids if i in summaries]
        highlights = sum(int(getattr(s, "highlight_count", 0)) for s in chosen)
        tr = self.window.tr
        if len(chosen) == 1:
            title = tr("Delete this article?")
            text = arg(tr("“%1” will be removed from the library."), chosen[0].title or chosen[0].source)
        else:
            title = plural(tr("Delete %n article(s)?", "", len(chosen)), len(chosen))
            names = "\n".join(f"• {s.title or s.source}" for s in chosen[:5])
            more = len(chosen) - 5
            text = tr("These articles will be removed from the library:") + "\n" + names + (
                "\n" + arg(tr("… and %1 more"), more) if more > 0 else "")
        one = len(chosen) == 1
        if highlights == 0:
            gone = tr("There are no highlights on it.") if one else tr("There are no highlights on them.")
        elif highlights == 1:
            gone = tr("Its highlight is deleted too, with any note.") if one else tr(
                "Their 1 highlight is deleted too, with any note.")
        else:
            gone = arg(tr("Its %1 highlights are deleted too, with their notes.") if one else tr(
                "Their %1 highlights are deleted too, with their notes."), highlights)
        from PySide6.QtWidgets import QMessageBox, QPushButton  # loaded when first asked

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(gone + " " + tr("This cannot be undone."))
        delete = QPushButton(tr("Delete") if len(chosen) == 1 else arg(tr("Delete %1"), len(chosen)))
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
        return sorted(article_ops.delete_articles(self.window.ops, ids).deleted, key=ids.index)

    # -- re-analyse and export ------------------------------------------------------------------------------------

    @Slot(list)
    def reanalyse(self, article_ids: list[int]) -> None:
        """Forget the cached analyses and analyse afresh in the worker process; the open article's panels follow."""
        if not article_ids:
            return
        window = self.window
        runner = window.reading.runner
        window.statusBar().showMessage(
            plural(window.tr("Re-analysing %n article(s)…", "", len(article_ids)), len(article_ids))
        )
        if not self._reanalysing:
            runner.idle.connect(self._reanalysed)
        current = window.current_article_id()
        self._requesting = True  # a synchronous pool reports idle after each request; count them all first
        article_ops.forget_analyses(window.ops, article_ids)
        for article_id in article_ids:
            self._reanalysing.add(article_id)
            runner.request(article_id, show=article_id == current)
        self._requesting = False
        if not runner.pending:
            self._reanalysed()

    @Slot()
    def _reanalysed(self) -> None:
        if self._requesting or not self._reanalysing:
            return
        self.window.reading.runner.idle.disconnect(self._reanalysed)
        done = len(self._reanalysing)
        self._reanalysing.clear()
        self.window.statusBar().showMessage(arg(self.window.tr("Analysed afresh: %1"), done), 5000)

    @Slot()
    def _export(self) -> None:
        self.window.export_action.trigger()


def next_article(listed: list[int], deleted: set[int], open_id: int | None) -> int | None:
    """The article to show after a deletion: the open one if it stays, else the next listed, else the previous."""
    if open_id is not None and open_id not in deleted:
        return open_id
    at = listed.index(open_id) if open_id in listed else 0
    after = [i for i in listed[at:] if i not in deleted]
    before = [i for i in reversed(listed[:at]) if i not in deleted]
    return next(iter(after or before), None)
