"""The speakers of a transcript, named at the start of their lines ("MAYA: Hello and welcome back", "JUSTICE MORENO:
Counsel, before you …", "Isla Brennan: Pure luck."): people, whatever the model calls them (it takes a name in
capitals for a place or an organisation)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.entity_types import HONORIFICS, is_title_word
from models.analysis.given_names import given_names

# A label at the start of a line: a name in capitals or in title case, of one to four words, before a colon.
_LABEL = re.compile(
    r"^((?:[A-Z][A-Za-z'’.-]{0,20} ){0,3}[A-Z][A-Za-z'’.-]{1,20}):[ \t]+(?=\S)", re.MULTILINE
)
# Labels that head a paragraph of a page, not a speaker's turn.
_NOT_SPEAKERS = frozenset(
    """
    note update editor editors source sources photo photos video watch read related caption warning tip tips step
    answer question q a re fw subject from to date cc bcc sent tel phone email fax address website web location
    time venue price cost tickets warning disclaimer summary abstract keywords background methods results
    conclusion conclusions introduction objective objectives transcript narrator chorus verse bridge intro outro
    host guest interviewer interviewee speaker audience announcer reporter moderator voice
    """.split()
)


def speaker_labels(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with each speaker's label a person (the model's reading of it dropped): a label written at the
    start of two lines or more, shaped like a name, none of whose words the text also writes in lower case. A title
    before the name is left out of the mention ("CHIEF JUSTICE HALVORSEN" → "HALVORSEN"), an honorific kept."""
    if ":" not in text:
        return list(candidates)
    labels = [(m.start(1), m.group(1)) for m in _LABEL.finditer(text)]
    counts = Counter(label for _, label in labels)
    lower = _lower_words(text)
    spans = []
    for start, label in labels:
        words = label.split()
        if counts[label] < 2 or any(w.lower().strip(".") in _NOT_SPEAKERS for w in words):
            continue
        if any(w.lower() in lower for w in words if w.lower() not in HONORIFICS):
            continue  # "Note", "Warning", "Scene": words of the language
        if not label.isupper() and not (words[0] in given_names() or words[0].lower() in HONORIFICS
                                        or is_title_word(words[0])):
            continue  # in title case, a speaker is named by a given name: "Isla Brennan", not "Star Wars Jedi"
        while len(words) > 1 and is_title_word(words[0]) and words[0].lower() not in HONORIFICS:
            start += len(words[0]) + 1
            words = words[1:]
        if all(is_title_word(w) or w.lower() in HONORIFICS for w in words):
            continue
        spans.append((start, start + len(" ".join(words))))
    if not spans:
        return list(candidates)
    names = {text[s:e].lower() for s, e in spans} | {text[s:e].split()[-1].lower() for s, e in spans}
    surnames = {text[s:e].split()[-1].lower() for s, e in spans}
    out = [replace(c, type="PERSON", source="speaker") if c.type != "PERSON" and (
        c.text.lower() in names or " " in c.text and c.text.split()[-1].lower() in surnames and c.text[:1].isupper()
    ) else c for c in candidates if not any(s < c.end and c.start < e for s, e in spans)]
    # "today, Maya, we are …"; "Nkechi Adeyemi for the appellants" of "MS. ADEYEMI:"
    out += [Candidate(s, e, text[s:e], "PERSON", source="speaker") for s, e in spans]
    return sorted(out, key=lambda c: (c.start, c.end))


_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


def _lower_words(text: str) -> set[str]:
    return set(_WORD.findall(text))
