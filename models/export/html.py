"""A standalone, print-ready HTML page: one file, no script, nothing fetched, every user string escaped.

The same markup feeds the PDF writer (Qt's rich-text engine), so it keeps to elements and CSS that engine knows:
divs, paragraphs, block quotes, tables and inline background colours. A Content-Security-Policy forbids script and
remote loads even if a browser were to find some.
"""

from __future__ import annotations

from bisect import bisect_left
from html import escape

from models.export.brief import (
    CONFIRMED,
    UNSURE,
    UNSURE_LEGEND,
    any_doubtful,
    brief_changes,
    brief_entities,
    brief_events,
    by_color,
)
from models.export.bundle import (
    ExportBundle,
    ExportOptions,
    article_title,
    by_article,
    css_safe_color,
    document_title,
    iso_utc,
    legend,
    web_address,
)
from models.export.grouping import group_annotations
from models.export.note_markup import is_safe_url, note_html
from models.store.records import Annotation, ColorMeaning, StoredArticle

STYLE = """
@page { size: %(page)s; margin: 2cm 2cm 2.2cm 2cm; }
body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.4; color: #1d1d1f;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-family: "Noto Serif Display", "Noto Serif", Georgia, serif; font-size: 20pt; margin: 0 0 0.2em 0; }
h2 { font-size: 14pt; margin: 1.4em 0 0.4em 0; }
h3 { font-size: 12pt; margin: 1.2em 0 0.3em 0; color: #444; }
.meta { color: #555; font-size: 9.5pt; margin: 0 0 1em 0; }
.unsure { color: #777; font-weight: normal; }
.next-article { page-break-before: always; }
.highlight { margin: 0 0 1em 0; page-break-inside: avoid; }
.highlight blockquote { margin: 0; padding: 0.3em 0.8em; border-left: 4px solid #999; }
.caption { font-family: Inter, "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: #555;
           margin: 0.2em 0 0 0; }
.swatch { padding: 0 0.3em; border-radius: 3px; }
.tag { color: #2f5f8f; } .orphan { color: #b00020; }
.note { margin: 0.3em 0 0 1em; font-family: Inter, "DejaVu Sans", Arial, sans-serif; font-size: 10pt; }
.note strong, .note b, .caption strong, .caption b { font-weight: 600; }
.text p { margin: 0 0 0.7em 0; } table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #bbb; padding: 2px 6px; vertical-align: top; font-size: 9.5pt; text-align: left; }
a { color: #1a5fb4; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def link(url: str, label: str | None = None) -> str:
    text = escape(label if label is not None else url)
    if not url.startswith(("http://", "https://", "mailto:")) or not is_safe_url(url):
        return text
    return f'<a href="{escape(url, quote=True)}">{text}</a>'


def page(title: str, body: str, options: ExportOptions) -> bytes:
    size = "Letter" if options.page_size == "letter" else "A4"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Newsdesk">\n<title>{escape(title)}</title>\n'
        f"<style>{STYLE % {'page': size}}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    ).encode()


def meta_line(stored: StoredArticle) -> str:
    m = stored.article.metadata
    bits = [escape(x) for x in (m.publisher, m.published or "", ", ".join(m.authors), m.section, m.page) if x]
    if web_address(stored):
        bits.append(link(web_address(stored)))
    return f'<p class="meta">{" · ".join(bits)}</p>'


def swatch(color: ColorMeaning | None) -> str:
    if color is None:
        return ""
    bg = css_safe_color(color.background, "#eeeeee")
    return f'<span class="swatch" style="background-color: {bg}">{escape(color.meaning or color.key)}</span>'


def highlight_html(ann: Annotation, color: ColorMeaning | None, show_color: bool = True) -> str:
    bg = css_safe_color(color.background, "#eeeeee") if color else "#eeeeee"
    edge = css_safe_color(color.swatch, "#999999") if color else "#999999"
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in ann.exact.split("\n") if p.strip())
    caption: list[str] = [swatch(color)] if show_color and color else []
    caption += [f'<span class="tag">#{escape(t)}</span>' for t in ann.tags]
    if ann.status == "orphan":
        caption.append('<span class="orphan">no longer found in the text</span>')
    note = note_html(ann.note)
    return (
        f'<div class="highlight" id="h-{escape(ann.id, quote=True)}">'
        f'<blockquote style="background-color: {bg}; border-left-color: {edge}">{paragraphs}</blockquote>'
        + (f'<p class="caption">{" ".join(caption)}</p>' if caption else "")
        + (f'<div class="note">{note}</div>' if note else "")
        + "</div>"
    )


def highlights_html(anns: list[Annotation], bundle: ExportBundle, options: ExportOptions, article_id: int,
                    mode: str | None = None) -> str:
    colors = legend(bundle)
    grouping = mode or options.group_by
    out: list[str] = []
    for group in group_annotations(anns, grouping, colors, bundle.analyses.get(article_id)):
        if group.heading:
            out.append(f"<h3>{swatch(group.color) if group.color else escape(group.heading)}</h3>")
        out += [highlight_html(a, colors.get(a.color), grouping != "color") for a in group.annotations]
    return "\n".join(out)


def marked_text(stored: StoredArticle, anns: list[Annotation], colors: dict[str, ColorMeaning]) -> str:
    """The article text, block by block, with highlighted stretches on their colour (the latest-starting wins)."""
    text = stored.article.text
    live = sorted((a for a in anns if a.status != "orphan" and 0 <= a.start < a.end <= len(text)),
                  key=lambda a: a.start)
    starts = [a.start for a in live]
    out: list[str] = []
    for block in stored.article.blocks:
        tag = {"title": "h2", "heading": "h3"}.get(block.kind, "p")
        hits = live[: bisect_left(starts, block.end)]
        hits = [a for a in hits if a.end > block.start]
        cuts = sorted({block.start, block.end} | {min(max(x, block.start), block.end)
                                                    for a in hits for x in (a.start, a.end)})
        pieces: list[str] = []
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            cover = [a for a in hits if a.start <= lo and a.end >= hi]
            chunk = escape(text[lo:hi])
            if cover:
                top = max(cover, key=lambda a: (a.start, a.created))
                color = colors.get(top.color)
                bg = css_safe_color(color.background, "#fff3b0") if color else "#fff3b0"
                chunk = f'<span style="background-color: {bg}">{chunk}</span>'
            pieces.append(chunk)
        out.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    return '<div class="text">' + "\n".join(out) + "</div>"


def article_html(stored: StoredArticle, anns: list[Annotation], bundle: ExportBundle, options: ExportOptions,
                 first: bool = True) -> str:
    cls = "" if first else ' class="next-article" style="page-break-before: always"'
    parts = [f'<div class="article"><h1{cls}>{escape(article_title(stored))}</h1>', meta_line(stored)]
    if stored.note.strip():
        parts.append(f'<h2>Note</h2><div class="note">{note_html(stored.note)}</div>')
    if anns:
        parts.append(f"<h2>Highlights ({len(anns)})</h2>")
        parts.append(highlights_html(anns, bundle, options, stored.id))
    if options.full_text:
        parts.append("<h2>Text</h2>" + marked_text(stored, anns, legend(bundle)))
    parts.append(f'<p class="meta">Exported {escape(iso_utc(bundle.exported))}</p></div>')
    return "\n".join(parts)


def render_html(bundle: ExportBundle, options: ExportOptions) -> bytes:
    if options.brief:
        return render_brief_html(bundle, options)
    per_article = by_article(bundle)
    body = "\n".join(article_html(s, per_article[s.id], bundle, options, n == 0)
                     for n, s in enumerate(bundle.articles))
    return page(document_title(bundle, options), body, options)


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
    for key, items in by_color(bundle):
        parts.append(f"<h2>{swatch(colors[key])}</h2>")
        for stored, ann in items:
            parts.append(highlight_html(ann, colors[key], show_color=False))
            if many:
                parts.append(f'<p class="caption"><i>{escape(article_title(stored))}</i></p>')
    entities = brief_entities(bundle)
    events = brief_events(bundle)
    if any_doubtful(entities, events):
        parts.append(f'<p class="caption"><i>{escape(UNSURE_LEGEND)}</i></p>')
    if entities:
        rows = "".join(
            f"<tr><td>{escape(e.name)}{_unsure(e.doubtful)}</td><td>{escape(e.type)}</td><td>{e.mentions}</td>"
            f"<td>{''.join(note_html(n) for n in e.notes)}</td></tr>" for e in entities)
        parts.append("<h2>Entities</h2><table><thead><tr><th>Entity</th><th>Type</th><th>Mentions</th>"
                     f"<th>Notes</th></tr></thead><tbody>{rows}</tbody></table>")
    if events:
        rows = "".join(
            f"<tr><td>{escape(e.when)}{_unsure(e.doubtful)}"
            + (f' <i class="confirmed">({CONFIRMED})</i>' if e.confirmed else "") + "</td>"
            f"<td>{escape(e.expression)}{' (planned)' if e.planned else ''}</td>"
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


def _unsure(doubtful: bool) -> str:
    return f' <i class="unsure">({UNSURE})</i>' if doubtful else ""
