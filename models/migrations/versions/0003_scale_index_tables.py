"""Index tables of the analyses (entity mentions, timeline events, article tags), backfilled from the cached ones;
the reading state of each article and the indexes of the library list's orders.

Revision ID: 0003_scale
Revises: 0002_revisions
"""

from __future__ import annotations

import sys

import sqlalchemy as sa
from alembic import op

revision = "0003_scale"
down_revision = "0002_revisions"
branch_labels = None
depends_on = None


def _owned(name: str) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE",
                                                          name=f"fk_{name}_article_id_articles"), nullable=False),
        sa.Column("analysis_id", sa.Integer, sa.ForeignKey("analyses.id", ondelete="CASCADE",
                                                           name=f"fk_{name}_analysis_id_analyses"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "entity_articles", *_owned("entity_articles"),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mention_count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_articles"),
    )
    op.create_index("ix_entity_articles_key_type", "entity_articles", ["name_key", "type", "name", "article_id", "seq"])
    op.create_index("ix_entity_articles_article", "entity_articles", ["article_id"])
    op.create_index("ix_entity_articles_analysis_id", "entity_articles", ["analysis_id"])
    op.create_table(
        "entity_mentions", *_owned("entity_mentions"),
        sa.Column("entity_seq", sa.Integer, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("verified", sa.Boolean, nullable=False),
        sa.Column("snippet_start", sa.Integer, nullable=False),
        sa.Column("snippet_end", sa.Integer, nullable=False),
        sa.Column("clipped_start", sa.Boolean, nullable=False),
        sa.Column("clipped_end", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_mentions"),
    )
    op.create_index("ix_entity_mentions_key_type", "entity_mentions", ["name_key", "type"])
    op.create_index("ix_entity_mentions_article", "entity_mentions", ["article_id"])
    op.create_index("ix_entity_mentions_analysis_id", "entity_mentions", ["analysis_id"])
    op.create_table(
        "entity_raw_keys", *_owned("entity_raw_keys"),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_raw_keys"),
    )
    op.create_index("ix_entity_raw_keys_key_type", "entity_raw_keys", ["name_key", "type"])
    op.create_index("ix_entity_raw_keys_article", "entity_raw_keys", ["article_id"])
    op.create_index("ix_entity_raw_keys_analysis_id", "entity_raw_keys", ["analysis_id"])
    op.create_table(
        "timeline_events", *_owned("timeline_events"),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("planned", sa.Boolean, nullable=False),
        sa.Column("interval_start", sa.String(32), nullable=False),
        sa.Column("interval_end", sa.String(32), nullable=False),
        sa.Column("timex_start", sa.Integer, nullable=False),
        sa.Column("timex_end", sa.Integer, nullable=False),
        sa.Column("timex_text", sa.Text, nullable=False),
        sa.Column("timex_type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("mod", sa.String(16), nullable=True),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False, server_default="1"),
        sa.Column("provenance", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_timeline_events"),
    )
    op.create_index("ix_timeline_events_interval", "timeline_events", ["first_day", "last_day"])
    op.create_index("ix_timeline_events_article_seq", "timeline_events", ["article_id", "seq"])
    op.create_index("ix_timeline_events_analysis_id", "timeline_events", ["analysis_id"])
    op.create_table(
        "timeline_event_entities", *_owned("timeline_event_entities"),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name_folded", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_timeline_event_entities"),
    )
    op.create_index("ix_timeline_event_entities_name", "timeline_event_entities", ["name_folded"])
    op.create_index("ix_timeline_event_entities_article_id", "timeline_event_entities", ["article_id"])
    op.create_index("ix_timeline_event_entities_analysis_id", "timeline_event_entities", ["analysis_id"])
    op.create_table(
        "article_tag_index",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE",
                                                          name="fk_article_tag_index_article_id_articles"),
                  nullable=False),
        sa.Column("tag", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "tag", name="pk_article_tag_index"),
    )
    op.create_index("ix_article_tag_index_tag", "article_tag_index", ["tag"])
    op.create_table(
        "entity_spellings",
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("first_order", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("name_key", "type", "name", name="pk_entity_spellings"),
    )
    op.create_table(
        "reading_state",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE",
                                                          name="fk_reading_state_article_id_articles"),
                  nullable=False),
        sa.Column("read", sa.Boolean, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_reading_state"),
    )
    op.create_index("ix_articles_imported", "articles", ["imported_at", "id"])
    op.create_index("ix_articles_published", "articles", ["published", "id"])
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgres_triggers()
    _backfill()


# entity_spellings follows entity_articles row by row (cascaded deletes included)
_ADD = ("INSERT INTO entity_spellings (name_key, type, name, articles, mentions, first_order) "
        "VALUES (NEW.name_key, NEW.type, NEW.name, 1, NEW.mention_count, "
        "CAST(NEW.article_id AS BIGINT) * 1000000 + NEW.seq) "
        "ON CONFLICT (name_key, type, name) DO UPDATE SET articles = entity_spellings.articles + 1, "
        "mentions = entity_spellings.mentions + excluded.mentions, "
        "first_order = {least}(entity_spellings.first_order, excluded.first_order)")
_REMOVE = ("UPDATE entity_spellings SET articles = articles - 1, mentions = mentions - OLD.mention_count "
           "WHERE name_key = OLD.name_key AND type = OLD.type AND name = OLD.name; "
           "DELETE FROM entity_spellings WHERE name_key = OLD.name_key AND type = OLD.type AND name = OLD.name "
           "AND articles <= 0")


def _sqlite_triggers() -> None:
    op.execute(f"CREATE TRIGGER entity_spellings_add AFTER INSERT ON entity_articles BEGIN "
               f"{_ADD.format(least='min')}; END")
    op.execute(f"CREATE TRIGGER entity_spellings_remove AFTER DELETE ON entity_articles BEGIN {_REMOVE}; END")


def _postgres_triggers() -> None:
    op.execute(
        "CREATE FUNCTION entity_spellings_follow() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP = 'INSERT' THEN {_ADD.format(least='LEAST')}; ELSE {_REMOVE}; END IF; "
        "RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    op.execute("CREATE TRIGGER entity_spellings_follow AFTER INSERT OR DELETE ON entity_articles "
               "FOR EACH ROW EXECUTE FUNCTION entity_spellings_follow()")


def _backfill() -> None:
    """Read every cached analysis once into the new tables, saying how far it got on a big library."""
    from sqlalchemy.orm import Session

    from models.store.library_index import rebuild

    def progress(done: int, total: int) -> None:
        if total >= 1000:
            print(f"newsdesk: indexing the library's analyses: {done:,} / {total:,} articles", file=sys.stderr,
                  flush=True)

    session = Session(bind=op.get_bind())
    rebuild(session, progress)
    session.flush()
    session.close()  # joined the migration's transaction: closing neither commits nor rolls it back


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER IF EXISTS entity_spellings_follow ON entity_articles")
        op.execute("DROP FUNCTION IF EXISTS entity_spellings_follow()")
    op.drop_index("ix_articles_published", "articles")
    op.drop_index("ix_articles_imported", "articles")
    for table in ("reading_state", "entity_spellings", "article_tag_index", "timeline_event_entities",
                  "timeline_events", "entity_raw_keys", "entity_mentions", "entity_articles"):
        op.drop_table(table)
