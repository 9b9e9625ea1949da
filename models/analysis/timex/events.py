"""Timeline events: a dated expression with the sentence that reports it, a short label, the entities of that
sentence, the interval it covers and whether it is planned rather than reported."""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Sequence
from datetime import date
from typing import Any

from models.analysis.post_signatures import post_author
from models.analysis.timex.arithmetic import interval, narrow
from models.analysis.timex.context import Context
from models.analysis.timex.tense import direction_at, governing_verb
from models.analysis.types import Entity, TimelineEvent, Timex

LABEL_LIMIT = 80
_CORE_DEPS = {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "prt", "dobj", "attr", "acomp", "dative",
              "oprd", "xcomp", "agent", "csubj"}
_PRUNE_DEPS = {"relcl", "acl", "advcl", "appos", "ccomp", "parataxis", "punct", "cc", "conj", "mark", "npadvmod"}
_METADATA_WORDS = re.compile(r"(?i)\b(updated|published|posted|last|modified|on|at|dated?|am|pm|a\.m\.|p\.m\.)\b")


# A paragraph's dateline around its date: the town in capitals (and its region), then an agency and a dash.
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][\w.'’ -]{1,30}){0,2}, ")
_DATELINE_AFTER = re.compile(
    r"(?:,? \d{4})?[^\S\n]{0,3}(?:\([A-Za-z .&'’-]{1,30}\)[^\S\n]{0,3})?(?:[-–—]{1,2}|/[\w .-]{1,30}/)"
)
_AGENCY_AFTER = re.compile(r"[^\S\n]{0,3}\([A-Za-z .&'’-]{1,30}\)[^\S\n]{0,3}[-–—]{1,2}")
_DATELINE_LIMIT = 200  # characters: a publication line ("Updated Jan. 23, 2019 at 9:00 a.m. EST") is short


def is_dateline(timex: Timex, text: str) -> bool:
    """A date that only restates the article's own publication line near the top (metadata, not an event)."""
    block_start = text.rfind("\n", 0, timex.start) + 1
    if _DATELINE_BEFORE.fullmatch(text, block_start, timex.start) and _DATELINE_AFTER.match(text, timex.end) or (
        block_start == timex.start and _AGENCY_AFTER.match(text, timex.end)
    ):
        return True  # "WASHINGTON, Sept 18 (Reuters) - The Federal Reserve …", "Aug 28 (Reuters) -": the dateline
    block_end = text.find("\n", timex.end)
    block_end = len(text) if block_end < 0 else block_end
    if block_end - block_start > _DATELINE_LIMIT:
        return False  # a paragraph, not a publication line (and reading it whole per date would be quadratic)
    newline = -1
    for _ in range(5):  # more than four lines above it: not the top of the article
        newline = text.find("\n", newline + 1, block_start)
        if newline < 0:
            break
    else:
        return False
    rest = text[block_start : timex.start] + " " + text[timex.end : block_end]
    rest = _METADATA_WORDS.sub(" ", rest)
    return not re.search(r"[A-Za-z]{2,}", rest)


def _pruned_subtree(token: Any, skip: set[int]) -> list[Any]:
    out = [token] if token.i not in skip else []
    for child in token.children:
        if child.dep_ in _PRUNE_DEPS and not (child.dep_ in ("conj", "cc") and token.pos_ in ("NOUN", "PROPN", "ADJ")
                                              or child.dep_ == "npadvmod" and token.pos_ == "ADJ"
                                              or child.tag_ == "HYPH" or _hyphened_to(child, token)):
            continue  # but a measure stays with its adjective, hyphens and all: "a 34-year-old man", "rain-soaked"

        if child.dep_ == "prep" and any(g.i in skip for g in child.subtree):
            continue
        out.extend(_pruned_subtree(child, skip))
    return out


def _hyphened_to(child: Any, token: Any) -> bool:
    """``child`` is written joined to ``token`` by a hyphen ("rain" of "rain-soaked")."""
    doc = child.doc
    return child.i + 2 == token.i and doc[child.i + 1].tag_ == "HYPH" and not child.whitespace_ \
        and not doc[child.i + 1].whitespace_


def _render(tokens: list[Any], skip: set[int] | frozenset[int] = frozenset()) -> str:
    """The tokens as text, in order. With the ``skip``ped tokens of a date taken out of them, the preposition that
    introduced the date goes too ("announced on [Sept. 30] that …" reads "announced that …"), and an article
    before it agrees with the word now after it ("an [October 11] presentation" reads "a presentation")."""
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    if skip:
        tokens = [t for t in tokens if t.i not in skip and not _introduced_date(t, skip)]
    parts: list[str] = []
    for k, t in enumerate(tokens):
        ws = t.whitespace_ if k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1 else " "
        word = t.text
        # the word after an article left out (a date, or a pruned "34-year" of "a 34-year-old man"): it agrees anew
        if word.lower() in ("a", "an") and k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1:
            vowel = tokens[k + 1].text[:1].lower() in "aeiou"
            word = ("an" if vowel else "a") if word.islower() else ("An" if vowel else "A")
        parts.append(word + ws)
    label = "".join(parts).strip()
    label = re.sub(r"\s+([,.;:!?’”)])", r"\1", label)
    label = re.sub(r"^[\s,;:–-]+|[\s,;:–-]+$", "", label)
    return label


def _introduced_date(t: Any, skip: set[int] | frozenset[int]) -> bool:
    """A preposition whose every object is a word of the date."""
    if t.dep_ not in ("prep", "agent"):
        return False
    kids = list(t.children)
    return bool(kids) and all(k.i in skip for k in kids)


def _trim(label: str) -> str:
    if len(label) <= LABEL_LIMIT:
        return label
    cut = label[: LABEL_LIMIT - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


# A sentence ends at a full stop before a capital (not "am 12. März": the stop of an ordinal) or at a line's end.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=[^\S\n]+[\"“«(]?[A-ZÀ-ÖØ-Þ]|[^\S\n]*$)|\n")
_LABEL_EDGE = re.compile(r"^[\W\d_]+|[^\w)]+$")
# "am", "em", "pada": the preposition of the date ("Na" when the sentence opens with it)
_SHORT_WORD_END = re.compile(r"(?:^|\s)[a-zà-ÿ]{1,4}\s{0,3}$|^\s{0,3}[A-ZÀ-Þ][a-zà-ÿ]{0,3}\s{0,3}$")
_SPACE_BEFORE_MARK = re.compile(r" (?=[,;:])")  # in words joined by one space
_REPEATED_MARK = re.compile(r"([,;:])[,;:]+")


def plain_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` by its punctuation alone (a text no parse has read), within 300
    characters either side."""
    before = text[max(0, start - 300) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    s_start = max(0, start - 300) + (ends[-1] if ends else 0)
    while s_start < start and text[s_start].isspace():
        s_start += 1
    m = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    return s_start, m.end() if m else min(len(text), end + 300)


def plain_label(text: str, s_start: int, s_end: int, timex: Timex) -> str:
    """The words of the sentence without the expression: what a text read without a parse says of its date."""
    words = f"{_SHORT_WORD_END.sub('', text[s_start : timex.start])} {text[timex.end : s_end]}"
    words = _REPEATED_MARK.sub(r"\1", _SPACE_BEFORE_MARK.sub("", " ".join(words.split())))
    return _trim(_LABEL_EDGE.sub("", words))


def label_for(ctx: Context, timex: Timex, sentence: Any, siblings: Sequence[Timex] = ()) -> str:
    """Subject, verb and object of the clause the expression belongs to, without the expression itself; for one of
    several dates the same verb dates in a list (``siblings``: the other dates of the sentence), its own part of the
    list."""
    life = _life_date(ctx.parsed.text, timex)
    if life:
        return _trim(life)
    listed = _listed_label(ctx, timex, siblings)
    if listed:
        return _trim(listed)
    skip = {t.i for t in ctx.tokens_in(timex.start, timex.end)}
    head = ctx.head_token(timex.start, timex.end)
    verb = governing_verb(head) if head is not None else None
    opening = _opening_participle(verb, skip) if verb is not None else None
    if opening is not None:
        participle, subject = opening
        phrase = _render(_pruned_subtree(participle, skip))
        return _trim(f"{_render(_pruned_subtree(subject, skip))} {phrase[:1].lower()}{phrase[1:]}")
    if verb is not None:
        label = _clause_label(verb, skip)
        if len(label.split()) >= 2:
            return _trim(label)
    words = [t for t in sentence if not t.is_punct]
    label = _render(words, skip)
    if not label and sentence.end < len(sentence.doc) and _HEADING_COLON.match(ctx.parsed.text, timex.end):
        # "Monday: Germany publishes industrial production …": the date heads the sentence after it
        label = _clause_label(sentence.doc[sentence.end].sent.root, set())
    return _trim(label)


_HEADING_COLON = re.compile(r"[^\S\n]{0,3}[:—–]")


def _clause_label(verb: Any, skip: set[int]) -> str:
    """The verb with its nearest subject, its core dependants and a first prepositional phrase after it."""
    # the preposition that introduces the date ("On Jan. 22") is not part of what happened
    tokens = [verb]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip
                and c.tag_ not in ("WDT", "WP")]
    nearest = min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None
    if verb.dep_ == "relcl" and verb.head.i not in skip:
        # "negotiations that had stalled": the noun the clause is about leads the label
        tokens.extend(_pruned_subtree(verb.head, skip | {verb.i}))
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (nearest is None or child.i != nearest.i):
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and _after_dateline(child) is not child:
            tokens.extend(_pruned_subtree(_after_dateline(child), skip))
        elif child.dep_ in _CORE_DEPS and child.i not in skip:
            tokens.extend(_pruned_subtree(child, skip))
        elif child.dep_ == "prep" and not any(g.i in skip for g in child.subtree) and child.i > verb.i:
            if len(_render(tokens)) < 40:
                tokens.extend(_pruned_subtree(child, skip))
    return _render(_with_scores(tokens), skip)


def _listed_label(ctx: Context, timex: Timex, siblings: Sequence[Timex]) -> str:
    """ "Jones produced "Off the Wall" in 1979 and "Thriller" in 1982": each date names what the verb did with the
    part of the list written before it ("Jones produced Thriller"); "opened stores in Paris in 2019, in Berlin in
    2021": the verb's object stays when the part is a place or a time ("opened stores in Berlin"). Empty unless two
    dates or more of the sentence hang on the verb, after it."""
    head = ctx.head_token(timex.start, timex.end)
    verb = governing_verb(head) if head is not None else None
    if verb is None or not siblings:
        return ""
    dated = []
    for t in sorted({*siblings, timex}, key=lambda t: t.start):
        words = list(ctx.tokens_in(t.start, t.end))
        h = ctx.head_token(t.start, t.end)
        g = governing_verb(h) if h is not None else None
        if words and g is not None and g.i == verb.i and g.doc is verb.doc and words[0].i > verb.i \
                and h is not None and h.dep_ == "pobj" and h.head.pos_ == "ADP":  # "in 1982", not "the 2016 model"
            dated.append((t, words[0].i, words[-1].i))
    k = next((n for n, (t, _, _) in enumerate(dated) if t is timex), None)
    if len(dated) < 2 or k is None:
        return ""
    doc = verb.doc
    part = list(doc[(dated[k - 1][2] if k else verb.i) + 1 : dated[k][1]])
    if k:  # the part after the last "and" or comma: ", which remains …, and "Bad" in" → "Bad"
        cut = max((j for j, t in enumerate(part) if t.dep_ == "cc" or t.text in (",", ";")), default=-1)
        part = part[cut + 1 :]
    while part and (part[-1].pos_ == "ADP" or part[-1].is_punct):
        part = part[:-1]  # the preposition of the date
    part = [t for t in part if not t.is_punct or t.text in ("-", "'", "’")]
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM") or t.is_title for t in part) or len(part) > 12 \
            or any(t.pos_ in ("VERB", "AUX") for t in part) \
            or part[-1].pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON") \
            or part[-1].pos_ == "ADJ" and not part[-1].is_title:
        return ""  # "than the", "ended close": no part of a list
    tokens: list[Any] = []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if not subjects or subjects[-1].tag_ in ("WDT", "WP", "EX"):
        return ""  # "which studied …": the relative clause's own label is better
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "prt") and c.i < dated[0][1]]
    said = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i] + [verb]
    first_part = doc[verb.i + 1 : dated[0][1]]  # what the verb did before its first date: "produced "Off the Wall""
    if k and part[0].pos_ not in ("ADP", "ADV") and not any(t.pos_ in ("NOUN", "PROPN") for t in first_part):
        return f"{_render(part)} {_render(said)}"  # "Vestas reports on Nov. 3, and Siemens Gamesa on Nov. 4"
    tokens += _pruned_subtree(subjects[-1], set()) + said
    if k and part[0].pos_ in ("ADP", "ADV"):  # "in Berlin": the object stays
        for c in objects:
            tokens += _pruned_subtree(c, set())
    return " ".join(filter(None, (_render(tokens), _render(part))))


# The name written right before the parenthesis of life dates: "Wangari Maathai (1 April 1940 – 25 September 2011)".
_NAME_BEFORE_PARENTHESIS = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]*[^\S\n]){0,4}[A-Z][\w'’.-]*)[^\S\n]?\($")
_BORN_WORD = re.compile(r"[^\S\n]{0,3}(?:born|b\.)[^\S\n]{0,3}")
_RANGE_AFTER = re.compile(r"[^\S\n]{0,3}[–—-]")
_RANGE_BEFORE = re.compile(r"[^()\n]{0,40}[–—-][^\S\n]{0,3}")


def _life_date(text: str, timex: Timex) -> str:
    """A birth or a death written as life dates after a name: "X (born DATE)", "X (DATE – DATE)" names "X born",
    "X died" (the parse has no verb for them, and the label went to whatever the sentence says next)."""
    opening = text.rfind("(", max(0, timex.start - 40), timex.start)
    closing = text.find(")", timex.end, timex.end + 60)
    if opening < 0 or closing < 0 or ")" in text[opening : timex.start] or "(" in text[timex.end : closing]:
        return ""
    name = _NAME_BEFORE_PARENTHESIS.search(text, max(0, opening - 80), opening + 1)
    if name is None:
        return ""
    before, after = text[opening + 1 : timex.start], text[timex.end : closing]
    if _BORN_WORD.fullmatch(before) or not before.strip() and _RANGE_AFTER.match(after):
        return f"{name.group(1)} born"
    if _RANGE_BEFORE.fullmatch(before) and not after.strip():
        return f"{name.group(1)} died"
    return ""


def _opening_participle(verb: Any, skip: set[int]) -> tuple[Any, Any] | None:
    """The participle opening the sentence that the date, written between it and the subject, goes with ("Born in
    Leeds, on March 4, 1929, Dr. Ellison studied …": the birth, which the parse hangs on "studied"), and the subject.
    Only when nothing but commas part the participle's phrase from the date."""
    if not skip:
        return None
    first, last = min(skip), max(skip)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.is_sent_start and verb.head.i > last:
        # "Founded in Oslo in 1998, the company …": the participle dates itself; the subject is the sentence's
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > last]
        return (verb, min(subjects, key=lambda c: c.i)) if subjects else None
    participles = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.is_sent_start]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > last]
    if not participles or not subjects or verb.i < last:
        return None
    participle = participles[0]
    end = max(t.i for t in participle.subtree)
    between = verb.doc[end + 1 : first]
    if not all(t.text == "," or t.dep_ == "prep" and t.head.i == verb.i for t in between) or len(between) > 2:
        return None
    prep = [t for t in between if t.dep_ == "prep"]
    skip.update(t.i for t in prep)
    return participle, min(subjects, key=lambda c: c.i)


def _after_dateline(subject: Any) -> Any:
    """The subject the parse hangs on a dateline ("SAN FRANCISCO — OpenAI on Tuesday released …" makes the town the
    subject and the company its apposition): the apposition."""
    dashes = [c.i for c in subject.children
              if c.dep_ == "punct" and c.text in ("—", "–", "-", "--") and c.i > subject.i]
    # the apposition after the dash: "CAMBRIDGE, Mass., Feb. 6, 2024 /PRNewswire/ -- Helix …" (not "Mass.")
    appos = [c for c in subject.children if c.dep_ == "appos" and dashes and c.i > dashes[0]]
    if appos and subject.i < 4:
        return appos[0]
    return subject


def _with_scores(tokens: list[Any]) -> list[Any]:
    """A score or a range the parse split keeps its second number ("beat Brentford 3-1", not "3")."""
    out = list(tokens)
    for t in tokens:
        doc = t.doc
        if t.like_num and t.i + 2 < len(doc) and doc[t.i + 1].text in ("-", "–") and doc[t.i + 2].like_num \
                and not doc[t.i + 1].whitespace_ and not t.whitespace_:
            out += [doc[t.i + 1], doc[t.i + 2]]
    return out


class _MentionIndex:
    """Names of the entities mentioned inside a span, found by bisection (an article has thousands of mentions)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._entities = entities
        spans = sorted((m.start, m.end, k) for k, e in enumerate(entities) for m in e.mentions)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans

    def names(self, start: int, end: int) -> tuple[str, ...]:
        """In the order of the entity list, each once."""
        found: set[int] = set()
        for i in range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)):
            _, m_end, k = self._spans[i]
            if m_end <= end:
                found.add(k)
        return tuple(dict.fromkeys(self._entities[k].name for k in sorted(found)))


def build_events(
    ctx: Context,
    timexes: Sequence[Timex],
    dct: date | None,
    entities: Sequence[Entity],
    *,
    deadline: float | None = None,
) -> tuple[tuple[TimelineEvent, ...], bool]:
    """The events in text order, and whether all were built before ``deadline`` (a :func:`time.monotonic` value).

    Without a creation time (``dct`` None) an event is planned only when its clause says so.
    """
    text = ctx.parsed.text
    mentioned = _MentionIndex(entities)
    events: list[TimelineEvent] = []
    for k, timex in enumerate(timexes):
        if deadline is not None and k % 64 == 0 and time.monotonic() > deadline:
            return tuple(events), False
        if timex.type not in ("DATE", "TIME"):
            continue
        span = interval(timex.value.removeprefix("FY"))
        if span is None or is_dateline(timex, text):
            continue
        start, end, precision = span
        try:
            start, end = narrow(start, end, timex.mod)
        except (ValueError, OverflowError):  # a modifier on an interval at the calendar's edge: keep it whole
            pass
        sent = ctx.sentence_of(timex.start)
        if sent is None and not ctx.parsed.pieces and text:  # a text in another language, read without a parse
            s_start, s_end = plain_sentence(text, timex.start, timex.end)
            sent = (s_start, s_end, None)
        if sent is None:
            continue
        s_start, s_end, s_span = sent
        # an expression the parser's sentence split cuts ("-138 0 | centuries ago"): the event's sentence holds it
        s_start, s_end = min(s_start, timex.start), max(s_end, timex.end)
        names = mentioned.names(s_start, s_end)
        direction, planned_clause = direction_at(ctx.head_token(timex.start, timex.end))
        author = post_author(text, timex.start, timex.end)
        siblings = [t for t in timexes[max(0, k - 8) : k + 9]  # the other dates of the sentence
                    if t is not timex and t.type in ("DATE", "TIME") and s_start <= t.start < s_end]
        if author is not None:
            planned = False  # when a quoted post was written: reported, even when the story was updated after it
        elif dct is None:
            planned = planned_clause and direction == "future"
        else:
            planned = start > dct or (planned_clause and direction == "future" and end >= dct)
        events.append(
            TimelineEvent(
                timex=timex,
                sentence_start=s_start,
                sentence_end=s_end,
                label=f"post by {author}" if author is not None
                else label_for(ctx, timex, s_span, siblings) if s_span is not None
                else plain_label(text, s_start, s_end, timex),
                entities=names,
                precision=precision,
                interval_start=start.isoformat(),
                interval_end=end.isoformat(),
                planned=planned,
            )
        )
    return tuple(events), True
