"""A dossier read from two covering indexes, not from the tables:

- its mentions: (entity key, type, article, start, entity seq, end) with the rest of the row (text, snippet, snippet
  start, verified, clipped ends), so that the mentions of a name come in text order without a sort. Read from the
  table, the 20,000 mentions of a widespread name in a library of 100,000 articles each sat on a page of their own
  (the rows are stored article by article);
- its articles: (id) with the publication day, title and metadata (the publisher), so that the articles' lines are
  read without the pages of their texts (SQLite read past each text to the columns after it; PostgreSQL read the
  whole table).

PostgreSQL refuses an index entry over about 2,700 bytes, so its indexes hold the rows whose indexed texts take at
most 2,000 bytes (all but pathological ones: a snippet is a sentence clipped to 240 characters around its mention);
the others are found through a second, small index of those rows alone. SQLite has no such limit: one index holds
every row.

Building the mentions' index reads that whole table once (about 20 s for the 3.3 million mentions of 100,000
articles on PostgreSQL, 5 s on SQLite; some 20 % more space).

Revision ID: 0010_pgdossier
Revises: 0009_scale
"""

from __future__ import annotations

import sys

import sqlalchemy as sa
from alembic import op

revision = "0010_pgdossier"
down_revision = "0009_scale"
branch_labels = None
depends_on = None

KEY = ["name_key", "type", "article_id", "start", "entity_seq", "end"]
REST = ["text", "snippet", "snippet_start", "verified", "clipped_start", "clipped_end"]
# The same text as models.store.entity_queries.SHORT_MENTION and LONG_MENTION: PostgreSQL uses a partial index
# only for a query that states its condition.
SHORT = "octet_length(name_key) + octet_length(text) + octet_length(snippet) <= 2000"
LONG = "octet_length(name_key) + octet_length(text) + octet_length(snippet) > 2000"
ARTICLE = ["published", "title", "metadata"]
# The same text as models.store.entity_queries.SHORT_ARTICLE and LONG_ARTICLE.
SHORT_ARTICLE = ("octet_length(title) + octet_length(CAST(metadata AS text)) + coalesce(octet_length(published), 0) "
                 "<= 2000")
LONG_ARTICLE = ("octet_length(title) + octet_length(CAST(metadata AS text)) + coalesce(octet_length(published), 0) "
                "> 2000")
REPORT_FROM = 500_000  # mentions from which the time it takes is announced


def upgrade() -> None:
    bind = op.get_bind()
    if (bind.execute(sa.text("SELECT count(*) FROM entity_mentions")).scalar() or 0) >= REPORT_FROM:
        print("newsdesk: indexing the dossiers' mentions (a minute at most)", file=sys.stderr, flush=True)
    if bind.dialect.name == "postgresql":
        op.create_index("ix_entity_mentions_dossier", "entity_mentions", KEY, postgresql_include=REST,
                        postgresql_where=sa.text(SHORT))
        op.create_index("ix_entity_mentions_dossier_long", "entity_mentions", ["name_key", "type"],
                        postgresql_where=sa.text(LONG))
        op.create_index("ix_articles_dossier", "articles", ["id"], postgresql_include=ARTICLE,
                        postgresql_where=sa.text(SHORT_ARTICLE))
        op.create_index("ix_articles_dossier_long", "articles", ["id"], postgresql_where=sa.text(LONG_ARTICLE))
    else:
        op.create_index("ix_entity_mentions_dossier", "entity_mentions", KEY + REST)
        op.create_index("ix_articles_dossier", "articles", ["id", *ARTICLE])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_articles_dossier_long", "articles")
        op.drop_index("ix_entity_mentions_dossier_long", "entity_mentions")
    op.drop_index("ix_articles_dossier", "articles")
    op.drop_index("ix_entity_mentions_dossier", "entity_mentions")
