"""Entities in kinds of writing other than news: a novel's chapter, a how-to guide, a speech, a local report. Each
test is a short text of its kind and what a reader of it expects in the panel."""

from __future__ import annotations

from models.analysis import analyze
from tests.test_entity_stories import _found


def test_a_guide_names_an_island_by_its_short_name_and_companies_by_their_examples() -> None:
    """ "Isle of Skye" then "Skye" alone (a person to the model); "Loch Ness" (an organisation to the model);
    "companies like Arnold Clark and Enterprise" (a person, then nothing to the model); "platforms like Steam"."""
    text = ("With two weeks you can add the Isle of Skye. Companies like Arnold Clark and Enterprise have offices at "
            "Edinburgh Airport. Signal is weak along Loch Ness. Talisker on Skye offers tours. You will not find "
            "it on platforms like PlayStation Network, Xbox Live, and Steam.")
    found = _found(text)
    assert found.get("Skye", ("", 0))[0] == "PLACE"
    assert found.get("Loch Ness", ("", 0))[0] == "PLACE"
    assert found.get("Arnold Clark", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Enterprise", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Steam", ("", 0))[0] == "ORGANIZATION"


def test_a_maker_before_his_work_in_a_list_of_examples_stays_a_person() -> None:
    text = ("He appeared in a string of supporting roles in films like Woody Allen's Match Point (2005) and in "
            "the German-British drama Imagine Me & You.")
    assert _found(text).get("Woody Allen", ("", 0))[0] == "PERSON"


def test_a_chapter_heading_is_no_organisation() -> None:
    text = ("Chapter IV\n\nIt was late in October when Mr. Hartley returned to Ashcombe. \"You are very late, sir,\" "
            "said Jenkins. Part 2 of the story begins here.")
    found = _found(text)
    assert "Chapter IV" not in found and "Part 2" not in found
    assert found.get("Hartley", ("", 0))[0] == "PERSON"


def test_a_village_and_its_residents_make_a_place() -> None:
    """ "the village of Sipson", "Sipson resident Linda McCutcheon": an organisation to the model."""
    text = ("Thousands of people marched through the village of Sipson on Saturday to protest against a third "
            "runway at Heathrow Airport. Sipson resident Linda McCutcheon, 58, said her family had lived there for "
            "four generations.")
    found = _found(text)
    assert found.get("Sipson") == ("PLACE", 2)
    assert found.get("Linda McCutcheon", ("", 0))[0] == "PERSON"


def test_cities_of_the_world_are_places_whatever_the_model_says() -> None:
    """A novel's "coach from Bristol" (an organisation to the model) and a travel video's "we are in Porto" (a
    person to it)."""
    found = _found("The coach from Bristol had been delayed by rain, and Mr. Hartley was late for dinner.")
    assert found.get("Bristol", ("", 0))[0] == "PLACE"
    found = _found("Hi everyone, welcome back to the channel! Today we are in Porto, up in the north of Portugal. "
                   "Okay, that's it for Porto.")
    assert found.get("Porto", ("", 0))[0] == "PLACE"


def test_a_city_that_begins_a_schools_name_is_left_to_the_school() -> None:
    text = ("Byron was educated at Harrow School from 1801 to 1805. At Harrow he fell in love with Mary Chaworth. "
            "He later said that Harrow had been the happiest time of his life.")
    found = _found(text)
    assert found.get("Harrow", ("", 0))[0] != "PLACE"


_FORUM_POST = (
    "Got an offer from Ubisoft in Montreal but I'm at a tiny studio in Dundee. Worth the move?\n"
    "so i've been a junior programmer at a small studio in dundee for about two years. last week ubisoft came "
    "back with an offer for their montreal studio. everyone keeps telling me rent in montreal has gone crazy. "
    "anyone made a similar jump from the uk to canada? is the ubisoft name on the CV worth it? i'm not sure. "
    "my partner says an apple a day keeps the doctor away. she would have to requalify too."
)


def test_a_forum_post_in_lower_case_names_its_places_and_companies_in_lower_case_too() -> None:
    """A post that writes "dundee", "montreal", "ubisoft", "canada", "uk" in lower case: each is a mention of the
    name (before, a capitalised name also written in lower case was dropped as a common word), and a lower-case
    country is a place, shown by its name ("Canada", "United Kingdom")."""
    entities = {e.name: e for e in analyze(_FORUM_POST).entities}
    assert len(entities["Dundee"].mentions) == 2 and entities["Dundee"].type == "PLACE"
    assert len(entities["Montreal"].mentions) == 3
    assert len(entities["Ubisoft"].mentions) == 3
    assert entities["Canada"].type == "PLACE" and entities["United Kingdom"].type == "PLACE"
    assert "Apple" not in entities and "apple" not in entities  # "an apple": a word of the language


def test_only_a_text_written_in_lower_case_by_habit_is_read_so() -> None:
    from models.analysis.casual import casual_case

    assert casual_case(_FORUM_POST)
    news = ("Apple Inc. announced Monday it has settled the dispute. The U.S. music seller said it would pay. "
            "Apple Inc. will own all Apple trademarks. The deal was signed in London. Shares rose 2%. Analysts "
            "said the settlement was expected. A spokesman declined to comment.")
    assert not casual_case(news)


def test_a_letter_names_its_lords_its_cities_its_god_and_its_feast_days() -> None:
    """A letter of 1854: "Lord Lucan" (a people to the model) is a person; "by way of Constantinople, Marseilles"
    (one organisation to the model) is two cities; "God keep you" a person the model missed; "since Michaelmas" (a
    person to the model) a feast day; the postscript's "P.S." no place; "CHAPTER IX" no organisation."""
    text = ("CHAPTER IX. A Letter from Portsmouth\n\nMy dear Edward, your letter came on Thursday, having come, it "
            "seems, by way of Constantinople, Marseilles and every post office in France. Is it true that Lord "
            "Raglan and Lord Lucan are no longer on speaking terms? Mr. Pell has called every Sunday since "
            "Michaelmas. God keep you safe, my dearest brother.\nYour ever affectionate sister,\nHarriet\nP.S. "
            "Tom Fletcher's mother begs to know whether you got the parcel. Shares of General Motors fell, and King "
            "County voted.")
    found = _found(text)
    assert found.get("Lucan", ("", 0))[0] == "PERSON"
    assert found.get("Constantinople") == ("PLACE", 1) and found.get("Marseilles") == ("PLACE", 1)
    assert found.get("God", ("", 0))[0] == "PERSON"
    assert found.get("Michaelmas", ("", 0))[0] == "EVENT"
    assert "P.S." not in found and "CHAPTER IX" not in found
    assert found.get("King County", ("", 0))[0] == "PLACE" and "County" not in found
    assert found.get("General Motors", ("", 0))[0] == "ORGANIZATION"


def test_a_story_names_people_by_their_given_names_and_a_firm_by_what_it_was_called() -> None:
    """ "Marta, who'd interviewed me" and "Charlotte writes" (places to the model) are people; "The company was
    called Maré Systems" (a person to the model) is a firm."""
    text = ("The company was called Maré Systems, with an office in an old warehouse in Alcântara. Marta, who'd "
            "interviewed me over a video call, showed me round. Later Charlotte writes that he is very "
            "good-natured.")
    found = _found(text)
    assert found.get("Maré Systems", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Marta", ("", 0))[0] == "PERSON"
    assert found.get("Charlotte", ("", 0))[0] == "PERSON"


def test_an_essays_peoples_are_peoples() -> None:
    """ "sacked by the Visigoths" (a place to the model), "before the Goths arrived" (an organisation)."""
    text = ("Rome was sacked by the Visigoths in 410, and the western empire had been hollowed out long before the "
            "Goths arrived.")
    found = _found(text)
    assert found.get("Visigoths", ("", 0))[0] == "GROUP" and found.get("Goths", ("", 0))[0] == "GROUP"


def test_a_buying_guide_names_the_makers_and_shops_it_buys_from() -> None:
    """ "chairs made by Herman Miller and Steelcase" (people to the model), "Headsets from Jabra" and "a monitor arm
    from Ergotron" (places), "the Ookla website" (a person), "Wayfair and Amazon both deliver" (a person); and the
    regions named by their lands ("the Highlands", an organisation to the model)."""
    text = ("If you live far from a store, Wayfair and Amazon both deliver within days. Secondhand chairs made by "
            "Herman Miller and Steelcase appear regularly online. A monitor arm from Ergotron or a cheap riser from "
            "Target works. Run a free speed test on the Ookla website. Headsets from Jabra are used in call centres. "
            "From the castles of the Lowlands to the lochs of the Highlands, the roads are narrow.")
    found = _found(text)
    for name in ("Wayfair", "Herman Miller", "Steelcase", "Ergotron", "Ookla", "Jabra"):
        assert found.get(name, ("", 0))[0] == "ORGANIZATION", name
    assert found.get("Highlands", ("", 0))[0] == "PLACE" and found.get("Lowlands", ("", 0))[0] == "PLACE"


def test_a_state_company_described_as_such_is_no_place() -> None:
    """ "Codelco, the state copper miner" (a place to the model): "state" modifies "miner"; "Addison, a village
    southwest of Ithaca" stays a place."""
    text = ("Under the strategy, Codelco, the state copper miner, will take a majority stake. Patrick Carlineo, 55, "
            "of Addison, a village southwest of Ithaca, pleaded guilty.")
    found = _found(text)
    assert found.get("Codelco", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Addison", ("", 0))[0] == "PLACE"


def test_a_history_textbook_names_its_battles_treaties_emperors_and_empires() -> None:
    """ "the Battle of Plassey" (an organisation to the model) is an event, "the Treaty of Allahabad" and "the
    Scottish Outdoor Access Code" are laws, not organisations; "Emperor Aurangzeb" (an organisation) a person; "the
    Mughal Empire" (an organisation) and "the East Indies" places; a place named inside a law is a mention of it."""
    text = ("English merchants hoped to trade with the East Indies. After the death of Emperor Aurangzeb in 1707, the "
            "Mughal Empire weakened. At the Battle of Plassey, a company force under Robert Clive won. Under the "
            "Treaty of Allahabad in 1765, the company took Bengal. Respect the Scottish Outdoor Access Code. Hong "
            "Kong protested, and the Hong Kong Human Rights and Democracy Act passed.")
    entities = {e.name: e for e in analyze(text).entities}
    assert entities["Battle of Plassey"].type == "EVENT"
    assert entities["Treaty of Allahabad"].type == "OTHER"
    assert entities["Scottish Outdoor Access Code"].type == "OTHER"
    assert entities["Aurangzeb"].type == "PERSON"
    assert entities["Mughal Empire"].type == "PLACE" and entities["East Indies"].type == "PLACE"
    assert entities["Hong Kong Human Rights and Democracy Act"].type == "OTHER"
    assert len(entities["Hong Kong"].mentions) == 2


def test_a_travel_video_names_its_hosts_sponsor_and_the_places_it_walks_through() -> None:
    """ "I'm Marcus" (a place to the model), "today's sponsor, Airalo" (a person), "this little place called
    Lareira" and "down through Ribeira" (people); and a company "which is based in Vancouver", "Shares in" it."""
    text = ("Hi everyone, welcome back to the channel! I'm Jess. And I'm Marcus. A quick word from today's sponsor, "
            "Airalo. We're going down through Ribeira first. I had the best meal of my life at this little place "
            "called Lareira. Andes Lithium is a joint venture between Norte Minerals, which is based in Vancouver, "
            "and a Chilean firm. Shares in Norte Minerals fell 9.4%.")
    found = _found(text)
    assert found.get("Marcus", ("", 0))[0] == "PERSON"
    assert found.get("Airalo", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Lareira", ("", 0))[0] == "PLACE"
    assert found.get("Norte Minerals", ("", 0))[0] == "ORGANIZATION"


def test_a_given_name_that_is_also_a_word_for_a_place_begins_a_persons_name() -> None:
    """ "Isla" is an island in Spanish and a given name: "Isla Brennan" stays a person (the Spanish and Portuguese
    first words of places leave out those that are given names)."""
    text = ("Scottish singer and songwriter Isla Brennan released her third album on Friday.\nIsla Brennan: I think "
            "you have to go back. Brine from the Salar de Atacama would deplete the water.")
    found = _found(text)
    assert found.get("Isla Brennan", ("", 0))[0] == "PERSON"
    assert found.get("Salar de Atacama", ("", 0))[0] == "PLACE"


_PODCAST = (
    "Past Imperfect, Episode 47: The Fall of Constantinople\n"
    "MAYA: Hello and welcome back to Past Imperfect. I'm Maya Lindqvist.\n"
    "DEV: And I'm Dev Okafor. And today, Maya, we are finally doing the one everyone asks for.\n"
    "MAYA: The emperor at the time is Constantine XI Palaiologos.\n"
    "DEV: Exactly. The Hungarian engineer Orban had offered his services to Constantine first.\n"
    "MAYA: But Constantine couldn't afford him.\n"
    "DEV: Couldn't afford him! So Orban went to Mehmed II instead."
)


def test_a_transcript_names_its_speakers_by_the_labels_of_their_lines() -> None:
    """ "MAYA:" and "DEV:" (places to the model) are the hosts, and so is "today, Maya, we are"; an emperor named
    in full then by his first name is one person ("Constantine", an organisation to the model, and a city)."""
    entities = {e.name: e for e in analyze(_PODCAST).entities}
    assert entities["Maya Lindqvist"].type == "PERSON" and len(entities["Maya Lindqvist"].mentions) == 5
    assert entities["Dev Okafor"].type == "PERSON" and len(entities["Dev Okafor"].mentions) == 4
    assert len(entities["Constantine XI Palaiologos"].mentions) == 3 and "Constantine" not in entities
    assert entities["Fall of Constantinople"].type == "EVENT"


def test_a_court_transcript_names_its_justices_and_counsel() -> None:
    text = ("CHIEF JUSTICE HALVORSEN: Good morning. The next case is Voss v. Department of Ecology.\n"
            "MS. ADEYEMI: Thank you, Chief Justice. Nkechi Adeyemi for the appellants.\n"
            "JUSTICE MORENO: Counsel, before you get to that, what did the board find?\n"
            "MS. ADEYEMI: It found no measurable effect.\n"
            "JUSTICE MORENO: But the board did not say so.\n"
            "CHIEF JUSTICE HALVORSEN: Thank you, counsel.")
    entities = {e.name: e for e in analyze(text).entities}
    assert entities["Halvorsen"].type == "PERSON" and len(entities["Halvorsen"].mentions) == 2
    assert entities["Moreno"].type == "PERSON"
    assert entities["Nkechi Adeyemi"].type == "PERSON" and len(entities["Nkechi Adeyemi"].mentions) == 3


def test_labels_that_are_no_speakers_stay_what_they_are() -> None:
    """A recipe's field ("Portion Fix Containers: 1 Green") and a game's title ("Star Wars Jedi: Fallen Order"),
    each at the start of two lines, are no people."""
    text = ("Meal 1\nPortion Fix Containers: 1 Green, 1 Red, 1 Yellow.\nMeal 2\nPortion Fix Containers: 1 Purple.\n"
            "Star Wars Jedi: Fallen Order review\nStar Wars Jedi: Fallen Order finds a reason for its parts.")
    found = _found(text)
    assert found.get("Portion Fix Containers", ("", 0))[0] != "PERSON"


def test_a_city_guide_names_its_river_stations_airlines_and_websites() -> None:
    """ "the Leie flows into the Scheldt" (a person to the model), "Kyoto Station" (an organisation), "Wizz Air" (a
    person), "Booking.com" (a place), "E. MacLeod" (an organisation), "the Middle Ages" (a place), "the Consumer
    Rights Act 2015" (a person)."""
    text = ("Ghent grew up where the Leie flows into the Scheldt. Take the train to Kyoto Station. Budget flights with "
            "Ryanair and Wizz Air use Charleroi Airport. Compare prices on Hostelworld and Booking.com before you "
            "commit. The grant went to E. MacLeod in 2021. In the Middle Ages it was one of the largest cities in "
            "Europe. Under the Consumer Rights Act 2015, goods must be of satisfactory quality.")
    found = _found(text)
    assert found.get("Leie", ("", 0))[0] == "PLACE"
    assert found.get("Kyoto Station", ("", 0))[0] == "PLACE"
    assert found.get("Wizz Air", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Booking.com", ("", 0))[0] == "ORGANIZATION"
    assert found.get("E. MacLeod", ("", 0))[0] == "PERSON"
    assert found.get("Middle Ages", ("", 0))[0] == "EVENT"
    assert found.get("Consumer Rights Act", ("", 0))[0] not in ("PERSON", "ORGANIZATION", "PLACE")


def test_a_biography_names_the_towns_of_a_line_its_authors_and_its_waters() -> None:
    """ "the section between Saltash and Truro" (organisations to the model); authors with their affiliations'
    numbers ("Eilidh MacLeod (1)", an organisation); "the shore of the Bosphorus" (a team, for its "-s", to the
    rules); "Temple of Justice" (an organisation); "LLC" alone no name."""
    text = ("He was put in charge of the section between Saltash and Truro. Eilidh MacLeod (1), Tomasz Wisniewski "
            "(2) and Fiona Duthie (1) wrote the paper. In 1452 he builds a fortress on the European shore of the "
            "Bosphorus. HARLAN VOSS and VOSS GRAVEL & AGGREGATE, LLC, Appellants, argued at the Temple of Justice in "
            "Olympia.")
    found = _found(text)
    assert found.get("Saltash", ("", 0))[0] == "PLACE" and found.get("Truro", ("", 0))[0] == "PLACE"
    assert found.get("Eilidh MacLeod", ("", 0))[0] == "PERSON"
    assert found.get("Bosphorus", ("", 0))[0] == "PLACE"
    assert found.get("Temple of Justice", ("", 0))[0] == "PLACE"
    assert "LLC" not in found


def test_a_company_named_after_its_first_word_and_a_word_of_its_trade_is_no_product() -> None:
    """ "Apple Computer" and "Apple Corps" beside "Apple" (products of Apple to the rules), "Cisco sues Apple" (a
    place to the model)."""
    text = ("Apple Computer today launched a 3G version of its iPhone. The Beatles' Apple Corps has filed a lawsuit "
            "against Apple Computer in a London court. Cisco sues Apple for the iPhone trademark.")
    found = _found(text)
    assert found.get("Apple Computer", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Apple Corps", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Cisco", ("", 0))[0] == "ORGANIZATION"


def test_what_a_body_or_a_place_is_in_is_a_place() -> None:
    """ "the Cavern Club in Kirkdale" where the model calls Kirkdale an organisation; not a person ("a role in
    Brown")."""
    from models.analysis.entity_cues import retype
    from tests.test_entity_cues import cand

    text = "They played the Cavern Club in Kirkdale, and Tom had a role in Brown's film."
    cands = [cand(text, "Cavern Club", "ORGANIZATION"), cand(text, "Kirkdale", "ORGANIZATION"),
             cand(text, "Tom", "PERSON"), cand(text, "Brown", "PERSON")]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION", "PLACE", "PERSON", "PERSON"]


def test_a_capital_or_a_city_the_model_missed_is_found() -> None:
    """ "Dublin first, at Vicar Street" (nothing to the model); not inside a longer name ("Dublin Airport"), not a
    title in quotation marks (“Fargo,”), not a kind of thing named after a town ("1 Fresno chile")."""
    text = ("Marta Lindqvist: Where does the tour take you?\nIsla Brennan: Dublin first, at Vicar Street. Then home. "
            "He phoned in from the Chicago set of “Fargo,” last week. Add 1 Fresno chile and stir.")
    found = _found(text)
    assert found.get("Dublin", ("", 0))[0] == "PLACE"
    assert "Fargo" not in found and "Fresno" not in found


def test_a_festival_report_names_its_awards_films_squares_and_bodies() -> None:
    """ "the Golden Bear" (an organisation to the model) is an award; '"The Quiet Harbour" by Lars Halvorsen' (a
    place, for its "Harbour") a film; "Alexanderplatz" (an organisation) a square; "the Intergovernmental Panel on
    Climate Change, the United Nations body" stays an organisation ("Nations" no noun of its kind); "Greenpeace" (a
    person) an organisation; "the Sahel" (a person) a place."""
    text = ("Camila Rojas won the Golden Bear for best film. The Grand Jury Prize went to \"The Quiet Harbour\" by "
            "Lars Halvorsen of Norway. Around 200 people demonstrated on Alexanderplatz. The Intergovernmental Panel "
            "on Climate Change, the United Nations body for assessing the science, said on Monday that farmers in "
            "the Sahel are already suffering. Greenpeace called the report a final warning.")
    found = _found(text)
    assert found.get("Golden Bear", ("", 0))[0] == "OTHER"
    assert found.get("Quiet Harbour", ("", 0))[0] == "OTHER"
    assert found.get("Alexanderplatz", ("", 0))[0] == "PLACE"
    assert found.get("Intergovernmental Panel on Climate Change", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Greenpeace", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Sahel", ("", 0))[0] == "PLACE"


def test_acronyms_the_text_defines_are_names_the_model_missed() -> None:
    """ "RATP, which runs public transport", "SENAMHI, the national weather service" and "the University of British
    Columbia (UBC)" then "the UBC" (nothing to the model); not a notion defined in lower case ("sea surface salinity
    (SSS)"), nor a proclamation's "WHEREAS,"."""
    text = ("Commuters faced delays as workers at SNCF, the national rail operator, and RATP, which runs public "
            "transport in Paris, walked out. The University of British Columbia (UBC) has suspended a researcher. The "
            "UBC said it would review the case. Data from SENAMHI, the national weather service, showed storms. "
            "Satellites measure sea surface salinity (SSS) daily; SSS varies. WHEREAS, a body of men met.")
    entities = {e.name: e for e in analyze(text).entities}
    assert entities["RATP"].type == "ORGANIZATION" and entities["SENAMHI"].type == "ORGANIZATION"
    assert len(entities["University of British Columbia"].mentions) == 3
    assert "SSS" not in entities and "WHEREAS" not in entities


def test_newspapers_by_their_last_word_and_a_range_the_model_missed() -> None:
    """ "the Kent Herald" (a person to the model) is a newspaper; "the Andes" (nothing to the model) a place."""
    text = ("The first reports appeared in the Western Gazette on Thursday, and the Kent Herald followed. Twice before "
            "the war he had crossed the Andes.")
    found = _found(text)
    assert found.get("Kent Herald", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Andes", ("", 0))[0] == "PLACE"


def test_the_sides_of_a_result_are_teams_and_players_stay_people() -> None:
    """ "India beat England by 203 runs", "victory over England at Headingley" (places to the model) and "Hibernian
    lost to Hearts 2-1" (a people) are sides; "Taylor Fritz beat … 6-3" stays a person; "Russia invaded Ukraine"
    places."""
    text = ("India beat England by 203 runs at Headingley\nIndia kept the five-match Test series alive with a "
            "convincing 203-run victory over England at Headingley in Leeds today. Hibernian lost to Hearts 2-1. "
            "Taylor Fritz beat Reilly Opelka 6-3, 6-4. Russia invaded Ukraine in 2022.")
    found = _found(text)
    assert found.get("India", ("", 0))[0] == "ORGANIZATION" and found.get("England", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Hibernian", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Taylor Fritz", ("", 0))[0] == "PERSON"
    assert found.get("Russia", ("", 0))[0] == "PLACE" and found.get("Ukraine", ("", 0))[0] == "PLACE"


def test_a_persons_name_in_a_forum_post_is_not_every_word_it_spells() -> None:
    """ "Will" and "Mark" named in a lower-case post: "i will", "i mark my calendar" are no mentions of them."""
    text = ("so i've been talking to Will about the move. i will probably go next month. i'm not sure though. my "
            "friend Mark says the rent in montreal is fine. i mark my calendar anyway. got an offer from Ubisoft and "
            "ubisoft seems ok.")
    entities = {e.name: e for e in analyze(text).entities}
    assert all(m.text[:1].isupper() for name in ("Will", "Mark") if name in entities for m in entities[name].mentions)
    assert len(entities["Ubisoft"].mentions) == 2 and entities["Montreal"].type == "PLACE"


def test_an_island_group_called_by_its_plural_is_the_islands_and_its_airline_a_company() -> None:
    """ "the Chathams" of the "Chatham Islands" (an organisation to the model, then read as short for the airline
    "Air Chathams"); "the Shetlands" of the "Shetland Islands"."""
    text = ("The Chatham Islands lie 800 km east of New Zealand.\nThe only way for visitors to travel to the Chathams "
            "is by air. Air Chathams fly 5 days per week. The plane is based in the Chathams and flies back to the "
            "Chathams in the afternoon.\nThe Shetlands are windy; the Shetland Islands have many sheep.")
    found = _found(text)
    assert found.get("Chatham Islands") == ("PLACE", 5)  # the islands' name inside the airline's counts too
    assert found.get("Air Chathams") == ("ORGANIZATION", 1)
    assert found.get("Shetland Islands") == ("PLACE", 2)


def test_the_last_word_of_a_title_is_no_organisation_but_a_body_named_in_one_is() -> None:
    """ "Game of Thrones", "Pride and Prejudice": the model makes organisations of "Thrones" and "Prejudice"."""
    text = ("It is no exaggeration to say that HBO's Game of Thrones is more than a television series. While Pride "
            "and Prejudice will attract many readers, few know the others. He spoke to a Joint Session of Congress "
            "and the Members of Congress stood. Shares of Marks and Spencer fell.")
    found = _found(text)
    assert "Thrones" not in found and "Prejudice" not in found
    assert found.get("HBO", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Congress") == ("ORGANIZATION", 2)


def test_the_journal_a_study_is_published_in_is_an_organisation_and_a_city_stays_a_place() -> None:
    """ "published on Wednesday in Nature" (a place to the model); "published in London" is where."""
    text = ("The findings were published on Wednesday in Nature. Writing in The Lancet, doctors said the drug works. "
            "The paper appeared in the journal Cell last week. The book was published in London. In 2005, he "
            "appeared in Cry Wolf, a horror film.")
    found = _found(text)
    assert found.get("Nature", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Lancet", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Cell", ("", 0))[0] == "ORGANIZATION"
    assert found.get("London", ("", 0))[0] == "PLACE"
    assert found.get("Cry Wolf", ("", 0))[0] != "ORGANIZATION"  # a film one appears in is no journal


SPORTS_REPORT = (
    "Hibernian beat Hearts in Edinburgh derby\nMonday, February 27, 2023\nHibernian defeated city rivals Heart of "
    "Midlothian 2–1 at Easter Road on Sunday, moving closer in the league. The striker Callum Rennie scored twice "
    "past the goalkeeper, and Winger Ryan Mackie made both goals. The result leaves Hearts third, with Hibernian "
    "fourth. Hibernian travel to Dundee to face Dundee United, while Hearts host Livingston at Tynecastle Park. "
    "Leaders Celtic won 3–0 against Kilmarnock at Celtic Park. In the cricket, England still lead the series 2-1 "
    "after India collapsed at Headingley.")


def test_in_a_sports_report_the_towns_and_countries_that_play_are_teams() -> None:
    """The model calls "Hibernian" a people, "Livingston" a person and "England" and "India" places."""
    found = _found(SPORTS_REPORT)
    for team in ("Hibernian", "Hearts", "Livingston", "England", "India"):
        assert found.get(team, ("", 0))[0] == "ORGANIZATION", team
    assert found.get("Ryan Mackie", ("", 0))[0] == "PERSON"  # "Winger" is his position, not his name
    assert found.get("Edinburgh", ("", 0))[0] == "PLACE"
    assert "Midlothian 2–1" not in found and "Kilmarnock at Celtic Park" not in found  # a score, and two names
    assert found.get("Kilmarnock", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Dundee", ("", 0))[0] == "PLACE"  # where the side travels, not short for "Dundee United"
    assert found.get("Dundee United", ("", 0))[0] == "ORGANIZATION"


def test_outside_a_sports_report_a_country_that_faces_or_hosts_stays_a_place() -> None:
    text = ("China faced criticism at the summit on Monday. Germany hosts the next round of talks, and France "
            "still leads the push for a ceasefire, officials said.")
    found = _found(text)
    for country in ("China", "Germany", "France"):
        assert found.get(country, ("", 0))[0] == "PLACE", country


def test_a_first_name_alone_in_a_quote_is_the_person_named_in_full_but_a_state_stays_a_place() -> None:
    """ "Callum" (an organisation to the model) of "Callum Rennie"; "Virginia" of "Virginia Democrats" is the state."""
    text = ("The winner came from striker Callum Rennie. \"Callum has been working so hard in training, and he "
            "deserved his goals,\" said head coach Alan McBride.\nVirginia Democrats won a majority in Richmond. "
            "Voters in Virginia turned out in numbers.")
    found = _found(text)
    assert found.get("Callum Rennie") == ("PERSON", 2)
    assert "Callum" not in found
    assert found.get("Virginia", ("", 0))[0] == "PLACE"


def test_where_people_live_and_what_a_ground_is_in_are_places() -> None:
    """ "Fans in Leith" (an organisation to the model), "Tynecastle Park in Gorgie" (a person to it); not a case
    named after a party in a court ("the Court of Appeals in Brown against the United States")."""
    text = ("Hearts host Livingston at Tynecastle Park in Gorgie on Saturday. Fans in Leith will already be looking "
            "ahead to the next derby.\nI believe that the law in the United States Court of Appeals in Brown against "
            "the United States is clear.")
    found = _found(text)
    assert found.get("Gorgie", ("", 0))[0] == "PLACE"
    assert found.get("Leith", ("", 0))[0] == "PLACE"
    assert found.get("Brown", ("", 0))[0] != "PLACE"


def test_roads_named_by_their_numbers_are_places_in_a_guide() -> None:
    """A city guide's "take the M1 northbound to junction 32" and "the A1 and the A19 link York" (a product or an
    organisation to the model, or nothing); "the upper reaches of the M1" is the same motorway; "US 169" is no
    country; "River Ouse" (an organisation to the model) is the river."""
    text = ("The Romans founded the fortress city on the River Ouse in the year 71. From the south, take the M1 "
            "northbound to junction 32. The upper reaches of the M1 around Leeds get congested. From the north the "
            "A1 and the A19 link York with Tyneside. Get around the metro area on I-244, I-44, US 169 and Hwy 51.")
    found = _found(text)
    for road in ("M1", "A1", "A19", "I-244", "I-44", "US 169", "Hwy 51"):
        assert found.get(road, ("", 0))[0] == "PLACE", road
    assert found["M1"][1] == 2
    assert "US" not in found
    assert found.get("River Ouse", ("", 0))[0] == "PLACE"


def test_a_code_beside_a_thing_or_its_maker_is_no_road() -> None:
    """A chip, a vitamin, a car's model in sentences about driving, and two aircraft side by side: none of them a
    road."""
    text = ("Drivers on the motorway swear by vitamin B12. The M1 chip in the dashboard shows each junction. "
            "He drove his Audi A4 down the motorway. Emirates ordered the A350 and the A380 for its fleet.")
    found = _found(text)
    for thing in ("B12", "M1", "A4", "A350", "A380"):
        assert found.get(thing, ("", 0))[0] != "PLACE", thing


def test_a_name_joined_by_a_particle_is_one_name() -> None:
    """"Escola do Cérebro" and "Miyako no Hana": two organisations to the model, one name each."""
    text = ("The intervention used the Escola do Cérebro, a platform of digital games. Her story was published in "
            "the prestigious journal Miyako no Hana in 1892.")
    found = _found(text)
    assert found.get("Escola do Cérebro", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Miyako no Hana", ("", 0))[0] == "ORGANIZATION"
    assert "Escola" not in found and "Hana" not in found


def test_a_country_or_city_inside_an_organisations_name_is_a_mention_of_the_place() -> None:
    """ "Police Scotland said", "on the Toronto Stock Exchange": the place is named, inside the name, even where the
    article never names it alone; not inside a newspaper's title, nor in the middle of another name."""
    from models.analysis.aliases import Candidate
    from models.analysis.nested_places import places_inside_names

    text = ("Police Scotland said three men had been arrested. Shares fell 9% on the Toronto Stock Exchange, "
            "The New York Times reported, and Sierra Nevada Corporation said nothing.")

    def org(name: str) -> Candidate:
        at = text.index(name)
        return Candidate(at, at + len(name), name, "ORGANIZATION")

    inside = places_inside_names([org("Police Scotland"), org("Toronto Stock Exchange"), org("The New York Times"),
                                  org("Sierra Nevada Corporation")])
    assert sorted((c.text, text[c.start : c.end]) for c in inside) == [("Scotland", "Scotland"),
                                                                        ("Toronto", "Toronto")]
    found = _found(text)
    assert found.get("Scotland", ("", 0))[0] == "PLACE"


def test_a_name_that_begins_its_clause_with_a_plural_verb_is_a_band_or_a_club() -> None:
    """A conversation's "Elbow are brilliant live" and "Everton are at home" (people to the model): a band, a club;
    the end of a longer subject ("the allegations against Vice President Biden are") stays a person."""
    text = ("PRIYA: She saw Elbow at Band on the Wall last month. TOM: Fair play to her. Elbow are brilliant live, "
            "though. TOM: No promises. Everton are at home. The allegations against Vice President Biden are false.")
    found = _found(text)
    assert found.get("Elbow", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Everton", ("", 0))[0] == "ORGANIZATION"
    assert found.get("Biden", ("", 0))[0] == "PERSON"


def test_a_city_of_the_world_the_model_left_unlabelled_is_a_place() -> None:
    """A history textbook's "having taken Constantinople" (nothing to the model), but not a series written in
    quotation marks (“Fargo”)."""
    text = ("The Ottomans, having taken Constantinople under Mehmed II in 1453, styled their sultans emperors. "
            "Buckley, who phoned in from the Chicago set of “Fargo,” had a similar experience.")
    found = _found(text)
    assert found.get("Constantinople", ("", 0))[0] == "PLACE"
    assert found.get("Fargo", ("", 0))[0] != "PLACE"


def test_a_club_the_model_takes_for_a_person_lends_no_name_to_the_other_side_of_a_result() -> None:
    """"Manchester United" is a person to the model; its words are no person's, so "Manchester City", beaten 2-1, is
    still a side (it was a place: a name sharing a word with a person is left out of the result rule)."""
    found = _found("Liverpool beat Manchester City 2-1 at Anfield. Shares of Manchester United rose 3% on Monday.")
    assert found["Manchester City"][0] == "ORGANIZATION"
    assert found["Manchester United"][0] == "ORGANIZATION"


def test_two_names_the_model_left_unlabelled_that_speak_are_a_person() -> None:
    found = _found("Arsenal lost again. Mikel Arteta said nothing after the game, and the fans went home.")
    assert found["Mikel Arteta"] == ("PERSON", 1)
    # a body's name that speaks stays what it is
    assert _found("Hyde Park said nothing.").get("Hyde Park", ("PLACE", 1))[0] != "PERSON"


def test_a_team_of_several_words_before_a_players_position_and_a_stadium_named_in_spanish() -> None:
    found = _found("Her boyfriend, Kansas City Chiefs tight end Travis Kelce, watched the show at the Estadio "
                   "Monumental. Star Wars fans were there too.")
    assert found["Kansas City Chiefs"][0] == "ORGANIZATION"  # a person to the model
    assert found["Kansas City"] == ("PLACE", 1) and "Kansas" not in found  # the longest place inside the name
    assert found["Travis Kelce"][0] == "PERSON"
    assert found["Estadio Monumental"][0] == "PLACE"
    assert found.get("Star Wars", ("OTHER", 1))[0] != "ORGANIZATION"  # a franchise has fans too


def test_a_name_right_after_a_works_noun_is_the_works_title() -> None:
    found = _found("She published her first novel, The Quiet Field, in 1962. We saw the musical Hamilton in London, "
                   "and his 1937 painting Guernica hangs in Madrid. Book London flights now. The film's star Margot "
                   "Robbie arrived.")
    assert found["Quiet Field"][0] == "OTHER" and found["Hamilton"][0] == "OTHER" and found["Guernica"][0] == "OTHER"
    # a verb and a possessive are no work's noun
    assert found["London"] == ("PLACE", 2) and found["Margot Robbie"][0] == "PERSON"


def test_a_side_named_before_its_manager_or_captain_in_a_sports_report_is_the_team() -> None:
    """"Manchester City" is a place to the model and "England" a country; before their manager or captain named in
    full, in a match report, they are the teams. Outside sport a country before its "president" stays a country."""
    found = _found("Manchester City manager Pep Guardiola said his side must improve after the 2-1 derby defeat. "
                   "Guardiola has won six league titles. England captain Harry Kane scored a penalty in stoppage time.")
    assert found["Manchester City"][0] == "ORGANIZATION" and found["England"][0] == "ORGANIZATION"
    assert found["Pep Guardiola"] == ("PERSON", 2) and found["Harry Kane"][0] == "PERSON"
    found = _found("France president Emmanuel Macron met the press in Paris on Monday.")
    assert found["France"][0] == "PLACE"


def test_a_hill_is_a_place_and_a_person_called_hill_is_not() -> None:
    found = _found("Lawmakers on Capitol Hill rejected the plan on Tuesday. Fiona Hill testified for three hours.")
    assert found["Capitol Hill"][0] == "PLACE"  # an organisation to the model
    assert found["Fiona Hill"][0] == "PERSON"


def test_a_side_of_a_result_the_model_left_out_is_a_team_and_a_players_opponent_is_not() -> None:
    found = _found("River Plate beat Boca Juniors 2-1 in the league derby on Sunday. Taylor Fritz beat Reilly Opelka "
                   "6-3 6-4 in the final. The unbeaten striker scored a penalty.")
    assert found["Boca Juniors"][0] == "ORGANIZATION"  # no entity at all before
    assert found.get("Reilly Opelka", ("PERSON", 1))[0] != "ORGANIZATION"  # beaten by a person: no team
