"""PostgreSQL: the articles' search words stored once (a generated ``tsvector`` column, title weighted above the
text) with a GIN index, so that a search ranks stored vectors instead of parsing every matching article's text.

The column is computed by PostgreSQL for every existing article when it is added (the backfill) and for every
article written afterwards. SQLite keeps its FTS5 table: nothing changes there.

Revision ID: 0008_search
Revises: 0007_dates
"""

from __future__ import annotations

from alembic import op

revision = "0008_search"
down_revision = "0007_dates"
branch_labels = None
depends_on = None

VECTOR = "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', text), 'D')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_articles_fts")
    op.execute(f"ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED")
    op.execute("CREATE INDEX ix_articles_fts ON articles USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_articles_fts")
    op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector")
    op.execute(
        "CREATE INDEX ix_articles_fts ON articles USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))"
    )
