"""Names of products, services and ideas, whatever the model called them: a model or a tier of a product line
("Switch Lite", "Watch Series 3"), an edition or a bundle, a doctrine ("… ism"), the product line a product's
name extends ("Nintendo Switch" beside "Nintendo Switch Lite"), and a film or a book dated by its year ("Silent
Harbour (2004)")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate, name_key
from models.analysis.entity_types import (
    BUILDING_HEADS,
    CORPORATE_SUFFIXES,
    EVENT_HEADS,
    ORG_HEADS,
    PLACE_LAST_WORDS,
)
from models.analysis.given_names import given_name_first
from models.analysis.known_names import KNOWN_ORGANISATIONS
from models.analysis.world_cities import world_cities
from models.analysis.world_places import places_with_given_names

# Last words that make a name a product or an idea, whatever the model called it ("Founder's Edition", "Nighttime
# Supplement", "Starter Bundle"); and names of doctrines ("National Socialism").
PRODUCT_HEADS = frozenset(
    """
    edition editions bundle supplement supplements controller controllers console headphones earbuds app
    subscription
    """.split()
)


# Words that end the name of a model or a tier of a product line ("Switch Lite", "Watch Series 3", "Xbox Live",
# "Music Unlimited", "Gaming Platform"), and a name ending in "+" ("Disney+", "ESPN+"): a product or a service.
MODEL_SUFFIXES = frozenset({"lite", "pro", "plus", "max", "mini", "ultra", "series", "live", "unlimited", "platform"})
_MODEL_NUMBER = re.compile(r"^(?:\d+[a-z]?|[ivx]+|mk\s?[ivx\d]+)$", re.IGNORECASE)


def product_or_idea(name: str) -> bool:
    """The last word of a name of two words or more says it is a product ("… Edition", "… Lite", "… Series 3") or a
    doctrine ("… ism"); or the name ends in "+" ("Disney+")."""
    words = name.split()
    bare = name[:-1].rstrip()
    if name.endswith("+") and len(bare) >= 2 and bare[-1].isalnum() and bare[-2].isalnum():
        return True
    if len(words) < 2:
        return False
    last = words[-1].lower().strip(".,;:")
    if len(words) >= 3 and _MODEL_NUMBER.match(last):
        last = words[-2].lower()  # "Watch Series 3", "Galaxy Tab Pro 2"
    return (
        last in PRODUCT_HEADS or last in MODEL_SUFFIXES or (last.endswith("ism") and len(last) > 5)
    )


def product_line_names(candidates: Sequence[Candidate], products: set[str]) -> set[str]:
    """Names of two words or more that a product's name of the same article extends ("Nintendo Switch" beside
    "Nintendo Switch Lite", "Apple Watch" beside "Apple Watch Series 3"): the product line, a product too. A
    one-word name is left alone: "Disney" beside "Disney+" is the company."""
    if not products:
        return set()
    out = set()
    for c in candidates:
        if " " not in c.text or c.text in products:
            continue
        if any(p.startswith(c.text + " ") for p in products):
            out.add(c.text)
    # the line's own last word, written alone ("the Switch" after "Nintendo Switch")
    out |= {c.text for c in candidates if c.type != "OTHER" and " " not in c.text and c.text[:1].isupper()
            and any(line.endswith(" " + c.text) for line in out)}
    return out


def made_products(candidates: Sequence[Candidate], products: set[str], text: str) -> set[str]:
    """One-word names the article writes after their maker and with a product's word ("Google Stadia" … "the Stadia
    controller", "Stadia Pro"): a product, though the model called it a company. The maker is an organisation the
    article names alone; a company named after another ("Google DeepMind") has no product's word beside it."""
    makers = {c.text for c in candidates if c.type == "ORGANIZATION" and " " not in c.text and c.text[:1].isupper()}
    names = {c.text for c in candidates if " " not in c.text and c.text[:1].isupper() and c.text not in products}
    if not makers or not names:
        return set()
    made = re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, sorted(makers, key=len, reverse=True)))})\s+"
                      r"([A-Z][\w'’-]*)(?![\w-])")
    after_maker = {m.group(2) for m in made.finditer(text) if m.group(1) != m.group(2)} & names
    if not after_maker:
        return set()
    lines = {p.split()[0] for p in products}
    with_word = {m.group(1) for m in _PRODUCT_WORD_AFTER.finditer(text)}
    return {name for name in after_maker if name in lines or name in with_word}


# Words after a company's name that make the name a part of the company, not a product ("Sony Music", "Disney
# Channel", "Google Research", "Nissan North America", "Amazon Web Services").
DIVISION_WORDS = frozenset("""
    music pictures research news healthcare channel channels studio studios sports radio cloud energy motor motors
    electronics entertainment records books games media health capital ventures labs lab foundation financial finance
    services theatres theaters cinemas airlines airways bank
    solutions systems technologies technology networks interactive publishing films television tv digital
    international global worldwide america americas europe asia africa japan china india canada australia uk usa
    north south east west central store stores shop marketplace retail brands partners holdings operations sales
    communications pharmaceuticals pharma insurance securities investments logistics aerospace defense defence
    automotive mobility software devices semiconductor semiconductors chemical chemicals airlines air foods
    beverages university school academy press magazine museum arena stadium center centre park hall theatre theater
    hotel hotels resort resorts casino computer computers corps commercial airplanes aircraft
""".split())


def maker_products(candidates: Sequence[Candidate], products: set[str]) -> set[str]:
    """Names of two or three words that open with a company the article names alone and go on with a word of their
    own ("Apple AirPods", "Nissan Sentra", "Amazon Echo Buds", "Sony PlayStation"): the company's product, whatever
    the model called it. Not a part of the company ("Sony Music", "Nissan North America", "Google Research"), nor a
    name whose own words the article writes as an organisation's or a place's ("Google DeepMind" when it names
    "DeepMind" the company), nor a name the article also types otherwise, nor one opening with a given name."""
    others = {c.text for c in candidates if c.type != "ORGANIZATION"}
    makers = {c.text for c in candidates if c.type == "ORGANIZATION" and not c.weak and " " not in c.text
              and c.text[:1].isupper()} - others
    if not makers:
        return set()
    agents = {c.text for c in candidates if c.type in ("ORGANIZATION", "PLACE")}
    out = set()
    for c in candidates:
        words = c.text.split()
        if c.type != "ORGANIZATION" or not 2 <= len(words) <= 3 or words[0] not in makers or c.text in products \
                or c.text in others:
            continue
        rest = words[1:]
        if not all(w[:1].isupper() or w[:1].isdigit() for w in rest) or " ".join(rest) in agents:
            continue
        lowered = [w.lower().strip(".,") for w in rest]
        if any(w in DIVISION_WORDS or w in ORG_HEADS or w in CORPORATE_SUFFIXES or w in PLACE_LAST_WORDS
               or w in BUILDING_HEADS or w in EVENT_HEADS or w in ("&", "and", "of") for w in lowered):
            continue
        if given_name_first(words, set()):
            continue
        out.add(c.text)
    return out


_PRODUCT_WORD_AFTER = re.compile(rf"(?<![\w-])([A-Z][\w'’-]*)\s+(?:{'|'.join(sorted(PRODUCT_HEADS))})\b")


# A year in parentheses right after a name ("Silent Harbour (2004)"), and a preposition before it that makes the name
# a place or an author ("in Lisbon (1927)", "by Anna Berg (1990)"), not a work.
_YEAR_AFTER = re.compile(r"\s?\((?:1[5-9]|20)\d\d\)")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|to|from|near|by)\s$")
_THE_BEFORE = re.compile(r"\bThe\s$")


def dated_work(c: Candidate, text: str) -> bool:
    """A title dated by its year in parentheses, as filmographies and bibliographies date films, plays and books
    ("Silent Harbour (2004)", "The Lantern (2011)"), whatever the model called it. Not a person's name ("Kinder
    (1991)" cites an author), an organisation's ("… Institute (1990)"), a team's ("… Rovers (2012)", a plural) or a
    place where something happened ("in Lisbon (1927)"), nor a name that opens with a given name ("Anna Berg (1990)");
    a single word only after "The"."""
    if c.type not in ("ORGANIZATION", "PLACE") or not _YEAR_AFTER.match(text, c.end):
        return False
    words = c.text.split()
    last = words[-1].lower().strip(".,")
    if len(words) < 2 and not _THE_BEFORE.search(text, max(0, c.start - 4), c.start):
        return False
    if given_name_first(words, set()):
        return False
    if last in ORG_HEADS or last in CORPORATE_SUFFIXES or (last.endswith("s") and not last.endswith("ss")):
        return False
    return not _PLACE_PREPOSITION.search(text, max(0, c.start - 6), c.start)


# A degree and "in" right before a name: the name is the degree's subject ("a Ph.D. in Linguistics").
_DEGREE_IN = re.compile(
    r"(?:\bdegrees?|\bPh\.? ?D\.?|\bPhD|\bdoctorate|\bB\.A\.|\bM\.A\.|\bB\.Sc?\.|\bM\.Sc?\.|\bBSc|\bMSc|\bMBA|"
    r"\bmaster['’]s|\bbachelor['’]s|\bdiploma|\bmajored|\bmajoring) (?:[a-z]+ )?in $"
    r"|\b(?:[Pp]rofessor|[Ll]ecturer|[Ii]nstructor|[Tt]eacher|courses|classes) (?:of|in) $"
)


def field_of_study(c: Candidate, text: str) -> Candidate | None:
    """The subject of a degree or a chair ("a Ph.D. in Linguistics", "a master's degree in Marine Biology", "majored
    in Economics", "professor of Oriental Languages", "courses in Comparative Literature") and a people or a region
    the model took out of a field's name ("East Asian" of "East Asian Studies"): a field of study, whatever the model
    called it — not a place, an organisation or a person. None when the name is not one."""
    if c.type in ("GROUP", "PLACE") and (head := _FIELD_HEAD_AFTER.match(text, c.end)) and not (
        _INSTITUTION_BEFORE.search(text, max(0, c.start - 30), c.start)  # "School of Oriental and African Studies"
    ):
        return replace(c, end=head.end(), text=text[c.start : head.end()], type="OTHER", source="field of study")
    if c.type in ("PERSON", "ORGANIZATION", "PLACE") and _DEGREE_IN.search(text, max(0, c.start - 40), c.start):
        return replace(c, type="OTHER", source="field of study")
    return None


# The last word of a field of study named after a people or a region ("African American Studies").
_FIELD_HEAD_AFTER = re.compile(r" (?:Studies|Languages|Literatures?|Philology|Linguistics)(?![\w-])")
_INSTITUTION_BEFORE = re.compile(r"(?<![\w'’])[A-Z][\w'’]{0,30} (?:for|of|and|&) \Z")


# A weapon named by its system, as the news writes it before what it is: "more Patriot systems", "Leopard tanks",
# "Storm Shadow missiles", "Shahed drones", "Patriot air defense batteries".
_WEAPON_AFTER = re.compile(
    r"[^\S\n]{1,2}(?:(?:air[- ]defen[cs]e|anti-aircraft|anti-tank|missile|main battle|fighter|attack|cruise|"
    r"ballistic|kamikaze|long-range|short-range)[^\S\n]{1,2})?(?:missiles?|tanks|drones|rockets|launchers|"
    r"howitzers|interceptors|warheads|batteries|fighter jets|warplanes|helicopters|air[- ]defen[cs]e systems|"
    r"missile systems)\b"
)
# … and "systems" alone after a count: "send more Patriot systems", "two NASAMS systems"
_COUNTED_SYSTEMS = re.compile(r"\b(?:more|additional|extra|several|two|three|four|five|six|\d{1,3})[^\S\n]{1,2}$")


def weapon_names(candidates: Sequence[Candidate], text: str) -> set[str]:
    """Names of one or two words written before a kind of weapon ("Patriot" of "more Patriot systems", a person to
    the model): the weapon, not a body, a person or a place. Not a place or a company of the world ("Iran drones",
    "Boeing jets"), nor a name opening with a given name."""
    out = set()
    for c in candidates:
        if c.type not in ("PERSON", "ORGANIZATION", "PLACE") or len(c.text.split()) > 2 \
                or c.text in places_with_given_names() or c.text in world_cities() \
                or name_key(c.text) in KNOWN_ORGANISATIONS or given_name_first(c.text.split(), set()) \
                or c.text.split()[-1].lower() in ORG_HEADS:  # "Royal Navy helicopters": who flies them
            continue
        if _WEAPON_AFTER.match(text, c.end) or text.startswith(" systems", c.end) and _COUNTED_SYSTEMS.search(
                text, max(0, c.start - 16), c.start):
            out.add(c.text)
    return out
