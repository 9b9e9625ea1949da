"""Dates of pages that are not in English: what the rules can read without the language's grammar (dates written in
full, numeric dates, years; in French, Spanish, Portuguese, Italian, German, Dutch and Indonesian also the days
around the article, weekdays and months), each a dated event of the timeline."""

from __future__ import annotations

from datetime import date

import pytest

from models.analysis import analyze, nlp
from models.analysis.language import language_of
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
    [(GERMAN, "", {"12. März 2019": "2019-03-12", "01.01.2021": "2021-01-01", "2014": "2014", "Heute": "2019-11-19",
                   "Montag": "2019-11-18", "Mai": "2020-05"}, {"Bundesregierung": "ORGANIZATION"}),
     (PORTUGUESE, "pt-BR", {"20 de outubro de 2019": "2019-10-20", "novembro": "2019-11", "2018": "2018"},
      {"Kansas": "PLACE"})],
)
def test_a_page_in_another_language_shows_the_dates_it_can_read_on_its_timeline(
    text: str, declared: str, expected: dict[str, str], names: dict[str, str]
) -> None:
    result = analyze(text, DCT, language=declared)
    assert result.language != "en"
    # "Heute" is the day of the article, "am Montag" the Monday before it (Nov. 19, 2019 was a Tuesday), and "im Mai"
    # in a sentence that looks ahead ("wollen … sprechen") the coming May; "no domingo, 20 de outubro" is one date
    assert {t.text: t.value for t in result.timexes} == expected
    # each is an event of the timeline, labelled by the words of its sentence without the date and its preposition
    labels = {e.timex.text: e.label for e in result.events}
    assert set(labels) == set(expected)
    assert labels["Mai"] == "Die Ärzte sind skeptisch und wollen wieder darüber sprechen" if text == GERMAN \
        else labels["20 de outubro de 2019"] == "A corrida aconteceu no domingo, em Kansas"
    # no sentence typed PERSON: only the names read without the language's grammar (a state of the United States, a
    # government named after its article)
    assert {e.name: e.type for e in result.entities} == names


# Friday, March 8, 2024
FRIDAY = date(2024, 3, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O ministro falou ontem sobre a crise. Não foi uma surpresa para os analistas, que também esperavam isso. "
         "Na segunda-feira passada ele esteve em Lisboa e voltará em abril ou amanhã.",
         {"ontem": "2024-03-07", "segunda-feira passada": "2024-03-04", "abril": "2024-04", "amanhã": "2024-03-09"}),
        ("El ministro habló ayer con los sindicatos sobre la crisis, pero no hubo acuerdo para los salarios. El lunes "
         "visitó Madrid y esta mañana volvió; la reunión será en enero.",
         {"ayer": "2024-03-07", "lunes": "2024-03-04", "enero": "2025-01"}),
        ("Hier, le ministre a parlé de la crise avec les syndicats, qui sont inquiets pour les salaires. Il reviendra "
         "lundi prochain et le 12 mars.",
         {"Hier": "2024-03-07", "lundi prochain": "2024-03-11", "12 mars": "2024-03-12"}),
        ("Il ministro della difesa ha parlato ieri della crisi con i sindacati, che sono preoccupati anche per i "
         "salari dei lavoratori. Domani sarà a Roma, a maggio a Milano.",
         {"ieri": "2024-03-07", "Domani": "2024-03-09", "maggio": "2024-05"}),
        ("Gestern sprach der Minister über die Krise, und die Gewerkschaften sind nicht zufrieden mit dem Plan für die "
         "Löhne. Am Morgen war es kalt. Seit Januar gibt es Streiks. August Bebel ist nicht dabei.",
         {"Gestern": "2024-03-07", "Januar": "2024-01"}),
        ("Het kabinet heeft gisteren een plan gepresenteerd dat de lonen moet verhogen. De vakbonden zijn hier niet "
         "tevreden en willen ook meer geld voor de zorg, zei de minister maandag.",
         {"gisteren": "2024-03-07", "maandag": "2024-03-04"}),
        ("Kemarin, menteri berbicara dengan wartawan tentang krisis ini dan akan bertemu lagi pada Juni untuk "
         "membahas itu. Satu minggu lalu, pada hari Senin, ia di Jakarta.",
         {"Kemarin": "2024-03-07", "Juni": "2024-06", "minggu lalu": "2024-W09", "Senin": "2024-03-04"}),
    ],
    ids=["pt", "es", "fr", "it", "de", "nl", "id"],
)
def test_the_days_weekdays_and_months_of_another_language(text: str, expected: dict[str, str]) -> None:
    """Only in a text of that language, as it writes them: "esta mañana" is this morning, Dutch "hier" is "here",
    German "Morgen" the morning, "August" a man's name without a preposition, Indonesian "minggu" a week."""
    result = analyze(text, FRIDAY)
    assert result.language not in ("en", "und")
    assert {t.text: t.value for t in result.timexes if t.type == "DATE"} == expected


def test_another_languages_days_are_not_read_in_english() -> None:
    text = ("Hier we stood, the poet wrote, and Morgen Stanley's Ayer office said on Monday that demain is French "
            "for tomorrow.")
    assert {t.text for t in analyze(text, FRIDAY).timexes} == {"Monday", "tomorrow"}


@pytest.mark.parametrize(
    ("text", "code"),
    [(PORTUGUESE, "pt"), (GERMAN, "de"),
     ("Le président a visité Paris. Le ministre a parlé de la crise avec les syndicats, qui sont inquiets.", "fr"),
     ("Het kabinet heeft een plan gepresenteerd dat de lonen moet verhogen. De vakbonden zijn niet tevreden.", "nl"),
     ("Presiden mengunjungi Jakarta. Menteri berbicara dengan wartawan tentang krisis ini dan akan bertemu lagi.",
      "id")],
)
def test_an_undeclared_page_in_another_language_is_told_by_its_commonest_words(text: str, code: str) -> None:
    assert language_of(text) == code
    assert language_of(text, "es") == "es"  # what the page declares stands


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O ministro falou sobre a crise na semana passada. Não foi uma surpresa para os analistas, que também "
         "esperavam isso no ano passado. Na próxima semana volta.",
         {"semana passada": "2024-W09", "ano passado": "2023", "próxima semana": "2024-W11"}),
        ("El ministro habló el año pasado con los sindicatos sobre la crisis, pero no hubo acuerdo para los salarios "
         "este mes.", {"año pasado": "2023", "este mes": "2024-03"}),
        ("L'année dernière, le ministre a parlé de la crise avec les syndicats, qui sont inquiets pour les salaires. "
         "Il reviendra la semaine prochaine.", {"L'année dernière": "2023", "semaine prochaine": "2024-W11"}),
        ("Il ministro ha parlato l'anno scorso della crisi con i sindacati, che sono preoccupati anche per i salari. "
         "Quest'anno è diverso.", {"l'anno scorso": "2023", "Quest'anno": "2024"}),
        ("Letztes Jahr sprach der Minister über die Krise, und die Gewerkschaften sind nicht zufrieden mit dem Plan "
         "für die Löhne. Nächste Woche kommt er.", {"Letztes Jahr": "2023", "Nächste Woche": "2024-W11"}),
        ("Het kabinet heeft vorig jaar een plan gepresenteerd dat de lonen moet verhogen. De vakbonden zijn niet "
         "tevreden, zei de minister deze week.", {"vorig jaar": "2023", "deze week": "2024-W10"}),
        ("Tahun lalu, menteri berbicara dengan wartawan tentang krisis ini dan akan bertemu lagi minggu depan untuk "
         "membahas itu.", {"Tahun lalu": "2023", "minggu depan": "2024-W11"}),
    ],
    ids=["pt", "es", "fr", "it", "de", "nl", "id"],
)
def test_the_week_month_or_year_before_or_after_the_articles_in_another_language(
    text: str, expected: dict[str, str]
) -> None:
    result = analyze(text, FRIDAY)
    assert {t.text: t.value for t in result.timexes} == expected
    assert {e.timex.text for e in result.events} == set(expected)


def test_a_period_word_of_another_language_is_not_read_in_english_or_in_the_wrong_language() -> None:
    english = "It took an hour. The week ahead, dit jaar, and el año pasado were mentioned by the Dutch guest."
    assert {t.text for t in analyze(english, FRIDAY).timexes} == {"an hour"}
    spanish_in_portuguese = ("O ministro falou sobre a crise. Não foi uma surpresa para os analistas, que também "
                             "esperavam isso, el año pasado.")
    assert "año pasado" not in {t.text for t in analyze(spanish_in_portuguese, FRIDAY).timexes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre a parlé de la crise avec les syndicats, qui sont inquiets pour les salaires. Il reviendra lundi "
         "à Paris. Il était là samedi.", {"lundi": "2024-03-11", "samedi": "2024-03-02"}),
        ("Il ministro della difesa ha parlato della crisi con i sindacati, che sono preoccupati anche per i salari. "
         "Il ministro tornerà lunedì a Roma.", {"lunedì": "2024-03-11"}),
        # "ahora" (now) and "primera" end as a future does in French, not in Spanish
        ("El ministro habló con los sindicatos sobre la crisis, pero no hubo acuerdo. Ahora, por primera vez, el "
         "ministro llegó el lunes a Madrid.", {"lunes": "2024-03-04"}),
        # German and Dutch tell a plan in the present: a sentence with no sign of the past looks ahead ("ist
        # Feiertag" is a present, "ist zurückgekehrt" a past)
        ("Der Minister sprach mit den Gewerkschaften über die Krise und die Löhne der Arbeiter. Am Montag kommt er "
         "zurück. Der Prozess beginnt am Dienstag. Am Samstag ist er zurückgekehrt. Am Sonntag hat die Regierung "
         "das Gesetz beschlossen.", {"Montag": "2024-03-11", "Dienstag": "2024-03-12", "Samstag": "2024-03-02",
                                     "Sonntag": "2024-03-03"}),
        ("Het kabinet heeft een plan gepresenteerd dat de lonen moet verhogen, en de vakbonden zijn niet tevreden. "
         "Maandag komt de minister terug. Dinsdag is het overleg begonnen.",
         {"Maandag": "2024-03-11", "Dinsdag": "2024-03-05"}),
    ],
    ids=["fr", "it", "es", "de", "nl"],
)
def test_a_weekday_in_a_sentence_in_the_future_tense_is_the_coming_one(text: str, expected: dict[str, str]) -> None:
    assert {t.text: t.value for t in analyze(text, FRIDAY).timexes} == expected


def test_nowadays_in_another_language_is_the_present_and_no_day() -> None:
    text = ("Hoje em dia, o ministro fala sobre a crise todos os dias. Não foi uma surpresa para os analistas, que "
            "também esperavam isso hoje.")
    result = analyze(text, FRIDAY)
    assert {t.text: t.value for t in result.timexes} == {"Hoje em dia": "PRESENT_REF", "hoje": "2024-03-08"}
    assert [e.timex.text for e in result.events] == ["hoje"]  # the present in general is no event of the timeline
