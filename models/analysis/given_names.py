"""Given names of many languages, to tell a person's full name from an organisation's ("Jean Cocteau", "Sophie
Dymoke", which the small model types ORG).

The names come from the person providers of Faker (MIT): its lists of first names for some eighty locales. A name
counts only when at least two locales list it, in Latin script: that keeps the names people share across languages
("Anna", "Giovanni", "Jean") and drops each list's oddities ("General", "Royal", "King", "Long" are in one list
each). The set is read once per process, on first use, from the installed package; without it the set is empty and
nothing changes.

A name matches with or without its accents: "Siméon" is the lists' "Simeon", "Zoe" their "Zoë".
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence

from models.analysis.entity_types import NAME_HEAD_WORDS, PLACE_FIRST_WORDS

_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_romanized_names")
MIN_LOCALES = 2


def _latin(name: str) -> bool:
    return all(ch in "-'’. " or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def without_accents(name: str) -> str:
    """The name with its combining marks taken off ("Siméon" → "Simeon", "Zoë" → "Zoe")."""
    if name.isascii():
        return name
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", name)
                                                if not unicodedata.combining(ch)))


class GivenNames(frozenset[str]):
    """A set of given names that also holds each name written without its accents."""

    def __contains__(self, name: object) -> bool:
        return frozenset.__contains__(self, name) or (
            isinstance(name, str) and not name.isascii() and frozenset.__contains__(self, without_accents(name)))


@functools.cache
def given_names() -> GivenNames:
    """First names in at least :data:`MIN_LOCALES` locales' lists, as written ("Jean", "Siméon") and without their
    accents."""
    try:
        people = importlib.import_module("faker.providers.person")
    except ImportError:  # pragma: no cover - a dependency of the package
        return GivenNames()
    counts: Counter[str] = Counter()
    for info in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{info.name}").Provider
        names: set[str] = set()
        for attribute in _ATTRIBUTES:
            value = getattr(provider, attribute, None)
            if isinstance(value, (list, tuple, dict)):
                names.update(n for n in value if isinstance(n, str) and n[:1].isupper() and _latin(n))
        counts.update(names)
    shared = {n for n, c in counts.items() if c >= MIN_LOCALES}
    return GivenNames(shared | {without_accents(n) for n in shared})


def given_name_first(words: Sequence[str], not_people: Collection[str]) -> bool:
    """Two or three capitalised words, the first a given name of many languages and none a name in ``not_people``
    (the places the text names, say), nor a word that heads an organisation's, a place's or an event's name or
    describes one ("Jordan Brand", "Grant Thornton LLP", "Victoria Station", "Gibson Southern")."""
    if not 2 <= len(words) <= 3 or words[0] not in given_names() or words[0].lower() in _NOT_GIVEN \
            or any(w in not_people for w in words):
        return False
    for w in words:
        low = w.lower()
        if not (w[:1].isupper() and w[1:2].islower()) or low in _NOT_SURNAMES:
            return False
    return True


_NOT_SURNAMES = NAME_HEAD_WORDS | frozenset(
    """
    hotel motel inn hostel resort restaurant cafe café bar pub grill place paralympics experience show project studio
    studios records productions entertainment media pictures films music sport sports southern northern eastern
    western central national international global united general royal american regional memorial state federal
    platforms systems devices technologies holdings industries enterprises solutions partners laboratories
    pharmaceuticals therapeutics motors brands networks communications ventures investments securities
    """.split()  # the trade words of companies' names: "Meta Platforms" is no Meta's surname
)
# Seasons, and the first words of places named after saints and forts ("Santa Ana", "San Jose", "Fort Lee")
_NOT_GIVEN = PLACE_FIRST_WORDS | frozenset({"spring", "summer", "autumn", "fall", "winter", "santa", "san", "são",
                                            "sao", "saint", "st", "st.", "sainte", "los", "las", "el", "la", "le"})
