"""The diff of two stored revisions: reads them, their analyses and the article's highlights from the library.

Highlights are compared from the revision they existed in: a highlight made on revision 1 is carried to revision 2
by the same re-anchoring the import uses before revisions 2 and 3 are compared; one made later than the older
revision of the pair is left out. When the newer revision is the current one, the reader's own state of each
highlight (re-attached, orphaned) is what the diff reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from models.analysis.types import Analysis
from models.anchoring import Selector
from models.revisions.compare import RevisionDiff, compare
from models.revisions.fates import TrackedHighlight, follow
from models.store.records import HighlightOrigin, RevisionInfo

if TYPE_CHECKING:
    from models.store.library import Library


def default_pair(numbers: list[int]) -> tuple[int, int]:
    """The last two revisions (1, 1 for an article never edited)."""
    if not numbers:
        raise KeyError("the article has no revisions")
    return (numbers[-2] if len(numbers) > 1 else numbers[-1]), numbers[-1]


def revision_analysis(lib: Library, article_id: int, number: int, *, compute: bool = True) -> Analysis | None:
    """The analysis of a revision: stored, or computed now (and stored) when ``compute``; None otherwise."""
    from models.analysis import ANALYZER_VERSION

    stored = lib.revisions.analysis(article_id, number)
    if stored is not None and stored.version == ANALYZER_VERSION:
        return stored
    if not compute:
        return stored
    from models.store.analysis_jobs import analyze_article

    revision = lib.revisions.get(article_id, number)
    result = analyze_article(revision.article)
    lib.revisions.save_analysis(article_id, number, result)
    return result


def diff_revisions(
    lib: Library, article_id: int, old_number: int | None = None, new_number: int | None = None,
    *, analyse: bool = True, compute: bool = True,
) -> RevisionDiff:
    """The changes from revision ``old_number`` to ``new_number`` (default: the last two). Entities and events are
    compared when ``analyse``, from stored analyses only unless ``compute`` (which may run the analyser)."""
    infos = lib.revisions.list(article_id)
    numbers = [i.number for i in infos]
    a, b = default_pair(numbers)
    old_number = a if old_number is None else old_number
    new_number = b if new_number is None else new_number
    for n in (old_number, new_number):
        if n not in numbers:
            raise KeyError(f"article {article_id} has no revision {n} (it has 1 to {numbers[-1]})")
    old = lib.revisions.get(article_id, old_number).article
    new = lib.revisions.get(article_id, new_number).article
    texts = {n: lib.revisions.get(article_id, n).article.text for n in numbers}
    current = numbers[-1]
    stored = {a.id: a for a in lib.annotations.list(article_id)}
    tracked: list[TrackedHighlight] = []
    for hid, origin in sorted(lib.revisions.origins(article_id).items(), key=lambda kv: (kv[1].start, kv[0])):
        if origin.revision > old_number:
            continue  # made after the older revision of the pair
        sel = Selector(origin.start, origin.end, origin.exact, origin.prefix, origin.suffix)
        path = [texts[n] for n in numbers if origin.revision <= n <= old_number]
        carried = follow(path, sel) if len(path) > 1 else sel
        if carried is None:
            continue  # already lost before the older revision: nothing left to lose
        ann = stored.get(hid)
        if new_number == current and ann is not None:
            lost = ann.status == "orphan"
            span = None if lost else (ann.start, ann.end)
            tracked.append(TrackedHighlight(hid, carried, span, lost))
        else:
            tracked.append(TrackedHighlight(hid, carried))
    old_analysis = new_analysis = None
    if analyse:
        old_analysis = revision_analysis(lib, article_id, old_number, compute=compute)
        new_analysis = revision_analysis(lib, article_id, new_number, compute=compute)
    return compare(
        old,
        new,
        old_number=old_number,
        new_number=new_number,
        highlights=tracked,
        old_analysis=old_analysis,
        new_analysis=new_analysis,
    )


@dataclass(frozen=True, slots=True)
class ArticleHistory:
    """An edited article's versions as exports need them: when each was seen, where each highlight was made, and
    what changed since the first version the reader had."""

    article_id: int
    revisions: tuple[RevisionInfo, ...]
    origins: Mapping[str, HighlightOrigin]
    since_first: RevisionDiff

    def revision(self, number: int) -> RevisionInfo | None:
        return next((r for r in self.revisions if r.number == number), None)


def article_history(lib: Library, article_id: int, *, analyse: bool = False) -> ArticleHistory | None:
    """The history of an article with more than one version (None for one never edited)."""
    infos = lib.revisions.list(article_id)
    if len(infos) < 2:
        return None
    diff = diff_revisions(lib, article_id, infos[0].number, infos[-1].number, analyse=True, compute=analyse)
    return ArticleHistory(article_id, tuple(infos), MappingProxyType(lib.revisions.origins(article_id)), diff)
