"""Which way a clause looks in time, read from the dependency parse that the whole analysis shares.

A month, weekday or season without a year is resolved by the clause that governs it: "signed in December" looks
back, "will visit in June" and "is scheduled to visit ... in June" look ahead. Infinitives under verbs and nouns of
intention ("plans to", "instructions to hold") look ahead too.
"""

from __future__ import annotations

from typing import Any, Literal

Direction = Literal["past", "present", "future"] | None

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
_MODALS = {"may", "might", "could", "should", "must", "can", "would", "ought", "need"}
_PROSPECTIVE = {
    "plan", "expect", "schedule", "aim", "hope", "intend", "want", "seek", "agree", "promise", "set", "prepare",
    "pledge", "vow", "decide", "arrange", "propose", "threaten", "wish", "slate", "due", "poise", "likely",
    "ready", "instruct", "order", "urge", "ask", "invite", "call", "request", "tell", "announce", "program",
    "programme", "scheduled", "expected", "planned", "going", "about", "bound", "eager", "determine",
    "instruction", "decision", "proposal", "invitation", "intention", "bid", "effort", "agreement", "deal",
    "commitment", "target", "goal", "deadline", "need", "scheme",
}
_PROSPECTIVE_OBJECTS = {"instruction", "order", "plan", "promise", "pledge", "permission", "approval", "go-ahead",
                        "mandate", "deadline", "target", "commitment"}
_VERB_POS = {"VERB", "AUX"}
_SCHEDULED = {"schedule", "slate", "plan", "set", "expect", "due"}
# Past forms that are not the base plus -ed; a form whose base is not one of the words above is left out.
_IRREGULAR = {"set": "set", "sets": "set", "setting": "set", "told": "tell", "bid": "bid", "bidding": "bid",
              "sought": "seek", "went": "go", "gone": "go", "goes": "go", "going": "go", "bound": "bind",
              "needs": "need", "deals": "deal", "dealt": "deal", "dealing": "deal"}


def _inflections(base: str) -> set[str]:
    """Regular English inflections of a verb or noun: plans, planned, planning, schedules, scheduling, tries."""
    forms = {base + "s", base + "ed", base + "ing"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # planned, slotted
    return forms


def _base_forms(words: set[str]) -> dict[str, str]:
    table = {form: base for base in sorted(words) for form in _inflections(base)}
    table.update(_IRREGULAR)
    return table


_BASE = _base_forms(_PROSPECTIVE | _PROSPECTIVE_OBJECTS | _SCHEDULED)


def base_form(token: Any) -> str:
    """The dictionary form of the few verbs and nouns that tell a clause looks ahead ("planned" → "plan"): a table
    lookup where a full lemmatizer would cost as much as the parse."""
    word: str = token.lower_
    return _BASE.get(word, word)


def governing_verb(token: Any) -> Any | None:
    """The nearest verb above ``token`` (itself included)."""
    t = token
    for _ in range(30):
        if t.pos_ in _VERB_POS and t.dep_ not in ("amod", "compound"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _aux_words(verb: Any) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _is_infinitive(verb: Any) -> bool:
    if "to" in _aux_words(verb) and verb.tag_ == "VB":
        return True
    # "to identify issues ... and arrange a visit": a conjoined bare verb shares the head's "to"
    return verb.dep_ == "conj" and verb.tag_ == "VB" and "to" in _aux_words(verb.head)


# Nouns of an attempt, made when the clause that tells of it says ("his attempt to impose martial law", "a failed bid
# to win"); "bid", "effort" and "push" only when the attempt failed or ended, as they also name plans ("a bid to host
# the 2036 Games").
_ATTEMPT_NOUNS = frozenset({"attempt", "attempts", "try", "failure", "refusal"})
_PLAN_OR_ATTEMPT_NOUNS = frozenset({"bid", "bids", "effort", "efforts", "push"})
_FAILED = frozenset({"failed", "unsuccessful", "abortive", "aborted", "botched", "brief", "short-lived", "last-ditch",
                     "doomed", "futile", "vain"})


def _attempt(noun: Any) -> bool:
    word = noun.lower_
    return noun.pos_ == "NOUN" and (word in _ATTEMPT_NOUNS or word in _PLAN_OR_ATTEMPT_NOUNS and any(
        c.dep_ == "amod" and c.lower_ in _FAILED for c in noun.children))


def verb_direction(verb: Any, depth: int = 0) -> tuple[Direction, bool]:
    """Direction of the clause of ``verb`` and whether it is modal or intended (planned rather than reported)."""
    aux = _aux_words(verb)
    if any(a in _FUTURE_AUX for a in aux):
        return "future", True
    going_to = verb.lower_ == "going" and verb.tag_ == "VBG" and any(c.lower_ == "to" for c in verb.children)
    if "going" in aux or going_to:
        return "future", True
    perfect = any(a in ("have", "has", "had", "'ve", "'d") for a in aux) or verb.tag_ == "VBN" and any(
        a in ("have", "has", "had") for a in aux
    )
    modal = [a for a in aux if a in _MODALS]
    if modal:
        if perfect:
            return "past", False
        return ("past" if "would" in modal and verb.tag_ == "VBN" else "future"), True
    if _is_infinitive(verb):
        if perfect:
            return "past", False
        head = verb.head if verb.dep_ != "conj" else verb.head.head
        if head.i == verb.i or depth > 4:
            return "future", True
        if head.tag_ == "VBG" and head.dep_ in ("pcomp", "pobj") and depth < 4:
            # "pleaded guilty to threatening to kill her in March": the intention is an act the clause reports,
            # so the date goes with the clause that reports it
            gv = governing_verb(head.head)
            if gv is not None and gv.i != head.i:
                return verb_direction(gv, depth + 1)
        if _attempt(head) and depth < 4:
            # "apologised for his attempt to impose martial law on Tuesday night": an attempt told in the past was
            # made in the past; "will make an attempt to …" is ahead
            gv = governing_verb(head)
            if gv is not None and gv.i != head.i:
                direction, planned = verb_direction(gv, depth + 1)
                if direction == "past":
                    return direction, planned
        if base_form(head) in _PROSPECTIVE or head.pos_ in ("NOUN", "ADJ", "PROPN"):
            return "future", True
        if any(c.dep_ == "dobj" and base_form(c) in _PROSPECTIVE_OBJECTS for c in head.children):
            return "future", True
        direction, planned = verb_direction(governing_verb(head) or head, depth + 1)
        return direction, planned
    if base_form(verb) in _SCHEDULED and verb.tag_ == "VBN":
        if verb.dep_ == "acl" and depth < 4:
            # "canceled the tariffs planned for Oct. 15": a plan the past clause reports may be behind the
            # article as well as ahead of it, so the nearest such date
            gv = governing_verb(verb.head)
            if gv is not None and gv.i != verb.i and gv.tag_ == "VBD":
                return None, False
        return "future", True
    tag = verb.tag_
    if tag == "VBD" or perfect:
        return "past", False
    if tag == "VBN":
        # passive participle: the tense sits on the auxiliary ("was signed", "is held")
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.dep_ == "auxpass" for c in auxiliaries):  # "were being taken": the past is on either auxiliary
            return ("past" if any(c.tag_ == "VBD" for c in auxiliaries) else "present"), False
        if verb.dep_ in ("acl", "amod") or any(c.dep_ == "nsubj" for c in verb.children):
            return "past", False  # a reduced relative, or a past tense the tagger read as a participle
        return None, False
    if tag in ("VBZ", "VBP"):
        return "present", False
    if tag == "VBG":
        for c in verb.children:
            if c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP"):
                return "future", False  # "is visiting in June": a progressive with a date is an arrangement
            if c.dep_ == "aux" and c.tag_ == "VBD":
                return "past", False
        head = verb.head
        if head.i != verb.i and depth < 4:
            gv = governing_verb(head)
            if gv is not None and gv.i != verb.i:
                return verb_direction(gv, depth + 1)
        return None, False
    if tag == "VB" and verb.head.i != verb.i and depth < 4:
        gv = governing_verb(verb.head)
        if gv is not None and gv.i != verb.i:
            return verb_direction(gv, depth + 1)
    return None, False


def direction_at(token: Any | None) -> tuple[Direction, bool]:
    if token is None:
        return None, False
    verb = governing_verb(token)
    if verb is None:
        return None, False
    return verb_direction(verb)
