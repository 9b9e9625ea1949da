"""Putting foreign annotations on the library's articles: match, re-anchor, skip duplicates, one transaction.

An annotation goes to the article its target names (web address, or Newsdesk URN), else to the one article whose
text holds its quote. It is re-anchored in that article's canonical text with ``models.anchoring`` (other tools
count positions in their own text); if the quote cannot be found safely it is kept as an orphan for the reader to
re-attach, never put on other words. The same quote with the same note and tags on the same article is a duplicate.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from models.anchoring import Selector, anchor, make_selector, quote_spans, similarity
from models.interchange.records import ForeignAnnotation, ImportOutcome, ImportReport
from models.store.annotations import default_author, known_tags, normalize_tags, set_selector, tag_rows
from models.store.records import ColorMeaning
from models.store.schema import HighlightRow, TagRow, utcnow

ARTICLE_URN = "urn:newsdesk:article:"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Target:
    id: int
    uid: str
    keys: frozenset[str]  # normalised addresses the article is known by
    text: str
    text_hash: str


def address_key(address: str) -> str:
    """One spelling per web page: scheme, ``www.``, case of the host, trailing slash and fragment ignored."""
    address = address.strip()
    if address.startswith(ARTICLE_URN) or not address.startswith(("http://", "https://")):
        return address
    parts = urlsplit(address)
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("http", host, parts.path.rstrip("/") or "/", parts.query, ""))


def _folded(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _duplicate_key(exact: str, note: str, tags: Any) -> tuple[str, str, frozenset[str]]:
    return _folded(exact), note.strip(), frozenset(t.casefold() for t in normalize_tags(tags))


class AnnotationImporter:
    def __init__(self, lib: Any) -> None:
        self.lib = lib
        self.targets: list[_Target] = []
        for summary in lib.list_articles():
            stored = lib.get_article(summary.id)
            keys = {ARTICLE_URN + stored.uid, address_key(stored.article.source)}
            if stored.article.metadata.url:
                keys.add(address_key(stored.article.metadata.url))
            self.targets.append(_Target(stored.id, stored.uid, frozenset(keys), stored.article.text,
                                        stored.article.text_hash))
        self.legend: list[ColorMeaning] = list(lib.annotations.colors())
        self._tags: dict[str, TagRow] = {}

    def match(self, fa: ForeignAnnotation) -> tuple[_Target | None, str]:
        """The article for ``fa`` and how it was found (``source`` or ``quote``), or None and why not."""
        wanted = [address_key(s) for s in fa.sources]
        for key in wanted:
            for t in self.targets:
                if key in t.keys:
                    return t, "source"
        if not fa.exact.strip():
            return None, "no article with this address and no quote to look for"
        candidates = [t for t in self.targets if quote_spans(t.text, fa.exact, limit=50)]
        if len(candidates) == 1:
            return candidates[0], "quote"
        if not candidates:
            return None, "no article with this address or this quote"
        scored = sorted(((self._context_fit(t.text, fa), t.id, t) for t in candidates), key=lambda x: -x[0])
        if scored[0][0] > scored[1][0]:
            return scored[0][2], "quote"
        return None, f"the quote is in {len(candidates)} articles and its context does not tell them apart"

    @staticmethod
    def _context_fit(text: str, fa: ForeignAnnotation) -> float:
        best = 0.0
        for s, e in quote_spans(text, fa.exact, limit=50):
            before = text[max(0, s - len(fa.prefix)) : s]
            after = text[e : e + len(fa.suffix)]
            best = max(best, (similarity(fa.prefix, before) + similarity(fa.suffix, after)) / 2)
        return best

    def color_key(self, fa: ForeignAnnotation) -> str:
        keys = [c.key for c in self.legend]
        if fa.color and fa.color in keys:
            return fa.color
        if fa.color_meaning:
            for c in self.legend:
                if fa.color_meaning.casefold() in (c.meaning.casefold(), c.key.casefold()):
                    return c.key
        return "yellow" if "yellow" in keys or not keys else keys[0]

    def run(self, annotations: list[ForeignAnnotation]) -> ImportReport:
        """Add what can be added, all in one transaction; the report says what became of each annotation."""
        outcomes: list[ImportOutcome] = []
        seen: dict[int, set[tuple[str, str, frozenset[str]]]] = {}
        with self.lib.writing() as s:
            self._tags = known_tags(s)  # takes the tag lock first
            taken_ids = set(s.scalars(select(HighlightRow.id)))
            for fa in annotations:
                source = fa.sources[0] if fa.sources else ""
                if fa.kind != "highlight":
                    outcomes.append(ImportOutcome("skipped", fa.exact, reason=f"{fa.kind} (no quote to highlight)",
                                                  source=source))
                    continue
                target, how = self.match(fa)
                if target is None:
                    outcomes.append(ImportOutcome("unmatched", fa.exact, reason=how, source=source))
                    continue
                if target.id not in seen:
                    seen[target.id] = {_duplicate_key(r.exact, r.note, [t.name for t in r.tags])
                                       for r in s.scalars(select(HighlightRow).options(
                                           selectinload(HighlightRow.tags)).where(
                                           HighlightRow.article_id == target.id))}
                key = _duplicate_key(fa.exact, fa.note, fa.tags)
                if key in seen[target.id]:
                    outcomes.append(ImportOutcome("skipped", fa.exact, target.id, reason="duplicate", source=source))
                    continue
                row = self._row(s, fa, target, taken_ids)
                seen[target.id].add(key)
                taken_ids.add(row.id)
                status = "added" if row.status == "anchored" else "orphaned"
                reason = f"matched by {how}" if status == "added" else f"matched by {how}; quote not found in text"
                outcomes.append(ImportOutcome(status, fa.exact, target.id, row.id, reason, source))
        return ImportReport(tuple(outcomes))

    def _row(self, s: Any, fa: ForeignAnnotation, target: _Target, taken: set[str]) -> HighlightRow:
        text = target.text
        hint = fa.start if fa.start is not None else 0
        sel = Selector(hint, hint + len(fa.exact) if fa.end is None else fa.end, fa.exact, fa.prefix, fa.suffix)
        found = anchor(text, sel) if fa.exact else None
        when = fa.created or utcnow()
        color = self.color_key(fa)
        ident = fa.id if fa.id and fa.id not in taken else str(uuid.uuid4())
        common = dict(id=ident, article_id=target.id, color=color, note=fa.note,
                      author=default_author() if fa.author is None else fa.author, created=when, modified=when)
        if found is not None and found.start < found.end:
            row = HighlightRow(status="anchored", **common)
            set_selector(row, make_selector(text, found.start, found.end), target.text_hash)
        else:  # kept with the selectors it came with, for the reader to re-attach
            row = HighlightRow(status="orphan", **common)
            set_selector(row, Selector(max(0, hint), max(0, sel.end), fa.exact, fa.prefix, fa.suffix), "")
        row.tags = tag_rows(s, fa.tags, self._tags)  # the library's spelling of an existing tag wins
        s.add(row)
        return row
