"""Organisations the model's spans cut wrong the other way: two taken for one ("the parent of Facebook and
Instagram"), and one named with its country taken for the country ("Parkinson's UK")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate, name_key
from models.analysis.entity_types import DETERMINERS, is_title_word
from models.analysis.headlines import in_headline
from models.analysis.known_names import KNOWN_ORGANISATIONS

_AND_OR = re.compile(r" (?:and|or) ")


def organisations_apart(candidates: Sequence[Candidate]) -> list[Candidate]:
    """An organisation of the model that is two joined by "and" or "or" ("the parent of Facebook and Instagram"):
    two, when each part is one the news names every day or one the text names alone ("Procter and Gamble", "Marks
    and Spencer", "Avon and Somerset Police" stay one)."""
    alone = {name_key(c.text) for c in candidates}
    out: list[Candidate] = []
    for c in candidates:
        joint = _AND_OR.search(c.text) if c.type == "ORGANIZATION" else None
        if joint is not None and len(_AND_OR.findall(c.text)) == 1:
            left, right = c.text[: joint.start()], c.text[joint.end() :]
            if all(p[:1].isupper() and (name_key(p) in KNOWN_ORGANISATIONS or name_key(p) in alone)
                   for p in (left, right)):
                out.append(Candidate(c.start, c.start + joint.start(), left, c.type, c.weak, "apart"))
                out.append(Candidate(c.start + joint.end(), c.end, right, c.type, c.weak, "apart"))
                continue
        out.append(c)
    return out


_COUNTRY_ENDS = frozenset({"UK", "U.K."})
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’-]*[^\S\n]){1,4})\Z")
_POSSESSIVE = re.compile(r"\w['’]s\Z")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:\n][\"'”’]?[^\S\n]*)\Z")


def organisations_ending_in_a_country(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """ "Parkinson's UK", "Alzheimer's Research UK", "the charity Brain Research UK": capitalised words written right
    before "UK" (the model's country) name an organisation with it when one of them is a possessive or, two or more,
    they do not open a sentence ("Meanwhile UK inflation …", "Diabetes UK" alone are left as they are); not in a
    title-case headline, nor when the words are a name of a person or a place the text gives ("London UK"), a
    determiner or a title ("the UK", "Prime Minister UK")."""
    out = list(candidates)
    for i, c in enumerate(candidates):
        if c.type != "PLACE" or c.text not in _COUNTRY_ENDS:
            continue
        run = _CAPITALISED_RUN.search(text, max(0, c.start - 60), c.start)
        if run is None or in_headline(text, c.start):
            continue
        words = run.group(1).split()
        while words and (words[0].lower() in DETERMINERS or is_title_word(words[0])):
            words = words[1:]
        if not words or is_title_word(words[-1]) or words[-1].lower() in _NOT_BEFORE_A_COUNTRY:
            continue
        start = c.start - len(" ".join(words)) - 1
        if not any(_POSSESSIVE.search(w) for w in words) and (
            len(words) < 2 or _SENTENCE_BEFORE.search(text, max(0, start - 4), start)
        ):
            continue
        if any(o.type in ("PERSON", "PLACE") and o.start < c.start and o.end > start for o in candidates):
            continue
        out[i] = Candidate(start, c.end, text[start : c.end], "ORGANIZATION", False, "country end")
    taken = [(c.start, c.end) for c in out if c.source == "country end"]
    return [c for c in out if c.source == "country end" or not any(s <= c.start and c.end <= e for s, e in taken)]


# Words before a country that do not name anything with it ("across UK", "Made in UK", "Visit UK").
_NOT_BEFORE_A_COUNTRY = frozenset({"in", "across", "from", "to", "of", "for", "and", "or", "visit", "made", "by",
                                   "throughout", "within", "outside", "into", "via"})
