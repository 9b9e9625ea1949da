"""Correcting the timeline: confirm a date, or say that words are no date. One undoable rule each."""

from __future__ import annotations

from typing import Any

from gui.annotations.commands import StoreCommand
from gui.operations.changes import Changes
from gui.operations.context import OpContext, tr
from gui.settings import AUTHOR

CONFIRM, NOT_A_DATE = "confirm", "not-a-date"  # models.analysis.event_corrections (not imported before first use)


class EventCorrectionCommand(StoreCommand):
    """A timeline rule for the event whose date expression is ``[start, end)`` of an article's text."""

    def __init__(self, ctx: OpContext, article_id: int, action: str, start: int, end: int) -> None:
        super().__init__(tr("Confirm date") if action == CONFIRM else tr("Not a date"), ctx)
        self.article_id, self.action, self.span = article_id, action, (start, end)
        self.rule_id: int | None = None

    def _store(self) -> Any:
        from models.store.event_corrections import EventCorrectionStore

        return EventCorrectionStore(self.ctx.library)

    def apply(self) -> Changes:
        correction = self._store().add_rule(self.article_id, self.action, *self.span,
                                            author=AUTHOR.read().strip() or None)
        self.rule_id = correction.id
        return Changes(timeline=frozenset({self.article_id}))

    def revert(self) -> Changes:
        if self.rule_id is not None:
            self._store().remove_rule(self.rule_id)
        return Changes(timeline=frozenset({self.article_id}))


def correct_event(ctx: OpContext, article_id: int, action: str, start: int, end: int) -> bool:
    """Confirm the event at ``[start, end)`` or take it off the timeline; undoable. False when it was refused."""
    command = EventCorrectionCommand(ctx, article_id, action, start, end)
    ctx.undo_stack.push(command)
    return command.succeeded
