"""A short name for each timeline event, the way a reader would name it: "25th Abe–Putin meeting", "foreign
ministers meet", "rally in Moscow", "15 arrested", "Upper House election".

Built from what the analysis already holds — the sentence and its time expression, and the entities mentioned in
it — with a few plain rules, no parser: the event is the trigger noun nearest the date (summit, talks, rally,
election, pact …) with the words that qualify it; people taking part come from the entity panel (surnames,
joined by an en dash) and a place from an "in/to/at" phrase. A count of people arrested, killed or injured names
itself. When no trigger is found, the clause holding the date is shortened at word ends. The sentence itself is
for the hover card.

Pure Python, no Qt, no spaCy: it runs for every event each time a timeline is shown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.analysis.library_people import family_name
from models.analysis.post_signatures import post_author
from models.analysis.types import Entity, TimelineEvent

MAX_CHARS = 36
MAX_WORDS = 6

TRIGGERS = frozenset("""
summit meeting meetings talks negotiations rally rallies protest protests demonstration demonstrations march
election elections vote referendum visit visits trip tour conference congress forum session sessions hearing
trial verdict pact treaty agreement deal declaration accord memorandum war invasion attack attacks strike
strikes bombing ceremony inauguration funeral dialogue consultations summitry signing handover exercise exercises
drill drills launch announcement earthquake storm typhoon flood fire crash collapse games olympics festival
ceasefire truce sanctions tariff tariffs budget interview speech address debate facility plant project
""".split())
PERSONAL = frozenset({"visit", "visits", "trip", "tour", "speech", "address", "interview", "funeral",
                      "inauguration", "trial"})
MEET_VERBS = {"met": "meet", "meet": "meet", "meets": "meet", "convened": "convene", "gathered": "gather",
              "signed": "sign", "agreed": "agree", "voted": "vote", "resigned": "resign", "arrived": "arrive",
              "visited": "visit", "protested": "protest", "rallied": "rally", "clashed": "clash"}
COUNT_VERBS = ("arrested", "detained", "killed", "injured", "wounded", "dead", "died", "evacuated", "missing",
               "hurt", "jailed", "released")
DETERMINERS = frozenset("""a an the his her its their our your my this that these those some any each every whose
which""".split())
VAGUE = frozenset("""similar same such other another initial initially also only further new several various said
so-called""".split()) | DETERMINERS
STOP = frozenset("""of by with for on in at to from and or but as than that which who whom whose while since after
before during until about over under between among into onto upon is are was were be been being has have had
will would shall should can could may might must do does did not no it he she they we i you there here""".split())
BOUNDARY = re.compile(r"[;:—–]\s|,\s*(?=(?:but|while|whereas|although|though|so|yet|drawing|according)\b)")
_TOKEN = re.compile(r"\w+(?:[’'](?!s\b)\w+|[\-‐]\w+)*")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$|^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                      r"tenth)$", re.I)
_COUNT = re.compile(r"(?:at least |about |some |more than |nearly |around |over )?(?<![\d,])(\d[\d,]*)\s+"
                    r"(?:\w+\s+){0,2}?(?:were |was |have been |had been |are |been )?(" + "|".join(COUNT_VERBS)
                    + r")\b", re.I)
PLACE_PREPOSITIONS = ("in", "to", "at")


@dataclass(frozen=True, slots=True)
class EventName:
    text: str
    importance: float  # how much the name says (and the event weighs): the one a cluster shows first


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int  # offsets in the article text
    end: int
    text: str
    kind: str  # word | timex | PERSON | PLACE | ORGANIZATION | GROUP | EVENT | OTHER
    name: str = ""  # the entity's canonical name


def name_event(event: TimelineEvent, text: str, entities: Sequence[Entity] = (),
               index: MentionIndex | None = None, others: Sequence[tuple[int, int]] = ()) -> EventName:
    """The short name of ``event`` (offsets into ``text``, the article's canonical text); ``index`` is the
    entities' mentions sorted by position, built once when many events are named (:func:`name_events`).

    ``others`` are the (start, end) of the other dates of the same sentence: a trigger nearer one of them is that
    date's event ("agreed in 2016 …, and the 25th summit in 2019 ended": the 2016 event is not the summit)."""
    s0, s1 = event.sentence_start, event.sentence_end
    sentence = text[s0:s1]
    if not sentence.strip():
        return EventName(_fit(event.label or event.timex.text), 0.0)
    author = post_author(text, event.timex.start, event.timex.end)
    if author is not None:  # the signature of a quoted post: "— Rep. Jane Roe (@janeroe) November 19, 2019"
        return EventName(_fit(f"post by {author}"), 1.5)
    tokens = _tokens(text, s0, s1, event, index if index is not None else MentionIndex(entities))
    tokens = _own_triggers(tokens, others)
    clause = _clause(tokens, sentence, s0, event)
    timex_at = next((i for i, t in enumerate(clause) if t.kind == "timex"), 0)

    counted = _COUNT.search(text[clause[0].start:clause[-1].end]) if clause else None
    if counted:
        return EventName(_fit(f"{counted.group(1)} {counted.group(2).lower()}"), 4.0)

    trigger = _nearest(clause, timex_at, _is_trigger)
    if trigger is not None:
        return _noun_name(clause, trigger, entities)
    verb = _nearest(clause, timex_at, lambda t: t.kind == "word" and t.text.lower() in MEET_VERBS)
    if verb is not None:
        subject = _subject(clause, verb)
        if subject:
            return EventName(_fit(f"{subject} {MEET_VERBS[clause[verb].text.lower()]}"), 2.5)
    at = next((i for i, t in enumerate(tokens) if t.kind == "timex"), 0)
    trigger = _nearest(tokens, at, _is_trigger, reach=40)
    if trigger is not None:
        named = _noun_name(tokens, trigger, entities)
        return EventName(named.text, named.importance - 1.0)
    return EventName(_fit(_from_label(event.label, tokens) or _shortened(clause)), 0.5)


def _is_trigger(t: _Tok) -> bool:
    return t.kind == "word" and t.text.lower() in TRIGGERS


def name_events(events: Iterable[TimelineEvent], text: str, entities: Sequence[Entity] = ()) -> list[EventName]:
    index = MentionIndex(entities)  # one pass over the mentions, however many events: a long article stays fast
    events = list(events)
    dates: dict[tuple[int, int], set[tuple[int, int]]] = {}  # sentence -> the dates in it
    for e in events:
        dates.setdefault((e.sentence_start, e.sentence_end), set()).add((e.timex.start, e.timex.end))
    return [
        name_event(e, text, entities, index,
                   sorted(dates[(e.sentence_start, e.sentence_end)] - {(e.timex.start, e.timex.end)}))
        for e in events
    ]


def _own_triggers(tokens: list[_Tok], others: Sequence[tuple[int, int]]) -> list[_Tok]:
    """The tokens, with the trigger words that belong to another date of the sentence ("the 2019 summit", "the
    summit in 2019", "agreed in 2016") turned into words of another kind, so that no rule takes them for this
    event's."""
    if not others:
        return tokens
    own = [i for i, t in enumerate(tokens) if t.kind == "timex"]
    other = [i for i, t in enumerate(tokens) if any(a <= t.start and t.end <= b for a, b in others)]
    if not other:
        return tokens
    out = []
    inside = set(other)
    for i, t in enumerate(tokens):
        if t.kind == "word" and (i in inside or (_is_trigger(t) or t.text.lower() in MEET_VERBS)
                                 and _attached(tokens, i, other) and not _attached(tokens, i, own)):
            t = _Tok(t.start, t.end, t.text, "other-date", t.name)  # "in March" is no march, whatever the event
        out.append(t)
    return out


_LINKS = frozenset({"in", "on", "at", "of", "since", "from", "until", "by", "during", "late", "early", "mid"})


def _attached(tokens: list[_Tok], i: int, dates: Sequence[int]) -> bool:
    """Whether the word at ``i`` is part of the phrase of a date at one of ``dates`` (token indexes): the date
    just before it ("the 2019 Abe–Putin summit") or just after it through a preposition ("summit in 2019")."""
    for j in dates:
        if j < i and i - j <= 3:
            between = tokens[j + 1: i]
            if all(b.kind != "word" or (b.text.lower() not in STOP and b.text.lower() not in DETERMINERS
                                        and not _is_trigger(b)) for b in between):
                return True
        if i < j and j - i <= 3:
            between = tokens[i + 1: j]
            if all(b.text.lower() in _LINKS or b.text.lower() in DETERMINERS for b in between):
                return True
    return False


class MentionIndex:
    """The mentions of the entities (authors left out), sorted by start, to find those inside a sentence."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans = sorted((m.start, m.end, e.type, e.name) for e in entities if e.role != "author" for m in e.mentions)
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def between(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out


# -- pieces --------------------------------------------------------------------------------------------------------


def _tokens(text: str, s0: int, s1: int, event: TimelineEvent, index: MentionIndex) -> list[_Tok]:
    spans: list[tuple[int, int, str, str]] = [(event.timex.start, event.timex.end, "timex", ""),
                                              *index.between(s0, s1)]
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, s0, s1):
        start, end = m.start(), m.end()
        if m.group() == "s" and start > 0 and text[start - 1] in "’'":
            continue  # the possessive of "this summer’s election"
        kind, name = "word", ""
        for a, b, k, n in spans:
            if a <= start and end <= b:
                kind, name = k, n
                if k == "timex":
                    break
        out.append(_Tok(start, end, m.group(), kind, name))
    return out


def _clause(tokens: list[_Tok], sentence: str, s0: int, event: TimelineEvent) -> list[_Tok]:
    """The tokens of the clause holding the time expression."""
    cuts = [s0] + [s0 + m.end() for m in BOUNDARY.finditer(sentence)] + [s0 + len(sentence)]
    at = event.timex.start
    lo = max(c for c in cuts if c <= at) if any(c <= at for c in cuts) else s0
    hi = min((c for c in cuts if c > at), default=s0 + len(sentence))
    inside = [t for t in tokens if lo <= t.start and t.end <= hi]
    return inside or tokens


def _nearest(tokens: list[_Tok], at: int, wanted: object, reach: int = 10**6) -> int | None:
    """The wanted token nearest the date; one after it costs double ("talks in June" is the June event; "in June
    to advance negotiations" is not), except right after it ("the Jan. 14 meeting")."""
    best: tuple[int, int] | None = None
    last = at
    while last + 1 < len(tokens) and tokens[last + 1].kind == "timex":
        last += 1
    for i, t in enumerate(tokens):
        if at <= i <= last:
            continue
        if i > last:
            between = tokens[last + 1: i]
            continuing = all(b.kind not in ("word", "timex") or b.text[:1].isupper() for b in between)
            distance = 1 if continuing else 4 * (i - last)
        else:
            distance = at - i
        if wanted(t) and distance <= reach:  # type: ignore[operator]
            if best is None or distance < best[0]:
                best = (distance, i)
    return best[1] if best else None


def _noun_name(clause: list[_Tok], index: int, entities: Sequence[Entity]) -> EventName:
    trigger = clause[index]
    ordinal = ""
    modifiers: list[str] = []
    words_taken = 0
    i = index - 1
    while i >= 0 and words_taken < 2:
        t = clause[i]
        low = t.text.lower()
        if t.kind == "timex" or (t.kind == "word" and (low in STOP or low in DETERMINERS)):
            break
        if t.kind == "word" and low in VAGUE:
            i -= 1
            continue
        if _ORDINAL.match(t.text):
            ordinal = t.text
            break
        if t.kind in ("GROUP", "PERSON"):
            i -= 1
            continue
        if t.kind == "word" and (_is_verb_like(low) or (i > 0 and clause[i - 1].text.lower() == "to")):
            break
        if t.kind != "word":  # an entity: its whole name, once
            first = i
            while first > 0 and clause[first - 1].kind == t.kind and clause[first - 1].name == t.name:
                first -= 1
            modifiers.insert(0, " ".join(x.text for x in clause[first: i + 1]))
            i = first - 1
        else:
            modifiers.insert(0, t.text if t.start != clause[0].start else low)
            i -= 1
        words_taken += 1
    if not ordinal:  # "his 25th meeting": an ordinal just before the phrase
        for j in range(max(0, i - 1), i + 1):
            if j >= 0 and _ORDINAL.match(clause[j].text):
                ordinal = clause[j].text
    people = _people(clause, index)
    head = trigger.text.lower()
    if len(people) >= 2:
        words = [ordinal, "–".join(people[:2]), head]
        importance = 3.0 + min(2, len(people))
    elif len(people) == 1 and head in PERSONAL:
        words = [ordinal, people[0], *modifiers, head]
        importance = 3.5
    else:
        words = [ordinal, *modifiers, head]
        importance = 3.0 + 0.3 * len(modifiers)
    name = " ".join(w for w in words if w)
    place = _place(clause, index)
    if place and place.split()[-1] not in name and len(name.split()) <= 3:
        name = f"{name} {place}"
    return EventName(_fit(name), importance)


_CLAUSE_WORDS = frozenset({"while", "whereas", "but", "although", "though", "when", "after", "before"})


def _people(clause: list[_Tok], index: int) -> list[str]:
    """Surnames of the people near the trigger and in its part of the sentence (not across "while …" or
    another event)."""
    out: list[str] = []
    for j in range(max(0, index - 8), min(len(clause), index + 13)):
        t = clause[j]
        if t.kind != "PERSON" or not t.name:
            continue
        lo, hi = sorted((j, index))
        between = clause[lo + 1: hi]
        if any(b.kind == "word" and (b.text.lower() in _CLAUSE_WORDS or _is_trigger(b)) for b in between):
            continue
        out.append(family_name(t.name))
    return list(dict.fromkeys(out))


def _is_verb_like(word: str) -> bool:
    """A past tense or a participle ("signed", "drafting"): the noun phrase stops there."""
    return (word.endswith("ed") or word.endswith("ing")) and word not in TRIGGERS and len(word) > 4


def _place(clause: list[_Tok], index: int) -> str:
    """ "in Moscow" / "to Russia": a place after the trigger, introduced by a preposition."""
    for j in range(index + 1, min(len(clause), index + 12)):
        t = clause[j]
        if t.kind == "PLACE" and j > 0 and clause[j - 1].text.lower() in PLACE_PREPOSITIONS:
            first = j
            while first > 0 and clause[first - 1].kind == "PLACE" and clause[first - 1].name == t.name:
                first -= 1
            words = [x.text for x in clause[first: j + 1] if x.name == t.name] or [t.text]
            return f"{clause[first - 1].text.lower()} {' '.join(dict.fromkeys(words))}"
    return ""


def _subject(clause: list[_Tok], verb: int) -> str:
    people = [t for t in clause[:verb] if t.kind == "PERSON" and t.name]
    names = list(dict.fromkeys(family_name(t.name) for t in people))
    if len(names) >= 2:
        return " and ".join(names[:2])
    words: list[str] = []
    i = verb - 1
    while i >= 0 and len(words) < 2:
        t = clause[i]
        low = t.text.lower()
        if t.kind in ("GROUP", "timex") or low in VAGUE or low == "and":
            if words:
                break
            i -= 1
            continue
        if low in STOP:
            break
        words.insert(0, t.text if t.kind != "word" else low)
        i -= 1
    return " ".join(words) if words or not names else names[0]


_LEAD = frozenset({"on", "in", "at", "since", "by", "after", "before", "during", "until", "from", "as", "of",
                   "the", "a", "an", "this", "that", "it", "has", "had", "have", "been", "is", "was", "also"})


def _from_label(label: str, tokens: list[_Tok]) -> str:
    """The label the analysis gave the event: the subject, verb and object of the clause the date belongs to, read
    from the parse ("Walmart's adscan went up", where the clause cut at six words reads "Walmart adscan just went up
    last"; "a commission he appointed", for the February of "the governor said he was waiting for a commission he
    appointed in February"), without its leading function words; empty when too little is left. The sentence's
    first word is written in lower case unless it is a name."""
    words = label.split()
    if words[:1] == ["Come"] and len(tokens) > 1 and tokens[0].text == "Come" and tokens[1].kind == "timex":
        words.pop(0)  # "Come November 19, those who …": the verb only says the date is reached
    while words and words[0].lower() in _LEAD:
        words.pop(0)
    if len(words) < 2:
        return ""
    first = next((t for t in tokens if t.kind != "timex"), None)
    if (first is not None and first.kind == "word" and words[0] == first.text and first.text[1:].islower()
            and first.text[:1].isupper()):
        words[0] = words[0].lower()
    return " ".join(words)


def _shortened(clause: list[_Tok]) -> str:
    """The clause without its date and leading function words, cut at a word end."""
    words = [t.text if t.kind != "word" or t.text.isupper() else t.text for t in clause if t.kind != "timex"]
    while words and words[0].lower() in _LEAD:
        words.pop(0)
    words = words[:MAX_WORDS]
    while words and words[-1].lower() in STOP | VAGUE:
        words.pop()
    if words and words[0][0].isupper() and not any(t.kind not in ("word", "timex") and t.text == words[0]
                                                     for t in clause):
        words[0] = words[0][0].lower() + words[0][1:] if not words[0].isupper() else words[0]
    return " ".join(words)


def _fit(name: str, limit: int = MAX_CHARS) -> str:
    """At most ``limit`` characters, cut at a word end (never inside a word), without a dangling function word."""
    name = " ".join(name.split())
    if len(name) <= limit:
        return name
    words = name.split()
    out: list[str] = []
    for w in words:
        if len(" ".join([*out, w])) > limit - 1:
            break
        out.append(w)
    while len(out) > 1 and out[-1].lower() in STOP | VAGUE:
        out.pop()
    return (" ".join(out) or words[0][: limit - 1]) + "…"
