"""The library's tables, as SQLAlchemy 2 typed declarative models.

Portable SQL only (SQLite and PostgreSQL); full-text search tables are created by the migrations, per dialect.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
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


class EventCorrectionRow(Base):
    """A reader's correction of one dated event of an article (confirm, not a date), replayed after every
    (re-)analysis: see models.analysis.event_corrections."""

    __tablename__ = "event_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # confirm | not-a-date
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
# -- indexes of the analyses: what the library-wide features ask, one row per thing asked about ------------------
# Written in the transaction that stores an analysis (and refreshed when a correction changes the entities);
# every row names the analysis it was read from, so dropping an analysis drops its rows.


class EntityArticleRow(Base):
    """One corrected entity of one article's current analysis (the entity index and the dossier's articles)."""

    __tablename__ = "entity_articles"
    __table_args__ = (
        # covering: the first-met spelling of a key is a seek (entity index), the key's articles a range (dossier)
        Index("ix_entity_articles_key_type", "name_key", "type", "name", "article_id", "seq"),
        Index("ix_entity_articles_article", "article_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # the entity's place in the article's corrected entities
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)  # models.analysis.corrections.key_of(name, type)[0]
    type: Mapped[str] = mapped_column(String(16))
    mention_count: Mapped[int] = mapped_column(Integer)


class EntityMentionRow(Base):
    """One mention of a corrected entity, with its dossier snippet: its span in the article text and its text (a
    dossier then reads no article text)."""

    __tablename__ = "entity_mentions"
    __table_args__ = (
        Index("ix_entity_mentions_key_type", "name_key", "type"),
        Index("ix_entity_mentions_article", "article_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"), index=True)
    entity_seq: Mapped[int] = mapped_column(Integer)
    name_key: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    snippet_start: Mapped[int] = mapped_column(Integer)
    snippet_end: Mapped[int] = mapped_column(Integer)
    clipped_start: Mapped[bool] = mapped_column(Boolean, default=False)
    clipped_end: Mapped[bool] = mapped_column(Boolean, default=False)
    snippet: Mapped[str] = mapped_column(Text, server_default="")  # text[snippet_start:snippet_end] (0009_scale)


class EntityRawKeyRow(Base):
    """The entity keys the analyser found before any correction (which articles a library-wide rule can touch)."""

    __tablename__ = "entity_raw_keys"
    __table_args__ = (
        Index("ix_entity_raw_keys_key_type", "name_key", "type"),
        Index("ix_entity_raw_keys_article", "article_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"), index=True)
    name_key: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))


class TimelineEventRow(Base):
    """One dated event of an article's current analysis, with its day interval (ISO dates) and sentence."""

    __tablename__ = "timeline_events"
    __table_args__ = (
        Index("ix_timeline_events_interval", "first_day", "last_day"),
        Index("ix_timeline_events_article_seq", "article_id", "seq"),
        # a date's mentions newest article first, its count, planned state and precision: see migration 0006
        Index("ix_timeline_events_digest", "version", "first_day", "last_day", text("article_id DESC"), "seq",
              "planned", "precision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"), index=True)
    version: Mapped[str] = mapped_column(String(64))  # the analyser's
    seq: Mapped[int] = mapped_column(Integer)  # the event's place in the analysis
    first_day: Mapped[str] = mapped_column(String(10))
    last_day: Mapped[str] = mapped_column(String(10))
    precision: Mapped[str] = mapped_column(String(16))
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    interval_start: Mapped[str] = mapped_column(String(32))  # as the analysis gives them
    interval_end: Mapped[str] = mapped_column(String(32))
    timex_start: Mapped[int] = mapped_column(Integer)
    timex_end: Mapped[int] = mapped_column(Integer)
    timex_text: Mapped[str] = mapped_column(Text)
    timex_type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))
    mod: Mapped[str | None] = mapped_column(String(16), default=None)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)  # its text, stripped
    label: Mapped[str] = mapped_column(Text)
    entities: Mapped[list[Any]] = mapped_column(JSON)  # the canonical names the analysis lists for the sentence
    confidence: Mapped[float] = mapped_column(Float, default=1.0)  # how sure the analysis is of the value
    provenance: Mapped[str] = mapped_column(Text, default="")  # how the value was reached


class TimelineEventEntityRow(Base):
    """An entity named in an event's sentence (as the analysis names it, case-folded): the entity filter."""

    __tablename__ = "timeline_event_entities"
    __table_args__ = (Index("ix_timeline_event_entities_name", "name_folded"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # TimelineEventRow.seq of the event in the same article
    name_folded: Mapped[str] = mapped_column(Text)


class TimelineDateRow(Base):
    """The number of ``timeline_events`` per analyser version, interval and precision (and how many are planned),
    kept by triggers (migration 0007): the dates of the whole timeline without reading its events."""

    __tablename__ = "timeline_dates"

    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_day: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_day: Mapped[str] = mapped_column(String(10), primary_key=True)
    precision: Mapped[str] = mapped_column(String(16), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    planned: Mapped[int] = mapped_column(Integer)


class EntitySpellingRow(Base):
    """Totals of ``entity_articles`` per key, type and spelling, kept by triggers (the entity index reads only
    these): ``first_order`` is the smallest article id * 1,000,000 + place, at least as small as any live row's."""

    __tablename__ = "entity_spellings"

    name_key: Mapped[str] = mapped_column(Text, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    articles: Mapped[int] = mapped_column(Integer)
    mentions: Mapped[int] = mapped_column(Integer)
    first_order: Mapped[int] = mapped_column(BigInteger)


class ArticleTagIndexRow(Base):
    """The article's own tags (from its metadata), case-folded: the timeline's tag filter in SQL."""

    __tablename__ = "article_tag_index"
    __table_args__ = (Index("ix_article_tag_index_tag", "tag"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(Text, primary_key=True)


class ReadingStateRow(Base):
    """Where the reader is in an article: read or not, and the scroll position (a code-point offset of the first
    visible character) to come back to."""

    __tablename__ = "reading_state"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    read: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[datetime] = mapped_column(default=utcnow)


# the library list's lazy pages, in each of its orders
Index("ix_articles_imported", ArticleRow.imported_at, ArticleRow.id)
Index("ix_articles_published", ArticleRow.published, ArticleRow.id)
Index("ix_articles_text_hash", ArticleRow.text_hash)  # which articles lack a current analysis: see migration 0007
