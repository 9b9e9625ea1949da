"""Organisation precision rules of issue 11 (names that are not organisations), on made-up text."""

from __future__ import annotations

from models.analysis.aliases import Candidate
from models.analysis.entity_cues import mention_cues, retype
from tests.test_entity_cues import cand


def test_a_group_of_islands_is_a_place_not_an_organisation() -> None:
    text = "Tarvo is a group of more than 30 islands in the north. Ferries reach Tarvo twice a week."
    cands = [cand(text, "Tarvo", "ORGANIZATION"), cand(text, "Tarvo", "ORGANIZATION", 1)]
    assert mention_cues(text, 0, 5)["PLACE"] >= 2
    assert {c.type for c in retype(cands, text)} == {"PLACE"}
    firm = "Brellix is a group of firms based in Oslo."
    assert mention_cues(firm, 0, 7)["ORGANIZATION"] >= 2  # the noun after "of" decides


def test_a_name_cut_after_a_lower_case_particle_is_made_whole() -> None:
    from models.analysis.entity_spans import particle_names

    text = "Her uncle Tarek al-Moussawi met Anselmo de Viterra in 1990. The Banco de Lisboa paid."
    at = text.index("-Moussawi")
    cands = [
        cand(text, "Tarek", "ORGANIZATION"), Candidate(at, at + 9, "-Moussawi", "PERSON"),
        cand(text, "Anselmo", "ORGANIZATION"), cand(text, "Viterra", "PERSON"),
        cand(text, "Lisboa", "PLACE"),
    ]
    got = [(c.text, c.type) for c in particle_names(text, cands)]
    assert got == [("Tarek al-Moussawi", "PERSON"), ("Anselmo de Viterra", "PERSON"), ("Lisboa", "PLACE")]


def test_a_possessive_before_a_particle_is_no_given_name() -> None:
    """ "southern Syria's al-Tanf": Syria owns the place, it is not the first name of a person called al-Tanf."""
    from models.analysis.entity_spans import particle_names

    text = "Forces in southern Syria’s al-Tanf were accused."
    at = text.index("Tanf")
    cands = [cand(text, "Syria", "PLACE"), Candidate(at, at + 4, "Tanf", "PERSON")]
    assert [(c.text, c.type) for c in particle_names(text, cands)] == [("Syria", "PLACE"), ("Tanf", "PERSON")]
    later = "The U.S. military in al-Tanf trains them."  # the preposition before the article says it is a place
    assert mention_cues(later, later.index("Tanf"), later.index("Tanf") + 4)["PLACE"] >= 1


def test_places_with_their_regions_in_a_list_each_span_their_region() -> None:
    from models.analysis.aliases import Cluster
    from models.analysis.entity_spans import place_with_region

    text = "He lived in Salem, Oregon and Reno, Nevada; later in Tulsa, Oklahoma, Acme hired him."
    places = ["Salem", "Oregon", "Reno", "Nevada", "Tulsa", "Oklahoma"]
    clusters = [Cluster([cand(text, p, "PLACE")], p, "PLACE") for p in places]
    clusters.append(Cluster([cand(text, "Acme", "ORGANIZATION")], "Acme", "ORGANIZATION"))
    ends = place_with_region(clusters, text)
    spans = {text[start:end] for start, end in ends.items()}
    assert spans == {"Salem, Oregon", "Reno, Nevada", "Tulsa, Oklahoma"}
    listed = "They toured France, Germany and Italy."
    listed_clusters = [Cluster([cand(listed, p, "PLACE")], p, "PLACE") for p in ("France", "Germany", "Italy")]
    assert place_with_region(listed_clusters, listed) == {}


def test_the_region_written_after_a_place_is_a_place() -> None:
    text = "Mara Quell was born in Tarvik, Ostland. Her guests in Tarvik, Mr. Dan Holm among them, stayed."
    cands = [
        cand(text, "Mara Quell", "PERSON"), cand(text, "Tarvik", "PLACE"), cand(text, "Ostland", "PERSON"),
        cand(text, "Tarvik", "PLACE", 1), cand(text, "Mr. Dan Holm", "PERSON"),
    ]
    assert [c.type for c in retype(cands, text)] == ["PERSON", "PLACE", "PLACE", "PLACE", "PERSON"]


def test_a_person_mention_spans_the_title_written_as_part_of_the_name() -> None:
    from models.analysis.aliases import Cluster
    from models.analysis.entity_spans import titled_starts

    text = "Judge Arlo Penn heard Miss Vey. President Ola Brandt and Mr. Kim came; Queen Street was shut."
    people = [cand(text, "Arlo Penn", "PERSON"), cand(text, "Vey", "PERSON"), cand(text, "Ola Brandt", "PERSON"),
              cand(text, "Mr. Kim", "PERSON")]
    clusters = [Cluster([p], p.text, "PERSON") for p in people]
    clusters.append(Cluster([cand(text, "Street", "PLACE")], "Street", "PLACE"))
    starts = titled_starts(clusters, text)
    spans = {text[new:old] for old, new in starts.items()}
    assert spans == {"Judge ", "Miss "}  # not the office ("President") nor a title already inside the span


def test_a_person_mention_spans_a_rank_or_a_kinship_written_before_the_name() -> None:
    """A letter's "Aunt Mary" and "Uncle George", a novel's "Colonel Ashby" and "the Reverend Josiah Caldwell": the
    person as the text calls her; a senator's office stays out of the mention."""
    from models.analysis import analyze

    text = ("Aunt Mary sat by the window. Uncle George found your name, and Colonel Ashby has mentioned you. "
            "The Reverend Josiah Caldwell founded the school. The speaker was Senator James Delaney.")
    mentions = {m.text for e in analyze(text).entities if e.type == "PERSON" for m in e.mentions}
    assert {"Aunt Mary", "Uncle George", "Colonel Ashby", "Reverend Josiah Caldwell"} <= mentions
    assert "James Delaney" in mentions and "Senator James Delaney" not in mentions


def test_the_entity_keeps_its_name_without_the_title() -> None:
    from models.analysis import analyze

    text = "The hearing was opened by Judge Arlo Penn on Monday. Penn said the county had erred."
    found = {e.name: [m.text for m in e.mentions] for e in analyze(text).entities if e.type == "PERSON"}
    assert found == {"Arlo Penn": ["Judge Arlo Penn", "Penn"]}


def test_a_ruler_mention_spans_the_regnal_number() -> None:
    from models.analysis.aliases import Cluster
    from models.analysis.entity_spans import regnal_ends

    text = "Then Ostric I, ruler of the isle, met Ludo XIV. Later Ostric said I think not."
    people = [cand(text, "Ostric", "PERSON"), cand(text, "Ludo", "PERSON"), cand(text, "Ostric", "PERSON", 1)]
    ends = regnal_ends([Cluster([p], p.text, "PERSON") for p in people], text)
    assert {text[start:end] for start, end in ends.items()} == {"Ostric I", "Ludo XIV"}


def test_an_organisation_whose_context_speaks_only_of_a_person_is_a_person() -> None:
    text = "The report says Marlowe caused her own injury. Later Marlowe left the room."
    cands = [cand(text, "Marlowe", "ORGANIZATION"), cand(text, "Marlowe", "ORGANIZATION", 1)]
    assert [c.type for c in retype(cands, text)] == ["PERSON", "PERSON"]
    dated = "His roles include Grey Orchard (2007) and more. BRX (2009) did well."
    cands = [cand(dated, "Grey Orchard", "ORGANIZATION"), cand(dated, "BRX", "ORGANIZATION")]
    assert [c.type for c in retype(cands, dated)] == ["ORGANIZATION", "ORGANIZATION"]  # a dated title, an acronym


def test_an_award_is_not_an_organisation() -> None:
    from models.analysis.entity_junk import clean

    text = ("She won the Velden Prize for Fiction in 2001 and the Ostra Medal, and a nomination for Best Actress. "
            "The Velden Foundation paid. Best Western hotels were full.")
    cands = [cand(text, "Velden Prize for Fiction", "ORGANIZATION"), cand(text, "Ostra Medal", "ORGANIZATION"),
             cand(text, "Best Actress", "ORGANIZATION"), cand(text, "Velden Foundation", "ORGANIZATION"),
             cand(text, "Best Western", "ORGANIZATION")]
    assert [c.type for c in clean(cands, text)] == ["OTHER", "OTHER", "OTHER", "ORGANIZATION", "ORGANIZATION"]
