"""An entity across the library: every article that mentions it, newest first, each mention in its sentence and
the reader's highlights and notes on those mentions. Links open the article at the mention.

The view shows a ``models.store.entities.Dossier`` it is given, with the library's legend; the main window fetches
both (off the GUI thread for large libraries) and connects :attr:`DossierView.open_requested`.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from gui.annotations.colors import Legend
from gui.entities.model import counted, type_label
from gui.theme import Tokens, current_tokens


def _date(value: str | None) -> str:
    if not value:
        return ""
    from gui.article_header import format_published

    return str(format_published(value, short=False))


def _mixed(swatch: str, surface: str, alpha: float) -> str:
    """The swatch laid over the surface at ``alpha`` (dark scheme highlights), as an opaque colour."""
    a = [int(swatch[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(surface[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * alpha + y * (1 - alpha)):02X}" for x, y in zip(a, b, strict=True))


def dossier_html(dossier: Any, tokens: Tokens, legend: Legend | None = None) -> str:
    """The dossier's articles as rich text (the subset of HTML that QTextBrowser lays out); highlights in the
    colours of the library's ``legend`` (the default one when none is given)."""
    t = tokens
    legend = legend or Legend()
    parts = [f"<div style='color:{t.text}'>"]
    if not dossier.articles:
        parts.append(f"<p style='color:{t.text_tertiary}'>No analysed article mentions this entity yet.</p>")
    for article in dossier.articles:
        meta = " · ".join(p for p in (escape(article.publisher), escape(_date(article.published))) if p)
        count = len(article.mentions)
        first = article.mentions[0]
        parts.append(
            f"<p style='margin-top:18px; margin-bottom:2px'><a href='open:{article.article_id}:{first.start}:"
            f"{first.end}' style='color:{t.text}; text-decoration:none; font-weight:600; "
            f"font-size:14px'>{escape(article.title or 'Untitled')}</a></p>"
            f"<p style='margin-top:0; margin-bottom:6px; color:{t.text_tertiary}; font-size:12px'>{meta}"
            f"{' · ' if meta else ''}{counted('%n mention(s)', count)}</p>"
        )
        shown: set[str] = set()
        for m in article.mentions:
            parts.append(_mention_html(article.article_id, m, t))
            for h in article.highlights:
                if h.id not in shown and h.start < m.end and m.start < h.end:
                    shown.add(h.id)
                    parts.append(_highlight_html(article.article_id, h, t, legend))
    parts.append("</div>")
    return "".join(parts)


def _mention_html(article_id: int, m: Any, t: Tokens) -> str:
    rel = m.start - m.snippet_start
    before = m.snippet[:rel]
    word = m.snippet[rel : rel + (m.end - m.start)]
    after = m.snippet[rel + (m.end - m.start) :]
    if getattr(m, "clipped_start", False):
        before = "…" + before  # a long sentence, clipped around the mention
    if getattr(m, "clipped_end", False):
        after += "…"
    return (
        f"<p style='font-family:serif; font-size:14px; color:{t.text_secondary}; margin:4px 0 4px 0'>"
        f"{escape(before)}<a href='open:{article_id}:{m.start}:{m.end}' style='color:{t.text}; "
        f"text-decoration:underline'>{escape(word)}</a>{escape(after)}</p>"
    )


def _highlight_html(article_id: int, h: Any, t: Tokens, legend: Legend) -> str:
    color = legend.get(h.color)
    swatch, light = (color.swatch, color.background) if h.color in legend.keys() else (t.text_tertiary, t.hover)
    background = _mixed(swatch, t.surface, 0.28) if t.dark else light
    note = (f"<br/><span style='font-family:sans-serif; font-size:12px; color:{t.text_secondary}'>"
            f"{escape(h.note)}</span>") if h.note else ""
    return (
        f"<table cellspacing='0' cellpadding='6' width='100%' style='margin:2px 0 8px 0'><tr>"
        f"<td width='3' style='background:{swatch}'></td>"
        f"<td style='background:{background}; font-family:serif; font-size:13px'>"
        f"<a href='open:{article_id}:{h.start}:{h.end}' style='color:{t.text}; text-decoration:none'>"
        f"“{escape(h.exact)}”</a>{note}</td></tr></table>"
    )


class DossierView(QDialog):
    open_requested = Signal(int, int, int)  # article id, start, end

    def __init__(self, dossier: Any, parent: QWidget | None = None, legend: Legend | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DossierView")
        self.dossier = dossier
        self.legend = legend or Legend()  # the library's colours, as the reader set them
        self.setWindowTitle(self.tr("Dossier — %1").replace("%1", dossier.name))
        self.title = QLabel(self)
        self.title.setObjectName("DossierTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("DossierSummary")
        self.summary.setWordWrap(True)
        self.body = QTextBrowser(self)
        self.body.setObjectName("DossierBody")
        self.body.setOpenLinks(False)
        self.body.setAccessibleName(self.tr("Articles mentioning %1").replace("%1", dossier.name))
        self.body.anchorClicked.connect(self._on_link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.resize(560, 640)
        self.refresh()

    def refresh(self, tokens: Tokens | None = None) -> None:
        t = tokens or current_tokens()
        d = self.dossier
        self.setStyleSheet(
            f"QLabel#DossierTitle {{ font-size: 20px; font-weight: 600; color: {t.text}; }}"
            f"QLabel#DossierSummary {{ font-size: 12px; color: {t.text_secondary}; }}"
            f"QTextBrowser#DossierBody {{ background: {t.surface}; border: 1px solid {t.border}; "
            f"border-radius: 8px; padding: 4px 14px; }}"
        )
        self.title.setText(d.name)
        articles = len(d.articles)
        bits = [type_label(d.type, plural=False),
                counted("%n mention(s)", d.mention_count),
                counted("in %n article(s)", articles)]
        others = [s for s in d.surfaces if s != d.name]
        if others:
            bits.append(self.tr("written as %1").replace("%1", ", ".join(f"“{s}”" for s in others[:4])))
        self.summary.setText(" · ".join(bits))
        self.body.setHtml(dossier_html(d, t, self.legend))

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("open:"):
            _, article_id, start, end = target.split(":")
            self.open_requested.emit(int(article_id), int(start), int(end))
