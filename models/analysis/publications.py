"""Publications named with their capitalised "The" ("reported by The Verge", "a writer for The Onion", "told The
Atlantic"): the small model misses such a name, calls it a place ("Atlantic") or runs two into one ("Onion and The
Economist"). A name after a word of the press is an organisation, in every mention written with its "The"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate

# What the press is told, quoted by or written for, right before a publication's "The".
_PRESS_BEFORE = re.compile(
    r"\b(?:told|tells|telling|according to|reported by|quoted by|quoted in|cited by|published by|wrote for|writes for|"
    r"writing for|written for|write for|wrote in|writes in|interview with|interviewed by|(?:writer|editor|columnist|"
    r"reporter|journalist|contributor|correspondent|critic|staffer)s? (?:at|for|with)|op-ed in|column in|"
    r"articles? in|stor(?:y|ies) in|piece in|editorial in|subscription to|subscribers to) The (?=[A-Z])"
)
_NAME = re.compile(r"[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3}")
_NEXT = re.compile(r"(?:,| and| or| &) (The )?(?=[A-Z])")
_CLAUSE_END = re.compile(r"\s?[.,;:)]")


def publications(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with each publication named after a word of the press ("a writer for The Onion", and the names
    listed with it: "for The Onion and The Economist", "The Wrap and Deadline.") as an organisation, at every "The"
    + name of the text; what the model made of those words there is dropped."""
    if "The " not in text:
        return list(candidates)
    names: set[str] = set()
    bare: list[tuple[int, int]] = []  # listed without "The": "according to The Wrap and Deadline"
    for press in _PRESS_BEFORE.finditer(text):
        at, with_the = press.end(), True
        while True:
            name = _NAME.match(text, at)
            if name is None:
                break
            if with_the:
                names.add(name.group())
            elif text[at - 4 : at] in ("and ", " or ") and _CLAUSE_END.match(text, name.end()):
                bare.append(name.span())  # the last of the list: "The Wrap and Deadline."
            else:
                break
            more = _NEXT.match(text, name.end())
            if more is None:
                break
            at, with_the = more.end(), bool(more.group(1))
    if not names:
        return list(candidates)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])The (" + alternatives + r")(?![\w-]|['’](?!s\b)| [A-Z])")  # "The Wrap’s"
    spans = [m.span(1) for m in pattern.finditer(text)] + bare
    kept = [c for c in candidates if not any(s < c.end and c.start < e for s, e in spans)]
    added = [Candidate(s, e, text[s:e], "ORGANIZATION", source="publication") for s, e in spans]
    return sorted([*kept, *added], key=lambda c: (c.start, c.end))
