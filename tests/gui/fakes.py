"""Stand-ins for the store and ingest contracts, so GUI tests run without a database or a parser."""

from __future__ import annotations

import builtins
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from models.analysis.types import Analysis
from models.anchoring import Selector, anchor, make_selector
from models.article import Article, Metadata, build_text
from models.store.annotations import default_author, normalize_tags, note_hashtags, tags_after_note_edit
from models.store.records import DEFAULT_LEGEND as DEFAULT_COLORS
from models.store.records import (
    Annotation,
    ArticleSummary,
    ColorMeaning,
    ImportResult,
    RevisionInfo,
    SearchHit,
    StoredArticle,
    StoredRevision,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
GOLD = ROOT / "tests" / "fixtures" / "abe-putin-summit-2019-01-23.gold.json"


def sample_article() -> Article:
    """The sample as the ingest step reads it (gold metadata, title + body blocks), built without the parser."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["metadata"]
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith(gold["body_starts_with"][:20]))
    end = next(i for i, line in enumerate(lines) if gold["body_ends_with"] in line)
    body = lines[start : end + 1]
    body[-1] = body[-1][: body[-1].index(gold["body_ends_with"]) + len(gold["body_ends_with"])]
    parts = [("title", gold["title"])]
    for line in body:
        parts.append(("heading" if line in gold["subheadings"] else "paragraph", line))
    text, blocks = build_text(parts)
    meta = Metadata(
        title=gold["title"],
        authors=tuple(gold["authors"]),
        published=gold["published"],
        publisher=gold["source"],
        section=gold["section"],
        page=gold["page"],
        dateline=gold["dateline"],
        subheadings=tuple(gold["subheadings"]),
        tags=tuple(gold["page_tags"]),
        provenance=gold["provenance_note"],
        editorial_note=gold["editorial_note"],
    )
    return Article(source=str(SAMPLE), kind="textdump", text=text, blocks=blocks, metadata=meta)


class IngestError(Exception):
    """The fake ingest's one-line user error."""


def fake_ingest(articles: dict[str, Article] | None = None) -> SimpleNamespace:
    """An ingest module: known sources give their article, anything else raises IngestError."""
    known = dict(articles or {})

    def ingest_file(path: object) -> Article:
        if str(path) in known:
            return known[str(path)]
        if not Path(str(path)).exists():
            raise IngestError(f"no such file: {path}")
        text = Path(str(path)).read_text(encoding="utf-8")
        if not text.strip():
            raise IngestError("empty text")
        return ingest_text(text, source=str(path))

    def ingest_text(text: str, source: str = "clipboard") -> Article:
        body, blocks = build_text([("paragraph", line) for line in text.splitlines()])
        if not body:
            raise IngestError("empty text")
        return Article(source=source, kind="text", text=body, blocks=blocks, metadata=Metadata())

    def ingest_html(html: str, source: str = "clipboard") -> Article:
        return ingest_text(html.replace("<p>", "\n").replace("</p>", ""), source=source)

    def ingest_url(url: str) -> Article:
        if url in known:
            return known[url]
        raise IngestError(f"could not download {url}")

    return SimpleNamespace(
        IngestError=IngestError,
        ingest_file=ingest_file,
        ingest_text=ingest_text,
        ingest_html=ingest_html,
        ingest_url=ingest_url,
    )


_NOW = datetime(2024, 1, 1)


class FakeAnnotations:
    """``Library.annotations`` in memory: the same records, selectors, tag rules and errors as the real store."""

    def __init__(self, library: FakeLibrary) -> None:
        self._library = library
        self._rows: dict[str, Annotation] = {}
        self._colors: dict[str, ColorMeaning] = {c.key: c for c in DEFAULT_COLORS}

    def _text(self, article_id: int) -> str:
        return self._library.get_article(article_id).article.text

    def _check_color(self, key: str) -> None:
        if key not in self._colors:
            raise ValueError(f"unknown colour {key!r}; one of {', '.join(c.key for c in self.colors())}")

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
        sel = make_selector(self._text(article_id), start, end)
        self._check_color(color)
        when = created or self._library.tick()
        record = Annotation(
            id or str(uuid.uuid4()), article_id, sel.start, sel.end, sel.exact, sel.prefix, sel.suffix, color, note,
            tuple(normalize_tags([*tags, *note_hashtags(note)])), default_author() if author is None else author,
            when, when, "anchored",
        )
        self._rows[record.id] = record
        return record

    def get(self, annotation_id: str) -> Annotation:
        if annotation_id not in self._rows:
            raise KeyError(f"no annotation with id {annotation_id}")
        return self._rows[annotation_id]

    def list(
        self,
        article_id: int | None = None,
        *,
        colors: Iterable[str] | None = None,
        tag: str | None = None,
        text: str | None = None,
        status: str | None = None,
        order: str = "position",
    ) -> builtins.list[Annotation]:
        wanted_colors = None if colors is None else set(colors)
        out = [a for a in self._rows.values() if (article_id is None or a.article_id == article_id)
               and (wanted_colors is None or a.color in wanted_colors) and (status is None or a.status == status)]
        if order == "created":
            out.sort(key=lambda a: (a.created, a.id))
        elif order == "color":
            out.sort(key=lambda a: (self._colors[a.color].position, a.article_id, a.start, a.end))
        else:
            out.sort(key=lambda a: (a.article_id, a.start, a.end, a.id))
        if tag is not None:
            wanted = {t.casefold() for t in normalize_tags([tag])}
            out = [a for a in out if wanted & {t.casefold() for t in a.tags}]
        if text:
            needle = " ".join(text.split()).casefold()
            out = [a for a in out if needle in " ".join(f"{a.exact}\n{a.note}".split()).casefold()]
        return out

    def update(
        self, annotation_id: str, *, color: str | None = None, note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Annotation:
        record = self.get(annotation_id)
        if color is not None:
            self._check_color(color)
            record = replace(record, color=color)
        if note is not None and note != record.note:
            base = builtins.list(tags) if tags is not None else builtins.list(record.tags)
            record = replace(record, note=note, tags=tuple(tags_after_note_edit(base, record.note, note)))
        elif tags is not None:
            record = replace(record, tags=tuple(normalize_tags(tags)))
        self._rows[annotation_id] = record = replace(record, modified=self._library.tick())
        return record

    def delete(self, annotation_id: str) -> Annotation:
        return self._rows.pop(self.get(annotation_id).id)

    def restore(self, annotation: Annotation) -> Annotation:
        text = self._text(annotation.article_id)
        record = annotation
        if annotation.status == "anchored" and text[annotation.start : annotation.end] != annotation.exact:
            found = anchor(text, Selector(annotation.start, annotation.end, annotation.exact, annotation.prefix,
                                          annotation.suffix))
            record = replace(annotation, status="orphan") if found is None else self._placed(annotation, text,
                                                                                             found.start, found.end)
        self._check_color(record.color)
        self._rows[record.id] = record
        return record

    def reattach(self, annotation_id: str, start: int, end: int) -> Annotation:
        record = self.get(annotation_id)
        placed = self._placed(record, self._text(record.article_id), start, end)
        self._rows[annotation_id] = placed = replace(placed, modified=self._library.tick())
        return placed

    def counts_by_color(self, article_id: int | None = None) -> dict[str, int]:
        counts = {c.key: 0 for c in self.colors()}
        for a in self.list(article_id):
            counts[a.color] += 1
        return counts

    def tags(self) -> builtins.list[str]:
        return sorted({t for a in self._rows.values() for t in a.tags}, key=lambda n: (n.casefold(), n))

    def colors(self) -> builtins.list[ColorMeaning]:
        return sorted(self._colors.values(), key=lambda c: (c.position, c.key))

    def set_color(
        self, key: str, *, meaning: str | None = None, swatch: str | None = None, background: str | None = None
    ) -> ColorMeaning:
        for value in (swatch, background):
            if value is not None and not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
                raise ValueError(f"colour {value!r} is not #RRGGBB")
        current = self._colors.get(key)
        if current is None:
            if not key.strip() or swatch is None or background is None:
                raise ValueError(f"a new colour {key!r} needs a key, a swatch and a background")
            last = max((c.position for c in self._colors.values()), default=-1)
            current = ColorMeaning(key.strip(), meaning or key, swatch, background, last + 1)
        else:
            current = replace(current, meaning=current.meaning if meaning is None else meaning.strip(),
                              swatch=swatch or current.swatch, background=background or current.background)
        self._colors[current.key] = current
        return current

    def reanchor(self, article_id: int, text: str) -> int:
        """After a re-import changed the text: each highlight found again moves, the others become orphans."""
        orphaned = 0
        for a in self.list(article_id, status="anchored"):
            found = anchor(text, Selector(a.start, a.end, a.exact, a.prefix, a.suffix))
            if found is None:
                self._rows[a.id] = replace(a, status="orphan")
                orphaned += 1
            else:
                self._rows[a.id] = self._placed(a, text, found.start, found.end)
        return orphaned

    def _placed(self, record: Annotation, text: str, start: int, end: int) -> Annotation:
        sel = make_selector(text, start, end)
        return replace(record, start=sel.start, end=sel.end, exact=sel.exact, prefix=sel.prefix, suffix=sel.suffix,
                       status="anchored")


class FakeRevisions:
    """``Library.revisions`` in memory: every text an article had, oldest first."""

    def __init__(self, library: FakeLibrary) -> None:
        self._library = library
        self.kept: dict[int, builtins.list[StoredRevision]] = {}

    def record(self, article_id: int, article: Article, when: datetime) -> int:
        kept = self.kept.setdefault(article_id, [])
        info = RevisionInfo(article_id, len(kept) + 1, when, article.text_hash, len(article.text.split()),
                            article.metadata.title, article.metadata.published, False)
        kept.append(StoredRevision(info, article))
        return info.number

    def list(self, article_id: int) -> builtins.list[RevisionInfo]:
        self._library.get_article(article_id)  # KeyError when there is no such article
        return [r.info for r in self.kept.get(article_id, [])]

    def count(self, article_id: int) -> int:
        return len(self.kept.get(article_id, []))

    def get(self, article_id: int, number: int) -> StoredRevision:
        for revision in self.kept.get(article_id, []):
            if revision.info.number == number:
                return revision
        raise KeyError(f"article {article_id} has no revision {number}")


class FakeLibrary:
    """The library contract (models.store.protocol.LibraryProtocol) in memory: import by source, newest first,
    naive substring search, analyses kept per text. A library in memory, as the real ``sqlite://`` one is: no other
    process can open it, so the reader analyses its articles in its own process."""

    url = "sqlite://"
    read_only = ""
    db_path: Path | None = None

    def __init__(self, location: str = "memory://test") -> None:
        self.location = location
        self.articles: dict[int, StoredArticle] = {}
        self.analyses: dict[int, Analysis] = {}
        self.read: set[int] = set()
        self.positions: dict[int, int] = {}  # the scroll position the reader left each article at
        self.closed = False
        self.annotations = FakeAnnotations(self)
        self.revisions = FakeRevisions(self)
        self._clock = _NOW

    def tick(self) -> datetime:
        """A strictly later time at each call, so orders by time are stable without sleeping."""
        self._clock += timedelta(seconds=1)
        return self._clock

    def close(self) -> None:
        self.closed = True

    def import_article(self, article: Article) -> ImportResult:
        now = self.tick()
        found = self.find_article(article.source)
        if found is None:
            new_id = max(self.articles, default=0) + 1
            self.articles[new_id] = StoredArticle(new_id, str(uuid.uuid4()), article, "", now, now)
            self.revisions.record(new_id, article, now)
            return ImportResult(new_id, article.metadata.title, article.source, "new")
        stored = self.articles[found]
        number = self.revisions.count(found)
        if stored.article.metadata.published_source == "user":  # the reader's date stays, as in the real store
            meta = stored.article.metadata
            article = replace(article, metadata=replace(article.metadata, published=meta.published,
                                                        published_source="user"))
        if stored.article == article:
            return ImportResult(found, article.metadata.title, article.source, "unchanged", revision=number)
        self.articles[found] = replace(stored, article=article, updated_at=now)
        if stored.article.text == article.text:
            return ImportResult(found, article.metadata.title, article.source, "updated", revision=number)
        orphaned = self.annotations.reanchor(found, article.text)
        number = self.revisions.record(found, article, now)
        return ImportResult(found, article.metadata.title, article.source, "updated", orphaned, revision=number)

    def list_articles(self, query: str | None = None) -> list[ArticleSummary]:
        if query and query.strip():
            ids = list(dict.fromkeys(h.article_id for h in self.search(query, limit=500)))
            return [self._summary(i) for i in ids]
        return self.article_page(0, len(self.articles))

    def article_count(self) -> int:
        return len(self.articles)

    def article_page(
        self, offset: int, limit: int, *, sort: str = "recent", unread_only: bool = False,
        highlighted_only: bool = False, edited_only: bool = False,
    ) -> list[ArticleSummary]:
        rows = [self._summary(i) for i in self._filtered(unread_only, highlighted_only, edited_only)]
        if sort == "recent":
            rows.sort(key=lambda r: (r.imported_at, r.id), reverse=True)
        elif sort in ("newest", "oldest"):
            dated = sorted((r for r in rows if r.published), key=lambda r: (r.published or "", r.id),
                           reverse=sort == "newest")
            rows = dated + [r for r in rows if not r.published]
        elif sort == "highlighted":
            rows.sort(key=lambda r: (r.highlight_count, r.imported_at, r.id), reverse=True)
        elif sort == "title":
            rows.sort(key=lambda r: (r.title.lower(), r.id))
        else:
            raise ValueError(f"unknown order {sort!r}")
        return rows[max(0, offset) : max(0, offset) + max(0, limit)]

    def count_articles(self, *, unread_only: bool = False, highlighted_only: bool = False,
                       edited_only: bool = False) -> int:
        return len(self._filtered(unread_only, highlighted_only, edited_only))

    def set_read(self, article_id: int, read: bool = True) -> None:
        self.get_article(article_id)
        (self.read.add if read else self.read.discard)(article_id)

    def set_position(self, article_id: int, position: int) -> None:
        self.get_article(article_id)
        self.positions[article_id] = max(0, position)

    def reading_state(self, article_id: int) -> tuple[bool, int]:
        return article_id in self.read, self.positions.get(article_id, 0)

    def get_article(self, article_id: int) -> StoredArticle:
        if article_id not in self.articles:
            raise KeyError(f"no article with id {article_id}")
        return self.articles[article_id]

    def find_article(self, source: str) -> int | None:
        return next((i for i, s in self.articles.items() if s.article.source == source), None)

    def delete_article(self, article_id: int) -> None:
        self.articles.pop(article_id, None)
        self.analyses.pop(article_id, None)
        self.read.discard(article_id)
        self.positions.pop(article_id, None)
        self.revisions.kept.pop(article_id, None)
        for a in self.annotations.list(article_id):
            self.annotations.delete(a.id)

    def set_article_note(self, article_id: int, note: str) -> None:
        self.articles[article_id] = replace(self.get_article(article_id), note=note, updated_at=self.tick())

    def set_published(self, article_id: int, published: str | None) -> None:
        stored = self.get_article(article_id)
        meta = replace(stored.article.metadata, published=published, published_source="user" if published else "")
        self.articles[article_id] = replace(stored, article=replace(stored.article, metadata=meta),
                                            updated_at=self.tick())
        self.analyses.pop(article_id, None)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        hits = []
        needle = query.strip().lower()
        for i, stored in sorted(self.articles.items(), reverse=True):
            at = stored.article.text.lower().find(needle) if needle else -1
            if at >= 0:
                lo = max(0, at - 20)
                snippet = stored.article.text[lo : at + len(needle) + 20]
                hits.append(SearchHit("article", i, stored.article.metadata.title, snippet,
                                      ((at - lo, at - lo + len(needle)),), at, at + len(needle)))
        return hits[:limit]

    def load_analysis(self, article_id: int, version: str) -> Analysis | None:
        found = self.analyses.get(article_id)
        current = self.articles.get(article_id)
        if found is None or current is None or found.version != version:
            return None
        return found if found.text_hash == current.article.text_hash else None

    def forget_analysis(self, article_id: int) -> None:
        self.analyses.pop(article_id, None)

    def save_analysis(self, article_id: int, analysis: Analysis) -> None:
        current = self.articles.get(article_id)
        if current is not None and current.article.text_hash == analysis.text_hash:
            self.analyses[article_id] = analysis

    def _filtered(self, unread_only: bool, highlighted_only: bool, edited_only: bool) -> list[int]:
        return [i for i in self.articles if not (unread_only and i in self.read)
                and not (highlighted_only and not self.annotations.list(i))
                and not (edited_only and self.revisions.count(i) < 2)]

    def _summary(self, article_id: int) -> ArticleSummary:
        stored = self.articles[article_id]
        a = stored.article
        marks = self.annotations.list(article_id)
        by_use = Counter(m.color for m in marks)
        versions = max(1, self.revisions.count(article_id))
        analysis = self.analyses.get(article_id)
        status = analysis.status if analysis is not None and analysis.status != "complete" else ""
        return ArticleSummary(
            article_id, a.metadata.title or a.text.split("\n", 1)[0][:80], a.source, a.metadata.publisher,
            a.published_day.isoformat() if a.published_day else None, stored.imported_at, len(marks),
            tuple(k for k, _ in by_use.most_common()), versions, versions > 1, status, article_id in self.read,
        )


class HeldPool:
    """A thread pool that keeps what it is given until the test lets it run (a worker that has not answered yet)."""

    def __init__(self) -> None:
        self.held: list[Any] = []

    def start(self, runnable: Any) -> None:
        self.held.append(runnable)

    def run_all(self, order: list[int] | None = None) -> None:
        """Run everything held (and what that starts), in the order given (indices into what is held), else as it
        came."""
        while self.held:
            held, self.held = self.held, []
            for i in order if order is not None else range(len(held)):
                held[i].run()
            order = None

    def run(self, title: str) -> int:
        """Run the tasks titled ``title``, the newest first (the older answers arrive late); how many ran."""
        ran = [r for r in self.held if r.task.title == title]
        self.held = [r for r in self.held if r not in ran]
        for runnable in reversed(ran):
            runnable.run()
        return len(ran)
