"""Analysis of stored articles: computed once per text version and analyser version, then read from the cache."""

from __future__ import annotations

from models.analysis import ANALYZER_VERSION, analyze
from models.analysis.types import Analysis
from models.article import Article
from models.store.library import Library


def analyze_article(article: Article) -> Analysis:
    return analyze(article.text, article.published_day, authors=article.metadata.authors)


def ensure_analysis(lib: Library, article_id: int) -> Analysis:
    """The article's analysis: from the cache when its text and the analyser are unchanged, else computed + stored."""
    cached = lib.load_analysis(article_id, ANALYZER_VERSION)
    if cached is not None:
        return cached
    stored = lib.get_article(article_id)
    result = analyze_article(stored.article)
    lib.save_analysis(article_id, result)
    return result
