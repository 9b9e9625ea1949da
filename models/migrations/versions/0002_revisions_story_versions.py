"""Story revisions: every imported version of an article's text is kept; highlights remember where they were made.

Every existing article gets revision 1 (its current text, with its cached analysis when there is one) and a
fingerprint (the hash of that text). Sources are left as they were: a library from before absolute paths may hold
relative ones, which only the same relative string (and the same story) will match again.

Revision ID: 0002_revisions
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_revisions"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: recreating ``articles`` on SQLite would drop its search triggers.
    op.add_column("articles", sa.Column("fingerprint", sa.String(64), nullable=False, server_default=""))
    op.execute("UPDATE articles SET fingerprint = text_hash")
    op.create_table(
        "article_revisions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("blocks", sa.JSON, nullable=False),
        sa.Column("metadata", sa.JSON, nullable=False),
        sa.Column("published", sa.String(32), nullable=True),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("analysis", sa.JSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_article_revisions"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_article_revisions_article_id_articles", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("article_id", "number", name="uq_article_revisions_article_id"),
    )
    op.create_index("ix_article_revisions_article_id", "article_revisions", ["article_id"])
    op.execute(
        "INSERT INTO article_revisions "
        "(article_id, number, kind, title, text, text_hash, blocks, metadata, published, imported_at, analysis) "
        "SELECT a.id, 1, a.kind, a.title, a.text, a.text_hash, a.blocks, a.metadata, a.published, a.imported_at, "
        "(SELECT n.data FROM analyses n WHERE n.article_id = a.id AND n.text_hash = a.text_hash "
        "ORDER BY n.id DESC LIMIT 1) FROM articles a"
    )
    op.create_table(
        "highlight_origins",
        sa.Column("highlight_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("exact", sa.Text, nullable=False),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("suffix", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("highlight_id", name="pk_highlight_origins"),
        sa.ForeignKeyConstraint(
            ["highlight_id"],
            ["highlights.id"],
            name="fk_highlight_origins_highlight_id_highlights",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("highlight_origins")
    op.drop_index("ix_article_revisions_article_id", table_name="article_revisions")
    op.drop_table("article_revisions")
    op.drop_column("articles", "fingerprint")  # SQLite >= 3.35 drops a column in place
