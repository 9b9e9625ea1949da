"""The library's tables, as SQLAlchemy 2 typed declarative models.

Portable SQL only (SQLite and PostgreSQL); full-text search tables are created by the migrations, per dialect.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints: SQLite batch migrations need them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # stable identity for urn: targets in exports
    source: Mapped[str] = mapped_column(String(2048), unique=True)  # absolute path, URL or clipboard:<hash>
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    blocks: Mapped[list[Any]] = mapped_column(JSON)  # [[start, end, kind], ...]
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    published: Mapped[str | None] = mapped_column(String(32), default=None)
    note: Mapped[str] = mapped_column(Text, default="")  # the reader's note on the whole article
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The text hash of the first revision: with the source, the article's identity (a library from before
    # revisions may hold relative sources, matched only by the same relative string and the same story).
    fingerprint: Mapped[str] = mapped_column(String(64), default="")

    highlights: Mapped[list[HighlightRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class AnalysisRow(Base):
    """Cached analysis of one text version; opening an analysed article never re-runs the pipeline."""

    __tablename__ = "analyses"
    __table_args__ = (UniqueConstraint("article_id", "text_hash", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ColorRow(Base):
    """The colour legend: a highlight colour and the meaning the reader gave it."""

    __tablename__ = "colors"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)  # yellow, red, green, blue, purple, grey
    meaning: Mapped[str] = mapped_column(String(120))
    swatch: Mapped[str] = mapped_column(String(9))  # #RRGGBB
    background: Mapped[str] = mapped_column(String(9))
    position: Mapped[int] = mapped_column(Integer, default=0)


class HighlightRow(Base):
    """A highlight with its W3C selectors (position + quote) and the text version it was anchored in."""

    __tablename__ = "highlights"
    __table_args__ = (Index("ix_highlights_article_start", "article_id", "start"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    text_hash: Mapped[str] = mapped_column(String(64))
    color: Mapped[str] = mapped_column(ForeignKey("colors.key"), default="yellow")
    note: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="anchored")  # anchored | orphan
    created: Mapped[datetime] = mapped_column(default=utcnow)
    modified: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[ArticleRow] = relationship(back_populates="highlights")
    tags: Mapped[list[TagRow]] = relationship(secondary="highlight_tags", order_by="TagRow.name")


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class HighlightTagRow(Base):
    __tablename__ = "highlight_tags"

    highlight_id: Mapped[str] = mapped_column(ForeignKey("highlights.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class EntityCorrectionRow(Base):
    """A reader's correction of the entity analysis, replayed after every (re-)analysis.

    ``article_id`` NULL means the rule holds across the library.
    """

    __tablename__ = "entity_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # rename | merge | split | retype | hide | add
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(200), default="")
    created: Mapped[datetime] = mapped_column(default=utcnow)


class ArticleRevisionRow(Base):
    """One version of an article's text as it was imported; the article row holds the newest one."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 ... in import order
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    blocks: Mapped[list[Any]] = mapped_column(JSON)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    published: Mapped[str | None] = mapped_column(String(32), default=None)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # serialised Analysis of this text


class HighlightOriginRow(Base):
    """The selectors a highlight had on the revision it was made on, kept when re-import moves it to a newer one."""

    __tablename__ = "highlight_origins"

    highlight_id: Mapped[str] = mapped_column(ForeignKey("highlights.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
