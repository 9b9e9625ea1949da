"""Initial library: articles, analyses, colour legend, highlights, tags, entity corrections, full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DEFAULT_COLORS = [
    ("yellow", "Key point", "#EDBB2F", "#FBEDB2", 0),
    ("red", "Disputed", "#E0564F", "#F9D6D3", 1),
    ("green", "Agreement", "#3DA56B", "#D4EFDD", 2),
    ("blue", "Question", "#3F83E8", "#D7E6FC", 3),
    ("purple", "Follow up", "#8D68E3", "#E6DEFB", 4),
    ("grey", "Quote", "#8A8F98", "#E6E7EA", 5),
]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("source", sa.String(2048), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("blocks", sa.JSON, nullable=False),
        sa.Column("metadata", sa.JSON, nullable=False),
        sa.Column("published", sa.String(32), nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("uid", name="uq_articles_uid"),
        sa.UniqueConstraint("source", name="uq_articles_source"),
    )
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_analyses"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_analyses_article_id_articles", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("article_id", "text_hash", "version", name="uq_analyses_article_id"),
    )
    op.create_index("ix_analyses_article_id", "analyses", ["article_id"])
    colors = op.create_table(
        "colors",
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("meaning", sa.String(120), nullable=False),
        sa.Column("swatch", sa.String(9), nullable=False),
        sa.Column("background", sa.String(9), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_colors"),
    )
    op.bulk_insert(
        colors,
        [dict(key=k, meaning=m, swatch=s, background=b, position=p) for k, m, s, b, p in DEFAULT_COLORS],
    )
    op.create_table(
        "highlights",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("exact", sa.Text, nullable=False),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("suffix", sa.Text, nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("color", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("modified", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_highlights"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_highlights_article_id_articles", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["color"], ["colors.key"], name="fk_highlights_color_colors"),
    )
    op.create_index("ix_highlights_article_start", "highlights", ["article_id", "start"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "highlight_tags",
        sa.Column("highlight_id", sa.String(36), nullable=False),
        sa.Column("tag_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("highlight_id", "tag_id", name="pk_highlight_tags"),
        sa.ForeignKeyConstraint(
            ["highlight_id"], ["highlights.id"], name="fk_highlight_tags_highlight_id_highlights", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], name="fk_highlight_tags_tag_id_tags", ondelete="CASCADE"),
    )
    op.create_table(
        "entity_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, nullable=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_corrections"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_entity_corrections_article_id_articles", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_entity_corrections_article_id", "entity_corrections", ["article_id"])
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts()
    else:
        _postgres_fts()


def _sqlite_fts() -> None:
    """FTS5 external-content tables over articles and highlights, kept in sync by triggers."""
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    # Highlight ids are UUID strings and an implicit rowid may change on VACUUM, so this index keeps its own copy
    # of the id instead of pointing at the rowid.
    op.execute(
        "CREATE VIRTUAL TABLE highlights_fts USING fts5(highlight_id UNINDEXED, exact, note, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER highlights_fts_ai AFTER INSERT ON highlights BEGIN "
        "INSERT INTO highlights_fts(highlight_id, exact, note) VALUES (new.id, new.exact, new.note); END"
    )
    op.execute(
        "CREATE TRIGGER highlights_fts_ad AFTER DELETE ON highlights BEGIN "
        "DELETE FROM highlights_fts WHERE highlight_id = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER highlights_fts_au AFTER UPDATE OF exact, note ON highlights BEGIN "
        "DELETE FROM highlights_fts WHERE highlight_id = old.id; "
        "INSERT INTO highlights_fts(highlight_id, exact, note) VALUES (new.id, new.exact, new.note); END"
    )


def _postgres_fts() -> None:
    op.execute(
        "CREATE INDEX ix_articles_fts ON articles USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))"
    )
    op.execute("CREATE INDEX ix_highlights_fts ON highlights USING gin (to_tsvector('simple', exact || ' ' || note))")


def downgrade() -> None:
    for name in ("highlights_fts", "articles_fts"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
    for table in ("entity_corrections", "highlight_tags", "tags", "highlights", "colors", "analyses", "articles"):
        op.drop_table(table)
