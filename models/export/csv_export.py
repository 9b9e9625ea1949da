"""CSV: Readwise's import columns, or every field Newsdesk keeps; safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel, LibreOffice
and Google Sheets (CSV injection); such cells are prefixed with an apostrophe, which those programs hide.
"""

from __future__ import annotations

import csv
import io

from models.export.bundle import ExportBundle, ExportOptions, article_title, article_uri, by_article, legend
from models.store.records import Annotation, StoredArticle

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
READWISE_COLUMNS = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")
FULL_COLUMNS = ("id", "article_id", "article_title", "article_url", "publisher", "published", "start", "end",
                "exact", "prefix", "suffix", "color", "color_meaning", "note", "tags", "author", "created",
                "modified", "status")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _readwise_note(ann: Annotation) -> str:
    """Readwise reads ``.tag`` words at the start of a note as tags."""
    tags = " ".join("." + "-".join(t.split()) for t in ann.tags if t.strip())
    return "\n".join(x for x in (tags, ann.note) if x)


def _rows(bundle: ExportBundle, options: ExportOptions) -> list[tuple[object, ...]]:
    colors = legend(bundle)
    articles: dict[int, StoredArticle] = {s.id: s for s in bundle.articles}
    rows: list[tuple[object, ...]] = []
    for article_id, anns in by_article(bundle).items():
        stored = articles.get(article_id)
        title = article_title(stored) if stored else ""
        url = article_uri(stored) if stored else ""
        meta = stored.article.metadata if stored else None
        for a in anns:
            if options.csv_flavor == "readwise":
                rows.append((a.exact, title, ", ".join(meta.authors) if meta else "", url, _readwise_note(a),
                             a.start, a.created.strftime("%Y-%m-%d %H:%M:%S")))
            else:
                color = colors.get(a.color)
                rows.append((a.id, a.article_id, title, url, meta.publisher if meta else "",
                             (meta.published or "") if meta else "", a.start, a.end, a.exact, a.prefix, a.suffix,
                             a.color, color.meaning if color else "", a.note, "; ".join(a.tags), a.author,
                             a.created.isoformat(timespec="seconds") + "Z",
                             a.modified.isoformat(timespec="seconds") + "Z", a.status))
    return rows


def render_csv(bundle: ExportBundle, options: ExportOptions) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(READWISE_COLUMNS if options.csv_flavor == "readwise" else FULL_COLUMNS)
    for row in _rows(bundle, options):
        writer.writerow([neutralise(v) for v in row])
    # A byte-order mark lets spreadsheet programs detect UTF-8 (accents, CJK) instead of guessing a code page.
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
