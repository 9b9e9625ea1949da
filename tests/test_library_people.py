"""People across the library: an article that names a person by surname alone ("Trump") files them under the full
name other articles write ("Donald Trump") in the entity index, a dossier, the "in N articles" counts and the
timeline of an entity, when that full name is by far the library's person of that family name."""

from __future__ import annotations

from models.analysis.library_people import OWNER_RATIO, family_name, person_groups, surname_owners
from models.store import Library
from models.store.entities import EntityStore
from models.timeline_query import library_timeline, library_timeline_by_scan, timeline_counts
from tests.fixtures.people_library import people_article, people_library


def test_the_family_name_is_the_last_word_or_the_first_of_a_chinese_or_korean_name() -> None:
    assert family_name("Donald Trump") == "Trump"
    assert family_name("Patrick W. Carlineo Jr.") == "Carlineo"
    assert family_name("Xi Jinping") == "Xi"
    assert family_name("kim jong-un") == "kim"  # keys are folded: the same answer
    assert family_name("Kim Kardashian") == "Kardashian"
    assert family_name("Madonna") == "Madonna"


def test_a_surname_belongs_to_the_full_name_the_library_names_far_more_often() -> None:
    people = {"Donald Trump": 9, "Ivanka Trump": 2, "Trump": 5, "Kim Jong-un": 4, "Kim Yo-jong": 3, "Kim": 6,
              "Lee Smith": 3}
    owners = surname_owners(people)
    assert owners == {"trump": "donald trump"}  # 9 >= 3 x 2; Kim is shared by two; Smith is never alone
    assert person_groups(owners) == {"trump": {"trump", "donald trump"}, "donald trump": {"trump", "donald trump"}}
    assert surname_owners({"Donald Trump": 2 * OWNER_RATIO - 1, "Ivanka Trump": 2, "Trump": 5}) == {}


def test_the_index_dossier_counts_and_timeline_file_a_lone_surname_under_the_full_name(lib: Library) -> None:
    ids = people_library(lib)
    store = EntityStore(lib)
    index = store.library_index()
    people = {e.name: (e.article_count, e.mention_count) for e in index if e.type == "PERSON"}
    # Donald Trump in 4 articles (3 x Ivanka's and Melania's 1), Trump alone in 2, one of them the same article
    assert people == {"Donald Trump": (5, 6), "Ivanka Trump": (1, 1), "Melania Trump": (1, 1)}
    assert index == store.library_index_by_scan()
    assert store.library_index("PERSON", 1) == [index[0]] and index[0].name == "Donald Trump"

    for name in ("Trump", "Donald Trump"):
        dossier = store.dossier(name, "PERSON")
        assert {a.article_id for a in dossier.articles} == {ids[k] for k in ("full", "alone", "both", "full again",
                                                                             "third")}
        assert dossier == store.dossier_by_scan(name, "PERSON")
        assert set(dossier.surfaces) == {"Donald Trump", "Trump"}
        assert dossier.name == "Donald Trump"  # asked by the surname: the full name's dossier
    assert [a.article_id for a in store.dossier("Melania Trump", "PERSON").articles] == [ids["other"]]

    asked = [("Trump", "PERSON"), ("Donald Trump", "PERSON"), ("Ivanka Trump", "PERSON")]
    counts = store.article_counts(asked)
    assert counts == {("Trump", "PERSON"): 5, ("Donald Trump", "PERSON"): 5, ("Ivanka Trump", "PERSON"): 1}
    assert store.library_names(asked) == {("Trump", "PERSON"): "Donald Trump"}
    assert store.counts_and_names(asked) == (counts, store.library_names(asked))  # one read, the same answers

    for name in ("Trump", "donald trump"):
        timeline = library_timeline(lib, entity=name)
        assert timeline == library_timeline_by_scan(lib, entity=name)
        days = sorted(g.first_day.isoformat() for g in timeline.groups)
        assert days == ["2019-05-01", "2019-05-02", "2019-05-03", "2019-05-05", "2019-05-06"]
        assert sum(c.events for c in timeline_counts(lib, entity=name)) == 6  # two events on 2019-05-03
    assert [g.first_day.isoformat() for g in library_timeline(lib, entity="Melania Trump").groups] == ["2019-05-04"]


def test_a_surname_two_full_names_share_stays_apart(lib: Library) -> None:
    people_article(lib, 0, [("Donald Trump spoke on 2019-05-01.", [("Donald Trump", "Donald Trump")])])
    people_article(lib, 1, [("Ivanka Trump spoke on 2019-05-02.", [("Ivanka Trump", "Ivanka Trump")])])
    people_article(lib, 2, [("Trump tweeted on 2019-05-03.", [("Trump", "Trump")])])
    store = EntityStore(lib)
    assert {e.name for e in store.library_index("PERSON")} == {"Donald Trump", "Ivanka Trump", "Trump"}
    assert len(store.dossier("Trump", "PERSON").articles) == 1
    assert store.library_index() == store.library_index_by_scan()
