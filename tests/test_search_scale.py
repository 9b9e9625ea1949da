"""Search of a common word stays cheap on a big library: PostgreSQL ranks the articles' stored ``search_vector``
(migration 0008_search, with its backfill) through its GIN index instead of parsing every matching text, and the
snippet of a hit is cut in one pass over the article's words, with the same window as the plain scan."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from models.article import Article, Metadata, build_text
from models.store import Library, migrate, open_library
from models.store.search import _TOKEN, _fold, snippet, words
from tests.fixtures.statements import statements_run


def make_article(n: int, body: str, title: str = "") -> Article:
    title = title or f"Report {n}"
    t, blocks = build_text([("title", title), ("paragraph", body)])
    return Article(f"file:///report-{n}.txt", "text", t, blocks, Metadata(title=title, published="2021-03-02"))


BODIES = [
    "The government said on Monday that the budget would pass.",
    "Opposition leaders accused the government of hiding the cost; the government denied it. Government, "
    "government, government: the word comes back in every sentence of this long government story.",
    "Tokyo stocks rose on Monday as exporters gained.",
    "A governor is not a government, the court said.",
]


def shown(lib: Library, query: str) -> list[tuple[str, int, str, tuple[tuple[int, int], ...]]]:
    return [(h.kind, h.article_id, h.snippet, h.marks) for h in lib.search(query)]


def test_a_common_word_is_ranked_from_the_stored_vector_through_the_index(lib: Library) -> None:
    for n, body in enumerate(BODIES):
        lib.import_article(make_article(n, body, title="Government in crisis" if n == 2 else ""))
    if lib.engine.dialect.name != "postgresql":
        pytest.skip("the plan checked is PostgreSQL's (SQLite searches its FTS5 table)")
    with statements_run(lib.engine) as statements:
        ranked = [(h.article_id, h.title) for h in lib.search("government")]
    ran = [(statement, parameters) for statement, parameters in statements if "FROM articles" in statement]
    settings = [statement for statement, _ in statements if "enable_seqscan" in statement]
    assert ranked[0][1] == "Government in crisis" and len(ranked) == 4  # a title word weighs more
    assert len(ran) == 1
    # a common word matches a tenth of a big library: the planner would scan every article's vector (stored out of
    # line) rather than use the index, unless told not to, for that statement only
    assert settings == ["SET LOCAL enable_seqscan = off", "SET LOCAL enable_seqscan = on"]
    with lib.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW enable_seqscan").scalar() == "on"
    with lib.engine.connect() as conn:
        columns = conn.execute(text(
            "SELECT column_name, is_generated FROM information_schema.columns "
            "WHERE table_name = 'articles' AND column_name = 'search_vector'")).all()
        assert columns == [("search_vector", "ALWAYS")]
        index = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_articles_fts'")).scalar()
        assert index is not None and "gin (search_vector)" in index
        conn.exec_driver_sql("SET enable_seqscan = off")  # as the search sets it for its statement
        statement, parameters = ran[0]
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters))  # type: ignore[arg-type]
    assert "ix_articles_fts" in plan and "to_tsvector" not in plan  # no article's text is parsed at search time


def test_search_finds_the_same_hits_and_snippets_as_on_sqlite(library_url: str, tmp_path: Path) -> None:
    if "://" not in library_url:
        pytest.skip("compares a PostgreSQL library with a SQLite one")
    libs = [open_library(library_url), open_library(str(tmp_path / "same.sqlite"))]
    try:
        for lib in libs:
            for n, body in enumerate(BODIES):
                lib.import_article(make_article(n, body, title="Government in crisis" if n == 2 else ""))
        for query in ("government", "gov", "monday", "the said", "tokyo stocks", "court"):
            pg, sqlite = (shown(lib, query) for lib in libs)
            assert sorted(pg) == sorted(sqlite) and pg[:1] == sqlite[:1], query  # the ranks' formulas differ
    finally:
        for lib in libs:
            lib.close()


def test_the_migration_adds_the_stored_vector_for_every_article_and_goes_back(library_url: str) -> None:
    if "://" not in library_url:
        pytest.skip("the stored vector is PostgreSQL's (SQLite keeps its FTS5 table)")
    from alembic import command
    from alembic.script import ScriptDirectory

    lib = open_library(library_url)
    try:
        for n, body in enumerate(BODIES):
            lib.import_article(make_article(n, body))
        before = shown(lib, "government")
        cfg = migrate._config()
        with lib.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            below = ScriptDirectory.from_config(cfg).get_revision("0008_search").down_revision
            command.downgrade(cfg, str(below))  # to just before the search vector's migration
        with lib.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM information_schema.columns "
                                     "WHERE table_name = 'articles' AND column_name = 'search_vector'")).scalar() == 0
    finally:
        lib.close()
    again = open_library(library_url)  # opening migrates to the head: the vectors of the existing articles are made
    try:
        assert migrate.current(again.engine) == migrate.head()
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM articles WHERE search_vector IS NULL")).scalar() == 0
        assert shown(again, "government") == before and len(before) == 3
    finally:
        again.close()


# -- the snippet: the same window as the plain scan over every word ----------------------------------------------


def scanned_snippet(body: str, query: str, size: int = 14) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The plain scan: every word folded and scored, sentence starts found over the whole text."""
    terms = [_fold(t) for w in words(query) for t in _TOKEN.findall(w)]
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(body)]
    if not terms or not tokens:
        return body, ()
    last = len(terms) - 1

    def matched(word: str) -> set[int]:
        return {i for i, t in enumerate(terms) if word == t or (i == last and word.startswith(t))}

    hits = [(pos, matched(_fold(body[a:b]))) for pos, (a, b) in enumerate(tokens)]
    hits = [(pos, found) for pos, found in hits if found]
    starts = {0} | {p for p in range(1, len(tokens))
                    if body[tokens[p - 1][1] : tokens[p][0]].strip() in (".", ":")
                    or body[tokens[p - 1][1] : tokens[p][0]].rstrip().endswith((".", ":", "?", "!"))}

    def score(first: int) -> int:
        seen: set[int] = set()
        total = 0
        for pos, found in hits:
            if first <= pos < first + size:
                total += sum(1 if t in seen else 1000 for t in found)
                seen |= found
        return total

    best_start, best_score = 0, -1
    for pos, _found in hits:
        inside = [p for p, _ in hits if pos <= p < pos + size]
        start = max(0, min(inside[0] - (size - (inside[-1] + 1 - inside[0])) // 2, len(tokens) - size))
        candidates = [(score(start), start)]
        before = [p for p in starts if p <= pos and pos - p < size]
        if before:
            candidates.append((score(max(before)) + (120 if max(before) == 0 else 100), max(before)))
        for value, at in candidates:
            if value > best_score:
                best_score, best_start = value, at
    best_start = max(0, min(best_start, len(tokens) - size))
    end_token = min(len(tokens), best_start + size) - 1
    lo = 0 if best_start == 0 else tokens[best_start][0]
    hi = len(body) if end_token == len(tokens) - 1 else tokens[end_token][1]
    lead, tail = ("…" if lo > 0 else ""), ("…" if hi < len(body) else "")
    return lead + body[lo:hi] + tail, tuple((len(lead) + tokens[p][0] - lo, len(lead) + tokens[p][1] - lo)
                                            for p, _f in hits if best_start <= p <= end_token)


WORDS = ("the government said it would cut the budget of the harbour . Mayor Lena Berg spoke : école Ecole "
         "ÉCOLE straße STRASSE İstanbul government's governor 2021 x_y ? ! Crème brûlée São Paulo").split()


def test_the_snippet_window_is_the_one_of_the_plain_scan() -> None:
    rng = random.Random(12)
    queries = ["government", "the", "gov", "said the", "école", "ecole", "strasse", "straße", "istanbul", "2021",
               "x", "mayor berg", "the the", "governor gov", "crème", "sao paulo", "nothing here"]
    for _ in range(400):
        body = re.sub(r" ([.:?!])", r"\1", " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 120))))
        for query in rng.sample(queries, 5):
            assert snippet(body, query) == scanned_snippet(body, query), (body, query)
