"""Timeline counts per interval from one index: (version, first day, last day, precision) covers the library
timeline's overview and wide-zoom clusters (a count per interval, no table row read) and the visible range's seek.

Revision ID: 0004_timeline
Revises: 0003_scale
"""

from __future__ import annotations

from alembic import op

revision = "0004_timeline"
down_revision = "0003_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_timeline_events_version_interval", "timeline_events",
                    ["version", "first_day", "last_day", "precision"])


def downgrade() -> None:
    op.drop_index("ix_timeline_events_version_interval", "timeline_events")
