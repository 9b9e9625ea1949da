"""Turns the annotation intents of every widget into operations (:mod:`gui.operations.annotations`).

Widgets never write: the selection bar, the context menu, the toolbar swatches, the Notes panel and the legend emit
intents (``note_edited``, ``delete_requested`` …) that are connected to the slots here. Each slot runs one operation
(one undoable command, one store transaction); what changed comes back to every view through the window's one
broadcast (``MainWindow.changed``), from which :class:`~gui.annotations.feature.AnnotationsFeature` refreshes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Slot

from gui.annotations.colors import Legend, light_background_for
from gui.operations import annotations as ops
from gui.operations.context import OpContext


class AnnotationController(QObject):
    def __init__(self, ctx: OpContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.library = ctx.library
        self.undo_stack = ctx.undo_stack
        self.legend = Legend.from_store(self.library)

    def store(self) -> Any:
        return self.library.annotations

    def reload_legend(self) -> Legend:
        self.legend = Legend.from_store(self.library)
        return self.legend

    # -- intents -------------------------------------------------------------------------------------------------

    def highlight(self, article_id: int, start: int, end: int, color: str, note: str = "",
                  tags: Sequence[str] = ()) -> Any:
        """Highlight a passage; returns the new annotation (None when nothing was highlighted)."""
        return ops.highlight(self.ctx, article_id, start, end, color, note, tags)

    @Slot(str, str)
    def set_color(self, annotation_id: str, color: str) -> None:
        ops.recolour(self.ctx, annotation_id, color)

    @Slot(str, str)
    def set_note(self, annotation_id: str, note: str) -> None:
        ops.edit_note(self.ctx, annotation_id, note)

    @Slot(str, list)
    def set_tags(self, annotation_id: str, tags: list[str]) -> None:
        ops.edit_tags(self.ctx, annotation_id, tags)

    @Slot(str)
    def delete(self, annotation_id: str) -> None:
        ops.delete_highlight(self.ctx, annotation_id)

    @Slot(str, int, int)
    def reattach(self, annotation_id: str, start: int, end: int) -> None:
        ops.reattach(self.ctx, annotation_id, start, end)

    @Slot(int, str)
    def set_article_note(self, article_id: int, note: str) -> None:
        ops.edit_article_note(self.ctx, article_id, note)

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
        if new:
            old = {"meaning": current.meaning, "swatch": current.swatch, "background": current.background}
            ops.edit_legend(self.ctx, [(key, {k: old[k] for k in new}, new)])

    def counts_by_color(self, article_id: int | None = None) -> dict[str, int]:
        return dict(self.store().counts_by_color(article_id))
