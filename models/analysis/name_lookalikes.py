"""Words the model takes for names that are not names of people, organisations or places: a part of a document
before its number ("Figure 2", "Chapter IV"), a month's or a day's name, an era ("AD 842") and the name of an award
("the Royal Gold Medal", "the Golden Bear"); the labels a block opens with in capitals ("BREAKING NEWS:")."""

from __future__ import annotations

import re

from models.analysis.aliases import Candidate
from models.analysis.phrase_types import PERSON_NOUNS

# A part of a document and its number ("Figure 2", "Table 3b", "Rule 26.1", "Chapter IV"): a reference, no name.
_DOCUMENT_PARTS = frozenset(
    "figure fig. table chapter section appendix rule article paragraph page step exhibit tab volume part schedule "
    "clause annex".split()
)
_PART_NUMBER = re.compile(r" (?:\d|[IVX]+\b|[A-Z]\b)")


# Names of months and days: a date's words, never a place's or an organisation's name ("in October"). A person
# may bear one ("June", "April"), so only those the model typed a place or an organisation go.
CALENDAR_WORDS = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday".split()
)


# An era after a year or a century ("the 7th century BC", "AD 842", "AD842"): part of a date, no organisation.
_ERA = re.compile(r"^(?:BC|AD|BCE|CE|B\.C\.|A\.D\.)(?:\d{1,4})?$")


def document_part(c: Candidate, text: str) -> bool:
    """A word naming a part of a document before its number ("in Figure 2", "under Rule 26.1"), whatever the model
    called it; a month's or a day's name the model took for a place or an organisation ("in October"); an era
    ("century BC", "AD842")."""
    if c.text in CALENDAR_WORDS and c.type in ("PLACE", "ORGANIZATION"):
        return True
    if _ERA.match(c.text):
        return True
    if _NUMBERED_PART.fullmatch(c.text) and c.text.split()[0].lower() in _DOCUMENT_PARTS:
        return True  # "Chapter IV", "Part 2" the model took with its number
    return " " not in c.text and c.text.lower() in _DOCUMENT_PARTS and _PART_NUMBER.match(text, c.end) is not None


_NUMBERED_PART = re.compile(r"[A-Z][A-Za-z]{2,9}\.? (?:\d{1,3}[a-z]?|[IVXLC]{1,6}|One|Two|Three|Four|Five|Six|"
                            r"Seven|Eight|Nine|Ten|Eleven|Twelve)")


# Head words of the names of awards ("Royal Gold Medal", "Prize for Fiction", "Award for Best Actress").
_AWARD_HEADS = frozenset({"award", "prize", "medal", "trophy", "medallion"})
_GOLDEN_AWARDS = frozenset({"golden bear", "golden lion", "golden globe", "golden globes", "golden palm",
                            "golden raspberry", "golden ball", "golden boot", "golden shell", "silver bear"})


def is_award(name: str) -> bool:
    """The name of an award, not of who gives it: its head word is "Award", "Prize", "Medal" … (last, or before
    "for" / "of"), or it is a category "Best" + a kind of person ("Best Actress", "Best Director")."""
    words = [w.lower().strip(",.;:") for w in name.split()]
    if len(words) < 2:
        return False
    if " ".join(words) in _GOLDEN_AWARDS:
        return True  # "the Golden Bear", "a Golden Globe"
    if words[0] == "best" and words[-1] in PERSON_NOUNS | {"film", "picture", "album", "song", "novel"}:
        return True
    for i, word in enumerate(words[1:], 1):
        if word in _AWARD_HEADS and (i == len(words) - 1 or words[i + 1] in ("for", "of")):
            return True
    return False


# Labels a headline or a block opens with in capitals, the way a dateline does ("BREAKING NEWS:", "EXCLUSIVE –"), and
# the openings of a proclamation's clauses ("WHEREAS, …", "NOW, THEREFORE, …").
KICKERS = frozenset("""
    breaking news exclusive update updated watch video live opinion analysis editorial review photos photo just
    alert developing sponsored advertisement explainer interview podcast correction report whereas now therefore
    resolved
""".split())
