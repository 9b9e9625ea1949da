"""The library-wide entity features as queries on the index tables (see models.store.library_index): the entity
index, a dossier and the "in N articles" counts. Corrections are already applied in those rows, so the answers are
those of replaying every rule on every cached analysis (``EntityStore.*_by_scan``), without reading one analysis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, bindparam, cast, func, select, text, tuple_
from sqlalchemy.orm import Session

from models.analysis.corrections import key_of
from models.analysis.library_people import person_groups, surname_owners
from models.store.entity_records import Dossier, DossierArticle, DossierHighlight, DossierMention, IndexEntry
from models.store.schema import ArticleRow, EntityArticleRow, EntityMentionRow, EntitySpellingRow, HighlightRow

# The mentions and articles PostgreSQL's covering indexes of a dossier hold, and the others (migration
# 0010_pgdossier states the same conditions: a partial index serves only a query that states its condition).
SHORT_MENTION = "octet_length(name_key) + octet_length(text) + octet_length(snippet) <= 2000"
LONG_MENTION = "octet_length(name_key) + octet_length(text) + octet_length(snippet) > 2000"
SHORT_ARTICLE = ("octet_length(title) + octet_length(CAST(metadata AS text)) + coalesce(octet_length(published), 0) "
                 "<= 2000")
LONG_ARTICLE = ("octet_length(title) + octet_length(CAST(metadata AS text)) + coalesce(octet_length(published), 0) "
                "> 2000")
_MENTION_ORDER = itemgetter(0, 1, 2, 3)  # article, start, entity seq, end

ORDER_SCALE = 1_000_000  # (article id, entity seq) as one number: entities per article stay far below


def library_index(s: Session, type_: str | None = None, limit: int | None = None) -> list[IndexEntry]:
    """One entry per canonical name and type, most widespread first; the name is the most frequent spelling
    (the first met, by article and place in the article, among equally frequent ones). A surname written alone
    is counted in its full name's entry (models.analysis.library_people): the library is then ranked whole."""
    owners = person_owners(s) if type_ in (None, "PERSON") else {}
    if owners:
        whole = join_people(_index(s, type_, None), owners, group_articles(s, owners))
        return whole[:limit] if limit is not None else whole
    return _index(s, type_, limit)


def _index(s: Session, type_: str | None, limit: int | None) -> list[IndexEntry]:
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
    out.sort(key=index_order)
    return out[:limit] if limit is not None else out


def index_order(entry: IndexEntry) -> tuple[int, int, str]:
    """Most widespread first, then most mentioned, then by name."""
    return -entry.article_count, -entry.mention_count, entry.name.casefold()


def person_owners(s: Session) -> dict[str, str]:
    """The library's lone surnames that name one full name's person ({"trump": "donald trump"}), from the totals
    of the people's spellings: one aggregate."""
    e = EntitySpellingRow
    rows = s.execute(
        select(e.name_key, func.sum(e.articles)).where(e.type == "PERSON").group_by(e.name_key)
        .having(func.sum(e.articles) > 0)
    )
    return surname_owners((str(key), int(n)) for key, n in rows)


def person_keys(s: Session, name: str, type_: str, owners: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The keys an entity is filed under across the library: its own, and for a person the full name's and the
    lone surname's that are one person (sorted). ``owners``: :func:`person_owners`, when already read."""
    key, kind = key_of(name, type_)
    if kind != "PERSON":
        return (key,)
    return tuple(sorted(person_groups(person_owners(s) if owners is None else owners).get(key, {key})))


def group_articles(s: Session, owners: Mapping[str, str]) -> dict[str, int]:
    """For each full name owning a surname, the articles naming either (an article may name both, apart)."""
    members: dict[str, set[str]] = {}
    for surname, owner in owners.items():
        members.setdefault(owner, {owner}).add(surname)
    keys = sorted({k for g in members.values() for k in g})
    seen: dict[str, set[int]] = {}
    a = EntityArticleRow
    for i in range(0, len(keys), 500):
        stmt = select(a.name_key, a.article_id).where(a.name_key.in_(keys[i : i + 500]), a.type == "PERSON")
        for key, article_id in s.execute(stmt):
            seen.setdefault(key, set()).add(int(article_id))
    return {owner: len(set().union(*(seen.get(k, set()) for k in g))) for owner, g in members.items()}


def join_people(entries: Sequence[IndexEntry], owners: Mapping[str, str], articles: Mapping[str, int]
                ) -> list[IndexEntry]:
    """The index with each lone surname counted in its full name's entry: the full name's spelling, the
    ``articles`` naming either (by the full name's key), the mentions of both; in index order."""
    by_key = {key_of(e.name, e.type)[0]: e for e in entries if e.type == "PERSON"}
    extra: Counter[str] = Counter()
    for surname, owner in owners.items():
        if surname in by_key and owner in by_key:
            extra[owner] += by_key[surname].mention_count
    out = []
    for e in entries:
        key = key_of(e.name, e.type)[0]
        if e.type == "PERSON" and key in owners and owners[key] in by_key:
            continue  # counted in its full name's entry
        if e.type == "PERSON" and key in extra:
            e = IndexEntry(e.name, e.type, articles[key], e.mention_count + extra[key])
        out.append(e)
    out.sort(key=index_order)
    return out


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


def article_counts(s: Session, keys: Iterable[tuple[str, str]], owners: Mapping[str, str] | None = None
                   ) -> dict[tuple[str, str], int]:
    """For each (name, type) asked, the articles whose corrected entities include it (the index's count)."""
    wanted: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name, type_ in keys:
        wanted.setdefault(key_of(name, type_), []).append((name, type_))
    out = {asked: 0 for asked_list in wanted.values() for asked in asked_list}
    if owners is None:
        owners = person_owners(s) if any(kind == "PERSON" for _key, kind in wanted) else {}
    if owners:  # a person named by surname alone in some articles: counted as their index entry counts them
        groups = person_groups(owners)
        joined = [(key, kind) for key, kind in wanted if kind == "PERSON" and key in groups]
        if joined:
            articles = group_articles(s, owners)
            for key, kind in joined:
                n = articles[owners.get(key, key)]
                for asked in wanted.pop((key, kind)):
                    out[asked] = n
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


def library_names(s: Session, keys: Iterable[tuple[str, str]], owners: Mapping[str, str] | None = None
                  ) -> dict[tuple[str, str], str]:
    """For each (name, type) asked that the library files under another name — a surname written alone, under
    the full name that is the library's person of that name — that name (its most frequent spelling).
    ``owners``: :func:`person_owners`, when already read."""
    asked = [(name, kind) for name, kind in keys if kind == "PERSON" and len(key_of(name, kind)[0].split()) == 1]
    if owners is None:
        owners = person_owners(s) if asked else {}
    filed = {(name, kind): owners[key_of(name, kind)[0]] for name, kind in asked if key_of(name, kind)[0] in owners}
    if not filed:
        return {}
    spellings = _first_spellings(s, sorted({(owner, "PERSON") for owner in filed.values()}))
    return {pair: spellings[(owner, "PERSON")][2] for pair, owner in filed.items() if (owner, "PERSON") in spellings}


# A dossier as plain rows (what the command line encodes without making an object per mention):
# an article: (id, title, publisher ("" when none), published); newest first
DossierArticleRow = tuple[int, str, str, str | None]
# a mention: (start, end, text, snippet, snippet_start, verified, clipped_start, clipped_end); in text order
DossierMentionRow = tuple[int, int, str, str, int, bool, bool, bool]
# a highlight: (id, start, end, exact, note, color); those overlapping one of the article's mentions, in text order
DossierHighlightRow = tuple[str, int, int, str, str, str]


class DossierRows(NamedTuple):
    articles: list[DossierArticleRow]  # newest first (publication day, then id)
    mentions: dict[int, list[DossierMentionRow]]  # by article id, in article id order
    highlights: dict[int, list[DossierHighlightRow]]  # by article id; an article without any is left out


def dossier_rows(s: Session, name: str, type_: str, keys: Sequence[str] | None = None) -> DossierRows:
    """Every article whose corrected entities include (name, type), its mentions with their sentence, and the
    reader's highlights overlapping one of them, as plain rows: three queries on indexes, no article text read,
    no ORM object made. A person's dossier holds the articles naming them by surname alone too (``keys``, by
    default :func:`person_keys`)."""
    keys = keys or person_keys(s, name, type_)
    kind = key_of(name, type_)[1]
    holders = select(EntityArticleRow.article_id).where(
        EntityArticleRow.name_key.in_(keys), EntityArticleRow.type == kind
    ).scalar_subquery()
    core = s.connection()
    articles: list[DossierArticleRow] = []
    for part in article_queries(core.dialect.name, name, type_, keys):
        articles.extend(
            (article_id, title, str(publisher or ""), published)
            for article_id, title, publisher, published in core.execute(part).all()  # at once, not row by row
        )
    if not articles:
        return DossierRows([], {}, {})
    found: list[Any] = []
    for part in mention_queries(core.dialect.name, name, type_, keys):
        found.extend(core.execute(part).all())
    found.sort(key=_MENTION_ORDER)  # already in order but for PostgreSQL's long rows: one pass
    mentions: dict[int, list[DossierMentionRow]] = {}
    for article_id, start, _seq, end, words, snippet, snippet_start, verified, clipped_start, clipped_end in found:
        row = (start, end, words, snippet, snippet_start, bool(verified), bool(clipped_start), bool(clipped_end))
        if (held := mentions.get(article_id)) is None:
            mentions[article_id] = [row]
        else:
            held.append(row)
    h = HighlightRow
    highlights: dict[int, list[DossierHighlightRow]] = {}
    for article_id, hid, start, end, exact, note, color in core.execute(
        select(h.article_id, h.id, h.start, h.end, h.exact, h.note, h.color)
        .where(h.article_id.in_(holders), h.status != "orphan")
        .order_by(h.article_id, h.start, h.end, h.id)
    ).all():
        ms = mentions.get(article_id, ())
        if any(start < x[1] and x[0] < end for x in ms):
            highlights.setdefault(article_id, []).append(
                (str(hid), int(start), int(end), str(exact), str(note), str(color))
            )
    articles.sort(key=_newest_first, reverse=True)
    return DossierRows(articles, mentions, highlights)


def article_queries(dialect: str, name: str, type_: str, keys: Sequence[str] | None = None) -> list[Any]:
    """The statements reading the articles of a dossier (id, title, publisher, publication day) from the covering
    index of migration 0010_pgdossier, not from the table: on PostgreSQL, the rows short enough for it, then the
    others through the small index of their ids; on SQLite, named (its planner takes the table without statistics).
    ``keys``: the keys the entity is filed under (default: its own)."""
    key, kind = key_of(name, type_)
    wanted_keys = list(keys) if keys else [key]
    if dialect == "sqlite":
        return [text(
            "SELECT id, title, CAST(JSON_EXTRACT(metadata, '$.\"publisher\"') AS VARCHAR), published "
            "FROM articles INDEXED BY ix_articles_dossier "
            "WHERE id IN (SELECT article_id FROM entity_articles WHERE name_key IN :keys AND type = :kind)"
        ).bindparams(bindparam("keys", wanted_keys, expanding=True), kind=kind)]
    holders = select(EntityArticleRow.article_id).where(
        EntityArticleRow.name_key.in_(wanted_keys), EntityArticleRow.type == kind
    ).scalar_subquery()
    a = ArticleRow
    wanted = select(a.id, a.title, a.meta["publisher"].as_string(), a.published).where(a.id.in_(holders))
    if dialect == "postgresql":
        return [wanted.where(text(SHORT_ARTICLE)), wanted.where(text(LONG_ARTICLE))]
    return [wanted]


def mention_queries(dialect: str, name: str, type_: str, keys: Sequence[str] | None = None) -> list[Any]:
    """The statements reading the mentions of (name, type) for a dossier, from the covering index of migration
    0010_pgdossier (no table page read): on PostgreSQL, the rows short enough for it, then the others through the
    small index of their keys. ``keys``: the keys the entity is filed under (default: its own)."""
    key, kind = key_of(name, type_)
    wanted_keys = list(keys) if keys else [key]
    m = EntityMentionRow
    chosen = m.name_key == wanted_keys[0] if len(wanted_keys) == 1 else m.name_key.in_(wanted_keys)
    wanted = select(m.article_id, m.start, m.entity_seq, m.end, m.text, m.snippet, m.snippet_start,
                    m.verified, m.clipped_start, m.clipped_end).where(chosen, m.type == kind)
    if dialect == "postgresql":
        return [wanted.where(text(SHORT_MENTION)), wanted.where(text(LONG_MENTION))]
    return [wanted]


def _newest_first(row: DossierArticleRow) -> tuple[str, int]:
    return row[3] or "", row[0]  # reversed: publication day descending, then id descending


def dossier(s: Session, name: str, type_: str) -> Dossier:
    """Every article whose corrected entities include (name, type), its mentions with their sentence, and the
    reader's highlights overlapping one of them; newest first. Asked by a surname that is the library's full
    name's, the dossier is that full name's, named by its most frequent spelling."""
    key = key_of(name, type_)[0]
    owners = person_owners(s) if type_ == "PERSON" else {}
    keys = person_keys(s, name, type_, owners)
    if key in owners:
        first = _first_spellings(s, [(owners[key], type_)]).get((owners[key], type_))
        name = first[2] if first else name
    rows = dossier_rows(s, name, type_, keys)
    found = [
        DossierArticle(
            article_id, title, publisher, published,
            tuple(DossierMention(*x) for x in rows.mentions.get(article_id, ())),
            tuple(DossierHighlight(*x) for x in rows.highlights.get(article_id, ())),
        )
        for article_id, title, publisher, published in rows.articles
    ]
    surfaces = Counter(  # counted in article id order, as the scan does
        x[2] for article_id in sorted(a[0] for a in rows.articles) for x in rows.mentions.get(article_id, ())
    )
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
