"""Every annotation action as an undoable command: redo and undo each call the store once (one transaction) and
announce what changed (:class:`~gui.operations.Changes`) through the operation context.

A command keeps the frozen record the store handed back, so undoing a delete puts the very same annotation back
(same id, times, tags) and redoing a highlight after its undo restores it rather than creating a new one. The
functions of :mod:`gui.operations.annotations` push them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from gui.operations.changes import Changes
from gui.operations.context import OpContext, tr

NOTE_EDIT_ID = 7001
ARTICLE_NOTE_ID = 7002


class StoreCommand(QUndoCommand):
    """A command over the annotation store; a first redo that fails makes it obsolete (the stack drops it)."""

    def __init__(self, text: str, ctx: OpContext) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.succeeded = False  # read after push: a merged command's C++ side is gone by then

    def store(self) -> Any:
        return self.ctx.library.annotations

    def redo(self) -> None:  # QUndoCommand.redo
        try:
            changes = self.apply()
        except (KeyError, ValueError) as error:
            self.setObsolete(True)
            self.ctx.fail(error)
            return
        self.succeeded = True
        self.ctx.announce(changes)

    def undo(self) -> None:  # QUndoCommand.undo
        try:
            changes = self.revert()
        except (KeyError, ValueError) as error:
            self.ctx.fail(error)
            return
        self.ctx.announce(changes)

    def apply(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError


class AddHighlight(StoreCommand):
    def __init__(self, ctx: OpContext, article_id: int, start: int, end: int, color: str, author: str,
                 note: str = "", tags: Sequence[str] = ()) -> None:
        super().__init__(tr("Highlight"), ctx)
        self.args = (article_id, start, end)
        self.color, self.note, self.tags, self.author = color, note, tuple(tags), author
        self.record: Any = None

    def apply(self) -> Changes:
        store = self.store()
        if self.record is None:
            article_id, start, end = self.args
            self.record = store.add(article_id, start, end, color=self.color, note=self.note, tags=self.tags,
                                    author=self.author)
        else:
            self.record = store.restore(self.record)
        return Changes(annotations=(self.record,))

    def revert(self) -> Changes:
        self.record = self.store().delete(self.record.id)
        return Changes(removed=(self.record,))


class DeleteHighlight(StoreCommand):
    def __init__(self, ctx: OpContext, annotation_id: str) -> None:
        super().__init__(tr("Delete Highlight"), ctx)
        self.annotation_id = annotation_id
        self.record: Any = None

    def apply(self) -> Changes:
        self.record = self.store().delete(self.annotation_id)
        return Changes(removed=(self.record,))

    def revert(self) -> Changes:
        self.record = self.store().restore(self.record)
        return Changes(annotations=(self.record,))


class UpdateHighlight(StoreCommand):
    """Colour, note or tags; consecutive note edits of one highlight merge into one undo step."""

    def __init__(self, ctx: OpContext, text: str, annotation_id: str, **changes: Any) -> None:
        super().__init__(text, ctx)
        self.annotation_id = annotation_id
        before = self.store().get(annotation_id)
        self.new = dict(changes)
        self.old = {key: getattr(before, key) for key in changes}

    def id(self) -> int:  # QUndoCommand.id
        return NOTE_EDIT_ID if set(self.new) == {"note"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # QUndoCommand.mergeWith
        if not isinstance(other, UpdateHighlight) or other.annotation_id != self.annotation_id:
            return False
        self.new["note"] = other.new["note"]
        return True

    def apply(self) -> Changes:
        return Changes(annotations=(self.store().update(self.annotation_id, **self.new),))

    def revert(self) -> Changes:
        return Changes(annotations=(self.store().update(self.annotation_id, **self.old),))


class ReattachHighlight(StoreCommand):
    def __init__(self, ctx: OpContext, annotation_id: str, start: int, end: int) -> None:
        super().__init__(tr("Re-attach Highlight"), ctx)
        self.annotation_id, self.start, self.end = annotation_id, start, end
        self.before = self.store().get(annotation_id)

    def apply(self) -> Changes:
        return Changes(annotations=(self.store().reattach(self.annotation_id, self.start, self.end),))

    def revert(self) -> Changes:
        store = self.store()
        store.delete(self.annotation_id)
        return Changes(annotations=(store.restore(self.before),))  # back to what it was, an orphan included


class ArticleNote(StoreCommand):
    def __init__(self, ctx: OpContext, article_id: int, old: str, new: str) -> None:
        super().__init__(tr("Edit Article Note"), ctx)
        self.article_id, self.old, self.new = article_id, old, new

    def id(self) -> int:  # QUndoCommand.id
        return ARTICLE_NOTE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # QUndoCommand.mergeWith
        if not isinstance(other, ArticleNote) or other.article_id != self.article_id:
            return False
        self.new = other.new
        return True

    def apply(self) -> Changes:
        return self._write(self.new)

    def revert(self) -> Changes:
        return self._write(self.old)

    def _write(self, note: str) -> Changes:
        self.ctx.library.set_article_note(self.article_id, note)
        return Changes(notes=((self.article_id, note),))


class EditLegend(StoreCommand):
    """Rename a colour's meaning or change its swatch (the light background follows the swatch)."""

    def __init__(self, ctx: OpContext, key: str, old: dict[str, str], new: dict[str, str]) -> None:
        super().__init__(tr("Edit Colour Legend"), ctx)
        self.key, self.old, self.new = key, old, new

    def apply(self) -> Changes:
        return self._set(self.new)

    def revert(self) -> Changes:
        return self._set(self.old)

    def _set(self, values: dict[str, str]) -> Changes:
        self.store().set_color(self.key, **values)
        return Changes(legend=True)
