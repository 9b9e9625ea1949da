"""Stand-ins for the store and ingest contracts, so GUI tests run without a database or a parser."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from models.article import Article, Metadata, build_text

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


@dataclass(frozen=True)
class ImportResult:
    id: int
    title: str
    source: str
    status: str


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source: str
    publisher: str
    published: str | None
    imported_at: datetime
    highlight_count: int = 0


@dataclass(frozen=True)
class StoredArticle:
    id: int
    article: Article
    imported_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class SearchHit:
    kind: str
    article_id: int
    title: str
    snippet: str
    start: int | None = None
    end: int | None = None


@dataclass
class FakeLibrary:
    """The store contract in memory: import by source, newest first, naive substring search."""

    location: str = "memory://test"
    articles: dict[int, StoredArticle] = field(default_factory=dict)

    def import_article(self, article: Article) -> ImportResult:
        now = datetime(2024, 1, 1)
        for stored in self.articles.values():
            if stored.article.source == article.source:
                status = "unchanged" if stored.article == article else "updated"
                self.articles[stored.id] = StoredArticle(stored.id, article, stored.imported_at, now)
                return ImportResult(stored.id, article.metadata.title, article.source, status)
        new_id = max(self.articles, default=0) + 1
        self.articles[new_id] = StoredArticle(new_id, article, now, now)
        return ImportResult(new_id, article.metadata.title, article.source, "new")

    def list_articles(self, query: str | None = None) -> list[ArticleSummary]:
        ids = [h.article_id for h in self.search(query)] if query else list(self.articles)
        out = []
        for i in sorted(set(ids), reverse=True):
            a = self.articles[i].article
            title = a.metadata.title or a.text.split("\n", 1)[0][:80]
            out.append(ArticleSummary(i, title, a.source, a.metadata.publisher, a.metadata.published,
                                      self.articles[i].imported_at))
        return out

    def get_article(self, article_id: int) -> StoredArticle:
        return self.articles[article_id]

    def search(self, query: str | None, limit: int = 50) -> list[SearchHit]:
        hits = []
        for i, stored in self.articles.items():
            text = stored.article.text
            at = text.lower().find((query or "").lower())
            if at >= 0:
                snippet = text[max(0, at - 20) : at + len(query or "") + 20]
                hits.append(SearchHit("article", i, stored.article.metadata.title, snippet, at, at + len(query or "")))
        return hits[:limit]

    def article_count(self) -> int:
        return len(self.articles)
