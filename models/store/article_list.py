"""The library list a page at a time, filtered and sorted in SQL, with its counts; and the reading state of each
article (read or not, the scroll position to come back to).

A page costs one indexed query whatever the size of the library, so a list view can load rows as they scroll into
view (``canFetchMore`` / ``fetchMore``) instead of holding every article.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from models.store.records import ArticleSummary
from models.store.revisions import revision_counts
from models.store.schema import (
    AnalysisRow,
    ArticleRevisionRow,
    ArticleRow,
    ColorRow,
    HighlightRow,
    ReadingStateRow,
    utcnow,
)
from models.store.sessions import Sessions

ID_CHUNK = 10_000  # article ids asked about in one statement
SORTS = ("recent", "newest", "oldest", "highlighted", "title")  # recent: last imported first (the default)


def _filtered(stmt: Any, unread_only: bool, highlighted_only: bool, edited_only: bool = False) -> Any:
    if edited_only:  # a re-import changed its text: a second revision exists
        stmt = stmt.where(exists().where(and_(ArticleRevisionRow.article_id == ArticleRow.id,
                                              ArticleRevisionRow.number > 1)))
    if unread_only:
        stmt = stmt.where(~exists().where(and_(ReadingStateRow.article_id == ArticleRow.id, ReadingStateRow.read)))
    if highlighted_only:
        stmt = stmt.where(exists().where(HighlightRow.article_id == ArticleRow.id))
    return stmt


def count(lib: Sessions, *, unread_only: bool = False, highlighted_only: bool = False,
          edited_only: bool = False) -> int:
    """How many articles the list shows with these filters (one query)."""
    with lib.reading() as s:
        stmt = _filtered(select(func.count()).select_from(ArticleRow), unread_only, highlighted_only, edited_only)
        return s.scalar(stmt) or 0


def page(
    lib: Sessions,
    offset: int,
    limit: int,
    *,
    sort: str = "recent",
    unread_only: bool = False,
    highlighted_only: bool = False,
    edited_only: bool = False,
) -> list[ArticleSummary]:
    """Rows ``offset`` to ``offset + limit`` of the list in this order."""
    if sort not in SORTS:
        raise ValueError(f"unknown order {sort!r}; one of {', '.join(SORTS)}")
    highlights = (
        select(func.count()).where(HighlightRow.article_id == ArticleRow.id).correlate(ArticleRow).scalar_subquery()
    )
    read = exists().where(and_(ReadingStateRow.article_id == ArticleRow.id, ReadingStateRow.read))
    stmt = _filtered(
        select(ArticleRow.id, ArticleRow.title, ArticleRow.source, ArticleRow.meta, ArticleRow.published,
               ArticleRow.imported_at, highlights.label("n"), read.label("read")),
        unread_only, highlighted_only, edited_only,
    )
    order: list[Any]
    if sort == "recent":
        order = [ArticleRow.imported_at.desc(), ArticleRow.id.desc()]
    elif sort == "newest":
        order = [ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id.desc()]
    elif sort == "oldest":
        order = [ArticleRow.published.is_(None), ArticleRow.published.asc(), ArticleRow.id.asc()]
    elif sort == "highlighted":
        order = [highlights.desc(), ArticleRow.imported_at.desc(), ArticleRow.id.desc()]
    else:
        order = [func.lower(ArticleRow.title), ArticleRow.id]
    with lib.reading() as s:
        rows = s.execute(stmt.order_by(*order).offset(max(0, offset)).limit(max(0, limit))).all()
        colors, swatches, versions, unfinished = row_extras(s, [r.id for r in rows])
    return [
        ArticleSummary(r.id, r.title, r.source, str((r.meta or {}).get("publisher", "")), r.published,
                       r.imported_at, int(r.n or 0), colors.get(r.id, ()), revisions=versions.get(r.id, 1),
                       edited=versions.get(r.id, 1) > 1, analysis_status=unfinished.get(r.id, ""),
                       read=bool(r.read), swatches=swatches.get(r.id, ()))
        for r in rows
    ]


def listed_rows(lib: Sessions) -> list[tuple[Any, ...]]:
    """The whole list as :meth:`models.store.library.Library.list_articles` orders it, as plain rows (id, title,
    source, publisher, published, imported at, highlights) without what only a view shows beside them (colours,
    versions, the state of an analysis: reading that state reads every article's analysis): what ``newsdesk list``
    prints of 100,000 articles."""
    counts = select(HighlightRow.article_id, func.count().label("n")).group_by(HighlightRow.article_id).subquery()
    a = ArticleRow  # the columns a summary shows, never the texts
    stmt = select(a.id, a.title, a.source, a.meta["publisher"].as_string(), a.published, a.imported_at,
                  func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.article_id == a.id)
    with lib.reading() as s:
        return list(s.connection().execute(stmt.order_by(a.imported_at.desc(), a.id.desc())).all())


def row_extras(
    s: Session, ids: list[int]
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]], dict[int, int], dict[int, str]]:
    """What a row of the list shows beside its title, for each article of ``ids``: its highlights' colours, their
    swatches, its number of versions and the state of an unfinished analysis. Asked a few thousand articles at a
    time: a statement takes at most 65,535 values on PostgreSQL, fewer than a large library's whole list."""
    colors: dict[int, tuple[str, ...]] = {}
    versions: dict[int, int] = {}
    unfinished: dict[int, str] = {}
    for i in range(0, len(ids), ID_CHUNK):
        chunk = ids[i : i + ID_CHUNK]
        colors.update(colors_by_article(s, chunk))
        versions.update(revision_counts(s, chunk))
        unfinished.update(unfinished_analyses(s, chunk))
    return colors, swatches_of(s, colors), versions, unfinished


def set_read(lib: Sessions, article_id: int, read: bool = True) -> None:
    with lib.writing() as s:
        row = s.get(ReadingStateRow, article_id)
        if row is None:
            if s.get(ArticleRow, article_id) is None:
                raise KeyError(f"no article with id {article_id}")
            s.add(ReadingStateRow(article_id=article_id, read=read, position=0, updated=utcnow()))
        else:
            row.read, row.updated = read, utcnow()


def set_position(lib: Sessions, article_id: int, position: int) -> None:
    """Remember where the reader is in the article (the code-point offset of the first visible character). Whether
    it counts as read is :func:`set_read`'s business: an article the reader marked unread stays unread."""
    with lib.writing() as s:
        row = s.get(ReadingStateRow, article_id)
        if row is None:
            if s.get(ArticleRow, article_id) is None:
                raise KeyError(f"no article with id {article_id}")
            s.add(ReadingStateRow(article_id=article_id, read=False, position=max(0, position), updated=utcnow()))
        else:
            row.position, row.updated = max(0, position), utcnow()


def reading_state(lib: Sessions, article_id: int) -> tuple[bool, int]:
    """(read, scroll position) of the article; (False, 0) when never opened."""
    with lib.reading() as s:
        row = s.get(ReadingStateRow, article_id)
        return (bool(row.read), int(row.position)) if row is not None else (False, 0)


def reading_states(lib: Sessions) -> dict[int, tuple[bool, int]]:
    """``{article id: (read, position)}`` for every article the reader has opened or marked (one query)."""
    with lib.reading() as s:
        rows = s.execute(select(ReadingStateRow.article_id, ReadingStateRow.read, ReadingStateRow.position)).all()
    return {int(article_id): (bool(read), int(position or 0)) for article_id, read, position in rows}


def unfinished_analyses(s: Session, ids: list[int]) -> dict[int, str]:
    """``{article id: "failed" | "partial"}`` for the articles whose stored analysis of their text is not complete."""
    if not ids:
        return {}
    status = AnalysisRow.data["status"].as_string()
    rows = s.execute(
        select(AnalysisRow.article_id, status)
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .where(AnalysisRow.article_id.in_(ids), AnalysisRow.text_hash == ArticleRow.text_hash, status.is_not(None))
    ).all()
    return {article_id: str(value) for article_id, value in rows if value}


def colors_by_article(s: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The colours of each article's highlights, the most used first (the dots of its row in the list)."""
    if not ids:
        return {}
    rows = s.execute(
        select(HighlightRow.article_id, HighlightRow.color, func.count())
        .where(HighlightRow.article_id.in_(ids))
        .group_by(HighlightRow.article_id, HighlightRow.color)
        .order_by(func.count().desc())
    ).all()
    out: dict[int, list[str]] = {}
    for article_id, color, _n in rows:
        out.setdefault(article_id, []).append(color)
    return {k: tuple(v) for k, v in out.items()}


def swatches_of(s: Session, colors: dict[int, tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
    """The swatch the library's legend gives each colour key of ``colors`` now (as the reader set it)."""
    if not colors:
        return {}
    legend = {key: swatch for key, swatch in s.execute(select(ColorRow.key, ColorRow.swatch)).all()}
    return {article_id: tuple(legend.get(k, "") for k in keys) for article_id, keys in colors.items()}
