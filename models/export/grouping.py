"""How a list of highlights is sectioned in a document: by text order, colour meaning, entity or day."""

from __future__ import annotations

from dataclasses import dataclass

from models.analysis.types import Analysis, Entity
from models.store.records import Annotation, ColorMeaning


@dataclass(frozen=True, slots=True)
class Group:
    heading: str  # empty when the list is not sectioned
    annotations: tuple[Annotation, ...]
    color: ColorMeaning | None = None


def group_annotations(
    anns: list[Annotation], mode: str, colors: dict[str, ColorMeaning], analysis: Analysis | None
) -> list[Group]:
    """Sections in reading order; within a section highlights stay in text order."""
    if mode == "color":
        return [
            Group(c.meaning or c.key, tuple(a for a in anns if a.color == c.key), c)
            for c in colors.values()
            if any(a.color == c.key for a in anns)
        ]
    if mode == "entity":
        return _by_entity(anns, analysis)
    if mode == "date":
        days: dict[str, list[Annotation]] = {}
        for a in sorted(anns, key=lambda a: a.created):
            days.setdefault(a.created.date().isoformat(), []).append(a)
        return [Group(day, tuple(sorted(items, key=lambda a: (a.start, a.end)))) for day, items in days.items()]
    return [Group("", tuple(anns))] if anns else []


def touching(entity: Entity, anns: list[Annotation]) -> list[Annotation]:
    """Highlights that cover at least one mention of the entity."""
    return [a for a in anns if a.status != "orphan" and any(m.start < a.end and a.start < m.end
                                                              for m in entity.mentions)]


def _by_entity(anns: list[Annotation], analysis: Analysis | None) -> list[Group]:
    groups: list[Group] = []
    placed: set[str] = set()
    entities = sorted(analysis.entities, key=lambda e: -len(e.mentions)) if analysis else []
    for entity in entities:
        hits = touching(entity, anns)
        if hits:
            groups.append(Group(entity.name, tuple(hits)))
            placed.update(a.id for a in hits)
    rest = tuple(a for a in anns if a.id not in placed)
    if rest:
        groups.append(Group("Other highlights" if groups else "", rest))
    return groups
