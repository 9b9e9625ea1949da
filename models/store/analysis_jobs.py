"""Analysis of stored articles: computed once per text version and analyser version, then read from the cache."""

from __future__ import annotations

from models.analysis import ANALYZER_VERSION, DEFAULT_BUDGET, Budget, analyze_safely
from models.analysis.types import Analysis
from models.article import Article
from models.store.library import Library


def analyze_article(article: Article, budget: Budget = DEFAULT_BUDGET) -> Analysis:
    """The article's analysis; an error makes it a failed analysis with the reason (never an exception)."""
    return analyze_safely(
        article.text, article.published_day, authors=article.metadata.authors, language=article.metadata.language,
        budget=budget,
    )


def ensure_analysis(
    lib: Library, article_id: int, *, retry: bool = False, budget: Budget = DEFAULT_BUDGET
) -> Analysis:
    """The article's analysis: from the cache when its text and the analyser are unchanged, else computed + stored.

    A failed analysis is stored too (the reader shows it and the library marks the article); ``retry`` computes
    a stored failure again.
    """
    cached = lib.load_analysis(article_id, ANALYZER_VERSION)
    if cached is not None and not (retry and cached.status != "complete"):
        return cached
    stored = lib.get_article(article_id)
    result = analyze_article(stored.article, budget)
    lib.save_analysis(article_id, result)
    return result
