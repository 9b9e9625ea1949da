"""Entities of an article: spaCy's named entities, repaired by general rules, merged into entities by alias.

The small English model makes the same mistakes on every article, so each is fixed by a rule about the shape of
the text, never about particular names: titles and determiners inside a span, possessives, an all-capital dateline
at the start of a block, hyphenated pairs ("Abe-Putin summit" mentions two people), organisations whose last word
says what they are ("Japanese Embassy", "Upper House") typed as places or nationalities or not found at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from models.analysis import entity_cues
from models.analysis.aliases import Candidate, merge_aliases, name_key, strip_titles
from models.analysis.casual import lower_case_mentions
from models.analysis.context_names import capitalised, names_by_context
from models.analysis.entity_junk import clean
from models.analysis.entity_spans import (
    epithet_names,
    given_name_before,
    hyphenated_names,
    joined_names,
    named_storms,
    owners_apart,
    particle_names,
    place_with_region,
    regnal_ends,
    surname_he,
    titled_starts,
)
from models.analysis.entity_types import (
    APOSTROPHES,
    CORPORATE_SUFFIXES,
    DASHES,
    DETERMINERS,
    EVENT_HEADS,
    EVENT_OPENINGS,
    HONORIFICS,
    LABEL_TYPES,
    LAW_HEADS,
    LAW_OPENINGS,
    NAME_HEAD_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    PERSON_PARTICLES,
    PERSON_TITLES,
    PERSONLESS_EVENT_HEADS,
    RANKS_BEFORE_A_NAME,
    is_title_word,
)
from models.analysis.given_names import given_names
from models.analysis.headlines import in_headline
from models.analysis.known_names import KNOWN_ORGANISATIONS
from models.analysis.name_lookalikes import KICKERS
from models.analysis.neighbours import typed_by_neighbours
from models.analysis.nested_places import places_in_universities, places_inside_names
from models.analysis.nlp import Parsed, Piece
from models.analysis.offers import products_on_offer
from models.analysis.organisation_spans import organisations_apart, organisations_ending_in_a_country
from models.analysis.repeats import Coverage, repeated_names, whole_again
from models.analysis.roads import roads
from models.analysis.speakers import speaker_labels
from models.analysis.taxa import taxa
from models.analysis.types import Entity, Mention
from models.analysis.works import whole_titles

# Labels whose spans become organisations when their last word is an organisation head. GPE stays: "West Bank".
_RETYPABLE = frozenset({"LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_NATIONALITY_ENDINGS = ("ese", "ian", "ean", "ish", "an", "ch", "i")


def extract_entities(parsed: Parsed, *, authors: Sequence[str] = ()) -> tuple[Entity, ...]:
    """Entities of the article sorted by first mention; byline ``authors`` are people with the role "author"."""
    text = parsed.text
    known = {name_key(ent.text) for _, _, ent in parsed.spans(LABEL_TYPES)}
    candidates: list[Candidate] = []
    for piece in parsed.pieces:
        candidates.extend(_piece_candidates(piece, text, known))
    candidates = epithet_names(text, candidates)
    candidates.extend(_hyphen_partners(parsed, candidates))
    candidates.extend(repeated_names(text, candidates))
    candidates.extend(names_by_context(parsed, candidates))
    candidates.extend(repeated_names(text, candidates))  # the other mentions of a name found by its contexts
    candidates = whole_again(text, candidates)
    candidates = organisations_ending_in_a_country(organisations_apart(_without_duplicates(candidates)), text)
    candidates = surname_he(text, particle_names(text, hyphenated_names(text, named_storms(text, joined_names(
        text, whole_titles(text, given_name_before(text, owners_apart(text, candidates))))))))
    candidates = roads(text, products_on_offer(text, entity_cues.retype(clean(candidates, text), text)))
    candidates = lower_case_mentions(text, speaker_labels(taxa(parsed, typed_by_neighbours(candidates, text)), text))
    inside = places_inside_names(candidates)
    taken = {(c.start, c.end) for c in inside}
    inside += [c for c in places_in_universities(candidates) if (c.start, c.end) not in taken]
    candidates = sorted([*candidates, *inside], key=lambda c: (c.start, c.end))
    clusters = merge_aliases(candidates, text)
    ends = {**regnal_ends(clusters, text), **place_with_region(clusters, text)}
    starts = titled_starts(clusters, text)
    titles = Coverage(len(text), [Candidate(s, m, "", "") for m, s in starts.items()])
    found = [
        Entity(
            _own_s_name(c.name, c.type, c.members), c.type,
            tuple(Mention(s, e, text[s:e]) for m in c.members
                  for s, e in [(starts.get(m.start, m.start), ends.get(m.start, m.end))]),
            None, *_sureness(c.members, c.name, c.type, text),
        )
        for c in clusters
        if c.name and not all(m.start not in starts and titles.overlaps(m.start, m.end) for m in c.members)
    ]
    return with_authors(found, authors)


def _own_s_name(name: str, kind: str, members: Sequence[Candidate]) -> str:
    """An organisation written with its own "'s" every time ("Lowe's", "McDonald's") keeps it in its name."""
    if kind == "ORGANIZATION" and members and all(m.text.endswith(("'s", "’s")) for m in members):
        ending = members[0].text[-2:]
        return name if name.endswith(ending) else name + ending
    return name


def _sureness(members: Sequence[Candidate], name: str, kind: str, text: str) -> tuple[float, str]:
    """Confidence and provenance of an entity from how it was found: repeated mentions, a full personal name,
    context cues that agree, mentions typed alike raise it; a lone weak guess, a bare acronym, a name seen only in
    title-case headlines lower it."""
    n = len(members)
    confidence = 0.5 + 0.1 * min(n - 1, 3)
    sources = sorted({m.source for m in members})
    words = name.split()
    if kind == "PERSON" and len(words) >= 2 and all(w[:1].isupper() for w in words):
        confidence += 0.15
    if all(m.weak for m in members):
        confidence -= 0.2
    if "context" in sources:
        confidence += 0.1
    if sum(m.type == kind for m in members) < 0.7 * n:
        confidence -= 0.15  # its mentions were typed differently
    if n == 1 and len(members[0].text) <= 4 and members[0].text.isupper():
        confidence -= 0.15  # a lone acronym as written ("U.S."), whatever name the library files it under
    elif n == 1 and len(words) == 1 and "context" not in sources:
        confidence -= 0.1  # one word, once, nothing around it to say what it is
    if all(in_headline(text, m.start) for m in members):
        confidence -= 0.2
    if kind in ("OTHER", "EVENT", "GROUP") and n == 1:
        confidence -= 0.05
    rules = [s for s in sources if s != "model"]
    provenance = ("model" if "model" in sources else "rules") + (": " + ", ".join(rules) if rules else "")
    return round(max(0.1, min(0.95, confidence)), 2), provenance


_WEB_ADDRESS = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)


def with_authors(found: list[Entity], authors: Sequence[str]) -> tuple[Entity, ...]:
    """Byline people: the entity of the text that names them, or a new one without mentions (listed first)."""
    byline: list[Entity] = []
    for author in authors:
        name = strip_titles(" ".join(author.split()))
        if not name:
            continue
        key = name_key(name)
        if key in KNOWN_ORGANISATIONS or _WEB_ADDRESS.match(name):
            # "The Associated Press" or "NJ.com" wrote it: an agency or a site, not a person
            for i, entity in enumerate(found):
                if name_key(entity.name) == key:
                    found[i] = replace(entity, type="ORGANIZATION", role="author")
                    break
            else:
                byline.append(Entity(name, "ORGANIZATION", (), "author", 0.9, "byline"))
            continue
        for i, entity in enumerate(found):
            if entity.type == "PERSON" and name_key(entity.name) == key:
                found[i] = replace(entity, role="author")
                break
        else:
            if all(name_key(e.name) != key for e in byline):
                byline.append(Entity(name, "PERSON", (), "author", 0.9, "byline"))
    ordered = sorted(found, key=lambda e: e.mentions[0].start if e.mentions else -1)
    return (*byline, *ordered)


def _without_duplicates(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per span (the first rule that found it wins), in text order."""
    seen: set[tuple[int, int]] = set()
    out = []
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        if (c.start, c.end) not in seen and c.end > c.start:
            seen.add((c.start, c.end))
            out.append(c)
    return out


def _is_dash(tok: Any) -> bool:
    return len(tok.text) == 1 and tok.text in DASHES or tok.text == "--"  # "LIMA -- Prime Minister …"


def _candidate(piece: Piece, text: str, tokens: Sequence[Any], kind: str, weak: bool = False) -> Candidate | None:
    if not tokens:
        return None
    # the canonical text holds the piece's text at its offset, so the surface is read there (Doc.text and
    # Token.sent would rebuild strings and walk tokens on every call)
    start = piece.offset + tokens[0].idx
    end = piece.offset + tokens[-1].idx + len(tokens[-1].text)
    surface = text[start:end]
    for mark in APOSTROPHES:  # a possessive the tokenizer left attached ("Airbus'")
        if surface.endswith(mark + "s") and len(surface) > 3:
            end -= 2
        elif surface.endswith(mark) and len(surface) > 2 and not surface.endswith(("O" + mark, "o" + mark)):
            end -= 1
        surface = text[start:end]
    if not any(ch.isalpha() or ch.isdigit() for ch in surface):
        return None
    if len(tokens) > 1 and _NUMERAL_AND_STOP.search(surface) and _SENTENCE_NEXT.match(text, end):
        end -= 1  # "after Artemis I. The crew": the sentence's full stop, not the name's
        surface = text[start:end]
    return Candidate(start, end, surface, kind, weak)


_NUMERAL_AND_STOP = re.compile(r" [IVX]{1,4}\.$")
_SENTENCE_NEXT = re.compile(r"[ \t]*(?:$|\n|[ \t][A-Z\"“‘'(])")


# Prepositions a sentence opens with, capitalised, that the model or a run of capitals takes into a name ("With Post
# reporting from Beijing", "Amid Brexit"): no name starts with one.
_OPENING_PREPOSITIONS = frozenset({"With", "From", "Via", "Amid", "Amidst", "Into", "Without", "During", "Despite"})


_ABBREVIATED = CORPORATE_SUFFIXES | NAME_SUFFIXES | HONORIFICS


def _trim(tokens: list[Any]) -> list[Any]:
    """Drop leading determiners, "its" and "their", and punctuation, trailing possessives and punctuation, and
    trailing lower-case words (a name ends in a capitalised word: "The Associated Press that …", "Bank of" are cut)."""
    while tokens and (tokens[0].lower_ in DETERMINERS or (tokens[0].is_punct and tokens[0].text != "(")
                      or (tokens[0].text in _OPENING_PREPOSITIONS or tokens[0].lower_ in ("its", "their"))
                      and len(tokens) > 1):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct and tokens[-1].text not in (".", ")")
        or tokens[-1].text == "." and len(tokens) > 1 and len(tokens[-2].text) > 1 and not tokens[-2].is_upper
        and tokens[-2].lower_ not in _ABBREVIATED  # the sentence's full stop the model took into "Ticketmaster."
        # (an abbreviation keeps its own: "Inc." is one token, "INC" "." two)
        or tokens[-1].text.lower() in {m + "s" for m in APOSTROPHES} | set(APOSTROPHES)
        or len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].is_alpha
    ):
        tokens = tokens[:-1]
    if len(tokens) > 3 and _score(tokens[-3:]):
        tokens = tokens[:-3]  # "Atletico Madrid 2-1": the match's score, not the club's name
    return tokens


def _score(tokens: Sequence[Any]) -> bool:
    """A score written as three tokens, two numbers under 200 joined by a dash ("2-1", "24–17", "118-112"); not a
    model's number ("737-800")."""
    first, dash, second = tokens
    return (first.is_digit and second.is_digit and int(first.text) < 200 and int(second.text) < 200
            and dash.text in ("-", "–") and not first.whitespace_ and not dash.whitespace_)


def _split_parts(tokens: list[Any], known: set[str]) -> list[list[Any]]:
    """Cut a span at parentheses, at a sentence start inside it ("… the U.S. Jobs also noted"), and at dashes between
    names when a part is named on its own elsewhere in the article ("Abe-Putin", "San Jose - Cisco"; not "Wi-Fi")."""
    parts: list[list[Any]] = [[]]
    for i, tok in enumerate(tokens):
        if i and tok.is_sent_start:
            parts.append([])
        if tok.text in "()" or _is_dash(tok):
            parts.append([])
        else:
            parts[-1].append(tok)
    parts = [p for p in parts if p]
    dashed = any(_is_dash(t) for t in tokens)
    if dashed and not any(name_key(" ".join(t.text for t in p)) in known for p in parts if len(p) < len(tokens)):
        return _unsplit(tokens)
    return parts


def _unsplit(tokens: list[Any]) -> list[list[Any]]:
    """Parentheses and sentence starts only: the dashes belong to the name."""
    parts: list[list[Any]] = [[]]
    for i, tok in enumerate(tokens):
        if (i and tok.is_sent_start) or tok.text in "()":
            parts.append([])
        if tok.text not in "()":
            parts[-1].append(tok)
    return [p for p in parts if p]


def _title_cut(tokens: list[Any]) -> int:
    """Index of the first token of the name after the titles and roles in front of it (0 when there are none)."""
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        rest = [t for t in tokens[i + 1 :] if t.lower_ not in NAME_SUFFIXES and capitalised(t)]
        # a lower-case word is a role ("former minister X"), not a particle inside a short name after its given name
        # ("Ursula von der Leyen"; not "de Herengracht", nor the particles of a long run of words)
        particle = tok.lower_ in PERSON_PARTICLES and 0 < i and len(tokens) <= 5 and not tokens[0].is_lower
        role = is_title_word(tok.text) or (tok.is_lower and tok.is_alpha and not particle)
        if role and rest and not all(is_title_word(t.text) for t in rest):
            cut = i + 1
    return cut


def _org_head(tokens: Sequence[Any]) -> bool:
    """The name says it is an organisation: "… Embassy", "… Ministry of Foreign Affairs"."""
    words = [t.lower_ for t in tokens]
    if len(words) >= 2 and words[-1] in ORG_HEADS:
        return True
    return "of" in words[1:] and words[words.index("of") - 1] in ORG_HEADS


def _extend_to_head(tokens: list[Any], doc: Any, taken: set[int]) -> list[Any]:
    """"Japanese" + "Embassy" → "Japanese Embassy": capitalised words after a span that end in an organisation head
    (and an "of …" tail after the head) belong to it."""
    end = tokens[-1].i + 1
    j = end
    while j < len(doc) and j - end < 4 and doc[j].is_title and doc[j].is_alpha and j not in taken:
        j += 1
        if doc[j - 1].lower_ in ORG_HEADS:
            k = j
            if k + 1 < len(doc) and doc[k].lower_ == "of" and capitalised(doc[k + 1]) and k + 1 not in taken:
                k += 1
                while k < len(doc) and (capitalised(doc[k]) or doc[k].lower_ in NAME_PARTICLES) and k not in taken:
                    k += 1
                while doc[k - 1].lower_ in NAME_PARTICLES:
                    k -= 1
            return [*tokens, *doc[end:k]]
    return tokens


def _dateline(piece: Piece, text: str) -> list[Any]:
    """Tokens of an all-capital place name opening a block and followed by a dash or comma ("MOSCOW –")."""
    if piece.offset and text[piece.offset - 1] != "\n":
        return []
    doc = piece.doc
    run = []
    for tok in doc[:6]:
        if tok.is_alpha and tok.is_upper and len(tok.text) >= 2:
            run.append(tok)
            continue
        if run and sum(len(t.text) for t in run) >= 3 and (_is_dash(tok) or tok.text in {",", "(", ":"}):
            return [] if any(t.lower_ in KICKERS for t in run) else run
        break
    return []




def _not_a_name(tokens: Sequence[Any]) -> bool:
    """Amounts and units the model sometimes labels as names ("US $299", "16 GB"), and a plural common noun that
    opens a sentence ("Shoppers lined up …", "Analysts said …")."""
    if any(t.is_currency or t.like_num and not t.is_alpha and len(tokens) == 1 for t in tokens):
        return True
    first = tokens[0]
    if len(tokens) == 1 and first.is_sent_start and first.tag_ == "NNS" and first.text[1:].islower():
        return True
    if len(tokens) == 1 and first.tag_ == "VB" and first.text[1:].islower() and (
            first.is_sent_start or first.i and (first.nbor(-1).lower_ == "to" or first.nbor(-1).is_punct
                                                 or first.nbor(-1).tag_ == "LS")):
        return True  # "Invest in a proper chair.", "How to Apply": a verb, capitalised by its place
    return bool(first.i and first.nbor(-1).like_num and len(tokens) == 1 and first.is_upper and len(first) <= 3)


def _piece_candidates(piece: Piece, text: str, known: set[str]) -> Iterator[Candidate]:
    doc = piece.doc
    taken: set[int] = set()
    dateline = _dateline(piece, text)
    if dateline:
        c = _candidate(piece, text, dateline, "PLACE")
        if c:
            c = replace(c, source="dateline")
            taken.update(t.i for t in dateline)
            yield c
    for ent in doc.ents:
        kind = LABEL_TYPES.get(ent.label_)
        if kind is None or any(t.i in taken for t in ent) or _not_a_name(ent):
            continue
        surname = _surname_after_given_name(ent, doc)
        if surname is not None:  # "Billie" (a people to the model) "Eilish": a person
            c = _candidate(piece, text, [ent[0], surname], "PERSON")
            if c:
                taken.update((ent[0].i, surname.i))
                yield c
                continue
        tokens = list(ent)
        cut_off = _surname_cut_off(ent, doc)
        if cut_off is not None:  # "Ana Lucía" (a person to the model) "Ferrer's second feature"
            tokens.append(cut_off)
        parts = _split_parts(tokens, known)
        for part in parts:
            yield from _part_candidates(piece, text, part, ent.label_, kind, len(parts) > 1, taken)
    yield from _unlabelled_organisations(piece, text, taken)


def _surname_after_given_name(ent: Any, doc: Any) -> Any:
    """The unlabelled capitalised word after a one-word people's name that is a given name and not shaped like a
    people's ("Billie" "Eilish"; not "German Bundestag", "Christian Democrats"): its surname."""
    if ent.label_ != "NORP" or len(ent) != 1 or ent.end >= len(doc):
        return None
    word, nxt = ent[0].text, doc[ent.end]
    if word.endswith(_NATIONALITY_ENDINGS) or word not in given_names():
        return None
    low = nxt.lower_
    if nxt.ent_type_ or nxt.pos_ != "PROPN" or not nxt.is_alpha or not nxt.is_title or low in NAME_HEAD_WORDS \
            or is_title_word(low) or low.endswith("s") and not low.endswith("ss"):
        return None
    return nxt


# First words of institutions whose names may end in an event's word ("Institute for the Study of War").
_INSTITUTION_FIRST = frozenset({"institute", "council", "committee", "museum", "center", "centre", "foundation",
                                "society", "association", "academy", "university", "college", "school", "commission",
                                "office", "agency", "department", "ministry", "bureau", "league"})


def _surname_cut_off(ent: Any, doc: Any) -> Any:
    """The unlabelled capitalised word after a person's name that the parse makes the head of the name's last word
    ("Ana Lucía" "Ferrer"): the surname the model left out. Not a word that heads names of other kinds ("Tower")."""
    if ent.label_ != "PERSON" or ent.end >= len(doc):
        return None
    nxt = doc[ent.end]
    low = nxt.lower_
    if len(ent) >= 2 and ent[-1].lower_ in PERSON_PARTICLES and nxt.is_alpha and nxt.is_title:
        return nxt  # "Ursula von der" (a person to the model) "Leyen" (a place to it)
    if nxt.ent_type_ or nxt.pos_ != "PROPN" or not nxt.is_alpha or not nxt.is_title or low in NAME_HEAD_WORDS \
            or is_title_word(low) or ent[-1].dep_ != "compound" or ent[-1].head.i != nxt.i:
        return None
    return nxt


def _part_candidates(
    piece: Piece, text: str, tokens: list[Any], label: str, kind: str, weak: bool, taken: set[int]
) -> Iterator[Candidate]:
    tokens = _trim(tokens)
    if not tokens:
        return
    doc = piece.doc
    if kind == "PERSON":
        cut = _title_cut(tokens)
        if cut:
            before = [t for t in tokens[:cut] if capitalised(t) and not is_title_word(t.text)]
            prefix: list[Any] = []
            for t in tokens[:cut]:  # a leading organisation or nationality: "UBS analyst", "Russian President"
                if t in before:
                    prefix.append(t)
                elif prefix:
                    break
            if prefix:
                nationality = len(prefix) == 1 and prefix[0].lower_.endswith(_NATIONALITY_ENDINGS)
                c = _candidate(piece, text, prefix, "GROUP" if nationality else "ORGANIZATION", weak=True)
                if c:
                    yield c
            tokens = tokens[cut - 1 :] if tokens[cut - 1].lower_ in HONORIFICS else tokens[cut:]
        elif tokens[0].i > 0 and doc[tokens[0].i - 1].lower_ in HONORIFICS and doc[tokens[0].i - 1].i not in taken:
            tokens = [doc[tokens[0].i - 1], *tokens]  # "Mr." the model left out of the span
    elif tokens[0].lower_ in PERSON_TITLES and len(tokens) > 1:
        rest = tokens[_title_cut(tokens) or 1 :]
        if rest and any(capitalised(t) and not is_title_word(t.text) for t in rest) \
                and rest[-1].lower_ not in NAME_HEAD_WORDS:  # "King County", "Queen Street" are places
            tokens, kind = rest, "PERSON"
    elif kind in ("GROUP", "PLACE", "ORGANIZATION") and len(tokens) == 1 and tokens[0].i > 0 \
            and doc[tokens[0].i - 1].text in RANKS_BEFORE_A_NAME and tokens[0].text[1:].islower() \
            and tokens[0].lower_ not in NAME_HEAD_WORDS and tokens[0].lower_ not in ORG_HEADS:
        kind = "PERSON"  # "Lord Lucan" (a people to the model), "Captain Foster"
    while kind in ("PLACE", "ORGANIZATION") and len(tokens) > 2 and is_title_word(tokens[0].text) \
            and tokens[1].lower_ == "of":
        tokens = tokens[2:]  # "Founder of Ceres Robotics": the role is no part of the company's name
    after = tokens[-1].i + 1
    if kind in ("GROUP", "PLACE") and after < len(doc) and doc[after].text == "Open" and after not in taken:
        tokens, kind = [*tokens, doc[after]], "EVENT"  # "Australian" (a people to the model) "Open": the tournament
    if kind in ("GROUP", "PLACE", "ORGANIZATION") and not weak:
        extended = _extend_to_head(tokens, doc, taken)
        if len(extended) > len(tokens):
            tokens, kind = extended, "ORGANIZATION"
    if label in _RETYPABLE and _org_head(tokens):
        kind = "ORGANIZATION"
    if len(tokens) >= 2 and tokens[-1].lower_ in EVENT_HEADS and kind in ("ORGANIZATION", "PLACE", "OTHER") \
            and tokens[0].lower_ not in _INSTITUTION_FIRST \
            or len(tokens) >= 2 and tokens[-1].lower_ in PERSONLESS_EVENT_HEADS and kind == "PERSON":
        kind = "EVENT"
    elif len(tokens) >= 3 and tokens[0].text in EVENT_OPENINGS and tokens[1].lower_ == "of" \
            and kind in ("ORGANIZATION", "PLACE", "PERSON"):
        kind = "EVENT"  # "the Battle of Plassey", "the Siege of Sebastopol" (organisations to the model)
    elif len(tokens) >= 2 and (tokens[-1].lower_ in LAW_HEADS or tokens[-1].like_num and len(tokens) >= 3
                               and tokens[-2].lower_ in LAW_HEADS or tokens[0].text in LAW_OPENINGS
                               and tokens[1].lower_ == "of") and kind in ("ORGANIZATION", "PLACE", "PERSON"):
        kind = "OTHER"  # "the Scottish Outdoor Access Code", "the Treaty of Allahabad": a law or a treaty
    taken.update(t.i for t in tokens)
    c = _candidate(piece, text, tokens, kind, weak)
    if c:
        yield c


def _unlabelled_organisations(piece: Piece, text: str, taken: set[int]) -> Iterator[Candidate]:
    """Capitalised runs the model missed that end in an organisation head ("Upper House", "Foreign Ministry")."""
    doc = piece.doc
    i = 0
    while i < len(doc):
        if i in taken or not doc[i].is_title or not doc[i].is_alpha or doc[i].lower_ in DETERMINERS \
                or doc[i].text in _OPENING_PREPOSITIONS:
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and (
            (doc[j].is_title and doc[j].is_alpha)
            or (doc[j].lower_ in NAME_PARTICLES and j + 1 < len(doc) and doc[j + 1].is_title and j > i)
        ):
            j += 1
        run = list(doc[i:j])
        if len(run) >= 2 and _org_head(run) and not all(is_title_word(t.text) for t in run[:-1]):
            c = _candidate(piece, text, run, "ORGANIZATION")
            if c:
                c = replace(c, source="organisation head")
                taken.update(t.i for t in run)
                yield c
        i = max(j, i + 1)


def _hyphen_partners(parsed: Parsed, candidates: Sequence[Candidate]) -> Iterator[Candidate]:
    """Names joined by a hyphen that the model missed ("the Japan-Russia relationship"), when each is a name the
    article mentions elsewhere: both become mentions of those entities."""
    known: dict[str, str] = {}
    for c in candidates:
        known.setdefault(name_key(c.text), c.type)
    coverage = Coverage(len(parsed.text), candidates)
    text = parsed.text
    for piece in parsed.pieces:
        doc = piece.doc
        if len(doc) < 3 or not any(d in text[piece.offset + doc[1].idx : piece.offset + doc[-1].idx] for d in DASHES):
            continue  # no dash between the first and the last token
        for tok in doc[1:-1]:
            if not _is_dash(tok):
                continue
            left, right = doc[tok.i - 1], doc[tok.i + 1]
            if left.whitespace_ or tok.whitespace_:
                continue
            for side in (left, right):
                start = piece.offset + side.idx
                end = start + len(side.text)
                if not capitalised(side) or len(side.text) < 2 or coverage.overlaps(start, end):
                    continue  # one letter is a model or a standard's suffix ("USB-C", "Type-A"), no partner
                kind = known.get(name_key(side.text))
                if kind is not None:
                    coverage.add(start, end)
                    yield Candidate(start, end, side.text, kind, weak=True, source="hyphen")

