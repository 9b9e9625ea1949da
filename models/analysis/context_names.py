"""Proper nouns the small model left unlabelled, typed by what their contexts say of them ("Byron was born in …, his
…") or by the list of the world's places ("the roads beyond Winchester")."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from models.analysis import entity_cues
from models.analysis.aliases import Candidate
from models.analysis.entity_types import DASHES, NAME_HEAD_WORDS, is_title_word
from models.analysis.given_names import given_name_first, given_names
from models.analysis.name_lookalikes import CALENDAR_WORDS
from models.analysis.nlp import Parsed
from models.analysis.repeats import Coverage
from models.analysis.teams import in_a_result
from models.analysis.world_cities import world_cities
from models.analysis.world_places import world_places

_QUOTES = frozenset("\"“‘'«")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def capitalised(tok: Any) -> bool:
    return bool(tok.text[:1].isupper()) and any(ch.isalpha() for ch in tok.text)


# Days and months end a run of proper nouns ("Theresa May" keeps its surname).
_RUN_ENDS = CALENDAR_WORDS - {"May"}


def names_by_context(parsed: Parsed, candidates: Sequence[Candidate]) -> Iterator[Candidate]:
    """Proper nouns the model left unlabelled whose contexts agree on a type ("Byron was born in …, his …"): every
    occurrence of the run of proper nouns, typed by the pooled cues of :mod:`.entity_cues` when they are clear."""
    text = parsed.text
    coverage = Coverage(len(text), candidates)
    place_names = {c.text for c in candidates if c.type == "PLACE"}
    # first names of people named in full ("Isabel" after "Isabel Ruiz")
    first_names = {c.text.split()[0] for c in candidates if c.type == "PERSON" and " " in c.text}
    people = sorted(c.start for c in candidates if c.type == "PERSON")
    runs: dict[str, list[tuple[int, int]]] = {}
    for piece in parsed.pieces:
        doc = piece.doc
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.pos_ != "PROPN" or not capitalised(tok) or tok.is_upper:
                i += 1
                continue
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN" and capitalised(doc[j]) and not doc[j].is_upper \
                    and (j == i or doc[j].text not in _RUN_ENDS):  # "… Aner Shalev Wednesday, September 19"
                j += 1
            start = piece.offset + doc[i].idx
            end = piece.offset + doc[j - 1].idx + len(doc[j - 1].text)
            words = text[start:end]
            titled = is_title_word(words.split()[0]) and words.split()[-1].lower() not in NAME_HEAD_WORDS
            if not coverage.overlaps(start, end) and not titled and len(words) >= 3:  # "Sheikh Lotf Allah Mosque"
                runs.setdefault(words, []).append((start, end))
            i = j
    typed: dict[str, str] = {}
    sources: dict[str, str] = {}
    # longer runs first, so that a full name found here ("Isabel Ruiz") lends its first name to the lone ones
    for words, spans in sorted(runs.items(), key=lambda kv: -len(kv[0].split())):
        votes: Counter[str] = Counter()
        for start, end in spans:
            votes.update(entity_cues.mention_cues(text, start, end))
        votes.pop(entity_cues.AGENT, None)
        if given_name_first(words.split(), place_names) or (
            words in first_names and words in given_names() and words not in place_names
            and not any(text[start - 1 : start] in DASHES for start, _ in spans)  # "i-Nick"
        ):
            votes["PERSON"] += 2  # "Celeste Pollock", "Isabel": a given name, with a surname or as a person's
            sources[words] = "given name"
        if " " in words and not given_name_first(words.split(), place_names) and any(
                in_a_result(text, start, end) and not _person_near(text, people, start, end) for start, end in spans):
            votes["ORGANIZATION"] += 4  # "River Plate beat Boca Juniors 2-1": a side of a result (not a player's
            # name: "Taylor Fritz beat Reilly Opelka 6-3" is between two people), whatever its shape ("Manchester
            # City beat …", a city's to the shape of its words)
        if _speaker(words) and any(entity_cues.SAYS_AFTER.match(text, end) for _, end in spans):
            votes["PERSON"] += 2  # "Mikel Arteta said": a first name and a surname that speak
        if (words in world_cities() or words in world_places()) and not any(
                text[start - 1 : start] in _QUOTES for start, _ in spans):  # not the series “Fargo”
            votes["PLACE"] += 2  # "the roads beyond Winchester", "having taken Constantinople": a city of the world
        ranked = [*votes.most_common(2), ("", 0), ("", 0)]
        (best, weight), (_, second) = ranked[0], ranked[1]
        if best in ("PERSON", "PLACE", "ORGANIZATION") and weight >= 2 and weight >= 2 * second:
            typed[words] = best
            if best == "PERSON" and " " in words:
                first_names.add(words.split()[0])
    for words, spans in runs.items():
        if words in typed:
            for start, end in spans:
                source = sources.get(words, "context") if typed[words] == "PERSON" else "context"
                yield Candidate(start, end, words, typed[words], weak=True, source=source)


def _person_near(text: str, people: list[int], start: int, end: int) -> bool:
    """A person's name (``people``: the sorted starts of those found) begins within 40 characters of ``start:end``, in
    its sentence: the other side of a result between players."""
    k = bisect.bisect_left(people, start - 40)
    while k < len(people) and people[k] <= end + 40:
        between = text[min(people[k], end) : max(people[k], start)]
        if people[k] != start and not _SENTENCE_END.search(between):
            return True
        k += 1
    return False


def _speaker(words: str) -> bool:
    """Two capitalised words that may be a person's name: none heads an organisation's or a place's name
    ("Deutsche Bank", "Hyde Park"), none is a place of the world."""
    parts = words.split()
    return len(parts) == 2 and all(w[:1].isupper() and w[1:2].islower() and w.lower() not in NAME_HEAD_WORDS
                                   and w not in world_places() and w not in world_cities() for w in parts)
