"""The library-wide entity features as queries on the index tables (see models.store.library_index): the entity
index, a dossier and the "in N articles" counts. Corrections are already applied in those rows, so the answers are
those of replaying every rule on every cached analysis (``EntityStore.*_by_scan``), without reading one analysis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import BigInteger, bindparam, cast, func, select, tuple_
from sqlalchemy.orm import Session

from models.analysis.corrections import key_of
from models.store.entity_records import Dossier, DossierArticle, DossierHighlight, DossierMention, IndexEntry
from models.store.schema import ArticleRow, EntityArticleRow, EntityMentionRow, EntitySpellingRow, HighlightRow

ORDER_SCALE = 1_000_000  # (article id, entity seq) as one number: entities per article stay far below


def library_index(s: Session, type_: str | None = None, limit: int | None = None) -> list[IndexEntry]:
    """One entry per canonical name and type, most widespread first; the name is the most frequent spelling
    (the first met, by article and place in the article, among equally frequent ones)."""
    e = EntitySpellingRow
    stmt = select(e.name_key, e.type, e.name, e.articles, e.mentions, e.first_order)
    if type_ is not None:
        stmt = stmt.where(e.type == type_)
    if limit is not None:  # the totals are ranked in SQL: only the spellings of the first keys (and ties) are read
        top = _top_keys(s, type_, limit)
        if not top:
            return []
        stmt = stmt.where(tuple_(e.name_key, e.type).in_(top)) if len(top) <= 500 else stmt
    totals: dict[tuple[str, str], list[int]] = {}
    spellings: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for key, type_of, name, n, mentions, at in s.execute(stmt):
        k = (key, type_of)
        total = totals.setdefault(k, [0, 0])
        total[0] += int(n)
        total[1] += int(mentions or 0)
        spellings.setdefault(k, []).append((-int(n), int(at), name))
    spelling = {k: min(v) for k, v in spellings.items()}
    tied = [k for k, v in spellings.items() if sum(1 for x in v if x[0] == spelling[k][0]) > 1]
    if tied:  # the first spelling met decides: the kept minimum may be that of a row deleted since, ask the rows
        spelling.update(_first_spellings(s, tied))
    out = [IndexEntry(spelling[k][2], k[1], n, m) for k, (n, m) in totals.items()]
    out.sort(key=lambda x: (-x.article_count, -x.mention_count, x.name.casefold()))
    return out[:limit] if limit is not None else out


def _top_keys(s: Session, type_: str | None, limit: int) -> list[tuple[str, str]]:
    """The (key, type) pairs of the ``limit`` most widespread entities, with every pair tied with the last one (the
    name, known only from the spellings, breaks those ties)."""
    e = EntitySpellingRow
    n, m = func.sum(e.articles), func.sum(e.mentions)
    totals = select(e.name_key, e.type, n.label("n"), m.label("m")).group_by(e.name_key, e.type)
    if type_ is not None:
        totals = totals.where(e.type == type_)
    ranked = s.execute(totals.order_by(n.desc(), m.desc()).limit(limit)).all()
    if len(ranked) < limit:
        return [(k, t) for k, t, _n, _m in ranked]
    last_n, last_m = int(ranked[-1][2]), int(ranked[-1][3] or 0)
    tied = s.execute(totals.having((n == last_n) & (func.coalesce(m, 0) == last_m))).all()
    return list(dict.fromkeys([(k, t) for k, t, _n, _m in ranked] + [(k, t) for k, t, _n, _m in tied]))


def _first_spellings(s: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int, str]]:
    """The most frequent spelling of each key, the first met among equals, from the rows themselves (one seek on
    the covering index per key: a row-value IN list would scan the whole table)."""
    e = EntityArticleRow
    out: dict[tuple[str, str], tuple[int, int, str]] = {}
    stmt = (
        select(e.name, func.count(), func.min(cast(e.article_id, BigInteger) * ORDER_SCALE + e.seq))
        .where(e.name_key == bindparam("key"), e.type == bindparam("type"))
        .group_by(e.name)
    )
    for key, type_ in keys:
        for name, n, at in s.execute(stmt, {"key": key, "type": type_}):
            rank = (-int(n), int(at), name)
            if (key, type_) not in out or rank < out[(key, type_)]:
                out[(key, type_)] = rank
    return out


def article_counts(s: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """For each (name, type) asked, the articles whose corrected entities include it (the index's count)."""
    wanted: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name, type_ in keys:
        wanted.setdefault(key_of(name, type_), []).append((name, type_))
    out = {asked: 0 for asked_list in wanted.values() for asked in asked_list}
    pairs = list(wanted)
    for i in range(0, len(pairs), 500):
        chunk = pairs[i : i + 500]
        stmt = (
            select(EntitySpellingRow.name_key, EntitySpellingRow.type, func.sum(EntitySpellingRow.articles))
            .where(tuple_(EntitySpellingRow.name_key, EntitySpellingRow.type).in_(chunk))
            .group_by(EntitySpellingRow.name_key, EntitySpellingRow.type)
        )
        for key, type_, n in s.execute(stmt):
            for asked in wanted.get((key, type_), ()):
                out[asked] = int(n)
    return out


def dossier(s: Session, name: str, type_: str) -> Dossier:
    """Every article whose corrected entities include (name, type), its mentions with their sentence, and the
    reader's highlights overlapping one of them; newest first."""
    key, kind = key_of(name, type_)
    holders = select(EntityArticleRow.article_id).where(
        EntityArticleRow.name_key == key, EntityArticleRow.type == kind
    )
    core = s.connection()  # plain rows: thousands of articles, no ORM loading per row
    articles = core.execute(
        select(ArticleRow.id, ArticleRow.title, ArticleRow.meta["publisher"].as_string(), ArticleRow.published)
        .where(ArticleRow.id.in_(holders.scalar_subquery()))
        .order_by(ArticleRow.id)
    ).all()
    if not articles:
        return Dossier(name, type_, (), ())
    m = EntityMentionRow
    mentions: dict[int, list[DossierMention]] = {}
    for row in core.execute(  # the snippets are stored with the mentions: no article text is read
        select(m.article_id, m.start, m.end, m.text, m.snippet, m.snippet_start, m.verified, m.clipped_start,
               m.clipped_end)
        .where(m.name_key == key, m.type == kind)
        .order_by(m.article_id, m.start, m.entity_seq, m.end)
    ).all():
        mentions.setdefault(row[0], []).append(
            DossierMention(row[1], row[2], row[3], row[4], row[5], bool(row[6]), bool(row[7]), bool(row[8]))
        )
    highlights: dict[int, list[DossierHighlight]] = {}
    for h in s.scalars(
        select(HighlightRow)
        .where(HighlightRow.article_id.in_(holders.scalar_subquery()), HighlightRow.status != "orphan")
        .order_by(HighlightRow.article_id, HighlightRow.start, HighlightRow.end, HighlightRow.id)
    ):
        highlights.setdefault(h.article_id, []).append(
            DossierHighlight(str(h.id), int(h.start), int(h.end), str(h.exact), str(h.note), str(h.color))
        )
    found = []
    for article_id, title, publisher, published in articles:
        ms = tuple(mentions.get(article_id, ()))
        marked = highlights.get(article_id)
        hs = tuple(h for h in marked if any(h.start < x.end and x.start < h.end for x in ms)) if marked else ()
        found.append(DossierArticle(article_id, title, str(publisher or ""), published, ms, hs))
    surfaces = Counter(x.text for a in found for x in a.mentions)  # counted in article order, as the scan does
    found.sort(key=lambda a: (a.published or "", a.article_id), reverse=True)
    return Dossier(name, type_, tuple(found), tuple(x for x, _ in surfaces.most_common()))


def types_of(s: Session, name: str) -> list[str]:
    """The types an entity of this name has in the library, the most widespread first."""
    key = key_of(name, "")[0]
    rows = s.execute(
        select(EntityArticleRow.type, func.count().label("n"))
        .where(EntityArticleRow.name_key == key)
        .group_by(EntityArticleRow.type)
        .order_by(func.count().desc(), EntityArticleRow.type)
    ).all()
    return [t for t, _n in rows]
