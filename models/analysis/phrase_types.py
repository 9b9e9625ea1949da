"""What a common noun says a name is: the type of a noun ("city" a place, "actress" a person, "console" a thing),
of a noun phrase that defines a name ("X is a small town in …", "X, an American actor, …"), of a noun written right
before a name ("the singer X"), of the plural a list of examples follows ("companies like X and Y") and of what a name
is called ("a company called X")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.entity_types import ORG_HEADS, PLACE_LAST_WORDS, is_title_word

# Nouns that say what a name is when the text defines it: "X is a city in …", "X, an American actor, …".
PERSON_NOUNS = frozenset(
    """
    actor actress artist athlete author baseman bishop boxer businessman businesswoman cardinal chef coach composer
    cricketer dancer designer diplomat director economist editor emperor empress engineer entrepreneur explorer
    footballer general historian journalist judge king lawyer leader linguist man manager missionary monk musician
    novelist officer outfielder painter philosopher photographer physician physicist pitcher player poet politician
    president priest prince princess producer professor queen rapper researcher saint scholar scientist senator
    shortstop singer soldier songwriter statesman student teacher theologian translator woman writer citizen
    archbishop abbot apostle architect astronaut biologist chemist mathematician sculptor nun pope lyricist
    delegate negotiator lawmaker legislator activist campaigner filmmaker novelist comedian
    """.split()
)
PLACE_NOUNS = frozenset(
    """
    city town village capital country island islands archipelago region province state county district suburb
    neighbourhood neighborhood borough municipality peninsula river lake mountain mountains valley park port harbour
    harbor bay beach coast desert area resort destination metropolis settlement atoll volcano canton prefecture
    commune republic kingdom nation territory street avenue square bridge airport station place restaurant cafe café
    bar pub inn tavern hotel venue bakery
    """.split()
)
ORG_NOUNS = frozenset(
    """
    company firm corporation startup start-up publisher newspaper agency organization organisation band team club
    studio developer manufacturer maker retailer airline bank fund network broadcaster channel label university
    college school charity nonprofit non-profit group party union league association society institute foundation
    ministry department conglomerate carrier operator provider platform website magazine outlet brand chain
    subsidiary consortium federation council alliance coalition cooperative co-op drugmaker automaker carmaker
    insurer lender regulator watchdog
    """.split()
)
# Nouns of things people make and sell or publish: a name they define is a product or a work, not an organisation
# ("X is a handheld console", "the game X", "X, Acme's streaming service").
PRODUCT_NOUNS = frozenset(
    """
    product console device gadget smartphone phone handset laptop tablet controller router headphones earbuds
    headset smartwatch camera app game videogame sequel film movie documentary album song novel book sitcom
    drug vaccine medication car vehicle truck aircraft rocket spacecraft satellite processor chip browser
    software programme supercomputer telescope painting index benchmark capsule lander rover orbiter
    """.split()
)
_COPULA = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:is|was|are|were|has been|had been)\s+(?:also\s+)?"
    r"(?:a|an|the|one of the|[A-Z][\w.-]*['’]s)\s+"
)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+")
# The words of a definition after its determiner, up to the first word that ends the noun phrase ("a small town in
# …", "an American actor and …", "a trade professor at …").
_PHRASE_WORDS = re.compile(r"[\w'’-]+|[^\w\s]")
_PHRASE_ENDS = frozenset(
    "of in at on for from by with to and or but who which that whose where when than as since after before".split()
)

_KNOWN_NOUNS = PLACE_NOUNS | ORG_NOUNS | PERSON_NOUNS | PRODUCT_NOUNS


def noun_type(noun: str) -> str | None:
    noun = noun.lower()
    singular = noun[:-1] if noun.endswith("s") and noun[:-1] in _KNOWN_NOUNS else noun
    if singular in PERSON_NOUNS or singular.endswith(("ologist", "ographer", "ician")) and len(singular) > 7:
        return "PERSON"  # "herpetologist", "cinematographer", "statistician"
    if singular in PLACE_NOUNS:
        return "PLACE"
    if singular in ORG_NOUNS:
        return "ORGANIZATION"
    if singular in PRODUCT_NOUNS:
        return "OTHER"
    return None


# Examples of a kind, after its plural ("companies like Arnold Clark and Enterprise", "cities such as Leeds"): every
# name of the list, the first right after the words and the others after a comma, "and" or "or".
_EXAMPLES_BEFORE = re.compile(
    r"\b([A-Za-z][a-z]{2,19})\s+(?:such as|like|including)\s+(?:[A-Z][\w'’&.-]*\s+){0,4}?"
    r"(?:(?:[A-Z][\w'’&.-]*\s+){0,4}?[A-Z][\w'’&.-]*(?:,\s+|,?\s+(?:and|or)\s+)){0,3}$"
)


FOR_PEOPLE_BEFORE = re.compile(r"\bfor\s+(?:[a-z-]+\s+)?[a-z]+,?\s+(?:such as|like|including)\s+(?:[^.;:]{0,80})$")


def examples_type(before: str) -> str | None:
    """The type of the plural noun whose examples a name is listed in, or None."""
    m = _EXAMPLES_BEFORE.search(before)
    if m is None:
        return None
    noun = m.group(1).lower()
    if noun in ("people", "men", "women"):
        return "PERSON"
    if noun.endswith("ies"):
        noun = noun[:-3] + "y"
    elif noun.endswith(("ches", "shes", "sses")):
        noun = noun[:-2]
    elif noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-1]
    else:
        return None
    return noun_type(noun)


CALLED_BEFORE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z-]+\s+)??([a-z][a-z-]+)\s+(?:(?:was|is)\s+)?(?:called|named|dubbed)\s+$"
)
_NOUN_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]+),?\s$")  # "the singer X", "a spokesperson, X"


def named_by_noun(before: str, words: Sequence[str]) -> str | None:
    """The type a common noun written right before a name gives it ("the singer X", "the village X", "startup X",
    "the game X"). Not when the name itself starts with a head or a title ("the state Senate", "city Council",
    "town Hall"): there the noun modifies the name's own head."""
    m = _NOUN_BEFORE.search(before)
    if m is None or not words:
        return None
    first = words[0].lower()
    if first in ORG_HEADS or first in PLACE_LAST_WORDS or is_title_word(first):
        return None
    return noun_type(m.group(1))


def defined_as(after: str) -> str | None:
    """The type a definition right after a name gives it: the first known noun of "is a/an … NOUN"."""
    for pattern in (_COPULA, _APPOSITIVE):
        m = pattern.match(after)
        if m:
            return phrase_type(after[m.end() :])
    return None


def phrase_type(phrase: str) -> str | None:
    """The type of the first known noun among the first six words of a noun phrase, before any word that ends
    it, or of the last of the known nouns written together there ("a fund director", "a city council"). Every word
    is read: "a small town", "a trade professor" (a pattern that stops at the first lower-case word would read only
    "small" and "trade")."""
    words = _PHRASE_WORDS.findall(phrase)[:10]
    i = 0
    while i < min(len(words), 6):
        word = words[i].lower()
        if word in _COLLECTIVE_NOUNS and i + 1 < len(words) and words[i + 1].lower() == "of":
            # "a group of more than 50 islands": the noun after "of" says what the name is
            rest = words[i + 2 :]
            while rest and (rest[0].lower() in _QUANTITY_WORDS or rest[0][0].isdigit()):
                rest = rest[1:]
            return phrase_type(" ".join(rest)) if rest else None
        if not word[0].isalnum() or word in _PHRASE_ENDS:
            return None
        if i and words[i][:1].isupper() and i + 1 < len(words) and words[i + 1][:1].isalpha() \
                and words[i + 1].lower() not in _PHRASE_ENDS:
            i += 1  # "the United Nations body": a name before the head is no noun of its kind ("the South Funen
            continue  # Archipelago," ends in its head)
        if word in _MODIFYING_NOUNS and i + 1 < len(words) and words[i + 1].isalpha() and words[i + 1].islower() \
                and (noun_type(words[i + 1]) or words[i + 1].endswith(("er", "or", "ist", "ment", "tion"))):
            i += 1  # "the state copper miner", "a city bus operator": the noun before another is its modifier
            continue
        kind = noun_type(word)
        while kind and i + 1 < len(words) and noun_type(words[i + 1]):  # "a fund director": the last noun is
            i += 1  # the head of a compound
            word, kind = words[i].lower(), noun_type(words[i])
        if kind == "PERSON" and word == "producer" and i and words[i - 1].lower() in _INDUSTRY_WORDS:
            return "ORGANIZATION"  # "a giant industrial producer", "the largest oil producer": a company
        if kind:
            return kind
        i += 1
    return None


# Nouns of places and bodies that mostly modify the noun after them ("state media", "a city council member").
_MODIFYING_NOUNS = frozenset({"state", "city", "town", "county", "village", "country", "government", "party"})
# Words before "producer" that make it an industry's producer, not a film's: a company.
_INDUSTRY_WORDS = frozenset({
    "industrial", "oil", "gas", "steel", "chip", "car", "auto", "food", "energy", "wine", "dairy", "meat", "coal",
    "electricity", "power", "cement", "chemical", "grain", "cotton", "sugar", "largest", "biggest", "leading",
    "major", "global", "top", "second-largest", "third-largest",
})


# Nouns of a collection, whose "of" phrase names what is collected ("a group of islands", "a chain of lakes").
_COLLECTIVE_NOUNS = frozenset({"group", "chain", "cluster", "pair", "set", "series", "collection", "number", "string",
                               "handful", "couple", "row", "line", "ring", "belt"})
_QUANTITY_WORDS = frozenset({"more", "less", "fewer", "than", "over", "about", "around", "some", "nearly", "almost",
                             "roughly", "several", "many", "dozens", "hundreds", "thousands", "a", "the", "few",
                             "small", "tiny", "large", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                             "ten", "twelve", "twenty", "fifty", "hundred"})
