"""Is a text English? The analysis runs an English model, which on other languages types whole sentences PERSON.

A page usually declares its language (``<html lang>``, ``og:locale``); a text file does not, and declarations are
often wrong (templates say ``en`` for every edition). The words decide: English prose is a third function words
("the", "of", "and", …), other languages written in the Latin alphabet a few per cent, other scripts none.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    "the of and to a in is was that for it on with as by he be at from his an are were this have has had not but "
    "which they been or their its who will would said also after more one there than all about can when into "
    "up out her she we i you our them been what so if no some could other new over only do did years him".split()
)
# The commonest words of French, Spanish, Portuguese, Italian, German, Dutch and Indonesian that English does not
# write (not "a", "in", "do", "no", "die", "et" of "et al.", "van", "al", "per", "er"): a short text in one of them
# has a few English function words by chance ("a", "in"), and many more of these. Not the words English writes too
# ("met", "par", "non-", "um", "den", "mit") nor names' ("von der", "Dan", "Yang").
_WORDS_OF = {
    "fr": frozenset("le la les du est une dans pour que qui sur avec elle sont ont été aux cette".split()),
    "es": frozenset("el los las del es en por para su como más pero fue sus entre".split()),
    "pt": frozenset("os dos das é uma não ao pelo pela foi são também".split()),
    "it": frozenset("il gli della di che è sono nel alla delle anche dei".split()),
    "de": frozenset("das und ist nicht ein eine dem zu auf für sich auch wird sind bei".split()),
    "nl": frozenset("de het een dat te zijn niet voor ook aan wordt".split()),
    "id": frozenset("ini itu dengan untuk tidak dari dalam akan pada juga ke".split()),
}
_OTHER_FUNCTION_WORDS = frozenset().union(*_WORDS_OF.values())
# More of their common words, which tell them from each other once a text is known not to be English (some are
# English words too: "do", "no", "on", "die", "met").
_MORE_WORDS_OF = {
    "fr": frozenset("des en au et il ne pas se ce son sa ses mais ou leur nous vous".split()),
    "es": frozenset("y con una lo al se le está este esta ese muy también sin sobre".split()),
    "pt": frozenset("o em do da no na com se às num numa isso este esta ele ela mas seu sua".split()),
    "it": frozenset("la le un una per con non si lo questo questa ha del ma più tra".split()),
    "de": frozenset("der die den des im mit von sie er es nach wie aber oder über".split()),
    "nl": frozenset("van en op met om bij werd hij zij ze naar maar door".split()),
    "id": frozenset("yang dan di oleh adalah bahwa sebagai para telah karena tentang lagi sudah atau saat "
                    "kata".split()),
}
# English function words that other languages of the Latin alphabet write too ("a" and "no" of Portuguese, "in" of
# German and Italian, "was", "will", "also" and "so" of German, "i" of Italian, "on" of French): no evidence either
# way.
_SHARED_WORDS = frozenset("a in no an do die was will also so is i on".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE = 40_000  # characters read: enough words to decide, bounded on a long text
# English news prose: 0.30–0.45 (a recipe page of ingredient lists: 0.08); French, German, Portuguese, Indonesian:
# 0.00–0.05 (mostly "a", "in"); Italian 0.10. A page that declares English needs less evidence than one that does not.
_ENGLISH_SHARE = 0.15
_ENGLISH_SHARE_DECLARED = 0.06
_MIN_WORDS = 12  # fewer words than this: too little to tell, the declaration (or English) stands


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE:
        return text
    third = _SAMPLE // 3
    middle = len(text) // 2
    return " ".join((text[:third], text[middle - third // 2 : middle + third // 2], text[-third:]))


def english_share(text: str) -> tuple[float, int]:
    """Share of English function words among the words of ``text`` (sampled), and how many words were read; 0 when
    the function words of the other languages of the Latin alphabet are more."""
    sample = _sample(text)
    words = _WORD.findall(sample.lower())
    letters = sum(len(w) for w in words)
    latin = sum(1 for w in words if w.isascii())
    if not words:
        return 0.0, 0
    if letters and latin / len(words) < 0.5:  # mostly another script (Cyrillic, CJK, Arabic, …)
        return 0.0, len(words)
    english = [w for w in (w.replace("’", "'") for w in words) if w in _FUNCTION_WORDS]
    other = sum(1 for w in _WORD.findall(sample) if w in _OTHER_FUNCTION_WORDS)  # in lower case: no name's word
    if other > sum(1 for w in english if w not in _SHARED_WORDS):
        return 0.0, len(words)
    return len(english) / len(words), len(words)


def latin_language(text: str) -> str:
    """The language of the Latin alphabet ``text`` is most likely in, by its commonest words ("pt", "fr", …; see
    ``_WORDS_OF``), or "" when none of them leads clearly: at least five of its words, and twice the next one's."""
    counts = dict.fromkeys(_WORDS_OF, 0)
    for w in _WORD.findall(_sample(text).lower()):
        for code, words in _WORDS_OF.items():
            if w in words or w in _MORE_WORDS_OF[code]:
                counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, n), (_, second) = ranked[0], ranked[1]
    return best if n >= 5 and n >= 2 * second else ""


def is_english(text: str, declared: str = "") -> bool:
    """Whether the English pipeline may read ``text``; ``declared`` is the language the source states, if any."""
    share, n = english_share(text)
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    if n < _MIN_WORDS:
        return code in ("", "en") and (n == 0 or share > 0 or _mostly_ascii(text))
    return share >= (_ENGLISH_SHARE_DECLARED if code in ("", "en") else _ENGLISH_SHARE)


def language_of(text: str, declared: str = "") -> str:
    """"en" when the English pipeline applies, else the declared language's code, else "und" (undetermined)."""
    if is_english(text, declared):
        return "en"
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    return code if code and code != "en" else latin_language(text) or "und"


def _mostly_ascii(text: str) -> bool:
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    return not letters or sum(ch.isascii() for ch in letters) / len(letters) >= 0.8
