"""Which names are not names at all (:func:`clean`): metric acronyms, credentials after a byline, venue lines
with "@", statistics glued to a name, headline fragments, table headings, words only ever counted, the tails of
hyphenated compounds — each a general shape of text, as the cues of :mod:`models.analysis.entity_cues` are.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from models.analysis.aliases import Candidate, name_key
from models.analysis.casual import casual_case
from models.analysis.entity_types import (
    CORPORATE_SUFFIXES,
    HONORIFICS,
    LAW_HEADS,
    NAME_PARTICLES,
    ORG_HEADS,
    is_title_word,
)
from models.analysis.given_names import given_names
from models.analysis.headlines import headline_cut, title_case_line
from models.analysis.known_names import HOLIDAYS, KNOWN_EVENTS
from models.analysis.name_lookalikes import CALENDAR_WORDS, document_part, is_award
from models.analysis.peoples import DEMONYM
from models.analysis.phrase_types import ORG_NOUNS
from models.analysis.products import (
    dated_work,
    field_of_study,
    made_products,
    maker_products,
    product_line_names,
    product_or_idea,
    weapon_names,
)
from models.analysis.works import (
    quoted_events,
    quoted_single_titles,
    quoted_titles,
    title_lists,
    titled_by_work_noun,
)

# Acronyms of metrics, conditions, credentials and things (a GPU, an EV, an IPO) that the model labels as
# organisations or people.
NOT_NAMES = frozenset(
    """
    ctr cpm cpc cpa roi kpi ltv arpu mau dau gdp cpi eps ebitda yoy qoq bed bmi hiv aids adhd ptsd copd ms rdn rd
    md phd mba cpa cfa rn lpn dds dvm mph msc bsc ba bs ma llm jd esq faq tbd tba n/a rsvp ceo cfo cto coo
    rgb ips ecg ekg nas rrp hdr ssd hdd lcd led oled usb gps vpn ui ux wifi hdmi rpm mpg kpi sku lan wan
    gpu cpu apu ram fps ev evs phev awd rwd fwd suv ai vr ipo vod dvi vip nft api sdk
    pdf jpg jpeg png gif svg html xml csv json mp3 mp4 zip docx xlsx pptx txt pet bpa pvc hdpe cctv dna rna mri
    icu atm pcr pac cv ps pps
    """.split()
)
# Words of talk that open a sentence capitalised and that the small model takes for names ("Nah, I'm kidding",
# "Hmm", "Kinda weird", "TIL that …"): interjections, fillers, spoken contractions and the shorthand of forums,
# never a name on their own.
INTERJECTIONS = frozenset(
    """
    nah yeah yea yep yup nope naw um umm uh uhh uh-huh erm hmm hm mm mhm huh wow whoa oops ouch ugh meh yay
    hooray ahh aww oh ooh okay alright kinda sorta gonna wanna gotta lemme gimme dunno y'all ya lol lmao omg
    wtf btw imo imho tbh idk smh til tldr eli5 afaik iirc fwiw irl
    """.split()
)
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
    if not lower and c.text.endswith("s") and c.text.lower() not in ORG_HEADS:  # "Watches" beside "watch"
        lower = max(counts[c.text[:-1].lower()], counts[c.text[:-2].lower()] if c.text.endswith("es") else 0)
    return lower >= 1 and lower >= counts[c.text]


_LOWER_WORDS = re.compile(r"(?<![\w.@/])[a-z]+(?![\w@/]|\.\w)")  # not inside addresses and links
_HEADING_LINE_MAX = 60


def _heading_line(text: str, start: int) -> bool:
    """The line holding ``start`` is short and ends without sentence punctuation: a heading."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    line = text[left : right if right >= 0 else len(text)].strip()
    return len(line) <= _HEADING_LINE_MAX and not line.endswith((".", "!", "?", ",", ";", ":", '"', "”"))


def heading_phrases(candidates: Sequence[Candidate], text: str) -> set[str]:
    """Names of several common words ("Pre-Workout Meal", "Nighttime Supplement", "Early Reviews") that the text
    writes only in headings or title-case headlines, each of whose words it also writes in lower case: words of a
    heading, not a name."""
    lower: set[str] | None = None
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if " " in c.text and not c.text.isupper() and c.type != "PERSON":
            by_key[c.text].append(c)
    out = set()
    for surface, mentions in by_key.items():
        words = re.split(r"[\s\-–]+", surface)
        if len(words) < 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
            continue
        if not all(_heading_line(text, m.start) or title_case_line(text, m.start) for m in mentions):
            continue
        if lower is None:
            lower = set(_LOWER_WORDS.findall(text))
        if all(w.lower() in lower for w in words):
            out.add(surface)
    return out





def common_words_only(c: Candidate, counts: Counter[str]) -> bool:
    """An organisation's name of several words that are all words of the language, each also written in lower case
    by the text, and none of which says "organisation" ("Digital Archives" beside "digital" and "archives", "Field
    Notes"): a field of study, a concept or a heading in title case, not the name of a body."""
    words = [w for w in c.text.split() if w.lower() not in NAME_PARTICLES]
    if c.type != "ORGANIZATION" or c.source != "model" or len(words) < 2:
        return False
    if any(w.lower() in ORG_HEADS or w.lower() in CORPORATE_SUFFIXES or not w[1:].islower() for w in words):
        return False
    return all(counts[w.lower()] for w in words)


_CURRENCIES = frozenset("""
    euro euros dollar dollars pound pounds yen yuan renminbi rupee rupees ruble rubles rouble roubles franc francs
    peso pesos lira won rand krona krone kronor real reais naira shilling shillings dirham dirhams bitcoin
""".split())
# Currencies that are no one's name even without an amount before them ("The Euro fell"); not "Pound" (Ezra Pound),
# "Yuan", "Real" (Madrid) or "Rand" (Paul).
_CURRENCY_NAMES = frozenset("euro euros dollar dollars yen renminbi rupee rupees ruble rubles rouble roubles bitcoin"
                            .split())
_OFFICE_DOMAINS = frozenset({"state", "defense", "defence", "energy", "commerce", "health", "labor", "labour",
                             "treasury", "education", "transportation", "transport", "agriculture", "justice",
                             "finance", "the interior", "interior", "foreign affairs", "homeland security", "war"})
_OFFICE_BEFORE = re.compile(
    r"\b(?:[Ss]ecretary|[Mm]inister|[Dd]epartment|[Mm]inistry|[Uu]ndersecretary)\s+of\s+(?:the\s+)?$")
_OFFICE_AFTER = re.compile(r" (?:[Ss]ecretary|[Mm]inister|[Cc]ommissioner|[Ss]ecretaries|[Mm]inisters)\b")
_WEEKDAYS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday".split())
_HOURS_AFTER = re.compile(r"\s+\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|[-–])", re.IGNORECASE)
_BARE_HEADS = frozenset({"Government", "Act", "Administration", "Ministry"})
_DAYS_JOINED = re.compile(r"\s*(?:&|,|[-–]|\band\b|\bto\b)\s*")


# A stock's ticker after its exchange: "(NASDAQ: HLXB)" names the exchange, the ticker is no word of its name.
_TICKER_TAIL = re.compile(r"(?<=[A-Za-z]):\s*[A-Z][A-Z.]{0,6}$")
# The labels of a press release's contact lines ("Media Contact: Tom Reyes").
_CONTACT_LABELS = frozenset({"media contact", "media contacts", "press contact", "press contacts", "investor contact",
                             "investor contacts", "media inquiries", "press inquiries", "contact", "contacts"})
_TIME_ZONE_WORDS = frozenset({"Eastern", "Pacific", "Central", "Mountain", "Atlantic", "Alaska", "Hawaii", "ET", "PT",
                             "CT", "MT", "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "JST", "KST"})
_CLOCK_BEFORE = re.compile(r"(?:\d[ap]\.?m\.?|\d\s[ap]\.?m\.?|\d:\d\d)\s$", re.IGNORECASE)
_RATINGS = frozenset({"G", "PG", "PG-13", "R", "NC-17", "X", "U", "12A", "15", "18", "M", "MA", "MA15+", "TV-MA",
                      "TV-14", "TV-PG", "TV-Y", "TV-G"})
_RATED_BEFORE = re.compile(r"\b(?:rated|rating of|certificate)\s+$", re.IGNORECASE)


# An adjective of a job's field ("Sporting", "Creative", "Technical", "Managing"), which a sentence opening with the
# job capitalises; and the job after it, with the name of who holds it.
_ROLE_ADJECTIVE = re.compile(r"[A-Z][a-z]{3,14}(?:ing|ive|ical|al|ic)\Z")
_ROLE_AFTER = re.compile(r" (?:director|manager|editor|producer|officer|adviser|advisor|consultant|coordinator|"
                         r"correspondent|secretary|chief|designer|lead|partner)s? [A-Z]")


def is_junk(c: Candidate, text: str, counts: Counter[str] | None = None) -> bool:
    """Spans that are not names: metric and credential acronyms, venue lines ("TX @ Some Arena"), words in lower
    case ("lorry crash"), common nouns capitalised by a heading."""
    surface = c.text
    if surface.lower() in _OFFICE_DOMAINS and (_OFFICE_BEFORE.search(text, max(0, c.start - 24), c.start)
                                               or _OFFICE_AFTER.match(text, c.end)):
        return True  # the domain of an office: "Secretary of State", "Minister of Finance", "Health Secretary"
    days = _DAYS_JOINED.split(surface)
    if len(days) >= 2 and all(d.lower().rstrip(".") in _WEEKDAYS for d in days) or surface.lower().rstrip(".") in \
            _WEEKDAYS and _HOURS_AFTER.match(text, c.end):
        return True  # opening hours: "Sun & Mon", "Tue-Thu", "Sun 9 am - 3 pm"
    if surface in _BARE_HEADS and text[max(0, c.start - 4) : c.start] == "the ":
        return True  # "the Government", "the Act": a body or a law named by its common noun
    if len(surface) == 1 and c.start and text[c.start - 1] in "-‐‑":
        return True  # the letter of a standard or a model ("USB-C", "Type-A")
    if "@" in surface or any(ch in surface for ch in "<>|{}"):
        return True  # an address; a menu path ("File > Save"), markup or a table's rule
    if not any(ch.isupper() for ch in surface if ch.isalpha()) or surface.lower() in CORPORATE_SUFFIXES:
        return True  # lower case; "LLC" alone after a company's comma
    if counts is not None and _common_word(c, counts):
        return True
    if (surface.isupper() and len(surface) <= 3 or surface.lower() in _CURRENCIES) \
            and _NUMBER_BEFORE.search(text, max(0, c.start - 8), c.start):
        return True  # "225 DKK per hour", "49.95 Euro": a currency or a unit
    if surface.lower() in _CURRENCY_NAMES:
        return True
    if " " not in surface and _INDEFINITE_BEFORE.search(text, max(0, c.start - 24), c.start) and \
            _CLAUSE_AFTER.match(text, c.end):
        return True  # "a good Samaritan who …": a common noun; a name takes no "a"
    if " " not in surface and (surface.lower() in INTERJECTIONS or surface.lower().rstrip(".") in HONORIFICS):
        return True  # "Nah", "Hmm"; "Mlle" the model cut from "Mlle. du Motel"
    if surface.lower() in _CONTACT_LABELS or c.type == "GROUP" and len(surface) <= 2:
        return True  # "Media Contact"; "the clade Ib variant" (a people to the model)
    if _ROLE_ADJECTIVE.match(surface) and _ROLE_AFTER.match(text, c.end) \
            and _SENTENCE_START.search(text, max(0, c.start - 4), c.start):
        return True  # "Sporting director Andrea Berta", "Creative director …": a job's adjective opening a sentence
    if surface in _TIME_ZONE_WORDS and _CLOCK_BEFORE.search(text, max(0, c.start - 12), c.start):
        return True  # "at 8:30 a.m. Eastern": the time zone
    if surface.rstrip(".").upper() in _RATINGS and _RATED_BEFORE.search(text, max(0, c.start - 12), c.start):
        return True  # "is rated R.", "rated PG-13": a film's rating
    letters = surface.replace(".", "")
    if letters.lower() in NOT_NAMES and (letters.isupper() or letters.lower() in ("phd",)):
        return True
    words = surface.split()
    if len(words) >= 2 and all(is_title_word(w) for w in words):
        return True  # "Emir Sheikh", "Prime Minister": titles before a name the model left out
    if len(words) == 2 and words[1].isupper() and words[1].lower() in NOT_NAMES and DEMONYM.match(words[0]):
        return True  # "European AI", "Chinese EV": a kind of thing in a headline, no name
    return False


_CITATION_TAIL = re.compile(r"(?:,?\s+et al\.?|,?\s+\(?(?:1[89]|20)\d\d[a-z]?\)?)$")
_REFERENCE_AFTER = r",?\s*(?:[(\[]?(?:1[89]|20)\d\d[a-z]?\b|\[\d)"  # "(2011)", ", 2013", "[7]"


def _cited(surface: str, text: str) -> bool:
    """The names are followed by a year or a numbered reference somewhere in the text ("Carrano & Biewener [7]")."""
    return re.search(re.escape(surface) + _REFERENCE_AFTER, text) is not None


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+ $")


def _named_alone(word: str, text: str) -> bool:
    """The word is written somewhere outside an "X & Y" pair ("Tempe & Mesa" … "downtown Mesa"), and not as the
    surname of a full name: "Jonathan Pike of Pike & Sullivan" is a partner of the firm named after him."""
    for found in re.finditer(rf"(?<![\w&]){re.escape(word)}(?![\w'’-])", text):
        around = text[max(0, found.start() - 3):found.end() + 3]
        if "&" not in around and " and " not in around and not _FIRST_NAME_BEFORE.search(
            text, max(0, found.start() - 40), found.start()
        ):
            return True
    return False


_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,\s*&|,\s*and|&|,|\band\b)\s*")
_SURNAME = re.compile(r"[A-Z][\w'’-]+$")


# One reference in parentheses: surnames parted by commas, "&" or "and", maybe "et al.", then its year.
_REFERENCE = re.compile(
    r"(?:e\.g\.,?\s*|see\s+|cf\.\s*)?[A-Z][\w'’-]+(?:(?:\s*,\s*&|\s*,\s*and|\s*&|\s*,|\s+and)\s*[A-Z][\w'’-]+)*"
    r"(?:\s+et al\.?)?,?\s*(?:1[89]|20)\d\d[a-z]?")


def _in_reference(c: Candidate, text: str) -> bool:
    """The names are a part of one reference in parentheses: "(Boot, Kramer, Simons, Fabiani, & Gratton, 2008)"."""
    opening = text.rfind("(", max(0, c.start - 200), c.start)
    closing = text.find(")", c.end, c.end + 200)
    if opening < 0 or closing < 0 or ")" in text[opening:c.start]:
        return False
    return any(_REFERENCE.fullmatch(part.strip()) for part in text[opening + 1 : closing].split(";")
               if c.text in part)


def _citation_parts(c: Candidate, text: str) -> list[Candidate]:
    """ "Lewis, Simons, & Fennig", "Carrano & Biewener 2011", "Lewis et al.": each author a person of their own."""
    m = _CITATION_TAIL.search(c.text)
    end = c.start + m.start() if m and m.start() > 0 else c.end
    surface = text[c.start : end]
    if surface.split() and surface.split()[-1].lower() in LAW_HEADS:
        return [c]  # "the Consumer Rights Act 2015": a law and its year, no author
    listed = "," in surface and _in_reference(c, text)
    if "&" not in surface and not (m and end != c.end) and not listed:
        return [c]
    cited = bool(m and end != c.end) or listed or _cited(surface, text)
    if not cited and not any(_named_alone(word, text) for word in _AUTHOR_SEPARATOR.split(surface)):
        return [c]  # no reference, no part named alone: "Marks & Spencer", the "Bike & Style" book — one name
    parts = []
    pos = 0
    for sep in [*_AUTHOR_SEPARATOR.finditer(surface), None]:
        stop = sep.start() if sep else len(surface)
        word = surface[pos:stop]
        if not _SURNAME.match(word) or " " in word:
            return [c] if end == c.end else [replace(c, end=end, text=surface, type="PERSON")]
        parts.append(Candidate(c.start + pos, c.start + stop, word, "PERSON" if cited else c.type, c.weak,
                               "citation" if cited else c.source))
        pos = sep.end() if sep else pos
    return parts


# Small words that stay inside names and titles ("Bank of America", "Rio de Janeiro", "Dar es Salaam", "Gone with
# the Wind", "As Good as It Gets").
_VENUE_LAST_WORDS = frozenset("Park Stadium Arena Ground Road Lane Oval Field Bowl Dome Stadion".split())
_INSIDE_WORDS = NAME_PARTICLES | frozenset(
    "a an at to in on upon am im an der den di da do dos das della del e es y i et und zu zum zur sur sous aux les "
    "lès las los il lo al el ul ud ad bin ibn bint ben abu ter ten op aan o with without or nor but from into by "
    "over under through after before against about between as like than so if".split()
)


def clause_parts(c: Candidate) -> list[Candidate]:
    """A name the model ran across a clause ("Byron composed Thyrza", "Overholser this Court", "Garrett hit
    Rudolph"): cut at each lower-case word inside it that no name or title holds (a verb, a pronoun), into the names
    on either side, each typed as the whole was; a word with an apostrophe or a hyphen stays ("d'Ivoire",
    "al-Hajj"), and so does a letter or two ("Wayne ’ s World")."""
    words = c.text.split(" ")
    cuts = [i for i, w in enumerate(words[1:-1], 1)
            if w[:1].islower() and w.isalpha() and len(w) >= 3 and w not in _INSIDE_WORDS
            or i == 1 and w == "at" and words[-1] in _VENUE_LAST_WORDS]  # "Kilmarnock at Celtic Park"
    if not cuts:
        return [c]
    parts: list[Candidate] = []
    pos, first = c.start, 0
    for i in [*cuts, len(words)]:
        chunk = " ".join(words[first:i])
        if chunk and chunk[:1].isupper():
            parts.append(Candidate(pos, pos + len(chunk), chunk, c.type, True, "clause cut"))
        pos += len(chunk) + (len(words[i]) + 2 if i < len(words) else 0)
        first = i + 1
    return parts


# A model designation right after a name of several words ("Acme Book i5", "Nimbus Vision QX900"): a product.
_MODEL_AFTER = re.compile(r"\s+(?=[A-Za-z]*\d)(?=\w*[A-Za-z])[A-Za-z\d]{2,}(?:-[A-Za-z\d]+)?\b")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:a|an)\s+(?:[a-z]+\s+)?$")
_CLAUSE_AFTER = re.compile(r"\s+(?:who|which|that)\b")
_NUMBER_BEFORE = re.compile(r"\d\s$")
_LOWER_EXPANSION = re.compile(r"((?:[a-z][a-z-]*\s+){1,5}[a-z][a-z-]*)\s+\(([A-Z]{2,6})s?\)")


def concept_acronyms(text: str, counts: Counter[str] | None = None) -> set[str]:
    """Acronyms the text defines by words in lower case ("sea surface salinity (SSS)"): names of concepts, not of
    organisations. With the text's word ``counts``, also those defined in capitals by words that are all common
    words of the same text and none the word of an organisation ("Remote Soil Sensing (RSS)", when the text
    speaks of "remote", "soil" and "sensing" elsewhere), and those expansions themselves."""
    out = set()
    for m in _LOWER_EXPANSION.finditer(text):
        words = m.group(1).split()
        letters = m.group(2)
        parts = [p for w in words for p in w.split("-") if p]  # "other-initiated repair (OIR)"
        if any(len(ws) >= len(letters) and "".join(w[0] for w in ws[-len(letters) :]) == letters.lower()
               for ws in (words, parts)):
            out.add(letters)
    if counts is None:
        return out
    for m in _TITLE_EXPANSION.finditer(text):
        words = m.group(1).split()
        letters = m.group(2)
        if len(words) < len(letters) or "".join(w[0] for w in words[-len(letters) :]) != letters:
            continue
        words = words[-len(letters) :]
        lower = [w.lower() for w in words]
        if any(w in ORG_HEADS or w in ORG_NOUNS or w in CORPORATE_SUFFIXES for w in lower):
            continue
        if all(counts[w] >= 1 for w in lower):
            out.update((letters, " ".join(words)))
    return out


_TITLE_EXPANSION = re.compile(r"((?:[A-Z][a-z-]+\s+){1,5}[A-Z][a-z-]+)\s+\(([A-Z]{2,6})s?\)")


_COMPOUND_BEFORE = re.compile(r"(?:^|[\s\-‐‑])(?!(?:bin|ibn|abu|ben|bar|von|van|mac|del|der|den|les|las|los)[-‐‑])"
                              r"[a-z]{3,}[-‐‑]$")
_COUNT_BEFORE = re.compile(r"(?<![\w.,])\d{1,3}\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}")
# "… Game of", "… Pride and" before a name: a capitalised word inside a sentence, then "of" or "and"
_TITLE_HEAD_BEFORE = re.compile(r"[a-z,;:'’][^\S\n]+([A-Z][a-z]{2,})[^\S\n]+(?:of|and)[^\S\n]+$")


def _title_tail(c: Candidate, text: str, name_ends: set[int]) -> bool:
    """A single name after a capitalised word that ends no name and "of" or "and", inside a sentence ("Game of
    Thrones", "Pride and Prejudice"): the end of a title the model cut, not a name of its own ("Tom and Jerry" is
    two people)."""
    if c.text.lower() in ORG_HEADS:
        return False  # "a Joint Session of Congress": a body's own word
    head = _TITLE_HEAD_BEFORE.search(text, max(0, c.start - 40), c.start)
    return head is not None and head.end(1) not in name_ends


def _counted_only(candidates: Sequence[Candidate], text: str) -> set[str]:
    """One-word names written only between a count and a common noun ("1 Fresno chile", "2 Roma tomatoes"): a
    variety of a thing in a list of quantities, not a place or a person."""
    seen: dict[str, bool] = {}
    for c in candidates:
        if " " in c.text:
            continue
        counted = bool(_COUNT_BEFORE.search(text, max(0, c.start - 5), c.start) and _NOUN_AFTER.match(text, c.end))
        seen[c.text] = seen.get(c.text, True) and counted
    return {name for name, every in seen.items() if every}


def _table_heading(c: Candidate, text: str) -> bool:
    """A whole cell of a table's heading row ("Ticker | Price | Change"): a column's name."""
    left = text.rfind("\n", 0, c.start) + 1
    right = text.find("\n", c.end)
    line = text[left : right if right >= 0 else len(text)]
    if line.count("|") < 3 or any(ch.isdigit() for ch in line):
        return False
    return c.text.strip() in {cell.strip() for cell in line.split("|")}


_DEAL_LEAD = re.compile(r"(?:Off|OFF)\s+(?=\S)")
_AMOUNT_BEFORE = re.compile(r"\d[%$£€]?\s+$")


_SENTENCE_START = re.compile(r"(?:^|[\n.!?][\s\"“‘']*)$")


# Short given names that are English words too, and that the lists of given_names() lack ("Will Smith").
_WORD_NAMES = frozenset(
    "Will Pat Art Ed Al Rich Sky Sunny Honey Page Reed Wade Clay Bud Chip Skip Hank Gus Kit Les Matt Buck Wren "
    "Dusty Rusty Chuck Norm Hal Sid Rod Doug Brook Heath Miles Rocky Woody Lane".split()
)


def _without_leading_words(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """A verb in "-ing" that opens a sentence is no first name ("Hosting Cook at Dreamforce …" when the article
    names Tim Cook): cut off, when another full name of the text ends with the same surname. Nor is a common noun
    that opens a sentence ("House Hitler was born in …" when the article writes "the house" and names Hitler
    alone): cut off, unless it is a given name too ("Will Smith", "Rose Byrne")."""
    surnames: dict[str, set[str]] = {}
    alone: set[str] = set()
    for c in candidates:
        words = c.text.split()
        if c.type == "PERSON" and len(words) >= 2:
            surnames.setdefault(words[-1], set()).add(words[0])
        elif c.type == "PERSON" and len(words) == 1:
            alone.add(c.text)
    out = []
    for c in candidates:
        words = c.text.split()
        first = words[0] if words else ""
        if c.type == "PERSON" and len(words) == 2 and _SENTENCE_START.search(text, max(0, c.start - 4), c.start) and (
            first.endswith("ing") and len(first) >= 5 and surnames.get(words[-1], set()) - {first}
            or words[-1] in alone and first[1:].islower() and first not in given_names() and first not in _WORD_NAMES
            and re.search(rf"(?<![\w-]){re.escape(first.lower())}(?![\w-])", text) is not None
        ):
            at = c.start + c.text.index(words[-1], len(first))
            c = replace(c, start=at, text=text[at:c.end])
        out.append(c)
    return out


# A plural name the text writes after "the" and before no other name ("the Browns had 11 hits", "the Steelers'"):
# a team or a band, never a person's first name.
_PLURAL_WORD = re.compile(r"[A-Z][a-z]+[^s'’\W]s")
_POSITION = re.compile(r"[A-Z]{1,3}")  # "DL", "QB", "CB": a player's position, abbreviated


def _without_team_before(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """A team glued before a player's name is not part of it: "Browns DL Sheldon Richardson" is Sheldon Richardson,
    "Browns Greedy Williams" is Greedy Williams, when the text also writes "the Browns" on its own. The position
    between them goes too. At least a given name and a surname are left. The team named alone is an organisation."""
    out = []
    teams: dict[str, bool] = {}
    cut: set[str] = set()
    for c in candidates:
        words = c.text.split()
        if c.type == "PERSON" and len(words) >= 3 and _PLURAL_WORD.fullmatch(words[0]):
            team = words[0]
            if team not in teams:
                teams[team] = re.search(rf"\b[Tt]he\s+{re.escape(team)}(?![\w-])(?!\s+[A-Z])", text) is not None
            rest = words[2:] if _POSITION.fullmatch(words[1]) else words[1:]
            if teams[team] and len(rest) >= 2 and all(w[:1].isupper() for w in rest):
                at = c.start + c.text.index(rest[0], len(team))
                c = replace(c, start=at, text=text[at : c.end])
                cut.add(team)
        out.append(c)
    # the team itself, named alone, is no person either
    return [replace(c, type="ORGANIZATION", source="team") if c.text in cut and c.type == "PERSON" else c for c in out]


def clean(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Junk dropped; a statistic glued to a name ("J. Smith 2 goals") cut off; a citation ("Carrano & Biewener
    2011") split into its authors."""
    out = []
    counts = word_counts(text)
    casual = casual_case(text)  # "ubisoft" beside "Ubisoft" in a forum post: no common word
    lists = title_lists(text) if text.count(",") >= 5 else []
    surfaces = Counter(c.text for c in candidates)
    concepts = concept_acronyms(text, counts) if "(" in text else set()
    counted = _counted_only(candidates, text)
    candidates = [headline_cut(c, text) or c for c in candidates]  # cut first: "Early Reviews For Google"
    candidates = _without_team_before(_without_leading_words(candidates, text), text)
    headings = heading_phrases(candidates, text)
    products = {c.text for c in candidates if c.type in ("PERSON", "ORGANIZATION", "PLACE", "GROUP", "OTHER")
                and product_or_idea(c.text)}
    lines = product_line_names(candidates, products) | made_products(candidates, products, text) | weapon_names(
        candidates, text) | {
        name for name in maker_products(candidates, products) if name.split()[-1] not in CALENDAR_WORDS}
    quoted = quoted_titles(candidates, text) if any(q in text for q in "“\"‘") else set()
    quoted_at = quoted_single_titles(candidates, text) if any(q in text for q in "“\"‘") else set()
    events_at = quoted_events(candidates, text) if any(q in text for q in "“\"‘'") else set()
    name_ends = {c.end for c in candidates}
    for c in candidates:
        if c.text in headings:
            continue
        off = _DEAL_LEAD.match(c.text)
        if off and _AMOUNT_BEFORE.search(text, max(0, c.start - 12), c.start):  # "35% Off Acme Monitor"
            c = replace(c, start=c.start + off.end(), text=c.text[off.end() :])
        lead = len(c.text) - len(c.text.lstrip("-–—‐‑*•·®©™ "))
        if 0 < lead < len(c.text):  # "-TV Trade": a dash the span took from the text before it
            c = replace(c, start=c.start + lead, text=c.text[lead:])
        under = c.text.rfind("_") + 1
        if 0 < under < len(c.text) and c.text[under:under + 1].isupper():  # "Art Director_Park Dong Woo": a label
            c = replace(c, start=c.start + under, text=c.text[under:])
        if (is_junk(c, text, None if casual else counts) or c.text in counted or _table_heading(c, text)
                or c.text.rstrip("s") in concepts or c.text in concepts):
            continue
        if document_part(c, text):
            continue
        if surfaces[c.text] <= 1 and _COMPOUND_BEFORE.search(text, max(0, c.start - 16), c.start):
            continue  # "Made-for-TV Trade War": the end of a hyphenated compound, named nowhere else
        if c.type == "ORGANIZATION" and c.source == "model" and " " not in c.text and _title_tail(c, text, name_ends):
            continue  # "HBO's Game of Thrones", "Pride and Prejudice": the last word of a title, no body
        if c.type in ("PERSON", "ORGANIZATION", "PLACE") and any(a <= c.start and c.end <= b for a, b in lists):
            c = replace(c, type="OTHER", source="title list")
        if name_key(c.text) in HOLIDAYS:
            c = replace(c, type="EVENT", source="holiday")  # "Diwali", "Black Friday": a day of the year
        elif name_key(c.text) in KNOWN_EVENTS and c.type != "EVENT":
            c = replace(c, type="EVENT", source="event")  # "since Brexit", a place to the model
        if c.type != "OTHER" and _DISEASE.match(c.text):
            c = replace(c, type="OTHER", source="disease")  # "COVID-19", an organisation to the model
        elif c.type == "OTHER" and c.source == "model" and _SPEAKS_AFTER.match(text, c.end) \
                and _PERSONAL_NAME.match(c.text) and not set(c.text.lower().split()) & (ORG_HEADS | CORPORATE_SUFFIXES):
            c = replace(c, type="PERSON", source="context")  # '"…," Mikel Arteta said': no work speaks
        stat = _COUNT_END.search(c.text) if c.type == "PERSON" and _COUNTED_AFTER.match(text, c.end) else None
        if stat and " " in c.text[: stat.start()]:  # "J. Smith 2 goals" (the model's "J. Smith 2"): a player and his
            # tally; not "Thunderbolt 3 ports", one word and its number
            c = replace(c, end=c.start + stat.start(), text=c.text[: stat.start()])
        if c.type == "PERSON" and any(ch.isdigit() for ch in c.text) or (
            c.type in ("PERSON", "ORGANIZATION", "PLACE") and " " in c.text and _MODEL_AFTER.match(text, c.end)
        ):
            c = replace(c, type="OTHER", source="product")  # "Dell G3 15", "Nighthawk X4": a product
        elif c.type in ("PERSON", "ORGANIZATION", "PLACE", "GROUP") and (c.text in products or c.text in lines):
            c = replace(c, type="OTHER", source="product")  # a people's name ends in no "Ultra": "Chromecast Ultra"
        elif c.start in events_at:
            c = replace(c, type="EVENT", source="event")  # "its 'Glowtime' event"
        elif c.type in ("PERSON", "ORGANIZATION", "PLACE", "OTHER") and (c.text in quoted or c.start in quoted_at):
            # “Glasgow,” a song: a title written in quotation marks (and the model's work stays one: the book "The
            # Living Reef" is no reef)
            c = replace(c, type="OTHER", source="work")
        elif c.type in ("PERSON", "ORGANIZATION", "PLACE") and is_award(c.text):
            c = replace(c, type="OTHER", source="award")
        elif common_words_only(c, counts):
            c = replace(c, type="OTHER", source="common words")
        elif dated_work(c, text) or titled_by_work_noun(c, text):
            c = replace(c, type="OTHER", source="work")  # "Silent Harbour (2004)", "the musical Hamilton"
        elif field := field_of_study(c, text):
            c = field  # "a Ph.D. in Linguistics", "East Asian" (a people to the model) "Studies"
        numbered = _MODEL_NUMBER_AFTER.match(text, c.end) if c.type in _NAME_TYPES else None
        if numbered is None and c.type in _NAME_TYPES and c.text.split()[-1] in _SERIES_WORDS:
            numbered = _SERIES_NUMBER.match(text, c.end)  # "Apple Watch Series" + "10"
        if numbered:  # "Falcon" (an organisation to the model) "9 rocket", "Boeing 737 jets": the product
            c = replace(c, end=numbered.end(1), text=text[c.start : numbered.end(1)], type="OTHER", source="product")
        m = _STATS_TAIL.search(c.text) or _TICKER_TAIL.search(c.text) or _SCORE_TAIL.search(c.text)
        if m and m.start() > 0:
            end = c.start + m.start()
            c = replace(c, end=end, text=text[c.start : end])
        for part in clause_parts(c):
            if part.type in ("ORGANIZATION", "PERSON") and _MODEL_CODE.match(part.text) or part.type in (
                    "ORGANIZATION", "PERSON", "PLACE") and _VERSION.search(part.text):
                # "GPT-5", "F-16" (a place so written is a road: "I-580"); "Gemini 2.5 Deep Think"
                part = replace(part, type="OTHER", source="product")
            out.extend(_citation_parts(part, text) if part.type in ("PERSON", "ORGANIZATION", "OTHER") else [part])
    return out


# A model number after a name, then the kind of machine it is ("Falcon 9 rocket", "Boeing 737 jets", "T-90 tanks").
_MODEL_NUMBER_AFTER = re.compile(
    r"( \d{1,4}[A-Za-z]{0,3}(?:-\d{1,3})?)(?= (?:rocket|rockets|jet|jets|jetliner|airliner|airliners|aircraft|plane|"
    r"planes|helicopter|helicopters|drone|drones|spacecraft|capsule|booster|phone|phones|smartphone|smartphones|"
    r"tank|tanks|missile|missiles|fighter|fighters|bomber|bombers)\b)"
)
_NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "PLACE", "OTHER"})
# A model's code ("GPT-5", "F-16", "MiG-29"; not "G-20", a group of countries) and a version number inside a name
# ("Gemini 2.5", "Claude Opus 4.1"): a product.
_MODEL_CODE = re.compile(r"(?!G-\d)[A-Z][A-Za-z]{0,4}-\d{1,3}[a-z]?\Z")
_VERSION = re.compile(r"(?<![\d.$€£])\b\d{1,2}\.\d{1,2}\b(?![\d.%])")
# Diseases and viruses the news names every day, which the model takes for organisations or places.
_DISEASE = re.compile(r"(?:COVID(?:-19)?|Covid(?:-19)?|SARS(?:-CoV-2)?|MERS|Ebola|Zika|H5N1|H1N1|HIV|AIDS|Mpox|"
                      r"Marburg|Nipah|Lassa|Omicron|Delta variant)\Z")
_SERIES_WORDS = frozenset({"Series", "Model", "Mark", "Gen", "Generation", "Version"})
_SERIES_NUMBER = re.compile(r"( (?:\d{1,3}|[A-Z]|[IVX]{1,4}))(?![\w.,-]\w)")
_SCORE_TAIL = re.compile(r"(?<=[a-z])\s\d{1,3}\s?[-–]\s?\d{1,3}$")  # "Midlothian 2–1": the score the model took in
_PERSONAL_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?: [A-Z][a-zà-ÿ'’-]+){1,2}\Z")
_SPEAKS_AFTER = re.compile(r"[^\S\n]{1,3}(?:said|says|told|tells|added|asked|explained|insisted)\b")
_COUNT_END = re.compile(r"[^\S\n]\d{1,3}$")
_COUNTED_AFTER = re.compile(r"[^\S\n][a-z]{3,}")
_STATS_TAIL = re.compile(r"\s+\d+(?:\.\d+)?\s+[a-z]+.*$")
