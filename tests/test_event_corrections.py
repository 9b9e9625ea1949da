"""Confirming a date of the timeline, or taking words that are no date off it: kept per article, replayed after
every (re-)analysis, and seen the same way by the library timeline, the command line and the exports."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from models.analysis import ANALYZER_VERSION
from models.analysis.corrections import anchor_mention
from models.analysis.event_corrections import (
    CONFIRM,
    CONFIRMED_BY_YOU,
    NOT_A_DATE,
    EventRule,
    apply_event_corrections,
    payload_of,
    rule_for,
    rule_from_payload,
)
from models.analysis.types import LOW_CONFIDENCE, Analysis, TimelineEvent, Timex
from models.article import Article
from models.export import ExportOptions, render
from models.export.selection import Selection, collect
from models.store import Library
from models.store.event_corrections import EventCorrectionStore, with_event_corrections
from models.timeline_query import library_timeline
from tests.test_entity_store import BODY_A, analysis_of, article


def event_at(text: str, words: str, value: str, confidence: float, precision: str = "day") -> TimelineEvent:
    start = text.index(words)
    timex = Timex(start, start + len(words), words, "DATE", value, None, confidence, "tense of the clause")
    s0 = text.rfind("\n", 0, start) + 1
    s1 = text.find(".", start) + 1
    first = value if precision == "day" else f"{value}-01"
    last = value if precision == "day" else f"{value}-30"
    return TimelineEvent(timex, s0, s1, "Abe met Putin", ("Shinzo Abe",), precision, first, last, False)


def unsure_analysis(text: str) -> Analysis:
    """One doubtful day ("Jan. 22", faded) and one sure month ("June")."""
    doubtful = event_at(text, "Jan. 22", "2019-01-22", 0.4)
    sure = event_at(text, "June", "2019-06", 0.95, "month")
    return replace(analysis_of(text), timexes=(doubtful.timex, sure.timex), events=(doubtful, sure))


BODY = BODY_A + " Putin will visit Tokyo in June."


def add_unsure(lib: Library) -> tuple[int, Article]:
    a = article("file:///a.txt", "Summit", BODY, "2019-01-23")
    aid = lib.import_article(a).id
    lib.save_analysis(aid, unsure_analysis(a.text))
    return aid, a


def jan22(events: tuple[TimelineEvent, ...] | list[TimelineEvent]) -> TimelineEvent:
    return next(ev for ev in events if ev.timex.text == "Jan. 22")


# -- the rules alone ----------------------------------------------------------------------------------------------


def test_a_confirmed_date_is_sure_and_says_who_made_it_so() -> None:
    text = "Title\n" + BODY
    events = unsure_analysis(text).events
    assert jan22(events).timex.confidence < LOW_CONFIDENCE
    out = apply_event_corrections(events, [rule_for(CONFIRM, jan22(events), text)], text)
    assert jan22(out).timex.confidence == 1.0 and jan22(out).timex.provenance == CONFIRMED_BY_YOU
    assert out[1] == events[1]  # the other event is untouched


def test_a_confirmation_follows_its_words_when_the_text_moves_and_vouches_for_its_value_only() -> None:
    text = "Title\n" + BODY
    events = unsure_analysis(text).events
    rule = rule_for(CONFIRM, jan22(events), text)
    moved = "Title\nA new first paragraph.\n" + BODY
    out = apply_event_corrections(unsure_analysis(moved).events, [rule], moved)
    assert jan22(out).timex.provenance == CONFIRMED_BY_YOU
    reread = tuple(replace(ev, timex=replace(ev.timex, value="2020-01-22")) for ev in unsure_analysis(text).events)
    assert jan22(apply_event_corrections(reread, [rule], text)).timex.provenance != CONFIRMED_BY_YOU
    gone = text.replace("Jan. 22", "Monday")
    assert apply_event_corrections(unsure_analysis(text).events[1:], [rule], gone) == unsure_analysis(text).events[1:]


def test_not_a_date_takes_the_event_off_whatever_its_value() -> None:
    text = "Title\n" + BODY
    events = unsure_analysis(text).events
    out = apply_event_corrections(events, [rule_for(NOT_A_DATE, jan22(events), text)], text)
    assert [ev.timex.text for ev in out] == ["June"]


def test_rules_round_trip_through_their_stored_form_and_bad_ones_are_refused() -> None:
    rule = EventRule(CONFIRM, anchor_mention("a June b June", 9, 13), "2019-06")
    assert rule.expression.occurrence == 1
    assert rule_from_payload(CONFIRM, json.loads(json.dumps(payload_of(rule)))) == rule
    with pytest.raises(ValueError, match="unknown timeline correction"):
        rule_from_payload("retype", payload_of(rule))
    with pytest.raises(ValueError, match="needs the value"):
        rule_from_payload(CONFIRM, {"expression": payload_of(rule)["expression"]})
    with pytest.raises(ValueError, match="expression"):
        rule_from_payload(NOT_A_DATE, {})


# -- in the library -----------------------------------------------------------------------------------------------


def test_a_confirmation_is_stored_and_survives_reanalysis(lib: Library) -> None:
    aid, a = add_unsure(lib)
    store = EventCorrectionStore(lib)
    ev = jan22(unsure_analysis(a.text).events)
    added = store.add_rule(aid, CONFIRM, ev.timex.start, ev.timex.end, author="reader")
    assert added.id is not None and added.author == "reader" and added.rule.value == "2019-01-22"
    assert store.rules(aid) == (added,)

    lib.forget_analysis(aid)  # Re-analyse: the cache goes, a fresh analysis of the same text comes back
    lib.save_analysis(aid, unsure_analysis(a.text))
    cached = lib.load_analysis(aid, ANALYZER_VERSION)
    assert cached is not None and jan22(cached.events).timex.confidence < LOW_CONFIDENCE  # the analyser's own
    shown = with_event_corrections(lib, aid, cached)
    assert jan22(shown.events).timex.confidence == 1.0
    assert jan22(shown.events).timex.provenance == CONFIRMED_BY_YOU

    index = library_timeline(lib)  # the library timeline's rows, written with the new analysis
    [mention] = [m for g in index.groups for m in g.mentions if m.event.timex.text == "Jan. 22"]
    assert mention.event.timex.confidence == 1.0 and mention.event.timex.provenance == CONFIRMED_BY_YOU

    assert store.remove_rule(added.id) == added  # undone: the analyser's doubt is back, in the index too
    [mention] = [m for g in library_timeline(lib).groups for m in g.mentions if m.event.timex.text == "Jan. 22"]
    assert mention.event.timex.confidence < LOW_CONFIDENCE
    assert store.remove_rule(added.id) is None


def test_a_correction_needs_a_dated_event_at_its_place(lib: Library) -> None:
    aid, a = add_unsure(lib)
    store = EventCorrectionStore(lib)
    with pytest.raises(ValueError, match="no dated event"):
        store.add_rule(aid, CONFIRM, 0, 5)
    with pytest.raises(KeyError):
        store.add_rule(aid + 100, CONFIRM, 0, 5)
    ev = jan22(unsure_analysis(a.text).events)
    with pytest.raises(ValueError, match="unknown timeline correction"):
        store.add_rule(aid, "rename", ev.timex.start, ev.timex.end)
    assert store.rules(aid) == ()


def test_words_that_are_no_date_leave_the_library_timeline_and_the_exports(lib: Library) -> None:
    aid, a = add_unsure(lib)
    ev = jan22(unsure_analysis(a.text).events)
    EventCorrectionStore(lib).add_rule(aid, NOT_A_DATE, ev.timex.start, ev.timex.end)
    texts = [m.event.timex.text for g in library_timeline(lib).groups for m in g.mentions]
    assert texts == ["June"]
    dates = [line for line in brief(lib, aid).split("## Chronology")[1].splitlines() if line.startswith("- **")]
    assert len(dates) == 1 and "(June)" in dates[0]


def brief(lib: Library, aid: int, fmt: str = "markdown") -> str:
    bundle = collect(lib, Selection(article_ids=(aid,)), need_analyses=True)
    return render(fmt, bundle, ExportOptions(brief=True)).decode()


def test_a_confirmed_date_is_not_unsure_in_the_exports_and_says_who_confirmed_it(lib: Library) -> None:
    aid, a = add_unsure(lib)
    chronology = brief(lib, aid).split("## Chronology")[1]
    assert "*(unsure)*" in chronology and CONFIRMED_BY_YOU not in chronology
    ev = jan22(unsure_analysis(a.text).events)
    EventCorrectionStore(lib).add_rule(aid, CONFIRM, ev.timex.start, ev.timex.end)
    chronology = brief(lib, aid).split("## Chronology")[1]
    assert "unsure" not in chronology and f"*({CONFIRMED_BY_YOU})*" in chronology
    html = brief(lib, aid, "html").split("Chronology")[1]
    assert "(unsure)" not in html and f"({CONFIRMED_BY_YOU})" in html
    slides = json.loads(render("timelinejs", collect(lib, Selection(article_ids=(aid,)), need_analyses=True),
                               ExportOptions()).decode())["events"]
    [slide] = [s for s in slides if s["display_date"].startswith("Jan. 22")]
    assert "unsure" not in slide["display_date"] and CONFIRMED_BY_YOU in slide["text"]["text"]


def test_the_timeline_command_prints_the_confirmation(lib: Library, capsys: pytest.CaptureFixture[str]) -> None:
    from models.cli import main

    aid, a = add_unsure(lib)
    ev = jan22(unsure_analysis(a.text).events)
    EventCorrectionStore(lib).add_rule(aid, CONFIRM, ev.timex.start, ev.timex.end)
    capsys.readouterr()
    assert main(["timeline", "--library", lib.url]) == 0
    mentions = {m["text"]: m for line in capsys.readouterr().out.splitlines() for m in json.loads(line)["mentions"]}
    assert mentions["Jan. 22"]["provenance"] == CONFIRMED_BY_YOU and "low_confidence" not in mentions["Jan. 22"]
    assert mentions["June"]["confidence"] == 0.95 and mentions["June"]["provenance"] == "tense of the clause"


MEETING = "The ministers will meet at 3 p.m. to sign the accord. The Grid 2019 report was read out in March."


@pytest.mark.slow
def test_a_confirmed_date_stays_confirmed_when_the_analyser_reads_the_article_again(library_path: object) -> None:
    from models.article import Metadata, build_text
    from models.store import open_library
    from models.store.analysis_jobs import ensure_analysis

    lib = open_library(str(library_path))
    try:
        text, blocks = build_text([("title", "Ministers meet"), ("paragraph", MEETING)])
        aid = lib.import_article(Article("file:///m.txt", "text", text, blocks,
                                         Metadata(title="Ministers meet", published="2019-01-23"))).id
        first = ensure_analysis(lib, aid)
        year = next(ev for ev in first.events if ev.timex.text == "2019")
        assert year.timex.confidence < LOW_CONFIDENCE  # "2019" without "in": the analyser doubts it
        EventCorrectionStore(lib).add_rule(aid, CONFIRM, year.timex.start, year.timex.end)
        lib.forget_analysis(aid)  # Re-analyse
        again = with_event_corrections(lib, aid, ensure_analysis(lib, aid))
        year = next(ev for ev in again.events if ev.timex.text == "2019")
        assert year.timex.confidence == 1.0 and year.timex.provenance == CONFIRMED_BY_YOU
        others = [ev for ev in again.events if ev.timex.text != "2019"]
        assert others and all(ev.timex.provenance != CONFIRMED_BY_YOU for ev in others)
    finally:
        lib.close()


def test_a_confirmation_made_after_the_backup_is_brought_back_from_the_damaged_file(library_path: object) -> None:
    import sqlite3
    from pathlib import Path

    from models.store import backup, open_library, recover, restore

    path = Path(str(library_path))
    lib = open_library(str(path))
    aid, a = add_unsure(lib)
    lib.close()
    backup.make_backup(path, "manual")
    lib = open_library(str(path))
    ev = jan22(unsure_analysis(a.text).events)
    EventCorrectionStore(lib).add_rule(aid, CONFIRM, ev.timex.start, ev.timex.end)
    lib.close()
    copy = path.with_name("copy.sqlite")  # a sound copy stands for the damaged file set aside
    backup.copy_database(path, copy)
    restore.restore(path)
    lib = open_library(str(path))
    try:
        assert EventCorrectionStore(lib).rules(aid) == ()  # the backup is older than the confirmation
        assert restore.bring_back(lib, copy).corrections_added == 1
        [rule] = EventCorrectionStore(lib).rules(aid)
        assert rule.rule.value == "2019-01-22"
        [mention] = [m for g in library_timeline(lib).groups for m in g.mentions if m.event.timex.text == "Jan. 22"]
        assert mention.event.timex.provenance == CONFIRMED_BY_YOU  # the library timeline's rows follow
        assert restore.bring_back(lib, copy).anything is False
    finally:
        lib.close()
    older = path.with_name("older.sqlite")  # a library made before the table: nothing is reported lost
    backup.copy_database(copy, older)
    conn = sqlite3.connect(older)
    conn.execute("DROP TABLE event_corrections")
    conn.commit()
    conn.close()
    assert "event_corrections" not in recover.salvage(older).unreadable
