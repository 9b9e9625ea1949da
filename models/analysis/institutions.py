"""Places named inside the names of institutions: the city, state or country a university is named after."""

from __future__ import annotations

import re

from models.analysis.entity_types import ORG_HEADS

# "University of X" in the languages of university names ("Universidade Federal de X"); X a place, unless a field
# of study ("University of Technology"). "at Y" and ", Y" after it name the campus's place ("University of California
# at Berkeley").
_UNIVERSITY_OF = re.compile(
    r"\b(?:University|Universidade|Universidad|Université|Universität|Università|Universiteit)(?: ([A-Z][a-z]+))? "
    r"(?:of|de|do|da|di|del|des|du|der|van) (?:the )?"
)
_CAMPUS = re.compile(r",? at |, ")
_FIELDS = frozenset(
    """
    technology science sciences arts art music medicine health law engineering applied economics business
    education agriculture design commerce pharmacy theology divinity nursing dentistry management humanities
    languages studies mines mining sport sports veterinary fine performing social political educación educação
    ciencias ciências tecnología tecnologia medicina ingeniería artes
    """.split()
)
_JOINING = frozenset({"and", "de", "del", "do", "da", "dos", "das", "di"})


def university_places(name: str) -> list[tuple[int, str]]:
    """(offset in ``name``, place) of each place a university's name holds: "Michigan" in "University of Michigan",
    "California" and "Berkeley" in "University of California at Berkeley", "Santa Catarina" in "Universidade Federal
    de Santa Catarina". Not a field of study ("University of Technology")."""
    if "Univ" not in name:
        return []
    m = _UNIVERSITY_OF.search(name)
    if m is None or (m.group(1) or "").lower() in ORG_HEADS:  # "University Library of the …": another name
        return []
    out = []
    at = m.end()
    for part in _CAMPUS.split(name[at:], maxsplit=1):
        begin = name.index(part, at)
        place = _capitalised_run(part)
        if place and "Univ" not in place and not any(w.lower() in _FIELDS for w in place.split()):
            out.append((begin, place))
        at = begin + len(part)
    return out


def _capitalised_run(words: str) -> str:
    """The capitalised words at the start of ``words``, with the small words between them ("Santa Catarina",
    "Rio de Janeiro"); "" when it does not start with one."""
    run: list[str] = []
    for w in words.split(" "):
        if w[:1].isupper() or (run and w in _JOINING):
            run.append(w)
        else:
            break
    while run and run[-1] in _JOINING:
        run.pop()
    return " ".join(run)


# A place named with the word for its kind of land or water, before it: "Isle of Skye", "Loch Ness", "Mount Sinai",
# "River Ouse", "City of Westminster". Written alone ("ferries to Skye"), the short name is the same place.
_FEATURE_NAME = re.compile(
    r"(?:Isle|Island|City|Borough|County|Lake|Loch|Lough|Mount|River)(?: of)? ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\Z"
)


def feature_places(name: str) -> str | None:
    """The short name of a place written with its kind first ("Skye" of "Isle of Skye", "Ness" of "Loch Ness"), or
    None."""
    m = _FEATURE_NAME.fullmatch(name)
    return m.group(1) if m else None
