"""Names beside titles. Places named in a title of rank or office and in a byname: "Duke of Sussex", "3rd Earl of
Dunmore", "Governor of Ohio", "Hilda of Whitby" — the name after "of" is the place the title or the person is of,
whatever the model called it (a surname, an organisation, a people for a name in "-ese"), and a mention of that
place even when the model found nothing there. People named after a title of office: "Judge Shanna Park", "Officer
Grant Lake", "Detective Ruiz" — a person, though the last word names places ("Park", "Lake")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.entity_junk import word_counts
from models.analysis.entity_types import is_title_word
from models.analysis.given_names import given_names

# Titles held "of" a place. Capitalised, as they are written before the place's name.
_TITLE_OF = re.compile(
    r"\b(?:Earl|Duke|Duchess|Count|Countess|Marquess|Marquis|Marchioness|Baron|Baroness|Viscount|Viscountess|Prince|"
    r"Princess|King|Queen|Emperor|Empress|Bishop|Archbishop|Lord|Lady|Mayor|Governor|Sultan|Emir|Tsar|Abbot|"
    r"Abbess|Patriarch|Protector|Dauphin|Elector|Margrave) of (the )?"
)
# The name after such a title: capitalised words, to the end of the name.
_NAME = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")
_TYPES = ("PERSON", "ORGANIZATION", "PLACE", "GROUP")
# The title alone, as the model sometimes takes it for a name ("Earl", "2nd Earl" before "of Clare").
_TITLE_ALONE = re.compile(
    r"^(?:\d+(?:st|nd|rd|th) )?(?:Earl|Duke|Duchess|Count|Countess|Marquess|Marquis|Marchioness|Baron|Baroness|"
    r"Viscount|Viscountess|Prince|Princess|Emperor|Empress|Archbishop|Bishop|Sultan|Emir|Tsar|Elector|Margrave)$"
)


def places_after_titles(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Names right after a title and "of" ("Earl of Dunmore") or after a person's single name and "of" ("Hilda of
    Whitby", a byname) are places, in every mention written alike; a name after a title that the model did not find
    ("the Prince of Wales") is added as a place, unless the text writes it in lower case too ("King of Monitors"
    beside "monitor"). Not after "of the" ("Lord of the Rings" names no place). The title itself, taken alone for a
    name ("2nd Earl" before "of Dunmore"), is dropped."""
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
    counts: Counter[str] | None = None  # the text's words, counted when a name is to be added
    added: list[Candidate] = []
    for title in _TITLE_OF.finditer(text):
        named = by_start.get(title.end())
        if named is not None:
            if named.type in _TYPES and not title.group(1) and all(w[:1].isupper() for w in named.text.split()):
                places.add(named.text)
            continue
        name = _NAME.match(text, title.end())
        if name is None or title.group(1) or any(s < name.end() and name.start() < e for s, e in taken):
            continue
        words = name.group().split()
        if not all(any(ch.islower() for ch in w) for w in words):
            continue  # a name written in capitals: a heading, not a place to add
        counts = counts if counts is not None else word_counts(text)
        if any(counts[w.lower()] or counts[w.lower().removesuffix("s")] for w in words):
            continue  # "King of Monitors" beside "a monitor": a common noun in a heading, no place
        added.append(Candidate(name.start(), name.end(), name.group(), "PLACE", source="title of rank"))
    titles = {c.start for c in candidates if _TITLE_ALONE.match(c.text) and text.startswith(" of ", c.end)}
    if not places and not bynames and not added and not titles:
        return list(candidates)
    out = [replace(c, type="PLACE", source="title of rank" if c.text in places else "byname")
           if c.text in places | bynames and c.type in _TYPES and c.type != "PLACE" else c
           for c in candidates if c.start not in titles]
    return sorted([*out, *added], key=lambda c: (c.start, c.end))


# Titles of office written before a person's name (not "Dr" or "Mr": "Dr Pepper", "Dr. Martens" are brands).
_OFFICES = (
    r"(?<![\w.'’-])(?:Judge|Justice|Senator|Sen\.|Officer|Detective|Det\.|Sergeant|Sgt\.|Coach|Professor|Prof\.|"
    r"Governor|Gov\.|Mayor|Councillor|Councilman|Councilwoman|Congressman|Congresswoman|Rep\.|Captain|Capt\.|"
    r"Lieutenant|Lt\.|Deputy|Trooper|Constable|Inspector|Pastor|Reverend|Rev\.|Rabbi|Lord|Lady|Sir|Dame) "
)
_OFFICE_BEFORE = re.compile(_OFFICES + "$")
_OFFICE_AND_NAME = re.compile(_OFFICES + r"([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)\b")


def people_after_titles(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """A name right after a title of office is a person's — one word, or a given name first ("Judge Shanna Park",
    "Officer Grant Lake", "Senator Ruiz") — whatever the model or a place's last word said; a capitalised name the
    model missed there ("Detective Ruiz") is added, unless the text writes it in lower case too or it is itself a
    title ("Mr. Chief Justice")."""
    out: list[Candidate] = []
    for c in candidates:
        if c.type in ("PLACE", "ORGANIZATION") and _OFFICE_BEFORE.search(text, max(0, c.start - 14), c.start) \
                and _personal(c.text.split()):
            c = replace(c, type="PERSON", source="title of office")
        out.append(c)
    taken = [(c.start, c.end) for c in candidates]
    counts: Counter[str] | None = None
    for m in _OFFICE_AND_NAME.finditer(text):
        start, end = m.span(1)
        words = m.group(1).split()
        if any(s < end and start < e for s, e in taken) or not _personal(words) or text.startswith(" of ", end):
            continue  # "Deputy Undersecretary of the Air Force": a title of office again, no name
        counts = counts if counts is not None else word_counts(text)
        if any(counts[w.lower()] for w in words):
            continue  # "Judge Rules" beside "the rules": a heading's words
        out.append(Candidate(start, end, m.group(1), "PERSON", source="title of office"))
    return sorted(out, key=lambda c: (c.start, c.end))


def _personal(words: Sequence[str]) -> bool:
    """One capitalised word, or two or three whose first is a given name; none of them a title."""
    if not words or any(is_title_word(w) or not (w[:1].isupper() and w[1:2].islower()) for w in words):
        return False
    return len(words) == 1 or words[0] in given_names()
