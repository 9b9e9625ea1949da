"""Names in stories and in talk: relatives called by their kinship title, a town the model types differently from
one mention to the next."""

from __future__ import annotations

from models.analysis import analyze
from models.analysis.aliases import merge_aliases
from models.analysis.entity_cues import retype
from tests.test_entity_cues import cand


def test_a_relative_called_by_a_kinship_title_is_a_person() -> None:
    """The small model calls "Aunt Polly" an organisation; the title is no part of her name, and "Polly" alone is
    the same person."""
    text = ('"It\'s from Aunt Polly," she said. "She wants us in Bristol by Friday."\n\n'
            'Tom laughed. "Polly wants everyone everywhere by Friday." Uncle Theodore sent his love.')
    found = {e.name: (e.type, len(e.mentions)) for e in analyze(text).entities}
    assert found.get("Polly") == ("PERSON", 2)
    assert found.get("Theodore") == ("PERSON", 1)
    assert not any(name.startswith(("Aunt", "Uncle")) for name in found)


def test_a_town_the_model_types_a_place_once_and_an_organisation_twice_is_a_place_by_its_preposition() -> None:
    text = "She wants us in Bristol by Friday. Two for Bristol, she said. She thought of Bristol all day."
    cands = [cand(text, "Bristol", "PLACE"), cand(text, "Bristol", "ORGANIZATION", 1),
             cand(text, "Bristol", "ORGANIZATION", 2)]
    assert [c.type for c in retype(cands, text)] == ["PLACE"] * 3


def test_a_name_the_model_types_a_place_once_in_many_stays_what_most_mentions_say() -> None:
    """One "in MacBook" typed a place among four organisations is the model's slip, not a town."""
    text = ("The keys in MacBook models broke. MacBook sales fell. Every MacBook shipped late. A MacBook costs more. "
            "The MacBook is thin.")
    cands = [cand(text, "MacBook", "PLACE")] + [cand(text, "MacBook", "ORGANIZATION", n) for n in range(1, 5)]
    assert [c.type for c in retype(cands, text)].count("PLACE") <= 1


def test_a_name_with_a_plural_verb_is_a_team_not_a_person_or_a_place() -> None:
    """British English gives a team a plural verb: "Brentford host Wolves" (the model says a person), "Liverpool
    travel to Leeds" (the model says a place)."""
    text = ("Brentford host Wolves on Sunday, and Brentford made it hard. Liverpool travel to Leeds next week. "
            "Fans in Liverpool were happy.")
    cands = [cand(text, "Brentford", "PERSON"), cand(text, "Brentford", "PERSON", 1),
             cand(text, "Liverpool", "PLACE"), cand(text, "Liverpool", "PLACE", 1)]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION"] * 4


def test_a_plural_perfect_or_a_headline_present_is_a_team() -> None:
    """ "Arsenal have agreed a deal", "Chelsea are reportedly interested", the headline's "Everton sack their
    manager": a team (the model says a person or a place); "Trump beat Clinton" says nothing (a past)."""
    text = ("Arsenal have agreed a deal for the midfielder. Chelsea are reportedly interested too. Everton sack "
            "their manager. Trump beat Clinton in Arsenal's old town, and Chelsea was a city.")
    cands = [cand(text, "Arsenal", "PERSON"), cand(text, "Chelsea", "PLACE"), cand(text, "Everton", "PERSON"),
             cand(text, "Trump", "PERSON")]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION"] * 3 + ["PERSON"]


def test_a_surname_the_model_calls_a_work_or_a_people_is_the_persons() -> None:
    """The headline's "Zubimendi" (a work to the model) and the body's (a people: the name ends in "i" like
    "Israeli") are Martin Zubimendi; "Israeli" stays a people."""
    text = ("Arsenal agree deal to sign Spanish midfielder Zubimendi\n\nArsenal have agreed a £51 million deal with "
            "Real Sociedad to sign Martin Zubimendi. Zubimendi rejected Liverpool last August. An Israeli club also "
            "wanted him.")
    found = _found(text)
    assert found.get("Martin Zubimendi") == ("PERSON", 3)
    assert "Zubimendi" not in found


def test_a_plural_verb_after_a_preposition_a_question_or_a_second_subject_says_nothing() -> None:
    text = ("Voters in Ohio are angry. Did Russia have a plan? Let Britain have its say. Paris and Rome are far. "
            "They met in Ohio, Russia, Britain, Rome.")
    names = ("Ohio", "Russia", "Britain", "Rome")
    cands = [cand(text, n, "PLACE") for n in names] + [cand(text, n, "PLACE", 1) for n in names]
    assert {c.type for c in retype(cands, text)} == {"PLACE"}


def test_a_football_club_s_last_word_makes_the_name_a_club() -> None:
    """The model keeps "Newcastle" and drops "United", and calls "Leeds United" or "Bolton Wanderers" a person."""
    text = ("Newcastle United travel to Blackburn Rovers on Saturday. Leeds United fans were delighted, and Wigan "
            "Athletic lost to Bolton Wanderers. West Bromwich Albion drew with Tottenham Hotspur.")
    clubs = ["Newcastle United", "Blackburn Rovers", "Leeds United", "Wigan Athletic", "Bolton Wanderers",
             "West Bromwich Albion", "Tottenham Hotspur"]
    found = {e.name: e.type for e in analyze(text).entities}
    assert {c: found.get(c) for c in clubs} == dict.fromkeys(clubs, "ORGANIZATION")


def test_a_club_s_first_word_makes_a_club_and_a_score_is_no_part_of_a_name() -> None:
    """The model leaves "Real Madrid" out and takes the score into "Atletico Madrid 2-1" (a building to it)."""
    text = ("Real Madrid beat Atletico Madrid 2-1 in the derby, while Bayern Munich drew with Borussia Dortmund. "
            "The Boeing 737-800 landed.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found.get("Real Madrid") == "ORGANIZATION" and found.get("Atletico Madrid") == "ORGANIZATION"
    assert not any(ch.isdigit() for name in found for ch in name if "Madrid" in name)


def test_a_basketball_score_a_team_before_a_score_and_a_player_s_points() -> None:
    """A three-digit score is cut like a two-digit one, a plural name after "the" before a score is a team (the
    model leaves "the Buffalo Bills 27-24" out), and a player who "added 24 points" is no stock index."""
    text = ("LeBron James scored 31 points as the Los Angeles Lakers beat the Golden State Warriors 118-112 on "
            "Tuesday night. Anthony Davis added 24 points and 15 rebounds for Los Angeles.\n\n"
            "In Kansas City, Patrick Mahomes threw three touchdown passes and the Chiefs held off the Buffalo Bills "
            "27-24.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found.get("Anthony Davis") == "PERSON" and found.get("Buffalo Bills") == "ORGANIZATION"
    assert not any(ch.isdigit() for name in found for ch in name)


def _found(text: str) -> dict[str, tuple[str, int]]:
    return {e.name: (e.type, len(e.mentions)) for e in analyze(text).entities}


def test_a_court_report_a_town_with_a_mayor_and_a_law_firm_named_after_its_partners() -> None:
    """The model makes a person of the town ("a former mayor of Riverton", "Riverton's current mayor") and splits
    the firm "Pike & Sullivan" because one partner, Jonathan Pike, is named in full."""
    text = ("A former mayor of Riverton was sentenced on Wednesday to six years in prison. Brennan's lawyer, "
            "Jonathan Pike of Pike & Sullivan, said his client would not appeal. Riverton's current mayor, Alicia "
            "Grant, said the city had adopted new rules.")
    found = _found(text)
    assert found.get("Riverton") == ("PLACE", 2)
    assert found.get("Pike & Sullivan", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Jonathan Pike") == ("PERSON", 1)
    assert "Sullivan" not in found


def test_a_storm_called_by_its_given_name_is_the_storm_and_a_parish_is_a_place() -> None:
    text = ("Hurricane Ida made landfall near Port Fourchon on Sunday. The National Hurricane Center said Ida "
            "weakened overnight. Schools in Jefferson Parish will stay closed, and Ida's remnants will bring rain.")
    found = _found(text)
    assert found.get("Hurricane Ida") == ("EVENT", 3)
    assert "Ida" not in found
    assert found.get("Jefferson Parish", ("", 0))[0] == "PLACE"


def test_a_company_called_by_the_first_word_of_its_name_is_the_company() -> None:
    """ "Nordwind" in the headline and in "Nordwind now expects" is "Nordwind Energy", not a person; a school's
    town stays the town ("Exeter" of "Exeter School")."""
    text = ("Nordwind shares jump as wind-turbine maker raises outlook\n\nShares of Nordwind Energy rose 9% on "
            "Thursday. Nordwind now expects revenue of 16 billion euros.\n\nHe was born in Exeter. He was educated "
            "at Exeter School, an independent school in Exeter.")
    found = _found(text)
    assert found.get("Nordwind Energy") == ("ORGANIZATION", 3)
    assert found.get("Exeter", ("", 0))[0] == "PLACE"
    assert found.get("Exeter School", ("", 0))[0] == "ORGANIZATION"


def test_a_film_review_names_its_people_platforms_and_places() -> None:
    """The model cuts "Ana Lucía Ferrer" after "Lucía", puts Netflix somewhere and makes a person of Galicia; the
    rating "R." is no name."""
    text = ("Director Ana Lucía Ferrer's second feature opens in theaters on Friday and arrives on Netflix on Jan. 14. "
            "Set on a windswept island off the coast of Galicia in 1953, the film follows a widowed keeper. Ferrer "
            "wrote the script with her brother. It runs 118 minutes and is rated R.")
    found = _found(text)
    assert found.get("Ana Lucía Ferrer") == ("PERSON", 2)
    assert found.get("Netflix", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Galicia", ("", 0))[0] == "PLACE"
    assert "R." not in found and "R" not in found


def test_an_obituary_keeps_saints_in_place_names_and_a_book_title_in_quotes_is_a_work() -> None:
    text = ('Her book "The Living Reef" won a prize in 2003. She moved to St. Louis in 1955. A memorial service '
            "will be held at St. Barnabas Church in Falmouth. Saint Jerome wrote in Latin; Jerome died in 420.")
    found = _found(text)
    assert found.get("Living Reef", ("", 0))[0] == "OTHER"
    assert found.get("St. Louis", ("", 0))[0] == "PLACE"
    assert "St. Barnabas Church" in found and "Barnabas Church" not in found and "Louis" not in found
    assert found.get("Saint Jerome") == ("PERSON", 2)


def test_a_crime_report_a_force_named_after_two_counties_and_no_camera_as_a_name() -> None:
    text = ("Detective Inspector Claire Whitfield of Avon and Somerset Police said the man was detained in Bristol. "
            "CCTV footage released on Saturday showed three men leaving on mopeds.")
    found = _found(text)
    assert found.get("Avon and Somerset Police", ("", 0))[0] == "ORGANIZATION"
    assert "Avon" not in found and "Somerset Police" not in found and "CCTV" not in found


def test_a_tech_story_a_company_with_ai_in_its_name_its_model_and_a_spacecraft() -> None:
    """ "Mistral" in the headline is "Mistral AI"; "its Mixtral model" is the model, not a company; "European AI"
    is a kind of thing; a telescope named after a man is the telescope."""
    text = ("Mistral raises €600m as European AI race heats up\n\nMistral AI, the Paris start-up, has raised €600 "
            "million. The round values Mistral at €5.8 billion. The company released its Mixtral model in December. "
            "Astronomers using the James Webb Space Telescope have found water on a distant planet.")
    found = _found(text)
    assert found.get("Mistral AI") == ("ORGANIZATION", 3)
    assert found.get("Mixtral", ("", 0))[0] == "OTHER"
    assert found.get("James Webb Space Telescope", ("", 0))[0] == "OTHER"
    assert "European AI" not in found and "Mistral" not in found


def test_a_week_ahead_and_an_anniversary_time_zones_streets_and_the_people_of_a_city() -> None:
    """ "8:30 a.m. Eastern" is a time zone; "Bernauer Strasse" a street (the model: a person); "Berliners" the
    people of Berlin (the model: a person); a "super PAC" is a kind of committee."""
    text = ("Thirty years after the fall of the Wall, Berliners remember\n\nBERLIN — The index is due at 8:30 a.m. "
            "Eastern. Merkel laid a rose on Bernauer Strasse and walked to Bornholmer Strasse. A super PAC said it "
            "would spend $43 million.")
    found = _found(text)
    assert "Eastern" not in found and "PAC" not in found
    assert found.get("Berliners", ("", 0))[0] == "GROUP"
    assert found.get("Bernauer Strasse", ("", 0))[0] == "PLACE"
    assert found.get("Bornholmer Strasse", ("", 0))[0] == "PLACE"


def test_a_sports_recap_calls_a_team_by_its_nickname_and_an_interview_names_a_county_and_a_novel() -> None:
    """ "Chiefs" alone (the model missed it twice) is the Kansas City Chiefs; "a fishing village in Cornwall" makes
    Cornwall a place (the model: a person); 'fourth novel, "Salt Houses,"' is a work."""
    text = ("Mahomes rallies Chiefs past Bills in overtime\n\nKANSAS CITY, Mo. — The Kansas City Chiefs beat the "
            "Buffalo Bills 42-36 on Sunday. Mahomes needed two plays to get the Chiefs into range.\n\n"
            'Tessa Marlowe\'s fourth novel, "Salt Houses," follows three sisters who return to a fishing village in '
            "Cornwall. I think I was avoiding Cornwall.")
    found = _found(text)
    assert found.get("Kansas City Chiefs") == ("ORGANIZATION", 3)
    assert found.get("Cornwall", ("", 0))[0] == "PLACE"
    assert found.get("Salt Houses", ("", 0))[0] == "OTHER"


def test_a_surname_the_model_takes_for_a_people_and_places_named_in_other_languages() -> None:
    """ "But Orbán blocked …": the model calls the surname of Viktor Orbán a nationality; a castle, a quay and a
    monastery named in Portuguese or English are places, not organisations or people."""
    text = ("Hungary's prime minister, Viktor Orbán, left the room. But Orbán blocked the aid package.\n\n"
            "Narrow lanes climb to the Castelo de São Jorge. Take the train from Cais do Sodré to Belém. "
            "The Jerónimos Monastery, finished in 1601, is a masterpiece.")
    found = _found(text)
    assert found.get("Viktor Orbán") == ("PERSON", 2)
    for place in ("Castelo de São Jorge", "Cais do Sodré", "Jerónimos Monastery"):
        assert found.get(place, ("", 0))[0] == "PLACE", place


def test_a_party_in_the_plural_is_no_surname_of_a_name_the_model_made_a_person() -> None:
    text = "Virginia Democrats won control. Democrats now hold both chambers. Viktor Orbán left. Orbán returned."
    cands = [cand(text, "Virginia Democrats", "PERSON"), cand(text, "Democrats", "GROUP", 1),
             cand(text, "Viktor Orbán", "PERSON"), cand(text, "Orbán", "GROUP", 1)]
    assert [c.type for c in retype(cands, text)] == ["PERSON", "GROUP", "PERSON", "PERSON"]


def test_a_press_release_names_its_company_once_and_no_ticker_or_contact_label() -> None:
    """ "Helix" (a people to the model) is Helix Biotherapeutics; "NASDAQ: HLXB" is the exchange; "Media Contact"
    is a label."""
    text = ("CAMBRIDGE, Mass., Feb. 6, 2024 /PRNewswire/ -- Helix Biotherapeutics, Inc. (NASDAQ: HLXB), a "
            'biotechnology company, today announced positive results. "These results exceed our expectations," said '
            "Dr. Maria Gonzalez, Chief Medical Officer of Helix. Helix will host a conference call today.\n\n"
            "Media Contact: Tom Reyes, tom.reyes@helixbio.com")
    found = _found(text)
    assert found.get("Helix Biotherapeutics", ("", 0))[0] == "ORGANIZATION"
    assert found["Helix Biotherapeutics"][1] >= 2
    assert "Helix" not in found and "Media Contact" not in found
    assert not any("HLXB" in name or "Hlxb" in name for name in found)


def test_a_surname_after_a_particle_stays_with_the_given_name() -> None:
    """The model reads "Ursula von der" as a person and "Leyen" as a place."""
    found = _found("Ursula von der Leyen has promised a competitiveness compass within her first 100 days.")
    assert found.get("Ursula von der Leyen", ("", 0))[0] == "PERSON"
    assert "Leyen" not in found and "Ursula" not in found


def test_a_health_report_an_office_domain_is_no_organisation_and_a_university_centre_is_the_university() -> None:
    text = ("Dr. Ana Ruiz, an epidemiologist at Texas Tech University Health Sciences Center, said the outbreak could "
            "last for months. Health Secretary Robert F. Kennedy Jr. wrote in an opinion piece on Sunday.")
    found = _found(text)
    assert "Health" not in found
    assert found.get("Texas Tech University Health Sciences Center", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Robert F. Kennedy Jr.", ("", 0))[0] == "PERSON"


def test_a_tennis_report_names_its_tournament_whole() -> None:
    """ "her second straight Australian Open title": the model saw a people ("Australian") and no tournament."""
    text = ("MELBOURNE, Australia (AP) — Aryna Sabalenka won her second straight Australian Open title on Saturday. "
            "Coco Gauff won the US Open in 2023.")
    found = _found(text)
    assert found.get("Australian Open", ("", 0))[0] == "EVENT"
    assert found.get("US Open", ("", 0))[0] == "EVENT"
    assert "Australian" not in found


def test_a_council_called_by_its_head_word_is_the_one_council_of_the_article() -> None:
    text = ("Council approves plan to rebuild Hallowfield market\n\nHallowfield City Council has approved a £40 "
            "million plan. Council leader Janet Okoro said the building was beyond repair.")
    found = _found(text)
    assert found.get("Hallowfield City Council", ("", 0))[0] == "ORGANIZATION"
    assert found["Hallowfield City Council"][1] >= 2 and "Council" not in found


def test_the_house_is_not_folded_into_the_white_house() -> None:
    text = ("The White House said the president would not testify. He should be impeached by the House, the "
            "speaker said. The House votes on Friday.")
    cands = [cand(text, "White House", "ORGANIZATION"), cand(text, "House", "ORGANIZATION", 1),
             cand(text, "House", "ORGANIZATION", 2)]
    assert len(merge_aliases(cands, text)) == 2


def test_a_war_report_a_short_dateline_town_and_an_institute_named_after_a_war() -> None:
    """ "KYIV" in a dateline is Kyiv (four capitals read as an acronym); the "Institute for the Study of War" is an
    organisation, not an event for its last word."""
    text = ("KYIV, Ukraine (Reuters) - Ukrainian forces repelled a major Russian attack on Tuesday. The Institute for "
            "the Study of War, a Washington-based think tank, said Moscow had committed three battalions.")
    found = _found(text)
    assert found.get("Kyiv", ("", 0))[0] == "PLACE" and "KYIV" not in found
    assert found.get("Institute for the Study of War", ("", 0))[0] == "ORGANIZATION"


def test_a_film_story_a_cinema_chain_and_a_film_of_one_word() -> None:
    text = ("The film took in $92.8 million, according to AMC Theatres, which is distributing it. AMC said it had "
            'sold tickets in 100 countries. Beyoncé\'s own tour film, "Renaissance," opens on Dec. 1.')
    found = _found(text)
    assert found.get("AMC Theatres", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Renaissance", ("", 0))[0] == "OTHER"


def test_a_one_word_title_retypes_its_quoted_mention_only() -> None:
    """The show "Nashville" is a work; the town of the same name, three times, stays a place."""
    text = ("She was on a plane to Nashville. Her dream was to sing at Nashville’s Grand Ole Opry. She bought a house "
            "in Nashville. She had written music for the television show “Nashville,” her co-writer said.")
    assert _found(text).get("Nashville", ("", 0))[0] == "PLACE"


def test_a_proclamation_clause_in_capitals_is_no_dateline() -> None:
    text = ("WHEREAS, the people of the city have suffered; and\n\nWHEREAS, the board has met in Oakland; now\n\n"
            "NOW, THEREFORE, be it resolved that the bridge be named.")
    found = _found(text)
    assert not {"Whereas", "WHEREAS", "Now", "NOW"} & set(found)


def test_a_ruler_named_with_an_epithet_is_one_person() -> None:
    """ "Peter the Great" is one person, with the title the model put before him; the model made "Great" a person
    (then every "Great" after it) and "Catherine" an organisation."""
    text = ("President Vladimir Putin compared himself to Tsar Peter the Great. Peter the Great founded St. Petersburg "
            "in 1703. Historians noted that Catherine the Great later expanded the empire, and that Ivan the Terrible "
            "was crowned in 1547.")
    found = _found(text)
    assert found.get("Peter the Great", ("", 0)) == ("PERSON", 2)
    assert found.get("Catherine the Great", ("", 0))[0] == "PERSON"
    assert found.get("Ivan the Terrible", ("", 0))[0] == "PERSON"
    assert not {"Great", "Catherine", "Tsar Peter"} & set(found)
    saints = _found("John the Baptist preached by the Jordan, and Theodore the Sanctified succeeded Pachomius in 346.")
    assert saints.get("John the Baptist", ("", 0))[0] == "PERSON"
    assert saints.get("Theodore the Sanctified", ("", 0))[0] == "PERSON" and "Sanctified" not in saints


def test_a_person_found_by_the_contexts_of_the_full_name_is_also_found_by_surname() -> None:
    """The model misses "Aner Shalev"; the run of proper nouns is a person by its contexts, and "Shalev" alone, twice,
    is the same person."""
    text = ("Aner Shalev is an Israeli mathematician and writer born in 1958 in Kibbutz Kinneret, Tiberias. Currently "
            "Shalev is a Professor at Hebrew University of Jerusalem's Einstein Institute of Mathematics. At the "
            "moment Shalev is in Levico Terme, Trento, Italy for a conference.")
    assert _found(text).get("Aner Shalev") == ("PERSON", 3)


def test_roads_hotels_and_a_fort_the_model_cut_off_are_places() -> None:
    text = ('See Fort Lee Historic Park, a reconstruction of an encampment. From the West - US-412 East, aka the '
            '"Cimarron Turnpike." Hwy 51 (Broken Arrow Expressway) runs east. There are four hotels in Hadibo: Taj '
            "Socotra Hotel, Hafijj Hotel and Socotra Hotel.")
    found = _found(text)
    for name in ("Fort Lee Historic Park", "Cimarron Turnpike", "Broken Arrow Expressway", "Hafijj Hotel"):
        assert found.get(name, ("", 0))[0] == "PLACE", (name, found.get(name))
    assert "Fort" not in found and "Lee Historic Park" not in found


def test_a_centre_of_two_fields_is_one_organisation_and_a_field_after_a_people_is_a_field() -> None:
    text = ("The diary was published by the Centre for Irish and Scottish Studies in Aberdeen. He taught at the School "
            "of Oriental and African Studies. She is a professor of African American Studies.")
    found = _found(text)
    assert found.get("Centre for Irish and Scottish Studies", ("", 0))[0] == "ORGANIZATION"
    assert found.get("School of Oriental and African Studies", ("", 0))[0] == "ORGANIZATION"
    assert found.get("African American Studies", ("", 0))[0] == "OTHER"
    assert not {"Scottish", "African", "Centre for Irish", "School of Oriental"} & set(found)


def test_scientific_names_in_a_story_of_species_are_taxa_not_people() -> None:
    """The model makes a person of "Atelopus" and an organisation of "Batrachochytrium"; "Ecuador data" and "The
    bacteria" are no scientific names; a hyphenated surname alone is the person named in full."""
    text = ("Researchers said Wednesday they had rediscovered a frog last seen in 1989. The species, Atelopus "
            "ignescens, was declared extinct in 2004. The team, led by herpetologist Andrea Terán-Valdez, found three "
            "adults in Ecuador. \"We cried when we saw them,\" Terán-Valdez said. Chytrid fungus, Batrachochytrium "
            "dendrobatidis, wiped out dozens of Atelopus species. The bacteria spread fast, Ecuador data show.")
    found = _found(text)
    assert found.get("Atelopus ignescens", ("", 0))[0] == "OTHER"
    assert found.get("Batrachochytrium dendrobatidis", ("", 0))[0] == "OTHER"
    assert found.get("Atelopus", ("", 0))[0] == "OTHER"
    assert found.get("Andrea Terán-Valdez") == ("PERSON", 2)
    assert found.get("Ecuador", ("", 0))[0] == "PLACE"


def test_a_storm_the_model_takes_for_a_person_or_misses_is_an_event() -> None:
    text = ("Cyclone Phailin has winds that have been measured at 200 kilometers per hour, officials in India said on "
            "Saturday. Phailin's winds will rapidly weaken as it pushes inland over Odisha. Hurricane Ida hit "
            "Louisiana in 2021, and Ida killed dozens of people in New York, the National Hurricane Center said. "
            "Storm Reid starred in the film.")
    found = _found(text)
    assert found.get("Cyclone Phailin") == ("EVENT", 2)
    assert found.get("Hurricane Ida") == ("EVENT", 2)
    assert found.get("Storm Reid", ("", 0))[0] == "PERSON"
    assert "Hurricane Center" not in found and "Phailin" not in found and "Ida" not in found


def test_a_korean_or_chinese_name_is_named_alone_by_its_first_word() -> None:
    """ "Yoon Suk Yeol" is "Yoon" later (a place to the model), "Xi Jinping" "Xi"; "Jack Kim" is no "Kim"."""
    text = ("South Korea's Yoon survives impeachment vote as ruling party boycotts\n\nSEOUL, Dec 7 (Reuters) - South "
            "Korean President Yoon Suk Yeol survived an impeachment vote in parliament on Saturday after members of "
            "his People Power Party walked out. Han Dong-hoon, the head of the ruling party, said Yoon should step "
            "down early. Chinese leader Xi Jinping said nothing, and Xi left for Moscow.")
    found = _found(text)
    assert found.get("Yoon Suk Yeol") == ("PERSON", 3)
    assert found.get("Xi Jinping", ("", 0))[0] == "PERSON"
    assert "Yoon" not in found and "Xi" not in found


def test_gulf_and_vatican_names_titles_particles_and_a_saints_basilica() -> None:
    """ "Emir Sheikh" (two titles the model took for a person) is no name; "President Ahmed al-Sharaa" and "Abdel
    Fattah el-Sisi" are whole (the model cut them at "al-" and "el-"); "St. Peter's" is the basilica's, not a saint
    as a place; "Brent crude" is a benchmark; the Holy See an organisation."""
    text = ("Saudi Crown Prince Mohammed bin Salman received Qatar's Emir Sheikh Tamim bin Hamad Al Thani in Riyadh on "
            "Wednesday. The two discussed Syria, where interim President Ahmed al-Sharaa took power after the fall of "
            "Bashar al-Assad. Prince Mohammed later spoke with Egyptian President Abdel Fattah el-Sisi. Oil rose 1%, "
            "with Brent crude at $70.95 a barrel. Pope Leo XIV celebrated Mass in St. Peter's Basilica, the Holy See "
            "said, while 10,000 people watched in St. Peter's Square.")
    found = _found(text)
    assert "Emir Sheikh" not in found
    assert found.get("Ahmed al-Sharaa", ("", 0))[0] == "PERSON" and "Ahmed" not in found
    assert found.get("Abdel Fattah el-Sisi", ("", 0))[0] == "PERSON" and "Abdel Fattah" not in found
    assert found.get("St. Peter's Basilica", ("", 0))[0] == "PLACE" and "St. Peter" not in found
    assert found.get("Brent", ("", 0))[0] == "OTHER"
    assert found.get("Holy See", ("", 0))[0] == "ORGANIZATION"


def test_a_surname_means_the_one_person_named_in_full_before_it() -> None:
    """Quincy Jones is named in full first; his daughter Rashida Jones only in the last sentence: every "Jones"
    between is his."""
    text = ("Quincy Jones, the producer who worked with Frank Sinatra and Ray Charles, died on Sunday. Born in "
            "Chicago, Jones grew up in Seattle. Jones produced \"Thriller\" in 1982. He is survived by seven children, "
            "including the actress Rashida Jones.")
    found = _found(text)
    assert found.get("Quincy Jones") == ("PERSON", 3)
    assert found.get("Rashida Jones") == ("PERSON", 1)
    assert "Jones" not in found


def test_an_indian_election_a_parliament_and_a_party_after_its() -> None:
    text = ("NEW DELHI, June 4 2024 (Reuters) - Prime Minister Narendra Modi's Bharatiya Janata Party lost its "
            "majority, results showed on Tuesday. The BJP won 240 of the 543 seats in the Lok Sabha. Its National "
            "Democratic Alliance won 293.")
    found = _found(text)
    assert found.get("Lok Sabha", ("", 0))[0] == "ORGANIZATION"
    assert found.get("National Democratic Alliance", ("", 0))[0] == "ORGANIZATION"
    assert "Its National Democratic Alliance" not in found


def test_a_film_festival_story_its_films_and_their_makers() -> None:
    """ "Anora" quoted after its director's possessive is a film (a person to the model); a quoted title the model
    cut before "in Hollywood" is whole; the makers named before their quoted films are people (places to the
    model); a delegate named after the word is a person."""
    text = ('\'Anora\' wins Palme d\'Or at Cannes\n\nCANNES, France — Sean Baker\'s "Anora," a comedy about a '
            'Brooklyn sex worker, won the Palme d\'Or on Saturday night. The jury also gave the Grand Prix to Payal '
            'Kapadia\'s "All We Imagine as Light." Mikey Madison rose to fame in Quentin Tarantino\'s "Once Upon a '
            'Time in Hollywood." Countries at the COP29 climate summit in Baku agreed early on Sunday to a deal that '
            'India\'s delegate Chandni Raina called "a paltry sum".')
    found = _found(text)
    assert found.get("Anora", ("", 0)) == ("OTHER", 2)
    assert found.get("Once Upon a Time in Hollywood", ("", 0))[0] == "OTHER" and "Hollywood" not in found
    assert found.get("Payal Kapadia", ("", 0))[0] == "PERSON"
    assert found.get("Quentin Tarantino", ("", 0))[0] == "PERSON"
    assert found.get("Chandni Raina", ("", 0))[0] == "PERSON"
    assert found.get("COP29", ("", 0))[0] == "EVENT"


def test_a_motor_racing_report_teams_owning_drivers_and_the_series() -> None:
    """ "McLaren's Lando Norris": a team (a person to the model); "Red Bull's Verstappen", one span to the model,
    is the team and the driver; "Formula One" is whole; "the Dutchman" is a nationality."""
    text = ("Max Verstappen won a rain-soaked Sao Paulo Grand Prix from 17th on the grid on Sunday to take a huge step "
            "towards a fourth successive Formula One title, as McLaren's Lando Norris finished sixth. Red Bull's "
            "Verstappen now leads Norris by 62 points. \"I am speechless,\" said the Dutchman.")
    found = _found(text)
    assert found.get("McLaren", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Red Bull", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Max Verstappen") == ("PERSON", 2)
    assert found.get("Formula One", ("", 0))[0] == "ORGANIZATION" and "Formula" not in found
    assert found.get("Dutchman", ("GROUP", 0))[0] == "GROUP"


def test_a_product_launch_its_quoted_event_and_a_numbered_series() -> None:
    text = ("Apple unveils iPhone 16 with AI features at 'Glowtime' event\n\nCUPERTINO, California, Sept 9 (Reuters) - "
            "Apple on Monday unveiled its iPhone 16 lineup. Apple also showed the Apple Watch Series 10 and new "
            "AirPods 4.")
    found = _found(text)
    assert found.get("Glowtime", ("", 0))[0] == "EVENT"
    assert found.get("Apple Watch Series 10", ("", 0))[0] == "OTHER"


def test_a_society_of_a_country_is_whole_and_two_countries_joined_by_a_hyphen_stay_two() -> None:
    text = ("Amnesty International Kenya and the Law Society of Kenya called for an investigation into the police "
            "shootings in Nairobi. China said the sale violates the three China-U.S. joint communiqués, and Taiwan "
            "thanked Washington.")
    found = _found(text)
    assert found.get("Law Society of Kenya", ("", 0))[0] == "ORGANIZATION"
    assert "China-U" not in found and found.get("China", ("", 0))[0] == "PLACE"


def test_the_fed_is_the_federal_reserve_and_a_disease_is_no_organisation() -> None:
    text = ("The Federal Reserve cut interest rates by half a percentage point on Wednesday, its first reduction since "
            "the early days of the COVID-19 pandemic. Fed Chair Jerome Powell said the Fed would act again. An "
            "outbreak of the clade Ib variant spread to neighbouring countries, the World Health Organization said.")
    found = _found(text)
    assert found.get("Federal Reserve") == ("ORGANIZATION", 3) and "Fed" not in found
    assert found.get("COVID-19", ("", 0))[0] == "OTHER"
    assert "Ib" not in found


def test_a_dateline_with_a_double_hyphen_is_a_place_and_a_cooperation_forum_an_organisation() -> None:
    text = ("LIMA -- Prime Minister Shigeru Ishiba and Chinese President Xi Jinping agreed on Nov. 15 to promote a "
            "relationship, on the sidelines of the Asia-Pacific Economic Cooperation (APEC) summit.")
    found = _found(text)
    assert found.get("Lima", ("", 0))[0] == "PLACE" and "LIMA" not in found
    assert found.get("Asia-Pacific Economic Cooperation", ("", 0))[0] == "ORGANIZATION"


def test_a_live_page_its_time_zones_and_an_armed_group() -> None:
    """ "10:02 a.m. ET —" opening each entry: "ET" is the time zone (a person to the model); Hamas an organisation
    (a place to the model after "Israel-")."""
    text = ("Israel-Hamas ceasefire: live updates\n\n10:02 a.m. ET — The first three hostages to be released have been "
            "named, the office of Prime Minister Benjamin Netanyahu said.\n\n9:15 a.m. ET — The ceasefire took effect "
            "nearly three hours later than planned, after Hamas delayed handing over the names.")
    found = _found(text)
    assert "ET" not in found
    assert found.get("Hamas", ("", 0))[0] == "ORGANIZATION"


def test_an_australian_election_a_surname_in_ese_and_an_electoral_seat() -> None:
    """ "Albanese" alone (a people to the model, for its "-ese") is Anthony Albanese; "Japanese" stays a people; a
    seat is a place; "Chief Constable" is a title."""
    text = ("SYDNEY, May 3 (Reuters) - Australian Prime Minister Anthony Albanese's Labor government won a second term "
            "on Saturday, as opposition leader Peter Dutton lost his own seat of Dickson in Queensland. \"Today, the "
            "Australian people have voted,\" Albanese told supporters in Sydney. Albanese will meet Japanese "
            "officials next week. Chief Constable Kate Meynell apologised.")
    found = _found(text)
    assert found.get("Anthony Albanese", ("", 0))[0] == "PERSON" and "Albanese" not in found
    assert found.get("Japanese", ("", 0))[0] == "GROUP"
    assert found.get("Dickson", ("", 0))[0] == "PLACE"
    assert found.get("Kate Meynell", ("", 0))[0] == "PERSON"


def test_a_given_name_and_a_surname_the_model_cut_in_two_are_one_person() -> None:
    from models.analysis.entity_spans import joined_names

    text = "There is Jeff Drake, who is behind the camera, and Paris Hilton's brand, then Apple Jones."
    cands = [cand(text, "Jeff", "PERSON"), cand(text, "Drake", "PERSON"), cand(text, "Paris", "PLACE"),
             cand(text, "Hilton", "PERSON"), cand(text, "Apple", "ORGANIZATION"), cand(text, "Jones", "PERSON")]
    joined = [(c.text, c.type) for c in joined_names(text, cands)]
    assert ("Jeff Drake", "PERSON") in joined
    assert ("Paris", "PLACE") in joined and ("Hilton", "PERSON") in joined  # a place is no given name here


def test_a_denominations_church_is_a_body_and_a_saints_church_a_building() -> None:
    text = ("He was recognized as a saint by the Catholic Church, the Eastern Orthodox Church, the Lutheran Church, "
            "and the Anglican Communion. They married at St. Mary's Church in Exeter.")
    found = _found(text)
    for name in ("Catholic Church", "Eastern Orthodox Church", "Lutheran Church"):
        assert found.get(name, ("", 0))[0] == "ORGANIZATION", name
    assert found.get("St. Mary's Church", ("", 0))[0] == "PLACE"


def test_a_eu_summit_a_surname_after_two_particles_brexit_and_an_adjective_of_a_people() -> None:
    """ "Ursula" + "von der" + "Leyen" (a place to the model) is one person; "Brexit" is an event (a place to the
    model); "Ukrainian officials", where the article names Ukraine, is a people (a place to the model)."""
    text = ("LONDON (Reuters) - Britain and the European Union agreed on Monday to deepen defence ties, in the biggest "
            "reset of relations since Brexit, as Prime Minister Keir Starmer hosted European Commission President "
            "Ursula von der Leyen at Lancaster House. Russia launched hundreds of drones at Kyiv overnight, killing "
            "at least nine people, Ukrainian officials said. Ukraine's air force counted 367 drones.")
    found = _found(text)
    assert found.get("Ursula von der Leyen", ("", 0))[0] == "PERSON" and "Leyen" not in found
    assert found.get("Brexit", ("", 0))[0] == "EVENT"
    assert found.get("Ukrainian", ("", 0))[0] == "GROUP"
