"""Short forms of names the article gives in full, which the model types apart: a person's surname ("Quell" after
"Tobias Quell"), a company's first word ("Nordwind" of "Nordwind Energy"), a storm's given name ("Ida" of "Hurricane
Ida"), an organisation's last word after "The" ("The Chronicle" of "the Daily Chronicle")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models.analysis.aliases import STORM_WORDS, Candidate, company_short_form
from models.analysis.entity_types import PLACE_FIRST_WORDS, PLACE_LAST_WORDS, is_title_word
from models.analysis.given_names import given_names
from models.analysis.peoples import DEMONYM, nationality_written, people_of_a_country
from models.analysis.teams import THE_BEFORE
from models.analysis.world_cities import world_cities
from models.analysis.world_places import places_with_given_names


def parts_of_people(candidates: Sequence[Candidate], text: str, surnames: set[str]) -> set[str]:
    """Those of the ``surnames`` of the article's full personal names ("Quell" of "Tobias Quell") that the model
    types a place or an organisation apart, unless the text derives a nationality from the word ("Indonesian": the
    model's "Garuda Indonesia" is no person)."""
    typed_apart = {c.text for c in candidates if c.type in ("PLACE", "ORGANIZATION")
                   or c.type == "GROUP" and not people_of_a_country(c.text) and not c.text.endswith("s")
                   or c.type == "OTHER" and c.source in ("model", "repeated")}
    # ("Orbán" a people to the model; "Democrats" a party, whatever the model made of "Virginia Democrats"; a
    # headline's "Zubimendi" a work to it, not a title in quotation marks)
    regnal = {words[0] for c in candidates if c.type == "PERSON" and len(words := c.text.split()) >= 2
              and _REGNAL.match(words[1])}  # "Constantine" of "Constantine XI Palaiologos", "Louis" of "Louis XIV"
    # "Callum" of "Callum Rennie" (an organisation to the model in '"Callum has been working so hard," said …')
    firsts = {words[0] for c in candidates if c.type == "PERSON" and not c.weak and len(words := c.text.split()) == 2
              and words[0] in given_names() and words[1][:1].isupper()} - places_with_given_names() - world_cities()
    return {w for w in surnames | regnal | firsts if w in typed_apart and not nationality_written(w, text)}


_REGNAL = re.compile(r"[IVX]{1,5}\Z")


def article_surnames(candidates: Sequence[Candidate]) -> set[str]:
    """Surnames of the full personal names of the article, unless another name begins with it ("Dell" of "Dell
    Technologies" stays the company)."""
    people: Counter[str] = Counter()
    org_firsts = set()
    for c in candidates:
        words = c.text.split()
        if len(words) < 2:
            continue
        if c.type == "PERSON" and not c.weak and all(w[:1].isupper() for w in words) and not is_title_word(words[0]):
            people[c.text] += 1
        elif c.type == "ORGANIZATION":
            org_firsts.add(words[0])
    parts = set()
    for name in people:
        family = east_asian_family_name(name)
        if family:
            parts.add(family)  # "Yoon" of "Yoon Suk Yeol"
        last = name.split()[-1]
        if last.lower() in PLACE_FIRST_WORDS or last.lower() in PLACE_LAST_WORDS:
            continue  # "Fort", "Street": a word of place names the model glued to a person's
        if len(last) >= 3 and (all(p[1:].lower() == p[1:] for p in last.split("-")) or "'" in last):
            parts.add(last)
    return parts - org_firsts


# The commonest Korean and Chinese family names, written first in the names the English-language press gives
# ("Yoon Suk Yeol", "Lee Jae-myung", "Xi Jinping"): the word that names the person alone.
_EAST_ASIAN_FAMILY_NAMES = frozenset(
    """
    Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon
    Son Bae Baek Heo Nam Noh Kwak Sung Cha Joo Woo Min Ryu Chae Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu
    Sun Zhu Hu Guo Gao Lin Luo Zheng Liang Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du
    Cheng Wei Su Lu Ding Ren Shen Yao Cui Zhong Tan Fan Jin Shi Liao Jia Xia Fu Fang Bai Zou Meng Xiong Qin Qiu Hou
    Yin Xue Yan Duan Lei Mao Hao Gu Kong Qian
    """.split()
)


def east_asian_family_name(name: str) -> str | None:
    """The family name written first of a Korean or Chinese name ("Yoon" of "Yoon Suk Yeol", "Lee" of "Lee
    Jae-myung", "Xi" of "Xi Jinping"); None for a name in the Western order ("Jack Kim", "Lee Anderson")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0] not in _EAST_ASIAN_FAMILY_NAMES:
        return None
    rest = words[1:]
    if "-" in rest[-1] and rest[-1].split("-", 1)[1][:1].islower():
        return words[0]  # "Jae-myung", "Yong-hyun": a Korean given name
    if len(rest) == 2 and all(len(w) <= 5 and w[:1].isupper() for w in rest):
        return words[0]  # "Suk Yeol", "Jong Un"
    if len(rest) == 1 and len(rest[0]) <= 8 and rest[0] not in given_names() and not rest[0].endswith(
        ("s", "son", "sen", "ton", "ley", "er", "ian")
    ):
        return words[0]  # "Jinping", "Qiang"; not "Lee Anderson", "Kim Jones", "Kim Kardashian"
    return None


def company_short_forms(candidates: Sequence[Candidate], surnames: set[str]) -> set[str]:
    """Single words typed as people that are the short form of a company the article names in full ("Nordwind"
    after "Nordwind Energy"), unless the word is a given name or a surname of the article's people."""
    shorts = {short for c in candidates if c.type == "ORGANIZATION" and (short := company_short_form(c.text))}
    firsts = given_names()
    return {c.text for c in candidates if (c.type == "PERSON" or c.type == "GROUP" and not DEMONYM.match(c.text))
            and c.text in shorts and c.text not in surnames and c.text not in firsts}


def storm_names(candidates: Sequence[Candidate]) -> set[str]:
    """The given names of the storms the article names ("Ida" of "Hurricane Ida")."""
    out = set()
    for c in candidates:
        words = c.text.split()
        if c.type == "EVENT" and len(words) >= 2 and words[0].lower() in STORM_WORDS and words[-1][:1].isupper():
            out.add(words[-1])
    return out


def short_form_after_the(candidates: Sequence[Candidate], text: str) -> set[str]:
    """One word typed as a person, written after "The" and also the last word of an organisation's name in the
    article ("The Chronicle says" after "the Daily Chronicle"): the organisation's short form."""
    endings = {c.text.split()[-1] for c in candidates if c.type == "ORGANIZATION" and " " in c.text}
    out = set()
    for c in candidates:
        if c.type == "PERSON" and c.text in endings and THE_BEFORE.search(text, max(0, c.start - 4), c.start):
            out.add(c.text)
    return out
