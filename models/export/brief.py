"""The brief: what a reader hands on after studying a story — sources, highlights by meaning, who is involved
and what happened when — for one article or a whole selection.

This module gathers the brief's contents once; ``markdown.render_brief_markdown`` and ``html.render_brief_html``
write them out (and the PDF is typeset from the HTML)."""

from __future__ import annotations

from dataclasses import dataclass

from models.analysis.event_corrections import CONFIRMED_BY_YOU, confirmed
from models.analysis.readable_dates import readable_date
from models.analysis.types import LOW_CONFIDENCE
from models.export.bundle import (
    ExportBundle,
    article_title,
    by_article,
    iso_utc,
    legend,
)
from models.export.grouping import touching
from models.store.records import Annotation, StoredArticle


@dataclass(frozen=True, slots=True)
class BriefEntity:
    name: str
    type: str
    mentions: int
    articles: int
    notes: tuple[str, ...]  # the reader's notes on highlights that cover a mention
    doubtful: bool = False  # the analyser is not sure of it in any article, and nobody confirmed it


@dataclass(frozen=True, slots=True)
class BriefEvent:
    date: str  # first day covered (ISO), for sorting
    value: str  # TIMEX3 value as found
    when: str  # the value in words ("spring 2019")
    expression: str  # the words of the article
    sentence: str
    article: str  # article title
    planned: bool
    doubtful: bool = False  # the analyser is not sure of the value (drawn faded in the reader)
    confirmed: bool = False  # the reader confirmed the value ("confirmed by you")


def brief_entities(bundle: ExportBundle) -> list[BriefEntity]:
    """Entities of every analysed article, merged by name and type, most mentioned first."""
    per_article = by_article(bundle)
    merged: dict[tuple[str, str], tuple[int, int, list[str], float]] = {}
    for stored in bundle.articles:
        analysis = bundle.analyses.get(stored.id)
        if analysis is None:
            continue
        for entity in analysis.entities:
            key = (entity.name, entity.type)
            mentions, articles, notes, sure = merged.get(key, (0, 0, [], 0.0))
            notes = notes + [a.note.strip() for a in touching(entity, per_article[stored.id]) if a.note.strip()]
            merged[key] = (mentions + len(entity.mentions), articles + 1, notes, max(sure, entity.confidence))
    rows = [BriefEntity(n, t, m, k, tuple(dict.fromkeys(notes)), sure < LOW_CONFIDENCE)
            for (n, t), (m, k, notes, sure) in merged.items()]
    return sorted(rows, key=lambda e: (-e.mentions, e.name.casefold()))


def brief_events(bundle: ExportBundle) -> list[BriefEvent]:
    out: list[BriefEvent] = []
    for stored in bundle.articles:
        analysis = bundle.analyses.get(stored.id)
        if analysis is None:
            continue
        text = stored.article.text
        for ev in analysis.events:
            sentence = " ".join(text[ev.sentence_start : ev.sentence_end].split())
            out.append(BriefEvent(ev.interval_start, ev.timex.value, readable_date(ev.timex.value, ev.timex.mod),
                                  ev.timex.text, sentence, article_title(stored), ev.planned,
                                  ev.timex.confidence < LOW_CONFIDENCE, confirmed(ev)))
    return sorted(out, key=lambda e: (e.date, e.article, e.sentence))


UNSURE = "unsure"  # the mark of a doubtful item in every export
CONFIRMED = CONFIRMED_BY_YOU  # the mark of a date the reader confirmed
UNSURE_LEGEND = ("Items marked “unsure” are ones the analyser is not sure of (faded in the reader); "
                 "confirm or correct them there.")


def any_doubtful(entities: list[BriefEntity], events: list[BriefEvent]) -> bool:
    return any(e.doubtful for e in entities) or any(e.doubtful for e in events)


CHANGE_QUOTE = 280  # characters of changed text quoted in the brief


@dataclass(frozen=True, slots=True)
class BriefChanges:
    """What changed in one article since the first version the reader had (the brief's "Changes since first
    read")."""

    article: str  # title
    first: str  # "version 1, imported 2019-01-23T08:00:00Z"
    last: str
    lines: tuple[str, ...]  # one plain-text sentence per change, in text order, then highlights, entities, dates


def brief_changes(bundle: ExportBundle) -> list[BriefChanges]:
    out: list[BriefChanges] = []
    for stored in bundle.articles:
        history = bundle.histories.get(stored.id)
        if history is None:
            continue
        diff, first, last = history.since_first, history.revisions[0], history.revisions[-1]
        lines: list[str] = []
        for m in diff.metadata:
            lines.append(f"{'Headline' if m.field == 'title' else m.field.capitalize()}: "
                         f"“{_flat(m.old)}” → “{_flat(m.new)}”")
        for c in diff.changes:
            if c.op == "insert":
                lines.append(f"Inserted: “{_clip(c.new_text)}”")
            elif c.op == "delete":
                lines.append(f"Deleted: “{_clip(c.old_text)}”")
            else:
                lines.append(f"Replaced “{_clip(c.old_text)}” with “{_clip(c.new_text)}”")
        fates = {"orphaned": "Highlight lost (its words were deleted)", "edited": "Highlight edited under it",
                 "moved": "Highlight moved"}
        for h in diff.highlights:
            if h.fate in fates:
                after = f" → “{_clip(h.new_quote)}”" if h.fate == "edited" and h.new_quote else ""
                lines.append(f"{fates[h.fate]}: “{_clip(h.old_quote)}”{after}")
        for e in diff.entities:
            lines.append(f"{'Appeared' if e.change == 'added' else 'Disappeared'}: {e.name} ({e.type.title()})")
        for ev in diff.events:
            if ev.change == "changed":
                lines.append(f"Date changed: {ev.old_value} → {ev.value} (“{_clip(ev.text)}”)")
            else:
                lines.append(f"Date {ev.change}: {ev.value} (“{_clip(ev.text)}”)")
        out.append(BriefChanges(
            article_title(stored),
            f"version {first.number}, imported {iso_utc(first.imported_at)}",
            f"version {last.number}, imported {iso_utc(last.imported_at)}",
            tuple(lines),
        ))
    return out


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CHANGE_QUOTE else text[: CHANGE_QUOTE - 1] + "…"


def _flat(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def by_color(bundle: ExportBundle) -> list[tuple[str, list[tuple[StoredArticle, Annotation]]]]:
    per_article = by_article(bundle)
    pairs = [(s, a) for s in bundle.articles for a in per_article[s.id]]
    return [(c.key, [(s, a) for s, a in pairs if a.color == c.key]) for c in legend(bundle).values()
            if any(a.color == c.key for _, a in pairs)]
