"""``entities``, ``dossier`` and ``timeline``: the library-wide features, one JSON line per entity, article or
dated group, read from the index tables of the analyses (single queries, whatever the size of the library)."""

from __future__ import annotations

import argparse
import calendar
import contextlib
import functools
import gc
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from models.analysis.types import ENTITY_TYPES, LOW_CONFIDENCE
from models.cli import UserError, add_library_option, complain, emit, write_lines

if TYPE_CHECKING:
    from models.store.entity_queries import DossierRows

PER_DATE = 5  # mentions printed per date unless --all (the reader's card shows four and the count)


def register(sub: Any) -> None:
    p = sub.add_parser("entities", help="the entity index of the library: one line per entity, most widespread first")
    add_library_option(p)
    p.add_argument("--type", choices=ENTITY_TYPES, help="only entities of this type")
    p.add_argument("--limit", type=_positive, help="at most N entities")
    p.set_defaults(handler=cmd_entities)

    p = sub.add_parser("dossier", help="every article mentioning an entity, with its mentions and highlights")
    add_library_option(p)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--type", choices=ENTITY_TYPES, help="the entity's type (default: the most widespread one)")
    p.set_defaults(handler=cmd_dossier)

    p = sub.add_parser("timeline", help="dated events across the library, one line per date")
    add_library_option(p)
    p.add_argument("--entity", metavar="NAME", help="only events whose sentence names this entity")
    p.add_argument("--tag", help="only articles with this tag (their own, or on one of their highlights)")
    p.add_argument("--search", metavar="QUERY", help="only articles matching this search")
    p.add_argument("--since", metavar="DATE", help="events ending on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="events starting on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--counts", action="store_true",
                   help="one line per date with the number of events only (the overview the reader draws)")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--per-date", type=_positive, default=PER_DATE, metavar="N",
                       help=f"at most N mentions of each date, those of the newest articles (default {PER_DATE}); "
                            "the line says how many there are in all")
    shown.add_argument("--all", action="store_true", help="every mention of every date")
    p.set_defaults(handler=cmd_timeline)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_day(value: str, *, last: bool) -> date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as its first day (or its last, with ``last``)."""
    m = _DATE.match(value.strip())
    if not m:
        raise UserError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return date(year, int(month), int(day))
        if month is not None:
            mo = int(month)
            return date(year, mo, calendar.monthrange(year, mo)[1] if last else 1)
        return date(year, 12, 31) if last else date(year, 1, 1)
    except ValueError:
        raise UserError(f"not a date: {value!r}") from None


def _library(args: argparse.Namespace) -> Any:
    from models.cli.articles import open_library_or_fail

    return open_library_or_fail(args.library)


def cmd_entities(args: argparse.Namespace) -> int:
    from models.store.entities import EntityStore

    with _no_collector():
        for e in EntityStore(_library(args)).library_index(args.type, args.limit):
            emit({"name": e.name, "type": e.type, "articles": e.article_count, "mentions": e.mention_count})
    return 0


def cmd_dossier(args: argparse.Namespace) -> int:
    from models.store.entity_queries import dossier_rows, types_of

    lib = _library(args)
    type_ = args.type
    with _no_collector():
        with lib.reading() as s:
            if type_ is None:
                found = types_of(s, args.name)
                if not found:
                    raise UserError(f"no entity named {args.name!r} in the analysed articles")
                type_ = found[0]
            rows = dossier_rows(s, args.name, type_)
        if not rows.articles:
            raise UserError(f"no {type_} named {args.name!r} in the analysed articles")
        write_lines(dossier_lines(rows, args.name, type_))  # read from rows, not objects: one encoding a line
    return 0


@contextlib.contextmanager
def _no_collector() -> Iterator[None]:
    """The cyclic garbage collector off inside the block: a command reading tens of thousands of rows makes no
    cycle, and the collector would walk every row again and again as they pile up (on the whole timeline of
    10,000 articles, 12,000 rows: 60–90 ms of a 0.3 s read)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def dossier_lines(rows: DossierRows, name: str, type_: str) -> Iterator[str]:
    """The JSON line of each article of a dossier (models.store.entity_queries.DossierRows), written out piece by
    piece: character for character the line ``_dumps`` makes of the article's object (article, title, publisher,
    published, entity, mentions, highlights), without making a dict per mention."""
    text = _encode_string
    entity = _dumps({"name": name, "type": type_})
    for article_id, title, publisher, published in rows.articles:
        mentions = ", ".join([
            f'{{"start": {int_text(start)}, "end": {int_text(end)}, "text": {text(words)}, '
            f'"snippet": {text(snippet)}, "snippet_start": {int_text(snippet_start)}, '
            f'"verified": {"true" if verified else "false"}}}'
            for start, end, words, snippet, snippet_start, verified, _cs, _ce in rows.mentions.get(article_id, ())
        ])
        highlights = ", ".join([
            f'{{"id": {text(hid)}, "start": {int_text(start)}, "end": {int_text(end)}, "exact": {text(exact)}, '
            f'"note": {text(note)}, "color": {text(color)}}}'
            for hid, start, end, exact, note, color in rows.highlights.get(article_id, ())
        ])
        yield (f'{{"article": {int_text(article_id)}, "title": {text(title)}, "publisher": {text(publisher)}, '
               f'"published": {"null" if published is None else text(published)}, "entity": {entity}, '
               f'"mentions": [{mentions}], "highlights": [{highlights}]}}')


def cmd_timeline(args: argparse.Namespace) -> int:
    since = parse_day(args.since, last=False) if args.since else None
    until = parse_day(args.until, last=True) if args.until else None
    if since is not None and until is not None and since > until:
        raise UserError(f"--since {args.since} is after --until {args.until}")
    if args.counts:
        from models.timeline_query import timeline_counts

        for c in timeline_counts(_library(args), tag=args.tag, entity=args.entity, search=args.search, since=since,
                                 until=until):
            emit({"first": c.first_day.isoformat(), "last": c.last_day.isoformat(), "precision": c.precision,
                  "events": c.events, **({"label": c.label} if c.label else {})})
        return 0
    from models.timeline_query import timeline_rows, unanalysed_articles

    lib = _library(args)
    with _no_collector():
        groups = timeline_rows(lib, None if args.all else args.per_date, tag=args.tag, entity=args.entity,
                               search=args.search, since=since, until=until)
        write_lines(timeline_lines(groups))  # read from rows, not objects: one encoding a line
    unanalysed = unanalysed_articles(lib, tag=args.tag, search=args.search)
    if unanalysed:
        complain(f"{unanalysed} article(s) not analysed yet are left out (newsdesk import analyses them)")
    return 0


_dumps = json.JSONEncoder(ensure_ascii=False, default=str).encode  # what ``emit`` writes, made once
_encode_string = json.encoder.encode_basestring  # how ``_dumps`` writes a string (ensure_ascii=False)
int_text = int.__repr__  # how ``_dumps`` writes an integer


def timeline_lines(groups: Iterable[Any]) -> Iterator[str]:
    """The JSON line of each dated group of :func:`models.timeline_query.timeline_rows`, written out piece by piece:
    character for character the line ``_dumps`` makes of the group's object (its interval, precision, whether it is
    planned, how many mentions it has (``events``) and how many are not printed (``more``), its articles, and the
    mentions printed, each with its article and sentence and, as ``analyze`` says it, how sure its value is: the
    confidence when below 1, and how it was reached), without making a dict per mention."""
    from models.timeline_query import (
        COL_ARTICLE,
        COL_CONFIDENCE,
        COL_ENTITIES,
        COL_LABEL,
        COL_PROVENANCE,
        COL_PUBLISHED,
        COL_SENTENCE,
        COL_SENTENCE_END,
        COL_SENTENCE_START,
        COL_TIMEX_END,
        COL_TIMEX_START,
        COL_TIMEX_TEXT,
        COL_TITLE,
        COL_VALUE,
    )

    def string(value: Any) -> str:
        return "null" if value is None else _encode_string(value) if value.__class__ is str else _dumps(value)

    def number(value: Any) -> str:
        return int_text(value) if value.__class__ is int else _dumps(value)

    for g in groups:
        mentions = []
        articles: dict[Any, None] = {}
        for r in g.rows:
            articles[r[COL_ARTICLE]] = None
            published = r[COL_PUBLISHED]
            entities = ", ".join([string(name) for name in r[COL_ENTITIES]])
            sure = ""
            confidence = r[COL_CONFIDENCE]
            if confidence < 1.0:
                sure = (f', "confidence": {_dumps(round(confidence, 2))}, '
                        f'"low_confidence": {"true" if confidence < LOW_CONFIDENCE else "false"}')
            if r[COL_PROVENANCE]:
                sure += f', "provenance": {string(r[COL_PROVENANCE])}'
            mentions.append(
                f'{{"article": {number(r[COL_ARTICLE])}, "title": {string(r[COL_TITLE])}, '
                f'"published": {string(_iso_day(published)) if published else "null"}, '
                f'"start": {number(r[COL_TIMEX_START])}, "end": {number(r[COL_TIMEX_END])}, '
                f'"text": {string(r[COL_TIMEX_TEXT])}, "value": {string(r[COL_VALUE])}, '
                f'"label": {string(r[COL_LABEL])}, "sentence": {string(r[COL_SENTENCE])}, '
                f'"sentence_start": {number(r[COL_SENTENCE_START])}, "sentence_end": {number(r[COL_SENTENCE_END])}, '
                f'"entities": [{entities}]{sure}}}'
            )
        yield (f'{{"first": {string(g.first_day)}, "last": {string(g.last_day)}, "precision": {string(g.precision)}, '
               f'"planned": {_dumps(g.planned)}, "events": {number(g.events)}, '
               f'"more": {number(g.events - len(mentions))}, '
               f'"articles": [{", ".join([number(a) for a in articles])}], "mentions": [{", ".join(mentions)}]}}')


@functools.lru_cache(maxsize=4096)
def _iso_day(published: str) -> str:
    """A stored publication day as the timeline prints it (the date it reads, written back)."""
    return date.fromisoformat(published).isoformat()
