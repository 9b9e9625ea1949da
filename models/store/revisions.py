"""Kept versions of articles' texts, and where each highlight was made (see models.revisions for the diff).

The article row always holds the newest revision; ``article_revisions`` holds every revision, the newest included,
each with the analysis of its text once one has run. The import's transaction calls :func:`record_revision` and
:func:`remember_origins`, so a text and its revision are written together or not at all.
"""

from __future__ import annotations

import builtins
import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.analysis.serialize import from_dict, to_dict
from models.analysis.types import Analysis
from models.article import Article, Block, metadata_from_dict
from models.store.records import HighlightOrigin, RevisionInfo, StoredRevision
from models.store.schema import ArticleRevisionRow, ArticleRow, HighlightOriginRow, HighlightRow
from models.store.sessions import Sessions

_WORD = re.compile(r"\w+")


class RevisionStore:
    def __init__(self, library: Sessions) -> None:
        self.library = library

    def list(self, article_id: int) -> builtins.list[RevisionInfo]:
        """The article's revisions, oldest first; KeyError when there is no such article."""
        with self.library.reading() as s:
            _check_article(s, article_id)
            return [_info(r) for r in _rows(s, article_id)]

    def count(self, article_id: int) -> int:
        with self.library.reading() as s:
            return int(s.scalar(select(func.count()).where(ArticleRevisionRow.article_id == article_id)) or 0)

    def get(self, article_id: int, number: int) -> StoredRevision:
        with self.library.reading() as s:
            row = _revision(s, article_id, number)
            return StoredRevision(_info(row), _article(s, row))

    def analysis(self, article_id: int, number: int) -> Analysis | None:
        """The stored analysis of that revision's text, if one ran."""
        with self.library.reading() as s:
            data = _revision(s, article_id, number).analysis
            return from_dict(data) if data else None

    def save_analysis(self, article_id: int, number: int, analysis: Analysis) -> None:
        with self.library.writing() as s:
            row = _revision(s, article_id, number)
            if row.text_hash == analysis.text_hash:
                row.analysis = to_dict(analysis)

    def origins(self, article_id: int) -> dict[str, HighlightOrigin]:
        """Where each highlight of the article was made, by highlight id. A highlight made on the current revision
        and never re-anchored since has no stored origin: its current selectors are its origin."""
        with self.library.reading() as s:
            current = _current_number(s, article_id)
            out: dict[str, HighlightOrigin] = {}
            stored = {
                o.highlight_id: o
                for o in s.scalars(
                    select(HighlightOriginRow)
                    .join(HighlightRow, HighlightRow.id == HighlightOriginRow.highlight_id)
                    .where(HighlightRow.article_id == article_id)
                )
            }
            by_hash = _numbers_by_hash(s, article_id)
            for h in s.scalars(select(HighlightRow).where(HighlightRow.article_id == article_id)):
                o = stored.get(h.id)
                if o is not None:
                    out[h.id] = HighlightOrigin(h.id, o.revision, o.start, o.end, o.exact, o.prefix, o.suffix)
                else:
                    number = by_hash.get(h.text_hash, current)
                    out[h.id] = HighlightOrigin(h.id, number, h.start, h.end, h.exact, h.prefix, h.suffix)
            return out

    def edited_ids(self) -> set[int]:
        """Ids of the articles whose text changed since the first import (more than one revision)."""
        with self.library.reading() as s:
            return set(
                s.scalars(
                    select(ArticleRevisionRow.article_id)
                    .group_by(ArticleRevisionRow.article_id)
                    .having(func.count() > 1)
                )
            )


# -- inside the import's transaction ------------------------------------------------------------------------------


def record_revision(s: Session, row: ArticleRow) -> int:
    """Store the article row's current text as its next revision; returns the revision's number."""
    number = (_current_number(s, row.id) or 0) + 1
    s.add(
        ArticleRevisionRow(
            article_id=row.id,
            number=number,
            kind=row.kind,
            title=row.title,
            text=row.text,
            text_hash=row.text_hash,
            blocks=row.blocks,
            meta=row.meta,
            published=row.published,
            imported_at=row.updated_at if number > 1 else row.imported_at,
        )
    )
    s.flush()
    return number


def ensure_first_revision(s: Session, row: ArticleRow) -> int:
    """The current revision number, storing the article's text as revision 1 if it has none yet."""
    return _current_number(s, row.id) or record_revision(s, row)


def refresh_current_metadata(s: Session, row: ArticleRow) -> None:
    """The text is unchanged but the metadata changed: the newest revision says what the article now says."""
    current = s.scalars(
        select(ArticleRevisionRow)
        .where(ArticleRevisionRow.article_id == row.id)
        .order_by(ArticleRevisionRow.number.desc())
        .limit(1)
    ).first()
    if current is not None:
        current.title, current.meta, current.published, current.kind = row.title, row.meta, row.published, row.kind


def remember_origins(s: Session, row: ArticleRow, number: int) -> None:
    """Before re-anchoring moves highlights to a new text, keep the selectors of those made on this revision."""
    known = set(
        s.scalars(
            select(HighlightOriginRow.highlight_id)
            .join(HighlightRow, HighlightRow.id == HighlightOriginRow.highlight_id)
            .where(HighlightRow.article_id == row.id)
        )
    )
    by_hash = _numbers_by_hash(s, row.id)
    for h in s.scalars(select(HighlightRow).where(HighlightRow.article_id == row.id)):
        if h.id in known:
            continue
        made_on = number if h.text_hash == row.text_hash else by_hash.get(h.text_hash)
        if made_on is None:
            continue  # its selectors belong to no kept revision (restored from elsewhere): nothing to remember
        s.add(
            HighlightOriginRow(
                highlight_id=h.id,
                revision=made_on,
                start=h.start,
                end=h.end,
                exact=h.exact,
                prefix=h.prefix,
                suffix=h.suffix,
            )
        )


def store_current_analysis(s: Session, article_id: int, analysis: Analysis, data: dict[str, Any]) -> None:
    """The analysis of the current text also belongs to the newest revision with that text."""
    row = s.scalars(
        select(ArticleRevisionRow)
        .where(ArticleRevisionRow.article_id == article_id, ArticleRevisionRow.text_hash == analysis.text_hash)
        .order_by(ArticleRevisionRow.number.desc())
        .limit(1)
    ).first()
    if row is not None:
        row.analysis = data


def revision_counts(s: Session, ids: builtins.list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = s.execute(
        select(ArticleRevisionRow.article_id, func.count())
        .where(ArticleRevisionRow.article_id.in_(ids))
        .group_by(ArticleRevisionRow.article_id)
    ).all()
    return {int(a): int(n) for a, n in rows}


# -- internals -----------------------------------------------------------------------------------------------------


def _rows(s: Session, article_id: int) -> builtins.list[ArticleRevisionRow]:
    return list(
        s.scalars(
            select(ArticleRevisionRow)
            .where(ArticleRevisionRow.article_id == article_id)
            .order_by(ArticleRevisionRow.number)
        )
    )


def _current_number(s: Session, article_id: int) -> int:
    return int(s.scalar(select(func.max(ArticleRevisionRow.number)).where(
        ArticleRevisionRow.article_id == article_id)) or 0)


def _numbers_by_hash(s: Session, article_id: int) -> dict[str, int]:
    """The newest revision number of each text hash the article has had."""
    out: dict[str, int] = {}
    for number, digest in s.execute(
        select(ArticleRevisionRow.number, ArticleRevisionRow.text_hash)
        .where(ArticleRevisionRow.article_id == article_id)
        .order_by(ArticleRevisionRow.number)
    ):
        out[digest] = int(number)
    return out


def _check_article(s: Session, article_id: int) -> None:
    if s.get(ArticleRow, article_id) is None:
        raise KeyError(f"no article with id {article_id}")


def _revision(s: Session, article_id: int, number: int) -> ArticleRevisionRow:
    row = s.scalars(
        select(ArticleRevisionRow).where(
            ArticleRevisionRow.article_id == article_id, ArticleRevisionRow.number == number
        )
    ).one_or_none()
    if row is None:
        _check_article(s, article_id)
        last = _current_number(s, article_id)
        raise KeyError(f"article {article_id} has no revision {number} (it has 1 to {last})")
    return row


def _info(row: ArticleRevisionRow) -> RevisionInfo:
    return RevisionInfo(
        article_id=row.article_id,
        number=row.number,
        imported_at=row.imported_at,
        text_hash=row.text_hash,
        words=len(_WORD.findall(row.text)),
        title=row.title,
        published=row.published,
        analysed=row.analysis is not None,
    )


def _article(s: Session, row: ArticleRevisionRow) -> Article:
    source = s.scalar(select(ArticleRow.source).where(ArticleRow.id == row.article_id)) or ""
    return Article(
        source=source,
        kind=row.kind,
        text=row.text,
        blocks=tuple(Block(int(a), int(b), str(k)) for a, b, k in row.blocks),
        metadata=metadata_from_dict(row.meta),
    )
