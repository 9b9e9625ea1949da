"""An article to its row of the ``articles`` table and back (the import, the bulk import and every read use it)."""

from __future__ import annotations

from models.article import Article, Block, metadata_from_dict, metadata_to_dict
from models.store.records import StoredArticle
from models.store.schema import ArticleRow


def fill_row(row: ArticleRow, article: Article) -> None:
    """Write the article's title, text, blocks and metadata into ``row`` (its identity columns are the caller's)."""
    row.title = article.metadata.title
    row.text = article.text
    row.text_hash = article.text_hash
    row.blocks = [[b.start, b.end, b.kind] for b in article.blocks]
    row.meta = metadata_to_dict(article.metadata)
    day = article.published_day
    row.published = day.isoformat() if day else None


def stored_article(row: ArticleRow) -> StoredArticle:
    article = Article(
        source=row.source,
        kind=row.kind,
        text=row.text,
        blocks=tuple(Block(int(a), int(b), str(k)) for a, b, k in row.blocks),
        metadata=metadata_from_dict(row.meta),
    )
    return StoredArticle(row.id, row.uid, article, row.note, row.imported_at, row.updated_at)
