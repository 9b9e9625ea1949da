"""Names on real pages, as a reader sees them at the top of the Entities panel: an owner and what it owns, names cut
out of title-case headlines, peoples, honorifics, firms, indices, products after their maker, references, the words
of talk and of forms that are no names. Made-up text unless a rule is about the small model's own output."""

from __future__ import annotations

from models.analysis import analyze
from models.analysis.entity_cues import retype
from models.analysis.entity_junk import clean
from models.analysis.headlines import headline_cut
from tests.test_entity_cues import cand


def test_a_person_whose_surname_ends_in_s_is_no_team_for_the_the_of_the_noun_after_them() -> None:
    """"the Kelsey Adams story" is the story's "the"; a band or a team is "the Velvet Owls" more often than not."""
    text = ("She is in charge of the Kelsey Adams story of the week. Some papers always have a Kelsey Adams story. "
            "The Velvet Owls beat the Hawks, and the Velvet Owls won again.")
    cands = [cand(text, "Kelsey Adams", "ORGANIZATION"), cand(text, "Kelsey Adams", "ORGANIZATION", 1),
             cand(text, "Velvet Owls", "PERSON"), cand(text, "Velvet Owls", "PERSON", 1)]
    assert [c.type for c in retype(cands, text)] == ["PERSON", "PERSON", "ORGANIZATION", "ORGANIZATION"]


def test_every_author_of_a_reference_in_parentheses_is_a_person() -> None:
    """A reference cut by the model inside its list of authors, one after "e.g.," and one in a list of references
    written without a comma before the year; a place with a year of games in parentheses stays a place."""
    text = ("Others did two tasks at once (Boot, Kramer, Simons, Fabiani, & Gratton, 2008). Museums use it (e.g., "
            "Nedwick, 2014), as studies agree (Heidenreich & Turano 2011; Milekic 2010). The games came to London "
            "(London 2012).")
    found = {e.name: e.type for e in analyze(text).entities}
    assert {n: found.get(n) for n in ("Kramer", "Simons", "Nedwick", "Milekic")} == dict.fromkeys(
        ("Kramer", "Simons", "Nedwick", "Milekic"), "PERSON")
    assert "Kramer Simons" not in found and found["London"] == "PLACE"


def test_a_name_with_residents_or_a_border_crossing_is_a_place() -> None:
    text = ("Aid has not reached the Qasrah camp. Jordan closed the Qasrah crossing point. Most Qasrah residents "
            "stay. Some residents want to stay in Qasrah. Samsung announced a phone for the camp.")
    cands = [cand(text, "Qasrah", "ORGANIZATION", n) for n in range(4)] + [cand(text, "Samsung", "ORGANIZATION")]
    assert [c.type for c in retype(cands, text)] == ["PLACE"] * 4 + ["ORGANIZATION"]


def test_words_of_talk_that_open_a_sentence_are_no_names() -> None:
    text = ("Nah, I'm kidding. Hmm, I guess. Kinda weird, yeah. Fans tried to figure out WTF equity is. "
            "Yep, Jeff was there, and Sarah drove from Tulsa, OK. TIL that the forum has 40 million members.")
    found = {e.name for e in analyze(text).entities}
    assert not {"Nah", "Hmm", "Kinda", "WTF", "Yep", "TIL"} & found
    assert {"Jeff", "Sarah", "Tulsa"} <= found


def test_french_and_german_honorifics_make_people_and_are_no_names_alone() -> None:
    text = ("Mme Curie won the prize. Later Mme. Curie spoke. Herr Schmidt and Frau Weber arrived. "
            "The letters hint that Mlle. Vautrin had confided in him.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert not {"Mme", "Mlle", "Herr", "Frau"} & set(found)
    assert found.get("Curie") == found.get("Schmidt") == found.get("Weber") == found.get("Vautrin") == "PERSON"


def test_file_formats_and_menu_paths_are_no_names() -> None:
    text = ("Open Microsoft Word and click File > Save As. Choose PDF from the menu, or export the table as XML. "
            "Microsoft said the format is open.")
    found = {e.name for e in analyze(text).entities}
    assert not {"PDF", "XML", "File > Save", "File > Save As"} & found
    assert "Microsoft" in found or "Microsoft Word" in found


def test_an_owner_written_with_what_it_owns_is_two_names_but_a_possessive_of_the_name_stays() -> None:
    """ "Jeff Bezos’s Blue Origin" is a person and a company; "Apple’s MacBook" a company and its laptop when each is
    named alone; "People’s Daily" and "Martha’s Vineyard" keep their "’s" in their names."""
    text = ("Blue Origin flew again. Jeff Bezos’s Blue Origin won the contract, and Bezos said so. "
            "Apple’s MacBook sold well; Apple makes the MacBook in China. "
            "The People’s Daily reported it. They spent August on Martha’s Vineyard.")
    found = {e.name: (e.type, len(e.mentions)) for e in analyze(text).entities}
    assert found["Blue Origin"] == ("ORGANIZATION", 2)
    assert found["Jeff Bezos"][0] == "PERSON" and found["Jeff Bezos"][1] == 2
    assert found["Apple"][1] == 2 and found["MacBook"][1] == 2
    assert "People’s Daily" in found and "Martha’s Vineyard" in found
    assert not any("’s " in name for name in found if name not in ("People’s Daily", "Martha’s Vineyard"))


def test_letters_of_standards_days_of_opening_hours_and_domains_of_offices_are_no_names() -> None:
    text = ("The port is USB-C, and a USB-C cable with a USB-A end costs little. The shop opens Sun & Mon and "
            "Tue-Thu. The Secretary of State met the Minister of Finance. Apple sells the cable.")
    found = {e.name for e in analyze(text).entities}
    assert not {"C", "A", "Sun & Mon", "Tue-Thu", "State", "Finance"} & found
    assert "Apple" in found


def test_a_role_or_a_preposition_before_a_name_is_no_part_of_it() -> None:
    text = ("Mike Oduya, Founder of Ceres Robotics, said the rover is ready. Superintendent Jennifer Vale spoke. "
            "With Post reporting from Beijing.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found.get("Ceres Robotics") == "ORGANIZATION" and found.get("Jennifer Vale") == "PERSON"
    assert not any(name.startswith(("Founder", "Superintendent", "With")) for name in found)


def test_a_police_department_is_an_organisation_and_a_firm_named_after_its_founder_too() -> None:
    text = ("The Fort Worth Police Department said officers arrived in Fort Worth. The lights were made by "
            "Balmond Studio and Peter Koros Design. Balmond Studio said it was proud.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found["Fort Worth Police Department"] == "ORGANIZATION" and found["Fort Worth"] == "PLACE"
    assert found["Balmond Studio"] == found["Peter Koros Design"] == "ORGANIZATION"


def test_the_people_of_a_place_are_a_group_not_a_person() -> None:
    text = ("It is a story about a self-destructive Glaswegian country singer. All the Glaswegian extras came. "
            "I urge all Delhiites to use masks. For Delhiites, the air was bad. Brian said the band was ready. "
            "They flew from Hanoi to Delhi.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found["Glaswegian"] == found["Delhiites"] == "GROUP"
    assert found["Brian"] == "PERSON" and found["Hanoi"] == found["Delhi"] == "PLACE"


def test_a_headline_name_is_cut_to_the_name_the_story_writes_and_a_kicker_is_no_dateline() -> None:
    text = ("BREAKING NEWS: Chelsea Activate £71.6m Release Clause To Sign Kepa Arrizabalaga From Athletic Bilbao\n"
            "Chelsea have this morning paid the fee to sign the keeper, which Chelsea hope to announce today.\n"
            "Daily Deals: More Black Friday Deals Are Live, Including Apple AirPods and Watches\n"
            "Apple cut the price of its earphones today.")
    found = {e.name: len(e.mentions) for e in analyze(text).entities}
    assert found.get("Chelsea") == 3 and "Chelsea Activate" not in found
    assert not any(name.startswith(("BREAKING", "Breaking")) for name in found)
    airpods = cand(text, "Apple AirPods", "ORGANIZATION")
    assert headline_cut(airpods, text) == airpods  # a brand's own spelling stays on the name


def test_a_name_with_a_division_or_shareholders_is_an_organisation() -> None:
    text = ("She had been signed to Verlane as a songwriter. Verlane’s music division provided some demos. "
            "Kestrow's shareholders voted. Putin's spokesman said nothing.")
    cands = [cand(text, "Verlane", "PERSON"), cand(text, "Verlane", "PERSON", 1), cand(text, "Kestrow", "PERSON"),
             cand(text, "Putin", "PERSON")]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION", "ORGANIZATION", "ORGANIZATION", "PERSON"]


def test_a_group_named_without_its_group_is_the_same_company_shown_with_it() -> None:
    text = ("Ithaca bought the label in a deal backed by The Carlyle Group. Carlyle, which already held a stake in "
            "Ithaca, is part of the deal. Fans attacked the label and The Carlyle Group online.")
    found = {e.name: len(e.mentions) for e in analyze(text).entities}
    assert found.get("Carlyle Group") == 3 and "Carlyle" not in found


def test_a_stock_market_index_is_no_organisation() -> None:
    text = ("The equity benchmark Sensex scaled a new high. On Wall Street, the Dow Jones Industrial Average .DJI fell "
            "102.2 points, or 0.36%. Apple rose 3% and Nasdaq Inc. said it would list the shares.")
    cands = [cand(text, "Sensex", "ORGANIZATION"), cand(text, "Dow Jones Industrial Average", "ORGANIZATION"),
             cand(text, "Apple", "ORGANIZATION")]
    assert [c.type for c in retype(cands, text)] == ["OTHER", "OTHER", "ORGANIZATION"]


def test_a_seller_or_a_sponsor_is_an_organisation_not_a_place() -> None:
    text = ("This sponsored deal is brought to you by Vaultix. Vaultix offers a free version of its software. "
            "We drove to Leeds. Leeds offers a warm welcome.")
    cands = [cand(text, "Vaultix", "PLACE"), cand(text, "Vaultix", "PLACE", 1), cand(text, "Leeds", "PLACE"),
             cand(text, "Leeds", "PLACE", 1)]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION", "ORGANIZATION", "PLACE", "PLACE"]


def test_currencies_and_materials_are_no_names() -> None:
    text = ("RRP: 49.95 Euro (£40). The Euro fell against the Dollar. Bottles are made from BPA-free PET plastic. "
            "Tickets cost 300 Yen in Osaka. Ezra Pound wrote it; Pound said so.")
    found = {e.name for e in analyze(text).entities}
    assert not {"Euro", "Dollar", "PET", "BPA", "Yen"} & found
    assert {"Osaka", "Ezra Pound"} <= found


def test_a_list_the_model_took_for_one_name_is_cut_at_its_comma_but_a_name_with_a_suffix_is_not() -> None:
    text = ("She aired her grievances with Big Machine, Braun and The Carlyle Group. Big Machine said no. "
            "Martin Luther King, Jr. spoke. Martin Luther King was there.")
    found = {e.name: len(e.mentions) for e in analyze(text).entities}
    assert found.get("Big Machine") == 2 and "Braun" in found
    assert not any("," in name or name == "Jr." for name in found)


def test_a_name_with_shares_or_analysts_at_it_is_a_company() -> None:
    """The model calls the bank a person (two given names) and the chip maker a place."""
    text = "Analysts at Morgan Stanley expect more. Shares of Nvidia rose 2% in New York trading."
    cands = [cand(text, "Morgan Stanley", "PERSON"), cand(text, "Nvidia", "PLACE"), cand(text, "New York", "PLACE")]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION", "ORGANIZATION", "PLACE"]


def test_an_apposition_naming_an_alliance_or_a_drugmaker_makes_an_organisation() -> None:
    """"the vaccine alliance": the last noun of the compound is its head, and an alliance is an organisation, not
    the product its first noun names."""
    text = ("Gavel, the vaccine alliance, said it would pay. Nordvik, the Danish drugmaker, said it had sent doses. "
            "Gavel will pay more; Nordvik agreed.")
    cands = [cand(text, "Gavel", "PERSON"), cand(text, "Nordvik", "PERSON"), cand(text, "Gavel", "PERSON", 1),
             cand(text, "Nordvik", "PERSON", 1)]
    assert {c.type for c in retype(cands, text)} == {"ORGANIZATION"}


def test_a_name_found_whole_once_is_whole_wherever_it_is_written_again() -> None:
    """The small model finds "Bavarian Nordic" once and, the second time, only a nationality "Bavarian"."""
    text = ("WHO Director-General Tedros Adhanom Ghebreyesus told reporters that Bavarian Nordic, the Danish "
            "drugmaker, "
            "had delivered 265,000 doses to Kinshasa, and that Japan had pledged three million doses.\n\n"
            "UNICEF has signed a deal with Bavarian Nordic to buy up to one million doses at the lowest price.")
    found = {e.name: (e.type, len(e.mentions)) for e in analyze(text).entities}
    assert found.get("Bavarian Nordic") == ("ORGANIZATION", 2)
    assert "Bavarian" not in found


def test_a_name_ending_in_lab_is_a_firm() -> None:
    text = "Rocket Forge Lab is preparing its rocket. Rocket Forge Lab will fly it next year."
    cands = [cand(text, "Rocket Forge Lab", "PERSON"), cand(text, "Rocket Forge Lab", "PERSON", 1)]
    assert {c.type for c in retype(cands, text)} == {"ORGANIZATION"}


def test_a_title_quoted_once_is_a_work_when_the_quotation_says_so() -> None:
    """"The" inside the quotation marks, an artist's possessive before them, or a work's noun: a title. A nickname
    inside a name (Dwayne "The Rock" Johnson) and a name with nothing of a title around it stay names."""
    text = ('Her album "The Tortured Poets Bureau" spent a week at No. 1. Sabrina Vale\'s "Short Sweet Motel" '
            'debuted at No. 2, and the single "Velvet Harbor Road" climbed. Dwayne "The Granite Quarry" Johnson '
            'spoke. He said "Harbor Lane" twice.')
    names = ["Tortured Poets Bureau", "Short Sweet Motel", "Velvet Harbor Road", "Granite Quarry", "Harbor Lane"]
    types = {c.text: c.type for c in clean([cand(text, n, "ORGANIZATION") for n in names], text)}
    assert [types[n] for n in names] == ["OTHER", "OTHER", "OTHER", "ORGANIZATION", "ORGANIZATION"]


def test_a_tour_is_an_event_even_when_the_model_calls_it_a_person() -> None:
    text = ("The album, released through Republic Records in April, earned 142,000 equivalent album units in the week "
            "ending July 25, according to Luminate. Swift's Eras Tour returned to Europe this month with three shows "
            "at Wembley Stadium in London, where she was joined by Travis Kelce on stage.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found.get("Eras Tour") == "EVENT" and found.get("Travis Kelce") == "PERSON"


def test_a_given_name_the_model_calls_a_people_opens_a_person_s_name() -> None:
    """The small model reads "Billie" as a nationality and leaves "Eilish" out."""
    text = ("Elsewhere on the chart, Sabrina Carpenter's \"Short n' Sweet\" debuted at No. 2, and Billie Eilish "
            "climbed back to No. 3 with \"Hit Me Hard and Soft.\" The German Bundestag voted.")
    found = {e.name: e.type for e in analyze(text).entities}
    assert found.get("Billie Eilish") == "PERSON" and "Billie" not in found
    assert "German Bundestag" not in found or found["German Bundestag"] != "PERSON"


def test_a_country_a_capital_or_a_state_is_a_place_whatever_the_model_says() -> None:
    """"aid to Kyiv" (a person to the model); the surname of a person named in full ("Jack London … London wrote")
    and a capital that is also a given name ("Sofia") are left to the context."""
    text = "Aid to Kyiv is stalled, Kyiv said. Jack London sailed. London wrote of it. Sofia smiled. Nevada voted."
    cands = [cand(text, "Kyiv", "PERSON"), cand(text, "Kyiv", "PERSON", 1), cand(text, "Jack London", "PERSON"),
             cand(text, "London", "PERSON", 1), cand(text, "Sofia", "PERSON"), cand(text, "Nevada", "ORGANIZATION")]
    assert [c.type for c in retype(cands, text)] == ["PLACE", "PLACE", "PERSON", "PERSON", "PERSON", "PLACE"]


def test_a_name_before_a_device_s_noun_is_a_device() -> None:
    """"the Kestrel Switch pro controller" (a person to the model); a maker's one-word name before it stays."""
    text = "It feels like the Kestrel Switch pro controller. Setup is easy. Kestrel makes a controller too."
    cands = [cand(text, "Kestrel Switch", "PERSON"), cand(text, "Kestrel", "ORGANIZATION", 1)]
    assert [c.type for c in retype(cands, text)] == ["OTHER", "ORGANIZATION"]


def test_a_name_introduced_as_a_thing_called_so_has_that_thing_s_type() -> None:
    """"a company called Versa" (a person to the model), "a man named Tobin", "a small town called Harrowgate";
    "the board named Pellow its chief" is a verb, no introduction."""
    text = ("The channels go into a company called Versa. Later a man named Tobin arrived in a small town called "
            "Harrowgate. The board named Pellow its chief.")
    cands = [cand(text, "Versa", "PERSON"), cand(text, "Tobin", "ORGANIZATION"), cand(text, "Harrowgate", "PERSON"),
             cand(text, "Pellow", "PERSON")]
    assert [c.type for c in retype(cands, text)] == ["ORGANIZATION", "PERSON", "PLACE", "PERSON"]


def test_a_name_appointed_married_or_knighted_is_a_person() -> None:
    text = "The council appointed Dracon to draft a code. Later it appointed Solvan. The queen knighted Ferris Tull."
    cands = [cand(text, "Dracon", "ORGANIZATION"), cand(text, "Solvan", "ORGANIZATION"),
             cand(text, "Ferris Tull", "ORGANIZATION")]
    assert [c.type for c in retype(cands, text)] == ["PERSON", "PERSON", "PERSON"]
