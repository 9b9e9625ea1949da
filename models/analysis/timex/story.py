"""What the text around an underspecified date says about it, beyond the tense of its clause.

- A heading that names a year ("2021 season schedule:") dates the list under it; a year named in the same sentence
  as the plan ("the 2021 tour kicks off May 2") dates the month and day.
- A weekday written beside an explicit date ("Sunday (Oct. 4)", "Sunday, Oct. 4") must agree with it: the explicit
  date wins, and the year is the one in which that day falls on that weekday.
- "after Sunday's defeat", "since Friday": the day is behind the clause whatever its tense.
- A quotation keeps the time of the story it reports: "today" inside the quotes of a coach who spoke after Sunday's
  game, in Monday's paper, is Sunday — whether the speaker is named after the quotation ('"…," Smith said after
  Sunday's game') or before it ('Smith said after Sunday's game: "…"').

Pure functions over the text and offsets; no parse needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from models.analysis.timex.lexicon import FULL_WEEKDAY, MONTHS, WEEKDAYS

_YEAR = re.compile(r"(?<![\d$€£.,-])((?:19|20)\d\d)(?![\d%])")
_HEADING_MAX = 80
_ITEM_MAX = 160
_PLAN_YEAR = re.compile(
    r"(?:\b(?:in|for|of|during)\s+((?:19|20)\d\d)\b(?!\s*(?:,|and)?\s*(?:\d|percent|%))|"
    r"\b((?:19|20)\d\d)(?:[–-]\d\d)?\s+(?:season|schedule|tour|calendar|edition|campaign|series|festival|"
    r"championship|program|programme|fixtures|dates))",
    re.IGNORECASE,
)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def heading_year(text: str, offset: int) -> int | None:
    """The year of a heading above a list the expression is an item of: the nearest line above that is short and
    names one year, when every line between is a short list item (at most 30 of them)."""
    heading = list_heading(text, offset, _one_year)
    return int(_YEAR.findall(heading)[0]) if heading else None


def _one_year(line: str) -> bool:
    """The line names one year and no day ("2021 season schedule:", not "June 5, 2025 — Denver")."""
    return len(set(_YEAR.findall(line))) == 1 and not _DAY_NUMBER.search(_YEAR.sub("", line))


_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)")


def schedule_list(text: str, offset: int) -> bool:
    """The expression is an item of a list under a heading that announces what is to come ("Tour dates:",
    "Upcoming fixtures", "Schedule"): its dates are ahead of the article."""
    return list_heading(text, offset, lambda line: _SCHEDULE_HEADING.search(line) is not None) is not None


def list_heading(text: str, offset: int, says: Callable[[str], bool]) -> str | None:
    """The heading of the list the expression is an item of: the nearest line above that is short, reads as a
    heading (ends in a colon, or in no full stop) and ``says`` what is looked for, when every line between is a
    short list item (at most 30 of them); None in running prose."""
    start, end = _line_bounds(text, offset)
    if end - start > _ITEM_MAX:
        return None  # a paragraph, not a list item
    line_end = start - 1
    for _ in range(30):
        if line_end <= 0:
            return None
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end].strip()
        if not line:
            line_end = line_start - 1
            continue
        is_heading = len(line) <= _HEADING_MAX and (line.endswith(":") or not line.endswith((".", "!", "?", "”", '"')))
        if is_heading and says(line):
            return line
        if len(line) > _ITEM_MAX or line.endswith((".", "!", "?")) and len(line) > 60:
            return None  # running prose: no list here
        line_end = line_start - 1
    return None


_SCHEDULE_HEADING = re.compile(r"(?i)\b(?:(?:tour|concert|show|race|match|game)[^\S\n]{1,3}dates|schedule|fixtures|"
                               r"itinerary|upcoming|coming[^\S\n]{1,3}up|dates[^\S\n]{0,3}:)")


def sentence_start(text: str, start: int) -> int:
    """Where the sentence (or the line) holding ``start`` begins: after the last ". " or line break before it."""
    return max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1


def sentence_year(text: str, start: int, end: int) -> int | None:
    """A year the sentence names for a plan ("in 2021", "the 2021 season"), when it names just one."""
    left = sentence_start(text, start)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    sentence = text[left:right]
    years = {int(a or b) for a, b in _PLAN_YEAR.findall(sentence)}
    return years.pop() if len(years) == 1 else None


def fronted_year(text: str, start: int, this_year: int) -> int | None:
    """The year a sentence opens with, which frames all of it ("In 2019, the budget was approved in late November",
    "Last year's budget was approved in November", "Last year the festival opened in July")."""
    left = sentence_start(text, start)
    m = _FRONTED_YEAR.match(text, left, start)
    if m is None:
        return None
    if m.group("year"):
        return int(m.group("year"))
    return this_year + {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]


def when_year(text: str, start: int) -> int | None:
    """The year a "when" clause of the month's sentence tells of ("the band last toured in 2021, when shows ran
    from September through November")."""
    left = sentence_start(text, start)
    found = [int(m.group(1)) for m in _YEAR_WHEN.finditer(text, max(left, start - 160), start)]
    return found[-1] if found else None


_YEAR_WHEN = re.compile(r"\b(?:in|of|during)[^\S\n]{1,3}((?:19|20)\d\d),?[^\S\n]{1,3}when\b")
_FRONTED_YEAR = re.compile(r"[^\S\n]{0,3}(?:(?:In|During|Back[^\S\n]{1,3}in|Throughout)[^\S\n]{1,3}"
                           r"(?P<year>(?:19|20)\d\d)\b(?![–-]\d)|(?P<rel>Last|This|Next)[^\S\n]{1,3}year\b)")
_WEEKDAY_BEFORE = re.compile(r"\b(Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?\s*[,(]\s*$", re.I)
_DATE_AFTER = re.compile(r"^\s*[,(]\s*([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})")


def _weekday_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for name, n in WEEKDAYS.items():
        if name.startswith(w[:3]) and len(name) > 3:
            return n
    return None


def weekday_before(text: str, start: int) -> int | None:
    """ISO weekday written right before a date ("Sunday (Oct. 4)", "Sunday, Oct. 4")."""
    m = _WEEKDAY_BEFORE.search(text[max(0, start - 14) : start])
    return _weekday_number(m.group(1)) if m else None


def date_after(text: str, end: int) -> tuple[int, int] | None:
    """(month, day) of an explicit date right after a weekday, without a year of its own."""
    m = _DATE_AFTER.match(text[end : end + 24])
    if not m:
        return None
    month = MONTHS.get(m.group(1).lower())
    return (month, int(m.group(2))) if month else None


# A day written after a clock time: "at 4pm on 29 April", "at 10 a.m. on Jan. 5, 2022". Matched on a short slice.
_DAY_AFTER_TIME = re.compile(
    r"[^\S\n]{1,3}on[^\S\n]{1,3}(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?[^\S\n]{1,3}(?P<m1>[A-Z][a-z]{2,8})\.?|"
    r"(?P<m2>[A-Z][a-z]{2,8})\.?[^\S\n]{1,3}(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?[^\S\n]{1,3}(?P<y>\d{4}))?(?![\w])"
)


def day_after_time(text: str, end: int) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a date written right after a clock time ("4pm on 29 April")."""
    m = _DAY_AFTER_TIME.match(text[end : end + 32])
    if not m:
        return None
    month = MONTHS.get((m.group("m1") or m.group("m2") or "").lower())
    if not month:
        return None
    return month, int(m.group("d1") or m.group("d2")), int(m.group("y")) if m.group("y") else None


_HEADING_WEEKDAY = re.compile(rf"({FULL_WEEKDAY})[^\S\n]{{0,3}}[:—–]")


def heading_weekday(text: str, start: int) -> int | None:
    """ISO weekday of a paragraph headed by a weekday ("Monday: Germany publishes …"), for a time inside it."""
    line_start, _ = _line_bounds(text, start)
    m = _HEADING_WEEKDAY.match(text, line_start, start)
    return WEEKDAYS[m.group(1).lower()] if m else None


def year_matching_weekday(month: int, day: int, weekday: int, near: int) -> int | None:
    """The year nearest ``near`` (one either side) in which month/day falls on ``weekday``."""
    for year in (near, near - 1, near + 1):
        try:
            if date(year, month, day).isoweekday() == weekday:
                return year
        except ValueError:
            return None
    return None


_BEHIND = re.compile(r"\b(?:after|since|following|from)\s+(?:last\s+)?$", re.I)


def behind(text: str, start: int, end: int) -> bool:
    """A day behind its clause: "after Sunday's defeat", "since Friday", "Sunday's game" (a possessive names an
    event that has happened or is set, told apart by the clause only when it says will)."""
    return bool(_BEHIND.search(text[max(0, start - 16) : start]))


# A result told before the day in its sentence: a score or a vote's tally ("defeated Hearts 2–1 at Easter Road on
# Sunday", "the council voted 5-4 on Tuesday"), not a time span ("open 9-5 on Saturday") nor a season's record in
# brackets ("The Gophers (9-1, 6-1) play Saturday").
_RESULT_BEFORE = re.compile(r"(?<![\d.,:/(])\d{1,3}[-–]\d{1,3}(?![\d.,:/%°)-])"
                            r"(?![^\S\n]?(?:[ap]\.?m\b|hours?\b|o'clock))")
_SENTENCE_START = re.compile(r"[.!?\n][^.!?\n]*$")


_SPAN_WORD_BEFORE = re.compile(r"\b(?:open|opens|opening|from|between|hours|daily|at|aged|ages|for)[^\S\n]{1,3}$",
                               re.IGNORECASE)


def result_before(text: str, start: int) -> bool:
    """A score or a vote's tally earlier in the sentence of the day at ``start``: an outcome, so a day behind."""
    window = text[max(0, start - 200) : start]
    opening = _SENTENCE_START.search(window)
    return any(not _SPAN_WORD_BEFORE.search(window, max(0, pair.start() - 12), pair.start())
               for pair in _RESULT_BEFORE.finditer(window, opening.start() if opening else 0))


def possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s")


_QUOTES = "\"“”"


def in_quotation(text: str, offset: int) -> bool:
    """Inside double quotation marks of its paragraph."""
    start, _ = _line_bounds(text, offset)
    before = text[start:offset]
    opened = before.count("“") > before.count("”")
    straight = before.count('"') % 2 == 1
    return opened or straight


_SAID_AFTER = re.compile(
    r"^[^\n“”\"]{0,80}[”\"]\s*,?\s*(?:\w+\s+){0,4}?(?:said|told|added|explained|recalled|acknowledged|admitted|"
    r"noted|insisted|conceded|joked|remarked|stated|continued|declared|replied|wrote)\b"
)


_SAID_IN_PARAGRAPH = re.compile(
    r"[”\"][^\S\n]{0,3},?[^\S\n]{0,3}(?:\w+[^\S\n]{1,3}){0,4}?(?:said|told|added|explained|recalled|"
    r"acknowledged|admitted|noted|insisted|conceded|joked|remarked|stated|continued|declared|replied|wrote)\b"
)


def reported_quotation(text: str, offset: int) -> bool:
    """A quotation reported in the past ("… today," the coach said)."""
    return in_quotation(text, offset) and bool(_SAID_AFTER.match(text[offset : offset + 160]))


def attributed_before(text: str, offset: int) -> bool:
    """A later quotation of a paragraph whose speaker was named in the past before it ("…," the captain
    acknowledged. "… tonight …"). Only a past tense inside it says it is about the story's day rather than the day
    it was said."""
    if not in_quotation(text, offset):
        return False
    start, _ = _line_bounds(text, offset)
    return bool(_SAID_IN_PARAGRAPH.search(text, start, offset))


# A speaker named in the past before the quotation opens: 'Smith said after Sunday's game: "… today …"'.
_SAID_BEFORE_OPENING = re.compile(
    r"\b(?:said|told|added|explained|recalled|acknowledged|admitted|noted|insisted|conceded|joked|remarked|stated|"
    r"declared|replied|wrote)\b[^\n“”\"]{0,80}?[:,]?[^\S\n]{0,3}[“\"][^\n“”\"]*\Z"
)


def attributed_at_opening(text: str, offset: int) -> bool:
    """A quotation opened after its speaker was named in the past ('Smith said after Sunday's game: "… today …"').
    Like :func:`attributed_before`, only a past tense inside it says it is about the story's day."""
    if not in_quotation(text, offset):
        return False
    start, _ = _line_bounds(text, offset)
    return bool(_SAID_BEFORE_OPENING.search(text, max(start, offset - 240), offset))


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def attribution_day(text: str, offset: int, dct: date) -> date | None:
    """The day a weekday names in the attribution after a quotation ('"… today," Smith said after Sunday's game'):
    the last such weekday before the publication date, within the six days before it."""
    said = _SAID_AFTER.match(text[offset : offset + 160])
    if said is None:
        return None
    at = offset + said.end()
    end = _SENTENCE_END.search(text, at, at + 120)
    m = _ENTRY_WEEKDAY.search(text, at, end.start() if end else min(len(text), at + 120))
    if m is None:
        return None
    back = (dct.isoweekday() - WEEKDAYS[m.group(1).lower()]) % 7
    return date.fromordinal(dct.toordinal() - back) if back else None


_STAMP_LINE = re.compile(r"[^\S\n]{0,8}(?:\d{1,2}(?:[:.]\d\d)?[^\S\n]{0,3}(?:[ap]\.?m\.?|[AP]\.?M\.?)|\d{1,2}:\d\d)"
                         r"(?:[^\S\n]{1,3}[A-Z]{2,4})?[^\S\n]{0,8}(?:\n|$)")
_ENTRY_WEEKDAY = re.compile(rf"\b({FULL_WEEKDAY})\b")
_ENTRY_MAX = 2500


def entry_day(text: str, start: int, end: int, dct: date) -> date | None:
    """The day of a live-update timestamp: a clock time alone on its line ("10 p.m."), whose entry (the lines
    under it, up to the next such stamp) names the weekday the update was written on — the publication day or the
    day before it, since the page is dated by its last update."""
    line_start, line_end = _line_bounds(text, start)
    if text[line_start:start].strip() or not _STAMP_LINE.match(text, start, min(len(text), line_end + 1)):
        return None
    entry_end = min(len(text), line_end + _ENTRY_MAX)
    at = line_end + 1
    while at < entry_end:  # the entry stops at the next stamp
        nxt = text.find("\n", at)
        nxt = entry_end if nxt < 0 or nxt > entry_end else nxt
        if _STAMP_LINE.fullmatch(text, at, min(len(text), nxt + 1)) or _STAMP_LINE.fullmatch(text, at, nxt):
            entry_end = at
            break
        at = nxt + 1
    m = _ENTRY_WEEKDAY.search(text, line_end, entry_end)
    if m is None:
        return None
    back = (dct.isoweekday() - WEEKDAYS[m.group(1).lower()]) % 7
    return date.fromordinal(dct.toordinal() - back) if back <= 1 else None


def story_day(history: list[tuple[date, str]], dct: date) -> date | None:
    """The day the story happened: the latest day-precise date of the text before this point, within the six days
    before the publication date."""
    for day, gran in reversed(history):
        if gran == "day":
            return day if 0 < (dct - day).days <= 6 else None
    return None
