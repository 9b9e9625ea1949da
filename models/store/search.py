"""One search over article titles and text, highlight quotes and notes.

SQLite uses the FTS5 tables kept by triggers; PostgreSQL the articles' stored ``search_vector`` (title weighted
above the text, migration 0008_search) and a ``tsvector`` expression of highlights, each with a GIN index. The
reader types words, not a query language: every word must match (the last one as a prefix, so results come while
typing), and nothing the reader types can break the query.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.store.engine import planner_without
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
    """Strip the match markers from a snippet, returning the plain snippet (white space runs and line breaks as
    single spaces, as a list row shows it) and the marked spans in it."""
    plain, marks = _unmark(snippet)
    return squeeze(plain, marks)


def squeeze(plain: str, marks: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``plain`` with white space runs folded to one space and the ends trimmed; the marks follow their words."""
    out: list[str] = []
    where: list[int] = []  # new offset of each old offset
    for ch in plain:
        where.append(len(out))
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    where.append(len(out))
    text = "".join(out)
    trimmed = text.rstrip(" ")
    return trimmed, tuple((where[a], min(where[b], len(trimmed))) for a, b in marks)


def _unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
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
    tagged = _tag_hits(s, query, limit)
    if s.get_bind().dialect.name == "sqlite":
        found = _sqlite(s, query, limit)
    else:
        found = [replace(h, snippet=(sq := squeeze(h.snippet, h.marks))[0], marks=sq[1])
                 for h in _postgres(s, query, limit)]
    if not tagged:
        return found
    seen = {h.highlight_id for h in tagged}
    rest = [h for h in found if h.highlight_id is None or h.highlight_id not in seen]
    return (tagged + rest)[:limit]


def _tag_hits(s: Session, query: str, limit: int) -> list[SearchHit]:
    """Highlights carrying a tag the query names ("treaty", "#treaty", "kuril is" for "Kuril islands"): whole
    words, the last one as a prefix, ignoring case. A query written as a ``#tag`` looks only at tags' words."""
    wanted = [w.casefold() for w in words(query)]
    rows = s.execute(
        text(
            'SELECT h.id, h.article_id, a.title, h.start, h."end", h.exact, t.name FROM tags t '
            "JOIN highlight_tags ht ON ht.tag_id = t.id JOIN highlights h ON h.id = ht.highlight_id "
            "JOIN articles a ON a.id = h.article_id ORDER BY h.created, h.id"
        )
    ).all()
    hits: list[SearchHit] = []
    done: set[str] = set()
    for hid, article_id, title, start, end, exact, name in rows:
        tag_words = [w.casefold() for w in words(name)]
        if hid in done or not _words_match(tag_words, wanted):
            continue
        done.add(hid)
        label = f"#{name}"
        snip = f"{label} · {' '.join(exact.split())}"
        hits.append(SearchHit("tag", article_id, title, snip, ((0, len(label)),), start, end, hid))
        if len(hits) >= limit:
            break
    return hits


def _words_match(tag_words: list[str], wanted: list[str]) -> bool:
    """The query's words appear in order at the start of the tag's words (the last one as a prefix)."""
    if not wanted or len(wanted) > len(tag_words):
        return False
    for i, w in enumerate(wanted):
        if i == len(wanted) - 1:
            if not tag_words[i].startswith(w):
                return False
        elif tag_words[i] != w:
            return False
    return True


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
    """The same hits as FTS5 gives: ranked (a title word weighs more), snippets cut and marked like ``snippet()``."""
    tsq = " & ".join(w + (":*" if i == len(words(query)) - 1 else "") for i, w in enumerate(words(query)))
    hits: list[SearchHit] = []
    # A common word matches a tenth of a big library or more, and the planner then scans the whole table, testing
    # every article's vector: each is stored out of line (TOAST), so that reads the library once (0.76 s on 100,000
    # articles, where the GIN index finds the 13,000 matches in 20 ms and ranking them takes 0.3 s). The planner's
    # costs do not count that read: the scan is turned off for this statement (SET LOCAL ends with the transaction).
    with planner_without(s, "seqscan"):
        rows = s.execute(
            text(
                "SELECT id, title, text FROM articles WHERE search_vector @@ to_tsquery('simple', :q) "
                "ORDER BY ts_rank(search_vector, to_tsquery('simple', :q), 1) DESC, id LIMIT :n"
            ),
            {"q": tsq, "n": limit},
        ).all()
    for article_id, title, body in rows:
        plain, marks = snippet(body, query)
        span = first_match(body, query)
        hits.append(
            SearchHit("article", article_id, title, plain, marks, span[0] if span else None, span[1] if span else None)
        )
    rows = s.execute(
        text(
            'SELECT h.id, h.article_id, a.title, h.start, h."end", h.exact, h.note FROM highlights h '
            "JOIN articles a ON a.id = h.article_id "
            "WHERE to_tsvector('simple', h.exact || ' ' || h.note) @@ to_tsquery('simple', :q) "
            "ORDER BY ts_rank(to_tsvector('simple', h.exact || ' ' || h.note), to_tsquery('simple', :q), 1) DESC, "
            "h.created, h.id LIMIT :n"
        ),
        {"q": tsq, "n": limit},
    ).all()
    for hid, article_id, title, start, end, exact, note in rows:
        quote_plain, quote_marks = snippet(exact, query)
        note_plain, note_marks = snippet(note or "", query)
        in_note = bool(note_marks) and not quote_marks
        plain, marks = (note_plain, note_marks) if in_note else (quote_plain, quote_marks)
        hits.append(SearchHit("note" if in_note else "highlight", article_id, title, plain, marks, start, end, hid))
    return _interleave(hits, limit) if len(hits) > limit else hits


# -- snippets without FTS5 --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)  # what FTS5's unicode61 tokenizer calls a token
SNIPPET_TOKENS = 14
_ELLIPSIS = "…"


def _fold(word: str) -> str:
    """Case and diacritics removed, as the unicode61 tokenizer with ``remove_diacritics 2`` compares words."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def snippet(body: str, query: str, size: int = SNIPPET_TOKENS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``size`` words of ``body`` holding the most query words, with every matched word's span in it:
    what FTS5's ``snippet()`` returns, for databases without it. The window starts at the text's start or at a
    sentence start when that loses no match, and is marked with '…' where it cuts the text.

    Only the words that can match are folded and scored, and sentence starts are looked for only near a match, so
    that a long article costs one pass over its words."""
    terms = [_fold(t) for w in words(query) for t in _TOKEN.findall(w)]
    if not terms:
        return body, ()
    last = len(terms) - 1
    whole, prefix = set(terms), terms[last]

    def matched(word: str) -> set[int]:
        return {i for i, t in enumerate(terms) if word == t or (i == last and word.startswith(t))}

    tokens: list[tuple[int, int]] = []
    hits: list[tuple[int, set[int]]] = []
    for pos, m in enumerate(_TOKEN.finditer(body)):
        tokens.append(m.span())
        raw = m.group()
        word = raw.lower() if raw.isascii() else _fold(raw)  # an ASCII word folds to its lower case
        if word in whole or word.startswith(prefix):  # else no term can match it
            hits.append((pos, matched(word)))
    if not tokens:
        return body, ()
    places = [pos for pos, _found in hits]

    def sentence_start(pos: int) -> bool:
        if pos == 0:
            return True
        gap = body[tokens[pos - 1][1] : tokens[pos][0]]
        return gap.strip() in (".", ":") or gap.rstrip().endswith((".", ":", "?", "!"))

    def score(first: int) -> int:
        seen: set[int] = set()
        total = 0
        for _pos, found in hits[bisect_left(places, first) : bisect_left(places, first + size)]:
            total += sum(1 if t in seen else 1000 for t in found)
            seen |= found
        return total

    best_start, best_score = 0, -1
    for pos in places:
        inside = places[bisect_left(places, pos) : bisect_left(places, pos + size)]
        start = inside[0] - (size - (inside[-1] + 1 - inside[0])) // 2
        start = max(0, min(start, len(tokens) - size))
        candidates = [(score(start), start)]
        at = next((p for p in range(pos, max(-1, pos - size), -1) if sentence_start(p)), None)
        if at is not None:  # the nearest sentence start at most size - 1 words before the match
            candidates.append((score(at) + (120 if at == 0 else 100), at))
        for value, at_ in candidates:
            if value > best_score:
                best_score, best_start = value, at_
    best_start = max(0, min(best_start, len(tokens) - size))  # a window running past the end slides back
    end_token = min(len(tokens), best_start + size) - 1
    lo = 0 if best_start == 0 else tokens[best_start][0]
    hi = len(body) if end_token == len(tokens) - 1 else tokens[end_token][1]
    lead = _ELLIPSIS if lo > 0 else ""
    tail = _ELLIPSIS if hi < len(body) else ""
    marks = tuple(
        (len(lead) + tokens[pos][0] - lo, len(lead) + tokens[pos][1] - lo)
        for pos, _found in hits if best_start <= pos <= end_token
    )
    return lead + body[lo:hi] + tail, marks
