"""The whole library's timeline at any size: (version, first day, last day, article id descending, seq, planned,
precision) hands every date's mentions newest article first without a sort, so the first few of each date are
numbered by walking the index once, and a date's count, planned state and precision are read from the same index (no
table row). It replaces 0004's (version, first day, last day, precision), whose every use it covers.

Revision ID: 0006_digest
Revises: 0005_confirm
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_digest"
down_revision = "0005_confirm"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_timeline_events_digest", "timeline_events",
                    ["version", "first_day", "last_day", sa.text("article_id DESC"), "seq", "planned", "precision"])
    op.drop_index("ix_timeline_events_version_interval", "timeline_events")


def downgrade() -> None:
    op.create_index("ix_timeline_events_version_interval", "timeline_events",
                    ["version", "first_day", "last_day", "precision"])
    op.drop_index("ix_timeline_events_digest", "timeline_events")
