"""Acronyms the small model leaves unlabelled: one defined in parentheses after a name it found ("The University of
British Columbia (UBC) has suspended …" … "the UBC"), and one the text defines itself ("RATP, which runs public
transport", "SENAMHI, the national weather service"). Each is a name of its own, typed as what it abbreviates or,
defined by a phrase, an organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate, initials
from models.analysis.entity_junk import NOT_NAMES, concept_acronyms
from models.analysis.entity_types import written_lower
from models.analysis.repeats import Coverage

_ACRONYM = r"[A-Z][A-Z&]{1,7}"
_DEFINED = re.compile(rf"\(({_ACRONYM})\)")
# An acronym and the clause or the apposition that says what it is.
_SELF_DEFINED = re.compile(rf"(?<![\w&.-])({_ACRONYM})(?=, (?:which|the|a|an) [a-z])")
_ROMAN = re.compile(r"[IVXLCDM]+\Z")
# Words a proclamation or a notice writes in capitals before a comma ("WHEREAS, a body of men …").
_SHOUTED_WORDS = frozenset({"whereas", "resolved", "therefore", "now", "note", "update", "warning", "notice"})


def acronym_names(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with each occurrence of an acronym defined by the text added (those it does not cover yet)."""
    kinds: dict[str, str] = {}
    if "(" in text or ", " in text:
        by_end = {c.end: c for c in candidates if c.type in ("PERSON", "ORGANIZATION", "PLACE")}
        for m in _DEFINED.finditer(text):
            long = by_end.get(m.start() - 1) or by_end.get(m.start())
            if long is not None and " " in long.text and _initials_fit(m.group(1), long.text):
                kinds.setdefault(m.group(1), long.type)
        for m in _SELF_DEFINED.finditer(text):
            kinds.setdefault(m.group(1), "ORGANIZATION")
    if kinds:
        concepts = concept_acronyms(text)  # "sea surface salinity (SSS)": a notion's letters, no name
        kinds = {a: k for a, k in kinds.items() if a.lower() not in NOT_NAMES and not _ROMAN.match(a)
                 and a not in concepts and a.lower() not in _SHOUTED_WORDS
                 and not written_lower(a, text)}
    kinds.update({a: "ORGANIZATION" for a in _initials_of_named(candidates, text) if a not in kinds})
    if not kinds:
        return list(candidates)
    coverage = Coverage(len(text), candidates)
    pattern = re.compile(rf"(?<![\w&.-])({'|'.join(sorted(map(re.escape, kinds), key=len, reverse=True))})(?![\w&-])")
    added = []
    for m in pattern.finditer(text):
        start, end = m.span(1)
        if coverage.overlaps(start, end):
            continue
        added.append(Candidate(start, end, m.group(1), kinds[m.group(1)], weak=True, source="acronym"))
    if not added:
        return list(candidates)
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end))


_CAPITALS = re.compile(r"(?<![\w&.-])([A-Z]{3,6})(?![\w&-])")


def _initials_of_named(candidates: Sequence[Candidate], text: str) -> set[str]:
    """Words in capitals that are the initials of an organisation the text names in full, though it does not define
    them ("WHO" of the World Health Organization, "EMA"): its acronym, even when it is a word ("who")."""
    named = {initials(c.text) for c in candidates if c.type == "ORGANIZATION" and len(c.text.split()) >= 3}
    if not named:
        return set()
    return {m.group(1) for m in _CAPITALS.finditer(text) if m.group(1) in named}


def _initials_fit(acronym: str, name: str) -> bool:
    """The acronym's letters are initials of the name's capitalised words, in order ("UBC" of "University of
    British Columbia")."""
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    letters = [ch for ch in acronym if ch.isalpha()]
    at = 0
    for ch in letters:
        while at < len(initials) and initials[at] != ch:
            at += 1
        if at == len(initials):
            return False
        at += 1
    return True
