"""The reader's entity corrections as stored in ``entity_corrections``, read back as rules to replay."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.analysis.corrections import Correction, rule_from_payload
from models.store.schema import EntityCorrectionRow


def stored_rules(s: Session, article_id: int | None, *, every: bool = False) -> tuple[Correction, ...]:
    stmt = select(EntityCorrectionRow).order_by(EntityCorrectionRow.id)
    if not every:
        stmt = stmt.where(
            or_(EntityCorrectionRow.article_id.is_(None), EntityCorrectionRow.article_id == article_id)
            if article_id is not None
            else EntityCorrectionRow.article_id.is_(None)
        )
    out = []
    for row in s.scalars(stmt):
        try:
            out.append(correction_of(row))
        except ValueError:
            continue  # a rule this version cannot read is kept in the table, not applied
    return tuple(out)


def correction_of(row: EntityCorrectionRow) -> Correction:
    return Correction(rule_from_payload(row.action, row.payload), row.id, row.article_id, row.author, row.created)
