"""Every date of the library's timeline with its number of events, kept by triggers: the overview, the counts of
the whole timeline and the list of its dates are read from a few thousand rows instead of every event of the
library (half a million at 100,000 articles).

One row per (analyser version, first day, last day, precision): ``events`` of them, ``planned`` of those planned.
The triggers follow ``timeline_events`` row by row, cascaded deletes included, as ``entity_spellings`` follows
``entity_articles`` (0003).

Also an index of the articles' text hashes: which articles lack an analysis of their current text is then read from
it, not from the article rows, which hold the texts (gigabytes on a large library).

Revision ID: 0007_dates
Revises: 0006_digest
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_dates"
down_revision = "0006_digest"
branch_labels = None
depends_on = None

_KEY = "version = {row}.version AND first_day = {row}.first_day AND last_day = {row}.last_day " \
       "AND precision = {row}.precision"
_ADD = ("INSERT INTO timeline_dates (version, first_day, last_day, precision, events, planned) "
        "VALUES (NEW.version, NEW.first_day, NEW.last_day, NEW.precision, 1, CASE WHEN NEW.planned THEN 1 ELSE 0 END) "
        "ON CONFLICT (version, first_day, last_day, precision) DO UPDATE SET events = timeline_dates.events + 1, "
        "planned = timeline_dates.planned + excluded.planned")
_REMOVE = ("UPDATE timeline_dates SET events = events - 1, planned = planned - CASE WHEN OLD.planned THEN 1 ELSE 0 END "
           f"WHERE {_KEY.format(row='OLD')}; "
           f"DELETE FROM timeline_dates WHERE {_KEY.format(row='OLD')} AND events <= 0")


def upgrade() -> None:
    op.create_table(
        "timeline_dates",
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("planned", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("version", "first_day", "last_day", "precision", name="pk_timeline_dates"),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE TRIGGER timeline_dates_add AFTER INSERT ON timeline_events BEGIN {_ADD}; END")
        op.execute(f"CREATE TRIGGER timeline_dates_remove AFTER DELETE ON timeline_events BEGIN {_REMOVE}; END")
    else:
        op.execute(
            "CREATE FUNCTION timeline_dates_follow() RETURNS trigger AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {_ADD}; ELSE {_REMOVE}; END IF; RETURN NULL; END $$ LANGUAGE plpgsql"
        )
        op.execute("CREATE TRIGGER timeline_dates_follow AFTER INSERT OR DELETE ON timeline_events "
                   "FOR EACH ROW EXECUTE FUNCTION timeline_dates_follow()")
    op.create_index("ix_articles_text_hash", "articles", ["text_hash"])
    op.execute("INSERT INTO timeline_dates (version, first_day, last_day, precision, events, planned) "
               "SELECT version, first_day, last_day, precision, count(*), "
               "sum(CASE WHEN planned THEN 1 ELSE 0 END) FROM timeline_events "
               "GROUP BY version, first_day, last_day, precision")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS timeline_dates_add")
        op.execute("DROP TRIGGER IF EXISTS timeline_dates_remove")
    else:
        op.execute("DROP TRIGGER IF EXISTS timeline_dates_follow ON timeline_events")
        op.execute("DROP FUNCTION IF EXISTS timeline_dates_follow()")
    op.drop_index("ix_articles_text_hash", "articles")
    op.drop_table("timeline_dates")
