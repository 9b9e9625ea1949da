"""What the words around a name say it is, and which names are not names at all.

The small model types a name from the name alone and often gets it wrong ("Fort Lee" a person, a baseball player an
organisation, a publisher a place). A reader decides from the context: "X (born 1988) is an American player", "in
X", "X, a city in …", "shares of X", "X said in a statement", "Fort X", "X Inc.". Each cue below is such a general
pattern of English; the evidence of every mention of a name is pooled, and a name whose cues agree takes their type
for all its mentions. The names that are not names at all are dropped by :mod:`models.analysis.entity_junk`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate, island_group_plural, name_key
from models.analysis.entity_types import (
    BUILDING_HEADS,
    CORPORATE_SUFFIXES,
    HONORIFICS,
    ORG_HEADS,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    WEB_DOMAIN,
    written_lower,
)
from models.analysis.given_names import given_name_first, given_names
from models.analysis.institutions import feature_places, university_places
from models.analysis.known_names import DENOMINATIONS, KNOWN_ORGANISATIONS
from models.analysis.peoples import DEMONYM, NATIONAL_OF, NATIONALITY_WORD, peoples_of_places
from models.analysis.phrase_types import (
    CALLED_BEFORE,
    FOR_PEOPLE_BEFORE,
    defined_as,
    examples_type,
    named_by_noun,
    noun_type,
    phrase_type,
)
from models.analysis.short_forms import (
    article_surnames,
    company_short_forms,
    parts_of_people,
    short_form_after_the,
    storm_names,
)
from models.analysis.teams import (
    THE_BEFORE,
    club_name,
    in_a_result,
    plays,
    plural_after_the,
    sports_report,
    staff_named_after,
    team_evidence,
    team_names,
)
from models.analysis.world_cities import world_cities
from models.analysis.world_places import PLURAL_REGIONS, places_with_given_names, world_places

_LIFE_DATES = re.compile(
    r"\s*\((?:born\b|b\.\s|c\.\s*\d|(?:[^()]{0,25}\s)?\d{3,4}\s*[–—-]\s*(?:[^()]{0,25}\s)?(?:c\.\s*)?\d{2,4}\))"
)
# A definition in front of a name that opens its sentence: "An Irish start-up based in Cork, X was …".
_FRONT_DEFINITION = re.compile(r"(?:^|[.!?]\s+|\n|[\"“‘'])\s*(?:An?|The)\s+([^,.;:\n\"“”]{3,60}),\s+$")
_SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*who\b|\s(?:recalled|recalls|believes|believed|thinks|thought|was born|died|married)\b)"
)
# Where one goes: "Hibernian travel to Dundee", "she flew back to Lagos" (a club's town too: the place).
_TRAVEL_TO_BEFORE = re.compile(r"\b(?:travel|travels|travelled|traveled|travelling|traveling|fly|flies|flew|flown|"
                               r"drive|drove|driven|sail|sailed|moved|relocated|returned|emigrated)(?: back)? to $")
_PEOPLE_IN_BEFORE = re.compile(r"\b(?:fans|residents|voters|locals|families|households|villagers|commuters|"
                               r"shoppers|farmers|pupils|homeowners|tenants|people|citizens) (?:in|across|around) $",
                               re.IGNORECASE)
_ROUTE_BETWEEN = re.compile(
    r"\b(?:section|line|road|railway|route|border|distance|journey|trip|trains?|flights?|ferr(?:y|ies)|buses|"
    r"stretch|motorway|highway|services?|link) between\s+(?:[A-Z][\w'’-]*\s+){0,3}?(?:[A-Z][\w'’-]*\s+and\s+)?$"
)
# One word naming a square, a street or a station in German or Dutch ("Alexanderplatz", "Kurfürstendamm", "Damrak").
_STREET_WORD = re.compile(r"[A-Z][a-zäöüß]{2,}(?:platz|straße|strasse|gasse|allee|plein|gracht|markt|bahnhof|damm)\Z")
_WHERE_AFTER = re.compile(r",\s+where\s")
# Last words of places that are also surnames ("Ruth Hall", "Julian Marsh", "Emma Field").
_SURNAME_PLACE_WORDS = frozenset({"hall", "marsh", "field", "fields", "hill", "hills", "wood", "woods", "lane",
                                  "street", "church", "chapel", "banks", "brook", "ford", "park", "tower", "bridge",
                                  "lake"})
_AFFILIATION_AFTER = re.compile(r"\s?\(\d{1,2}\)|\s?[¹²³⁴⁵⁶⁷⁸⁹]")
_SELF_BEFORE = re.compile(r"(?:\bI['’]m|\bI am|\b[Mm]y name is|\b[Mm]y name['’]s)\s+$")
# Where a study is published: "published on Wednesday in", "writing in The", "the journal" (not a place: "published
# in London" is checked against the places of the world; not "appeared in", said of films and samples too).
_JOURNAL_BEFORE = re.compile(r"\b(?:journals?|(?:published|writing|wrote)(?: online| today| this week|"
                             r" on [A-Z][a-z]{2,5}day)? in)[^\S\n]+(?:[Tt]he[^\S\n]+)?$")
_HEADQUARTERS_AFTER = re.compile(r",? (?:which is |that is |is |was )?(?:headquartered|based) (?:in|at|near|out of) ")
# A singular name that begins its clause and takes a plural verb is a body of people (British usage), never one person
# ("Elbow are brilliant live"); not the last of a list ("Smith and Jones are") nor the end of a longer subject ("the
# allegations against Vice President Biden are").
_PLURAL_VERB_AFTER = re.compile(r"\s(?:are|were)\b(?! (?:you|we|they|I)\b)")
_CLAUSE_START_BEFORE = re.compile(r"(?:\A|[.!?:;\"“”\n]|\b(?:but|because|though|so|when|if|while))\s{0,3}\Z")
SAYS_AFTER = _SAYS_AFTER = re.compile(r"\s+(?:said|says|writes|wrote|told|tells|asked|asks|replied|emailed|texted|"
                                      r"laughed|smiled|nodded|whispered|shouted)\b")
# Only a person has these: "X's mother", "X's memoirs", "X fell in love".
_KIN_AFTER = re.compile(
    r"['’]s\s+(?:(?:late|elder|younger|first|second|own)\s+)?(?:mother|father|wife|husband|son|daughter|brother|"
    r"sister|parents|grandmother|grandfather|uncle|aunt|widow|fiancée?|girlfriend|boyfriend|childhood|boyhood|"
    r"girlhood|memoirs?|autobiography|funeral|birthday)\b|\s+fell in love\b"
)
# What a company has and a place has not: "Acme's secondary listing", "Acme's initial public offering".
_ORG_AFTER = re.compile(r"\s*(?:said in a statement|announced\b|shares\b|stock\b|['’]s (?:(?:initial public|"
                        r"secondary|public|stock market|share) )?(?:shares|stock|ceo|CEO|board|listing|offering|IPO|"
                        r"shareholders|chief executive|co-founder|founder|subsidiary|market value|valuation)\b)")
# A name whose "'s" is its own, as in a shop's name, since a verb follows that no "is" or "has" can precede: "Rival
# Lowe's was also lower", "McDonald's will open" (a person's "Smith's" owns a noun, or is "Smith is / has").
_OWN_S_AFTER = re.compile(r"['’]s\s+(?:was|were|did|does|will|would|could|can)\b")
# A maker or a seller ("Dashlane offers a free version of its software") and a sponsor ("brought to you by Dashlane"):
# someone who acts, not a place.
_SELLS_AFTER = re.compile(r"\s+(?:offers|sells|makes|ships|launched|released|unveiled)\s+(?:a|an|its|their|the)\s")
# Goods bought from a maker or a seller ("a monitor arm from Ergotron", "chairs made by Herman Miller and Steelcase",
# "a desk from IKEA"): the maker's name, the first right after the words and the others after a comma, "and", "or".
_GOODS_FROM_BEFORE = re.compile(
    r"\b(?i:chairs?|desks?|sofas?|lamps?|monitors?|monitor arms?|risers?|headsets?|headphones|speakers?|keyboards?|"
    r"mattress(?:es)?|furniture|shoes|trainers|sneakers|jackets?|phones?|laptops?|tablets?|cameras?|routers?|"
    r"printers?|chargers?|appliances?|bikes?)\s+(?:(?:made|designed|sold|built|bought|ordered)\s+)?(?:from|by)\s+"
    # not "arms from", "supplies from", "parts from": what comes from a place as often as from a maker
    r"(?:(?:[A-Z][\w'’&.-]*\s+){0,3}?[A-Z][\w'’&.-]*(?:,\s+|,?\s+(?:and|or)\s+)){0,3}$"
)
# Only an organisation has a website of its own name: "the Ookla website", "the VisitScotland website".
_WEBSITE_AFTER = re.compile(r"\s+(?:website|web site|homepage|online store|web shop|webshop)\b")
# A region named by its lands ("the Highlands", "the Lowlands", "the Midlands"): a place.
_LANDS = re.compile(r"[A-Z][a-z]+lands\Z")
# What a river does ("the Leie flows into the Scheldt"), after "the".
_RIVER_VERB_AFTER = re.compile(r"\s+(?:flows|flowed|meanders|meandered|rises|empties|drains|joins the)\b")
_INITIAL_SURNAME = re.compile(
    r"(?!(?:U\.S|D\.C|U\.K|U\.N|E\.U|N\.Y|L\.A|St)\.)(?:[A-Z]\. ?){1,3}"
    r"(?:[A-Z][a-z]{0,2}['’]?)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\Z"
)
_SPONSOR_BEFORE = re.compile(r"\b(?:brought to you by|sponsored by|powered by|presented by|courtesy of)\s+$")
# What only an organisation has: "Universal’s music division", "Acme's shareholders", "its parent company".
_COMPANY_PART_AFTER = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:division|subsidiary|subsidiaries|shareholders|stockholders|board of directors|"
    r"parent company|share price|stock price|workforce)\b")
# … and, for a name already typed an organisation, an "'s" that owns nothing: a list goes on after it, or a verb of
# saying follows ("Target, Macy's and Kohl's", "Kellogg's said sales fell").
_SHOP_S_AFTER = re.compile(r"['’]s(?:\s*[,;:)]|\s+(?:and|or)\s+[A-Z]|\s+(?:said|says|reported|announced)\b)")
# A name used as the maker or the channel of what follows it ("a Netflix documentary", "his Acme subscription").
_MEDIA_AFTER = re.compile(r"\s+(?:documentary|documentaries|special|original|originals|app|apps|account|accounts|"
                          r"subscription|subscriptions|subscribers|streaming|stock|shares)\b")
_ORG_BEFORE = re.compile(r"(?:a spokesman for|a spokeswoman for|a spokesperson for|"
                         r"chief executive of|CEO of|founder of|co-founder of)\s+(?:the\s+)?$", re.IGNORECASE)
# What only a company or an institution has: shares, and analysts or researchers who work "at" it.
_FIRM_BEFORE = re.compile(r"\b(?:shares (?:of|in)|stock of|today['’]s sponsor,?|our sponsor,?|sponsored by|"
                          r"(?:marketed|manufactured|distributed) by|"
                          r"(?:analyst|economist|strategist|researcher|scientist|engineer)s? "
                          r"at)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|(?:across|along|alongside|throughout|towards)(?: the)?|around|"
                           r"north of|south of|east of|"
                           r"west of|located in|based in|born in|city of|island of|capital of|visit|visiting|"
                           r"area of|region of|province of|district of|town of|village of|(?:returned|travell?ed|"
                           r"moved|flew|sailed|drove|fled|emigrated|trip|journey|flights?) to|arrived in|through|"
                           r"via)\s+)$")
_BORN_IN_BEFORE = re.compile(r"\b(?:born|raised|grew up) in\s+$", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"-based\b|\s+(?:is|was) (?:located|situated) in (?:the|[A-Z])"
    r"|\s+(?:area|region|province|district|neighbourhood|neighborhood|countryside|suburbs?|outskirts|airport|"
    r"city cent(?:re|er)|town cent(?:re|er)|harbou?r|seafront|waterfront|border crossing|crossing point)\b"
)
# A town's own services and people: "Forest Hill police", "the Dallas fire department", "Rukban residents" (not a
# people's: "Armenian police").
_LOCAL_BODY_AFTER = re.compile(r"(?:['’]s\s+(?:(?:current|former|new|deputy|longtime)\s+)?mayor|\s+(?:police|"
                               r"sheriff's|sheriff’s|fire department|city council|mayor|residents?|inhabitants|"
                               r"villagers))\b")
# Only a town has a mayor and residents, only a land a coast and villages: "a former mayor of Riverton", "the coast of
# Galicia", "a fishing village in Cornwall".
_TOWN_BEFORE = re.compile(r"\b(?:mayors? of|deputy mayor of|residents of|inhabitants of|townspeople of|streets of|"
                          r"(?:shores?|banks?|mouth|source) of the|"
                          r"seat of|suburbs? of|outskirts of|(?:village|town|hamlet|island) of|coast of|coastline of|"
                          r"shores of|(?:village|town|city|hamlet|suburb|port|county|district|province|region) "
                          r"(?:in|near|outside))\s+$",
                          re.IGNORECASE)
# A name of a language or of its speakers' varieties: "the X language", "X speakers", "X-speaking".
_LANGUAGE_AFTER = re.compile(r"(?:\s+|-)(?:language|languages|dialect|dialects|speakers|speaking|speech community)\b")
# A stock market index: "the benchmark Sensex", "the blue-chip Dow …", "… index", "… .DJI fell 102.2 points".
_INDEX_BEFORE = re.compile(r"\b(?:benchmark|blue-chip|index|indices|indexes|gauge)\s+(?:the\s+)?$")
_INDEX_AFTER = re.compile(r"\s+(?:index\b|(?:\.[A-Z][A-Z0-9]{1,11}\s+)?(?:rose|fell|gained|lost|added|shed|"
                          r"climbed|dropped|jumped|slipped|declined|advanced|was up|was down)\s+[\d,.]+\s+points)")
_CRUDE_AFTER = re.compile(r"\s+crude\b")
_NUMBERED_SUMMIT = re.compile(r"COP ?\d{1,2}\Z")
_WORK_OF_AFTER = re.compile(r"['’]s\s+[“\"‘]")
_PRONOUN_AFTER = re.compile(r"\s+[a-z]+\s+(?:his|her|himself|herself)\b")
_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?\n][\"'”’)]?[^\S\n]{0,3})$")
_OWN_LATER = re.compile(r"[^\S\n]+[a-z]+(?:[^.!?\n](?!\b(?:its|their|it)\b)){0,100}?\b(?:her|his)\b")
_CITED_AFTER = re.compile(r"\s*(?:\[\d|\((?:1[89]|20)\d\d[a-z]?[),;])")
# An author in a reference: "(Lund, 2009)", "Lund et al. (2009)", "Lund and Berg [4]", "(Lund, Berg, & Holm, 2014)".
_REFERENCE_AFTER = re.compile(
    r",?\s+et\s+al\.?|(?:,\s*[A-Z][\w'’-]+)*,?\s*(?:&|and)\s+[A-Z][\w'’-]+(?:['’]s)?\s*(?:,\s*|\()?"
    r"(?:\[\d|(?:1[89]|20)\d\d\b)"
)
_A_BEFORE = re.compile(r"(?<![\w'’-])(?:a|an)\s+$")
_LIST_OR_END_AFTER = re.compile(r"\s*(?:[,.;:!?)]|\s(?:or|and)\s+(?:a|an)\s)")
_DEVICE_AFTER = re.compile(r"\s+(?:[Pp]ro\s+|[Ww]ireless\s+)?(?:controllers?|consoles?|headphones|earbuds|charger|"
                           r"remote|keyboard|headset|dock|stylus)\b")
_SCHOOL_WORDS = frozenset({"university", "college", "institute", "school", "academy"})
_CRAFT_LAST_WORDS = frozenset({"telescope", "rover", "lander", "probe", "spacecraft", "satellite", "orbiter"})
_MODEL_NOUN_AFTER = re.compile(r"\s+(?:model|models|chatbot|chatbots|assistant|rocket|rockets|spacecraft|capsule|"
                               r"probe|lander|rover|satellite|satellites|telescope|vaccine|drug|app)\b")
# Things a company names after its maker as often as by their own name ("its Airbus jets", "their Tesla cars"): only
# a name of two words or more is the thing ("its Model Y car").
_VEHICLE_NOUN_AFTER = re.compile(r"\s+(?:jet|jets|airliner|airliners|aircraft|plane|planes|car|cars|truck|trucks|"
                                 r"phone|phones|smartphone|smartphones|console|consoles|laptop|laptops)\b")
_OWNER_BEFORE = re.compile(r"(?<![\w'’])(?:my|your|his|her|its|our|their)\s+$")
_MAKER_BEFORE = re.compile(r"(?<![\w'’])(?:its|their|[A-Z][\w.&-]{1,30}['’]s)\s+$")  # "NASA's", "its" (rocket …)
_LOWER_AFTER = re.compile(r"\s+[a-z]")
_TIME_BEFORE = re.compile(r"\b(?:since|after|before|during|until)\s+the\s+$")
_PHRASE_END_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$|\s(?:and|or|by|to|in|when|was|is)\b)")
_YEAR_AFTER = re.compile(r",\s*(?:1[89]|20)\d\d[a-z]?\s*[);,]")
_REFERENCE_BEFORE = re.compile(
    r"(?:\((?:e\.g\.,?\s|see\s|cf\.\s)?|;\s|[A-Z][\w'’-]+,\s|[A-Z][\w'’-]+\s(?:&|and)\s|,\s&\s)$")
# A year right after a surname, closing a reference in a list of them: "(Heidenreich & Turano 2011; Milekic 2010)"
_LISTED_YEAR_AFTER = re.compile(r"\s(?:1[89]|20)\d\d[a-z]?\s*[);]")
_LIST_BEFORE = re.compile(r";\s$")
_STAKE_BEFORE = re.compile(r"\b(?:stake|stakes|shares|share|investment|interest|percent|invest|invested)\s+in\s+$")
AGENT = "agent"  # evidence of an organisation against a place, not against a person
_PERSON_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|St|Saint|Emperor|Empress|King|Queen|Pope|Abba|Mme|Mlle|"
                            r"Herr|Frau|Señora?)\.?\s+$")
# What is done only to a person, the name its object: "appointed Solon", "married Ellen", "knighted Elton John".
_DONE_TO_A_PERSON = re.compile(r"\b(?:appointed|married|knighted|crowned|assassinated|impeached|pardoned|kidnapped|"
                               r"murdered|sentenced|canonized|canonised|beatified|baptized|baptised)\s+$")
# A relative named after the word for them: "his wife, Kimberly,", "her late husband Tom".
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|my|our|your)\s+(?:(?:late|elder|younger|former|longtime|new)\s+)?(?:wife|husband|son|"
    r"daughter|mother|father|brother|sister|partner|girlfriend|boyfriend|fiancée?|widow|widower|grandson|"
    r"granddaughter|cousin|nephew|niece|uncle|aunt),?\s+$",
    re.IGNORECASE,
)


# Last words of the names of firms, studios and practices ("Balmond Studio", "Foster Associates", "Kline Design").
_FIRM_LAST_WORDS = frozenset("""
    studio studios design designs architects associates partners consulting consultants lab labs
    laboratories entertainment productions records pictures films ventures holdings solutions
    technologies industries enterprises logistics robotics therapeutics
    pharmaceuticals biosciences airlines airways motors air chronicle gazette herald tribune telegraph observer
    courier times post journal
""".split())


def mention_cues(text: str, start: int, end: int) -> Counter[str]:  # weights may be halves
    """Evidence from the words around one mention, as type → weight."""
    cues: Counter[str] = Counter()
    surface = text[start:end]
    words = surface.split()
    before = text[max(0, start - 40) : start]
    after = text[end : end + 120]
    key = name_key(surface)
    if key in KNOWN_ORGANISATIONS:
        cues["ORGANIZATION"] += 3
    if words and words[-1].lower() in CORPORATE_SUFFIXES and len(words) > 1:
        cues["ORGANIZATION"] += 3
    elif len(words) > 1 and (words[-1].lower() in _FIRM_LAST_WORDS or words[0] == "Air" and words[1][:1].isupper()):
        cues["ORGANIZATION"] += 2  # "Balmond Studio", "Peter Koros Design" (a founder's firm); "Air Chathams"
    if len(words) >= 2 and words[0].lower() in PLACE_FIRST_WORDS and words[-1].lower() not in ORG_HEADS:
        cues["PLACE"] += 2  # "Fort Worth", "Lake Como"; not "Fort Worth Police Department"
    if len(words) >= 2 and words[-1].lower() == "church" and any(w.lower() in DENOMINATIONS for w in words):
        cues["ORGANIZATION"] += 3  # "the Catholic Church", "the Eastern Orthodox Church": the body, not a building
    elif len(words) >= 2 and (words[-1].lower() in PLACE_LAST_WORDS or words[-1] == "Hill") and not (
            words[0].lower() in HONORIFICS and words[0].lower() not in ("st.", "saint")
            or words[0] in given_names() and len(words) == 2 and
            words[-1].lower() in _SURNAME_PLACE_WORDS):
        cues["PLACE"] += 2  # "Capitol Hill", "Notting Hill"; not "Dr. Julian Marsh", "Ruth Hall", "Fiona Hill"
    if len(words) >= 3 and any(w.lower() in _SCHOOL_WORDS for w in words[:-1]):
        cues["ORGANIZATION"] += 2  # "Texas Tech University Health Sciences Center": the university's, no building
    if _LIFE_DATES.match(after):
        cues["PERSON"] += 3
    front = _FRONT_DEFINITION.search(text, max(0, start - 80), start)
    if front:
        kind = phrase_type(front.group(1))
        if kind:
            cues[kind] += 2  # "A Lisbon start-up founded in 2015, X …"
    defined = defined_as(after)
    if defined:
        cues[defined] += 2
    named = named_by_noun(before, words)
    if named and before.endswith(", ") and not after.startswith((",", ")", " —", " -")):
        named = None  # "a spokesperson, Esther Wambui, said"; not "vice president, Nissan Sales & … at"
    if named:
        # alone not enough: "an aircraft Boeing currently builds" is no apposition; a word for a person is ("India's
        # delegate Chandni Raina", "the actress Rashida Jones")
        cues[named] += 2 if named == "PERSON" else 1
    listed = examples_type(text[max(0, start - 120) : start])
    if listed == "PERSON" and FOR_PEOPLE_BEFORE.search(text, max(0, start - 120), start):
        listed = None  # "services for students, such as Campus France": the examples of the services
    if listed and not after.startswith(("'s", "’s")):  # "films like Woody Allen's Match Point": the maker
        cues[listed] += 2
    called = CALLED_BEFORE.search(before)
    introduced = noun_type(called.group(1)) if called else None
    if introduced:
        cues[introduced] += 3  # "a company called Versant", "a man named Tom": what it is, said outright
    if _SELF_BEFORE.search(before) and len(words) <= 3 and all(w[:1].isupper() for w in words):
        cues["PERSON"] += 2  # "I'm Marcus", "my name is Jess": a speaker names herself
    if len(words) == 1 and (surface in PLURAL_REGIONS or _STREET_WORD.match(surface)):
        cues["PLACE"] += 2  # "up to the Lakes", "the Balkans"
    if _WHERE_AFTER.match(after):
        cues["PLACE"] += 1  # "towards Lower Broadheath, where Elgar was born" (and "Cornell, where he taught")
    if _TRAVEL_TO_BEFORE.search(before) and len(words) <= 3 and words[-1].lower() not in ORG_HEADS \
            and not team_evidence(text, start, end):  # not "travel to Blackburn Rovers", a club's ground
        cues["PLACE"] += 2
    if _ROUTE_BETWEEN.search(text, max(0, start - 120), start):
        cues["PLACE"] += 2  # "the section between Saltash and Truro", "trains between Newton Abbot and Plymouth"
    if _AFFILIATION_AFTER.match(after) and len(words) >= 2:
        cues["PERSON"] += 2  # "Eilidh MacLeod (1), Tomasz Wiśniewski (2)": an author and her affiliation's number
    if _HEADQUARTERS_AFTER.match(after):
        cues["ORGANIZATION"] += 2  # "Norte Minerals, which is based in Vancouver", "headquartered in Austin"
    if _JOURNAL_BEFORE.search(before) and surface not in places_with_given_names() \
            and surface not in world_cities():
        cues["ORGANIZATION"] += 3  # "published on Wednesday in Nature", "the journal Cell": a journal
    if _SPEECH_AFTER.match(after) or _KIN_AFTER.match(after):
        cues["PERSON"] += 1
        if len(words) == 1 and surface in given_names() and surface not in places_with_given_names():
            cues["PERSON"] += 1  # "Marta, who'd interviewed me" (a place to the model): a given name
    elif len(words) == 1 and _SAYS_AFTER.match(after) and surface in given_names() \
            and surface not in places_with_given_names():
        cues["PERSON"] += 2  # "Charlotte writes that …": a given name that speaks
    if len(words) == 1 and _PLURAL_VERB_AFTER.match(after) and not surface.endswith("s") \
            and surface not in given_names() and _CLAUSE_START_BEFORE.search(before):
        cues["ORGANIZATION"] += 2  # "Elbow are brilliant live", "Everton are at home": a band, a club, a firm
    if len(words) == 2 and _WORK_OF_AFTER.match(after) and all(w[:1].isupper() for w in words) \
            and words[-1].lower() not in ORG_HEADS and words[-1].lower() not in CORPORATE_SUFFIXES:
        cues["PERSON"] += 2  # "Payal Kapadia's “All We Imagine as Light”": the work's author
    if _GOODS_FROM_BEFORE.search(text, max(0, start - 120), start) or _WEBSITE_AFTER.match(after) \
            and len(words) <= 2:
        cues["ORGANIZATION"] += 2
    if len(words) == 1 and _LANDS.match(surface) or len(words) <= 2 and _RIVER_VERB_AFTER.match(after) \
            and THE_BEFORE.search(before):
        cues["PLACE"] += 2  # "the Highlands"; "the Leie flows into the Scheldt"
    if WEB_DOMAIN.search(surface):
        cues["ORGANIZATION"] += 3  # "Booking.com", "Hostelworld.com": a website's company
    if _INITIAL_SURNAME.match(surface):
        cues["PERSON"] += 2  # "E. MacLeod", "J. R. Smith": an initial and a surname
    if _ORG_BEFORE.search(before):
        cues["ORGANIZATION"] += 1
    elif _FIRM_BEFORE.search(before):
        cues["ORGANIZATION"] += 2
    if _OWN_S_AFTER.match(after) or _COMPANY_PART_AFTER.match(after):
        cues["ORGANIZATION"] += 2
    if _ORG_AFTER.match(after) or _MEDIA_AFTER.match(after) or _SELLS_AFTER.match(after) \
            or _SPONSOR_BEFORE.search(before):
        cues[AGENT] += 1  # people announce things too: this only tells an organisation from a place
    if _PLACE_AFTER.match(after) or _LOCAL_BODY_AFTER.match(after) and not DEMONYM.match(surface) \
            or _TOWN_BEFORE.search(before):
        cues["PLACE"] += 2
    if _ROLE_AFTER.match(after) and len(words) <= 3:
        cues["ORGANIZATION"] += 1  # "Wild coach Bruce Boudreau", "Google CEO"
    team = team_evidence(text, start, end)
    if team:
        cues["ORGANIZATION"] += team
    if _INDEX_BEFORE.search(before) or _INDEX_AFTER.match(after) and not given_name_first(words, set()) or (
        _CRUDE_AFTER.match(after) and len(words) == 1 and "." not in surface and surface not in world_places()
    ):
        cues["OTHER"] += 2  # "the equity benchmark Sensex", "the Dow Jones Industrial Average fell 102.2 points",
        # "Brent crude" (not "U.S. crude")
    if _LANGUAGE_AFTER.match(after):
        cues["OTHER"] += 2  # "the Tuvani language", "Tuvani speakers": a language, not an organisation
    if _PRONOUN_AFTER.match(after) or _CITED_AFTER.match(after):
        cues["PERSON"] += 1
    elif len(words) == 1 and _SUBJECT_BEFORE.search(before) and _OWN_LATER.match(after):
        cues["PERSON"] += 1  # "Beyoncé has added a date … for her June 3 show": "her" before any "its", "their"
    if len(words) == 1 and (
        _REFERENCE_AFTER.match(after)
        or _REFERENCE_BEFORE.search(before) and (_YEAR_AFTER.match(after) or _CITED_AFTER.match(after))
        or _LIST_BEFORE.search(before) and _LISTED_YEAR_AFTER.match(after)
    ):
        cues["PERSON"] += 2  # a surname in a reference to a publication
    if _PERSON_BEFORE.search(before) or _KIN_BEFORE.search(before) or _DONE_TO_A_PERSON.search(before):
        cues["PERSON"] += 2
    if len(words) == 1 and _A_BEFORE.search(before) and _LIST_OR_END_AFTER.match(after):
        cues["OTHER"] += 2  # "on an Ostra or a Velo": a thing one has, not someone
    if _OWNER_BEFORE.search(before) and not _LOWER_AFTER.match(after):
        cues["OTHER"] += 2  # "her Daily Fuel Plan", "your Zune Pro": a thing someone has, no name of an agent
    if len(words) > 1 and _DEVICE_AFTER.match(after) and words[-1].lower() not in CORPORATE_SUFFIXES:
        cues["OTHER"] += 2  # "the Nintendo Switch pro controller": a device's name (a maker's alone is no device)
    if len(words) > 1 and words[-1].lower() in _CRAFT_LAST_WORDS:
        cues["OTHER"] += 2  # "the James Webb Space Telescope", "the Parker Solar Probe": a craft, not its namesake
    if (_OWNER_BEFORE.search(before) or _MAKER_BEFORE.search(before)) and (
            _MODEL_NOUN_AFTER.match(after) or len(words) > 1 and _VEHICLE_NOUN_AFTER.match(after)):
        cues["OTHER"] += 2  # "its Mixtral model", "NASA's Europa Clipper spacecraft": the maker's thing
    if _TIME_BEFORE.search(before) and _PHRASE_END_AFTER.match(after):
        cues["EVENT"] += 1  # "since the Great Fire", "after the Long March."
    bare = _ARTICLE_PARTICLE.sub("", before)  # "in al-Tanf", "near el-Arish": the preposition before the article
    if _PLACE_BEFORE.search(bare) and not _STAKE_BEFORE.search(bare):
        cues["PLACE"] += 2 if _BORN_IN_BEFORE.search(bare) else 1  # "was born in Cork": where one is born is a place
    return cues


_ARTICLE_PARTICLE = re.compile(r"(?<![\w-])(?:al|el|ad|ar|as|ash|at|az)[-‐‑]$")


def _against_person(votes: Counter[str] | None) -> bool:
    """The context of a name says it is something other than a person (weight 2 or more, above the person's)."""
    if not votes:
        return False
    person = votes["PERSON"]
    return any(v >= 2 and v > person for k, v in votes.items() if k not in ("PERSON", AGENT))


_HONORIFIC_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mme|Mlle)\.?\s+([A-Z][\w'’-]+)")


# What ends an address after its region: a clause's end, a footnote mark, "and", a year.
_REGION_END = re.compile(r"\s*(?:[.;:)\]]|,\s+(?:[a-z]|\[|\d)|\[\d|\s(?:and|in|on|where|when)\s|$)")


def _personal_evidence(c: Candidate, text: str) -> bool:
    """An organisation's name only the model believes in, whose context speaks only of a person, may be retyped:
    not an acronym or a name with an organisation's word, and not a title dated like a work ("The Lookout (2007)",
    "Grey Orchard (2009)") — a year after a single surname is a citation, after a title of several words a release."""
    words = c.text.split()
    if not c.text[:1].isupper() or c.text.isupper() or any(w.lower() in ORG_HEADS for w in words):
        return False
    dated = _YEAR_IN_PARENTHESES.match(text, c.end) is not None
    return not (dated and (len(words) > 1 or THE_BEFORE.search(text, max(0, c.start - 4), c.start)))


_YEAR_IN_PARENTHESES = re.compile(r"\s*\((?:1[5-9]|20)\d\d\)")


def retype(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with the type their pooled context cues agree on (only PERSON / ORGANIZATION / PLACE names, and
    only when the evidence is clear: a total of at least 2 for one type, twice any other). A full name whose
    surname the text writes after "Mr." or "Ms." is a person's."""
    evidence: dict[str, Counter[str]] = defaultdict(Counter)
    addressed = {m.group(1) for m in _HONORIFIC_SURNAME.finditer(text)} if "M" in text or "D" in text else set()
    place_names = {c.text for c in candidates if c.type == "PLACE" and not c.weak}
    places = {c.start for c in candidates if c.text in place_names}
    place_ends = {c.end for c in candidates if c.text in place_names}
    # what a first name cannot open: an organisation the text names alone ("Chelsea"), a brand ("X®")
    single_orgs = {c.text for c in candidates if c.type == "ORGANIZATION" and " " not in c.text}
    brands = {name_key(c.text) for c in candidates if text[c.end : c.end + 1] in ("®", "™")}
    given: set[str] = set()  # names whose first word is a given name, counted once each
    # a building's or a place's head word alone, after the longer name it ends ("Indiana Statehouse" … "the
    # Statehouse"): the same place
    heads = {c.text.split()[-1] for c in candidates
             if len(c.text.split()) >= 2 and c.text.split()[-1].lower() in BUILDING_HEADS}
    # what a place or a body is in: "Tynecastle Park in Gorgie", "Paradiso in Amsterdam", "Google in Mountain View"
    within = {c.end + 4 for c in candidates if c.type in ("PLACE", "ORGANIZATION") and not c.weak
              and text.startswith(" in ", c.end)}
    people_words = {w for c in candidates if c.type == "PERSON" and not club_name(c.text) for w in c.text.split()}
    within_places = {c.end + 4 for c in candidates if c.type == "PLACE" and text.startswith(" in ", c.end)}
    full_names_words = {w for c in candidates if c.type == "PERSON" and " " in c.text and not club_name(c.text)
                        for w in c.text.split()}
    islands = {plural for c in candidates if c.type == "PLACE" and (plural := island_group_plural(c.text))}
    sport = sports_report(text)
    sides: set[str] = set()
    lived_in: set[str] = set()
    for c in candidates:
        evidence[name_key(c.text)].update(mention_cues(text, c.start, c.end))
        if c.text in islands:
            evidence[name_key(c.text)]["PLACE"] += 3  # "the Chathams" of the "Chatham Islands"
        if _PEOPLE_IN_BEFORE.search(text, max(0, c.start - 24), c.start) and len(c.text.split()) <= 3:
            lived_in.add(name_key(c.text))
        own_words = set(c.text.split())
        result = c.type in _SIDE_TYPES and not people_words & own_words and in_a_result(text, c.start, c.end)
        # in a sports report, any name but a player's ("Hibernian defeated city rivals", a people to the model)
        played = sport and (c.type != "PERSON" or len(own_words) == 1 and c.text not in given_names()) \
            and not full_names_words & own_words and (plays(text, c.start, c.end) or staff_named_after(text, c.end))
        if result or played:  # "India beat England by 203 runs": the sides
            evidence[name_key(c.text)]["ORGANIZATION"] += 4
            sides.add(c.text)
        if c.start in within and (c.type in ("ORGANIZATION", "GROUP") or c.type == "PERSON" and " " not in c.text
                                  and c.start in within_places and c.text not in given_names()
                                  and c.text not in full_names_words) \
                and not _OWN_S_AFTER.match(text, c.end) and not text.startswith(("'s", "’s"), c.end):
            evidence[name_key(c.text)]["PLACE"] += 2  # "Tynecastle Park in Gorgie" (a person to the model)
        if c.text in heads and not text.startswith(" of ", c.end):  # "Palace of Forty Columns" is another name
            evidence[name_key(c.text)]["PLACE"] += 2
        if c.start >= 1 and text[c.start - 1] in "-‐‑" and c.start - 1 in place_ends:
            evidence[name_key(c.text)]["PLACE"] += 2  # "Delhi-NCR", "Dallas-Fort Worth": a place joined to a place
        if text[c.end : c.end + 2] == ", " and c.end + 2 in places and " " not in c.text:
            evidence[name_key(c.text)]["PLACE"] += 1  # "Tarn, Vosges": a place written with its region
        if c.start - 2 in place_ends and " " not in c.text and text[c.start - 2 : c.start] == ", " \
                and _REGION_END.match(text, c.end):
            evidence[name_key(c.text)]["PLACE"] += 2  # "born in Exeter, Devon.": the region of a place
        words = c.text.split()
        if 2 <= len(words) <= 3 and words[-1] in addressed and all(w[:1].isupper() for w in words):
            evidence[name_key(c.text)]["PERSON"] += 2
        if c.type == "ORGANIZATION" and given_name_first(words, place_names) and words[0] not in single_orgs \
                and name_key(c.text) not in brands and name_key(c.text) not in given:
            given.add(name_key(c.text))
            evidence[name_key(c.text)]["PERSON"] += 2  # "Jean Cocteau", "Sophie Dymoke": a first name and a surname
    for key in lived_in:  # "Fans in Leith", "voters across Ohio": where people live, unless the name is a team's
        if not evidence[key]["ORGANIZATION"]:
            evidence[key]["PLACE"] += 1
    surnames = article_surnames(candidates)
    people_at = {c.start for c in candidates if c.type == "PERSON" and " " in c.text}
    for c in candidates:  # "McLaren's Lando Norris": a team's or a company's person; a person owns no person
        if c.type == "PERSON" and " " not in c.text and c.end + 3 in people_at and text[c.end : c.end + 3] in (
                "'s ", "’s ") and c.text not in surnames and c.text not in given_names():
            evidence[name_key(c.text)]["ORGANIZATION"] += 3
    parts = parts_of_people(candidates, text, surnames)
    world = world_places() - surnames
    for name in {c.text for c in candidates if c.text in world}:
        evidence[name_key(name)]["PLACE"] += 2  # "aid to Kyiv": a country or a capital, whatever the model says
    # not a city that begins an organisation's name in the article: "Harrow" after "Harrow School", "Tottenham"
    # after "Tottenham Hotspur" may be short for it
    cities = world_cities() - world - surnames - {
        c.text.split()[0] for c in candidates if c.type == "ORGANIZATION" and " " in c.text} - {
        w for c in candidates if c.type == "PERSON" and " " in c.text for w in c.text.split()}
    # nor a name a person of the article bears ("Constantine" of "Constantine XI Palaiologos")
    for name in {c.text for c in candidates if c.text in cities and not written_lower(c.text, text)}:
        if not evidence[name_key(name)]["ORGANIZATION"]:  # "Liverpool travel to Leeds": the club
            evidence[name_key(name)]["PLACE"] += 2  # "the coach from Bristol", "we are in Porto"
    for key in {name_key(p) for c in candidates if c.type == "ORGANIZATION" for _, p in university_places(c.text)}:
        evidence[key]["PLACE"] += 2  # "University of Copenhagen": Copenhagen is a place, wherever it is named
    for key in {name_key(p) for c in candidates if c.type == "PLACE" and (p := feature_places(c.text))} - {
            name_key(s) for s in surnames}:
        evidence[key]["PLACE"] += 2  # "Isle of Skye": "Skye" alone is the island
    company_shorts = company_short_forms(candidates, surnames)
    plural_the = plural_after_the(candidates, text) | short_form_after_the(candidates, text) | company_shorts
    # a team the model calls an organisation at least once, and a place or a person elsewhere
    teams = team_names(candidates, text, ("PERSON", "PLACE", "ORGANIZATION"))
    teams &= {c.text for c in candidates if c.type == "ORGANIZATION" and c.source == "model"}
    peoples = peoples_of_places(candidates, text) - sides  # "Hibernian goalkeeper" of a side that plays
    mixed = _mixed_place_names(candidates, evidence)
    storms = storm_names(candidates)
    out = []
    for c in candidates:
        if _NUMBERED_SUMMIT.match(c.text) and c.type != "EVENT":
            out.append(replace(c, type="EVENT", source="summit"))  # "COP29", "COP 15": a climate summit
            continue
        if c.type == "OTHER" and c.source in _THINGS_BY_RULE:
            out.append(c)  # the rules that made it a product or a work read its own name, surer than one cue
            continue
        if c.text in storms and c.type != "EVENT":
            out.append(replace(c, type="EVENT", source="context"))  # "Ida weakened": the hurricane, by its name
            continue
        if c.text in peoples and c.type != "GROUP":
            out.append(replace(c, type="GROUP", source="nationality"))
            continue
        if c.type in ("PLACE", "ORGANIZATION", "GROUP") and NATIONALITY_WORD.match(c.text) \
                or c.type != "GROUP" and NATIONAL_OF.match(c.text):  # "the Dutchman"
            out.append(replace(c, type="GROUP", source="nationality") if c.type != "GROUP" else c)
            continue  # "Spanish", "in English": a nationality or its language, never a place
        if (c.type == "PERSON" and c.text in plural_the) or c.text in teams \
                or c.type == "GROUP" and c.text in company_shorts:
            out.append(replace(c, type="ORGANIZATION", source="context") if c.type != "ORGANIZATION" else c)
            continue
        against = _against_person(evidence.get(name_key(c.text)))
        if (c.type in ("PLACE", "ORGANIZATION", "GROUP") or c.type == "OTHER" and c.source in ("model", "repeated")) \
                and c.text in parts and not against:
            out.append(replace(c, type="PERSON", source="part of a name"))  # "Quell" after "Tobias Quell"
            continue
        if c.type == "ORGANIZATION" and c.text in mixed:
            out.append(replace(c, type="PLACE", source="context"))
            continue
        votes = evidence.get(name_key(c.text))
        if votes and c.type == "PLACE" and votes[AGENT] >= 2 and votes[AGENT] > votes["PLACE"]:
            votes = votes + Counter({"ORGANIZATION": votes[AGENT]})
        if votes and AGENT in votes:
            votes = Counter({k: v for k, v in votes.items() if k != AGENT})
        if votes and c.type == "ORGANIZATION" and set(+votes) == {"PERSON"} and _personal_evidence(c, text):
            source = "given name" if name_key(c.text) in given else "context"
            out.append(replace(c, type="PERSON", source=source))  # "Debbie's death": nothing says organisation
            continue
        if votes and c.type in ("PERSON", "ORGANIZATION", "PLACE", "OTHER", "GROUP"):
            (best, weight), *rest = votes.most_common(2) + [("", 0)]
            second = rest[0][1]
            if best != c.type and weight >= 2 and weight >= 2 * second:
                if c.type == "GROUP" and best != "PLACE" and not (best == "ORGANIZATION" and weight >= 4
                                                                   and not c.text.endswith("s")):
                    out.append(c)  # a people stays one; not a side named like one ("Hibernian lost to Hearts 2-1")
                    continue
                source = "given name" if best == "PERSON" and name_key(c.text) in given else "context"
                c = replace(c, type=best, source=source)
        if c.type == "ORGANIZATION" and " " not in c.text and (_OWN_S_AFTER.match(text, c.end)
                                                              or _SHOP_S_AFTER.match(text, c.end)):
            c = replace(c, end=c.end + 2, text=text[c.start : c.end + 2])  # the shop's name is "Lowe's"
        out.append(c)
    return out


def _mixed_place_names(candidates: Sequence[Candidate], evidence: dict[str, Counter[str]]) -> set[str]:
    """One-word names the model calls a place at one mention in three or more and an organisation at the others,
    with a place's cue ("in Bristol") and nothing of an organisation's around any of them: a place."""
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for c in candidates:
        if c.source == "model" and " " not in c.text:
            kinds[c.text][c.type] += 1
    return {
        name for name, seen in kinds.items()
        if seen["PLACE"] and 2 * seen["PLACE"] >= seen["ORGANIZATION"] > 0
        and (votes := evidence.get(name_key(name))) and set(+votes) == {"PLACE"}
    }


_THINGS_BY_RULE = frozenset({"product", "title list", "work", "award"})
_SIDE_TYPES = frozenset({"PLACE", "GROUP", "ORGANIZATION"})  # what a side of a result may be called

_ROLE_AFTER = re.compile(
    r"\s+(?:coach|goalie|goaltender|defenseman|defenceman|captain|winger|forward|striker|midfielder|quarterback|"
    r"pitcher|shortstop|linebacker|owner|fans|teammates?|ceo|cfo|chief executive|spokesman|spokeswoman|"
    r"spokesperson|chairman|founder|co-founder|executives?|shareholders|employees|staff|subscribers|users)\b"
)
