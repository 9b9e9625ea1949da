"""Highlights, notes, tags, the article note and the colour legend: one function per action, each pushed on the
undo stack as one command (:mod:`gui.annotations.commands`); the command announces what changed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gui.annotations import commands
from gui.operations.context import OpContext, tr
from gui.settings import AUTHOR


def author() -> str:
    from models.store.annotations import default_author

    return AUTHOR.read().strip() or default_author()


def _push(ctx: OpContext, command: commands.StoreCommand) -> bool:
    ctx.undo_stack.push(command)
    return command.succeeded


def _current(ctx: OpContext, annotation_id: str) -> Any:
    """The stored annotation, or None when it is gone (an editor may commit after a delete)."""
    try:
        return ctx.library.annotations.get(annotation_id)
    except KeyError:
        return None


def highlight(ctx: OpContext, article_id: int, start: int, end: int, color: str, note: str = "",
              tags: Sequence[str] = ()) -> Any:
    """Highlight a passage; returns the new annotation (None when nothing was highlighted)."""
    if start >= end:
        return None
    command = commands.AddHighlight(ctx, article_id, start, end, color, author(), note, tags)
    return command.record if _push(ctx, command) else None


def recolour(ctx: OpContext, annotation_id: str, color: str) -> bool:
    return _push(ctx, commands.UpdateHighlight(ctx, tr("Change Colour"), annotation_id, color=color))


def edit_note(ctx: OpContext, annotation_id: str, note: str) -> bool:
    current = _current(ctx, annotation_id)
    if current is None or current.note == note:
        return False
    return _push(ctx, commands.UpdateHighlight(ctx, tr("Edit Note"), annotation_id, note=note))


def edit_tags(ctx: OpContext, annotation_id: str, tags: Sequence[str]) -> bool:
    current = _current(ctx, annotation_id)
    if current is None or list(current.tags) == list(tags):
        return False
    return _push(ctx, commands.UpdateHighlight(ctx, tr("Edit Tags"), annotation_id, tags=tuple(tags)))


def delete_highlight(ctx: OpContext, annotation_id: str) -> bool:
    return _push(ctx, commands.DeleteHighlight(ctx, annotation_id))


def reattach(ctx: OpContext, annotation_id: str, start: int, end: int) -> bool:
    return start < end and _push(ctx, commands.ReattachHighlight(ctx, annotation_id, start, end))


def edit_article_note(ctx: OpContext, article_id: int, note: str) -> bool:
    old = ctx.library.get_article(article_id).note
    return old != note and _push(ctx, commands.ArticleNote(ctx, article_id, old, note))


def edit_legend(ctx: OpContext, edits: Iterable[tuple[str, dict[str, str], dict[str, str]]],
                label: str = "") -> None:
    """Change colours of the legend: each edit is (key, old values, new values) of meaning, swatch, background.
    Several edits are one undo step (``label`` names it)."""
    edits = list(edits)
    if not edits:
        return
    if len(edits) == 1:
        _push(ctx, commands.EditLegend(ctx, *edits[0]))
        return
    ctx.undo_stack.beginMacro(label or tr("Edit Colour Legend"))
    try:
        for key, old, new in edits:
            ctx.undo_stack.push(commands.EditLegend(ctx, key, old, new))
    finally:
        ctx.undo_stack.endMacro()
