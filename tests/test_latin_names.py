"""Names on pages in other languages of the Latin alphabet: read without a language model, and never a sentence."""

from __future__ import annotations

from models.analysis import analyze
from models.analysis.language import is_english
from models.analysis.latin_names import PROVENANCE, names_in_other_language
from models.analysis.types import LOW_CONFIDENCE


def _names(text: str) -> dict[str, str]:
    return {e.name: e.type for e in names_in_other_language(text)}


def test_people_by_their_given_names_and_places_in_the_language_of_the_page() -> None:
    text = (
        "O ministro conversou ontem com Miguel Queiroz em Belo Horizonte. Depois, Queiroz viajou para a Alemanha "
        "e para os Estados Unidos, onde encontrou Ricardo Fonseca e Gabriel Murilo."
    )
    found = names_in_other_language(text)
    by_name = {e.name: e for e in found}
    assert _names(text) == {"Miguel Queiroz": "PERSON", "Belo Horizonte": "PLACE", "Alemanha": "PLACE",
                            "Estados Unidos": "PLACE", "Ricardo Fonseca": "PERSON", "Gabriel Murilo": "PERSON"}
    # the surname alone is the same person; "e" between two people does not make them one
    assert [m.text for m in by_name["Miguel Queiroz"].mentions] == ["Miguel Queiroz", "Queiroz"]
    for e in found:
        assert all(text[m.start : m.end] == m.text for m in e.mentions)
        assert e.confidence < LOW_CONFIDENCE and e.provenance == PROVENANCE


def test_particles_and_suffixes_belong_to_the_name() -> None:
    text = ("Menurut riwayat, Ali bin Abi Talib berkata kepada sahabatnya. Di São Paulo, Martin Truex Jr. venceu "
            "a corrida e Maria da Conceição Tavares assistiu.")
    names = _names(text)
    assert names["Ali bin Abi Talib"] == "PERSON"
    assert names["Martin Truex Jr."] == "PERSON"
    assert names["Maria da Conceição Tavares"] == "PERSON"


def test_a_word_of_the_language_is_no_name() -> None:
    # "Dan" starts a sentence of Indonesian, where "dan" ("and") is written everywhere; "Como" is Spanish for "how"
    text = ("Presiden bertemu menteri dan gubernur di istana. Dan Prabowo datang terlambat dan pergi lebih awal. "
            "Como siempre, como cada año, el acto terminó tarde.")
    assert _names(text) == {}


def test_a_name_inside_a_longer_name_is_not_read_alone() -> None:
    text = ("O Banco do Brasil abriu uma agência. Le Paris Saint-Germain a gagné. 7) Indiana Jones Collection 1-4 "
            "(Steelbook). La Universidad de Chile cierra. El equipo viajó a Chile.")
    # the bank, the club, the box set and the university are no places nor people; the country alone is a place;
    # the bank and the university are organisations by the word for what they are
    assert _names(text) == {"Chile": "PLACE", "Banco do Brasil": "ORGANIZATION", "Universidad de Chile": "ORGANIZATION"}


def test_a_surname_two_people_share_is_neither_of_theirs() -> None:
    text = "Kyle Norberg venceu, Kurt Norberg foi segundo e Stefan Halvorsen terceiro. Norberg e Halvorsen riram."
    found = {e.name: [m.text for m in e.mentions] for e in names_in_other_language(text)}
    assert found == {"Kyle Norberg": ["Kyle Norberg"], "Kurt Norberg": ["Kurt Norberg"],
                     "Stefan Halvorsen": ["Stefan Halvorsen", "Halvorsen"]}


def test_the_other_names_of_a_column_of_people() -> None:
    rows = ["Pos. | Piloto | Pontos", "1 | Kyle Norberg | 5040", "2 | Denny Falkner | 5035", "3 | Bubba Wexley | 5033",
            "4 | Martin Oakes | 5027", "5 | Zeb Quarrington | 2380", "6 | Total | 100"]
    names = _names("Classificação final:\n" + "\n".join(rows) + "\n")
    # "Bubba" and "Zeb" are no given names of the lists: their column says they are people; "Total" and "Piloto" not
    assert names == {"Kyle Norberg": "PERSON", "Denny Falkner": "PERSON", "Bubba Wexley": "PERSON",
                     "Martin Oakes": "PERSON", "Zeb Quarrington": "PERSON"}


def test_well_known_organisations_and_places_that_are_given_names() -> None:
    text = "Selon Reuters, le sommet de Paris a échoué. Human Rights Watch a protesté. Paris Hilton était absente."
    # "Paris" is a given name too: a place alone, not when a person of the text bears it as hers
    assert _names(text) == {"Reuters": "ORGANIZATION", "Human Rights Watch": "ORGANIZATION",
                            "Paris Hilton": "PERSON"}
    assert _names(text.replace(" Paris Hilton était absente.", "")) == {
        "Reuters": "ORGANIZATION", "Paris": "PLACE", "Human Rights Watch": "ORGANIZATION"}


def test_organisations_named_by_what_they_are_in_the_language_of_the_page() -> None:
    portuguese = ("O Supremo Tribunal Federal decidiu ontem. A Câmara dos Deputados e o Senado Federal votam a "
                  "proposta do Partido dos Trabalhadores, com o apoio do Banco do Brasil. O banco central e o "
                  "Congresso também.")
    assert _names(portuguese) == {
        "Supremo Tribunal Federal": "ORGANIZATION", "Câmara dos Deputados": "ORGANIZATION",
        "Senado Federal": "ORGANIZATION", "Partido dos Trabalhadores": "ORGANIZATION",
        "Banco do Brasil": "ORGANIZATION",  # not "Brasil" alone: a place inside the bank's name
        "Congresso": "ORGANIZATION"}  # an assembly after its article; "banco central" is no name
    assert _names("Partai Golkar dan Kementerian Keuangan bertemu di Jakarta dengan Bank Indonesia.") == {
        "Partai Golkar": "ORGANIZATION", "Kementerian Keuangan": "ORGANIZATION", "Jakarta": "PLACE",
        "Bank Indonesia": "ORGANIZATION"}
    # German capitalises every noun: a bank and the noun after it are no name there, an assembly after its article is
    german = ("Der Bundestag hat am Freitag beschlossen, dass die Bank Kredite nicht mehr vergibt. Die Polizei war "
              "auch in Berlin, und die Stadt ist mit dem Plan für die Zukunft nicht zufrieden.")
    found = {e.name: e.type for e in analyze(german).entities}
    assert found == {"Bundestag": "ORGANIZATION", "Berlin": "PLACE"}


def test_other_scripts_get_nothing() -> None:
    assert names_in_other_language("Президент Владимир Путин встретился в Москве с премьер-министром Японии.") == ()


def test_a_short_paragraph_in_another_language_is_not_read_as_english() -> None:
    # a few "a" and "in" by chance: French, German and Italian pasted without a declared language
    french = ("Le président Emmanuel Macron a reçu mardi le chancelier à Paris. Ensuite, il a parlé de la guerre et "
              "a déclaré que la France et l'Allemagne veulent un accord avant l'été.")
    german = ("Bundeskanzler Olaf Scholz hat am Montag in Berlin mit dem Präsidenten gesprochen. Angela Merkel war "
              "nicht dabei, sagte er, und Deutschland steht an der Seite der Ukraine.")
    english = ("The Dutch minister Hans van der Berg met Ana de la Cruz in Madrid on Monday. They spoke about trade, "
               "and both said the talks would go on in the spring.")
    assert not is_english(french) and not is_english(german)
    assert is_english(english)
    # English that writes words of other languages: "met", "par", "non-profit", "um", and names ("Dan Yang",
    # "Ursula von der Leyen", "Des Moines", "MIT")
    names = ("Dan Yang met Ursula von der Leyen in Des Moines. The MIT non-profit, um, was on par with them, Yang "
             "said. Von der Leyen met Dan again.")
    assert is_english(names) and is_english("Vladimir Putin met Shinzo Abe in Moscow. Eight days later they met.")
    result = analyze(french)
    assert result.language != "en"
    assert {e.name: e.type for e in result.entities} == {"Emmanuel Macron": "PERSON", "Paris": "PLACE",
                                                        "France": "PLACE", "Allemagne": "PLACE"}


def test_the_byline_author_of_an_article_in_another_language_is_a_person_with_the_author_role() -> None:
    text = "Scholz disse que a Alemanha quer investir no Brasil. A ministra Marina Silva participou da reunião."
    result = analyze(text, authors=("Ana Ribeiro", "Marina Silva"))
    roles = {e.name: (e.type, e.role) for e in result.entities}
    assert roles["Ana Ribeiro"] == ("PERSON", "author") and roles["Marina Silva"] == ("PERSON", "author")
    assert roles["Alemanha"] == ("PLACE", None)
