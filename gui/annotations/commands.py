"""Every annotation action as an undoable command: redo and undo each call the store once (one transaction).

A command keeps the frozen record the store handed back, so undoing a delete puts the very same annotation back
(same id, times, tags) and redoing a highlight after its undo restores it rather than creating a new one. The
:class:`~gui.annotations.controller.AnnotationController` runs them and tells the views what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

NOTE_EDIT_ID = 7001
ARTICLE_NOTE_ID = 7002


class StoreCommand(QUndoCommand):
    """A command over the annotation store; a first redo that fails makes it obsolete (the stack drops it)."""

    def __init__(self, text: str, ctl: Any) -> None:
        super().__init__(text)
        self.ctl = ctl
        self.succeeded = False  # read after push: a merged command's C++ side is gone by then

    def redo(self) -> None:  # QUndoCommand.redo
        try:
            self.apply()
        except (KeyError, ValueError) as error:
            self.setObsolete(True)
            self.ctl.report(error)
            return
        self.succeeded = True

    def undo(self) -> None:  # QUndoCommand.undo
        try:
            self.revert()
        except (KeyError, ValueError) as error:
            self.ctl.report(error)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddHighlight(StoreCommand):
    def __init__(self, ctl: Any, article_id: int, start: int, end: int, color: str, note: str = "",
                 tags: Sequence[str] = ()) -> None:
        super().__init__(ctl.tr("Highlight"), ctl)
        self.args = (article_id, start, end)
        self.color, self.note, self.tags = color, note, tuple(tags)
        self.record: Any = None

    def apply(self) -> None:
        store = self.ctl.store()
        if self.record is None:
            article_id, start, end = self.args
            self.record = store.add(article_id, start, end, color=self.color, note=self.note, tags=self.tags,
                                    author=self.ctl.author())
        else:
            self.record = store.restore(self.record)
        self.ctl.announce(self.record)

    def revert(self) -> None:
        self.record = self.ctl.store().delete(self.record.id)
        self.ctl.announce_removed(self.record)


class DeleteHighlight(StoreCommand):
    def __init__(self, ctl: Any, annotation_id: str) -> None:
        super().__init__(ctl.tr("Delete Highlight"), ctl)
        self.annotation_id = annotation_id
        self.record: Any = None

    def apply(self) -> None:
        self.record = self.ctl.store().delete(self.annotation_id)
        self.ctl.announce_removed(self.record)

    def revert(self) -> None:
        self.record = self.ctl.store().restore(self.record)
        self.ctl.announce(self.record)


class UpdateHighlight(StoreCommand):
    """Colour, note or tags; consecutive note edits of one highlight merge into one undo step."""

    def __init__(self, ctl: Any, text: str, annotation_id: str, **changes: Any) -> None:
        super().__init__(text, ctl)
        self.annotation_id = annotation_id
        before = ctl.store().get(annotation_id)
        self.new = dict(changes)
        self.old = {key: getattr(before, key) for key in changes}

    def id(self) -> int:  # QUndoCommand.id
        return NOTE_EDIT_ID if set(self.new) == {"note"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # QUndoCommand.mergeWith
        if not isinstance(other, UpdateHighlight) or other.annotation_id != self.annotation_id:
            return False
        self.new["note"] = other.new["note"]
        return True

    def apply(self) -> None:
        self.ctl.announce(self.ctl.store().update(self.annotation_id, **self.new))

    def revert(self) -> None:
        self.ctl.announce(self.ctl.store().update(self.annotation_id, **self.old))


class ReattachHighlight(StoreCommand):
    def __init__(self, ctl: Any, annotation_id: str, start: int, end: int) -> None:
        super().__init__(ctl.tr("Re-attach Highlight"), ctl)
        self.annotation_id, self.start, self.end = annotation_id, start, end
        self.before = ctl.store().get(annotation_id)

    def apply(self) -> None:
        self.ctl.announce(self.ctl.store().reattach(self.annotation_id, self.start, self.end))

    def revert(self) -> None:
        store = self.ctl.store()
        store.delete(self.annotation_id)
        self.ctl.announce(store.restore(self.before))  # back to what it was, an orphan included


class ArticleNote(StoreCommand):
    def __init__(self, ctl: Any, article_id: int, old: str, new: str) -> None:
        super().__init__(ctl.tr("Edit Article Note"), ctl)
        self.article_id, self.old, self.new = article_id, old, new

    def id(self) -> int:  # QUndoCommand.id
        return ARTICLE_NOTE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # QUndoCommand.mergeWith
        if not isinstance(other, ArticleNote) or other.article_id != self.article_id:
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        self.ctl.write_article_note(self.article_id, self.new)

    def revert(self) -> None:
        self.ctl.write_article_note(self.article_id, self.old)


class EditLegend(StoreCommand):
    """Rename a colour's meaning or change its swatch (the light background follows the swatch)."""

    def __init__(self, ctl: Any, key: str, old: dict[str, str], new: dict[str, str]) -> None:
        super().__init__(ctl.tr("Edit Colour Legend"), ctl)
        self.key, self.old, self.new = key, old, new

    def apply(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)

    def _set(self, values: dict[str, str]) -> None:
        self.ctl.store().set_color(self.key, **values)
        self.ctl.announce_legend()

