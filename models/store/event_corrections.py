"""Timeline events as the reader sees them: the cached analysis with the reader's timeline corrections replayed on
top (a date confirmed, words that are no date). Each write also redoes the article's rows of the library timeline.

The rules live in ``event_corrections``, one article each; see :mod:`models.analysis.event_corrections`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.analysis import ANALYZER_VERSION
from models.analysis.event_corrections import (
    EventCorrection,
    apply_event_corrections,
    payload_of,
    rule_for,
)
from models.analysis.serialize import from_dict
from models.analysis.types import Analysis
from models.store.annotations import default_author
from models.store.event_correction_rows import event_correction_of, event_rules
from models.store.library_index import reindex_events
from models.store.schema import AnalysisRow, ArticleRow, EventCorrectionRow

if TYPE_CHECKING:
    from models.store.sessions import Sessions


class EventCorrectionStore:
    """Timeline corrections of one library; every method is one transaction."""

    def __init__(self, library: Sessions) -> None:
        self.library = library

    def add_rule(self, article_id: int, action: str, start: int, end: int, author: str | None = None
                 ) -> EventCorrection:
        """Store ``action`` ("confirm" or "not-a-date") for the event whose date expression is ``[start, end)`` of
        the article's text as the reader sees it now. KeyError: no such article; ValueError: no dated event there,
        or an unknown action."""
        with self.library.writing() as s:
            text = s.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id))
            if text is None:
                raise KeyError(f"no article with id {article_id}")
            analysis = _current_analysis(s, article_id)
            events = apply_event_corrections(analysis.events, event_rules(s, [article_id]).get(article_id, ()),
                                             text) if analysis is not None else ()
            event = next((ev for ev in events if (ev.timex.start, ev.timex.end) == (start, end)), None)
            if event is None:
                raise ValueError(f"no dated event at [{start}, {end}) of article {article_id}")
            rule = rule_for(action, event, text)
            row = EventCorrectionRow(article_id=article_id, action=action, payload=payload_of(rule),
                                     author=author if author is not None else default_author())
            s.add(row)
            s.flush()
            added = event_correction_of(row)
            reindex_events(s, [article_id])
            return added

    def remove_rule(self, rule_id: int) -> EventCorrection | None:
        """Undo a timeline correction; returns what was removed, None if it was already gone."""
        with self.library.writing() as s:
            row = s.get(EventCorrectionRow, rule_id)
            if row is None:
                return None
            removed = event_correction_of(row)
            s.execute(delete(EventCorrectionRow).where(EventCorrectionRow.id == rule_id))
            reindex_events(s, [row.article_id])
            return removed

    def rules(self, article_id: int) -> tuple[EventCorrection, ...]:
        with self.library.reading() as s:
            return event_rules(s, [article_id]).get(article_id, ())

    def corrected(self, article_id: int, analysis: Analysis) -> Analysis:
        """``analysis`` (of the article's current text) with the article's timeline rules applied."""
        with self.library.reading() as s:
            rules = event_rules(s, [article_id]).get(article_id, ())
            if not rules:
                return analysis
            text = s.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id)) or ""
        return replace(analysis, events=apply_event_corrections(analysis.events, rules, text))


def with_event_corrections(library: object, article_id: int, analysis: Analysis) -> Analysis:
    """``analysis`` with the article's timeline corrections, for any library object (a stand-in without stored
    corrections gives it back unchanged)."""
    if not callable(getattr(library, "reading", None)) or not callable(getattr(library, "writing", None)):
        return analysis
    return EventCorrectionStore(library).corrected(article_id, analysis)  # type: ignore[arg-type]


def _current_analysis(s: Session, article_id: int) -> Analysis | None:
    """The cached analysis of the article's current text, this analyser's first."""
    data = s.scalar(
        select(AnalysisRow.data)
        .join(ArticleRow, (AnalysisRow.article_id == ArticleRow.id) & (AnalysisRow.text_hash == ArticleRow.text_hash))
        .where(ArticleRow.id == article_id)
        .order_by(AnalysisRow.version != ANALYZER_VERSION, AnalysisRow.id.desc())
        .limit(1)
    )
    return from_dict(data) if data is not None else None
