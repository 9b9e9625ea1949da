"""Alias merging within one article: which mentions name the same entity.

Pure functions over plain values (no spaCy), in passes ordered from the most to the least certain, so that a
doubtful pass only ever sees what the certain ones left:

1. the same name, ignoring case, possessives, full stops of abbreviations and corporate suffixes ("MOSCOW" =
   "Moscow", "Apple Inc." = "Apple", "U.S." = "US");
2. acronyms: a parenthesised acronym right after its expansion, or an acronym equal to the initials of exactly one
   longer name ("USAF" = "United States Air Force");
3. a surname or first name alone → the one full person name of the article that ends (or starts) with it;
4. an organisation or place name contained in exactly one longer name of the same type, as its first words
   (organisations only: "Lockheed" → "Lockheed Martin") or sharing its last word ("Ministry of Foreign Affairs" →
   "Japanese Ministry of Foreign Affairs").

A merge that would be ambiguous (two "Mann"s, "Apple Corps" beside "Apple Computer") is never made.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from models.analysis.entity_types import (
    APOSTROPHES,
    BUILDING_HEADS,
    CORPORATE_SUFFIXES,
    DETERMINERS,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    is_shouted,
    is_title_word,
    strip_possessive,
)

_SURNAME_PARTICLES = frozenset({"da", "di", "do", "dos", "das", "della", "den", "ter", "ten", "bin", "ibn", "al", "el"})
SHORT_FIRST_NAME = 3  # letters of the shortest short form of a first name that is matched ("Pat", not "Jo")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One mention as the recogniser saw it: the exact surface form at ``[start, end)`` and a type."""

    start: int
    end: int
    text: str
    type: str
    weak: bool = False  # the type is a guess (a part of "Abe-Putin", a label the model often confuses)
    source: str = "model"  # "model" (a span of the statistical model) or the rule that found or retyped it


@dataclass(slots=True)
class Cluster:
    members: list[Candidate] = field(default_factory=list)
    name: str = ""
    type: str = ""

    @property
    def first(self) -> int:
        return min(m.start for m in self.members)


def name_words(text: str) -> list[str]:
    """Words of a name without the possessive of the whole name ("Apple's" → "Apple"; "People's Daily" keeps its
    own), leading determiners and corporate suffixes."""
    return list(_name_words(text))


@lru_cache(maxsize=8192)  # the merging passes ask for the words of the same few hundred names over and over
def _name_words(text: str) -> tuple[str, ...]:
    words = [w.strip(",;:") for w in text.split()]
    words = [w for w in words if w]
    if words:
        words[-1] = strip_possessive(words[-1])
    words = [w for w in words if w]
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    # "Mr. Roberts" is "Roberts"; "St. Louis" and "St. Barnabas Church" are never "Louis" and "Barnabas Church"
    while len(words) > 1 and words[0].lower() in HONORIFICS and words[0].lower() not in _SAINT:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in CORPORATE_SUFFIXES:
        words = words[:-1]
    return tuple(words)


_SAINT = frozenset({"st", "st.", "saint"})


def _word_key(word: str) -> str:
    word = word.casefold().replace(".", "")  # "U.S." = "US", "Inc." = "Inc"
    if word == "saint":
        return "st"  # "Saint Kitts" = "St. Kitts"
    for mark in APOSTROPHES:
        word = word.replace(mark, "'")
    return word


# The states of the United States as the press abbreviates them after a town ("Cape Canaveral, Fla."): the state.
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """Comparison key: two mentions with the same key name the same thing. A company's "Group" is left out too
    ("The Carlyle Group" … "Carlyle, which held a stake"), though it stays in the name shown. A state's
    abbreviation is the state ("Fla." is "Florida")."""
    text = STATE_ABBREVIATIONS.get(text, text)
    words = _name_words(text)
    if len(words) > 1 and words[-1] == "Group":
        words = words[:-1]
    keys = [_word_key(w) for w in words]
    if len(keys) > 1 and keys[0] == "st":
        keys = keys[1:]  # "Saint Jerome" is "Jerome" (while the name shown keeps its "St.": "St. Louis")
    return " ".join(keys)


def strip_titles(text: str) -> str:
    """A person's name without the titles and roles before it ("Russian President Vladimir Putin" → "Vladimir
    Putin"); a name that is nothing but titles ("Martin Luther King" is not one) is returned unchanged."""
    words = text.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        rest = [w for w in words[i + 1 :] if w.lower() not in NAME_SUFFIXES]
        if (is_title_word(word) or word[:1].islower()) and rest and not all(is_title_word(w) for w in rest):
            cut = i + 1
    return " ".join(words[cut:])


def acronym_letters(text: str) -> str | None:
    """``"USAF"`` for "USAF", ``"US"`` for "U.S."; None when the name is not written as an acronym."""
    words = text.split()
    if len(words) != 1:
        return None
    letters = strip_possessive(words[0]).replace(".", "").replace("&", "")
    if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper():
        return letters
    return None


def initials(text: str) -> str:
    """Initials of the capitalised words of a name, particles skipped ("Ministry of Foreign Affairs" → "MFA")."""
    return "".join(w[0].upper() for w in name_words(text) if w.lower() not in NAME_PARTICLES and w[:1].isalpha())


def canonical_name(forms: Iterable[str], acronyms: Collection[str] = ()) -> str:
    """The longest proper full form: most words, then most letters; normal case preferred over capitals, except
    the ``acronyms``: forms in capitals the text writes inside its sentences ("UNICEF has signed")."""
    cleaned = [" ".join(name_words(f)) for f in forms]
    cleaned = [c for c in cleaned if c]
    if not cleaned:
        return ""
    normal = [c for c in cleaned if not _shouted_name(c) or c in acronyms]
    pool = normal or cleaned
    pool = [c for c in pool if c != c.lower()] or pool  # "Ubisoft" over the "ubisoft" of a forum post
    counts = Counter(pool)
    best = max(pool, key=lambda c: (len(c.split()), len(c), counts[c]))
    if best == best.lower():  # only in lower case ("canada", "uk"): written as a name
        return best.upper() if len(best) <= 3 else best.title()
    if normal:
        # a fuller form written only in capitals ("ELIZABETH B. PRELOGAR" beside "Prelogar"), in normal case
        words = set(best.lower().split())
        fuller = [c for c in cleaned if c not in normal and len(c.split()) > len(best.split())
                  and words <= set(c.lower().split())]
        if not fuller:
            return best
        best = max(fuller, key=lambda c: (len(c.split()), len(c)))
    phrase = len(best.split()) > 1
    return " ".join(w.capitalize() if is_shouted(w) or phrase and _plain_word(w) else w for w in best.split())


def _plain_word(word: str) -> bool:
    """A word, not an acronym: four letters or more, or three with a vowel ("NEW", "LOS"; not "BBC")."""
    return word.isalpha() and (len(word) >= 4 or len(word) == 3 and any(ch in "AEIOU" for ch in word))


def _shouted_name(name: str) -> bool:
    """Every word in capitals as a dateline writes them: each long word ("MOSCOW"), or a name of several words with
    seven letters or more ("NEW YORK", "CAPE CANAVERAL"; not "US EPA", an acronym's)."""
    words = name.split()
    if all(is_shouted(w) or not any(ch.isalpha() for ch in w) for w in words):
        return True
    letters = [ch for ch in name if ch.isalpha()]
    return len(words) > 1 and len(letters) >= 7 and all(ch.isupper() for ch in letters) \
        and any(len(w) >= 4 and _plain_word(w) for w in words)


def parenthetical_pairs(text: str, candidates: Sequence[Candidate]) -> list[tuple[int, int]]:
    """Index pairs ``(long, acronym)`` written as "United States Air Force (USAF)" in ``text``."""
    by_end = {c.end: i for i, c in enumerate(candidates)}
    pairs = []
    for j, c in enumerate(candidates):
        letters = acronym_letters(c.text)
        if letters is None or text[c.start - 1 : c.start] != "(" or text[c.end : c.end + 1] != ")":
            continue
        before = c.start - 1
        while before > 0 and text[before - 1] == " ":
            before -= 1
        i = by_end.get(before)
        if i is not None and i != j and initials(candidates[i].text)[:1] == letters[0]:
            pairs.append((i, j))
    return pairs


class _Sets:
    """Union-find over candidate indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out


def _vote(members: Sequence[Candidate]) -> str:
    strong = [m for m in members if not m.weak] or list(members)
    counts = Counter(m.type for m in strong)
    top = max(counts.values())
    return next(m.type for m in strong if counts[m.type] == top)  # ties: the earliest mention's type


def _cluster_type(members: Sequence[Candidate]) -> str:
    """The type of the fullest form (an acronym or a surname is the doubtful one), else the majority."""
    longest = max(len(name_words(m.text)) for m in members)
    full = [m for m in members if len(name_words(m.text)) == longest]
    return _vote(full)


def _unique(found: set[int]) -> int | None:
    return next(iter(found)) if len(found) == 1 else None


def _only_one_introduced(idx: Sequence[int], people: set[int], groups: dict[int, list[int]],
                         candidates: Sequence[Candidate]) -> int | None:
    """Of several people with the surname of the mentions ``idx``, the one named in full before all of them when the
    others are named only after the last ("Quincy Jones … Jones grew up … Jones produced … the actress Rashida
    Jones"): whom the surname means."""
    if len(people) < 2:
        return None
    first, last = min(candidates[i].start for i in idx), max(candidates[i].start for i in idx)
    before = [p for p in people if min(candidates[i].start for i in groups[p]) < first]
    after = [p for p in people if min(candidates[i].start for i in groups[p]) > last]
    return before[0] if len(before) == 1 and len(before) + len(after) == len(people) else None


INSIDE_A_NAME = "inside a name"  # the source of a place's mention written inside an organisation's name


def merge_aliases(candidates: Sequence[Candidate], text: str = "") -> list[Cluster]:
    """Group ``candidates`` into entities, sorted by first mention. ``text`` (the article) enables the
    "Expansion (ACRONYM)" pass. A place written inside an organisation's name ("Copenhagen" in "University of
    Copenhagen") joins only the place of that name, never the organisation, nor a name the model typed otherwise."""
    inside = [c for c in candidates if c.source == INSIDE_A_NAME]
    if not inside:
        return _merged(candidates, text)
    clusters = _merged([c for c in candidates if c.source != INSIDE_A_NAME], text)
    places = {name_key(m.text): cl for cl in clusters if cl.type == "PLACE" for m in cl.members}
    for c in inside:
        cluster = places.get(name_key(c.text))
        if cluster is None:
            cluster = places[name_key(c.text)] = Cluster([], library_name(canonical_name([c.text]), "PLACE"), "PLACE")
            clusters.append(cluster)
        cluster.members.append(c)
    for cluster in clusters:
        cluster.members.sort(key=lambda m: (m.start, m.end))
    clusters.sort(key=lambda c: c.first)
    return clusters


def _merged(candidates: Sequence[Candidate], text: str) -> list[Cluster]:
    n = len(candidates)
    sets = _Sets(n)
    keys = [name_key(c.text) for c in candidates]

    # 1. same name
    first_of: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key:
            sets.union(first_of.setdefault(key, i), i)

    def current() -> dict[int, list[int]]:
        return sets.groups()

    # 2. acronyms, and the short names the press gives some bodies ("the Fed" is the Federal Reserve)
    for i, j in parenthetical_pairs(text, candidates) if text else []:
        sets.union(i, j)
    for i, c in enumerate(candidates):
        full = ORG_SHORT_NAMES.get(c.text)
        if full is not None and c.type == "ORGANIZATION" and name_key(full) in first_of:
            sets.union(first_of[name_key(full)], i)
    groups = current()
    expansions: dict[str, set[int]] = {}
    for root, idx in groups.items():
        for i in idx:
            if len(name_words(candidates[i].text)) >= 2:
                expansions.setdefault(initials(candidates[i].text), set()).add(root)
    for root, idx in groups.items():
        letters = {acronym_letters(candidates[i].text) for i in idx
                   if candidates[i].text not in STATE_ABBREVIATIONS} - {None}  # "S.D." is South Dakota already
        for acronym in letters:
            target = _unique(expansions.get(str(acronym), set()) - {root})
            if target is not None:
                sets.union(root, target)

    # 3. surnames and first names; first the full names that differ only in middle names ("Eugene Nida" =
    # "Eugene A. Nida")
    groups = current()
    types = {root: _cluster_type([candidates[i] for i in idx]) for root, idx in groups.items()}
    ends: dict[tuple[str, str], set[int]] = {}
    for root, idx in groups.items():
        if types[root] != "PERSON":
            continue
        for i in idx:
            words = [w for w in name_words(candidates[i].text) if w.lower() not in NAME_SUFFIXES]
            if len(words) >= 2 and len(words[0].rstrip(".")) > 1:
                ends.setdefault((_word_key(words[0]), _word_key(words[-1])), set()).add(root)
    for roots in ends.values():
        first, *rest = sorted(roots)
        for other in rest:
            sets.union(first, other)
    # … and a short form of the first name with the same surname, when it fits exactly one ("Pat Carlineo" =
    # "Patrick Carlineo Jr."; "Ann Lee" stays apart when there are both an "Anna Lee" and an "Anne Lee")
    firsts_by_last: dict[str, dict[str, set[int]]] = {}
    for (first_name, last_name), roots in ends.items():
        firsts_by_last.setdefault(last_name, {}).setdefault(first_name, set()).update(roots)
    for firsts in firsts_by_last.values():
        for short, roots in firsts.items():
            longer = [f for f in firsts if f != short and f.startswith(short)]
            if len(short) >= SHORT_FIRST_NAME and len(longer) == 1:
                sets.union(min(roots), min(firsts[longer[0]]))
    groups = current()
    types = {root: _cluster_type([candidates[i] for i in idx]) for root, idx in groups.items()}
    by_last: dict[str, set[int]] = {}
    by_first: dict[str, set[int]] = {}
    org_prefixes: set[str] = set()
    for root, idx in groups.items():
        for i in idx:
            words = [w for w in name_words(candidates[i].text) if w.lower() not in NAME_SUFFIXES]
            if len(words) < 2:
                continue
            if types[root] == "PERSON":
                by_last.setdefault(_word_key(words[-1]), set()).add(root)
                by_first.setdefault(_word_key(words[0]), set()).add(root)
            elif types[root] == "ORGANIZATION":
                org_prefixes.add(_word_key(words[0]))
    for root, idx in groups.items():
        forms = {keys[i] for i in idx}
        if len(forms) != 1 or len(next(iter(forms)).split()) != 1:
            continue
        key = next(iter(forms))
        kind = types[root]
        person_like = kind == "PERSON" or (kind == "ORGANIZATION" and key not in org_prefixes)
        if not person_like and not all(candidates[i].weak for i in idx):
            continue
        target = _unique(by_last.get(key, set()) - {root})
        if target is None and kind == "PERSON":
            target = _only_one_introduced(idx, by_last.get(key, set()) - {root}, groups, candidates)
        if target is None and kind == "PERSON" and not by_last.get(key):
            target = _unique(by_first.get(key, set()) - {root})
        if target is not None:
            sets.union(root, target)
    # … and a surname of several words that begins with a particle ("Van Der Beek" → "James Van Der Beek")
    groups = current()
    types = {root: _cluster_type([candidates[i] for i in idx]) for root, idx in groups.items()}
    tails: dict[tuple[str, ...], set[int]] = {}
    for root, idx in groups.items():
        if types[root] == "PERSON":
            for i in idx:
                parts = tuple(w for w in keys[i].split() if w not in NAME_SUFFIXES)
                for n in range(2, len(parts)):
                    tails.setdefault(parts[-n:], set()).add(root)
    for root, idx in groups.items():
        spellings = {tuple(keys[i].split()) for i in idx}
        if types[root] != "PERSON" or len(spellings) != 1:
            continue
        tail = next(iter(spellings))
        if len(tail) >= 2 and tail[0] in NAME_PARTICLES | _SURNAME_PARTICLES:
            target = _unique(tails.get(tail, set()) - {root})
            if target is not None:
                sets.union(root, target)

    # 4. organisation and place names inside a longer one of the same type
    groups = current()
    types = {root: _cluster_type([candidates[i] for i in idx]) for root, idx in groups.items()}
    words_of = {root: {tuple(keys[i].split()) for i in idx if keys[i]} for root, idx in groups.items()}
    for root in groups:
        kind = types[root]
        if kind == "OTHER" and len(words_of[root]) == 1 and len(nick := next(iter(words_of[root]))) == 1 \
                and re.search(r"[^su]s$", nick[0]) and not nick[0].endswith("ics"):
            # "Ravens" (to the model a people's name) after or before "the Baltimore Ravens": a team's plural short
            # name (not "Linguistics" of a "Department of Linguistics", nor "Sentra" of a "Nissan Sentra")
            target = _unique({other for other, longs in words_of.items() if types[other] == "ORGANIZATION"
                              and any(len(long) >= 2 and long[-1] == nick[0] for long in longs)})
            if target is not None:
                sets.union(root, target)
            continue
        if kind not in ("ORGANIZATION", "PLACE", "EVENT"):
            continue
        shorts = words_of[root]
        found: set[int] = set()
        first_short = min(candidates[i].start for i in groups[root])
        for other, longs in words_of.items():
            if other == root or types[other] != kind:
                continue
            if (
                kind == "ORGANIZATION"
                and first_short < min(candidates[i].start for i in groups[other])
                and not all(_org_extension(s, long) for s in shorts for long in longs)
            ):
                continue  # named on its own before the longer name: "Apple" … "Apple Arcade" are two things
            if any(_contains(s, long, kind) for s in shorts for long in longs):
                found.add(other)
        target = _unique(found)
        if target is not None:
            sets.union(root, target)

    clusters = []
    for idx in current().values():
        members = sorted((candidates[i] for i in idx), key=lambda m: (m.start, m.end))
        kind = _cluster_type(members)
        # a dateline's capitals are no acronym, however short the town's name ("KYIV, Ukraine (Reuters) -")
        typed = [m.text.title() if m.source == "dateline" and m.text.isupper() else m.text
                 for m in members if m.type == kind] or [m.text for m in members]
        acronyms = {m.text for m in members if m.text.isupper() and " " not in m.text and _in_running_text(m, text)}
        clusters.append(Cluster(members, library_name(canonical_name(typed, acronyms), kind), kind))
    clusters.sort(key=lambda c: c.first)
    return clusters


_LOWER_WORD_BEFORE = re.compile(r"[a-z][\w'’]*[ \t,]*\Z")
_LOWER_WORD_AFTER = re.compile(r"[ \t,]*[a-z]")


def _in_running_text(m: Candidate, text: str) -> bool:
    """A word in capitals written inside a sentence, a lower-case word next to it: an acronym ("spinning off MSNBC",
    "UNICEF has signed"), not a dateline's shouted town ("MOSCOW – On Jan. 22")."""
    return bool(_LOWER_WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
                or _LOWER_WORD_AFTER.match(text, m.end))


# Countries the press names by their initials, however the initials are written: under these names they are one
# entity across the articles of a library, whether an article says "U.S.", "US", "USA" or "United States".
COUNTRY_INITIALS = {
    "US": "United States", "USA": "United States", "UK": "United Kingdom", "UAE": "United Arab Emirates",
    "USSR": "Soviet Union", "DRC": "Democratic Republic of the Congo", "DPRK": "North Korea", "PRC": "China",
}


# Organisations the press calls by a short name that is no acronym: one entity with the full name, in an article
# and across the library.
ORG_SHORT_NAMES = {"Fed": "Federal Reserve", "BoE": "Bank of England", "BoJ": "Bank of Japan",
                   "Bundesbank": "Deutsche Bundesbank", "Interpol": "International Criminal Police Organization"}


def library_name(name: str, kind: str) -> str:
    """The entity's name as the library files it, so that articles writing it differently meet in one entity:
    an acronym without its full stops ("U.N." → "UN", "F.B.I." → "FBI"; one house style writes them, another
    does not) and a country named by its initials under its name ("U.S." → "United States"). People keep their
    initials as written ("J.R.")."""
    if kind == "PERSON":
        return name
    if kind == "ORGANIZATION" and name in ORG_SHORT_NAMES:
        return ORG_SHORT_NAMES[name]
    if kind == "PLACE" and name in STATE_ABBREVIATIONS:
        return STATE_ABBREVIATIONS[name]
    letters = acronym_letters(name)
    if letters is None or letters != name.replace(".", ""):
        return name  # not an acronym, or one with a possessive or an ampersand ("AT&T"): left as it is
    if kind == "PLACE" and letters in COUNTRY_INITIALS:
        return COUNTRY_INITIALS[letters]
    return letters


# The words that open a storm's name: the storm is then called by its given name alone ("Hurricane Ida" … "Ida").
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tropical", "super", "superstorm", "tornado"})


def island_group_plural(name: str) -> str | None:
    """What an island group is called by in the plural: "Chathams" of "Chatham Islands", else None."""
    words = name.split()
    if len(words) == 2 and words[1] in ("Islands", "Isles") and words[0][:1].isupper() and not words[0].endswith("s"):
        return words[0] + "s"
    return None


def company_short_form(name: str) -> str | None:
    """The first word of a company's name that only adds what a company calls itself ("Nordwind" of "Nordwind
    Energy", "Tata" of "Tata Motors"), else None."""
    words = name_words(name)  # "Helix Biotherapeutics, Inc." is "Helix Biotherapeutics"
    if len(words) < 2 or not words[0][:1].isupper():
        return None  # not a school's or a university's head word: "Exeter" of "Exeter School" is the town
    rest = [_word_key(w) for w in words[1:]]
    return words[0] if all(w in CORPORATE_SUFFIXES or w in _COMPANY_WORDS or w == "group" for w in rest) else None


def _org_extension(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The longer name only adds what an organisation calls itself ("Aer Lingus" → "Aer Lingus Group")."""
    if long[: len(short)] != short:
        return True
    return all(w in ORG_HEADS or w in CORPORATE_SUFFIXES or w in _COMPANY_WORDS for w in long[len(short) :])


# Words a company adds to its short name in its full one ("Apple Computer", "Sony Group", "Tata Motors").
_COMPANY_WORDS = frozenset(
    {"holdings", "co", "computer", "computers", "systems", "technologies", "technology", "industries",
     "international", "motors", "enterprises", "brands", "partners", "capital", "communications", "labs",
     "entertainment", "media", "pharmaceuticals", "energy", "resources", "ai", "therapeutics", "biotherapeutics",
     "biosciences", "biotech", "pharma", "robotics", "software", "solutions", "networks", "semiconductor",
     "semiconductors", "airlines", "airways", "financial", "ventures"}
)


def _contains(short: tuple[str, ...], long: tuple[str, ...], kind: str) -> bool:
    if not short or len(short) >= len(long):
        return False
    if kind == "EVENT":  # "Ida" after "Hurricane Ida"; other events' parts are other events ("the World Cup")
        return len(short) == 1 and long[-1] == short[0] and long[0] in STORM_WORDS
    if len(short) == 1 and kind == "PLACE" and short[0] in BUILDING_HEADS:
        return short[0] == long[-1]  # "the Statehouse" after "Indiana Statehouse" (never "York" in "New York")
    if len(short) == 1 and kind == "ORGANIZATION" and short[0] in ORG_HEADS and short[0] != "house":
        # "the Council" after "Hallowfield City Council", when it is the only one ("the House" is a chamber, seldom
        # the White House)
        return short[0] == long[-1]
    if len(short) == 1 and kind == "PLACE" and len(long) == 2 and long[1] in ("islands", "isles"):
        return short[0] == long[0] + "s"  # "the Chathams" of "the Chatham Islands", "the Shetlands"
    if len(short) == 1 and (short[0] in ORG_HEADS or short[0] in NAME_PARTICLES or kind == "PLACE"):
        return False
    if kind == "ORGANIZATION" and long[: len(short)] == short:
        return True
    if short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(word in it for word in short)  # an ordered subsequence sharing the last word
