"""The timex rules run only on the lines their trigger words occur in; the candidates must be exactly those of a scan
of the whole text, whatever the text."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.analysis.timex.patterns import RULES, scan
from models.analysis.timex.prefilter import UnsafeTrigger, widen
from models.ingest import ingest_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


def _whole_text_scan(text: str) -> list[tuple[int, int, str, dict[str, str | None]]]:
    found = []
    for order, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                found.append((-(m.end() - m.start()), m.start(), order, (m.start(), m.end(), rule.name, m.groupdict())))
    found.sort(key=lambda t: t[:3])
    return [t[3] for t in found]


def _prefiltered_scan(text: str) -> list[tuple[int, int, str, dict[str, str | None]]]:
    return [(c.start, c.end, c.rule, c.match.groupdict()) for c in scan(text, other_language=True)]


TRICKY = (
    "On MONDAY, 5 MARCH 2019 at 10:30 GMT the board met.\nThe meeting ended at 3 p.m. on Tuesday.\n"
    "In the 1990s and the '80s, Q3 2019 and H1-FY2020 results came a fortnight later.\n"
    "Every other Sunday since the Nineteenth Century; two years ago; the day before yesterday.\n"
    "ſeconds later, fıve mınutes before; İstanbul on 1/2/2019, 2019-01-23T10:30 and 1/2/19.\n"
    "Right now, at the moment, for the time being, until now; once again; Christmas Eve 2018 and New Year’s Day.\n"
    "It was a decade-long fight, years-long wait; three o’clock; noon Friday; 0800 GMT; mid-2015, the late 1990s.\n"
    "Halloween, Easter Monday, Thanksgiving Day; each week, twice a year, annually; Mondays and Fridays.\n"
    "Spring 2020, this past summer, Fall of 2019, the fall of Rome; 2018–2019; fiscal 2020; FY2021.\n"
)


def test_prefiltered_scan_equals_whole_text_scan_on_the_sample_and_tricky_text() -> None:
    for text in (ingest_file(SAMPLE).text, TRICKY, TRICKY.upper(), TRICKY.lower(), TRICKY.replace("\n", " ")):
        assert _prefiltered_scan(text) == _whole_text_scan(text)


_WORDS = [
    "the", "in", "on", "at", "of", "last", "next", "this", "past", "ago", "later", "earlier", "before", "after",
    "year", "years", "month", "week", "day", "days", "decade", "century", "quarter", "half", "morning", "night",
    "May", "March", "Jan.", "Sept", "December", "Monday", "Tue.", "Thurs.", "today", "Yesterday", "now", "recently",
    "spring", "Fall", "winter", "Christmas", "Eve", "New", "Year’s", "o'clock", "p.m.", "AM", "GMT", "noon",
    "1990s", "'90s", "2019", "1999", "12", "5th", "3", "10:45", "0800", "1/2/2019", "2019-01-23", "Q2", "H1", "FY",
    "every", "each", "twice", "per", "annually", "weekly", "Mondays", "-long", "three", "a", "few", "several",
    "İ", "ı", "ſ", "$", "%", "-", "–", ",", ".", "said", "people", "Theresa", "fiscal", "mid", "early", "late",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", "", "\n", "-", ", ", "  "])),
                max_size=40))
def test_prefiltered_scan_equals_whole_text_scan_on_generated_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    assert _prefiltered_scan(text) == _whole_text_scan(text)


def _mandatory_groups(items: Any, names: dict[int, str]) -> set[str]:
    """Group names that take part in every match of a parsed pattern (``re._parser`` tree)."""
    parser = importlib.import_module("re._parser")
    out: set[str] = set()
    for op, av in items:
        if op is parser.SUBPATTERN:
            gid, _, _, sub = av
            out |= _mandatory_groups(sub, names) | ({names[gid]} if gid in names else set())
        elif op is parser.BRANCH:
            branches = [_mandatory_groups(b, names) for b in av[1]]
            out |= set.intersection(*branches)
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT) and av[0] >= 1:
            out |= _mandatory_groups(av[2], names)
    return out


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_match_of_a_rule_contains_its_trigger_groups(rule: Any) -> None:
    """What makes the prefilter exact: the groups a rule is triggered by are never optional in it."""
    parser = importlib.import_module("re._parser")
    source = rule.pattern.pattern
    required = rule.trigger_groups
    # a trigger "a|b" stands for whichever of the groups a match has: give them one name
    names = {gid: next((e for e in required if name in e.split("|")), name)
             for name, gid in rule.pattern.groupindex.items()}
    assert set(required) <= _mandatory_groups(parser.parse(source), names)


@pytest.mark.parametrize("body", [r"May(?!be)", r"(?<!the )year", r"[^a-z]+day", r"\Wnow", r"(a)\1"])
def test_a_trigger_that_widening_could_narrow_is_refused(body: str) -> None:
    with pytest.raises(UnsafeTrigger):
        widen(body)


def test_widening_lower_cases_and_drops_flags_names_and_lookarounds() -> None:
    assert widen(r"(?P<mon>(?i:Jan)|MAY)(?=\d)[AP]\.M\.") == r"(?:(?:jan)|may)[ap]\.m\."
