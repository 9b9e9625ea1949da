"""Everything that changed between two revisions of an article, as one frozen value (pure: texts in, changes out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.analysis.types import Analysis
from models.article import Article
from models.revisions.analysis_diff import EntityChange, EventChange, entity_changes, event_changes
from models.revisions.fates import HighlightFate, TrackedHighlight, highlight_fates
from models.revisions.text_diff import MetaChange, ParagraphChanges, TextChange, by_paragraph, diff_metadata, diff_texts


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    old_number: int
    new_number: int
    changes: tuple[TextChange, ...]  # in text order
    paragraphs: tuple[ParagraphChanges, ...]
    metadata: tuple[MetaChange, ...]
    highlights: tuple[HighlightFate, ...]
    entities: tuple[EntityChange, ...]
    events: tuple[EventChange, ...]
    analysed: bool  # both revisions had an analysis, so entities and events were compared

    @property
    def title_changed(self) -> bool:
        return any(m.field == "title" for m in self.metadata)


def compare(
    old: Article,
    new: Article,
    *,
    old_number: int,
    new_number: int,
    highlights: Sequence[TrackedHighlight] = (),
    old_analysis: Analysis | None = None,
    new_analysis: Analysis | None = None,
) -> RevisionDiff:
    changes = diff_texts(old, new)
    analysed = old_analysis is not None and new_analysis is not None
    entities: list[EntityChange] = []
    events: list[EventChange] = []
    if old_analysis is not None and new_analysis is not None:
        entities = entity_changes(old_analysis, new_analysis)
        events = event_changes(old.text, new.text, old_analysis, new_analysis)
    return RevisionDiff(
        old_number,
        new_number,
        tuple(changes),
        tuple(by_paragraph(changes, old, new)),
        tuple(diff_metadata(old, new)),
        tuple(highlight_fates(old.text, new.text, highlights)),
        tuple(entities),
        tuple(events),
        analysed,
    )
