"""The timeline of the sample article against its expected reading, and the shape of timeline events."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from models.analysis import analyze, nlp
from models.analysis.timeline import extract_timeline
from models.analysis.types import Analysis
from models.ingest import ingest_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
GOLD = json.loads((ROOT / "tests" / "fixtures" / "abe-putin-summit-2019-01-23.gold.json").read_text(encoding="utf-8"))
PUBLISHED = date.fromisoformat(GOLD["metadata"]["published"])


@pytest.fixture(scope="module")
def sample() -> tuple[str, Analysis]:
    article = ingest_file(SAMPLE)
    return article.text, analyze(article.text, PUBLISHED, authors=article.metadata.authors)


def _nth(text: str, expression: str, n: int) -> int:
    start = -1
    for _ in range(n):
        start = text.find(expression, start + 1)
        assert start >= 0, f"{expression!r} occurs fewer than {n} times"
    return start


@pytest.mark.parametrize(
    "item", GOLD["timeline"], ids=[f"{g['expression']}#{g['occurrence']}" for g in GOLD["timeline"]]
)
def test_every_expected_date_is_found_with_its_value(sample: tuple[str, Analysis], item: dict[str, object]) -> None:
    text, result = sample
    expression = str(item["expression"])
    start = _nth(text, expression, int(str(item["occurrence"])))
    matches = [t for t in result.timexes if (t.start, t.end) == (start, start + len(expression))]
    assert matches, f"{expression!r} at {start} not tagged"
    accepted = item.get("acceptable_values") or [item["value"]]
    assert matches[0].value in accepted  # type: ignore[operator]
    assert any(e.timex == matches[0] for e in result.events), "a dated expression of the article is an event"


@pytest.mark.parametrize("expression", GOLD["not_timeline"])
def test_phrases_that_are_not_dates_are_neither_dates_nor_events(sample: tuple[str, Analysis], expression: str) -> None:
    text, result = sample
    start = text.find(expression)
    assert start >= 0
    end = start + len(expression)
    assert not [t for t in result.timexes if t.start < end and start < t.end and t.type in ("DATE", "TIME")]
    assert not [e for e in result.events if e.timex.start < end and start < e.timex.end]


def test_relative_date_is_chained_on_the_previous_date_not_the_publication_date(
    sample: tuple[str, Analysis],
) -> None:
    text, result = sample
    later = next(t for t in result.timexes if t.text == "Eight days later")
    assert later.value == "2019-01-22" != PUBLISHED.isoformat()


def test_timexes_are_sorted_and_events_follow_the_text(sample: tuple[str, Analysis]) -> None:
    _, result = sample
    starts = [t.start for t in result.timexes]
    assert starts == sorted(starts)
    event_starts = [e.timex.start for e in result.events]
    assert event_starts == sorted(event_starts)
    assert len(result.events) == len(GOLD["timeline"])


def test_events_carry_sentence_label_entities_and_interval(sample: tuple[str, Analysis]) -> None:
    text, result = sample
    for event in result.events:
        assert event.sentence_start <= event.timex.start < event.timex.end <= event.sentence_end
        sentence = text[event.sentence_start : event.sentence_end]
        assert event.label and len(event.label) <= 81
        assert event.timex.text not in event.label
        assert len(event.label) < len(sentence), "the label is a clause, not the whole sentence"
        assert event.interval_start <= event.interval_end
    rally = next(e for e in result.events if e.timex.start == _nth(text, "Jan. 20", 1))
    assert "Moscow" in rally.entities
    assert "rally" in rally.label
    assert (rally.precision, rally.interval_start, rally.interval_end) == ("day", "2019-01-20", "2019-01-20")
    summer = next(e for e in result.events if e.timex.text == "this summer")
    assert (summer.precision, summer.interval_start, summer.interval_end) == ("season", "2019-06-01", "2019-08-31")
    june = next(e for e in result.events if e.timex.start == _nth(text, "June", 1))
    assert june.precision == "month" and june.planned
    assert "Vladimir Putin" in june.entities
    past = next(e for e in result.events if e.timex.text == "2009")
    assert (past.precision, past.planned) == ("year", False)
    assert "signed" in past.label


def test_a_label_without_its_date_reads_as_a_phrase() -> None:
    """The date is taken out of an event's label; the preposition that introduced it goes with it, and an article
    before it agrees with the word that now follows."""
    cases = {
        "While the minister canceled an increase in tariffs planned for Oct. 15, he made no mention of the deal.":
            ("planned for he", "planned he"),
        "An October 11 presentation to bondholders indicated a possible reference to design.":
            ("An presentation", "A presentation"),
        "A 2018 analysis of the data found evidence of massive plumes of liquid.":
            ("A analysis", "An analysis"),
    }
    for sentence, (wrong, right) in cases.items():
        (event,) = analyze(sentence, date(2019, 11, 18)).events
        assert wrong not in event.label and right in event.label, event.label


def test_publication_line_is_a_timex_but_not_an_event() -> None:
    text = (
        "Northrop and EADS defeat Boeing for tanker contract\n"
        "March 01, 2008\n"
        "The Air Force chose the consortium on Friday. The first aircraft will fly in 2010 and every year after."
    )
    timexes, events = extract_timeline(nlp.parse(text), date(2008, 3, 1), ())
    assert [(t.text, t.value) for t in timexes][:1] == [("March 01, 2008", "2008-03-01")]
    assert [e.timex.text for e in events] == ["Friday", "2010"]
    assert [e.planned for e in events] == [False, True]
    assert any(t.type == "SET" for t in timexes), "sets are timexes, not events"


def test_durations_and_vague_references_are_timexes_but_not_events() -> None:
    text = "The strike lasted three days and is now over. Workers had recently voted on Jan. 3 to walk out."
    timexes, events = extract_timeline(nlp.parse(text), date(2019, 1, 23), ())
    kinds = {t.text: (t.type, t.value) for t in timexes}
    assert kinds["three days"] == ("DURATION", "P3D")
    assert kinds["now"] == ("DATE", "PRESENT_REF")
    assert kinds["recently"] == ("DATE", "PAST_REF")
    assert [e.timex.text for e in events] == ["Jan. 3"]


def test_unknown_publication_date_resolves_only_absolute_dates() -> None:
    text = "The results were published yesterday. The vote of March 3, 2019 came eight days later than planned."
    timexes, _ = extract_timeline(nlp.parse(text), None, ())
    values = {t.text: t.value for t in timexes}
    assert "yesterday" not in values  # needs a publication date: without a trustworthy one, no value
    assert values["March 3, 2019"] == "2019-03-03"


def test_timeline_reuses_the_parse(sample: tuple[str, Analysis], monkeypatch: pytest.MonkeyPatch) -> None:
    """The timeline reads the one parse of the text: the language model is never run again (its speed is measured by
    benchmarks/analysis_speed.py, not here)."""
    text, _ = sample
    parsed = nlp.parse(text * 10)

    def no_second_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the timeline parsed the text again")

    monkeypatch.setattr(nlp, "parse", no_second_parse)
    monkeypatch.setattr(nlp, "load", no_second_parse)
    timexes, events = extract_timeline(parsed, PUBLISHED, ())
    assert len(timexes) >= 160 and len(events) >= 160
