"""Temporal tagging of news text: extents (:mod:`.patterns`, :mod:`.context`), TIMEX3 values (:mod:`.normalise`,
:mod:`.anchoring`, :mod:`.tense`) and timeline events (:mod:`.events`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models.analysis.nlp import Parsed
from models.analysis.timex.context import Context, accept
from models.analysis.timex.normalise import Resolver, normalise
from models.analysis.timex.patterns import scan, select
from models.analysis.timex.tense import Direction, direction_at
from models.analysis.types import Timex


def _lazy_direction(ctx: Context, start: int, end: int) -> Callable[[], Direction]:
    """The clause direction, read from the parse only for expressions that need it."""
    cache: list[Direction] = []

    def direction() -> Direction:
        if not cache:
            cache.append(direction_at(ctx.head_token(start, end))[0])
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
            resolver.anchor = value.anchor
            resolver.anchor_offset = c.start
    return out


__all__ = ["Context", "tag"]
