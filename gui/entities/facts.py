"""The facts shown under the selected entity that the analysis alone does not hold: what the article says it is
(from its titles and appositives) and in how many articles of the library it appears (read off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

SYNC_LIMIT = 200_000  # characters: a longer article is described in the analysis worker only


def show_entity_facts(panel: Any, library: Any, text: str, entities: Sequence[Any],
                      run: Callable[[Callable[[], object], Callable[[object], None]], None],
                      descriptions: Any = None) -> None:
    """Descriptions (from the analysis worker, else read here for an ordinary article); library counts through
    ``run`` (a worker)."""
    if descriptions is not None:
        panel.set_descriptions(descriptions)
    elif len(text) <= SYNC_LIMIT:
        from models.analysis.entity_descriptions import describe_entities  # with the first analysis shown

        panel.set_descriptions(describe_entities(text, list(entities)))
    if not hasattr(library, "reading"):
        return  # not a stored library (tests' stand-ins): no counts

    keys = [(e.name, e.type) for e in entities]
    if not keys:
        return

    def count() -> object:  # a seek per entity of the article (and one aggregate of the people), never the whole index
        from models.store.entities import EntityStore

        return EntityStore(library).counts_and_names(keys)

    def done(found: object) -> None:
        if isinstance(found, tuple) and len(found) == 2:
            counts, names = found
            panel.set_article_counts(counts)
            panel.set_library_names(names)

    run(count, done)
