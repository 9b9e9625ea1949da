"""The library: one object per open database, one transaction per user action.

Every public method opens its own session and commits or rolls back as a whole, so a failed write leaves the
library as it was and a process killed at any moment loses nothing that a method had returned.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from models.analysis.serialize import from_dict, to_dict
from models.analysis.types import Analysis
from models.article import Article, metadata_to_dict
from models.revisions.identity import canonical_source, is_relative, same_story
from models.store import article_list, library_index, location, migrate, opening
from models.store.annotations import AnnotationStore, reanchor_article
from models.store.article_list import row_extras
from models.store.article_rows import fill_row, stored_article
from models.store.engine import make_engine
from models.store.records import ArticleSummary, ImportResult, SearchHit, StoredArticle
from models.store.revisions import (
    RevisionStore,
    ensure_first_revision,
    record_revision,
    refresh_current_metadata,
    remember_origins,
    store_current_analysis,
)
from models.store.schema import AnalysisRow, ArticleRevisionRow, ArticleRow, HighlightRow, utcnow
from models.store.search import search as fts_search
from models.store.sessions import Sessions


class Library(Sessions):
    """The library's operations, each one transaction of its own (:class:`Sessions`)."""

    @property
    def annotations(self) -> AnnotationStore:
        """Highlights, notes, tags and the colour legend of this library."""
        return AnnotationStore(self)

    @property
    def revisions(self) -> RevisionStore:
        """The kept versions of articles' texts and where highlights were made."""
        return RevisionStore(self)

    # -- articles -------------------------------------------------------------------------------------------

    def import_article(self, article: Article) -> ImportResult:
        """Add an article, or update the one with the same identity: its source (a file's absolute, resolved path,
        or its URL) and a text telling the same story. A changed text is kept as a new revision and the
        highlights are re-anchored in it; an unchanged text stores nothing new."""
        raw = article.source
        article = replace(article, source=canonical_source(raw))
        with self.writing() as s:
            row = s.scalars(select(ArticleRow).where(ArticleRow.source == article.source)).one_or_none()
            if row is None and article.source != raw and is_relative(raw):
                legacy = s.scalars(select(ArticleRow).where(ArticleRow.source == raw)).one_or_none()
                if legacy is not None and same_story(legacy.text, article.text, short_texts_match=False):
                    row = legacy  # from a library that stored relative paths: same name, same story
                    row.source = article.source
            if row is not None and row.meta.get("published_source") == "user":
                article = _with_published(article, row.meta.get("published"), "user")  # the reader's date stays
            if row is None:
                row = ArticleRow(
                    uid=str(uuid.uuid4()),
                    source=article.source,
                    kind=article.kind,
                    note="",
                    fingerprint=article.text_hash,
                )
                fill_row(row, article)
                s.add(row)
                s.flush()
                record_revision(s, row)
                library_index.article_written(s, row.id, row.text_hash, article.metadata.tags)
                return ImportResult(row.id, row.title, row.source, "new")
            number = ensure_first_revision(s, row)
            if row.text_hash == article.text_hash and row.meta == metadata_to_dict(article.metadata):
                return ImportResult(row.id, row.title, row.source, "unchanged", revision=number)
            old_text = row.text
            if old_text != article.text:
                remember_origins(s, row, number)
            fill_row(row, article)
            row.kind = article.kind
            row.updated_at = utcnow()
            if old_text == article.text:
                refresh_current_metadata(s, row)
                library_index.article_written(s, row.id, row.text_hash, article.metadata.tags)
                return ImportResult(row.id, row.title, row.source, "updated", revision=number)
            number = record_revision(s, row)
            orphaned = reanchor_article(s, row, old_text)
            library_index.article_written(s, row.id, row.text_hash, article.metadata.tags)
            return ImportResult(row.id, row.title, row.source, "updated", orphaned, revision=number)

    def list_articles(self, query: str | None = None) -> list[ArticleSummary]:
        with self.reading() as s:
            ids: list[int] | None = None
            if query and query.strip():
                ids = list(dict.fromkeys(h.article_id for h in fts_search(s, query, limit=500)))
                if not ids:
                    return []
            counts = (
                select(HighlightRow.article_id, func.count().label("n")).group_by(HighlightRow.article_id).subquery()
            )
            a = ArticleRow  # the columns a summary shows, never the texts
            stmt = select(a.id, a.title, a.source, a.meta["publisher"].as_string(), a.published, a.imported_at,
                          func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.article_id == a.id)
            if ids is not None:
                stmt = stmt.where(a.id.in_(ids))
            rows = s.connection().execute(stmt.order_by(a.imported_at.desc(), a.id.desc())).all()
            colors, swatches, versions, unfinished = row_extras(s, [r[0] for r in rows])
            out = [
                ArticleSummary(
                    article_id,
                    title,
                    source,
                    str(publisher or ""),
                    published,
                    imported_at,
                    n,
                    colors.get(article_id, ()),
                    versions.get(article_id, 1),
                    versions.get(article_id, 1) > 1,
                    unfinished.get(article_id, ""),
                    swatches=swatches.get(article_id, ()),
                )
                for article_id, title, source, publisher, published, imported_at, n in rows
            ]
            if ids is not None:
                rank = {i: k for k, i in enumerate(ids)}
                out.sort(key=lambda a: rank[a.id])
            return out

    def article_count(self) -> int:
        with self.reading() as s:
            return s.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def article_page(
        self, offset: int, limit: int, *, sort: str = "recent", unread_only: bool = False,
        highlighted_only: bool = False, edited_only: bool = False,
    ) -> list[ArticleSummary]:
        """A page of the library list, filtered and sorted in SQL (see models.store.article_list)."""
        return article_list.page(self, offset, limit, sort=sort, unread_only=unread_only,
                                 highlighted_only=highlighted_only, edited_only=edited_only)

    def count_articles(self, *, unread_only: bool = False, highlighted_only: bool = False,
                       edited_only: bool = False) -> int:
        return article_list.count(self, unread_only=unread_only, highlighted_only=highlighted_only,
                                  edited_only=edited_only)

    def set_read(self, article_id: int, read: bool = True) -> None:
        article_list.set_read(self, article_id, read)

    def set_position(self, article_id: int, position: int) -> None:
        """Where the reader is in the article: the code-point offset of the first visible character."""
        article_list.set_position(self, article_id, position)

    def reading_state(self, article_id: int) -> tuple[bool, int]:
        """(read, position) of the article; (False, 0) when it was never opened."""
        return article_list.reading_state(self, article_id)

    def get_article(self, article_id: int) -> StoredArticle:
        with self.reading() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise KeyError(f"no article with id {article_id}")
            return stored_article(row)

    def find_article(self, source: str) -> int | None:
        """The article imported from ``source`` (a path is looked up absolute, as imports store it)."""
        with self.reading() as s:
            found = s.scalar(select(ArticleRow.id).where(ArticleRow.source == canonical_source(source)))
            return found if found is not None else s.scalar(select(ArticleRow.id).where(ArticleRow.source == source))

    def delete_article(self, article_id: int) -> None:
        with self.writing() as s:
            s.execute(delete(ArticleRow).where(ArticleRow.id == article_id))

    def set_article_note(self, article_id: int, note: str) -> None:
        with self.writing() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise KeyError(f"no article with id {article_id}")
            row.note = note
            row.updated_at = utcnow()

    def set_published(self, article_id: int, published: str | None) -> None:
        """The reader's publication date for the article (None: no date), kept over re-imports; its analysis is
        dropped so that the next request resolves the timeline against the new date."""
        with self.writing() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise KeyError(f"no article with id {article_id}")
            stored = stored_article(row).article
            updated = _with_published(stored, published, "user" if published else "")
            row.meta = metadata_to_dict(updated.metadata)
            day = updated.published_day
            row.published = day.isoformat() if day else None
            row.updated_at = utcnow()
            s.execute(delete(AnalysisRow).where(AnalysisRow.article_id == article_id))
            refresh_current_metadata(s, row)  # the newest revision carries the reader's date too
            s.execute(
                update(ArticleRevisionRow)
                .where(ArticleRevisionRow.article_id == article_id, ArticleRevisionRow.text_hash == row.text_hash)
                .values(analysis=None)
            )  # its analysis was resolved against the old date

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        with self.reading() as s:
            return fts_search(s, query, limit=limit)

    # -- analysis cache ---------------------------------------------------------------------------------------

    def load_analysis(self, article_id: int, version: str) -> Analysis | None:
        """The stored analysis of the article's current text by this analyser version, if any."""
        with self.reading() as s:
            text_hash = s.scalar(select(ArticleRow.text_hash).where(ArticleRow.id == article_id))
            data = s.scalar(
                select(AnalysisRow.data).where(
                    AnalysisRow.article_id == article_id,
                    AnalysisRow.text_hash == text_hash,
                    AnalysisRow.version == version,
                )
            )
            return from_dict(data) if data is not None else None

    def forget_analysis(self, article_id: int) -> None:
        """Drop the article's cached analyses, so that the next request analyses it afresh (Re-analyse)."""
        with self.writing() as s:
            s.execute(delete(AnalysisRow).where(AnalysisRow.article_id == article_id))

    def save_analysis(self, article_id: int, analysis: Analysis) -> None:
        with self.writing() as s:
            current = s.scalar(select(ArticleRow.text_hash).where(ArticleRow.id == article_id))
            if current != analysis.text_hash:
                return  # the text changed while the analysis ran; a fresh one will follow
            same = (AnalysisRow.article_id == article_id, AnalysisRow.text_hash == analysis.text_hash,
                    AnalysisRow.version == analysis.version)
            if analysis.failed:
                kept = s.scalar(select(AnalysisRow.data).where(*same))
                if isinstance(kept, dict) and kept.get("status", "complete") != "failed":
                    return  # another reader's complete analysis of this text stays (a worker that died, a clash)
            s.execute(delete(AnalysisRow).where(AnalysisRow.article_id == article_id))
            stored = AnalysisRow(
                article_id=article_id,
                text_hash=analysis.text_hash,
                version=analysis.version,
                data=to_dict(analysis),
            )
            try:
                with s.begin_nested():
                    s.add(stored)
            except IntegrityError:
                return  # another reader of a shared library stored this text's analysis meanwhile: it stays
            text = s.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id)) or ""
            library_index.write_analysis_index(s, article_id, stored.id, analysis, text)
            store_current_analysis(s, article_id, analysis, stored.data)


def open_library(library: str | None = None) -> Library:
    """Open (creating and migrating as needed) the library named on the command line, in the environment or
    the default one."""
    url = location.resolve(library)
    path = location.sqlite_path(url)
    if path is not None:  # checked before anything can write: damaged, empty or read-only (models.store.opening)
        return opening.open_sqlite_library(url, path, Library)
    engine = make_engine(url)
    lib = Library(url, engine)
    migrate.upgrade(engine, None)
    return lib


def _with_published(article: Article, published: str | None, source: str) -> Article:
    return replace(article, metadata=replace(article.metadata, published=published, published_source=source))
