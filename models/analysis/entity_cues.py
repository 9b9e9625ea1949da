"""What the words around a name say it is, and which names are not names at all.

The small model types a name from the name alone and often gets it wrong ("Fort Lee" a person, a baseball player an
organisation, a publisher a place). A reader decides from the context: "X (born 1988) is an American player", "in
X", "X, a city in …", "shares of X", "X said in a statement", "Fort X", "X Inc.". Each cue below is such a general
pattern of English; the evidence of every mention of a name is pooled, and a name whose cues agree takes their type
for all its mentions. The junk filter drops spans that are not names: metric acronyms, credentials after a byline,
venue lines with "@", statistics glued to a name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate, name_key
from models.analysis.entity_types import CORPORATE_SUFFIXES

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
    """.split()
)
PLACE_NOUNS = frozenset(
    """
    city town village capital country island islands archipelago region province state county district suburb
    neighbourhood neighborhood borough municipality peninsula river lake mountain mountains valley park port harbour
    harbor bay beach coast desert area resort destination metropolis settlement atoll volcano canton prefecture
    commune republic kingdom nation territory street avenue square bridge airport station
    """.split()
)
ORG_NOUNS = frozenset(
    """
    company firm corporation startup start-up publisher newspaper agency organization organisation band team club
    studio developer manufacturer maker retailer airline bank fund network broadcaster channel label university
    college school charity nonprofit non-profit group party union league association society institute foundation
    ministry department conglomerate carrier operator provider platform website magazine outlet brand chain
    subsidiary consortium federation council
    """.split()
)
# First or last words of place names ("Fort Lee", "Mount Kenya", "Grand Island", "Hudson River").
PLACE_FIRST_WORDS = frozenset({"fort", "mount", "mt", "mt.", "lake", "port", "cape", "gulf", "isle"})
PLACE_LAST_WORDS = frozenset(
    """
    island islands river street avenue road park bridge county city province valley beach airport square mountains
    desert peninsula bay sea ocean strait canal harbour harbor falls hills coast district region heights village
    township borough lake lagoon reef center centre museum hall cathedral church chapel building theater theatre
    tower castle palace temple mosque stadium arena plaza st st. ave ave. blvd boulevard lane terrace gardens mall
    """.split()
)
# News agencies and publishers written as bylines and sources; an agency byline is never a person.
KNOWN_ORGANISATIONS = frozenset(
    name_key(n)
    for n in (
        "Associated Press", "The Associated Press", "AP", "Reuters", "Agence France-Presse", "AFP", "Bloomberg",
        "Bloomberg News", "Xinhua", "Kyodo", "Kyodo News", "TASS", "Interfax", "Yonhap", "ANSA", "dpa", "EFE",
        "BBC", "CNN", "NPR", "PBS", "CBS", "NBC", "ABC", "Fox News", "Al Jazeera", "Wikinews", "Wikipedia",
        "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Reddit", "LinkedIn", "SpaceX", "Blue Origin",
        "NASA", "ESA",
    )
)
# Acronyms of metrics, conditions and credentials that the model labels as organisations or people.
NOT_NAMES = frozenset(
    """
    ctr cpm cpc cpa roi kpi ltv arpu mau dau gdp cpi eps ebitda yoy qoq bed bmi hiv aids adhd ptsd copd ms rdn rd
    md phd mba cpa cfa rn lpn dds dvm mph msc bsc ba bs ma llm jd esq faq tbd tba n/a rsvp ceo cfo cto coo
    rgb ips ecg ekg nas rrp hdr ssd hdd lcd led oled usb gps vpn ui ux wifi hdmi rpm mpg kpi sku
    """.split()
)

_LIFE_DATES = re.compile(
    r"\s*\((?:born\b|b\.\s|c\.\s*\d|(?:[^()]{0,25}\s)?\d{3,4}\s*[–—-]\s*(?:[^()]{0,25}\s)?(?:c\.\s*)?\d{2,4}\))"
)
_COPULA = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:is|was|are|were|has been|had been)\s+(?:also\s+)?"
    r"(?:a|an|the|one of the|[A-Z][\w.-]*['’]s)\s+((?:[\w-]+\s+){0,5}?)([a-z][\w-]*)\b"
)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,4}?)([a-z][\w-]*)\b")
_SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*who\b|\s(?:recalled|recalls|believes|believed|thinks|thought|was born|died|married)\b)"
)
_ORG_AFTER = re.compile(r"\s*(?:said in a statement|announced\b|shares\b|stock\b|'s (?:shares|stock|ceo|board)|"
                        r"’s (?:shares|stock|ceo|board))")
_ORG_BEFORE = re.compile(r"(?:shares of|stock of|a spokesman for|a spokeswoman for|a spokesperson for|"
                         r"chief executive of|CEO of|founder of|co-founder of)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|across|throughout|around|towards|north of|south of|east of|"
                           r"west of|located in|based in|born in|city of|island of|capital of|visit|visiting)\s+)$")
_PLACE_AFTER = re.compile(r"-based\b|\s+(?:is|was) (?:located |situated )?in (?:the|[A-Z])")
_PRONOUN_AFTER = re.compile(r"\s+[a-z]+\s+(?:his|her|himself|herself)\b")
_CITED_AFTER = re.compile(r"\s*(?:\[\d|\((?:1[89]|20)\d\d[a-z]?[),;])")
_STAKE_BEFORE = re.compile(r"\b(?:stake|stakes|shares|share|investment|interest|percent|invest|invested)\s+in\s+$")
AGENT = "agent"  # evidence of an organisation against a place, not against a person
_PERSON_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|St|Saint|Emperor|Empress|King|Queen|Pope|Abba)\.?\s+$")


def _noun_type(noun: str) -> str | None:
    noun = noun.lower()
    singular = noun[:-1] if noun.endswith("s") and noun[:-1] in PLACE_NOUNS | ORG_NOUNS | PERSON_NOUNS else noun
    if singular in PERSON_NOUNS:
        return "PERSON"
    if singular in PLACE_NOUNS:
        return "PLACE"
    if singular in ORG_NOUNS:
        return "ORGANIZATION"
    return None


def _defined_as(after: str) -> str | None:
    """The type a definition right after a name gives it: the first known noun of "is a/an … NOUN"."""
    for pattern in (_COPULA, _APPOSITIVE):
        m = pattern.match(after)
        if m:
            for word in [*m.group(1).split(), m.group(2)]:
                kind = _noun_type(word.strip(",;"))
                if kind:
                    return kind
    return None


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
    if len(words) >= 2 and words[0].lower() in PLACE_FIRST_WORDS:
        cues["PLACE"] += 2
    if len(words) >= 2 and words[-1].lower() in PLACE_LAST_WORDS:
        cues["PLACE"] += 2
    if _LIFE_DATES.match(after):
        cues["PERSON"] += 3
    defined = _defined_as(after)
    if defined:
        cues[defined] += 2
    if _SPEECH_AFTER.match(after):
        cues["PERSON"] += 1
    if _ORG_BEFORE.search(before):
        cues["ORGANIZATION"] += 1
    if _ORG_AFTER.match(after):
        cues[AGENT] += 1  # people announce things too: this only tells an organisation from a place
    if _PLACE_AFTER.match(after):
        cues["PLACE"] += 2
    if _ROLE_AFTER.match(after) and len(words) <= 3:
        cues["ORGANIZATION"] += 1  # "Wild coach Bruce Boudreau", "Google CEO"
    if _PRONOUN_AFTER.match(after) or _CITED_AFTER.match(after):
        cues["PERSON"] += 1
    if _PERSON_BEFORE.search(before):
        cues["PERSON"] += 2
    if _PLACE_BEFORE.search(before) and not _STAKE_BEFORE.search(before):
        cues["PLACE"] += 1
    return cues


def retype(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Candidates with the type their pooled context cues agree on (only PERSON / ORGANIZATION / PLACE names, and
    only when the evidence is clear: a total of at least 2 for one type, twice any other)."""
    evidence: dict[str, Counter[str]] = defaultdict(Counter)
    for c in candidates:
        evidence[name_key(c.text)].update(mention_cues(text, c.start, c.end))
    out = []
    for c in candidates:
        votes = evidence.get(name_key(c.text))
        if votes and c.type == "PLACE" and votes[AGENT] >= 2 and votes[AGENT] > votes["PLACE"]:
            votes = votes + Counter({"ORGANIZATION": votes[AGENT]})
        if votes and AGENT in votes:
            votes = Counter({k: v for k, v in votes.items() if k != AGENT})
        if votes and c.type in ("PERSON", "ORGANIZATION", "PLACE", "OTHER", "GROUP"):
            (best, weight), *rest = votes.most_common(2) + [("", 0)]
            second = rest[0][1]
            if best != c.type and weight >= 2 and weight >= 2 * second:
                if c.type == "GROUP" and best != "PLACE":
                    out.append(c)
                    continue
                c = replace(c, type=best, source="context")
        out.append(c)
    return out


_STATS_TAIL = re.compile(r"\s+\d+(?:\.\d+)?\s+[a-z]+.*$")


# Capitalised function words and verbs that end a name in a headline written in title case ("Google Bets On AI").
_TITLE_STOPS = frozenset(
    """
    is are was were be been will would can could should may might must has have had do does did says said bets
    offers offering launches launching wins beats buys sells plans faces gets makes takes set sets hits for to
    with from into over after before about against as at by on of in and or but vs vs. than how why what when
    where who which while if not no new more most are here now just
    """.split()
)
_ROLE_AFTER = re.compile(
    r"\s+(?:coach|goalie|goaltender|defenseman|defenceman|captain|winger|forward|striker|midfielder|quarterback|"
    r"pitcher|shortstop|linebacker|owner|fans|teammates?|ceo|cfo|chief executive|spokesman|spokeswoman|"
    r"spokesperson|chairman|founder|co-founder|executives?|shareholders|employees|staff|subscribers|users)\b"
)


_HEADLINE_CHARS = 300  # a longer line is prose, never a headline (and a megabyte line is not scanned per mention)


def _title_case_line(text: str, start: int) -> bool:
    """Is the line a headline in title case: most words capitalised, function words included ("Are", "For")?"""
    floor = max(0, start - _HEADLINE_CHARS)
    left = text.rfind("\n", floor, start) + 1
    if left == 0 and floor > 0:
        return False
    right = text.find("\n", start, start + _HEADLINE_CHARS)
    if right < 0:
        if start + _HEADLINE_CHARS < len(text):
            return False
        right = len(text)
    if right - left > _HEADLINE_CHARS:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text[left:right])
    if len(words) < 4:
        return False
    small = [w for w in words if w.lower() in _TITLE_STOPS]
    capital = sum(w[0].isupper() for w in words)
    return capital >= 0.75 * len(words) and any(w[0].isupper() for w in small)


def in_headline(text: str, start: int) -> bool:
    """The mention sits in a title-case headline line (where the model's spans are least reliable)."""
    return _title_case_line(text, start)


def _headline_cut(c: Candidate, text: str) -> Candidate | None:
    """A span of a title-case headline ends before its first capitalised function word or verb ("Delhi Offering
    Fresh Air" → "Delhi")."""
    words = list(re.finditer(r"\S+", c.text))
    if len(words) < 2 or not _title_case_line(text, c.start):
        return c
    for i, w in enumerate(words[1:], 1):
        if w.group().lower().strip(",:;") in _TITLE_STOPS:
            end = c.start + words[i - 1].end()
            return replace(c, end=end, text=text[c.start : end])
    return c


_WORDS = re.compile(r"(?<![\w-])[^\W\d_][\w'’]*(?![\w-])")


def word_counts(text: str) -> Counter[str]:
    """How often each word is written, case kept (one pass over the text)."""
    return Counter(_WORDS.findall(text))


def _common_word(c: Candidate, counts: Counter[str]) -> bool:
    """A single capitalised word the text also writes in lower case at least as often ("Salad", "Drop"): a common
    noun capitalised by a heading, not a name."""
    if " " in c.text or not c.text[:1].isupper() or c.text.isupper() or len(c.text) < 3:
        return False
    lower = counts[c.text.lower()]
    return lower >= 1 and lower >= counts[c.text]


def is_junk(c: Candidate, text: str, counts: Counter[str] | None = None) -> bool:
    """Spans that are not names: metric and credential acronyms, venue lines ("TX @ Some Arena"), words in lower
    case ("lorry crash"), common nouns capitalised by a heading."""
    surface = c.text
    if "@" in surface:
        return True
    if not any(ch.isupper() for ch in surface if ch.isalpha()):
        return True
    if counts is not None and _common_word(c, counts):
        return True
    letters = surface.replace(".", "")
    if letters.lower() in NOT_NAMES and (letters.isupper() or letters.lower() in ("phd",)):
        return True
    return False


_CITATION_TAIL = re.compile(r"(?:,?\s+et al\.?|,?\s+\(?(?:1[89]|20)\d\d[a-z]?\)?)$")
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,\s*&|,\s*and|&|,|\band\b)\s*")
_SURNAME = re.compile(r"[A-Z][\w'’-]+$")


def _citation_parts(c: Candidate, text: str) -> list[Candidate]:
    """ "Lewis, Simons, & Fennig", "Carrano & Biewener 2011", "Lewis et al.": each author a person of their own."""
    m = _CITATION_TAIL.search(c.text)
    end = c.start + m.start() if m and m.start() > 0 else c.end
    surface = text[c.start : end]
    if "&" not in surface and not (m and end != c.end):
        return [c]
    parts = []
    pos = 0
    for sep in [*_AUTHOR_SEPARATOR.finditer(surface), None]:
        stop = sep.start() if sep else len(surface)
        word = surface[pos:stop]
        if not _SURNAME.match(word) or " " in word:
            return [c] if end == c.end else [replace(c, end=end, text=surface, type="PERSON")]
        parts.append(Candidate(c.start + pos, c.start + stop, word, "PERSON", c.weak, "citation"))
        pos = sep.end() if sep else pos
    return parts


def clean(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Junk dropped; a statistic glued to a name ("J. Smith 2 goals") cut off; a citation ("Carrano & Biewener
    2011") split into its authors."""
    out = []
    counts = word_counts(text)
    for c in candidates:
        c = _headline_cut(c, text) or c
        if is_junk(c, text, counts):
            continue
        if c.type == "PERSON" and any(ch.isdigit() for ch in c.text):
            c = replace(c, type="OTHER", source="product")  # "Dell G3 15", "Nighthawk X4": a product
        m = _STATS_TAIL.search(c.text)
        if m and m.start() > 0:
            end = c.start + m.start()
            c = replace(c, end=end, text=text[c.start : end])
        out.extend(_citation_parts(c, text) if c.type in ("PERSON", "ORGANIZATION", "OTHER") else [c])
    return out
