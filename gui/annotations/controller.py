"""Turns the annotation intents of every widget into undoable store operations and announces what changed.

Widgets never write: the selection bar, the context menu, the toolbar swatches, the Notes panel and the legend emit
intents (``highlight_requested``, ``note_edited``, ``delete_requested`` …) that are connected to the slots here.
Each slot pushes one command on the window's QUndoStack; the command calls the store (one transaction) and the
controller then emits :attr:`annotation_changed` / :attr:`annotation_removed` / :attr:`legend_changed` so each view
updates only what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from gui.annotations import commands
from gui.annotations.colors import Legend, light_background_for
from gui.settings import AUTHOR

log = logging.getLogger(__name__)


class AnnotationController(QObject):
    annotation_changed = Signal(object)  # Annotation: added, edited, restored or re-attached
    annotation_removed = Signal(object)  # Annotation as it was when removed
    legend_changed = Signal(object)  # Legend
    article_note_changed = Signal(int, str)  # article id, note
    failed = Signal(str)  # a one-line reason the action did not happen

    def __init__(self, library: Any, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = undo_stack
        self.legend = Legend.from_store(library)

    # -- plumbing for commands ---------------------------------------------------------------------------------

    def available(self) -> bool:
        return getattr(self.library, "annotations", None) is not None

    def store(self) -> Any:
        return self.library.annotations

    def author(self) -> str:
        from models.store.annotations import default_author  # the store's module: loaded after the first paint

        return AUTHOR.read().strip() or default_author()

    def announce(self, record: Any) -> None:
        self.annotation_changed.emit(record)

    def announce_removed(self, record: Any) -> None:
        self.annotation_removed.emit(record)

    def announce_legend(self) -> None:
        self.legend = Legend.from_store(self.library)
        self.legend_changed.emit(self.legend)

    def write_article_note(self, article_id: int, note: str) -> None:
        self.library.set_article_note(article_id, note)
        self.article_note_changed.emit(article_id, note)

    def report(self, error: Exception) -> None:
        reason = " ".join(str(error).split()) or type(error).__name__
        log.warning("annotation action failed: %s", reason)
        self.failed.emit(reason)

    def _current(self, annotation_id: str) -> Any:
        """The stored annotation, or None when it is gone (an editor may commit after a delete)."""
        if not self.available():
            return None
        try:
            return self.store().get(annotation_id)
        except KeyError:
            return None

    def _push(self, command: commands.StoreCommand) -> bool:
        if not self.available():
            return False
        self.undo_stack.push(command)
        return command.succeeded

    # -- intents -------------------------------------------------------------------------------------------------

    def highlight(self, article_id: int, start: int, end: int, color: str, note: str = "",
                  tags: Sequence[str] = ()) -> Any:
        """Highlight a passage; returns the new annotation (None when nothing was highlighted)."""
        if start >= end or not self.available():
            return None
        command = commands.AddHighlight(self, article_id, start, end, color, note, tags)
        return command.record if self._push(command) else None

    @Slot(str, str)
    def set_color(self, annotation_id: str, color: str) -> None:
        self._push(commands.UpdateHighlight(self, self.tr("Change Colour"), annotation_id, color=color))

    @Slot(str, str)
    def set_note(self, annotation_id: str, note: str) -> None:
        current = self._current(annotation_id)
        if current is not None and current.note != note:
            self._push(commands.UpdateHighlight(self, self.tr("Edit Note"), annotation_id, note=note))

    @Slot(str, list)
    def set_tags(self, annotation_id: str, tags: list[str]) -> None:
        current = self._current(annotation_id)
        if current is not None and list(current.tags) != list(tags):
            self._push(commands.UpdateHighlight(self, self.tr("Edit Tags"), annotation_id, tags=tuple(tags)))

    @Slot(str)
    def delete(self, annotation_id: str) -> None:
        self._push(commands.DeleteHighlight(self, annotation_id))

    @Slot(str, int, int)
    def reattach(self, annotation_id: str, start: int, end: int) -> None:
        if start < end:
            self._push(commands.ReattachHighlight(self, annotation_id, start, end))

    @Slot(int, str)
    def set_article_note(self, article_id: int, note: str) -> None:
        old = self.library.get_article(article_id).note
        if old != note:
            self._push(commands.ArticleNote(self, article_id, old, note))

    @Slot(str, str, str)
    def edit_legend(self, key: str, meaning: str, swatch: str) -> None:
        """Rename a colour (``meaning``) and/or recolour it (``swatch``; empty keeps it)."""
        current = self.legend.get(key)
        new: dict[str, str] = {}
        if meaning.strip() and meaning.strip() != current.meaning:
            new["meaning"] = meaning.strip()
        if swatch and swatch.upper() != current.swatch.upper():
            new["swatch"] = swatch.upper()
            new["background"] = light_background_for(swatch)
        if not new:
            return
        old = {"meaning": current.meaning, "swatch": current.swatch, "background": current.background}
        self._push(commands.EditLegend(self, key, {k: old[k] for k in new}, new))

    def counts_by_color(self, article_id: int | None = None) -> dict[str, int]:
        return self.store().counts_by_color(article_id) if self.available() else {}
