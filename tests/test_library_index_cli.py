"""``newsdesk entities``, ``newsdesk dossier`` and ``newsdesk timeline``: the library-wide features as JSON lines."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.analysis.types import LOW_CONFIDENCE
from models.cli import main
from models.cli.library_index_commands import parse_day
from models.store import open_library
from models.store.entities import EntityStore
from models.timeline_query import library_timeline_by_scan
from tests.fixtures.generated_library import generated_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.fixture
def library(library_url: str, cli_libraries_closed: None) -> str:
    lib = open_library(library_url)
    try:
        ids = generated_library(lib, 20, seed=4)
        text = lib.get_article(ids[0]).article.text
        at = text.index("met")
        lib.annotations.add(ids[0], at - 1, at + 3, note="a meeting", color="green", tags=("Summit",))
        EntityStore(lib).add_rule(None, "rename", {"entity": {"name": "Taro Kono", "type": "PERSON"},
                                                   "name": "Foreign Minister Taro Kono"})
    finally:
        lib.close()
    return library_url


def test_entities_prints_the_index_most_widespread_first(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "entities", "--library", library)
    assert (code, err) == (0, "")
    assert lines and list(lines[0]) == ["name", "type", "articles", "mentions"]
    counts = [int(x["articles"]) for x in lines]
    assert counts == sorted(counts, reverse=True)
    names = {(x["name"], x["type"]) for x in lines}
    assert ("Foreign Minister Taro Kono", "PERSON") in names and ("Taro Kono", "PERSON") not in names
    code, places, _ = run(capsys, "entities", "--library", library, "--type", "PLACE", "--limit", "2")
    assert code == 0 and len(places) == 2 and {x["type"] for x in places} == {"PLACE"}
    assert places == [x for x in lines if x["type"] == "PLACE"][:2]
    with pytest.raises(SystemExit) as refused:  # argparse: usage and a one-line reason
        main(["entities", "--library", library, "--limit", "0"])
    assert refused.value.code == 2 and "must be 1 or more" in capsys.readouterr().err


def test_dossier_prints_one_line_per_article_with_mentions_and_highlights(
    library: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run(capsys, "dossier", "--library", library, "shinzo abe")
    assert (code, err) == (0, "")
    lib = open_library(library)
    try:
        expected = EntityStore(lib).dossier("shinzo abe", "PERSON")
    finally:
        lib.close()
    assert [x["article"] for x in lines] == [a.article_id for a in expected.articles] and lines
    first = lines[0]
    assert first["entity"] == {"name": "shinzo abe", "type": "PERSON"}
    for mention in first["mentions"]:
        assert mention["text"] == "Shinzo Abe" and mention["text"] in mention["snippet"]
    with_highlight = [x for x in lines if x["highlights"]]
    for x in with_highlight:
        assert x["highlights"][0]["note"] == "a meeting"
    code, lines, err = run(capsys, "dossier", "--library", library, "Foreign Minister Taro Kono", "--type", "PERSON")
    assert code == 0 and lines
    code, lines, err = run(capsys, "dossier", "--library", library, "Nobody At All")
    assert code == 2 and lines == [] and err.startswith("newsdesk: no entity named") and "\n" == err[-1]


def test_timeline_prints_dated_groups_filtered_and_windowed(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "timeline", "--library", library)
    assert code == 0
    lib = open_library(library)
    try:
        scan = library_timeline_by_scan(lib)
        putin = library_timeline_by_scan(lib, entity="Vladimir Putin", tag="Russia")
    finally:
        lib.close()
    assert [(x["first"], x["last"]) for x in lines] == [(g.first_day.isoformat(), g.last_day.isoformat())
                                                        for g in scan.groups]
    assert [x["events"] for x in lines] == [len(g.mentions) for g in scan.groups]
    assert [x["planned"] for x in lines] == [g.planned for g in scan.groups]
    for x, g in zip(lines, scan.groups, strict=True):  # the newest articles' mentions, the rest counted
        newest = sorted({m.article_id for m in g.mentions}, reverse=True)
        assert len(x["mentions"]) == min(5, len(g.mentions)) and x["more"] == len(g.mentions) - len(x["mentions"])
        assert {m["article"] for m in x["mentions"]} <= set(newest[: len(x["mentions"])])
    code, every, _ = run(capsys, "timeline", "--library", library, "--all")
    assert code == 0 and [len(x["mentions"]) for x in every] == [len(g.mentions) for g in scan.groups]
    assert {x["more"] for x in every} == {0}
    if scan.unanalysed:
        assert "not analysed yet" in err
    code, lines, _ = run(capsys, "timeline", "--library", library, "--entity", "Vladimir Putin", "--tag", "russia")
    assert code == 0 and len(lines) == len(putin.groups)
    for x in lines:
        for m in x["mentions"]:
            assert "Vladimir Putin" in m["entities"] and m["value"] in m["sentence"]
    code, lines, _ = run(capsys, "timeline", "--library", library, "--since", "2018", "--until", "2019-06")
    assert code == 0
    for x in lines:
        assert str(x["last"]) >= "2018-01-01" and str(x["first"]) <= "2019-06-30"
    expected = [g for g in scan.groups if g.last_day >= date(2018, 1, 1) and g.first_day <= date(2019, 6, 30)]
    assert len(lines) == len(expected)


def test_timeline_prints_a_few_mentions_of_a_date_many_articles_report(
    library_url: str, cli_libraries_closed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A date twelve articles report is one line with the mentions of the newest five (or N), and says how many
    it has in all; --all prints every one, in the same order as the scan."""
    from tests.test_timeline_query import _add

    lib = open_library(library_url)
    try:
        ids = [_add(lib, f"oslo{i}.txt", f"Oslo {i}", "Leaders met on March 3, 2018 in Oslo.", "2018-03-04", (),
                    [("March 3, 2018", "2018-03-03", "2018-03-03", "2018-03-03", "day", f"Oslo meeting {i}", ())])
               for i in range(12)]
        scan = library_timeline_by_scan(lib)
    finally:
        lib.close()
    code, lines, err = run(capsys, "timeline", "--library", library_url)
    assert (code, err) == (0, "")
    (line,) = [x for x in lines if x["first"] == "2018-03-03"]
    assert (line["events"], line["more"], len(line["mentions"])) == (12, 7, 5)
    assert sorted(m["article"] for m in line["mentions"]) == sorted(ids)[7:]  # the newest five
    assert [m["article"] for m in line["mentions"]] == sorted(m["article"] for m in line["mentions"])
    assert {m["sentence"] for m in line["mentions"]} == {"Leaders met on March 3, 2018 in Oslo."}
    code, lines, _ = run(capsys, "timeline", "--library", library_url, "--per-date", "3")
    (line,) = [x for x in lines if x["first"] == "2018-03-03"]
    assert (line["events"], line["more"], len(line["mentions"])) == (12, 9, 3)
    code, lines, _ = run(capsys, "timeline", "--library", library_url, "--all")
    (line,) = [x for x in lines if x["first"] == "2018-03-03"]
    (group,) = [g for g in scan.groups if g.first_day == date(2018, 3, 3)]
    assert [m["article"] for m in line["mentions"]] == [m.article_id for m in group.mentions]
    assert (line["events"], line["more"]) == (12, 0)
    with pytest.raises(SystemExit) as refused:
        main(["timeline", "--library", library_url, "--all", "--per-date", "3"])
    assert refused.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_timeline_counts_print_one_line_per_date_adding_up_to_the_events(
    library: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = open_library(library)
    try:
        scan = library_timeline_by_scan(lib)
        putin = library_timeline_by_scan(lib, entity="Vladimir Putin")
    finally:
        lib.close()
    code, lines, _ = run(capsys, "timeline", "--library", library, "--counts")
    assert code == 0
    assert [(x["first"], x["last"], x["events"]) for x in lines] == [
        (g.first_day.isoformat(), g.last_day.isoformat(), len(g.mentions)) for g in scan.groups]
    code, lines, _ = run(capsys, "timeline", "--library", library, "--counts", "--entity", "Vladimir Putin")
    assert code == 0 and sum(int(x["events"]) for x in lines) == sum(len(g.mentions) for g in putin.groups) > 0
    labels = {(g.first_day.isoformat(), g.last_day.isoformat()): {m.event.label for m in g.mentions}
              for g in putin.groups}
    assert all(x["label"] in labels[(x["first"], x["last"])] for x in lines if "label" in x)


def test_timeline_refuses_a_bad_date_in_one_line(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "timeline", "--library", library, "--since", "last spring")
    assert (code, lines) == (2, [])
    assert err == "newsdesk: not a date: 'last spring' (use YYYY, YYYY-MM or YYYY-MM-DD)\n"
    code, _, err = run(capsys, "timeline", "--library", library, "--since", "2020", "--until", "2019")
    assert code == 2 and "after" in err


def _object_line(g: Any, events: int, planned: bool) -> dict[str, Any]:
    """A dated group as the command printed it when it was made of the reader's objects (the reference the rows
    printed now are compared with)."""
    def sureness(timex: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if timex.confidence < 1.0:
            out["confidence"] = round(timex.confidence, 2)
            out["low_confidence"] = timex.confidence < LOW_CONFIDENCE
        if timex.provenance:
            out["provenance"] = timex.provenance
        return out

    return {
        "first": g.first_day.isoformat(), "last": g.last_day.isoformat(), "precision": g.precision,
        "planned": planned, "events": events, "more": events - len(g.mentions), "articles": list(g.article_ids),
        "mentions": [
            {"article": m.article_id, "title": m.article_title,
             "published": m.published.isoformat() if m.published else None,
             "start": m.event.timex.start, "end": m.event.timex.end, "text": m.event.timex.text,
             "value": m.event.timex.value, "label": m.event.label, "sentence": m.sentence,
             "sentence_start": m.event.sentence_start, "sentence_end": m.event.sentence_end,
             "entities": list(m.event.entities), **sureness(m.event.timex)}
            for m in g.mentions
        ],
    }


def test_timeline_lines_are_those_of_the_timeline_objects(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The command prints its groups from rows, not from the reader's objects: byte for byte what the objects of
    ``timeline_digest`` (and ``library_timeline`` for --all) print, whatever the filters; with a date reported at
    two precisions, an unsure value, no publication date and words beyond ASCII."""
    from dataclasses import replace

    from models.analysis import ANALYZER_VERSION
    from models.analysis.types import Analysis
    from models.timeline_query import library_timeline, timeline_digest
    from tests.test_timeline_query import _add, _event

    lib = open_library(library)
    try:
        for i, precision in enumerate(("month", "month", "quarter")):
            _add(lib, f"budget{i}.txt", f"Débat budgétaire {i}", "Talks are due in June 2019 in Zürich.",
                 "2019-01-02" if i else "", ("Russia",),
                 [("June 2019", "2019-06", "2019-06-01", "2019-06-30", precision, "Talks in Zürich",
                   ("Zürich", "Vladimir Putin"))])
        text = "Lavrov said the visit would come next spring, perhaps."
        article_id = _add(lib, "unsure.txt", "Lavrov on a visit", text, "2019-02-01", (), [])
        event = _event(lib.get_article(article_id).article.text, "next spring", "2019-SP", "2019-03-01",
                       "2019-05-31", "season", "A visit", ("Sergey Lavrov",))
        event = replace(event, timex=replace(event.timex, confidence=0.4567, provenance="tense of the clause"))
        lib.save_analysis(article_id, Analysis(ANALYZER_VERSION, lib.get_article(article_id).article.text_hash,
                                               (), (event.timex,), (event,)))
        cases = [[], ["--per-date", "1"], ["--entity", "Vladimir Putin"], ["--tag", "russia"], ["--search", "Lavrov"],
                 ["--since", "2018", "--until", "2019-06"], ["--entity", "zürich", "--search", "talks"]]
        expected: list[list[dict[str, Any]]] = []
        for args in cases:
            per_date = int(args[args.index("--per-date") + 1]) if "--per-date" in args else 5
            kwargs = _filters(args)
            expected.append([_object_line(d.group, d.events, d.planned)
                             for d in timeline_digest(lib, per_date, **kwargs) or ()])
            expected.append([_object_line(g, len(g.mentions), g.planned)
                             for g in library_timeline(lib, **kwargs).groups])
    finally:
        lib.close()
    for k, args in enumerate(cases):
        for printed, every in ((expected[2 * k], []), (expected[2 * k + 1], ["--all"])):
            if every and "--per-date" in args:
                continue
            main(["timeline", "--library", library, *args, *every])
            out = capsys.readouterr().out
            assert out == "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in printed), (args, every)
    assert any("low_confidence" in m and "provenance" in m for x in expected[8] for m in x["mentions"])
    assert any(m["published"] is None for x in expected[0] for m in x["mentions"])
    assert any(x["precision"] == "quarter" for x in expected[0])  # the newest imported article's precision


def _filters(args: list[str]) -> dict[str, Any]:
    names = {"--entity": "entity", "--tag": "tag", "--search": "search"}
    out: dict[str, Any] = {names[a]: args[i + 1] for i, a in enumerate(args) if a in names}
    if "--since" in args:
        out["since"] = parse_day(args[args.index("--since") + 1], last=False)
    if "--until" in args:
        out["until"] = parse_day(args[args.index("--until") + 1], last=True)
    return out


_words = st.text(max_size=10)  # quotes, backslashes, control characters, words beyond ASCII
_number = st.integers(min_value=-(2**40), max_value=2**40)
_row = st.tuples(
    _number, st.none() | _words, st.none() | st.sampled_from(["", "2019-01-23", "2020-02-29"]), _number, _number,
    _words, _words, _words, _number, _number, st.lists(_words, max_size=3),
    st.floats(min_value=0.0, max_value=1.0), st.none() | _words,
)


@settings(max_examples=200, deadline=None)
@given(groups=st.lists(st.tuples(_words, _words, _words, st.booleans(), st.integers(0, 50),
                                 st.lists(_row, max_size=4)), max_size=3))
def test_a_timeline_line_is_what_json_makes_of_the_group(groups: list[Any]) -> None:
    """``timeline`` writes its lines piece by piece: character for character what ``json`` makes of the group."""
    from models.cli.library_index_commands import timeline_lines
    from models.timeline_query import (
        COL_ARTICLE,
        COL_CONFIDENCE,
        COL_ENTITIES,
        COL_LABEL,
        COL_PROVENANCE,
        COL_PUBLISHED,
        COL_SENTENCE,
        COL_SENTENCE_END,
        COL_SENTENCE_START,
        COL_TIMEX_END,
        COL_TIMEX_START,
        COL_TIMEX_TEXT,
        COL_TITLE,
        COL_VALUE,
        RowGroup,
    )

    places = (COL_ARTICLE, COL_TITLE, COL_PUBLISHED, COL_TIMEX_START, COL_TIMEX_END, COL_TIMEX_TEXT, COL_VALUE,
              COL_LABEL, COL_SENTENCE_START, COL_SENTENCE_END, COL_ENTITIES, COL_CONFIDENCE, COL_PROVENANCE)
    made = []
    for first, last, precision, planned, more, rows in groups:
        full = []
        for values in rows:
            row: list[Any] = [None] * 24
            for place, value in zip(places, values, strict=True):
                row[place] = value
            row[COL_SENTENCE] = f"The sentence of {values[5]}"
            full.append(row)
        made.append(RowGroup(first, last, precision, len(full) + more, planned, full))
    expected = []
    for g in made:
        mentions = []
        for r in g.rows:
            m: dict[str, Any] = {
                "article": r[COL_ARTICLE], "title": r[COL_TITLE], "published": r[COL_PUBLISHED] or None,
                "start": r[COL_TIMEX_START], "end": r[COL_TIMEX_END], "text": r[COL_TIMEX_TEXT],
                "value": r[COL_VALUE], "label": r[COL_LABEL], "sentence": r[COL_SENTENCE],
                "sentence_start": r[COL_SENTENCE_START], "sentence_end": r[COL_SENTENCE_END],
                "entities": r[COL_ENTITIES]}
            if r[COL_CONFIDENCE] < 1.0:
                m["confidence"] = round(r[COL_CONFIDENCE], 2)
                m["low_confidence"] = r[COL_CONFIDENCE] < LOW_CONFIDENCE
            if r[COL_PROVENANCE]:
                m["provenance"] = r[COL_PROVENANCE]
            mentions.append(m)
        expected.append(json.dumps({
            "first": g.first_day, "last": g.last_day, "precision": g.precision, "planned": g.planned,
            "events": g.events, "more": g.events - len(mentions),
            "articles": list(dict.fromkeys(m["article"] for m in mentions)), "mentions": mentions,
        }, ensure_ascii=False))
    assert list(timeline_lines(made)) == expected
