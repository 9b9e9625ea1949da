"""Sports teams, which the small model calls places ("Liverpool") or people ("Brentford"): what the words around
a name say of a team."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models.analysis.aliases import Candidate
from models.analysis.entity_types import CLUB_FIRST_WORDS, CLUB_LAST_WORDS
from models.analysis.given_names import given_name_first

THE_BEFORE = re.compile(r"\b[Tt]he\s$")

# A singular name with a plural verb, as British English writes of a team or a company ("Brentford host Wolves",
# "Liverpool travel to Manchester", "Google are planning"): a body of people, no person and no place. Not after a
# preposition ("voters in Ohio are"), an auxiliary of a question ("Did Russia have a plan?") or a verb that takes a
# bare infinitive ("let Britain have its say"), nor as the last of two subjects ("Apple and Google are").
_PLURAL_VERB_AFTER = re.compile(
    r"(?<!\s)\s+(?:(?:are|were|have|host|travel|face|play|meet|visit|welcome|need|remain|sit|trail|lead)\s+"
    r"(?:to\s+)?(?:[A-Z]|the\b|a\b|an\b|their\b|\d)"
    # "Arsenal have agreed a deal", "Chelsea are reportedly interested"
    r"|(?:are|were|have)\s+(?:(?:already|also|now|not|never|just|finally|reportedly)\s+)?"
    r"(?:[a-z]{2,12}ed|been|made|won|lost|beaten|drawn|taken|held|kept|paid|sold|brought|bought|begun|given)\b"
    # a headline's present: "Arsenal agree deal to sign …", "Chelsea sack Pochettino"
    r"|(?:agree|sign|confirm|complete|announce|reject|appoint|sack|win|lose|draw)\s+[A-Za-z])"
)
_NO_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:and|or|nor|in|of|from|at|for|with|to|on|by|near|across|than|as|like|"
    r"do|does|did|will|would|can|could|should|shall|may|might|must|let|lets|make|makes|made|help|helps|helped|"
    r"see|sees|saw|watch|watched)|[&,])\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def body_of_people(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` takes a plural verb, as a team's or a company's does in British English."""
    return (
        not text[start:end].endswith("s")
        and bool(_PLURAL_VERB_AFTER.match(text, end))
        and not _NO_SUBJECT_BEFORE.search(text, max(0, start - 30), start)
    )


# A plural name before a player's position or a game: a sports team ("Falcons linebacker", "Hawks-Owls game").
_PLURAL_NAME = re.compile(r"^[A-Z][a-z]+[^s']s$")
_POSITIONS = (r"coach|head coach|quarterback|linebacker|cornerback|safety|kicker|punter|receiver|wide receiver|"
              r"running back|tight end|defensive|offensive|lineman|pitcher|shortstop|outfielder|catcher|infielder|"
              r"goalie|goaltender|defenseman|winger|forward|guard|center|striker|midfielder|defender|goalkeeper|"
              r"manager|general manager")
_TEAM_AFTER = re.compile(
    rf"(?:[-–][A-Z][a-z]+s)?(?<!\s)\s+(?:game|games|match|matchup|rivalry|fans|owner|roster|lineup|{_POSITIONS})\b"
)
# A name of several words before a player's position ("Kansas City Chiefs tight end"); not before "fans" or "game",
# which a franchise has too ("Star Wars fans")
_POSITION_AFTER = re.compile(rf"(?<!\s)\s+(?:{_POSITIONS})\b")


_SCORE_AFTER = re.compile(r" \d{1,3}[-–]\d{1,3}\b")


def team_evidence(text: str, start: int, end: int) -> int:
    """How strongly the words around the name at ``start:end`` say it is a team's: a plural name before a player's
    position or a game ("Rangers quarterback …", "the Hawks-Owls game"), a club's first or last word ("Leeds
    United", "Real Madrid"), a plural name after "the" before a score ("the Buffalo Bills 27-24"), a name with a
    plural verb ("Brentford host Wolves"). Never a person's."""
    surface = text[start:end]
    weight = 0
    last = surface.rsplit(None, 1)[-1]
    if _PLURAL_NAME.match(last) and last not in PLACE_PLURALS and (
            _TEAM_AFTER.match(text, end) if " " not in surface
            else _POSITION_AFTER.match(text, end) and not given_name_first(surface.split(), set())):
        weight += 2  # "Rangers quarterback", "Kansas City Chiefs tight end" (not "Britney Spears fans")
    if club_name(surface):
        weight += 3  # "Leeds United", "Bolton Wanderers", "Real Madrid": a club's name
    if _PLURAL_NAME.match(last) and _SCORE_AFTER.match(text, end) \
            and THE_BEFORE.search(text, max(0, start - 4), start):
        weight += 2  # "held off the Buffalo Bills 27-24"
    if body_of_people(text, start, end):
        weight += 2
    return weight


def club_name(name: str) -> bool:
    """A club's name by its first or last word ("Manchester United", "Real Madrid"), which no person bears."""
    words = name.lower().split()
    return len(words) > 1 and (words[-1] in CLUB_LAST_WORDS or words[0] in CLUB_FIRST_WORDS)


def in_a_result(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is a side of a result: "India beat England by 203 runs", "a 2-1 win over Celtic at
    …" — a team, not its country or its town (the caller leaves out people: "Fritz beat Opelka 6-3")."""
    return bool(_RESULT_AFTER.match(text, end) or _RESULT_BEFORE.search(text, max(0, start - 40), start)
                and _MARGIN_AFTER.match(text, end))


# A result between two sides: the winner before its verb, the loser after it, with the margin or the score.
_RESULT_VERB = r"(?:beat|beats|defeated|defeats|thrashed|edged|routed|lost to|loses to|drew with|drew against)"
_MARGIN = (r"(?:by\s{1,3}\d{1,3}\s{1,3}(?:runs?|wickets?|goals?|points?|strokes?|innings)\b|"
           r"\d{1,3}\s?[-–]\s?\d{1,3}\b)")
_RESULT_AFTER = re.compile(
    rf"\s{{1,3}}{_RESULT_VERB}\s{{1,3}}(?:the\s{{1,3}})?[A-Z][\w'’.-]{{0,40}}(?:\s{{1,3}}[A-Z][\w'’.-]{{0,40}}){{0,3}}"
    rf"\s{{1,3}}{_MARGIN}"
)
_RESULT_BEFORE = re.compile(rf"\b(?:{_RESULT_VERB}|victory over|win over|defeat to|loss to|draw with)\s{{1,3}}"
                            rf"(?:the\s{{1,3}})?$")
_MARGIN_AFTER = re.compile(rf"\s{{1,3}}(?:{_MARGIN}|at\s{{1,3}}[A-Z])")


def plural_after_the(candidates: Sequence[Candidate], text: str) -> set[str]:
    """One-word names typed as people, in the plural and written after "the" every time ("the Steelers", "the
    Kinks"): a team or a band. A person's name takes no article."""
    seen: dict[str, bool] = {}
    for c in candidates:
        if c.type != "PERSON" or " " in c.text or not c.text.endswith("s") or not c.text[:1].isupper() \
                or c.text.endswith(("us", "ss", "is")):  # "the Bosphorus", "the Tigris": no plural
            continue
        after_the = bool(THE_BEFORE.search(text, max(0, c.start - 4), c.start))
        seen[c.text] = seen.get(c.text, True) and after_the
    out = {name for name, every in seen.items() if every}
    # "the Pittsburgh Pirates", "the Velvet Owls": a name of several words ending in a plural, after "the" at least
    # as often as not (a table or an infobox writes it bare)
    return out | team_names(candidates, text, ("PERSON",))


# The plural last words of places ("the United States", "the Rocky Mountains", "the Northern Territories").
PLACE_PLURALS = frozenset(
    "States Islands Isles Mountains Hills Lakes Falls Springs Keys Highlands Lowlands Alps Territories Emirates "
    "Provinces Plains Heights Woods Fields Rapids Sands Downs Cliffs Gardens Meadows Valleys Rocks Pyramids Glades "
    "Marshes Lands Caves Narrows Straits Dunes Banks Shoals Reefs Peaks Ranges Hebrides Midlands Americas Indies "
    "Philippines Netherlands Bahamas Maldives Seychelles Comoros Moluccas Andes Appalachians Rockies".split()
)


def team_names(candidates: Sequence[Candidate], text: str, kinds: Sequence[str]) -> set[str]:
    """Names of several words ending in a plural, written after "the" at least as often as not ("the Pittsburgh
    Pirates", "the Velvet Owls"; a table or an infobox writes them bare): a team or a band, whatever the model or
    a context cue made of them ("Pittsburgh Pirates (2012)" in an infobox is no citation of a person). Only the
    ``kinds`` given are counted; places in the plural ("the United States") are none. A given name and a surname in
    -s ("Britney Spears") need "the" more often than not: "the Britney Spears story" is the story's "the"."""
    votes: Counter[str] = Counter()
    for c in candidates:
        words = c.text.split()
        if c.type not in kinds or len(words) < 2 or not _PLURAL_NAME.match(words[-1]) or words[-1] in PLACE_PLURALS:
            continue
        votes[c.text] += 1 if THE_BEFORE.search(text, max(0, c.start - 4), c.start) else -1
    return {name for name, v in votes.items() if v >= (1 if given_name_first(name.split(), set()) else 0)}


# Words of a sports report, none said of politics or business: three different ones make a text one, where a town
# or a country that wins, draws, hosts or leads the series is its team.
_SPORT_WORD = re.compile(
    r"\b(?:derby|league|striker|midfielder|defender|goalkeeper|innings|wickets?|batsman|batsmen|bowlers?|"
    r"kick-off|half-time|equaliser|equalizer|touchdowns?|quarterback|pitcher|playoffs?|semi-final|quarter-final|"
    r"relegation|unbeaten|rugby|football|cricket|hockey|baseball|basketball|hat-trick|penalty shoot-out|"
    r"free kick|stoppage time|home side|away side|fixture|scored|equalised|equalized|(?<!-)opener|clean sheet|"
    r"injury time|\d{1,3}(?:st|nd|rd|th)-minute)\b",
    re.IGNORECASE,
)
_SPORT_WORDS_NEEDED = 3


def sports_report(text: str) -> bool:
    """The text uses three different words of a sports report ("derby", "striker", "league")."""
    seen: set[str] = set()
    for word in _SPORT_WORD.finditer(text):
        seen.add(word.group().lower().rstrip("s"))
        if len(seen) >= _SPORT_WORDS_NEEDED:
            return True
    return False


# What a side does in a report ("Hibernian defeated city rivals", "England still lead the series", "Rangers drew
# with Aberdeen", "Aberdeen's manager"); a town travelled to or played at is the place ("travel to Dundee", "at
# Headingley").
_PLAYS_AFTER = re.compile(
    r"(?:[^\S\n]{1,3}(?:still|also|now|again|then|eventually|finally|comfortably|narrowly))?[^\S\n]{1,3}(?:won|lost|drew|"
    r"beat|defeated|thrashed|hammered|edged|host|hosts|hosted|travel|travels|travelled|traveled|visit|visits|"
    r"face|faces|faced|lead|leads|led|trail|trails|trailed|collapsed|clinched|equalised|equalized|conceded|"
    r"were bowled|were all out|declared)\b"
    r"|['’]s[^\S\n]{1,3}(?:manager|coach|striker|goalkeeper|keeper|captain|midfielder|defender|skipper|boss|fans|"
    r"supporters|players|squad|bowlers|batsmen|batters|innings|attack|defence|defense|lead|victory|win|defeat)\b"
)
_PLAYED_BEFORE = re.compile(
    r"\b(?:beat|defeated|thrashed|hammered|edged|drew with|draw with|lost to|losing to|against|hosts?|hosted|"
    r"face|faces|faced|to face|to play|visit of|victory over|win over|defeat to|defeat by|loss to|win against)"
    r"[^\S\n]{1,3}(?:the[^\S\n]{1,3})?$"
)


# A side's staff or player named after the side ("Manchester City manager Pep Guardiola", "England captain Harry
# Kane", "Boca Juniors striker Edinson Cavani"): in a sports report, the name before is the team's, whatever its words
# (a town's: "Leicester City"; a country's: "England").
_STAFF_NAMED_AFTER = re.compile(
    r"[^\S\n]{1,3}(?:manager|head coach|coach|boss|captain|skipper|striker|forward|winger|midfielder|defender|"
    r"full-back|centre-back|center-back|goalkeeper|keeper|quarterback|pitcher|shortstop|point guard|"
    r"chairman|owner|president|sporting director|director of football)[^\S\n]{1,3}[A-Z][a-z]+[^\S\n]{1,3}[A-Z][a-z]"
)


def staff_named_after(text: str, end: int) -> bool:
    """The name ending at ``end`` is followed by one of its staff or players named in full (the caller asks it in a
    sports report only): "Manchester City manager Pep Guardiola"."""
    return bool(_STAFF_NAMED_AFTER.match(text, end))


def plays(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` plays: it wins, draws, hosts or leads, or is beaten, drawn with or faced (the caller
    asks it in a sports report only, and not of a player named in full)."""
    return bool(_PLAYS_AFTER.match(text, end) or _PLAYED_BEFORE.search(text, max(0, start - 24), start))
