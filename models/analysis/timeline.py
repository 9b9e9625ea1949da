"""Timeline of an article: every temporal expression (TIMEX3) and the dated events the article reports."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from models.analysis.nlp import Parsed
from models.analysis.timex import Context, TimeBudgetExceeded, foreign, story, tag
from models.analysis.timex.accounts import FISCAL_NAMED, FISCAL_REACH
from models.analysis.timex.events import build_events
from models.analysis.types import Entity, TimelineEvent, Timex


def extract_timeline(
    parsed: Parsed, published: date | None, entities: Sequence[Entity]
) -> tuple[tuple[Timex, ...], tuple[TimelineEvent, ...]]:
    """Timexes sorted by start (durations and sets included) and events in text order, without a time limit."""
    timexes, events, _ = timeline_within(parsed, published, entities)
    return timexes, events


def timeline_within(
    parsed: Parsed, published: date | None, entities: Sequence[Entity], *, deadline: float | None = None,
    language: str = "en",
) -> tuple[tuple[Timex, ...], tuple[TimelineEvent, ...], bool]:
    """Timexes sorted by start (durations and sets included), events in text order, and whether the whole text was
    done before ``deadline`` (a :func:`time.monotonic` value).

    ``published`` is the document creation time relative expressions are resolved against; without one only the
    expressions whose value does not depend on it are kept. ``language`` is the text's: another language's words for
    days and months are read in a text of that language only.
    """
    ctx = Context(parsed, language)
    whole = True
    try:
        timexes = tag(parsed, published, ctx, deadline=deadline)
    except TimeBudgetExceeded as stop:
        timexes, whole = stop.found, False
    timexes = [with_sureness(t, parsed.text, language) for t in timexes]
    events, all_events = build_events(ctx, timexes, published, entities, deadline=deadline)
    return tuple(sorted(timexes, key=lambda t: (t.start, t.end))), events, whole and all_events


_EXPLICIT_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|'\d\d\b|\d{1,2}/\d{1,2}/\d{2,4}")
_DEICTIC = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|ago|last|next|this|current|coming|past|now|"
                      r"recently|currently)\b", re.I)
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|by|until|till|of|from|to|during|before|after|early|late|mid|"
                               r"between|and|or|through|around|circa|c\.)\s+(?:the\s+)?$", re.I)
_CHAINED = re.compile(r"\b(?:later|earlier|before|after|following|previous|same|that|then|prior|year-ago)\b", re.I)
_FISCAL = re.compile(r"\b(?:fiscal|financial)\s+year\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I)


def with_sureness(t: Timex, text: str, language: str = "en") -> Timex:
    """The timex with a confidence and how its value was reached, read from the expression and its neighbours."""
    words = t.text
    foreign_date = foreign.sureness(words) if language != "en" else None
    if foreign_date:
        confidence, how = foreign_date
    elif t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        confidence, how = 0.55, "vague reference"
    elif t.type in ("DURATION", "SET"):
        confidence, how = 0.8, "expression"
    elif t.type == "TIME" and not re.search(r"[A-Za-z]{3}", re.sub(r"(?i)\b[ap]\.?m\.?|\bnoon\b", "", words)):
        confidence, how = 0.35, "clock time on the publication day"  # a time without a day: often another day's
    elif re.fullmatch(r"(?:1[5-9]|20)\d\d", words.strip()) and not _YEAR_PREPOSITION.search(
        text[max(0, t.start - 12) : t.start]
    ):
        confidence, how = 0.45, "bare year"  # "2019" without "in": as often part of a name ("Grid 2019")
    elif _EXPLICIT_YEAR.search(words):
        confidence, how = 0.95, "explicit date"
    elif _CHAINED.search(words):
        confidence, how = 0.6, "previous date of the text"
    elif _DEICTIC.search(words):
        confidence, how = 0.85, "publication date"
    elif _FISCAL.search(words):  # "the fiscal year": the one the text named before, else the publication year's
        named = FISCAL_NAMED.search(text, max(0, t.start - FISCAL_REACH), t.start)
        confidence, how = 0.6, "previous date of the text" if named else "publication date"
    elif _WEEKDAY.search(words) and story.date_after(text, t.end) is None and story.weekday_before(text, t.start) \
            is None:
        confidence, how = 0.7, "weekday near the publication date"
    elif story.weekday_before(text, t.start) is not None or story.date_after(text, t.end) is not None:
        confidence, how = 0.85, "weekday beside the date"
    elif story.heading_year(text, t.start) is not None:
        confidence, how = 0.8, "year of the heading"
    elif story.schedule_list(text, t.start):
        confidence, how = 0.7, "list of dates to come"  # "Tour dates:", "Upcoming fixtures"
    else:
        confidence, how = 0.55, "tense of the clause"
    return replace(t, confidence=confidence, provenance=how)
