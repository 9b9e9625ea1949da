"""People across the library: a surname written alone in one article ("Trump") and the full name another article
writes ("Donald Trump") are one person of the library when that full name is, by far, the library's person of
that surname.

Within an article, :mod:`models.analysis.aliases` already joins a lone surname to the article's one full name.
An article that never writes the full name keeps the surname as its entity; the library-wide features (the entity
index, a dossier, the "in N articles" counts, the timeline of an entity) then read it as the full name's, when
the library's articles name one person of that family name at least :data:`OWNER_RATIO` times as often as any
other. "Kim" stays alone in a library that names Kim Jong-un, Kim Yo-jong and Kim Jae-won about as often.
Functions of names and counts only: the store asks its tables, the reference scan counts the analyses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from models.analysis.corrections import key_of
from models.analysis.entity_types import NAME_SUFFIXES

# The full name of a family name is the library's person of that name when it is in this many times as many
# articles as the next full name of the same family name.
OWNER_RATIO = 3

# Family names written first in Chinese and Korean names ("Xi Jinping", "Liu He", "Moon Jae-in", "Lee Kuan Yew").
_FAMILY_FIRST = frozenset("""
li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng
deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao xi tsai chiang wen kim
lee park choi jung jeong kang cho yoon jang lim shin moon ri yi oh seo kwon hwang ahn
""".split())
# Of those, the ones English speakers also have as given names ("Kim Kardashian", "Lee Smith"): first only before a
# given name written as syllables ("Kim Jong-un", "Lee Kuan Yew").
_ALSO_GIVEN = frozenset({"kim", "lee", "lin", "han", "park", "song", "shin", "ma"})
_SYLLABLES = re.compile(r"^[A-Za-z][a-z]{0,4}(?:[-‐][a-z]{1,5})?$")


def family_name(name: str) -> str:
    """The family name of a person's name as written: the last word ("Trump" of "Donald Trump", "Carlineo" of
    "Patrick Carlineo Jr."), or the first of a Chinese or Korean name ("Xi" of "Xi Jinping", "Kim" of "Kim
    Jong-un"; "Kim Kardashian" is a Kardashian). A name of one word is its own."""
    words = [w for w in name.split() if w.lower().rstrip(".,") not in NAME_SUFFIXES] or name.split()
    if not words:
        return name
    first = words[0].lower()
    if first in _FAMILY_FIRST and 2 <= len(words) <= 3:
        rest = words[1:]
        syllables = all(_SYLLABLES.match(w) for w in rest) and (len(rest) == 2 or "-" in rest[0] or "‐" in rest[0])
        if first not in _ALSO_GIVEN or syllables:
            return words[0]
    return words[-1]


def surname_owners(people: Mapping[str, int] | Iterable[tuple[str, int]]) -> dict[str, str]:
    """For the people of a library as (name, articles) — one entry per PERSON key — the surname keys written alone
    that belong to one full name: {surname key: full name key}. A full name owns its family name when its
    articles are at least :data:`OWNER_RATIO` times those of any other full name with that family name."""
    pairs = list(people.items()) if isinstance(people, Mapping) else list(people)
    keys = {key_of(name, "PERSON")[0]: int(n) for name, n in pairs}
    by_family: dict[str, list[tuple[int, str]]] = {}
    for name, n in pairs:
        key = key_of(name, "PERSON")[0]
        if len(key.split()) < 2:
            continue
        family = key_of(family_name(name), "PERSON")[0]
        if family != key and family in keys:
            by_family.setdefault(family, []).append((int(n), key))
    out = {}
    for family, fulls in by_family.items():
        fulls.sort(key=lambda x: (-x[0], x[1]))
        top = fulls[0][0]
        second = fulls[1][0] if len(fulls) > 1 else 0
        if top > 0 and top >= OWNER_RATIO * second:
            out[family] = fulls[0][1]
    return out


def person_groups(owners: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Each key of a person that is joined to another, with every key of its group ({"trump": {"trump", "donald
    trump"}, "donald trump": the same})."""
    members: dict[str, set[str]] = {}
    for surname, full in owners.items():
        members.setdefault(full, {full}).add(surname)
    out: dict[str, frozenset[str]] = {}
    for keys in members.values():
        group = frozenset(keys)
        for k in keys:
            out[k] = group
    return out
