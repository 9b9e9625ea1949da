"""The year of a month or a day written without one ("in June", "March 8", "the summer"): from a weekday beside it,
the same day told before, a heading or a sentence that names a year, a story told in an earlier year, a schedule
that goes forward, and last the tense of its clause (a present tense looks ahead)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from models.analysis.timex import anchoring, story
from models.analysis.timex.lexicon import WEEKDAYS
from models.analysis.timex.patterns import Candidate
from models.analysis.timex.resolution import Resolver
from models.analysis.timex.tense import Direction


def forward(direction: Direction) -> Direction:
    """A date in a present-tense clause is a schedule ("the tour kicks off May 2", "the law takes effect Jan. 1")."""
    return "future" if direction == "present" else direction


def yearless(c: Candidate, mon: int, day: int | None, r: Resolver, direction: Callable[[], Direction]) -> int:
    """Year of a month (and day) written without one: a weekday written beside it, the same day told before, a
    heading or a sentence that names the year, then the tense of the clause (a present tense looks ahead)."""
    text = c.match.string
    if day is not None:
        own = c.group("wd") if c.rule in ("mdy", "dmy") else None  # "Friday, Dec. 6" in one expression
        wd = WEEKDAYS.get(own.rstrip(".").lower()) if own else story.weekday_before(text, c.start)
        if wd is not None:
            matching = story.year_matching_weekday(mon, day, wd, r.dct.year)
            if matching is not None and abs(matching - r.dct.year) <= 1:
                return matching
        told = next((d.year for d, gran in reversed(r.history) if gran == "day" and (d.month, d.day) == (mon, day)),
                    None)
        if told is not None and abs(told - r.dct.year) <= 1:
            return told  # "kicks off June 5 [2025] in Denver" … "June 5 — Denver, CO": the same day told again
    deictic = re.match(r"[^\S\n]*,?[^\S\n]*(this|last|next) year\b", text[c.end : c.end + 16], re.I)
    if deictic:  # "June 5 this year"
        return r.dct.year + {"this": 0, "last": -1, "next": 1}[deictic.group(1).lower()]
    told_year = _OF_THAT_YEAR.match(text, c.end, min(len(text), c.end + 32))
    if told_year:  # "in December of that year", "in June the following year": the year the text is at
        base, _ = r.anchor_for("year")
        return base.year + {"the following": 1, "the next": 1, "the previous": -1}.get(told_year.group(1).lower(), 0)
    named = story.heading_year(text, c.start)
    framed = story.fronted_year(text, c.start, r.dct.year) or story.when_year(text, c.start)
    if framed is not None and framed != r.dct.year and abs(framed - r.dct.year) <= 50 \
            and direction() in (("past",) if framed < r.dct.year else ("present", "future")):
        # "In 2019, the budget was approved in late November": the year the sentence opens with, when the clause's
        # tense agrees ("Last year's winner returns in June" is this June)
        return framed
    if named is None:
        planned = story.sentence_year(text, c.start, c.end)  # "the 2021 tour kicks off May 2"; not a past year
        named = planned if planned is not None and planned > r.dct.year else None
    if named is not None and abs(named - r.dct.year) <= 5 and not _against_tense(named, r.dct.year, direction()):
        return named
    if named is None and story.schedule_list(text, c.start):
        return anchoring.year_for(mon, day, "future", r.dct)  # "Tour dates:" and "June 5 — Denver" under it
    if re.search(r"\bas of\s+$", text[max(0, c.start - 8) : c.start], re.I):
        return anchoring.year_for(mon, day, "past", r.dct)
    if _DUE.search(text[max(0, c.start - 24) : c.start]):
        return anchoring.year_for(mon, day, "future", r.dct)  # "the leaders said, with a report due in March"
    if _TICKETS_FOR.search(text[max(0, c.start - 30) : c.start]):
        # "tickets for her June 3 show sold out": the show's date, the nearest, whatever became of the tickets
        return anchoring.year_for(mon, day, None, r.dct)
    told = _narrative_year(text, c.start, mon, day, r, direction) or schedule_year(text, c.start, mon, day, r,
                                                                                   direction)
    if told is not None:
        return told
    # a day in a present-tense clause is a schedule; a bare month there is as often a state ("is the September
    # quarter") as a plan, unless the clause says it is one ("are due in October", "runs until May")
    said = direction()
    if day is not None or (said == "present" and _PLANNED.search(text, max(0, c.start - 60), c.start)
                           and _PLAN_LINK.search(text[max(0, c.start - 8) : c.start])):
        said = forward(said)
    return anchoring.year_for(mon, day, said, r.dct)


def _narrative_year(
    text: str, start: int, mon: int, day: int | None, r: Resolver, direction: Callable[[], Direction]
) -> int | None:
    """A story told in the past that has named a month of an earlier year goes on in it: "he saw his doctor in
    November 2016. By December, his symptoms worsened" is December 2016. Only within the paragraph of that date,
    only in a past clause, and only forward from it (the month after the date told, within a year)."""
    if r.anchor is None or r.anchor[1] not in ("month", "day") or r.anchor_offset < 0:
        return None
    told = r.anchor[0]
    if (r.dct - told).days <= 366 or "\n" in text[r.anchor_offset : start] or direction() != "past":
        return None
    year = told.year if (mon, day or 1) >= (told.month, told.day if day else 1) else told.year + 1
    return year if date(year, mon, 1) <= r.dct else None


def schedule_year(
    text: str, start: int, mon: int, day: int | None, r: Resolver, direction: Callable[[], Direction]
) -> int | None:
    """A schedule goes forward: after a date ahead of the article, a later date of the same sentence or of the next
    line of a list, written without a year, does not go back before it ("opens March 8 [2025] … with European dates
    in June" is June 2025; "March 8 — San Francisco" then "June 4 — London" under it too)."""
    if r.anchor is None or r.anchor[1] not in ("month", "day") or r.anchor_offset < 0 or r.anchor[0] <= r.dct:
        return None
    between = text[r.anchor_offset : start]
    line_start = text.rfind("\n", 0, start) + 1
    listed = between.count("\n") == 1 and not text[line_start:start].strip()
    if not listed and ("\n" in between or _SENTENCE_BREAK.search(between)) or direction() == "past":
        return None
    told = r.anchor[0]
    year = told.year if (mon, day or 31) >= (told.month, told.day) else told.year + 1
    months_on = (year - told.year) * 12 + mon - told.month
    # in a sentence, only the next months of the plan ("after talks in Rome in October" is no later stop)
    return year if year - r.dct.year <= 1 and (listed or months_on <= 6) else None


_OF_THAT_YEAR = re.compile(r"[^\S\n]{0,2},?[^\S\n]{0,2}(?:of[^\S\n]{1,2})?"
                           r"(that|the same|the following|the next|the previous)[^\S\n]{1,2}year\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")


def _against_tense(year: int, this_year: int, said: Direction) -> bool:
    """A year of a heading or of another clause that the clause's own tense rules out: "the commission he appointed
    in February" is not in next year's February because the sentence ends "by the end of 2020"."""
    return (said == "past" and year > this_year) or (said == "future" and year < this_year)


# What is due is ahead, whatever the tense of the clause that tells of it (not what "was due").
_DUE = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bfell )(?<!\bbecame )\bdue[^\S\n]+(?:in|on|by|before)"
                  r"[^\S\n]+$", re.IGNORECASE)
_TICKETS_FOR = re.compile(r"\btickets?[^\S\n]+(?:for|to)[^\S\n]+(?:(?:the|her|his|their|its|a|an)[^\S\n]+)?$",
                          re.IGNORECASE)
_PLAN_LINK = re.compile(r"\b(?:in|until|till|by|for|from|before)[^\S\n]+$", re.IGNORECASE)
# Words of a schedule before a bare month in a present-tense clause: the month is ahead of the article ("the
# festival returns in July", "the exhibition closes in March").
_PLANNED = re.compile(
    r"\b(?:due|scheduled|slated|expected|planned|set[^\S\n]+to|until|till|deadline|starts?|begins?|opens?|"
    r"launch(?:es)?|kicks?[^\S\n]+off|takes?[^\S\n]+effect|returns?|resumes?|reopens?|premieres?|debuts?|"
    r"arrives?|ends?|closes?|finishes|comes?[^\S\n]+into[^\S\n]+force|goes?[^\S\n]+on[^\S\n]+sale)\b[^.;:!?\n]*$",
    re.IGNORECASE,
)
