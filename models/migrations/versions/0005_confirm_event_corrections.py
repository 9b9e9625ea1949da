"""The reader's corrections of timeline events (a date confirmed, words that are no date), one article each.

Revision ID: 0005_confirm
Revises: 0004_timeline
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_confirm"
down_revision = "0004_timeline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_corrections"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_event_corrections_article_id_articles", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_corrections_article_id", "event_corrections", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_event_corrections_article_id", "event_corrections")
    op.drop_table("event_corrections")
