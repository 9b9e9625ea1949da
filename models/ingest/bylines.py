"""Bylines and datelines: the conventions newsrooms share, read the same way from text dumps and HTML."""

from __future__ import annotations

import re

# News agencies: a name after "|" or "," in a byline, or in "(AP)" after a dateline, is the publisher.
AGENCIES = {
    "reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse", "bloomberg",
    "kyodo", "kyodo news", "jiji", "jiji press", "xinhua", "dpa", "yonhap", "tass", "efe", "ansa", "pti", "upi",
    "cnn", "bbc", "nhk", "aap", "cp", "the canadian press", "ians", "anadolu", "interfax", "ria novosti",
    "pa", "pa media", "press association", "ani", "bernama", "antara", "wafa", "irna", "belga", "anp", "ntb", "stt",
    "ritzau", "ctk", "pap", "mti", "hina", "tanjug", "mena", "kuna", "wam",
}  # fmt: skip

_ROLE_WORDS = re.compile(
    r"\b(staff|writer|writers|correspondent|correspondents|reporter|reporters|editor|editors|contributor|"
    r"columnist|bureau|chief|senior|special|to the|news service|desk)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*(?:written\s+|words\s+|reported\s+)?by[\s:]+(?P<names>\S.*)$", re.IGNORECASE)
# "By" in other languages ("Por Ana Ribeiro", "Par Jean Dupont", "Von Anna Schmidt", "Oleh Siti Rahma"): a byline only
# when every word after it is a name's ("Von Miller leads Broncos to victory" is a headline)
_BYLINE_OTHER = re.compile(r"^\s*(?:por|par|von|door|oleh|av|af)[\s:]+(?P<names>\S.*)$", re.IGNORECASE)
_NAME_JOINERS = frozenset("e y et und en dan og och i and de da do dos das del van von der den bin".split())
_NAME_SPLIT = re.compile(r"(?<!\s)\s*(?:,|;|\band\b|\b(?-i:e|y|et|und|en|dan|og|och)\b|&|\|)\s*", re.IGNORECASE)
# (?<!\s): linear on long blanks
_PERSON = re.compile(r"^[\w.'’-]+(?:\s+[\w.'’-]+){0,4}$")

# "MOSCOW –", "NEW YORK (AP) —", "WASHINGTON, D.C. -", "Kyiv, Ukraine —", "TOKYO, Jan. 23 (Reuters) -"
_CONNECTIVES = {
    "however", "meanwhile", "still", "yet", "instead", "nevertheless", "moreover", "also", "but", "and", "now",
    "then", "today", "yesterday", "finally", "indeed", "separately", "elsewhere", "earlier", "later", "overall",
    "similarly", "first", "second", "third", "so", "thus", "therefore", "again", "here", "there", "in", "on", "at",
}  # fmt: skip
_WORD = r"[^\W\d_][\w.'’\-]*"
# … and a press release's: "CAMBRIDGE, Mass., Feb. 6, 2024 /PRNewswire/ --", its wire service between slashes.
_DATELINE = re.compile(
    rf"^(?P<place>{_WORD}(?: {_WORD}){{0,3}}(?:,\s*{_WORD}(?: {_WORD}){{0,2}})?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s*(?P<year>(?:19|20)\d\d))?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&'-]{0,30})\)\s*|/(?P<wire>[A-Za-z][\w .&'-]{0,30})/\s*)?"
    r"(?P<dash>[–—]|-{1,2})\s+(?=\S)"
)


def _byline_match(line: str) -> re.Match[str] | None:
    match = _BYLINE.match(line)
    if match is None and (match := _BYLINE_OTHER.match(line)) is not None:
        words = match.group("names").replace(",", " ").replace("&", " ").split()
        if not 1 < len(words) <= 8 or not all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words):
            return None
    return match


def is_byline(line: str) -> bool:
    """Whether a line has the form of a byline ("By Jane Writer"), even when no name in it can be read: short,
    names capitalised, no sentence or headline punctuation ("By the numbers: …" is a headline)."""
    match = _byline_match(line.strip())
    if match is None:
        return False
    names = match.group("names").strip()
    return len(names.split()) <= 8 and names[:1].isupper() and not re.search(r"[:?!]|\.$", names)


def parse_byline(line: str) -> tuple[list[str], str] | None:
    """``(authors, publisher)`` from a "By …" line, or None when the line is not a byline."""
    match = _byline_match(line.strip())
    if not match:
        return None
    names = match.group("names").strip().rstrip(".")
    if len(names.split()) > 16:
        return None
    authors: list[str] = []
    publisher = ""
    for part in _NAME_SPLIT.split(names):
        part = part.strip(" .")
        if not part:
            continue
        if part.lower() in AGENCIES:
            publisher = publisher or part
        elif _ROLE_WORDS.search(part) or not _PERSON.match(part):
            continue
        elif not part[0].isupper():
            continue
        else:
            authors.append(part)
    if not authors and not publisher:
        return None
    return authors, publisher


def split_names(value: str) -> list[str]:
    """Names from a free author string ("A, B and C"), without roles and agencies."""
    found = parse_byline("By " + value) if not _BYLINE.match(value) else parse_byline(value)
    return found[0] if found else []


def find_dateline(paragraph: str) -> tuple[str, str, int] | None:
    """``(place, agency, end)`` for a paragraph that opens with a dateline; ``end`` is where the prose begins."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    if not all(word[0].isupper() for word in place.replace(",", " ").split()):
        return None
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    all_caps = len(letters) >= 2 and all(c.isupper() for c in letters)
    # A mixed-case place needs a region and the unambiguous dash of a dateline ("Kyiv, Ukraine —"); without them
    # "Meanwhile Japan — which …" would read as one.
    if not all_caps and place.split(",")[0].strip().lower() in _CONNECTIVES:
        return None
    if not all_caps and ("," not in place or match.group("dash").startswith("-")):
        return None
    return place, (match.group("agency") or match.group("wire") or "").strip(), match.end()


def dateline_date(paragraph: str) -> str | None:
    """The ISO date a dateline writes in full ("CAMBRIDGE, Mass., Feb. 6, 2024 /PRNewswire/ --"), else None."""
    from models.ingest.dates import find_date

    match = _DATELINE.match(paragraph)
    if not match or not match.group("year") or find_dateline(paragraph) is None:
        return None
    found = find_date(match.group("date"))
    return found[0] if found else None
