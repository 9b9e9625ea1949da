"""The brief: what a reader hands on after studying a story — sources, highlights by meaning, who is involved
and what happened when — for one article or a whole selection, in Markdown or HTML (and PDF from the HTML)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from models.analysis.readable_dates import readable_date
from models.export.bundle import (
    ExportBundle,
    ExportOptions,
    article_title,
    article_uri,
    by_article,
    document_title,
    iso_utc,
    legend,
    web_address,
)
from models.export.grouping import touching
from models.export.html import highlight_html, link, page, swatch
from models.export.markdown import front_matter, highlight_markdown
from models.export.note_markup import literal_markdown, note_html, safe_markdown
from models.store.records import Annotation, StoredArticle


@dataclass(frozen=True, slots=True)
class BriefEntity:
    name: str
    type: str
    mentions: int
    articles: int
    notes: tuple[str, ...]  # the reader's notes on highlights that cover a mention


@dataclass(frozen=True, slots=True)
class BriefEvent:
    date: str  # first day covered (ISO), for sorting
    value: str  # TIMEX3 value as found
    when: str  # the value in words ("spring 2019")
    expression: str  # the words of the article
    sentence: str
    article: str  # article title
    planned: bool


def brief_entities(bundle: ExportBundle) -> list[BriefEntity]:
    """Entities of every analysed article, merged by name and type, most mentioned first."""
    per_article = by_article(bundle)
    merged: dict[tuple[str, str], tuple[int, int, list[str]]] = {}
    for stored in bundle.articles:
        analysis = bundle.analyses.get(stored.id)
        if analysis is None:
            continue
        for entity in analysis.entities:
            key = (entity.name, entity.type)
            mentions, articles, notes = merged.get(key, (0, 0, []))
            notes = notes + [a.note.strip() for a in touching(entity, per_article[stored.id]) if a.note.strip()]
            merged[key] = (mentions + len(entity.mentions), articles + 1, notes)
    rows = [BriefEntity(n, t, m, k, tuple(dict.fromkeys(notes))) for (n, t), (m, k, notes) in merged.items()]
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
                                  ev.timex.text, sentence, article_title(stored), ev.planned))
    return sorted(out, key=lambda e: (e.date, e.article, e.sentence))


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


def _by_color(bundle: ExportBundle) -> list[tuple[str, list[tuple[StoredArticle, Annotation]]]]:
    per_article = by_article(bundle)
    pairs = [(s, a) for s in bundle.articles for a in per_article[s.id]]
    return [(c.key, [(s, a) for s, a in pairs if a.color == c.key]) for c in legend(bundle).values()
            if any(a.color == c.key for _, a in pairs)]


def _cell(text: str) -> str:
    return literal_markdown(" ".join(text.split()))


def render_brief_markdown(bundle: ExportBundle, options: ExportOptions) -> bytes:
    title = "Brief: " + document_title(bundle, options)
    colors = legend(bundle)
    many = len(bundle.articles) > 1
    parts = [front_matter({"title": title, "exported": iso_utc(bundle.exported),
                           "articles": [article_title(s) for s in bundle.articles]}),
             f"# {literal_markdown(title)}", "## Sources"]
    for s in bundle.articles:
        m = s.article.metadata
        bits = [x for x in (m.publisher, m.published or "", ", ".join(m.authors), article_uri(s)) if x]
        parts.append(f"- **{literal_markdown(article_title(s))}** — {literal_markdown(' · '.join(bits))}")
        if s.note.strip():
            parts.append("\n".join("  " + line for line in safe_markdown(s.note).strip().split("\n")))
    for key, items in _by_color(bundle):
        color = colors[key]
        parts.append(f"## {literal_markdown(color.meaning or color.key)}")
        for stored, ann in items:
            block = highlight_markdown(ann, color, show_color=False)
            if many:
                block += f"\n\n*{literal_markdown(article_title(stored))}*"
            parts.append(block)
    entities = brief_entities(bundle)
    if entities:
        parts.append("## Entities\n\n| Entity | Type | Mentions | Notes |\n| --- | --- | ---: | --- |\n" + "\n".join(
            f"| {_cell(e.name)} | {e.type} | {e.mentions} | {' / '.join(_cell(n) for n in e.notes)} |"
            for e in entities))
    events = brief_events(bundle)
    if events:
        lines = [f"- **{_cell(e.when)}** ({_cell(e.expression)}{', planned' if e.planned else ''}) — "
                 f"{_cell(e.sentence)}" + (f" *({_cell(e.article)})*" if many else "") for e in events]
        parts.append("## Chronology\n\n" + "\n".join(lines))
    changes = brief_changes(bundle)
    if changes:
        parts.append("## Changes since first read")
        for ch in changes:
            head = f"### {literal_markdown(ch.article)}\n\n" if many else ""
            parts.append(f"{head}*From {literal_markdown(ch.first)} to {literal_markdown(ch.last)}.*\n\n"
                         + "\n".join(f"- {literal_markdown(line)}" for line in ch.lines))
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def render_brief_html(bundle: ExportBundle, options: ExportOptions) -> bytes:
    title = "Brief: " + document_title(bundle, options)
    colors = legend(bundle)
    many = len(bundle.articles) > 1
    parts = [f"<h1>{escape(title)}</h1>", "<h2>Sources</h2>", "<ul>"]
    for s in bundle.articles:
        m = s.article.metadata
        bits = [escape(x) for x in (m.publisher, m.published or "", ", ".join(m.authors)) if x]
        if web_address(s):
            bits.append(link(web_address(s)))
        note = f'<div class="note">{note_html(s.note)}</div>' if s.note.strip() else ""
        parts.append(f"<li><b>{escape(article_title(s))}</b> — {' · '.join(bits)}{note}</li>")
    parts.append("</ul>")
    for key, items in _by_color(bundle):
        parts.append(f"<h2>{swatch(colors[key])}</h2>")
        for stored, ann in items:
            parts.append(highlight_html(ann, colors[key], show_color=False))
            if many:
                parts.append(f'<p class="caption"><i>{escape(article_title(stored))}</i></p>')
    entities = brief_entities(bundle)
    if entities:
        rows = "".join(
            f"<tr><td>{escape(e.name)}</td><td>{escape(e.type)}</td><td>{e.mentions}</td>"
            f"<td>{''.join(note_html(n) for n in e.notes)}</td></tr>" for e in entities)
        parts.append("<h2>Entities</h2><table><thead><tr><th>Entity</th><th>Type</th><th>Mentions</th>"
                     f"<th>Notes</th></tr></thead><tbody>{rows}</tbody></table>")
    events = brief_events(bundle)
    if events:
        rows = "".join(
            f"<tr><td>{escape(e.when)}</td><td>{escape(e.expression)}{' (planned)' if e.planned else ''}</td>"
            f"<td>{escape(e.sentence)}" + (f" <i>({escape(e.article)})</i>" if many else "") + "</td></tr>"
            for e in events)
        parts.append("<h2>Chronology</h2><table><thead><tr><th>Date</th><th>Expression</th><th>Sentence</th>"
                     f"</tr></thead><tbody>{rows}</tbody></table>")
    changes = brief_changes(bundle)
    if changes:
        parts.append("<h2>Changes since first read</h2>")
        for ch in changes:
            if many:
                parts.append(f"<h3>{escape(ch.article)}</h3>")
            parts.append(f'<p class="caption"><i>From {escape(ch.first)} to {escape(ch.last)}.</i></p><ul>'
                         + "".join(f"<li>{escape(line)}</li>" for line in ch.lines) + "</ul>")
    parts.append(f'<p class="meta">Exported {escape(iso_utc(bundle.exported))}</p>')
    return page(title, "\n".join(parts), options)
