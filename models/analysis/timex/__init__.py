"""Temporal tagging of news text: extents (:mod:`.patterns`, :mod:`.context`), TIMEX3 values (:mod:`.normalise`,
:mod:`.anchoring`, :mod:`.tense`) and timeline events (:mod:`.events`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from models.analysis.nlp import Parsed
from models.analysis.timex.context import Context, accept
from models.analysis.timex.normalise import Resolver, normalise
from models.analysis.timex.patterns import scan, select
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
        if prev.pos_ == "VERB" and prev.tag_ in ("VBD", "VBZ", "VBP", "VBN", "VB"):
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


def tag(parsed: Parsed, dct: date, ctx: Context | None = None) -> list[Timex]:
    """Every temporal expression of the text with its TIMEX3 value, in text order."""
    ctx = ctx or Context(parsed)
    text = parsed.text
    chosen = select(scan(text), lambda c: accept(c, ctx))
    resolver = Resolver(dct)
    out: list[Timex] = []
    for c in chosen:
        value = normalise(c, resolver, _lazy_direction(ctx, c.start, c.end))
        if value is None:
            continue
        out.append(Timex(c.start, c.end, text[c.start : c.end], value.type, value.value, value.mod))
        if value.anchor is not None and value.type in ("DATE", "TIME"):
            resolver.remember(value.anchor, c.start)
    return out


__all__ = ["Context", "tag"]
