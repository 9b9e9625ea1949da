"""The text of each dossier snippet stored with its mention (``entity_mentions.snippet``), so that a dossier reads
no article text: cutting twenty thousand snippets out of the articles' texts (TOASTed on PostgreSQL) was most of
the dossier of a widespread name in a library of 100,000 articles.

The rows written before are filled from the articles' texts, a chunk of articles at a time, saying how far it got
on a big library.

Revision ID: 0009_scale
Revises: 0008_search
"""

from __future__ import annotations

import sys

import sqlalchemy as sa
from alembic import op

revision = "0009_scale"
down_revision = "0008_search"
branch_labels = None
depends_on = None

CHUNK = 2000  # articles per statement of the backfill


def upgrade() -> None:
    op.add_column("entity_mentions", sa.Column("snippet", sa.Text, nullable=False, server_default=""))
    _backfill()


def _backfill() -> None:
    bind = op.get_bind()
    ids = [int(r[0]) for r in bind.execute(sa.text("SELECT DISTINCT article_id FROM entity_mentions ORDER BY 1"))]
    if bind.dialect.name == "postgresql":  # each text read (detoasted) once per article, not once per mention
        fill = sa.text(
            "UPDATE entity_mentions AS m SET snippet = substr(a.text, m.snippet_start + 1, "
            "m.snippet_end - m.snippet_start) "
            "FROM (SELECT id, text || '' AS text FROM articles WHERE id BETWEEN :lo AND :hi OFFSET 0) AS a "
            "WHERE m.article_id = a.id AND m.article_id BETWEEN :lo AND :hi"
        )
    else:
        fill = sa.text(
            "UPDATE entity_mentions SET snippet = (SELECT substr(a.text, entity_mentions.snippet_start + 1, "
            "entity_mentions.snippet_end - entity_mentions.snippet_start) FROM articles AS a "
            "WHERE a.id = entity_mentions.article_id) WHERE article_id BETWEEN :lo AND :hi"
        )
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        bind.execute(fill, {"lo": chunk[0], "hi": chunk[-1]})
        done = min(i + CHUNK, len(ids))
        if len(ids) >= 5 * CHUNK and (done % (5 * CHUNK) == 0 or done == len(ids)):
            print(f"newsdesk: storing the dossier snippets: {done:,} / {len(ids):,} articles", file=sys.stderr,
                  flush=True)


def downgrade() -> None:
    with op.batch_alter_table("entity_mentions") as batch:
        batch.drop_column("snippet")
