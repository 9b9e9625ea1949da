"""Living things named by their scientific names ("Atelopus ignescens", "Formica fusca", "Aedes aegypti"), which the
small model takes for people or organisations: in an article that speaks of species, a capitalised genus followed by a
lower-case epithet of Latin form is a taxon, and so is the genus named alone ("dozens of Atelopus species")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate
from models.analysis.nlp import Parsed

# Words of an article about living things; without one of them, no pair of words is read as a scientific name.
_LIVING_WORDS = re.compile(r"\b(?:species|subspecies|genus|genera|bacteri(?:um|a)|fung(?:us|i)|strain|taxon|taxa)\b",
                           re.IGNORECASE)
# A genus and a lower-case word after it (the epithet, checked below).
_PAIR = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,24}) ([a-z]{4,25})(?![\w'’-])")
# The endings of Latin and Latinised epithets: "fusca", "aegypti", "andrillae", "lupus", "dendrobatidis", "sapiens".
_LATIN_ENDINGS = ("a", "ae", "i", "ii", "us", "um", "is", "ens", "ans", "ensis", "oides", "orum", "arum", "ei", "ix")
# English words with those endings that follow a name ("Ecuador data", "China media", "Paris via"): no epithet.
_ENGLISH = frozenset(
    """
    data media agenda area extra idea formula camera drama opera visa saga plaza villa panda pasta pizza sofa quota
    mega alpha beta gamma delta sigma omega dogma trauma cinema arena era via thus plus status campus census bonus
    virus focus genus versus corpus nexus chorus circus consensus stimulus surplus onus opus sinus fungus cactus
    prospectus syllabus hiatus crisis basis analysis thesis axis emphasis oasis tennis this taxi alibi safari
    chili mini khaki kiwi museum forum premium medium stadium podium album minimum maximum quantum vacuum petroleum
    aluminium aluminum calcium sodium opium platinum uranium lithium helium spectrum momentum memorandum
    referendum curriculum ultimatum moratorium auditorium symposium gymnasium aquarium
    """.split()
)


def taxa(parsed: Parsed, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with every genus and scientific name typed OTHER (source "taxon"); a genus the model found
    without its epithet is given it ("Atelopus" + "ignescens")."""
    text = parsed.text
    if not _LIVING_WORDS.search(text):
        return list(candidates)
    tokens = {piece.offset + token.idx: token for piece in parsed.pieces for token in piece.doc}
    pairs: dict[int, int] = {}  # start of the genus → end of the epithet
    for m in _PAIR.finditer(text):
        genus, epithet = tokens.get(m.start()), tokens.get(m.start(2))
        if _epithet(m.group(2)) and genus is not None and genus.pos_ in _GENUS_POS and epithet is not None \
                and not epithet.tag_.startswith("VB") and epithet.pos_ not in _NO_EPITHET_POS:
            pairs[m.start()] = m.end()
    genera = {text[start : text.index(" ", start)] for start in pairs}
    out = []
    for c in candidates:
        end = pairs.get(c.start)
        if end is not None and c.end < end and c.text in genera:  # "Atelopus" + "ignescens"
            out.append(replace(c, end=end, text=text[c.start : end], type="OTHER", source="taxon"))
        elif c.text in genera or end is not None and c.end == end:
            out.append(replace(c, type="OTHER", source="taxon"))
        else:
            out.append(c)
    return out


# What the parser makes of a genus ("Atelopus" a proper noun, "Formica" a noun), and what an epithet is never.
_GENUS_POS = frozenset({"PROPN", "NOUN", "X", "ADJ"})
_NO_EPITHET_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV", "NUM", "PART"})


def _epithet(word: str) -> bool:
    return word.endswith(_LATIN_ENDINGS) and word not in _ENGLISH
