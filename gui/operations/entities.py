"""Correcting the entity analysis (rename, merge, retype, confirm, remove, add …): one undoable rule each."""

from __future__ import annotations

from typing import Any

from gui.annotations.commands import StoreCommand
from gui.i18n import arg
from gui.operations.changes import Changes
from gui.operations.context import OpContext, tr
from gui.settings import AUTHOR


class CorrectionCommand(StoreCommand):
    """A correction rule for one article, or for every article of the library (``library_wide``)."""

    def __init__(self, ctx: OpContext, article_id: int, action: str, payload: dict[str, Any],
                 library_wide: bool = False) -> None:
        super().__init__(arg(tr("Entity: %1"), action), ctx)
        self.article_id, self.action, self.payload, self.library_wide = article_id, action, dict(payload), library_wide
        self.rule_id: int | None = None

    def _store(self) -> Any:
        from models.store.entities import EntityStore

        return EntityStore(self.ctx.library)

    def apply(self) -> Changes:
        correction = self._store().add_rule(None if self.library_wide else self.article_id, self.action,
                                            self.payload, author=AUTHOR.read().strip() or None)
        self.rule_id = correction.id
        return Changes(entities=frozenset({self.article_id}))

    def revert(self) -> Changes:
        if self.rule_id is not None:
            self._store().remove_rule(self.rule_id)
        return Changes(entities=frozenset({self.article_id}))


def correct_entity(ctx: OpContext, article_id: int, action: str, payload: dict[str, Any],
                   library_wide: bool = False) -> bool:
    """Apply one correction to the article's entities (or the library's); undoable. False when it was refused."""
    command = CorrectionCommand(ctx, article_id, action, payload, library_wide)
    ctx.undo_stack.push(command)
    return command.succeeded
