"""Alias merging as pure functions, on made-up articles."""

from __future__ import annotations

from models.analysis.aliases import (
    Candidate,
    Cluster,
    acronym_letters,
    canonical_name,
    initials,
    merge_aliases,
    name_key,
    strip_titles,
)


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[Candidate]:
    """Candidates for the successive occurrences of each surface form in ``text``."""
    out, pos = [], 0
    for surface, kind in spans:
        start = text.index(surface, pos)
        out.append(Candidate(start, start + len(surface), surface, kind))
        pos = start + len(surface)
    return out


def _groups(clusters: list[Cluster]) -> list[tuple[str, str, list[str]]]:
    return [(c.name, c.type, [m.text for m in c.members]) for c in clusters]


def test_titles_and_roles_are_not_part_of_a_name() -> None:
    assert strip_titles("Prime Minister Mara Quill") == "Mara Quill"
    assert strip_titles("Ruritanian President Olek Varda") == "Olek Varda"
    assert strip_titles("Mr. Tomas Bell") == "Tomas Bell"
    assert strip_titles("Dr. Ines Harrow") == "Ines Harrow"
    assert strip_titles("Brightline CEO Ada Venn") == "Ada Venn"
    assert strip_titles("Finlow analyst Piet Gorse") == "Piet Gorse"


def test_a_name_made_of_title_words_is_kept_whole() -> None:
    assert strip_titles("Martin Luther King") == "Martin Luther King"
    assert strip_titles("Martin Luther King Jr.") == "Martin Luther King Jr."
    assert strip_titles("President") == "President"


def test_keys_ignore_case_possessives_determiners_and_corporate_suffixes() -> None:
    assert name_key("VELMORA") == name_key("Velmora")
    assert name_key("Velmora’s") == name_key("Velmora") == name_key("Velmora's")
    assert name_key("the Northern Reaches") == name_key("Northern Reaches")
    assert name_key("Quillon Inc.") == name_key("Quillon")
    assert name_key("U.K.") == name_key("UK")
    assert name_key("Quillon") != name_key("Quillon Labs")


def test_acronyms_and_initials() -> None:
    assert acronym_letters("RDF") == "RDF"
    assert acronym_letters("U.K.") == "UK"
    assert acronym_letters("Ruritania") is None
    assert acronym_letters("Royal Air Fleet") is None
    assert initials("Royal Defence Fleet") == "RDF"
    assert initials("Ministry of Coastal Affairs") == "MCA"


def test_canonical_name_is_the_longest_full_form_in_normal_case() -> None:
    assert canonical_name(["Quill", "Mara Quill", "Quill"]) == "Mara Quill"
    assert canonical_name(["VELMORA", "Velmora"]) == "Velmora"
    assert canonical_name(["VELMORA"]) == "Velmora"
    assert canonical_name(["RDF", "Royal Defence Fleet"]) == "Royal Defence Fleet"
    assert canonical_name(["RDF"]) == "RDF"


def test_a_name_of_several_words_in_a_dateline_s_capitals_is_written_in_normal_case() -> None:
    """Short words of a dateline ("NEW", "SAN") count with the rest; an acronym stays one; a fuller name written
    only in capitals (a transcript's list of counsel) is the name, in normal case."""
    assert canonical_name(["CAPE VELMORA"]) == "Cape Velmora"
    assert canonical_name(["NEW VELMORA"]) == "New Velmora"
    assert canonical_name(["KBC NEWS"]) == "KBC News"
    assert canonical_name(["US EPA"]) == "US EPA"
    assert canonical_name(["MARA B. QUILL", "Quill"]) == "Mara B. Quill"
    assert canonical_name(["QUILL SAYS", "Mara Quill"]) == "Mara Quill"


def test_surname_and_first_name_join_the_full_name() -> None:
    text = "Mara Quill met Olek Varda. Quill said Varda agreed. Later Mara left."
    cands = _mentions(
        text,
        [("Mara Quill", "PERSON"), ("Olek Varda", "PERSON"), ("Quill", "PERSON"), ("Varda", "ORGANIZATION"),
         ("Mara", "PERSON")],
    )
    groups = _groups(merge_aliases(cands, text))
    assert groups == [
        ("Mara Quill", "PERSON", ["Mara Quill", "Quill", "Mara"]),
        ("Olek Varda", "PERSON", ["Olek Varda", "Varda"]),
    ]


def test_a_short_first_name_and_a_suffix_still_name_one_person_and_the_surname_joins_them() -> None:
    """ "Patrick Carlo Jr.", "Pat Carlo" and "Patrick W. Carlo" are one man, so the bare "Carlo" is his too."""
    text = "Patrick Carlo Jr., 55, pleaded guilty. Carlo was arrested. Pat Carlo called. Patrick W. Carlo wrote."
    cands = _mentions(text, [("Patrick Carlo Jr.", "PERSON"), ("Carlo", "PERSON"), ("Pat Carlo", "PERSON"),
                             ("Patrick W. Carlo", "PERSON")])
    assert _groups(merge_aliases(cands, text)) == [
        ("Patrick Carlo Jr.", "PERSON", ["Patrick Carlo Jr.", "Carlo", "Pat Carlo", "Patrick W. Carlo"])]


def test_a_short_first_name_that_fits_two_people_stays_alone() -> None:
    text = "Anna Lee and Anne Lee are sisters. Ann Lee is their aunt. Jo Lin met John Lin."
    cands = _mentions(text, [("Anna Lee", "PERSON"), ("Anne Lee", "PERSON"), ("Ann Lee", "PERSON"),
                             ("Jo Lin", "PERSON"), ("John Lin", "PERSON")])
    assert len(merge_aliases(cands, text)) == 5  # "Ann" fits both sisters; "Jo" is too short to say


def test_a_surname_of_several_words_with_a_particle_joins_the_full_name() -> None:
    text = "James Van Der Beek was eliminated. Van Der Beek thanked the judges; Van Der Beek's wife cried."
    cands = _mentions(text, [("James Van Der Beek", "PERSON"), ("Van Der Beek", "PERSON"), ("Van Der Beek", "PERSON")])
    assert _groups(merge_aliases(cands, text)) == [
        ("James Van Der Beek", "PERSON", ["James Van Der Beek", "Van Der Beek", "Van Der Beek"])]


def test_an_ambiguous_surname_stays_alone() -> None:
    text = "Ada Venn and Piet Venn disagreed. Venn left."
    cands = _mentions(text, [("Ada Venn", "PERSON"), ("Piet Venn", "PERSON"), ("Venn", "PERSON")])
    groups = _groups(merge_aliases(cands, text))
    assert ("Venn", "PERSON", ["Venn"]) in groups
    assert len(groups) == 3


def test_a_surname_before_the_full_name_in_a_headline_is_merged_too() -> None:
    text = "Quill wins\nMara Quill won the vote."
    cands = _mentions(text, [("Quill", "PERSON"), ("Mara Quill", "PERSON")])
    assert _groups(merge_aliases(cands, text)) == [("Mara Quill", "PERSON", ["Quill", "Mara Quill"])]


def test_a_parenthesised_acronym_joins_its_expansion_and_takes_its_type() -> None:
    text = "The Royal Defence Fleet (RDF) sailed. RDF officers cheered."
    cands = _mentions(
        text, [("Royal Defence Fleet", "ORGANIZATION"), ("RDF", "ORGANIZATION"), ("RDF", "PLACE")]
    )
    assert _groups(merge_aliases(cands, text)) == [
        ("Royal Defence Fleet", "ORGANIZATION", ["Royal Defence Fleet", "RDF", "RDF"])
    ]


def test_an_acronym_matching_the_initials_of_one_name_joins_it() -> None:
    text = "The Coastal Trade Authority fined Quillon. The CTA said more fines follow."
    cands = _mentions(text, [("Coastal Trade Authority", "ORGANIZATION"), ("Quillon", "ORGANIZATION"),
                             ("CTA", "ORGANIZATION")])
    groups = _groups(merge_aliases(cands, text))
    assert ("Coastal Trade Authority", "ORGANIZATION", ["Coastal Trade Authority", "CTA"]) in groups


def test_case_variants_are_one_place_named_in_normal_case() -> None:
    text = "VELMORA – Crowds gathered in Velmora."
    cands = _mentions(text, [("VELMORA", "PLACE"), ("Velmora", "PLACE")])
    assert _groups(merge_aliases(cands, text)) == [("Velmora", "PLACE", ["VELMORA", "Velmora"])]


def test_a_short_organisation_name_joins_the_one_longer_name_it_starts() -> None:
    text = "Brightline Aerospace won. Brightline said so."
    cands = _mentions(text, [("Brightline Aerospace", "ORGANIZATION"), ("Brightline", "ORGANIZATION")])
    assert _groups(merge_aliases(cands, text)) == [
        ("Brightline Aerospace", "ORGANIZATION", ["Brightline Aerospace", "Brightline"])
    ]


def test_a_short_organisation_name_shared_by_two_longer_names_stays_alone() -> None:
    text = "Quillon Records sued Quillon Computers. Quillon denied it."
    cands = _mentions(
        text,
        [("Quillon Records", "ORGANIZATION"), ("Quillon Computers", "ORGANIZATION"), ("Quillon", "ORGANIZATION")],
    )
    assert len(merge_aliases(cands, text)) == 3


def test_same_head_subsets_join_but_a_bare_head_word_does_not() -> None:
    text = (
        "The Ruritanian Ministry of Coastal Affairs spoke. The Ministry of Coastal Affairs added. The Ministry sighed."
    )
    cands = _mentions(
        text,
        [("Ruritanian Ministry of Coastal Affairs", "ORGANIZATION"), ("Ministry of Coastal Affairs", "ORGANIZATION"),
         ("Ministry", "ORGANIZATION")],
    )
    groups = _groups(merge_aliases(cands, text))
    assert groups[0] == (
        "Ruritanian Ministry of Coastal Affairs", "ORGANIZATION",
        ["Ruritanian Ministry of Coastal Affairs", "Ministry of Coastal Affairs"],
    )
    assert ("Ministry", "ORGANIZATION", ["Ministry"]) in groups


def test_a_place_is_not_merged_into_a_longer_place_by_its_first_word() -> None:
    text = "Port Vell and Port Vell Harbour Airport are far apart."
    cands = _mentions(text, [("Port Vell", "PLACE"), ("Port Vell Harbour Airport", "PLACE")])
    assert len(merge_aliases(cands, text)) == 2


def test_the_majority_type_wins_for_one_name() -> None:
    text = "Quillon rose. Quillon fell. Quillon closed."
    cands = _mentions(text, [("Quillon", "ORGANIZATION"), ("Quillon", "PERSON"), ("Quillon", "ORGANIZATION")])
    assert _groups(merge_aliases(cands, text)) == [("Quillon", "ORGANIZATION", ["Quillon"] * 3)]


def test_clusters_are_sorted_by_first_mention() -> None:
    text = "Velmora and Quillon, then Velmora again."
    cands = _mentions(text, [("Velmora", "PLACE"), ("Quillon", "ORGANIZATION"), ("Velmora", "PLACE")])
    clusters = merge_aliases(list(reversed(cands)), text)
    assert [c.name for c in clusters] == ["Velmora", "Quillon"]


def test_acronyms_are_filed_without_full_stops_and_countries_under_their_names() -> None:
    # One house style writes "U.N." and "U.S.", another "UN" and "US": the library files both under one name, and a
    # country named only by its initials under the name an article would spell out.
    text = "The U.N. envoy left the U.S. for the UAE. The F.B.I. and AT&T declined to comment, said J.R. Ewing."
    clusters = merge_aliases(_mentions(text, [("U.N.", "ORGANIZATION"), ("U.S.", "PLACE"), ("UAE", "PLACE"),
                                              ("F.B.I.", "ORGANIZATION"), ("AT&T", "ORGANIZATION"),
                                              ("J.R. Ewing", "PERSON")]), text)
    assert _groups(clusters) == [
        ("UN", "ORGANIZATION", ["U.N."]),
        ("United States", "PLACE", ["U.S."]),
        ("United Arab Emirates", "PLACE", ["UAE"]),
        ("FBI", "ORGANIZATION", ["F.B.I."]),
        ("AT&T", "ORGANIZATION", ["AT&T"]),
        ("J.R. Ewing", "PERSON", ["J.R. Ewing"]),
    ]
    # spelt out and abbreviated in one article: one entity, as before
    text = "The United States and the U.S. Senate; the US dollar."
    clusters = merge_aliases(_mentions(text, [("United States", "PLACE"), ("U.S.", "PLACE"), ("US", "PLACE")]), text)
    assert _groups(clusters) == [("United States", "PLACE", ["United States", "U.S.", "US"])]
    # an organisation named by initials that happen to be a country's keeps them ("US" typed as the government)
    clusters = merge_aliases(_mentions("US officials said.", [("US", "ORGANIZATION")]), "US officials said.")
    assert _groups(clusters) == [("US", "ORGANIZATION", ["US"])]


def test_a_lone_acronym_filed_under_a_country_stays_unsure() -> None:
    # "U.S." once is filed as United States, but it was still a bare acronym in the text: drawn faded as before.
    from models.analysis import analyze

    text = "Talks stalled in Geneva on Monday.\nOfficials in the U.S. declined to comment on the talks in Geneva."
    entity = next(e for e in analyze(text, None).entities if e.name == "United States")
    assert [m.text for m in entity.mentions] == ["U.S."]
    assert entity.confidence < 0.5


def test_a_state_written_by_its_abbreviation_is_the_state() -> None:
    """"Cape Velmora, Fla." and "Florida" are one place, filed as Florida; "S.D." is South Dakota and takes no
    people of the state ("South Dakotans") with it; a lone "Calif." is California."""
    text = "CAPE VELMORA, Fla. — Florida agreed. SIOUX RIVER, S.D. — South Dakota voted; South Dakotans cheered."
    cands = _mentions(text, [("Fla.", "PLACE"), ("Florida", "PLACE"), ("S.D.", "PLACE"), ("South Dakota", "PLACE"),
                             ("South Dakotans", "GROUP")])
    names = sorted((c.name, len(c.members)) for c in merge_aliases(cands, text))
    assert names == [("Florida", 2), ("South Dakota", 2), ("South Dakotans", 1)]
    assert [c.name for c in merge_aliases(_mentions("LODI, Calif. — It rained.", [("Calif.", "PLACE")]))] == [
        "California"]


def test_an_acronym_written_inside_a_sentence_keeps_its_capitals_and_a_dateline_s_town_does_not() -> None:
    text = "Headline of the day\nVELMORA — Kestral is spinning off MSNBC and UNICEF has signed. Velmora agreed."
    cands = _mentions(text, [("VELMORA", "PLACE"), ("Kestral", "ORGANIZATION"), ("MSNBC", "ORGANIZATION"),
                             ("UNICEF", "ORGANIZATION")])
    assert [c.name for c in merge_aliases(cands, text)] == ["Velmora", "Kestral", "MSNBC", "UNICEF"]
