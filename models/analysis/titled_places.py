"""Places named in a title of rank or office and in a byname: "Duke of Sussex", "3rd Earl of Dunmore", "Governor of
Ohio", "Hilda of Whitby". The name after "of" is the place the title or the person is of, whatever the model called
it (a surname, an organisation, a people for a name in "-ese"), and a mention of that place even when the model
found nothing there."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.entity_junk import word_counts

# Titles held "of" a place. Capitalised, as they are written before the place's name.
_TITLE_OF = re.compile(
    r"\b(?:Earl|Duke|Duchess|Count|Countess|Marquess|Marquis|Marchioness|Baron|Baroness|Viscount|Viscountess|Prince|"
    r"Princess|King|Queen|Emperor|Empress|Bishop|Archbishop|Lord|Lady|Mayor|Governor|Sultan|Emir|Tsar|Abbot|"
    r"Abbess|Patriarch|Protector|Dauphin|Elector|Margrave) of (the )?"
)
# The name after such a title: capitalised words, to the end of the name.
_NAME = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")
_TYPES = ("PERSON", "ORGANIZATION", "PLACE", "GROUP")


def places_after_titles(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Names right after a title and "of" ("Earl of Dunmore") or after a person's single name and "of" ("Hilda of
    Whitby", a byname) are places, in every mention written alike; a name after a title that the model did not find
    ("the Prince of Wales") is added as a place, unless the text writes it in lower case too ("King of Monitors"
    beside "monitor"). Not after "of the" ("Lord of the Rings" names no place)."""
    if " of " not in text:
        return list(candidates)
    by_start = {c.start: c for c in candidates}
    places: set[str] = set()
    bynames: set[str] = set()
    for c in candidates:
        if c.type == "PERSON" and " " not in c.text and text.startswith(" of ", c.end):
            after = by_start.get(c.end + 4)
            if after is not None and after.type in ("ORGANIZATION", "GROUP"):
                bynames.add(after.text)  # "Hilda of Whitby"; a person after a person ("Gospel of Mark") stays one
    taken = [(c.start, c.end) for c in candidates]
    counts = word_counts(text)
    added: list[Candidate] = []
    for title in _TITLE_OF.finditer(text):
        c = by_start.get(title.end())
        if c is not None:
            if c.type in _TYPES and not title.group(1) and all(w[:1].isupper() for w in c.text.split()):
                places.add(c.text)
            continue
        name = _NAME.match(text, title.end())
        if name is None or title.group(1) or any(s < name.end() and name.start() < e for s, e in taken):
            continue
        words = name.group().split()
        if not all(any(ch.islower() for ch in w) for w in words):
            continue  # a name written in capitals: a heading, not a place to add
        if any(counts[w.lower()] or counts[w.lower().removesuffix("s")] for w in words):
            continue  # "King of Monitors" beside "a monitor": a common noun in a heading, no place
        added.append(Candidate(name.start(), name.end(), name.group(), "PLACE", source="title of rank"))
    if not places and not bynames and not added:
        return list(candidates)
    out = [replace(c, type="PLACE", source="title of rank" if c.text in places else "byname")
           if c.text in places | bynames and c.type in _TYPES and c.type != "PLACE" else c for c in candidates]
    return sorted([*out, *added], key=lambda c: (c.start, c.end))
