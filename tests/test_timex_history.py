"""Dates before 1600 on the timeline: a history podcast, a textbook, a biography. A full date of any century is a
date ("May 29, 1453", "14 October 1066"); a year alone of those centuries is one after a preposition of time ("in
1452 he builds a fortress"), and stays a count where it counts ("1200 soldiers", "in 1450 cases")."""

from __future__ import annotations

from datetime import date

from models.analysis import analyze


def _values(text: str, published: date | None = None) -> dict[str, str]:
    return {t.text: t.value for t in analyze(text, published).timexes}


def test_a_full_date_of_any_century_is_that_day() -> None:
    values = _values("The walls fell on May 29, 1453. The Battle of Hastings was fought on 14 October 1066.",
                     date(2020, 1, 1))
    assert values == {"May 29, 1453": "1453-05-29", "14 October 1066": "1066-10-14"}


def test_an_old_year_after_a_preposition_of_time_is_a_year_and_a_count_stays_a_count() -> None:
    values = _values("By 1453 the Byzantine Empire is tiny. In 1452 he builds a fortress. He was born in 1533. "
                     "About 1500 people marched and 1200 soldiers were sent. In 1450 cases the test failed, from 1061 "
                     "to 1128 points.")
    assert values == {"1453": "1453", "1452": "1452", "1533": "1533"}


def test_a_history_podcast_without_a_date_gets_its_timeline() -> None:
    """The events are dated by the story's own years, with no publication date to anchor anything else."""
    events = analyze("MAYA: By 1453 the Byzantine Empire is tiny.\nDEV: In 1452 he builds a fortress on the "
                     "Bosphorus.\nMAYA: The walls fell on May 29, 1453.").events
    assert [e.timex.value for e in events] == ["1453", "1452", "1453-05-29"]


def test_hundreds_and_thousands_of_years_ago_count_every_word_of_the_number() -> None:
    values = _values("Nearly two hundred and fifty years ago a handful of farmers met here. The chapel was rebuilt "
                     "one hundred and twenty years ago, and Two thousand years ago the Romans came.", date(2020, 3, 2))
    assert values == {"Nearly two hundred and fifty years ago": "1770", "one hundred and twenty years ago": "1900",
                      "Two thousand years ago": "0020"}


def test_and_between_two_small_numbers_is_not_one_number() -> None:
    assert _values("The works took two and three years.", date(2020, 3, 2)) == {"three years": "P3Y"}
