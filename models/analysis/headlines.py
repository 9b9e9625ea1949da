"""Headlines written in title case ("Google Bets On AI As Rivals Close In"): where the model's name spans are least
reliable, and where a capitalised function word or verb ends a name."""

from __future__ import annotations

import re
import threading
from dataclasses import replace

from models.analysis.aliases import Candidate

# Capitalised function words and verbs that end a name in a headline written in title case ("Google Bets On AI").
_TITLE_STOPS = frozenset(
    """
    is are was were be been will would can could should may might must has have had do does did says said bets
    offers offering launches launching wins beats buys sells plans faces gets makes takes set sets hits for to
    seems seem looks feels remains appears goes comes keeps gives shows
    with from into over after before about against as at by on of in and or but vs vs. than how why what when
    where who which while if not no new more most are here now just so
    """.split()
)
_HEADLINE_CHARS = 300  # a longer line is prose, never a headline (and a megabyte line is not scanned per mention)


def title_case_line(text: str, start: int) -> bool:
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
    return title_case_line(text, start)


def headline_cut(c: Candidate, text: str) -> Candidate | None:
    """A span of a title-case headline ends before its first capitalised function word or verb ("Delhi Offering
    Fresh Air" → "Delhi")."""
    words = list(re.finditer(r"\S+", c.text))
    if len(words) < 2 or not title_case_line(text, c.start):
        return c
    for i, w in enumerate(words[1:], 1):
        if w.group().lower().strip(",:;") in _TITLE_STOPS or words[i - 1].group().endswith(":"):
            end = c.start + words[i - 1].end() - words[i - 1].group().endswith(":")
            return replace(c, end=end, text=text[c.start : end])  # "Apple Arcade: So Many Ways" → "Apple Arcade"
    if _QUESTION_BEFORE.search(text, max(0, c.start - 12), c.start) and _QUESTION_END.match(text, c.end):
        end = c.start + words[-2].end()  # "What Does Stadia Offer?": the question's verb ends the headline
        return replace(c, end=end, text=text[c.start : end])
    # a name the story writes alone, run on into the headline's next capitalised words ("Chelsea Activate £71.6m
    # Release Clause" beside "Chelsea have paid"): the name the story writes, when it never writes the longer one
    if not _written_in_prose(c.text, text):
        for i in range(len(words) - 1, 0, -1):
            if _CAMEL.search(words[i].group()):
                break  # a brand's own spelling goes on the name: "Apple AirPods", "Dell eGift"
            if _written_in_prose(c.text[: words[i - 1].end()], text):
                end = c.start + words[i - 1].end()
                return replace(c, end=end, text=text[c.start : end])
    # words the story writes in lower case and capitalises only in headlines are no part of a name: before it they
    # are dropped ("Moon Europa" → "Europa"), after it they end it ("Syrian Forces Blocking …" → "Syrian")
    first = 0
    while first < len(words) - 1 and _lower_in_prose(words[first].group(), text):
        first += 1
    last = first + 1
    while last < len(words) and not _lower_in_prose(words[last].group(), text):
        last += 1
    if first == 0 and last == len(words):
        return c
    start, end = c.start + words[first].start(), c.start + words[last - 1].end()
    return replace(c, start=start, end=end, text=text[start:end])


_CAMEL = re.compile(r"[a-z][A-Z]")


_answers = threading.local()  # per thread: the text last asked about and the answers for it


def _written_in_prose(name: str, text: str) -> bool:
    """The text writes the name, whole and followed by no other capitalised word, outside title-case headlines.
    Each name is looked for once per text (a headline name is asked about again for each of its mentions)."""
    if getattr(_answers, "text", None) is not text:
        _answers.text, _answers.found = text, {}
    found: dict[str, bool] = _answers.found
    if name not in found:
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?!\s+[A-Z])")
        found[name] = any(not title_case_line(text, m.start()) for m in pattern.finditer(text))
    return found[name]


def _lower_in_prose(word: str, text: str) -> bool:
    """The text writes the word in lower case and never capitalises it outside title-case headlines."""
    word = word.strip(",:;'’\"")
    if not word.isalpha() or not word[0].isupper() or word.isupper():
        return False
    if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is None:
        return False
    return all(title_case_line(text, m.start())
               for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


# A headline question: an auxiliary before the subject, the main verb last before the question mark.
_QUESTION_BEFORE = re.compile(r"\b(?:Does|Do|Did|Will|Can|Could|Should|Would|Is|Are|Was|Were)\s+(?:the\s+)?$")
_QUESTION_END = re.compile(r"\s*\?")
