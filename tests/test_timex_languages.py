"""Dates of pages that are not in English: only what the rules can read without the language's grammar (dates
written in full, numeric dates, years), and nothing else on the timeline."""

from __future__ import annotations

from datetime import date

import pytest

from models.analysis import analyze, nlp
from models.analysis.timex import tag

DCT = date(2019, 11, 19)


def _values(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(nlp.parse(text), DCT)}


@pytest.mark.parametrize(
    ("written", "value"),
    [("sábado, 3 de agosto de 2013", "2013-08-03"), ("am 1. März 2019", "2019-03-01"),
     ("le 14 juillet 2017", "2017-07-14"), ("il 2 giugno 2016", "2016-06-02"), ("pada 17 Agustus 2015", "2015-08-17"),
     ("5 апреля 2012 года", "2012-04-05")],
)
def test_a_date_written_in_full_in_another_language(written: str, value: str) -> None:
    assert value in _values(f"Note: {written}.").values()


def test_a_dotted_date_is_day_first() -> None:
    assert _values("Die Frist endet am 03.04.2020 um Mitternacht.")["03.04.2020"] == "2020-04-03"


def test_a_release_number_is_not_a_dotted_date() -> None:
    assert _values("The firmware version 1.2.2019 fixes the bug.") == {}


def test_a_slashed_date_with_a_day_above_twelve_is_day_first() -> None:
    assert _values("The form is due 22/10/2019, the office says.")["22/10/2019"] == "2019-10-22"


def test_a_foreign_month_alone_is_not_read() -> None:
    assert _values("Wir sehen uns im März wieder, sagte er.") == {}


GERMAN = (
    "Die Bundesregierung hat am 12. März 2019 beschlossen, dass alle Praxen bis zum 01.01.2021 an das Netz "
    "angeschlossen werden. Bereits seit 2014 gibt es Versuche in Heidelberg. Heute ist das anders, sagte die "
    "Ministerin am Montag. Die Ärzte sind skeptisch und wollen im Mai wieder darüber sprechen."
)
PORTUGUESE = (
    "A corrida aconteceu no domingo, 20 de outubro de 2019, em Kansas. O piloto disse que agora o campeonato "
    "está aberto e que a próxima etapa será em novembro. Em 2018 ele terminou em segundo lugar."
)


@pytest.mark.parametrize(
    ("text", "declared", "expected", "names"),
    [(GERMAN, "", {"12. März 2019": "2019-03-12", "01.01.2021": "2021-01-01", "2014": "2014"}, {}),
     (PORTUGUESE, "pt-BR", {"20 de outubro de 2019": "2019-10-20", "2018": "2018"}, {"Kansas": "PLACE"})],
)
def test_a_page_in_another_language_shows_only_the_dates_it_can_read(
    text: str, declared: str, expected: dict[str, str], names: dict[str, str]
) -> None:
    result = analyze(text, DCT, language=declared)
    assert result.language != "en"
    assert {t.text: t.value for t in result.timexes} == expected
    # no sentence typed PERSON: only the names read without the language's grammar (a state of the United States)
    assert {e.name: e.type for e in result.entities} == names
