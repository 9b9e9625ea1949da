"""Long inputs are analysed in bounded pieces and bounded time: no single pipeline call sees a megabyte, no sentence
the parser sees is longer than the cap, and a stage past its time budget keeps what it found, marked partial."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest

from models.analysis import Budget, analyze, nlp
from models.analysis.nlp import _BATCH_CHARS, _MAX_CHUNK, _MAX_SENTENCE, _chunks


class RecordingPipeline:
    """Stands in for spaCy: records the texts of every ``pipe`` call and gives empty docs back."""

    max_length = 1_000_000
    pipe_names: list[str] = []

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def pipe(self, texts: list[str], batch_size: int, disable: list[str]) -> Any:
        self.calls.append(list(texts))
        return [FakeDoc(t) for t in texts]


class FakeDoc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.sents: list[Any] = []
        self.ents: list[Any] = []


def test_a_19_megabyte_line_is_cut_into_bounded_pieces() -> None:
    line = "word " * 4_000_000  # 20 MB, one line, no sentence end
    pieces = list(_chunks(line))
    assert max(len(p) for _, p in pieces) <= _MAX_SENTENCE
    assert "".join(p for _, p in pieces) == line.rstrip(" ") or "".join(p for _, p in pieces) == line
    for offset, piece in pieces[:50]:
        assert line[offset : offset + len(piece)] == piece


def test_paragraphs_are_cut_only_at_sentence_ends_when_they_have_them() -> None:
    paragraph = "The ministers met in Geneva on Monday, officials said. " * 1000  # 55 KB, one block
    pieces = list(_chunks(paragraph))
    assert all(len(p) <= _MAX_CHUNK for _, p in pieces)
    assert all(p.endswith(". ") or offset + len(p) == len(paragraph) for offset, p in pieces)


def test_no_pipeline_call_sees_more_than_the_batch_limit() -> None:
    fake = RecordingPipeline()
    text = "\n".join(["A paragraph of the article, with words. " * 50] * 400 + ["x" * 2_000_000])
    parsed = nlp.parse(text, fake)
    assert parsed.complete
    assert max(sum(len(t) for t in call) for call in fake.calls) <= _BATCH_CHARS
    covered = sum(len(p.doc.text) for p in parsed.pieces)
    assert covered == len(text.replace("\n", ""))


def test_the_parse_stops_at_its_deadline_and_says_how_far_it_got() -> None:
    fake = RecordingPipeline()
    text = "\n".join(["A paragraph of the article, with words. " * 50] * 400)
    parsed = nlp.parse(text, fake, deadline=time.monotonic() - 1)
    assert not parsed.complete and parsed.covered == 0 and parsed.pieces == ()


def test_an_analysis_past_its_budget_is_kept_and_marked_partial() -> None:
    line = "Vladimir Putin met Shinzo Abe in Moscow on Jan. 14, 2019. Eight days later they met again."
    text = "\n".join([line] * 200)
    result = analyze(text, date(2019, 1, 23), budget=Budget(parse=0.0, timeline=60))
    assert result.status == "partial" and "characters were analysed" in result.reason
    assert result.entities == ()  # nothing was parsed within a zero budget
    result = analyze(text, date(2019, 1, 23), budget=Budget(parse=60, timeline=0.0))
    assert result.status == "partial" and "timeline stopped" in result.reason
    assert result.entities  # the parse finished: its entities are kept
    for t in result.timexes:
        assert text[t.start : t.end] == t.text
    # the whole analysis has its own bound, whatever each stage may take
    result = analyze(text, date(2019, 1, 23), budget=Budget(parse=60, timeline=60, total=0.0))
    assert result.status == "partial" and "timeline stopped" in result.reason and result.entities


@pytest.mark.slow
def test_tens_of_thousands_of_dates_finish_in_bounded_time() -> None:
    parts = (
        "On January 5, 2019 they met.", "Two days later, on Tuesday, it rained.", "In 1999, last week, next month."
    )
    text = "\n".join(parts[i % 3] for i in range(3000))
    from models.analysis.timeline import timeline_within

    parsed = nlp.parse(text)
    started = time.monotonic()
    timexes, events, whole = timeline_within(parsed, date(2019, 1, 23), (), deadline=time.monotonic() + 120)
    elapsed = time.monotonic() - started
    assert whole and len(timexes) >= 6000 and len(events) >= 5000
    assert elapsed < 120


def test_a_partial_analysis_finds_names_and_dates_only_in_the_part_it_read(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "Vladimir Putin met Shinzo Abe in Moscow on Jan. 14, 2019. Eight days later they met again."
    text = "\n".join([line] * 40)
    half = text.index("\n", len(text) // 2) + 1
    real_parse = nlp.parse

    def parse_half(whole: str, *args: object, **kwargs: object) -> nlp.Parsed:  # the budget ran out half-way
        return nlp.Parsed(whole, real_parse(whole[:half]).pieces, half)

    monkeypatch.setattr(nlp, "parse", parse_half)
    result = analyze(text, date(2019, 1, 23))
    assert result.status == "partial" and f"the first {half:,} of {len(text):,}" in result.reason
    assert result.entities and result.timexes
    assert all(m.end <= half for e in result.entities for m in e.mentions)
    assert all(t.end <= half for t in result.timexes)
