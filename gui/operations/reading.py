"""Where the reader is in an article: the scroll position, written off the GUI thread."""

from __future__ import annotations

import logging

from gui.operations.context import OpContext, tr
from gui.runner import Task

log = logging.getLogger(__name__)


def save_position(ctx: OpContext, article_id: int, position: int) -> Task:
    """Remember ``position`` (a code-point offset) as the place to reopen the article at. Nothing is broadcast: no
    view shows it. An article deleted meanwhile has nothing to remember; any other failure (a library gone
    read-only) is only logged, as the place is not vital."""

    def write(_task: Task) -> None:
        try:
            ctx.library.set_position(article_id, position)
        except KeyError:
            pass  # the article is gone

    return ctx.runner.run(tr("Saving the reading position"), write, on_failed=lambda line: log.warning("%s", line))
