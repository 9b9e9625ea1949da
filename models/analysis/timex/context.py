"""What the shared parse says around a candidate: its tokens, its sentence and whether the words around it make it
a date at all ("in 2009" is a year, "2000 people" is a count; "in May" is a month, "Theresa May" is not)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from models.analysis.entity_types import EVENT_HEADS
from models.analysis.nlp import Parsed
from models.analysis.timex import foreign
from models.analysis.timex.lexicon import FULL_WEEKDAY
from models.analysis.timex.patterns import Candidate
from models.analysis.timex.story import sentence_start

_TIME_PREPOSITIONS = {
    "in", "since", "until", "till", "by", "of", "during", "before", "after", "early", "late", "mid", "last", "next",
    "this", "from", "through", "to", "between", "and", "or", "end", "beginning", "start", "middle", "on", "for",
    "throughout", "around", "as", "ahead", "within", "into", "over", "towards", "toward", "past", "that", "every",
    "each", "the", "late-", "mid-", "early-", "spring", "summer", "autumn", "winter", "than",
}
_AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august", "jan", "mar", "jun", "aug", "sept", "sep", "dec",
                     "oct", "nov", "feb", "apr", "jul"}
_COUNT_UNITS = {"percent", "per", "million", "billion", "trillion", "km", "miles", "mph", "feet", "metres", "meters",
                "kilometres", "kilometers", "tonnes", "tons", "pounds", "dollars", "euros", "yen", "points", "votes",
                "people", "times", "units", "barrels", "acres", "hectares", "degrees", "kg", "lb", "ft", "m", "%"}
_YEAR_PREPOSITIONS = {"in", "since", "until", "till", "by", "during", "before", "after", "from", "through", "to",
                      "between", "and", "of", "early", "late", "mid", "the", "for", "around", "circa", "c.", "or",
                      "year", "fiscal", "as", "throughout", "than", "–", "-", "summer", "spring", "autumn", "winter",
                      "fall", "season", "back", "at", "on", "into", "'s", "’s", "within", "beyond", "about"}


class Context:
    """Token and sentence lookup by canonical-text offset."""

    def __init__(self, parsed: Parsed, language: str = "en") -> None:
        self.parsed = parsed
        self.language = language  # the text's (:func:`models.analysis.language.language_of`): "en", "pt", "und" …
        self._starts: list[int] = []
        self._tokens: list[Any] = []
        for piece in parsed.pieces:
            for tok in piece.doc:
                self._starts.append(piece.offset + tok.idx)
                self._tokens.append(tok)
        self.sentences: list[tuple[int, int, Any]] = list(parsed.sentences())
        self._sent_starts = [s for s, _, _ in self.sentences]
        self._date_ents: list[tuple[int, int, str]] = [
            (s, e, ent.label_) for s, e, ent in parsed.spans({"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY",
                                                             "PERCENT", "PERSON", "ORG", "WORK_OF_ART",
                                                             "PRODUCT", "LAW", "EVENT", "FAC", "GPE"})
        ]
        self._ent_starts = [s for s, _, _ in self._date_ents]

    def token_at(self, offset: int) -> Any | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        tok = self._tokens[i]
        if self._starts[i] + len(tok.text) <= offset and i + 1 < len(self._tokens):
            return self._tokens[i + 1]
        return tok

    def tokens_in(self, start: int, end: int) -> Iterator[Any]:
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._tokens) and self._starts[i] < end:
            yield self._tokens[i]
            i += 1

    def head_token(self, start: int, end: int) -> Any | None:
        """The token of ``[start, end)`` whose head lies outside it (the syntactic head of the expression)."""
        toks = list(self.tokens_in(start, end))
        ids = {t.i for t in toks}
        for t in toks:
            if t.head.i not in ids or t.head.i == t.i:
                return t
        return toks[0] if toks else None

    def sentence_of(self, offset: int) -> tuple[int, int, Any] | None:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def entity_label(self, start: int, end: int) -> str | None:
        """Label of a spaCy entity overlapping ``[start, end)``, if any."""
        i = bisect.bisect_right(self._ent_starts, end) - 1
        while i >= 0 and i >= bisect.bisect_right(self._ent_starts, start) - 8:
            s, e, label = self._date_ents[i]
            if s < end and start < e:
                return label
            i -= 1
        return None

    def prev_word(self, offset: int) -> str:
        m = re.search(r"([\w’'.$€£-]+)[^\S\n]*$", self.parsed.text[max(0, offset - 40) : offset])
        return m.group(1).lower() if m else ""

    def next_word(self, offset: int) -> str:
        m = re.match(r"[^\S\n]*([\w’'%-]+)", self.parsed.text[offset : offset + 40])
        return m.group(1) if m else ""


def accept(c: Candidate, ctx: Context) -> bool:
    text = ctx.parsed.text
    rule = c.rule
    if rule in foreign.RULES:
        return foreign.accept(c, text, ctx.language)
    prev = ctx.prev_word(c.start)
    nxt = ctx.next_word(c.end)
    after = text[c.end : c.end + 3]
    if rule == "month":
        if c.group("year") or c.group("rel") or c.group("yrel") or c.group("mod"):
            return True
        word = c.group("mon") or ""
        if word.isupper() and len(word) > 3:
            return prev in _TIME_PREPOSITIONS
        if word.rstrip(".").lower() in _AMBIGUOUS_MONTHS:
            if prev in _TIME_PREPOSITIONS or ctx.entity_label(c.start, c.end) == "DATE":
                return not (nxt[:1].isupper() and prev not in ("in", "since", "of", "until", "by"))
            return False
        return not nxt[:1].isupper() or prev in _TIME_PREPOSITIONS
    if rule == "dotted" and prev.rstrip(".") in ("version", "v", "ver", "build", "release", "firmware", "update"):
        return False  # "version 1.2.2019": a release number
    if rule in ("mdy", "dmy"):
        return not (c.group("mon") or "").startswith(("MAY", "MARCH"))
    if rule == "year":
        return _accept_year(c, ctx, prev, nxt)
    if rule == "season":
        if c.group("year") or c.group("mod"):
            return True
        rel = (c.group("rel") or "").lower()
        season = (c.group("season") or "").lower()
        if not rel and _habitual_sentence(text, c.start, c.end):
            return False  # "smog is a standard feature of winter", "in summer the lake usually dries up": any year's
        if season == "fall":
            return rel not in ("", "the") or (prev in ("in", "this", "by", "until", "since", "during", "the")
                                              and nxt.lower() != "of")
        if (c.group("season") or "")[:1].isupper() and nxt[:1].isupper() and not (c.group("season") or "").isupper():
            return False  # "the next Summer Games", "Winter Olympics": a season in a name
        if rel and rel != "the":
            return True
        if (c.group("season") or "")[0].isupper() and c.start > 0 and text[c.start - 1] not in "\n":
            if not rel and prev not in ("in", "by", "until", "since", "during", "of", "this", "last", "next"):
                return False
        if nxt.lower() == "of":
            return False
        return prev in ("in", "by", "until", "till", "since", "during", "through", "before", "after", "for",
                        "from", "this", "next", "last", "early", "late", "of", "and", "or", "over", "throughout",
                        "to", "into", "spring", "summer", "autumn", "winter", "")
    if rule == "deictic":
        rel = re.sub(r"\s+", " ", (c.group("rel") or "").lower())
        unit = (c.group("unit") or "").lower()
        if rel == "the":
            return bool(c.group("mod")) or (unit == "weekend" and prev in ("the", "over", "at", "during", "on")) \
                or unit.startswith(("fiscal", "financial"))  # "the fiscal year": the one a company reports on
        if rel in ("the whole", "the entire"):
            return unit in ("year", "month", "week", "day", "decade")
        if rel in ("the past", "the last", "the next", "the coming", "past", "coming", "this coming"):
            if nxt.lower() in ("of",) or unit in ("morning", "afternoon", "evening"):
                return False
            if unit == "day" and rel in ("the last", "the next", "the coming"):
                return rel == "the next"
        if unit == "day" and rel in ("last", "next", "this", "past", "coming", "current"):
            return False
        if rel == "that":
            return unit in ("day", "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend")
        return True
    if rule == "dayword":
        word = c.group("word") or ""
        if word[0].isupper():
            raw_prev = re.search(r"(\S*)[^\S\n]*$", text[max(0, c.start - 30) : c.start])
            before = raw_prev.group(1) if raw_prev else ""
            # "USA Today", "the Today programme": a title, not the day
            if before.lower() == "the" or (before[:1].isupper() and before[-1:].isalpha()):
                return False
        return True
    if rule == "weekday":
        wd = c.group("wd") or ""
        if _habitual_weekday(text, c, prev, nxt) or _EVERY_DAY_AND.search(text, max(0, c.start - 30), c.start):
            return False  # "every Tuesday and Friday": the second day of the habit is no date either
        return not wd.endswith(".") and not (prev in ("black", "super", "cyber", "good", "ash", "bloody") and
                                             not c.group("rel"))
    if rule == "ago":
        d = (c.group("dir") or "").lower()
        if d in ("before", "after", "on", "back", "prior"):
            return bool(re.match(r"[^\S\n]*(?:[,.;:)!?”\"]|$|\n|and\b|when\b|but\b)", text[c.end : c.end + 8]))
        return True
    if rule == "duration":
        unit = (c.group("unit") or "").lower()
        num = (c.group("num") or "").lower()
        if after.startswith("-old") or nxt.lower() == "old":
            return False
        if num in ("a", "an") and unit in ("minute",) and prev in ("wait", "just"):
            return False
        return not (num == "many" and unit.startswith("second"))
    if rule == "duration_bare":
        return bool(c.group("span")) or prev in ("for", "over", "in", "after", "within", "spanning", "took", "spent",
                                                 "lasted", "last", "than", "nearly", "almost", "about") and \
            not (prev == "in" and nxt.lower() in ("of",))
    if rule == "set_rate":
        if c.group("times") or (c.group("per") or "").lower() in ("per", "each"):
            return True
        before = text[max(0, c.start - 24) : c.start].rstrip().lower()
        return bool(re.search(r"(\d|%|million|billion|trillion|percent|cents?|dollars|euros|pounds|yen|"
                              r"times|once|twice|hours|days|barrels|tonnes|tons)$", before))
    if rule == "set_adverb" and _attributive(ctx, c):
        return False  # "daily newspapers": what kind of paper, not a repeating event
    if rule in ("clock", "clock24") and _habitual_time(text, c.end):
        return False  # "live at 12:45 and 17:45 weekdays": a time of every day, not of one
    if rule == "clock24":
        if c.group("tz") or c.group("wd") or c.group("wd2"):
            return True
        if _game_clock(text, c):
            return False  # "scored at 7:14 of the first period": the match clock, not a time of day
        return prev in ("at", "by", "until", "till", "from", "before", "after", "around", "about", "since", "to",
                        "approximately", "shortly", "and")
    if rule == "vague":
        word = (c.group("word") or "").lower()
        if word == "now" and c.group("word") == "Now" and _inside_title(text, c.start):
            return False  # "Stream Now", "Apocalypse Now": a name
        if word == "now" and re.match(r"[^\S\n]*(?:[$€£¥]|\d|only\b)", text[c.end : c.end + 8]):
            return False  # "Now $649.99": the price after a discount
        if word == "now" and re.match(r"[^\S\n]+and[^\S\n]+(?:again|then)\b", text[c.end : c.end + 12]):
            return False  # "every now and again"
        if word == "now" and _discourse_now(ctx, c):
            return False  # "Now get prepping!": a call to the reader, not a time
        if word == "now":
            return not re.match(r"[^\S\n]*that\b", text[c.end : c.end + 8]) or prev not in ("", "and", "but")
        return True
    if rule == "quarter" and not (c.group("year") or c.group("yrel") or c.group("fiscq")) and \
            _game_sentence(text, c.start, c.end):
        return False  # "scored 24 points in the third quarter", "a goal early in the second half": the match's
    if rule == "holiday":
        # "Black Friday Sale" in a sentence is a name; in a headline written in title case every word is capitalised
        return not nxt[:1].isupper() or _title_case_line(text, c.start)
    return True


_MINOR_WORDS = frozenset("a an the and or but of in on at to for by with from as is are vs via".split())


def _title_case_line(text: str, offset: int) -> bool:
    """A line written in title case (a headline: "More Black Friday Deals Are Live"): at least four words, and every
    word but the short function words capitalised."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    if len(line) > 200:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _MINOR_WORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


# Nouns after "the Sunday …" that make it a kind of thing rather than a day: "the Sunday edition", "a Sunday drive".
_HABITUAL_NOUNS = frozenset(
    """
    edition editions paper papers newspaper newspapers magazine supplement supplements show shows programme program
    service services mass masses school brunch roast market markets lunch lunches dinner dinners drive drives best
    clothes times crowd crowds trading shift shifts shopping sermon sermons league leagues painter painters driver
    drivers night-owl club clubs routine routines ritual rituals column columns strip strips
    """.split()
)


_ERAS = {"AD", "BC", "CE", "BCE", "FY", "CY"}


_EVERY_DAY_AND = re.compile(rf"\b(?:(?:every|each)[^\S\n]{{1,2}}{FULL_WEEKDAY}|on[^\S\n]{{1,2}}{FULL_WEEKDAY}s)"
                            r"[^\S\n]{0,2}(?:,|and|or|&)[^\S\n]{1,2}\Z")


def _habitual_weekday(text: str, c: Candidate, prev: str, nxt: str) -> bool:
    """ "the Sunday edition", "every Sunday paper": the weekday describes a kind of thing, not a day."""
    if c.group("rel") or c.group("pod"):
        return False
    return prev.lower() in ("the", "a", "an", "its", "their", "his", "her", "our", "your", "every", "each") and \
        nxt.lower() in _HABITUAL_NOUNS


def _attributive(ctx: Context, c: Candidate) -> bool:
    tok = ctx.token_at(c.start)
    if tok is None or tok.i + 1 >= len(tok.doc):
        return False
    following = tok.doc[tok.i + 1]
    # only before a plural: "daily newspapers" are a kind of paper; "the annual conference" is a yearly event
    return bool(tok.dep_ == "amod" and following.tag_ == "NNS" and tok.head.i == following.i)


_HABITUAL_CUES = re.compile(
    r"\b(?:every|each|usually|usual|often|typically|typical|always|normally|generally|tends?|regularly|annually|"
    r"routinely|commonly|common|standard|customary|seasonal|habitually|traditionally|whenever)\b",
    re.IGNORECASE,
)


def _habitual_sentence(text: str, start: int, end: int) -> bool:
    """A sentence that says what happens as a rule ("usually", "every", "a standard feature of"): a season or a
    weekday named without a determiner there is any year's or any week's, not one on the timeline."""
    left = sentence_start(text, start)
    right = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    return bool(_HABITUAL_CUES.search(text, left, min(right) if right else len(text)))


def _inside_title(text: str, start: int) -> bool:
    """A capitalised word right after another one in mid-sentence ("Click Stream Now")."""
    before = re.search(r"(\S+)[^\S\n]+$", text[max(0, start - 30) : start])
    if not before:
        return False
    word = before.group(1)
    return word[:1].isupper() and word[-1:].isalpha()


_HABITUAL_AFTER = re.compile(  # runs of spaces bounded: it is only ever matched on a short slice after a time
    r"(?:[^\S\n]{0,3}[ap]\.?m\.?)?(?:[^\S\n]{0,3}(?:,|and|or|-|–|to)[^\S\n]{0,3}\d{1,2}[:.]\d\d"
    r"(?:[^\S\n]{0,3}[ap]\.?m\.?)?)?[^\S\n]{1,3}(?:on[^\S\n]{1,3})?(?:weekdays|weeknights|weekends|daily|nightly|"
    r"every[^\S\n]{1,3}(?:day|night|morning|evening|weekday)|each[^\S\n]{1,3}(?:day|night|morning|evening))\b",
    re.IGNORECASE,
)


_GAME_WORDS = re.compile(
    r"\b(?:scor(?:e|es|ed|ing)|goals?|(?:first|second|third|1st|2nd|3rd)[-\s]period|power[^\S\n]play|"
    r"penalty|penalties|overtime|halftime|"
    r"inning|innings|lap|laps|assists?|touchdown|field[^\S\n]goal|free[^\S\n]throw|buzzer|whistle|shootout|"
    r"equali[sz]e[rd]?|header|rebound|puck|goalie|goalkeeper)\b",
    re.IGNORECASE,
)


def _game_clock(text: str, c: Candidate) -> bool:
    """A minutes:seconds reading in a sentence about play ("he scored at 7:14 and on the power play at 19:56",
    "17:46 into the third period"): the clock of the match, which says nothing about the day."""
    if int(c.group("h") or 0) > 20:
        return False
    return _game_sentence(text, c.start, c.end)


def _game_sentence(text: str, start: int, end: int) -> bool:
    """The sentence around ``[start, end)`` is about play (scoring, periods, touchdowns, goalkeepers)."""
    left = sentence_start(text, start)
    right = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    return bool(_GAME_WORDS.search(text, left, min(right) if right else len(text)))


def _habitual_time(text: str, end: int) -> bool:
    """A clock time followed by "weekdays", "daily", "every day" (directly or after a second time)."""
    return bool(_HABITUAL_AFTER.match(text, end, min(len(text), end + 40)))


def _discourse_now(ctx: Context, c: Candidate) -> bool:
    """ "Now" opening an imperative sentence ("Now get prepping!", "Now go and vote"): the writer turning to the
    reader, not the present time."""
    tok = ctx.token_at(c.start)
    if tok is None or not tok.is_sent_start or tok.i + 1 >= len(tok.doc):
        return False
    following = tok.doc[tok.i + 1]
    return following.tag_ == "VB" and not any(ch.dep_ in ("nsubj", "aux") for ch in following.children)


# Words before a year that make it a date, not part of a name: months, seasons, weekdays, eras and the like.
_DATE_WORDS_BEFORE = frozenset(
    """
    january february march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec spring summer autumn fall winter monday tuesday wednesday thursday friday saturday
    sunday christmas easter class vintage year season fiscal q1 q2 q3 q4 h1 h2 fy ad bc ce bce
    """.split()
)


# Nouns of an amount, whose "of" phrase is a number, not a year.
_AMOUNT_NOUNS = frozenset(
    """
    score total sum count number population price cost budget rating average mean median peak high low record
    height depth length width distance weight capacity attendance crowd turnout balance tally margin
    """.split()
)
_AMOUNT_OF = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[^\S\n]+of[^\S\n]+$")


# A capitalised "The" inside a sentence, right before a year: the start of a name ("The 1975").
_NAMED_THE_BEFORE = re.compile(r"[a-z,][^\S\n]The[^\S\n]\Z")


def _title_year(text: str, start: int, end: int) -> bool:
    """A year written right after a capitalised word (not a month, a season, a preposition or an event), with
    nothing but a comma, a line end or another capitalised word after it ("Football Manager 2020, Grid 2019, ..."):
    part of a title, not a date."""
    m = re.search(r"(?:^|[^\S\n])([A-Z][a-z]+)[^\S\n]$", text[max(0, start - 30) : start])
    word = m.group(1).lower() if m else ""
    if not word or word in _DATE_WORDS_BEFORE | _TIME_PREPOSITIONS | _YEAR_PREPOSITIONS or word in EVENT_HEADS:
        return False  # "Worldwide Developers Conference 2010": the year the event is held
    return bool(re.match(r"[^\S\n]*(?:[,;)]|$|\n|[A-Z]|(?:and|or)[^\S\n]+[A-Z])", text[end : end + 6]))


def _accept_year(c: Candidate, ctx: Context, prev: str, nxt: str) -> bool:
    if c.group("mod") or c.group("fiscal") or c.group("the"):
        return True
    start = c.group_start("year")
    text = ctx.parsed.text
    if c.start == start and _title_year(text, start, c.end):
        return False
    if c.start == start and _NAMED_THE_BEFORE.search(text, max(0, start - 8), start):
        return False  # "announced that The 1975, Neil Young and …": a band's name, not a year
    if re.search(r"(?<![\w-])[A-Z]{2,5}[^\S\n]$", text[max(0, start - 7) : start]) and prev.upper() not in _ERAS \
            and not 1900 <= int(c.group("year") or 0) <= 2040:
        return False  # "GTX 1660", "RTX 2060": a model number ("WWDC 2005" stays a year)
    before = text[max(0, start - 4) : start]
    if re.search(r"[$€£¥#]\s*$|[A-Z]{1,3}\$\s*$|No\.\s*$", before):
        return False
    if prev == "of" and c.start == start:
        amount = _AMOUNT_OF.search(text, max(0, start - 24), start)
        if amount and amount.group(1).lower() in _AMOUNT_NOUNS:
            return False  # "a total score of 2072", "a population of 1900": an amount, not a year
    if nxt.lower() in _COUNT_UNITS or nxt.startswith("%"):
        return False
    label = ctx.entity_label(start, c.end)
    if label in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    tok = ctx.token_at(start)
    if tok is not None and tok.i + 1 < len(tok.doc):
        following = tok.doc[tok.i + 1]
        if following.tag_ in ("NNS", "NNPS") and tok.head.i == following.i and tok.dep_ == "nummod" and \
                prev not in _YEAR_PREPOSITIONS:
            return False
    if label == "DATE" or prev in _YEAR_PREPOSITIONS:
        return True
    if label == "CARDINAL":
        return bool(re.match(r"[^\S\n]*(?:[,.;:)!?]|$|\n)", text[c.end : c.end + 3])) and prev not in ("of", "about")
    return True
