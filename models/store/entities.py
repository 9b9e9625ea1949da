"""Entities as the reader sees them: the cached analysis with the reader's corrections replayed on top, per article
and across the library (the index and an entity's dossier).

Corrections are rows of ``entity_corrections`` (action + JSON payload). A payload coming from the GUI may name a
mention by offsets only; :meth:`EntityStore.add_rule` completes it with the words and their occurrence in the text
(and an entity with one of its mentions) so that the rule still finds its target after re-analysis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.analysis import ANALYZER_VERSION
from models.analysis.corrections import (
    CorrectedEntity,
    Correction,
    anchor_mention,
    apply_corrections,
    key_of,
    payload_of,
    rule_from_payload,
)
from models.analysis.library_people import person_groups, surname_owners
from models.analysis.serialize import from_dict
from models.analysis.types import ENTITY_TYPES, Analysis, Entity
from models.store import entity_queries
from models.store.analysis_jobs import ensure_analysis
from models.store.annotations import default_author
from models.store.correction_rows import correction_of, stored_rules
from models.store.entity_records import (
    SNIPPET_LIMIT,
    Dossier,
    DossierArticle,
    DossierHighlight,
    DossierMention,
    IndexEntry,
    dossier_mention,
    sentence_around,
)
from models.store.library_index import articles_touched_by, reindex_entities
from models.store.schema import AnalysisRow, ArticleRow, EntityCorrectionRow, EntityRawKeyRow, HighlightRow

if TYPE_CHECKING:
    from models.store.library import Library

class EntityStore:
    """Corrections and corrected entities of one library; every method is one transaction."""

    def __init__(self, library: Library) -> None:
        self.library = library

    # -- rules ------------------------------------------------------------------------------------------------------

    def add_rule(
        self, article_id: int | None, action: str, payload: Mapping[str, Any], author: str | None = None
    ) -> Correction:
        """Store a correction (``article_id`` None: across the library); ValueError if it cannot be understood."""
        with self.library.writing() as s:
            full = dict(payload)
            if article_id is not None:
                text = s.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id))
                if text is None:
                    raise KeyError(f"no article with id {article_id}")
                full = _completed(s, article_id, text, full)
            elif "mention" in full:
                raise ValueError("a correction of one mention belongs to an article")
            rule = rule_from_payload(action, full)
            row = EntityCorrectionRow(
                article_id=article_id, action=action, payload=payload_of(rule), author=_author(author)
            )
            s.add(row)
            s.flush()
            added = correction_of(row)
            _reindex_for(s, added)
            return added

    def rules(self, article_id: int | None) -> tuple[Correction, ...]:
        """The rules that apply to the article (the library's and its own) in the order they were made."""
        with self.library.reading() as s:
            return stored_rules(s, article_id)

    def remove_rule(self, rule_id: int) -> Correction | None:
        """Undo a correction; returns what was removed (to redo it), None if it was already gone."""
        with self.library.writing() as s:
            row = s.get(EntityCorrectionRow, rule_id)
            if row is None:
                return None
            removed = correction_of(row)
            s.execute(delete(EntityCorrectionRow).where(EntityCorrectionRow.id == rule_id))
            _reindex_for(s, removed)
            return removed

    # -- entities ---------------------------------------------------------------------------------------------------

    def entities(self, article_id: int, analysis: Analysis | None = None) -> tuple[CorrectedEntity, ...]:
        """The article's entities with the corrections applied; the analysis is computed if not cached (pass
        ``analysis`` when a worker already has it)."""
        if analysis is None:
            analysis = ensure_analysis(self.library, article_id)
        with self.library.reading() as s:
            text = s.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id))
            if text is None:
                raise KeyError(f"no article with id {article_id}")
            rules = stored_rules(s, article_id)
        return apply_corrections(self._with_type_votes(analysis.entities, article_id), rules, text,
                                 analyser_version=analysis.version)

    # -- type votes across articles ---------------------------------------------------------------------------------

    def type_votes(self, names: Iterable[str], article_id: int | None = None) -> dict[str, Counter[str]]:
        """For each name (casefolded, spaces collapsed): how many other analysed articles type it each way, from the
        analyser's own types of each article's current analysis (the ``entity_raw_keys`` index, one seek per name),
        leaving ``article_id`` out."""
        wanted = sorted(set(names))
        votes: dict[str, Counter[str]] = {}
        if not wanted:
            return votes
        with self.library.reading() as s:
            for chunk in (wanted[i:i + 500] for i in range(0, len(wanted), 500)):
                stmt = (
                    select(EntityRawKeyRow.name_key, EntityRawKeyRow.type,
                           func.count(func.distinct(EntityRawKeyRow.article_id)))
                    .where(EntityRawKeyRow.name_key.in_(chunk))
                    .group_by(EntityRawKeyRow.name_key, EntityRawKeyRow.type)
                )
                if article_id is not None:
                    stmt = stmt.where(EntityRawKeyRow.article_id != article_id)
                for key, kind, n in s.execute(stmt):
                    votes.setdefault(key, Counter())[kind] += int(n)
        return votes

    def _with_type_votes(self, entities: Sequence[Entity], article_id: int) -> tuple[Entity, ...]:
        """An entity typed one way in most articles of the library takes that type here too (at least two
        articles agreeing, and more than half of all, this one counted with its own type). Applied before the
        reader's corrections, which always win."""
        votes = self.type_votes((key_of(e.name, e.type)[0] for e in entities), article_id)
        out = []
        for e in entities:
            counted = Counter(votes.get(key_of(e.name, e.type)[0], Counter()))
            counted[e.type] += 1
            best, n = counted.most_common(1)[0]
            if best != e.type and n >= 2 and n * 2 > sum(counted.values()) and best in ENTITY_TYPES:
                note = "type of most articles"
                e = replace(e, type=best, provenance=f"{e.provenance}; {note}" if e.provenance else note)
            out.append(e)
        return tuple(out)

    def library_index(self, type_: str | None = None, limit: int | None = None) -> list[IndexEntry]:
        """Every entity of the analysed articles, one entry per canonical name and type, most widespread first
        (one query on the index tables; only ``type_`` when given, the first ``limit``)."""
        with self.library.reading() as s:
            return entity_queries.library_index(s, type_, limit)

    def dossier(self, name: str, type_: str) -> Dossier:
        """Every article that mentions the entity, its mentions in context and the highlights on them."""
        with self.library.reading() as s:
            return entity_queries.dossier(s, name, type_)

    def article_counts(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """How many articles of the library mention each (name, type): the entity panel's "in N articles"."""
        with self.library.reading() as s:
            return entity_queries.article_counts(s, keys)

    def library_names(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The name the library files each (name, type) under when it is another: "Donald Trump" for a "Trump"
        written alone (models.analysis.library_people); the others are left out."""
        with self.library.reading() as s:
            return entity_queries.library_names(s, keys)

    def counts_and_names(
        self, keys: Iterable[tuple[str, str]]
    ) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], str]]:
        """:meth:`article_counts` and :meth:`library_names` of the same entities, in one read of the library
        (the people's surnames are joined once): what the Entities panel shows under the selected entity."""
        keys = list(keys)
        with self.library.reading() as s:
            owners = entity_queries.person_owners(s) if any(kind == "PERSON" for _name, kind in keys) else {}
            return (entity_queries.article_counts(s, keys, owners), entity_queries.library_names(s, keys, owners))

    # -- the same by reading every cached analysis (the reference the index tables are tested against) ----------

    def library_index_by_scan(self) -> list[IndexEntry]:
        """Every entity of the analysed articles, one entry per canonical name and type, most widespread first."""
        articles: Counter[tuple[str, str]] = Counter()
        mentions: Counter[tuple[str, str]] = Counter()
        spellings: dict[tuple[str, str], Counter[str]] = {}
        people: dict[str, set[int]] = {}
        for article, entities in self._corrected_articles():
            for e in entities:
                key = key_of(e.name, e.type)
                articles[key] += 1
                mentions[key] += len(e.mentions)
                spellings.setdefault(key, Counter())[e.name] += 1
                if e.type == "PERSON":
                    people.setdefault(key[0], set()).add(article.id)
        out = [
            IndexEntry(spellings[k].most_common(1)[0][0], k[1], n, mentions[k]) for k, n in articles.items()
        ]
        owners = surname_owners((k, len(ids)) for k, ids in people.items())
        groups = person_groups(owners)
        joined = {owner: len(set().union(*(people[k] for k in groups[owner]))) for owner in set(owners.values())}
        return entity_queries.join_people(out, owners, joined)

    def dossier_by_scan(self, name: str, type_: str) -> Dossier:
        """Every article that mentions the entity, its mentions in context and the highlights on them."""
        every = list(self._corrected_articles())
        key = key_of(name, type_)
        keys = {key}
        if type_ == "PERSON":
            people: dict[str, set[int]] = {}
            spellings: dict[str, Counter[str]] = {}
            for article, entities in every:
                for e in entities:
                    if e.type == "PERSON":
                        people.setdefault(key_of(e.name, e.type)[0], set()).add(article.id)
                        spellings.setdefault(key_of(e.name, e.type)[0], Counter())[e.name] += 1
            owners = surname_owners((k, len(v)) for k, v in people.items())
            keys = {(k, type_) for k in person_groups(owners).get(key[0], {key[0]})}
            if key[0] in owners:  # asked by the surname: the full name's dossier
                name = spellings[owners[key[0]]].most_common(1)[0][0]
        found: list[DossierArticle] = []
        surfaces: Counter[str] = Counter()
        for article, entities in every:
            match = [e for e in entities if key_of(e.name, e.type) in keys]
            if not match:
                continue
            text = article.text
            mentions = tuple(
                dossier_mention(text, m) for m in sorted((m for e in match for m in e.mentions), key=lambda m: m.start)
            )
            surfaces.update(m.text for m in mentions)
            highlights = tuple(
                h for h in self._highlights(article.id) if any(h.start < m.end and m.start < h.end for m in mentions)
            )
            found.append(
                DossierArticle(
                    article.id, article.title, str(article.meta.get("publisher") or ""), article.published,
                    mentions, highlights,
                )
            )
        found.sort(key=lambda a: (a.published or "", a.article_id), reverse=True)
        return Dossier(name, type_, tuple(found), tuple(s for s, _ in surfaces.most_common()))

    # -- reading ----------------------------------------------------------------------------------------------------

    def _corrected_articles(self) -> Iterable[tuple[ArticleRow, tuple[CorrectedEntity, ...]]]:
        """Each analysed article (its current text's cached analysis, any analyser version) with its entities."""
        with self.library.reading() as s:
            rows = s.execute(
                select(ArticleRow, AnalysisRow.data)
                .join(AnalysisRow, (AnalysisRow.article_id == ArticleRow.id)
                      & (AnalysisRow.text_hash == ArticleRow.text_hash))
                .order_by(ArticleRow.id, AnalysisRow.version != ANALYZER_VERSION)
            ).all()
            by_article: dict[int | None, list[Correction]] = {}
            for c in stored_rules(s, None, every=True):
                by_article.setdefault(c.article_id, []).append(c)
        seen: set[int] = set()
        library_wide = by_article.get(None, [])
        for article, data in rows:
            if article.id in seen:
                continue
            seen.add(article.id)
            analysis = from_dict(data)
            rules = sorted(library_wide + by_article.get(article.id, []), key=lambda c: c.id or 0)
            yield article, apply_corrections(analysis.entities, rules, article.text, analyser_version=analysis.version)

    def _highlights(self, article_id: int) -> list[DossierHighlight]:
        lister = getattr(getattr(self.library, "annotations", None), "list", None)
        if callable(lister):
            records: Iterable[Any] = lister(article_id)
        else:
            with self.library.reading() as s:
                records = list(
                    s.scalars(select(HighlightRow).where(HighlightRow.article_id == article_id)
                              .order_by(HighlightRow.start))
                )
        return [
            DossierHighlight(str(r.id), int(r.start), int(r.end), str(r.exact), str(r.note), str(r.color))
            for r in records
            if getattr(r, "status", "anchored") != "orphan"
        ]


def _reindex_for(s: Session, changed: Correction) -> None:
    """Bring the entity index tables in line with the rules after ``changed`` was added or removed."""
    if changed.article_id is not None:
        reindex_entities(s, [changed.article_id])
        return
    touched = articles_touched_by(s, changed)
    reindex_entities(s, touched)


def _author(author: str | None) -> str:
    return author if author is not None else default_author()


def _completed(s: Session, article_id: int, text: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Give offsets-only mentions their words and occurrence, and entities one of their mentions as an anchor."""
    mention = payload.get("mention")
    if isinstance(mention, Mapping) and "occurrence" not in mention:
        start, end = int(mention["start"]), int(mention["end"])
        ref = anchor_mention(text, start, end)
        if mention.get("text") not in (None, ref.text):
            raise ValueError(f"the text at [{start}, {end}) is {ref.text!r}, not {mention['text']!r}")
        payload["mention"] = {"text": ref.text, "occurrence": ref.occurrence, "start": start, "end": end}
    current: tuple[CorrectedEntity, ...] | None = None
    for field in ("entity", "into"):
        ref_dict = payload.get(field)
        if not isinstance(ref_dict, Mapping) or ref_dict.get("anchor"):
            continue
        if current is None:
            current = _current_entities(s, article_id, text)
        key = key_of(str(ref_dict.get("name", "")), str(ref_dict.get("type", "")))
        entity = next((e for e in current if key_of(e.name, e.type) == key and e.mentions), None)
        if entity is not None:
            m = entity.mentions[0]
            anchor = anchor_mention(text, m.start, m.end)
            payload[field] = {**ref_dict, "anchor": {"text": anchor.text, "occurrence": anchor.occurrence,
                                                     "start": anchor.start, "end": anchor.end}}
    return payload


def _current_entities(s: Session, article_id: int, text: str) -> tuple[CorrectedEntity, ...]:
    data = s.scalar(
        select(AnalysisRow.data)
        .join(ArticleRow, ArticleRow.id == AnalysisRow.article_id)
        .where(AnalysisRow.article_id == article_id, AnalysisRow.text_hash == ArticleRow.text_hash)
    )
    if data is None:
        return ()
    return apply_corrections(from_dict(data).entities, stored_rules(s, article_id), text)


__all__ = [  # the dossier's values live in models.store.entity_records; they are named here too, where they are made
    "SNIPPET_LIMIT", "Dossier", "DossierArticle", "DossierHighlight", "DossierMention", "EntityStore", "IndexEntry",
    "sentence_around",
]
