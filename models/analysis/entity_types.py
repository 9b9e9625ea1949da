"""The vocabulary the entity rules rely on: spaCy labels → Newsdesk types, titles, determiners, organisation heads.

Kept apart from the rules so that widening a word list never touches the logic, and the pure alias code can share
the same lists without importing spaCy.
"""

from __future__ import annotations

import re

# spaCy label → Newsdesk type. DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY are not entities.
LABEL_TYPES: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
    "EVENT": "EVENT",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "LANGUAGE": "OTHER",
}

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})

# Words of titles and roles written before a name ("Russian President Vladimir Putin", "UBS analyst David Strauss").
# Lower-cased; abbreviations with and without their full stop.
TITLE_WORDS = frozenset(
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
        "lord", "lady", "madam", "madame", "monsieur", "herr", "frau",
        "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "foreign", "defense",
        "defence", "finance", "interior", "deputy", "acting", "former", "ex", "late", "chief", "executive",
        "ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "chair", "chairperson", "director", "founder",
        "co-founder", "cofounder", "head", "leader", "spokesman", "spokeswoman", "spokesperson", "analyst",
        "analysist", "economist", "expert", "official", "officer", "manager", "editor", "correspondent",
        "reporter", "senator", "sen", "sen.", "rep", "rep.", "representative", "congressman", "congresswoman",
        "governor", "gov", "gov.", "mayor", "ambassador", "envoy", "king", "queen", "prince", "princess",
        "emperor", "empress", "emir", "sheikh", "sheik", "sheikha", "tsar", "czar", "tsarina", "czarina", "tsarevich",
        "tsarevna", "sultan", "pope", "cardinal", "archbishop", "bishop", "rev", "rev.", "reverend",
        "judge", "justice", "attorney", "general", "gen", "gen.", "lt", "lt.", "lieutenant", "col", "col.",
        "colonel", "maj", "maj.", "capt", "capt.", "captain", "admiral", "adm", "adm.", "sergeant",
        "sgt", "sgt.", "commander", "marshal", "coach", "striker", "goalkeeper", "midfielder", "defender",
        "winger", "full-back", "fullback", "left-back", "right-back", "centre-back", "center-back", "keeper",
        "wicketkeeper", "batsman", "batter", "bowler", "quarterback", "pitcher", "referee", "umpire", "skipper",
        "counterpart", "spokesmen", "presidents", "ministers", "minister-president", "ceos", "boss",
        "founder-ceo", "co-chairman", "vice-president", "vice-chairman", "deputy-director", "superintendent",
        "commissioner", "inspector", "detective", "sheriff", "trooper", "constable", "councilman", "councilwoman",
        "councillor", "councilor", "alderman", "assemblyman", "assemblywoman", "treasurer", "comptroller", "prosecutor",
        "magistrate", "aunt", "auntie", "uncle", "cousin", "grandma", "grandpa", "granny", "grandmother",
        "grandfather",
    }
)

# Titles that make the rest of a span a person even when spaCy called it something else
# ("Spokeswoman Sandy Angers" tagged ORG). Only unambiguous ones: "General Motors" must stay a company.
PERSON_TITLES = frozenset(
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "president",
        "chancellor", "spokesman", "spokeswoman", "spokesperson", "senator", "sen.", "rep.", "governor", "gov.",
        "mayor", "ceo", "chairman", "chairwoman", "sir", "pope", "king", "queen", "prince", "princess", "tsar",
        "czar", "tsarina", "czarina", "sultan", "aunt", "auntie", "uncle", "cousin", "grandma", "grandpa", "granny",
        "grandmother", "grandfather", "emperor", "empress", "maharaja", "maharani", "raja", "rani", "nawab",
        "caliph", "pharaoh", "kaiser",
    }
)

# Last words (or words before "of") that make a capitalised name an organisation
# ("Japanese Embassy", "Upper House", "Ministry of Foreign Affairs", "Liberal Democratic Party").
ORG_HEADS = frozenset(
    {
        "embassy", "consulate", "ministry", "house", "party", "senate", "parliament", "congress", "assembly",
        "council", "commission", "committee", "agency", "authority", "bureau", "department", "office", "court",
        "tribunal", "army", "navy", "force", "forces", "police", "guard", "bank", "university", "college",
        "institute", "institution", "academy", "school", "foundation", "association", "federation", "union",
        "league", "alliance", "coalition", "cooperation", "co-operation", "organization", "organisation", "corporation",
        "company", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "llc", "group", "airlines", "airline",
        "airways", "diet", "cabinet", "government", "administration", "secretariat", "fund", "board", "service",
        "network", "press", "times", "post", "journal", "news",
    }
)
# Last words of football clubs' names ("Leeds United", "Blackburn Rovers", "Tottenham Hotspur", "Wigan Athletic"):
# a club, whatever the model made of the town before them.
CLUB_LAST_WORDS = frozenset({"united", "rovers", "wanderers", "athletic", "albion", "hotspur", "fc", "f.c.", "afc"})
ORG_HEADS |= CLUB_LAST_WORDS
# … and first words ("Real Madrid", "Atletico Madrid", "Borussia Dortmund", "Inter Milan", "AC Milan").
CLUB_FIRST_WORDS = frozenset({
    "real", "atletico", "atlético", "borussia", "bayern", "olympique", "sporting", "dynamo", "dinamo", "spartak",
    "lokomotiv", "deportivo", "eintracht", "werder", "hertha", "inter", "ac", "fc", "afc", "psv",
})

# Last words that make a name an event, whatever the model called it ("Worldwide Developers Conference").
EVENT_HEADS = frozenset(
    {
        "conference", "summit", "festival", "games", "olympics", "championship", "championships", "cup",
        "awards", "expo", "convention", "forum", "war", "election", "elections", "tournament", "marathon",
        "fair", "prix", "tour", "open", "massacre", "rebellion", "uprising", "revolution", "mutiny", "revolt",
        "riots", "siege", "finals",
    }
)
# Heads of events' names no person bears: a name the model calls a person ending in one is the event ("Eras Tour").
# Last words of the names of laws and treaties ("the Patriot Act", "the Highway Code").
LAW_HEADS = frozenset({"act", "code", "treaty", "charter", "accord", "accords", "protocol", "directive", "amendment",
                       "constitution", "doctrine"})
PERSONLESS_EVENT_HEADS = frozenset(
    {"conference", "summit", "festival", "olympics", "championship", "championships", "tournament", "marathon",
     "expo", "convention", "tour"}
)

# Corporate suffixes that do not change which organisation is meant ("Apple Inc." = "Apple").
CORPORATE_SUFFIXES = frozenset(
    {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "l.l.c.", "n.v.", "nv", "s.a.",
     "sa", "ag", "gmbh", "s.p.a.", "spa", "pty", "limited", "incorporated", "corporation"}
)

# Honorifics that belong to the written name of a person ("Mr. Roberts", "Dr. Guruswamy"): kept in the mention's
# span, left out of its comparison key and canonical name.
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "st.", "saint",
     "mx", "mx.", "mme", "mme.", "mlle", "mlle.", "herr", "frau", "señor", "señora", "sra.", "srta."}
)

# Name suffixes that are not surnames ("Martin Luther King Jr.").
# Buildings and grounds: written alone ("the Statehouse", "the Arena") after the longer name they end, that name
# ("the Church" is an institution as often as a building: not one of them).
BUILDING_HEADS = frozenset(
    """
    statehouse courthouse capitol hall center centre museum cathedral stadium arena palace tower theater theatre
    castle temple mosque chapel plaza square airport station library gallery
    """.split()
)
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

# Lower-case particles inside a personal name, between its given name and its surname ("Manoel de Oliveira",
# "Ursula von der Leyen", "Jean le Rond d'Alembert", "Hamad bin Isa").
PERSON_PARTICLES = frozenset("""
    de da di do dos das du del della van von der den ter ten bin ibn bint ben abu le la
""".split())

# Small words inside multi-word names, skipped when forming initials ("Ministry of Foreign Affairs" → MFA).
NAME_PARTICLES = frozenset({"of", "and", "&", "the", "for", "de", "du", "des", "la", "le", "von", "van", "der", "del"})

APOSTROPHES = "'’‘`´"
DASHES = "-–—‐‑"

_POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s?$")


def strip_possessive(word: str) -> str:
    """``Japan’s`` → ``Japan``, ``Airbus'`` → ``Airbus``; other words unchanged."""
    if len(word) > 2 and _POSSESSIVE.search(word) and not word.endswith(("O'", "o'")):
        return _POSSESSIVE.sub("", word)
    return word


def is_title_word(word: str) -> bool:
    return word.lower() in TITLE_WORDS


def is_shouted(word: str) -> bool:
    """All capitals and long enough not to be an acronym: a dateline or a headline word ("MOSCOW")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 5 and all(c.isupper() for c in letters)


# First or last words of place names ("Fort Lee", "Mount Kenya", "Grand Island", "Hudson River").
PLACE_FIRST_WORDS = frozenset({"fort", "mount", "mt", "mt.", "lake", "river", "loch", "lough", "port", "cape", "gulf",
                               "isle", "county", "rue", "calle", "avenida", "rua", "piazza", "plaza", "castelo",
                               "castillo", "castello", "château", "palacio", "palácio", "palazzo", "praça", "plaça",
                               "mosteiro", "monasterio", "iglesia", "igreja", "église", "chiesa", "cais", "salar",
                               "cerro", "lago", "laguna", "playa", "bahía", "valle", "cordillera", "volcán", "vila",
                               "praia", "ilha", "hostel", "hotel", "temple", "castle", "estadio", "estádio", "stade",
                               "stadio", "stadion"})
PLACE_LAST_WORDS = frozenset(
    """
    island islands river street avenue road park bridge county city province valley beach airport square mountains
    desert peninsula bay sea ocean strait canal harbour harbor falls hills coast district region heights village
    township borough lake lagoon reef center centre museum hall cathedral church chapel building theater theatre
    tower castle palace temple mosque stadium arena plaza st st. ave ave. blvd boulevard lane terrace gardens mall
    statehouse courthouse capitol swamp marsh glacier canyon reservoir parish oblast governorate prefecture strasse
    straße platz allee gasse monastery abbey basilica priory shrine expressway turnpike highway freeway motorway
    parkway hotel resort empire caliphate sultanate khanate emirate indies station manor farm grange
    """.split()
)
# Words that head the name of an organisation, a place, an event or a building ("… Ministry", "… Inc.", "… River",
# "… Summit", "… Arena"): no surname is one of them.
NAME_HEAD_WORDS = ORG_HEADS | CORPORATE_SUFFIXES | PLACE_LAST_WORDS | EVENT_HEADS | BUILDING_HEADS


# Names of battles and of laws and treaties, by their first or last word.
EVENT_OPENINGS = frozenset({"Battle", "Siege", "Sack", "Massacre", "Relief", "Storming", "Capture", "Fall", "Tour"})
LAW_OPENINGS = frozenset({"Treaty", "Peace", "Edict", "Act", "Statute", "Concordat"})
# Ranks and titles written capitalised right before a one-word name: a person's ("Lord Lucan", "Captain Foster").
RANKS_BEFORE_A_NAME = frozenset(
    "Lord Lady Sir Dame King Queen Prince Princess Emperor Empress Sultan Tsar Pope Captain Colonel General Admiral "
    "Lieutenant Sergeant Major Commander Mr. Mrs. Dr. Mr Mrs Dr".split()
)


# A website's own name ("Booking.com", "Hostelworld.com"): the company that runs it.
WEB_DOMAIN = re.compile(r"\w\.(?:com|org|net|co\.uk|io)\Z")


def written_lower(word: str, text: str) -> bool:
    """The text also writes the one-word ``word`` in lower case, as a word of the language ("Bath" … "a bath",
    "RATP" … "ratp"); never for a name of several words."""
    return " " not in word and re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", text) is not None
