"""Mentions made whole where the model cut a name in pieces: a place written with its region or postal state
("Oldham, Lancashire, England", "Tulsa, OK"), a name cut at a hyphen ("Bourg-la-Reine", "Botero-Moriaty"), an
organisation cut in two ("Lockheed" + "Martin"), a place cut at its particle ("Frankfurt am Main") and a force named
after two counties ("Avon and Somerset Police")."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from models.analysis.aliases import INSIDE_A_NAME, Candidate, name_key
from models.analysis.entity_types import (
    BUILDING_HEADS,
    CORPORATE_SUFFIXES,
    DETERMINERS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    PERSON_PARTICLES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    is_title_word,
)
from models.analysis.given_names import given_name_first, given_names
from models.analysis.world_cities import is_city, world_cities
from models.analysis.world_places import world_places

# After a place and its region: the end of a list ("Paris, France, Germany and Italy" is a list of countries).
# Matched right after a name; the look-behind keeps a search from trying every space of a long run.
_LIST_GOES_ON = re.compile(r"(?<!\s)(?:\s*(?:,\s*)?(?:and|or|&)\s|\s*,\s*[A-Z])")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s*$")
# A sentence opening with a place ("In Italy, …", "Meanwhile in Italy, …") and a lower-case word after the name
# that follows its comma: the name is the sentence's subject, not the place's region.
_INTRO_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][a-z]+,?\s+)?(?:[Ii]n|[Aa]t|[Ff]rom|[Aa]cross|[Tt]hroughout)\s+$",
                           re.MULTILINE)
_WORD_AFTER = re.compile(r" [a-z]")
# The postal code of a US state after a town ("Vinita, OK"), which the model does not take for a place.
_STATE_CODE = re.compile(
    r", (?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|"
    r"V[AT]|W[AIVY])(?![\w-])"
)
_MOST_IN_ADDRESS = 3  # "Oldham, Lancashire, England"; four names and more joined by commas are a list


def place_with_region(clusters: Sequence[Any], text: str) -> dict[int, int]:
    """A place written with its region or country ("Exeter, Devon", "Oldham, Lancashire, England", "Vinita, OK"):
    the place's mention spans the whole address after it (each region keeps its own mention), as a reader reads it.
    Not in a list of places ("France, Germany and Italy"), and a road is in no address ("I-244, I-44, US 169").
    Start of a mention → its new end."""
    places = sorted({m.start: m for c in clusters if c.type == "PLACE" for m in c.members
                     if m.source not in (INSIDE_A_NAME, "road")}.values(), key=lambda m: m.start)
    out: dict[int, int] = {}
    chains: list[list[Any]] = []
    for m in [*places, None]:
        if m is not None and chains and chains[-1] and m.start == chains[-1][-1].end + 2 \
                and text[chains[-1][-1].end : m.start] == ", " and not (is_city(m.text) and is_city(
                    chains[-1][-1].text)):  # "Constantinople, Marseilles": two cities, no city in its region
            chains[-1].append(m)
            continue
        chains.append([m] if m is not None else [])
    starts = {c[0].start: len(c) for c in chains if c}
    ends = {c[-1].end: len(c) for c in chains if c}
    for chain in chains:
        if chain:
            out.update(_address_ends(chain, text, starts, ends))
    return out


def _list_goes_on(text: str, end: int, starts: dict[int, int]) -> bool:
    """After a place and its region, more places follow as a list ("Paris, France, Germany and Italy"); not when
    what follows is no place ("Sochi, Russia, Wikinews …") or another place with its region ("Madrid, Spain and
    Brussels, Belgium")."""
    m = _LIST_GOES_ON.match(text, end)
    if m is None:
        return False
    nxt = m.end() - 1 if text[m.end() - 1 : m.end()].isupper() else m.end()
    return starts.get(nxt, 0) == 1


def _listed_after(text: str, start: int, ends: dict[int, int]) -> bool:
    """Before a place and its region, a list of places ("France, Germany and Italy, Spain"); not when the item
    before is itself a place with its region ("Madrid, Spain and Brussels, Belgium")."""
    m = _LIST_BEFORE.search(text, max(0, start - 6), start)
    if m is None:
        return False
    before = m.start()
    while before > 0 and text[before - 1] == " ":
        before -= 1
    return ends.get(before, 1) == 1


def _address_ends(chain: Sequence[Any], text: str, starts: dict[int, int], ends: dict[int, int]) -> dict[int, int]:
    first, last = chain[0], chain[-1]
    end = last.end
    code = _STATE_CODE.match(text, end)
    if code:
        end = code.end()
    if (len(chain) < 2 and not code) or len(chain) > _MOST_IN_ADDRESS or "\n" in text[first.start : end]:
        return {}
    if _list_goes_on(text, end, starts) or _listed_after(text, first.start, ends):
        return {}
    if not code and _INTRO_BEFORE.search(text, max(0, first.start - 30), first.start) \
            and _WORD_AFTER.match(text, end):
        return {}  # "Meanwhile in Italy, Orlando had walked out": the comma ends the opening phrase
    if any(m.text.split()[-1].lower() in _SITE_WORDS for m in chain[1:]):
        return {}  # "Newark Airport, LaGuardia Airport, Teterboro": sites are listed, regions contain
    return {m.start: end for m in (chain if code else chain[:-1])}


# Last words of the names of sites, which contain no other place: after a comma they begin a list, not an address.
_SITE_WORDS = PLACE_LAST_WORDS - {
    "county", "city", "province", "valley", "district", "region", "borough", "township", "heights", "island",
    "islands", "peninsula", "coast", "village",
}


# Small words inside a hyphenated name ("Bourg-la-Reine", "Naqsh-e Jahan", "Stratford-upon-Avon").
_HYPHEN_PARTICLES = NAME_PARTICLES | {"e", "i", "ye", "al", "el", "ul", "sur", "en", "les", "lès", "am", "an", "upon",
                                      "on", "di", "da", "do", "sous", "aux"}
_GLUED_AFTER = re.compile(r"(?:[-‐‑][^\W\d_][\w'’]*)+")
_GLUED_BEFORE = re.compile(r"(?<![\w-])[A-ZÀ-Þ][\w'’]+[-‐‑]$")


# What English writes after a hyphen following a name ("Trump-era", "Smith-led", "Cruz-backed"): no part of it.
_ENGLISH_AFTER_HYPHEN = frozenset("""
era led run like style type ish made born free less wide based owned backed proof ready sized level class grade
only old long time day week year years fan fans camp team side bound linked esque ist ite ian ism
""".split())
_POSSESSIVE = re.compile(r"['’]s$")


def _syllable_after(name: str, part: str) -> bool:
    """Whether ``part``, written after a hyphen at the end of the person's name ``name``, is the second syllable of
    a given name romanised from Korean or Chinese ("Kim Jong-un", "Moon Jae-in", "Lee Myung-bak", "Chiang
    Kai-shek"): a name of two words or more ending in a short word, and a short lower-case syllable that is no
    English word of the kind written after a hyphen."""
    core = _POSSESSIVE.sub("", part)
    words = name.split()
    return (len(words) >= 2 and len(words[-1]) <= 5 and 1 < len(core) <= 5 and core.isalpha() and core.islower()
            and core not in _ENGLISH_AFTER_HYPHEN)


def hyphenated_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A name the model cut at a hyphen is made whole: "Bourg" + "-la-Reine", "Naqsh" + "-e" + "Jahan Square", a
    place "Basse" + "-Terre", a person "Moriaty" after "Botero-", a given name "Kim Jong" + "-un". Not when the
    other part is a name of its own in the article ("Abe-Putin summit" names two people)."""
    known = {name_key(c.text) for c in candidates}
    by_start = {c.start: c for c in candidates}
    out: list[Candidate] = []
    swallowed: set[int] = set()
    for c in candidates:
        if c.start in swallowed:
            continue
        start, end = c.start, c.end
        if c.type in ("PERSON", "ORGANIZATION", "PLACE"):
            glued = _GLUED_AFTER.match(text, end)
            if glued:
                parts = re.split(r"[-‐‑]", glued.group())[1:]
                particles = [p.lower() in _HYPHEN_PARTICLES and p.islower() for p in parts]
                nxt = by_start.get(glued.end() + 1)
                if any(particles) and parts[-1][:1].isupper():
                    end = glued.end()  # "Bourg-la-Reine"
                elif all(particles) and nxt is not None and text[glued.end()] == " " and nxt.type == c.type:
                    end = nxt.end  # "Naqsh-e Jahan Square"
                elif len(parts) == 1 and parts[0][:1].isupper() and c.type == "PLACE" \
                        and name_key(parts[0]) not in known and len(parts[0]) >= 2 \
                        and text[glued.end() : glued.end() + 1] != ".":
                    end = glued.end()  # "Basse-Terre"; not "China-U.S. talks", two places
                elif len(parts) == 1 and c.type == "PERSON" and _syllable_after(c.text, parts[0]):
                    end = glued.end() - (len(parts[0]) - len(_POSSESSIVE.sub("", parts[0])))  # "Kim Jong-un"
            before = _GLUED_BEFORE.search(text, max(0, start - 30), start)
            if before and c.type == "PERSON" and name_key(before.group()[:-1]) not in known:
                start = before.start()  # "Botero-Moriaty"
        if (start, end) == (c.start, c.end):
            out.append(c)
            continue
        swallowed.update(s for s in by_start if c.start < s < end)
        while out and out[-1].end > start:
            out.pop()  # a part before the hyphen that the model typed on its own
        out.append(Candidate(start, end, text[start:end], c.type, c.weak, "hyphenated"))
    return out


def surname_he(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The Chinese surname He, which the model reads as the pronoun before a given name it calls a person ("He
    Jianxiong, the former director …", "a paper by He Jiankui"): English puts no name straight after "He" (a given
    name of English and other Latin-script languages after it is left alone: "He John" is more likely a typo). And
    the given name He after a family name ("Vice Premier Liu He held talks"): the pronoun is not capitalised inside a
    sentence, straight after a name."""
    out: list[Candidate] = []
    for c in candidates:
        if c.type == "PERSON" and " " not in c.text and c.text not in given_names():
            start = c.start - 3
            if start >= 0 and text.startswith("He ", start) and (
                    start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-‐‑'’")):
                c = Candidate(start, c.end, text[start:c.end], "PERSON", c.weak, "surname He")
            elif text.startswith(" He", c.end) and not text[c.end + 3 : c.end + 4].isalnum():
                c = Candidate(c.start, c.end + 3, text[c.start : c.end + 3], "PERSON", c.weak, "given name He")
        out.append(c)
    return out


# Lower-case particles inside personal names ("Manoel de Oliveira", "Wajiha al-Sabunji", "Ludwig van Beethoven").
_PERSON_PARTICLE_BEFORE = re.compile(
    rf"(?<![\w'’.-])((?:[A-ZÀ-Þ][\w'’]+\s+){{1,3}})(?:(?:(?:{'|'.join(sorted(PERSON_PARTICLES))})\s+){{1,2}}|"
    r"(?:al|el|ad|ar|as|ash|at|az|ul)[-‐‑])$"
)


def particle_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A personal name the model cut after a lower-case particle ("Manoel de" + "Oliveira", "Abd al-" + "Karim
    Qasim") is made whole: the capitalised given names before the particle belong to it, and a guess the model made
    of those words alone (often an organisation) is dropped."""
    out: list[Candidate] = []
    for c in candidates:
        if c.type not in ("PERSON", "PLACE", "ORGANIZATION") or " " in c.text and c.type != "PERSON":
            out.append(c)
            continue
        at = c.start + 1 if c.text[:1] in "-‐‑" else c.start  # "-Sabunji": the dash the span took after "al"
        m = _PERSON_PARTICLE_BEFORE.search(text, max(0, at - 60), at)
        words = m.group(1).split() if m else []
        # the words after the last title ("Commission President" of "… President Ursula von der Leyen")
        last_title = max((i for i, w in enumerate(words) if is_title_word(w) or w.lower() in DETERMINERS), default=-1)
        start = m.start() if m else 0
        for w in words[: last_title + 1]:
            start = text.index(w, start) + len(w)
        words = words[last_title + 1 :]
        if words:
            start = text.index(words[0], start)
        if m is None or not words or any(w.endswith(("'s", "’s")) for w in words) or (
            c.type != "PERSON" and words[0] not in given_names()  # "Ursula von der" + "Leyen" (a place to the model)
        ):
            out.append(c)  # "Syria's al-Tanf": a possessive owns the name after it, it is no given name
            continue
        while out and out[-1].end > start:
            out.pop()  # "Manoel" (an organisation to the model) is the given name
        out.append(Candidate(start, c.end, text[start : c.end], "PERSON", c.weak, "particle"))
    return out


# A ruler's or a saint's epithet after the given name ("Peter the Great", "Ivan the Terrible", "Pliny the Elder"):
# part of the name, which the model cuts into a person and a stray "Great".
_EPITHET_NAME = re.compile(
    r"(?<![\w'’-])[A-Z][a-z]{2,15} the (?:Great|Terrible|Elder|Younger|Conqueror|Confessor|Magnificent|Wise|Pious|"
    r"Bold|Lionheart|Navigator|Liberator|Venerable|Unready|Lawgiver|Fearless|Apostate|Bald|Fat|Wanderer|Baptist|"
    r"Evangelist|Apostle|Sanctified|Martyr|Hermit|Silent|Saint)(?![\w-])"
)


def epithet_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A given name and its epithet are one person ("Peter the Great"), with the title the model put before it
    ("Tsar Peter the Great"); whatever the model made of the pieces ("Catherine" an organisation, "Great" a
    person) is dropped."""
    joins = []
    for m in _EPITHET_NAME.finditer(text):
        first = m.group().split()[0]
        if is_title_word(first) or first in ("The", "This", "That", "What", "How"):
            continue
        start = m.start()
        for c in candidates:
            title = text[c.start : start].split()[:1]
            if c.start < start < c.end <= start + len(first) and title and is_title_word(title[0]):
                start = c.start  # "Tsar Peter": the model's span with its title
        joins.append(Candidate(start, m.end(), text[start : m.end()], "PERSON", source="epithet"))
    if not joins:
        return candidates
    kept = [c for c in candidates if not any(c.start < j.end and j.start < c.end for j in joins)]
    return sorted([*kept, *joins], key=lambda c: (c.start, c.end))


# Titles written as part of a person's name ("Judge Gass", "Emperor Norton", "Miss Chaworth", "St. Jerome"). Not the
# titles of office a news report puts before a name ("President", "Minister"): those stay outside it.
_TITLE_BEFORE = re.compile(
    r"(?<![\w.'’-])(?:Miss|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|Dame|Lady|Lord|Judge|Justice|Emperor|Empress|"
    r"Inspector|General|Gen\.|King|Queen|Tsar|Czar|Tsarina|Sultan|Pope|Saint|St\.|Sister|Brother|Father|"
    r"Aunt|Auntie|Uncle|Grandma|Granny|Grandpa|Colonel|Captain|Lieutenant|Sergeant|Corporal|Admiral|Constable|"
    r"Reverend|Rev\.) $"
)


def titled_starts(clusters: Sequence[Any], text: str) -> dict[int, int]:
    """A person's mention spans the title written right before it ("Judge Gass", "Miss Chaworth", "Aunt Mary",
    "Colonel Ashby": forms of address, ranks and kinship, not offices: "President Putin" is "Putin"), as a reader
    reads the name; the entity's name and its grouping stay without it. Start of a mention → its new start."""
    out = {}
    for c in clusters:
        if c.type != "PERSON":
            continue
        for m in c.members:
            title = _TITLE_BEFORE.search(text, max(0, m.start - 12), m.start)
            if title is not None and not _TITLE_BEFORE.search(m.text.split()[0] + " "):
                out[m.start] = title.start()
    return out


# A regnal number after a ruler's name ("Norton I,", "Louis XIV"); "I" alone only before punctuation (not "… I think").
_REGNAL_AFTER = re.compile(
    r" (?:I(?=[,.;:)\]]|$)|(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII)\b)", re.MULTILINE
)


def regnal_ends(clusters: Sequence[Any], text: str) -> dict[int, int]:
    """A person's mention spans the regnal number written after it ("Norton I", "Louis XIV"). Start → new end."""
    out = {}
    for c in clusters:
        if c.type != "PERSON":
            continue
        for m in c.members:
            number = _REGNAL_AFTER.match(text, m.end)
            if number is not None:
                out[m.start] = number.end()
    return out


# A possessive inside a span, before a capitalised word: "Jeff Bezos’s Blue Origin", "Apple's MacBook"; and a comma
# between two names of a list the model took for one ("with Big Machine, Braun and The Carlyle Group").
_INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z0-9])")
_INNER_COMMA = re.compile(r",\s+(?=[A-Z])")
_AFTER_COMMA_OF_A_NAME = NAME_SUFFIXES | CORPORATE_SUFFIXES | {"the"}


# One word after a possessive that makes the possessive part of a building's or an institution's name.
_OWNED_HEADS = PLACE_LAST_WORDS | BUILDING_HEADS | {"hospital", "college", "school", "inn"}
_HEAD_AFTER = re.compile(r" ([A-Z][a-z]{2,15})\b")
_OWN_HEAD_AFTER = re.compile(r"['’]s ([A-Z][a-z]{2,15})\b")


def owners_apart(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """A span the model ran on past a possessive into what the owner has ("Jeff Bezos’s Blue Origin", "Apple’s
    MacBook", "NASA’s Office of the Inspector General"): two names when the owner is one of its own — named alone
    elsewhere in the article, a name of several words the text writes again, or a full personal name. A possessive
    that belongs to the name ("People’s Daily", "Martha’s Vineyard", "Dawson’s Creek") stays. The owner takes the
    type it has alone (the span's, else); what is owned keeps the span's type unless that was the owner's own: a
    person's "Blue Origin" is an organisation. One word owned is a name only if the article names it alone too
    ("Apple’s MacBook"; not "the Hall of Fame’s Class of 2020"). A person's or an organisation's span holding a comma
    ("Big Machine, Braun") is cut there the same way when the article names its first part alone; not before a
    suffix ("Martin Luther King, Jr.", "Apple, Inc.") nor before a part of the organisation ("County of Maui,
    Department of Finance")."""
    alone: dict[str, str] = {}
    surnames = set()
    for c in candidates:
        if not _INNER_POSSESSIVE.search(c.text) and not _INNER_COMMA.search(c.text):
            alone.setdefault(name_key(c.text), c.type)
            if c.type == "PERSON" and len(c.text.split()) >= 2 and c.text.split()[0] in given_names():
                surnames.add(c.text.split()[-1])  # "Verstappen" of "Max Verstappen" (not "Premiere Edition")
    out: list[Candidate] = []
    extended_to = -1
    for c in candidates:
        if c.start < extended_to:
            continue  # "Basilica", which the model made a name of its own
        head = _HEAD_AFTER.match(text, c.end) if c.text.endswith(("'s", "’s")) else _OWN_HEAD_AFTER.match(text, c.end)
        if head is not None and head.group(1).lower() in _OWNED_HEADS and (
            c.type == "PERSON" or c.text.split()[0] in ("St.", "St", "Saint", "Ste.", "Sainte")
        ):  # "St. Peter's" + "Basilica", "Guy's" + "Hospital"; not "London's" + "City Hall"
            c = Candidate(c.start, head.end(), text[c.start : head.end()], "PLACE", c.weak, c.source)
            extended_to = c.end
        found = _INNER_POSSESSIVE.search(c.text)
        if found is None:
            found = _INNER_COMMA.search(c.text) if c.type in ("PERSON", "ORGANIZATION") else None
            rest = c.text[found.end() :].lower().split() if found else []
            if found is None or rest[0] in _AFTER_COMMA_OF_A_NAME or any(w in ORG_HEADS for w in rest) \
                    or name_key(c.text[: found.start()]) not in alone:
                out.append(c)  # "Martin Luther King, Jr.", "Apple, Inc.", "County of Maui, Department of Finance"
                continue
        owner, owned = c.text[: found.start()], c.text[found.end() :]
        if " " not in owned.strip() and owned.strip().lower() in _OWNED_HEADS:
            out.append(c)  # "St. Peter's Basilica", "St Mary's Hospital", "King's College": the building's name
            continue
        words = owner.split()
        kind = alone.get(name_key(owner))
        if kind is None and (len(words) >= 2 and text.count(owner) >= 2 or given_name_first(words, set())):
            kind = c.type
        owned_person = found.re is not _INNER_COMMA and (
            alone.get(name_key(owned)) == "PERSON" and " " in owned.strip() or owned.strip() in surnames)
        if kind is None and owned_person:  # "Red Bull's Verstappen": a team's or a country's person
            kind = "ORGANIZATION" if c.type == "PERSON" else c.type
        if kind is None:
            out.append(c)
            continue
        out.append(Candidate(c.start, c.start + len(owner), owner, kind, c.weak, "owner"))
        if owned_person:
            out.append(Candidate(c.start + found.end(), c.end, owned, "PERSON", c.weak, c.source))
            continue
        if " " in owned or name_key(owned) in alone or found.re is _INNER_COMMA:
            kind_owned = c.type if c.type != kind else "ORGANIZATION" if kind == "PERSON" else c.type
            out.append(Candidate(c.start + found.end(), c.end, owned, kind_owned, c.weak, c.source))
    return out


# The lower-case words that join the parts of a Romance, Portuguese or Japanese name ("Escola do Cérebro",
# "Universidade da Coruña", "Miyako no Hana"), which the model cuts into two names.
_JOINING_PARTICLE = re.compile(r" (?:do|da|dos|das|du|des|del|della|delle|di|de la|de los|de las|no) ")
_NAMED = frozenset({"PERSON", "ORGANIZATION", "PLACE", "OTHER"})


def joined_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A name the model cut in two around a joining particle ("Escola" + "do" + "Cérebro"): one name, of the type of
    its first part. An organisation the model cut in two ("Lockheed" ORG + "Martin" PERSON, one space apart): one
    name; only when the second part is a single capitalised word that is not named on its own anywhere else."""
    out: list[Candidate] = []
    alone = Counter(c.text for c in candidates)
    for c in candidates:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type in _NAMED and c.type in _NAMED
            and _JOINING_PARTICLE.fullmatch(text, prev.end, c.start)
            and prev.text[:1].isupper() and c.text[:1].isupper()
        ):
            out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], prev.type, prev.weak, "joined")
            continue  # "Escola" + "do" + "Cérebro", "Miyako no Hana", "Poterin du Motel": one name, not two
        if (
            prev is not None
            and prev.type == "ORGANIZATION"
            and c.type in ("PERSON", "ORGANIZATION")
            and text[prev.end : c.start] == " "
            and " " not in c.text
            and c.text[:1].isupper()
            and alone[c.text] == 1
        ):
            out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], "ORGANIZATION", prev.weak, "joined")
            continue
        if (
            prev is not None
            and prev.type == c.type == "PERSON"
            and text[prev.end : c.start] == " "
            and " " not in prev.text
            and " " not in c.text
            and c.text[:1].isupper()
            and prev.text in given_names()
        ):
            out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], "PERSON", prev.weak, "joined")
            continue  # "Jeff" + "Drake": one person the model cut in two
        if (
            prev is not None
            and text[prev.end : c.start] == " and "
            and c.type == "ORGANIZATION"
            and " " not in prev.text
            and prev.text[:1].isupper()
            and c.text.split()[-1].lower() in _SHARED_FORCE_HEADS
            and len(c.text.split()) == 2
        ):
            out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], "ORGANIZATION", prev.weak, "joined")
            continue  # "Avon and Somerset Police": the force of two counties, one name
        if (
            prev is not None
            and prev.type == "ORGANIZATION"
            and c.type == "PLACE"
            and text[prev.end : c.start] == " of "
            and prev.text.split()[-1].lower() in ORG_HEADS | {"society"}
            and not _NAME_GOES_ON.match(text, c.end)
        ):
            out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], "ORGANIZATION", prev.weak, "joined")
            continue  # "Law Society" + "of" + "Kenya": the society of the country, one name
        if (
            prev is not None
            and prev.type == "PLACE"
            and text[prev.end : c.start] in _PLACE_PARTICLES
            and " " not in c.text
            and c.text[:1].isupper()
        ):
            out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], "PLACE", prev.weak, "joined")
            continue  # "Braunau am Inn", "Newcastle upon Tyne": one place
        field = _FIELDS_HEAD.match(text, c.end) if prev is not None and text[prev.end : c.start] == " and " else None
        if field and prev is not None and _INSTITUTION_FOR.match(prev.text):
            out[-1] = Candidate(prev.start, field.end(), text[prev.start : field.end()], "ORGANIZATION", prev.weak,
                                "joined")
            continue  # "Centre for Irish" + "and" + "Scottish" (a people) + "Studies": one centre
        formula = _FORMULA_CLASS.match(text, c.end) if c.text == "Formula" else None
        if formula is not None:  # "Formula" (a person to the model) "One"
            out.append(Candidate(c.start, formula.end(), text[c.start : formula.end()], "ORGANIZATION", c.weak,
                                 "joined"))
            continue
        storm = _STORM_BEFORE.search(text, max(0, c.start - 16), c.start) if c.type != "EVENT" else None
        if storm is not None and " " not in c.text and c.text[:1].isupper():
            if prev is not None and prev.end > storm.start():
                out.pop()
            out.append(Candidate(storm.start(), c.end, text[storm.start() : c.end], "EVENT", c.weak, "storm"))
            continue  # "Cyclone" + "Phailin" (a person to the model): the storm
        if c.type != "EVENT" and (_STORM_NAME.match(c.text)
                                  or _NAMED_STORM.match(c.text) and _weather_sentence(text, c)):
            out.append(replace(c, type="EVENT", source="storm"))
            continue  # "Cyclone Phailin", a person to the model; "Storm Ciarán brought winds of 100 mph"
        first = _PLACE_FIRST_BEFORE.search(text, max(0, c.start - 6), c.start)
        if first is not None and c.text[:1].isupper() and c.text.split()[0].lower() not in PLACE_FIRST_WORDS:
            if prev is not None and prev.end > first.start():
                out.pop()  # "Fort" (a place to the model) + "Lee Historic Park" (a person)
            kind = "ORGANIZATION" if c.text.split()[-1].lower() in ORG_HEADS else "PLACE"
            out.append(Candidate(first.start(), c.end, text[first.start() : c.end], kind, c.weak, "joined"))
            continue
        out.append(c)
    return out


# A centre, a school or an institute of two fields, which the model cuts at the "and" ("School of Oriental" +
# "African" + "Studies").
_INSTITUTION_FOR = re.compile(
    r"(?:The )?(?:Cent(?:re|er)|School|Institute|Department|Faculty|Program(?:me)?) (?:for|of) [A-Z][\w'’-]*\Z"
)
_FIELDS_HEAD = re.compile(r" (?:Studies|Languages|Literatures?|Sciences|Affairs)(?![\w-])")
def named_storms(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Named storms the model did not find at all ("Hurricane Ida hit Louisiana"): events, so that the storm's name
    alone is the storm's too."""
    if not any(word in text for word in ("Hurricane", "Typhoon", "Cyclone", "Storm")):
        return candidates
    added = []
    for m in _STORM_IN_TEXT.finditer(text):
        if _CAPITALISED_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "National Hurricane …": a longer name
        if not any(c.start < m.end() and m.start() < c.end for c in candidates):
            added.append(Candidate(m.start(), m.end(), m.group(), "EVENT", source="storm"))
    return sorted([*candidates, *added], key=lambda c: (c.start, c.end)) if added else candidates


_FORMULA_CLASS = re.compile(r" (?:One|1|2|3|E)(?![\w-])")
# The kind of a named storm, before its name ("Hurricane Ida", "Tropical Storm Alberto"); "Storm" alone is also a
# given name ("Storm Reid").
_STORM_BEFORE = re.compile(r"(?<![\w'’.-])(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Superstorm|Super Typhoon|"
                           r"Winter Storm) \Z")
_STORM_IN_TEXT = re.compile(
    r"(?<![\w'’.-])(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Superstorm|Super Typhoon|Winter Storm) "
    r"(?!(?:Center|Centre|Season|Warning|Watch|Hunters?|Alley|Relief|Fund|Project|Preparedness)\b)[A-Z][a-z]{1,20}"
    r"(?![\w'’-])"
)
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]{0,25} \Z")
# "Storm" and a name is a storm as Europe's weather services name them in a text about the weather ("Storm Ciarán
# brought winds of more than 100 mph"); elsewhere it may be a person ("Storm Reid").
_NAMED_STORM = re.compile(r"Storm [A-Z][^\W\d_]{1,20}\Z")
_WEATHER = re.compile(r"\b(?:winds?|gusts?|mph|km/h|rainfall|flood(?:s|ing)?|Met Office|Met Éireann|Météo-France)\b")
_SENTENCE_STOP = re.compile(r"[.!?]\s")


def _weather_sentence(text: str, c: Candidate) -> bool:
    """The sentence of the mention speaks of the weather."""
    start = max((m.end() for m in _SENTENCE_STOP.finditer(text, max(0, c.start - 300), c.start)), default=c.start)
    stop = _SENTENCE_STOP.search(text, c.end, c.end + 300)
    return _WEATHER.search(text, start, stop.start() if stop else min(len(text), c.end + 300)) is not None


_STORM_NAME = re.compile(r"(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Superstorm|Super Typhoon|Winter Storm) "
                         r"[A-Z][\w'’-]*\Z")
# The first words of place names, capitalised right before a name the model began after them ("Fort" + "Lee").
_PLACE_FIRST_BEFORE = re.compile(r"(?<![\w'’.-])(?:Fort|Mount|Mt\.|Lake|Port|Cape|Isle) \Z")


_NAME_GOES_ON = re.compile(r"['’]s\b| [A-Z]")  # "… of Kenya's …", "… of Kenya Airways"
# The heads of public bodies that serve two places and are named after both ("Devon and Cornwall Police").
_SHARED_FORCE_HEADS = frozenset({"police", "constabulary", "council"})
# Words between the two parts of one place name ("Frankfurt am Main", "Kingston upon Hull", "Mühlheim an der Ruhr").
_PLACE_PARTICLES = frozenset({" am ", " an der ", " im ", " upon ", " ob der ", " sur "})


@functools.cache
def _world_names() -> frozenset[str]:
    return world_places() | world_cities()


_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-zà-ÿ]+) \Z")


def given_name_before(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A surname the model took alone for a place or an organisation, right after a given name it left out
    ("Erling" + "Haaland", a place to it): the person, both words (not a place of the world: "Jordan" + "Amman")."""
    out: list[Candidate] = []
    places = _world_names()
    for c in candidates:
        given = _GIVEN_NAME_BEFORE.search(text, max(0, c.start - 20), c.start) if " " not in c.text and c.type in (
            "PLACE", "ORGANIZATION", "GROUP", "OTHER") and c.text not in places else None
        if given is not None and not (out and out[-1].end > given.start(1)) \
                and given_name_first([given.group(1), c.text], places):
            c = Candidate(given.start(1), c.end, text[given.start(1) : c.end], "PERSON", c.weak, "given name")
        out.append(c)
    return out
