"""Names as the news desks write them — sport, business and technology, music and culture, weather and places — where
the small model reads them wrong: a team's short name, two companies taken for one, an acronym never defined, a county
taken for a person, a storm for an organisation."""

from __future__ import annotations

from models.analysis import analyze
from tests.test_entity_stories import _found


def test_a_team_s_plural_short_name_in_a_headline_and_a_full_stop_the_model_took_into_a_name() -> None:
    """ "Ravens" of the headline and of "The Ravens (5-3)" (to the model a people's name) is the Baltimore Ravens,
    not an entity of its own; "through Ticketmaster. Swift …" (the model's "Ticketmaster." with the full stop) is the
    company, and Swift the singer named before (it was one name, "Ticketmaster. Swift")."""
    text = ("Chiefs rally past Ravens 27-24 in overtime thriller\n\nThe Kansas City Chiefs beat the Baltimore Ravens "
            "27-24 on Sunday night. The Ravens (5-3) host the Pittsburgh Steelers next week.\n\nTaylor Swift "
            "announced Friday that her tour will add dates in Toronto. Tickets go on sale through Ticketmaster. Swift, "
            "who won a Grammy in February, is also releasing an album.")
    found = _found(text)
    assert found.get("Baltimore Ravens") == ("ORGANIZATION", 3) and "Ravens" not in found
    assert found.get("Ticketmaster", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Taylor Swift") == ("PERSON", 2)
    assert not [name for name in found if "." in name]


def test_two_companies_the_model_took_for_one_are_two_and_a_firm_named_for_two_founders_stays_whole() -> None:
    """ "the parent of Facebook and Instagram" (to the model one organisation) names two; "Procter and Gamble",
    named by no part alone, stays one."""
    text = ("Meta Platforms, the parent of Facebook and Instagram, reports on Wednesday. Procter and Gamble raised "
            "prices again.")
    found = _found(text)
    assert found.get("Facebook") == ("ORGANIZATION", 1) and found.get("Instagram") == ("ORGANIZATION", 1)
    assert "Facebook and Instagram" not in found
    assert found.get("Procter and Gamble", ("", 0))[0] == "ORGANIZATION"


def test_the_initials_of_an_organisation_named_in_full_are_its_acronym_though_undefined() -> None:
    """ "WHO warns …" and "WHO regional director" (the model saw neither, and "who" is a word) are the World Health
    Organization the text names, though it never writes "(WHO)"; capitals that are no organisation's initials stay
    words."""
    text = ("WHO warns of measles surge in Europe\n\nGENEVA (Reuters) - The World Health Organization said on "
            "Thursday that cases rose. Dr. Hans Kluge, WHO regional director for Europe, urged parents to act. "
            "THE END is near, he said.")
    found = _found(text)
    assert found.get("World Health Organization") == ("ORGANIZATION", 3)
    assert not [name for name in found if name.startswith("THE")]


def test_a_charity_named_with_its_country_is_an_organisation_not_the_country() -> None:
    """ "Parkinson's UK" and "the charity Brain Research UK" are organisations (the model: the United Kingdom, and
    nothing before it); "Meanwhile UK inflation", "across the UK" and "London UK" keep the country."""
    text = ("Parkinson's UK and Cancer Research UK have called for more funding. The charity Brain Research UK "
            "agreed. Meanwhile UK inflation rose. Prices rose across the UK. He was born in London UK.")
    found = _found(text)
    assert found.get("Parkinson's UK", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Brain Research UK", ("", 0))[0] == "ORGANIZATION"
    assert found.get("United Kingdom") == ("PLACE", 3)
    assert found.get("London", ("", 0))[0] == "PLACE"
    assert "Meanwhile UK" not in found


def test_a_newspaper_with_a_people_s_ending_that_reports_is_no_people() -> None:
    """ "the Guardian reported" (a word shaped like "Canadian", then a verb) is the newspaper, not a people (it was
    GROUP); "a Glaswegian country singer" stays a people's adjective."""
    text = ("Fans in Cardiff and Edinburgh will also get shows, the Guardian reported. It is a story about a "
            "self-destructive Glaswegian country singer.")
    found = _found(text)
    assert found.get("Guardian", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Glaswegian", ("", 0))[0] == "GROUP"


def test_a_box_score_keeps_its_players_and_a_port_keeps_its_number() -> None:
    """ "J. Smith 2 goals, K. Lee 1 assist" (the model's "J. Smith 2", then a product by its number) are two players;
    "two Thunderbolt 3 ports" stays a product with its number."""
    text = "Box score: J. Smith 2 goals, K. Lee 1 assist. The laptop has two Thunderbolt 3 ports."
    found = _found(text)
    assert found.get("J. Smith", ("", 0))[0] == "PERSON" and found.get("K. Lee", ("", 0))[0] == "PERSON"
    assert not [name for name in found if name.startswith(("J. Smith ", "K. Lee "))]
    assert "Thunderbolt" not in found


def test_what_an_author_is_the_author_of_is_a_work() -> None:
    """ "author of Finally Full, Finally Slim" names a book (to the model an organisation)."""
    text = '"Try tart cherry juice," says registered dietitian Lisa Young, PhD, author of Finally Full, Finally Slim.'
    found = _found(text)
    assert found.get("Lisa Young", ("", 0))[0] == "PERSON"
    assert found.get("Finally Full", ("OTHER", 0))[0] == "OTHER"
    assert not [name for name, (kind, _) in found.items() if "Finally" in name and kind != "OTHER"]


def test_a_one_word_subject_whose_sentence_goes_on_to_her_is_a_person() -> None:
    """ "Beyoncé has added a second date … after tickets for her June 3 show sold out" (to the model an organisation)
    is a person; "Apple has added … its" stays a company."""
    text = ("Beyoncé has added a second date at Wembley Stadium after tickets for her June 3 show sold out. Apple has "
            "added a second model to its range of phones.")
    found = _found(text)
    assert found.get("Beyoncé", ("", 0))[0] == "PERSON"
    assert found.get("Apple", ("", 0))[0] == "ORGANIZATION"


def test_a_county_or_a_province_is_a_place_whatever_the_model_says() -> None:
    """ "winds to Cornwall" and "schools in Devon and Cornwall" (two people to the model) are places, Devon by the
    county beside it (a given name, so not by the list alone); "Ontario" too."""
    text = ("Storm Ciarán brought winds to Cornwall on Thursday. Schools in Devon and Cornwall will stay closed. "
            "Ontario sent crews.")
    found = _found(text)
    for name in ("Cornwall", "Devon", "Ontario"):
        assert found.get(name, ("", 0))[0] == "PLACE", name


def test_a_storm_named_by_a_weather_service_is_an_event_and_storm_reid_a_person() -> None:
    """ "Storm Ciarán brought winds of more than 100 mph" (an organisation to the model) is the storm; "Storm Reid"
    in a text about a film is the actress."""
    found = _found("Storm Ciarán brought winds of more than 100 mph to Cornwall on Thursday, the Met Office said.")
    assert found.get("Storm Ciarán", ("", 0))[0] == "EVENT"
    found = _found("Storm Reid stars in the film. Storm Reid said she loved the script.")
    assert found.get("Storm Reid", ("", 0))[0] == "PERSON"


def test_a_football_report_names_its_players_whatever_the_model_calls_them() -> None:
    """ "Erling" + "Haaland" (a place to the model, without its given name) is the player; '"…," Mikel Arteta said'
    (a work to the model) is the manager; "Jordan" + "Amman" is no person."""
    text = ('Erling Haaland had equalised for City after the opener. "We showed real character today," Mikel Arteta '
            "said after the game. The minister flew from Jordan Amman to Cairo.")
    found = _found(text)
    assert found.get("Erling Haaland", ("", 0))[0] == "PERSON" and "Haaland" not in found
    assert found.get("Mikel Arteta", ("", 0))[0] == "PERSON"
    assert "Jordan Amman" not in found


def test_a_company_in_capitals_keeps_the_full_stop_of_its_inc() -> None:
    """ "LOWE'S COMPANIES INC." (the model's "INC" and "." two tokens) keeps its abbreviation whole, while
    "Ticketmaster." at a sentence's end loses the full stop."""
    text = "Shares of LOWE'S COMPANIES INC. rose. Tickets go on sale through Ticketmaster. Fans cheered."
    forms = {m.text for e in analyze(text).entities for m in e.mentions}
    assert "LOWE'S COMPANIES INC." in forms and "Ticketmaster" in forms


def test_a_club_named_after_its_city_that_wins_is_the_club() -> None:
    """ "Arsenal beat Manchester City 2-1" (the model: nothing) names the club, not a city by the shape of its name."""
    found = _found("Gabriel Martinelli scored as Arsenal beat Manchester City 2-1 at the Emirates on Sunday.")
    assert found.get("Manchester City", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Arsenal", ("", 0))[0] == "ORGANIZATION"


def test_a_craft_named_after_its_maker_s_possessive_is_the_craft() -> None:
    """ "NASA's Europa Clipper spacecraft" (an organisation to the model) is the craft; NASA stays the agency."""
    found = _found("NASA's Europa Clipper spacecraft lifted off Monday from Kennedy Space Center. NASA said the "
                   "launch went well.")
    assert found.get("Europa Clipper", ("", 0))[0] == "OTHER"
    assert found.get("NASA", ("", 0))[0] == "ORGANIZATION"


def test_a_football_report_told_by_its_goals_is_a_sports_report() -> None:
    """A report that speaks of a goal scored, an equaliser and an 86th-minute winner is a sports report (it had
    only "League" of the words of one): the side Arsenal host is a team, not the city (the model: a place)."""
    text = ("Gabriel Martinelli scored an 86th-minute winner as Arsenal beat Chelsea 2-1 on Sunday to move top of the "
            "Premier League. Erling Haaland had equalised for City after the opener. Arsenal host Liverpool next "
            "Sunday, while City travel to Newcastle on Saturday.")
    found = _found(text)
    assert found.get("Liverpool", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Newcastle", ("", 0))[0] == "PLACE"  # travelled to: the city


def test_an_eye_opener_is_no_word_of_a_sports_report() -> None:
    """ "an eye-opener" is no season opener: with "scored" and "league" it does not make a sports report."""
    from models.analysis.teams import sports_report

    assert not sports_report("The survey was an eye-opener. She scored well, in a league of her own.")
    assert sports_report("The season opener: Smith scored twice in the league game.")
