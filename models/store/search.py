"""One search over article titles and text, highlight quotes and notes.

SQLite uses the FTS5 tables kept by triggers; PostgreSQL uses ``tsvector`` expressions with GIN indexes. The
reader types words, not a query language: every word must match (the last one as a prefix, so results come while
typing), and nothing the reader types can break the query.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.store.records import SearchHit

_WORD = re.compile(r"\w+", re.UNICODE)
_OPEN, _CLOSE = "\x02", "\x03"


def words(query: str) -> list[str]:
    return _WORD.findall(query)


def fts5_query(query: str) -> str:
    """A safe FTS5 MATCH expression: each word quoted, the last one a prefix."""
    ws = words(query)
    if not ws:
        return ""
    quoted = [f'"{w}"' for w in ws]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip the match markers from a snippet, returning the plain snippet and the marked spans in it."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    start = 0
    for ch in snippet:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            marks.append((start, pos))
        else:
            out.append(ch)
            pos += 1
    return "".join(out), tuple(marks)


def first_match(haystack: str, query: str) -> tuple[int, int] | None:
    ws = words(query)
    if not ws:
        return None
    m = re.search(r"\b" + re.escape(ws[0]), haystack, re.IGNORECASE)
    if m is None:
        return None
    end = m.end()
    while end < len(haystack) and (haystack[end].isalnum() or haystack[end] == "_"):
        end += 1
    return m.start(), end


def search(s: Session, query: str, limit: int = 50) -> list[SearchHit]:
    if not words(query):
        return []
    if s.get_bind().dialect.name == "sqlite":
        return _sqlite(s, query, limit)
    return _postgres(s, query, limit)


def _article_hit(row: Any, query: str) -> SearchHit:
    """An article row ``(id, title, text, marked snippet)`` as a hit, with the first matched word's offsets."""
    article_id, title, body, snip = row
    plain, marks = unmark(snip)
    span = first_match(body, query)
    return SearchHit("article", article_id, title, plain, marks, span[0] if span else None, span[1] if span else None)


def _sqlite(s: Session, query: str, limit: int) -> list[SearchHit]:
    match = fts5_query(query)
    hits: list[SearchHit] = []
    rows = s.execute(
        text(
            "SELECT a.id, a.title, a.text, snippet(articles_fts, 1, :o, :c, '…', 14) AS snip "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT :n"
        ),
        {"q": match, "o": _OPEN, "c": _CLOSE, "n": limit},
    ).all()
    hits.extend(_article_hit(row, query) for row in rows)
    rows = s.execute(
        text(
            'SELECT h.id, h.article_id, a.title, h.start, h."end", '
            "snippet(highlights_fts, 1, :o, :c, '…', 14), snippet(highlights_fts, 2, :o, :c, '…', 14) "
            "FROM highlights_fts JOIN highlights h ON h.id = highlights_fts.highlight_id "
            "JOIN articles a ON a.id = h.article_id "
            "WHERE highlights_fts MATCH :q ORDER BY bm25(highlights_fts) LIMIT :n"
        ),
        {"q": match, "o": _OPEN, "c": _CLOSE, "n": limit},
    ).all()
    for hid, article_id, title, start, end, quote_snip, note_snip in rows:
        in_note = _OPEN in (note_snip or "") and _OPEN not in (quote_snip or "")
        plain, marks = unmark(note_snip if in_note else quote_snip)
        hits.append(SearchHit("note" if in_note else "highlight", article_id, title, plain, marks, start, end, hid))
    return hits[:limit] if len(hits) <= limit else _interleave(hits, limit)


def _interleave(hits: list[SearchHit], limit: int) -> list[SearchHit]:
    """Keep both kinds visible when there are more hits than room."""
    articles = [h for h in hits if h.kind == "article"]
    others = [h for h in hits if h.kind != "article"]
    half = max(limit // 2, limit - len(others))
    return articles[:half] + others[: limit - min(half, len(articles))]


def _postgres(s: Session, query: str, limit: int) -> list[SearchHit]:
    tsq = " & ".join(w + (":*" if i == len(words(query)) - 1 else "") for i, w in enumerate(words(query)))
    hits: list[SearchHit] = []
    rows = s.execute(
        text(
            "SELECT id, title, text, ts_headline('simple', text, to_tsquery('simple', :q), "
            "'StartSel=' || :o || ', StopSel=' || :c || ', MaxFragments=1, MaxWords=20, MinWords=8') "
            "FROM articles WHERE to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ to_tsquery('simple', :q) "
            "LIMIT :n"
        ),
        {"q": tsq, "o": _OPEN, "c": _CLOSE, "n": limit},
    ).all()
    hits.extend(_article_hit(row, query) for row in rows)
    rows = s.execute(
        text(
            'SELECT h.id, h.article_id, a.title, h.start, h."end", h.exact, h.note FROM highlights h '
            "JOIN articles a ON a.id = h.article_id "
            "WHERE to_tsvector('simple', h.exact || ' ' || h.note) @@ to_tsquery('simple', :q) LIMIT :n"
        ),
        {"q": tsq, "n": limit},
    ).all()
    for hid, article_id, title, start, end, exact, note in rows:
        in_note = first_match(exact, query) is None
        body = note if in_note else exact
        span = first_match(body, query)
        marks = (span,) if span else ()
        hits.append(SearchHit("note" if in_note else "highlight", article_id, title, body, marks, start, end, hid))
    return _interleave(hits, limit) if len(hits) > limit else hits
