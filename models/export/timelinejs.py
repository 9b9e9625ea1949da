"""TimelineJS 3 JSON: the dated events of the analysed articles, each with the sentence that reports it.

TimelineJS renders ``text`` fields as HTML, so every string is escaped; a date is given only to the precision the
article states (a year, a month or a day), with the article's own words as the displayed date.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from models.analysis.event_corrections import confirmed
from models.analysis.types import LOW_CONFIDENCE, TimelineEvent
from models.export.brief import CONFIRMED, UNSURE, UNSURE_LEGEND
from models.export.bundle import ExportBundle, ExportOptions, article_title, document_title, iso_utc

_DAY_PRECISION = {"day", "time"}
_MONTH_PRECISION = {"month"}


def tl_date(iso: str, precision: str) -> dict[str, str]:
    year, month, day = (iso.split("-") + ["", ""])[:3]
    out = {"year": str(int(year))}
    if precision in _DAY_PRECISION | _MONTH_PRECISION and month:
        out["month"] = str(int(month))
    if precision in _DAY_PRECISION and day:
        out["day"] = str(int(day))
    return out


def event_slide(ev: TimelineEvent, text: str, title: str, many: bool) -> dict[str, Any]:
    sentence = " ".join(text[ev.sentence_start : ev.sentence_end].split())
    body = f"<p>{escape(sentence)}</p>"
    if many:
        body += f"<p><i>{escape(title)}</i></p>"
    if ev.timex.confidence < LOW_CONFIDENCE:
        body += f"<p><i>{escape(UNSURE_LEGEND)}</i></p>"
    elif confirmed(ev):
        body += f"<p><i>Date {escape(CONFIRMED)}.</i></p>"
    slide: dict[str, Any] = {
        "start_date": tl_date(ev.interval_start, ev.precision),
        "display_date": escape(ev.timex.text) + (f" ({UNSURE})" if ev.timex.confidence < LOW_CONFIDENCE else ""),
        "text": {"headline": escape(ev.label or ev.timex.text), "text": body},
    }
    if ev.interval_end != ev.interval_start and ev.precision not in _DAY_PRECISION | _MONTH_PRECISION | {"year"}:
        slide["end_date"] = tl_date(ev.interval_end, "day")
    if many:
        slide["group"] = escape(title)
    if ev.planned:
        slide["background"] = {"color": "#f4f1e8"}
    return slide


def render_timelinejs(bundle: ExportBundle, options: ExportOptions) -> bytes:
    many = len(bundle.articles) > 1
    events: list[tuple[str, dict[str, Any]]] = []
    for stored in bundle.articles:
        analysis = bundle.analyses.get(stored.id)
        if analysis is None:
            continue
        title = article_title(stored)
        for n, ev in enumerate(analysis.events):
            slide = event_slide(ev, stored.article.text, title, many)
            slide["unique_id"] = f"a{stored.id}-e{n}"
            events.append((ev.interval_start, slide))
    events.sort(key=lambda pair: pair[0])
    doc = {
        "title": {"text": {"headline": escape(document_title(bundle, options)),
                           "text": f"<p>Exported {escape(iso_utc(bundle.exported))}</p>"}},
        "events": [slide for _, slide in events],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
