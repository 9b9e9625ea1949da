"""The reader's timeline corrections as stored in ``event_corrections``, read back as rules to replay."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.analysis.event_corrections import EventCorrection, rule_from_payload
from models.store.schema import EventCorrectionRow

CHUNK = 500  # ids per IN (...) list


def event_rules(s: Session, article_ids: Sequence[int]) -> dict[int, tuple[EventCorrection, ...]]:
    """The timeline rules of each of these articles, in the order they were made (articles without any left out)."""
    out: dict[int, list[EventCorrection]] = {}
    ids = sorted(set(article_ids))
    for i in range(0, len(ids), CHUNK):
        stmt = (select(EventCorrectionRow).where(EventCorrectionRow.article_id.in_(ids[i : i + CHUNK]))
                .order_by(EventCorrectionRow.id))
        for row in s.scalars(stmt):
            try:
                out.setdefault(row.article_id, []).append(event_correction_of(row))
            except ValueError:
                continue  # a rule this version cannot read is kept in the table, not applied
    return {k: tuple(v) for k, v in out.items()}


def event_correction_of(row: EventCorrectionRow) -> EventCorrection:
    return EventCorrection(rule_from_payload(row.action, row.payload), row.id, row.article_id, row.author,
                           row.created)
