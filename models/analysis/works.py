"""Titles of works written in quotation marks: a song, a film, a book or a show named like a person or a place
(“Glasgow,” the song; the book “The Living Reef”; the show “Nashville”), which the model types by the name alone."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models.analysis.aliases import Candidate

_OPEN_QUOTE = re.compile(r"[“\"‘']$")
_CLOSE_QUOTE = re.compile(r"[,.!?]?[”\"’']|\s\([“\"‘]")  # or its other title: “Glasgow (“No Place Like Home”)”


def quoted_titles(candidates: Sequence[Candidate], text: str) -> set[str]:
    """Names written alone inside quotation marks in half of their mentions or more, twice at least (“Glasgow,”
    “Glasgow”), or quoted once as a title (:func:`_titled_quote`): the title of a song, a film or a book, not a
    person or a place. A nickname quoted once stays a name."""
    quoted: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for c in candidates:
        seen[c.text] += 1
        if _OPEN_QUOTE.search(text, max(0, c.start - 1), c.start) and _CLOSE_QUOTE.match(text, c.end):
            quoted[c.text] += 1
    return {name for name, n in quoted.items() if n >= 2 and 2 * n >= seen[name]} | {
        c.text for c in candidates if " " in c.text and _titled_quote(c, text)}


def quoted_single_titles(candidates: Sequence[Candidate], text: str) -> set[int]:
    """Where a one-word title is quoted right after a work's noun ('her tour film, "Renaissance,"'): that mention
    only, the word may name a town elsewhere (the show "Nashville" … a house in Nashville)."""
    return {c.start for c in candidates if " " not in c.text and _titled_quote(c, text)
            and (_after_work_noun(c, text) or _AFTER_OWNER.search(text, max(0, c.start - 4), c.start))}


_AFTER_OWNER = re.compile(r"['’]s [“\"]$")  # 'Sean Baker's "Anora,"': an artist's work


def quoted_events(candidates: Sequence[Candidate], text: str) -> set[int]:
    """Where a quoted name is followed by the word for an event ("its 'Glowtime' event", the "Eras" tour): that
    mention is the event's name."""
    return {c.start for c in candidates if _OPEN_QUOTE.search(text, max(0, c.start - 1), c.start)
            and _EVENT_AFTER_QUOTE.match(text, c.end)}


_EVENT_AFTER_QUOTE = re.compile(r"[”\"’'] (?:event|launch event|summit|conference|festival|tour|gala|ceremony|"
                                r"rally|march|protest|campaign)\b")


def whole_titles(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A quoted work's title the model cut before its last words ("Once Upon a Time" of “Once Upon a Time in
    Hollywood”, with "Hollywood" a place of its own): the whole title, up to the closing quotation mark. Only a name
    the model read as a work ("“Biden and Trump” debate" holds two people)."""
    out: list[Candidate] = []
    reach = -1
    for c in candidates:
        if c.start < reach:
            continue  # "Hollywood", inside the title
        quoted = c.type == "OTHER" and _OPEN_QUOTE.search(text, max(0, c.start - 1), c.start)
        rest = _TITLE_REST.match(text, c.end) if quoted else None
        if rest is not None:
            end = c.end + len(rest.group(1))
            c = Candidate(c.start, end, text[c.start : end], c.type, c.weak, c.source)
            reach = end
        out.append(c)
    return out


# The words of a title after where the model stopped, to the closing mark: small words and capitalised ones only.
_TITLE_REST = re.compile(r"((?: (?:in|of|the|a|an|and|to|for|on|at|with|from|as|[A-Z][\w'’-]*)){1,6})[,.!?]?[”\"]")


# What marks one quoted name as a work's title: "The" inside the quotation marks, an owner before them (an artist's
# "Short n' Sweet"), a work's noun (the album "…"); a capitalised word right after it makes it a nickname inside a
# name (Dwayne "The Rock" Johnson).
_TITLE_OPENING = re.compile(r"(?:[“\"]The |['’]s [“\"]|\b(?:album|song|single|track|film|movie|book|novel|series|"
                            r"show|play|musical|documentary|EP|record|podcast|episode|poem|painting),? [“\"])$")
_BY_AUTHOR_AFTER = re.compile(r"[,.]?[”\"] by [A-Z]")  # '"The Quiet Harbour" by Lars Halvorsen'
_NICKNAME_END = re.compile(r"[”\"]\s+[A-Z]")
# A work's noun before the quotation marks: what the model's own work needs to stay one ("her book “The Living
# Reef”" is no reef; "the bridge “The Emperor Norton Bridge”" is a bridge).
_WORK_NOUN_BEFORE = re.compile(r"\b(?:album|song|single|track|film|movie|book|novel|series|show|play|musical|"
                               r"documentary|EP|record|podcast|episode|poem|painting|memoir|essay),? [“\"](?:The )?$")


def _after_work_noun(c: Candidate, text: str) -> bool:
    """A one-word title right after a work's noun: 'her tour film, "Renaissance,"'."""
    return bool(_WORK_NOUN_BEFORE.search(text, max(0, c.start - 20), c.start))


def _titled_quote(c: Candidate, text: str) -> bool:
    """The name fills a quotation that reads as a title's: "The" inside the marks, or an owner or a work's noun
    before them, and no surname after them."""
    if c.type == "OTHER":  # the model's work: a work's noun before it, or "The" inside the marks and its author
        opened = bool(_WORK_NOUN_BEFORE.search(text, max(0, c.start - 20), c.start)) or bool(
            _TITLE_OPENING.search(text, max(0, c.start - 20), c.start) and _BY_AUTHOR_AFTER.match(text, c.end))
    else:
        opened = bool(_TITLE_OPENING.search(text, max(0, c.start - 20), c.start))
    return (c.type in ("PERSON", "ORGANIZATION", "PLACE", "OTHER") and bool(_CLOSE_QUOTE.match(text, c.end))
            and opened
            and not _NICKNAME_END.match(text, c.end))


_LIST_ITEM_NUMBERED = re.compile(r"(?:\s(?:\d{1,4}[A-Za-z]*|[IVX]+)|:.*)$")


def title_lists(text: str) -> list[tuple[int, int]]:
    """Spans of long lists of titles ("They include: Road Kings 2, Lantern, Stone Age: Dawn, Drift 2019, …"): six
    comma-separated capitalised items or more in one sentence, a third of them numbered or subtitled, as lists of
    games, films and albums are. Every name inside one is a title, whatever the model called it."""
    out = []
    for sentence in re.finditer(r"[^.!?\n]+", text):
        body = sentence.group()
        if body.count(",") < 5:
            continue
        parts = body.split(",")
        if ":" in parts[0]:
            parts[0] = parts[0][parts[0].index(":") + 1 :]  # the words that introduce the list
        items = [re.sub(r"^(?:and|or)\s+", "", x.strip()) for x in parts]
        capital = [x for x in items if x[:1].isupper()]
        numbered = [x for x in capital if _LIST_ITEM_NUMBERED.search(x)]
        if len(capital) >= 6 and len(capital) >= 0.8 * len(items) and 3 * len(numbered) >= len(capital):
            out.append(sentence.span())
    return out


# A work's noun after a determiner, an owner or a year, right before a name ("her first novel, The Quiet Field,",
# "the musical Hamilton", "his 1937 painting Guernica"): the name is the work's title. Not a verb ("book London
# flights"), not a possessive ("the film's star").
_WORK_NOUN_RIGHT_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|my|our|your|[A-Z][\w'’-]{0,30}['’]s|(?:19|20)\d\d)(?:[^\S\n]{1,2}[\w-]{1,20}){0,3}?"
    r"[^\S\n]{1,2}(?:novel|album|film|movie|memoir|book|play|musical|documentary|poem|painting|song|single|"
    r"podcast|sitcom|opera|symphony|anthology|novella|biopic)(?:,[^\S\n]{1,2}|[^\S\n]{1,2})(?:The[^\S\n])?$"
)


# Who wrote what comes next ("registered dietitian Lisa Young, author of Finally Full, Finally Slim").
_AUTHOR_OF = re.compile(r"\b(?:co-)?(?:author|writer)s?[^\S\n]{1,2}of[^\S\n]{1,2}$", re.IGNORECASE)


def titled_by_work_noun(c: Candidate, text: str) -> bool:
    """A person's, a place's or an organisation's name right after a work's noun, or after "author of": the title
    of that work."""
    return c.type in ("PERSON", "ORGANIZATION", "PLACE") and bool(
        _WORK_NOUN_RIGHT_BEFORE.search(text, max(0, c.start - 80), c.start)
        or _AUTHOR_OF.search(text, max(0, c.start - 24), c.start))
