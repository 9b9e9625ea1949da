"""Temporal tagging of news text: extents (:mod:`.patterns`, :mod:`.context`), TIMEX3 values (:mod:`.normalise`,
:mod:`.anchoring`, :mod:`.tense`) and timeline events (:mod:`.events`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from models.analysis.nlp import Parsed
from models.analysis.timex.arithmetic import OutOfRange, beyond_calendar
from models.analysis.timex.context import Context, accept
from models.analysis.timex.normalise import Resolver, normalise
from models.analysis.timex.patterns import Candidate, scan, select
from models.analysis.timex.resolution import Value
from models.analysis.timex.tense import Direction, direction_at
from models.analysis.types import Timex

_LINKS = {"on", "in", "at", "by", "since", "until", "during", "from"}


def _attachment(ctx: Context, start: int, end: int) -> Any:
    """The token whose clause dates the expression: a verb written right before it ("said on Monday", "announced
    Thursday") wins over a parse that hangs the date on a later clause; otherwise the expression's own head."""
    first = ctx.token_at(start)
    if first is not None and first.i > 0:
        prev = first.doc[first.i - 1]
        if prev.lower_ in _LINKS and prev.i > 0:
            prev = prev.doc[prev.i - 1]
        # not a verb inside a modifier: "a better-than-expected third quarter" is dated by "reported" before it
        hyphened = prev.i > 0 and prev.doc[prev.i - 1].text == "-"
        if prev.pos_ == "VERB" and prev.tag_ in ("VBD", "VBZ", "VBP", "VBN", "VB") and not hyphened:
            return prev
    return ctx.head_token(start, end)


def _lazy_direction(ctx: Context, start: int, end: int) -> Callable[[], Direction]:
    """The clause direction, read from the parse only for expressions that need it."""
    cache: list[Direction] = []

    def direction() -> Direction:
        if not cache:
            cache.append(direction_at(_attachment(ctx, start, end))[0])
        return cache[0]

    return direction


def _resolve(chosen: Sequence[Candidate], text: str, dct: date, ctx: Context, deadline: float | None) -> list[Timex]:
    resolver = Resolver(dct, language=ctx.language)
    out: list[Timex] = []
    for k, c in enumerate(chosen):
        if deadline is not None and k % 64 == 0 and time.monotonic() > deadline:
            raise TimeBudgetExceeded(out)
        try:
            value = normalise(c, resolver, _lazy_direction(ctx, c.start, c.end))
        except OutOfRange as error:
            # "5,000 years ago", "the day before" a placeholder date of year 1: written, not anchored on
            value = Value("DATE", beyond_calendar(error.year))
        except (ValueError, OverflowError, ArithmeticError):
            value = None  # a day the calendar cannot hold: the expression keeps no value rather than its article
        if value is None:
            continue
        out.append(Timex(c.start, c.end, text[c.start : c.end], value.type, value.value, value.mod))
        if value.anchor is not None and value.type in ("DATE", "TIME"):
            resolver.remember(value.anchor, c.start)
    return out


class TimeBudgetExceeded(Exception):
    """The time budget of the timeline ran out; ``found`` holds what was resolved until then."""

    def __init__(self, found: list[Timex]) -> None:
        super().__init__("the timeline took longer than its time budget")
        self.found = found


# Two creation times far apart in every unit (century, decade, year, season, month, week, weekday): an expression
# that resolves to the same value against both does not depend on the creation time (dates written in full,
# durations, and relatives chained on such dates), which is what an article without a trustworthy date can place.
_PROBES = (date(1903, 4, 9), date(2016, 11, 26))


def tag(parsed: Parsed, dct: date | None, ctx: Context | None = None, *, deadline: float | None = None) -> list[Timex]:
    """Every temporal expression of the text with its TIMEX3 value, in text order.

    Without a creation time (``dct`` None) only the expressions whose value does not depend on one are kept.
    ``deadline`` (a :func:`time.monotonic` value) bounds the work: past it :class:`TimeBudgetExceeded` carries the
    expressions resolved so far.
    """
    ctx = ctx or Context(parsed)
    text = parsed.text[: parsed.covered]
    chosen = select(scan(text, other_language=ctx.language != "en"), lambda c: accept(c, ctx))
    if dct is not None:
        return _resolve(chosen, text, dct, ctx, deadline)
    first, second = (_resolve(chosen, text, probe, ctx, deadline) for probe in _PROBES)
    other = {(t.start, t.end): t for t in second}
    return [t for t in first if other.get((t.start, t.end)) == t]


__all__ = ["Context", "TimeBudgetExceeded", "tag"]
