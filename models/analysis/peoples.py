"""Names of peoples, which the small model types as people, places or organisations: a nationality or a language in
"-ish", a nationality the text derives from a place's name, the people of a place ("Delhiites", "Berliners") and its
adjective
("a Glaswegian country singer"). They are groups, never a person, a place or an organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.analysis.aliases import Candidate
from models.analysis.world_places import countries_and_states

# A nationality or a language in "-ish" ("Spanish", "Danish"): no place, organisation or person has such a name.
NATIONALITY_WORD = re.compile(r"^[A-Z][a-z]{2,}ish$")
# A man or a woman of a nation named by one word ("the Dutchman", "an Irishwoman"): a nationality, no name.
NATIONAL_OF = re.compile(r"^(?:Dutch|French|English|Irish|Welsh|Scots|Cornish|Manx|Norse)(?:man|woman|men|women)$")
_NATIONAL_ENDS = ("n", "an", "ian", "ese", "i", "ish")
# A word shaped like the name of a people or its adjective ("Armenian", "Japanese", "Europeans").
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|an|i)s?$")


def people_of_a_country(word: str) -> bool:
    """A word shaped like a people's name, and, if it ends in "i" or "ese" (as many surnames do: "Zubimendi",
    "Higuchi", "Albanese"), made from a country's ("Israeli", "Nepali", "Japanese") or one of the peoples so named
    without one ("Saudi", "Chinese")."""
    if not DEMONYM.match(word):
        return False
    single = word[:-1] if word.endswith(("is", "eses")) else word
    places = countries_and_states()
    if single.endswith("ese"):  # "Japanese", "Sudanese", "Burmese"; not "Albanese", a surname
        stem = single[:-3]
        return single in _ESE_PEOPLES or any(stem + end in places for end in ("", "a", "o", "on", "i"))
    if not single.endswith("i"):
        return True
    return single in _I_PEOPLES or single[:-1] in places or single[:-1] + "a" in places or single + "a" in places


_ESE_PEOPLES = frozenset({"Chinese", "Portuguese", "Maltese", "Guyanese", "Javanese", "Balinese", "Cantonese",
                          "Lebanese", "Congolese", "Faroese", "Genoese", "Milanese", "Viennese", "Bhutanese", "Burmese",
                          "Togolese", "Sinhalese"})
_I_PEOPLES = frozenset({"Saudi", "Thai", "Bengali", "Punjabi", "Hindi", "Swahili", "Sindhi", "Emirati", "Farsi",
                        "Gujarati", "Marathi", "Pashtuni", "Baluchi", "Kurdi", "Bahraini", "Qatari", "Omani"})


def nationality_written(word: str, text: str) -> bool:
    """The text writes a nationality made from the word ("Indonesian" from "Indonesia", "Italian" from "Italy")."""
    stems = "|".join(re.escape(stem) for stem in {word, word[:-1]})
    pattern = re.compile(rf"\b(?:{stems})(?:{'|'.join(_NATIONAL_ENDS)})\b")
    return any(m.group() != word for m in pattern.finditer(text))  # "Higuch" + "i" is the word itself


# The people of a place in the plural ("Delhiites", "Glaswegians", "Muscovites"); and its adjective used as one, a
# determiner or a word before it and a noun after ("a self-destructive Glaswegian country singer", "the Glaswegian
# extras"): no person's name is written so ("Brian said" is).
_PEOPLE_PLURAL = re.compile(r"^[A-Z][a-z]{2,}(?:ites|ians|eans)$")
_ADJECTIVE_OF_PEOPLE = re.compile(r"^[A-Z][a-z]{2,}(?:ian|ese)$")
_WORD_BEFORE = re.compile(r"(?:\b(?:a|an|the|all|many|some|two|three|[a-z]+)\s)$")
_NOUN_AFTER = re.compile(  # a verb after it makes the name a subject ("the Guardian reported", "the Christian said")
    r"\s(?!(?:said|says|say|told|tells|wrote|writes|reported|reports|added|adds|announced|announces|noted|notes|"
    r"claimed|claims|has|have|had|is|was|are|were|will|would|could|can|may|might|did|does)\b)[a-z]{3,}\b"
)


def peoples_of_places(candidates: Sequence[Candidate], text: str) -> set[str]:
    """One-word names the article uses as the name of a people: a plural of a people's word, or a word shaped
    like one used as an adjective in every mention."""
    shaped: dict[str, bool] = {}
    places = {c.text.split()[-1].capitalize() for c in candidates if c.type == "PLACE" and c.text.split()}
    for c in candidates:
        if " " in c.text or c.type not in ("PERSON", "PLACE", "ORGANIZATION"):
            continue
        if _PEOPLE_PLURAL.match(c.text) or c.text.endswith("ers") and c.text[:-3] in places:
            # "Berliners" where the article names Berlin ("BERLIN —", "West Berlin")
            shaped[c.text] = True
        elif _ADJECTIVE_OF_PEOPLE.match(c.text):
            # before a noun, after a word or made from a place the article names ("Ukrainian officials" with Ukraine)
            adjective = bool((_WORD_BEFORE.search(text, max(0, c.start - 20), c.start) or _made_from(c.text, places))
                             and _NOUN_AFTER.match(text, c.end))
            shaped[c.text] = shaped.get(c.text, True) and adjective
    return {name for name, yes in shaped.items() if yes} | {
        c.text for c in candidates if c.text in KNOWN_PEOPLES and c.type in ("PERSON", "PLACE", "ORGANIZATION")}


# Peoples, faiths and their members named by words of no people's shape ("sacked by the Visigoths", a place to the
# model; "the Goths arrived", an organisation). Not the peoples whose names teams bear ("Vikings", "Celtics").
KNOWN_PEOPLES = frozenset("""
Goths Visigoths Ostrogoths Vandals Franks Huns Celts Gauls Slavs Moors Turks Greeks Arabs Jews Kurds Aztecs Incas
Mongols Tatars Tartars Cossacks Berbers Sikhs Hindus Muslims Christians Catholics Protestants Buddhists Pashtuns
Tamils Uyghurs Uighurs Zulus Maori Māori Inuit Basques Finns Danes Swedes Poles Czechs Serbs Croats Slovaks Brits
Scots Yazidis Druze Alawites Sunnis Shias Shiites Hutus Tutsis Rohingya Saxons Anglo-Saxons Jutes Picts Lombards
Magyars Bedouin Muslim Hindu Sikh Jew Arab Kurd Turk Basque Kikuyu Kalenjin Maasai Masai Hmong Lao Thais Khmer
Akha Hausa Yoruba Igbo Fulani Tuareg Hazara Hazaras Uzbeks Tajiks Baloch Zulu Xhosa Navajo Sioux Iroquois Mayans
""".split())


def _made_from(adjective: str, places: set[str]) -> bool:
    """The adjective of a people is made from one of the ``places`` ("Ukrainian" from "Ukraine", "Italian" from
    "Italy", "Japanese" from "Japan")."""
    stem = adjective[: -3] if adjective.endswith(("ian", "ese")) else adjective[:-2]
    return any(stem + end in places or stem[:-1] + end in places for end in ("", "e", "a", "y", "ia"))
