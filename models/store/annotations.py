"""Highlights, their notes and tags, and the colour legend.

Every method is one transaction (one user action): it commits as a whole or leaves the library as it was, and
returns frozen records, never ORM rows, so results can cross threads.
"""

from __future__ import annotations

import builtins
import getpass
import os
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, selectinload

from models.anchoring import Selector, TextChange, anchor, context_span, make_selector
from models.article import text_hash
from models.store.records import Annotation, ColorMeaning
from models.store.schema import ArticleRow, ColorRow, HighlightRow, HighlightTagRow, TagRow, utcnow
from models.store.sessions import Sessions

AUTHOR_ENV = "NEWSDESK_AUTHOR"
ORDERS = ("position", "created", "color")
STATUSES = ("anchored", "orphan")
_SWATCH = re.compile(r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$")
_TAGS_LOCK = 0x6E657773_74616773  # PostgreSQL advisory lock key of the tag table's writers


def default_author() -> str:
    """Who writes annotations: ``NEWSDESK_AUTHOR`` if set, else the login name."""
    chosen = os.environ.get(AUTHOR_ENV, "").strip()
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers): annotations are still kept
        return ""


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, without leading '#', inner white space folded, empty ones dropped, unique ignoring case (the
    first spelling wins)."""
    out: dict[str, str] = {}
    for raw in tags:
        name = " ".join(raw.strip().lstrip("#").split())
        if name and name.casefold() not in out:
            out[name.casefold()] = name
    return list(out.values())


# A hashtag in a note: '#' at a word start (not inside a URL fragment, an HTML entity or a Markdown heading's
# '# '), then a letter, then letters, digits, '_' or inner '-'.
_HASHTAG = re.compile(r"(?<![\w&/#\]])#([^\W\d_][\w]*(?:-[\w]+)*)")
_CODE = re.compile(r"(`+).*?\1|^ {0,3}(```|~~~).*?^ {0,3}\2", re.DOTALL | re.MULTILINE)


def note_hashtags(note: str) -> list[str]:
    """The ``#tags`` written in a note (outside code), in order, unique ignoring case: they are the highlight's
    tags as much as those chosen from the tag field."""
    return normalize_tags(m.group(1) for m in _HASHTAG.finditer(_CODE.sub(" ", note or "")))


def tags_after_note_edit(tags: Iterable[str], old_note: str, new_note: str) -> list[str]:
    """The tags once a note changes: hashtags typed in the new note are added, and those the old note held but
    the new one no longer does are dropped (typing "#trea" then "#treaty" leaves only "treaty")."""
    before = {t.casefold() for t in note_hashtags(old_note)}
    now = note_hashtags(new_note)
    gone = before - {t.casefold() for t in now}
    return normalize_tags([t for t in tags if t.casefold() not in gone] + now)


class AnnotationStore:
    def __init__(self, library: Sessions) -> None:
        self.library = library

    # -- highlights ----------------------------------------------------------------------------------------------

    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
        author: str | None = None,
        id: str | None = None,
        created: datetime | None = None,
    ) -> Annotation:
        """Highlight ``[start, end)`` of the article's text; ``id`` and ``created`` are for imported annotations."""
        if id is not None:
            _check_uuid(id)
        when = _naive_utc(created) if created is not None else utcnow()
        with self.library.writing() as s:
            sel, current_hash = _selector_in_article(s, article_id, start, end)
            row = HighlightRow(
                id=id or str(uuid.uuid4()),
                article_id=article_id,
                color=color,
                note=note,
                author=default_author() if author is None else author,
                status="anchored",
                created=when,
                modified=when,
            )
            set_selector(row, sel, current_hash)
            row.tags = tag_rows(s, [*tags, *note_hashtags(note)])
            _check_color(s, color)
            s.add(row)
            s.flush()
            return _record(row)

    def get(self, annotation_id: str) -> Annotation:
        with self.library.reading() as s:
            return _record(_row(s, annotation_id))

    def list(
        self,
        article_id: int | None = None,
        *,
        colors: Iterable[str] | None = None,
        tag: str | None = None,
        text: str | None = None,
        status: str | None = None,
        order: str = "position",
    ) -> list[Annotation]:
        """Annotations matching every filter given: any of ``colors``, the ``tag`` (ignoring case and '#'),
        ``text`` inside the quote or the note (ignoring case), ``status`` anchored or orphan."""
        if order not in ORDERS:
            raise ValueError(f"unknown order {order!r}; one of {', '.join(ORDERS)}")
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
        with self.library.reading() as s:
            stmt = select(HighlightRow).options(selectinload(HighlightRow.tags))
            if article_id is not None:
                stmt = stmt.where(HighlightRow.article_id == article_id)
            if colors is not None:
                stmt = stmt.where(HighlightRow.color.in_(list(colors)))
            if status is not None:
                stmt = stmt.where(HighlightRow.status == status)
            if order == "created":
                stmt = stmt.order_by(HighlightRow.created, HighlightRow.id)
            elif order == "color":
                stmt = stmt.join(ColorRow, ColorRow.key == HighlightRow.color).order_by(
                    ColorRow.position, HighlightRow.article_id, HighlightRow.start, HighlightRow.end
                )
            else:
                stmt = stmt.order_by(HighlightRow.article_id, HighlightRow.start, HighlightRow.end, HighlightRow.id)
            records = [_record(r) for r in s.scalars(stmt)]
        if tag is not None:
            wanted = {t.casefold() for t in normalize_tags([tag])}
            records = [a for a in records if wanted & {t.casefold() for t in a.tags}]
        if text:
            needle = " ".join(text.split()).casefold()
            records = [a for a in records if needle in " ".join(f"{a.exact}\n{a.note}".split()).casefold()]
        return records

    def update(
        self,
        annotation_id: str,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Annotation:
        """Change what is given; the modification time moves on."""
        with self.library.writing() as s:
            row = _row(s, annotation_id)
            if color is not None:
                _check_color(s, color)
                row.color = color
            if note is not None and note != row.note:
                base = list(tags) if tags is not None else [t.name for t in row.tags]
                row.tags = tag_rows(s, tags_after_note_edit(base, row.note, note))
                row.note = note
            elif tags is not None:
                row.tags = tag_rows(s, tags)
            row.modified = max(utcnow(), row.modified)
            s.flush()
            return _record(row)

    def delete(self, annotation_id: str) -> Annotation:
        """Remove the annotation; the returned record is what ``restore`` needs to undo it."""
        with self.library.writing() as s:
            row = _row(s, annotation_id)
            gone = _record(row)
            s.delete(row)
            return gone

    def restore(self, annotation: Annotation) -> Annotation:
        """Put a deleted annotation back exactly (same id, times, tags); re-anchored if the text changed since."""
        with self.library.writing() as s:
            article = s.get(ArticleRow, annotation.article_id)
            if article is None:
                raise KeyError(f"no article with id {annotation.article_id}")
            sel = Selector(annotation.start, annotation.end, annotation.exact, annotation.prefix, annotation.suffix)
            start, end, status, digest = sel.start, sel.end, annotation.status, article.text_hash
            if status == "anchored" and article.text[start:end] != annotation.exact:
                found = anchor(article.text, sel)
                if found is None:
                    status, digest = "orphan", ""
                else:
                    start, end = found.start, found.end
            elif status == "orphan":
                digest = ""  # its selectors belong to a text that is gone
            row = HighlightRow(
                id=annotation.id,
                article_id=annotation.article_id,
                color=annotation.color,
                note=annotation.note,
                author=annotation.author,
                status=status,
                created=annotation.created,
                modified=annotation.modified,
            )
            set_selector(row, make_selector(article.text, start, end) if status == "anchored" else sel, digest)
            row.tags = tag_rows(s, annotation.tags)
            _check_color(s, annotation.color)
            s.add(row)
            s.flush()
            return _record(row)

    def reattach(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Attach an annotation (typically an orphan) to ``[start, end)`` of its article's current text."""
        with self.library.writing() as s:
            row = _row(s, annotation_id)
            sel, current_hash = _selector_in_article(s, row.article_id, start, end)
            set_selector(row, sel, current_hash)
            row.status = "anchored"
            row.modified = max(utcnow(), row.modified)
            s.flush()
            return _record(row)

    def counts_by_color(self, article_id: int | None = None) -> dict[str, int]:
        """Highlights per colour key, every colour of the legend included, in legend order."""
        with self.library.reading() as s:
            stmt = select(HighlightRow.color, func.count()).group_by(HighlightRow.color)
            if article_id is not None:
                stmt = stmt.where(HighlightRow.article_id == article_id)
            counts = {k: int(n) for k, n in s.execute(stmt).all()}
            keys = s.scalars(select(ColorRow.key).order_by(ColorRow.position, ColorRow.key)).all()
        return {k: counts.get(k, 0) for k in keys}

    # -- tags and colours ------------------------------------------------------------------------------------------

    def tags(self) -> builtins.list[str]:
        """Tags in use, alphabetically (for completion)."""
        with self.library.reading() as s:
            names = s.scalars(select(TagRow.name).where(TagRow.id.in_(select(HighlightTagRow.tag_id)))).all()
        return sorted(names, key=lambda n: (n.casefold(), n))

    def colors(self) -> builtins.list[ColorMeaning]:
        with self.library.reading() as s:
            return [_color(r) for r in s.scalars(select(ColorRow).order_by(ColorRow.position, ColorRow.key))]

    def set_color(
        self, key: str, *, meaning: str | None = None, swatch: str | None = None, background: str | None = None
    ) -> ColorMeaning:
        """Rename a colour's meaning or change its swatches; a new key is added at the end of the legend (it needs
        both swatches)."""
        for value in (swatch, background):
            if value is not None and not _SWATCH.match(value):
                raise ValueError(f"colour {value!r} is not #RRGGBB")
        with self.library.writing() as s:
            row = s.get(ColorRow, key)
            if row is None:
                if not key.strip() or swatch is None or background is None:
                    raise ValueError(f"a new colour {key!r} needs a key, a swatch and a background")
                last = s.scalar(select(func.max(ColorRow.position)))
                row = ColorRow(
                    key=key.strip(),
                    meaning=meaning or key,
                    swatch=swatch,
                    background=background,
                    position=(last if last is not None else -1) + 1,
                )
                s.add(row)
            else:
                if meaning is not None:
                    row.meaning = meaning.strip()
                if swatch is not None:
                    row.swatch = swatch
                if background is not None:
                    row.background = background
            s.flush()
            return _color(row)


def reanchor_article(session: Session, row: ArticleRow, old_text: str) -> int:
    """Re-anchor the article's highlights in its new text; returns how many became orphans.

    Runs inside the import's transaction. A highlight found again gets fresh selectors in the new text; an orphan
    keeps its old ones so that it can still be shown and re-attached (and found again if the text comes back).
    """
    old_hash = text_hash(old_text)
    change: TextChange | None = None
    orphans = 0
    new_text, new_hash = row.text, row.text_hash
    for h in session.scalars(select(HighlightRow).where(HighlightRow.article_id == row.id)):
        sel = Selector(h.start, h.end, h.exact, h.prefix, h.suffix)
        if h.text_hash == old_hash and old_text[h.start : h.end] == h.exact:
            change = change or TextChange(old_text, new_text)
            found = anchor(new_text, sel, expected=change.expected(h.start, h.end), near=change.near(h.start))
        else:
            found = anchor(new_text, sel)
        if found is None:
            if h.status != "orphan":
                h.status = "orphan"
            orphans += 1
            continue
        set_selector(h, make_selector(new_text, found.start, found.end), new_hash)
        h.status = "anchored"
    return orphans


# -- internals -----------------------------------------------------------------------------------------------------


def _record(row: HighlightRow) -> Annotation:
    return Annotation(
        id=row.id,
        article_id=row.article_id,
        start=row.start,
        end=row.end,
        exact=row.exact,
        prefix=row.prefix,
        suffix=row.suffix,
        color=row.color,
        note=row.note,
        tags=tuple(sorted((t.name for t in row.tags), key=str.casefold)),
        author=row.author,
        created=row.created,
        modified=row.modified,
        status=row.status,
    )


def _color(row: ColorRow) -> ColorMeaning:
    return ColorMeaning(row.key, row.meaning, row.swatch, row.background, row.position)


def _row(s: Session, annotation_id: str) -> HighlightRow:
    row = s.get(HighlightRow, annotation_id)
    if row is None:
        raise KeyError(f"no annotation with id {annotation_id}")
    return row


def set_selector(row: HighlightRow, sel: Selector, digest: str) -> None:
    """Store ``sel`` (made by :mod:`models.anchoring`) on the row, with the hash of the text it belongs to."""
    row.start, row.end, row.exact, row.prefix, row.suffix, row.text_hash = (
        sel.start,
        sel.end,
        sel.exact,
        sel.prefix,
        sel.suffix,
        digest,
    )


def _selector_in_article(s: Session, article_id: int, start: int, end: int) -> tuple[Selector, str]:
    """The selector of ``[start, end)`` read from the database without loading the whole text (SQL ``substr``
    and ``length`` count characters, like Python)."""
    lo, hi = context_span(start, end)
    found = s.execute(
        select(
            ArticleRow.text_hash,
            func.length(ArticleRow.text),
            func.substr(ArticleRow.text, lo + 1, max(0, hi - lo)),
        ).where(ArticleRow.id == article_id)
    ).one_or_none()
    if found is None:
        raise KeyError(f"no article with id {article_id}")
    digest, length, piece = found
    if not 0 <= start < end <= length:
        raise ValueError(f"range [{start}, {end}) is not a non-empty span of the article's {length} characters")
    return make_selector(piece, start, end, offset=lo), digest


def _check_color(s: Session, key: str) -> None:
    if s.get(ColorRow, key) is None:
        known = s.scalars(select(ColorRow.key).order_by(ColorRow.position)).all()
        raise ValueError(f"unknown colour {key!r}; one of {', '.join(known)}")


def lock_tags(s: Session) -> None:
    """Writers that may add tags take turns on PostgreSQL, as ``BEGIN IMMEDIATE`` makes every writer do on SQLite:
    two readers of a shared library adding the same new tag at once would otherwise get two tags differing in case,
    or one of them a unique-name error. Held until the transaction ends."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _TAGS_LOCK})


def tag_rows(s: Session, tags: Iterable[str], known: dict[str, TagRow] | None = None) -> list[TagRow]:
    """Rows for the tags, reusing an existing tag whatever its case (the library's first spelling wins).

    ``known`` (from :func:`known_tags`, kept up to date here) spares a batch of annotations a lookup each.
    """
    names = normalize_tags(tags)
    if not names:
        return []
    existing = known_tags(s) if known is None else known
    rows: list[TagRow] = []
    for name in names:
        found = existing.get(name.casefold())
        if found is None:
            found = existing[name.casefold()] = TagRow(name=name)
            s.add(found)
        rows.append(found)
    return rows


def known_tags(s: Session) -> dict[str, TagRow]:
    """The library's tags by casefolded name, once the writer holds the tag lock (see :func:`lock_tags`)."""
    lock_tags(s)
    existing: dict[str, TagRow] = {}
    for tag in s.scalars(select(TagRow)):
        existing.setdefault(tag.name.casefold(), tag)
    return existing


def _check_uuid(value: str) -> None:
    try:
        uuid.UUID(value)
    except ValueError:
        raise ValueError(f"annotation id {value!r} is not a UUID") from None


def _naive_utc(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo is not None else when


def library_highlights(library: Any, store: AnnotationStore) -> tuple[list[Annotation], dict[int, str]]:
    """Every annotation of the library and the titles of the articles holding them (the highlighted articles' page
    rather than the whole library's list): the reader's "All highlights", read on a worker."""
    annotations = list(store.list())
    wanted = {a.article_id for a in annotations}
    titles: dict[int, str] = {}
    if wanted and callable(getattr(library, "article_page", None)):
        count = library.count_articles(highlighted_only=True)
        titles = {a.id: a.title for a in library.article_page(0, max(count, 1), highlighted_only=True)}
    if wanted - titles.keys():
        titles = {a.id: a.title for a in library.list_articles()}
    return annotations, titles
