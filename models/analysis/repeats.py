"""Names written again: the occurrences of a name the model found once and missed elsewhere, and a name found whole
once and written whole again where the model saw only a part of it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.entity_types import NAME_SUFFIXES


class Coverage:
    """Which characters of the text some candidate already covers (a linear-time overlap test)."""

    def __init__(self, length: int, candidates: Sequence[Candidate]) -> None:
        self.mask = bytearray(length)
        for c in candidates:
            self.add(c.start, c.end)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self.mask[start:end])


# Sources of the names found by their contexts (:func:`models.analysis.context_names.names_by_context`): a person named
# so in full is also named by the surname alone.
_FOUND_BY_CONTEXT = frozenset({"context", "given name"})


def repeated_names(text: str, candidates: Sequence[Candidate]) -> Iterator[Candidate]:
    """Other occurrences of a name the model found once but missed elsewhere ("Jobs resigned" at a sentence start),
    and of the surname of a person named in full. Only as a whole name: not inside a longer capitalised run."""
    surfaces: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for c in candidates:
        if c.type not in ("PERSON", "ORGANIZATION", "PLACE") or len(c.text) < 3 or not c.text[0].isupper():
            continue
        if c.weak and c.source not in _FOUND_BY_CONTEXT:
            continue  # a repeat lends nothing; a name typed by its contexts lends its surname
        surfaces.setdefault(c.text, c.type)
        words = [w for w in c.text.split() if w.lower() not in NAME_SUFFIXES]
        if c.type == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper() and (
            words[-2] != "the"  # "Peter the Great" is never "Great"
        ):
            surnames.setdefault(words[-1], set()).add(c.text)
    for surname, full in surnames.items():
        if len(full) == 1 and surname.lower() not in text:
            surfaces.setdefault(surname, "PERSON")
    for nickname in _team_nicknames(candidates, text):
        surfaces.setdefault(nickname, "ORGANIZATION")
    if not surfaces:
        return
    coverage = Coverage(len(text), candidates)
    pattern = _names_pattern(surfaces)
    for match in pattern.finditer(text):
        start, end = match.span()
        if coverage.overlaps(start, end):
            continue
        after = text[end : end + 2]
        before = text[max(0, start - 2) : start]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            continue  # "Apple Corps" when only "Apple" was known
        if len(before) == 2 and before[1] == " " and before[0].isalpha() and _word_before_capitalised(text, start):
            continue
        yield Candidate(start, end, match.group(), surfaces[match.group()], weak=True, source="repeated")


def _team_nicknames(candidates: Sequence[Candidate], text: str) -> set[str]:
    """The plural last word of a team named after its town ("Chiefs" of "Kansas City Chiefs", when the text names
    Kansas City, in normal case: "KLOOK Visitors" is no team), which the text goes on to use alone; not a word the
    text also writes in lower case."""
    places = {c.text.lower() for c in candidates if c.type == "PLACE"}
    out = set()
    for c in candidates:
        words = c.text.split()
        if c.type != "ORGANIZATION" or c.weak or len(words) < 2:
            continue
        last, town = words[-1], " ".join(words[:-1])
        if last[:1].isupper() and last.endswith("s") and not last.endswith("ss") and len(last) >= 4 \
                and town.lower() in places and not town.isupper() and last.lower() not in text:
            out.add(last)
    return out


def whole_again(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A name of several words the model found whole once, written again whole where it found only a part of it
    ("Bavarian Nordic" … "a deal with Bavarian Nordic", where it saw a nationality "Bavarian"): the whole name, the
    part dropped."""
    known: dict[str, Candidate] = {}
    for c in candidates:
        if not c.weak and c.source == "model" and c.type in ("PERSON", "ORGANIZATION", "PLACE") \
                and " " in c.text and c.text[:1].isupper():
            known.setdefault(c.text, c)
    if not known:
        return candidates
    spans = {(c.start, c.end) for c in candidates}
    by_start = sorted(candidates, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    pattern = _names_pattern(known)
    drop: set[int] = set()
    added = []
    for m in pattern.finditer(text):
        if (m.start(), m.end()) in spans:
            continue
        inner = [c for c in by_start[bisect.bisect_left(starts, m.start() - 200) : bisect.bisect_left(starts, m.end())]
                 if m.start() < c.end]
        if not inner or any(c.start < m.start() or c.end > m.end() for c in inner):
            continue  # nothing found there, or a longer name that holds it
        drop.update(id(c) for c in inner)
        added.append(replace(known[m.group()], start=m.start(), end=m.end(), weak=True, source="repeated"))
    if not added:
        return candidates
    return [c for c in candidates if id(c) not in drop] + added


def _names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Any of the names as a whole word, the longest first."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w&.-])(?:{alternatives})(?![\w&-])")


def _word_before_capitalised(text: str, start: int) -> bool:
    """The word before is capitalised, and is no adverb opening the sentence ("Currently Shalev is …")."""
    i = start - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    if not text[i : i + 1].isupper():
        return False
    opening = i == 0 or text[max(0, i - 2) : i].strip() in ("", ".", "!", "?", '."', ".”")
    return not (opening and text[i : start - 1].endswith("ly") and text[i : start - 1].isalpha())
