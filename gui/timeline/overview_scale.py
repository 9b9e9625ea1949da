"""The overview strip's scale: every event across one width, with long empty stretches cut short.

Plain numbers, no Qt. Days are floats as elsewhere in the timeline (``date.toordinal()``, a day covers
``[n, n + 1)``). One event in 1945 and forty in 2019 would leave the strip a long empty line with everything
squeezed at its end; instead a gap that dwarfs the rest is drawn as a short break ("//") of fixed width, and the
days that hold events share the width at one common scale. The mapping stays strictly increasing, so every x has
exactly one day and the strip can be clicked and dragged anywhere, breaks included.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

BREAK_RATIO = 3.0  # a gap longer than this many times the rest of the span is cut
BREAK_PX = 18.0  # the width a cut gap keeps
MAX_BREAKS = 3
CONTEXT_SHARE = 0.03  # days kept on each side of a cut, as a share of the days shown


@dataclass(frozen=True, slots=True)
class Piece:
    """Days ``[first, end)`` drawn over pixels ``[x0, x1)``; a break is a piece whose days are squeezed."""

    first: float
    end: float
    x0: float
    x1: float
    is_break: bool


@dataclass(frozen=True, slots=True)
class BrokenScale:
    pieces: tuple[Piece, ...]  # in order, touching, covering [first day, end day) and [left, right)
    ppd: float  # pixels per day outside the breaks

    @property
    def breaks(self) -> tuple[Piece, ...]:
        return tuple(p for p in self.pieces if p.is_break)

    def x(self, day: float) -> float:
        """The pixel of a day; days beyond either end continue at the ordinary scale."""
        pieces = self.pieces
        if day <= pieces[0].first:
            return pieces[0].x0 - (pieces[0].first - day) * self.ppd
        if day >= pieces[-1].end:
            return pieces[-1].x1 + (day - pieces[-1].end) * self.ppd
        p = pieces[max(0, bisect.bisect_right([q.first for q in pieces], day) - 1)]
        return p.x0 + (day - p.first) * (p.x1 - p.x0) / (p.end - p.first)

    def day(self, x: float) -> float:
        """The inverse of :meth:`x`."""
        pieces = self.pieces
        if x <= pieces[0].x0:
            return pieces[0].first - (pieces[0].x0 - x) / self.ppd
        if x >= pieces[-1].x1:
            return pieces[-1].end + (x - pieces[-1].x1) / self.ppd
        p = pieces[max(0, bisect.bisect_right([q.x0 for q in pieces], x) - 1)]
        return p.first + (x - p.x0) * (p.end - p.first) / (p.x1 - p.x0)

    def cut(self, first: float, end: float) -> bool:
        """Whether a break lies inside ``[first, end)`` (a mark or window crossing it is not to scale)."""
        return any(p.first < end and first < p.end for p in self.breaks)


def broken_scale(
    spans: Sequence[tuple[float, float]],
    left: float,
    right: float,
    *,
    ratio: float = BREAK_RATIO,
    break_px: float = BREAK_PX,
    max_breaks: int = MAX_BREAKS,
) -> BrokenScale:
    """Fit ``spans`` (``[first, end)`` day intervals) into pixels ``[left, right]``, cutting the long gaps.

    The ``k`` longest gaps between covered stretches are cut when even the shortest of them is longer than
    ``ratio`` times the days left after cutting them all; the largest such ``k`` (at most ``max_breaks``) wins,
    so two long silences both fold, but evenly spread events never turn into a row of breaks. A cut keeps a
    little context on each side so marks never touch a break.
    """
    runs = _merge(sorted((a, max(b, a + 1.0)) for a, b in spans)) or [(0.0, 1.0)]
    lo, hi = runs[0][0], runs[-1][1]
    gaps = sorted(((runs[i][1], runs[i + 1][0]) for i in range(len(runs) - 1)), key=lambda g: g[0] - g[1])
    cut: list[tuple[float, float]] = []
    for k in range(1, min(max_breaks, len(gaps)) + 1):
        rest = (hi - lo) - sum(b - a for a, b in gaps[:k])
        if gaps[k - 1][1] - gaps[k - 1][0] > ratio * rest:
            cut = gaps[:k]
    shown = (hi - lo) - sum(b - a for a, b in cut)
    context = max(1.0, CONTEXT_SHARE * shown)
    cut = sorted((a + context, b - context) for a, b in cut if b - a > 3 * context)
    shown_days = (hi - lo) - sum(b - a for a, b in cut)
    width = max(right - left - break_px * len(cut), 1.0)
    ppd = width / max(shown_days, 1.0)
    pieces: list[Piece] = []
    day, x = lo, left
    for a, b in cut:
        pieces.append(Piece(day, a, x, x + (a - day) * ppd, False))
        x += (a - day) * ppd
        pieces.append(Piece(a, b, x, x + break_px, True))
        day, x = b, x + break_px
    pieces.append(Piece(day, hi, x, right, False))
    return BrokenScale(tuple(pieces), ppd)


def year_ticks(scale: BrokenScale, label_px: float, min_gap: float = 10.0) -> list[tuple[float, str, bool]]:
    """(x, year, labelled) for January 1st of the years the strip shows, outside the breaks.

    Every year gets a tick when they are at least 3 px apart, else every 2nd, 5th, 10th …; labels go on a
    coarser step that leaves ``min_gap`` between them. The first year after a break is labelled too when it has
    room, so the reader sees where the strip jumps to.
    """
    year_px = 365.25 * scale.ppd
    tick_step = next(s for s in _STEPS if s * year_px >= 3.0)
    label_step = next(s for s in _STEPS if s * year_px >= label_px + min_gap)
    out: list[tuple[float, str, bool]] = []
    last_label = float("-inf")
    for piece in scale.pieces:
        if piece.is_break:
            continue
        y0 = date.fromordinal(max(1, int(piece.first))).year
        first_here = True
        for year in range(y0, date.fromordinal(max(1, int(piece.end))).year + 1):
            day = date(year, 1, 1).toordinal()
            if not (piece.first <= day < piece.end) or year % tick_step:
                continue
            x = scale.x(day)
            want = year % label_step == 0 or first_here
            labelled = want and x >= last_label + label_px + min_gap
            if labelled:
                last_label = x
            out.append((x, str(year), labelled))
            first_here = False
    return out


_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000)


def _merge(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
