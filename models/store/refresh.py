"""Articles read by an earlier version of the analyser, and reading them again.

An analyser upgrade changes what is read: names are filed differently ("U.S." under United States), dates resolved
better. Each article keeps the analysis of the version that read it until it is analysed again, so until then the
library's index mixes two readings (one entity "U.S." from the old articles, "United States" from the new). They are
brought up to date when opened, by the reader in the background once its window is painted
(:mod:`gui.library_refresh`) and by ``newsdesk reanalyze``. The reader's corrections are rules kept apart from the
analyses, so a new reading gets them again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from models.analysis import ANALYZER_VERSION
from models.store.schema import AnalysisRow, ArticleRow


def _outdated_clause() -> Any:
    """Articles whose current text has an analysis of another analyser version and none of this one."""
    old, new = aliased(AnalysisRow), aliased(AnalysisRow)
    older = exists().where(old.article_id == ArticleRow.id, old.text_hash == ArticleRow.text_hash,
                           old.version != ANALYZER_VERSION)
    current = exists().where(new.article_id == ArticleRow.id, new.text_hash == ArticleRow.text_hash,
                             new.version == ANALYZER_VERSION)
    return older & ~current


def outdated_articles(lib: Any) -> list[int]:
    """Ids of the articles read by an earlier analyser, newest import first (the likeliest to be read next)."""
    with lib.reading() as s:
        return [int(i) for i in s.scalars(select(ArticleRow.id).where(_outdated_clause())
                                          .order_by(ArticleRow.id.desc()))]


def all_articles(lib: Any) -> list[int]:
    with lib.reading() as s:
        return [int(i) for i in s.scalars(select(ArticleRow.id).order_by(ArticleRow.id.desc()))]


def existing(lib: Any, ids: Iterable[int]) -> list[int]:
    """Those of ``ids`` that are articles of the library."""
    wanted = sorted(set(ids))
    found: list[int] = []
    with lib.reading() as s:
        for at in range(0, len(wanted), 500):
            found += [int(i) for i in s.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(wanted[at:at + 500])))]
    return found


def stored_articles(lib: Any, ids: Iterable[int]) -> Iterator[tuple[int, Any]]:
    """(id, Article) of each id in turn, read one at a time (a library of 100,000 is never held whole); an article
    deleted meanwhile is skipped."""
    for article_id in ids:
        try:
            yield article_id, lib.get_article(article_id).article
        except KeyError:
            continue
