"""Entity corrections in the library: kept, replayed after (re-)analysis, and the library-wide index and dossier."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from models.analysis import ANALYZER_VERSION
from models.analysis.corrections import CorrectedEntity
from models.analysis.types import Analysis, Entity, Mention
from models.article import Article, Metadata, build_text, text_hash
from models.store import Library, open_library
from models.store.entities import EntityStore, sentence_around
from models.store.schema import HighlightRow

BODY_A = "Prime Minister Shinzo Abe met Vladimir Putin in Moscow on Jan. 22. Abe said talks would go on."
OLD_VERSION = "newsdesk-analysis/0"  # what an earlier analyser stored
BODY_B = "Tokyo – Abe will host the G20 summit in Osaka. Putin is expected to attend."


def article(source: str, title: str, body: str, published: str) -> Article:
    text, blocks = build_text([("title", title), ("paragraph", body)])
    return Article(source, "text", text, blocks, Metadata(title=title, published=published, publisher="Mainichi"))


def mentions_of(text: str, word: str) -> tuple[Mention, ...]:
    out, pos = [], text.find(word)
    while pos >= 0:
        out.append(Mention(pos, pos + len(word), word))
        pos = text.find(word, pos + 1)
    return tuple(out)


def analysis_of(text: str, version: str = ANALYZER_VERSION, abe_name: str = "Shinzo Abe") -> Analysis:
    """What an analyser would find, built by hand: every 'Abe' and 'Putin' and the places."""
    entities = [
        Entity(abe_name, "PERSON", mentions_of(text, "Abe")),
        Entity("Vladimir Putin", "PERSON", mentions_of(text, "Putin")),
    ]
    for place, kind in (("Moscow", "ORGANIZATION"), ("Osaka", "PLACE")):
        if place in text:
            entities.append(Entity(place, kind, mentions_of(text, place)))
    return Analysis(version, text_hash(text), tuple(entities))


def add_analysed(lib: Library, a: Article, version: str = ANALYZER_VERSION) -> int:
    article_id = lib.import_article(a).id
    lib.save_analysis(article_id, analysis_of(a.text, version))
    return article_id


def names(entities: tuple[CorrectedEntity, ...]) -> dict[str, str]:
    return {e.name: e.type for e in entities}


def test_rules_are_kept_and_applied_to_the_cached_analysis(lib: Library) -> None:
    a = article("file:///a.txt", "Summit", BODY_A, "2019-01-23")
    aid = add_analysed(lib, a)
    store = EntityStore(lib)
    assert store.entities(aid)[0].verified is False
    rule = store.add_rule(aid, "retype", {"entity": {"name": "Moscow", "type": "ORGANIZATION"}, "type": "PLACE"})
    assert rule.id is not None and rule.action == "retype" and rule.author == "Test Reader"
    # the store gave the entity an anchor mention so a renamed entity is still found after re-analysis
    assert rule.payload["entity"]["anchor"]["text"] == "Moscow"
    again = open_library(lib.url)
    try:
        reopened = EntityStore(again)
        assert [r.id for r in reopened.rules(aid)] == [rule.id]
        moscow = next(e for e in reopened.entities(aid) if e.name == "Moscow")
        assert (moscow.type, moscow.verified) == ("PLACE", True)
    finally:
        again.close()


def test_removing_a_rule_undoes_it(lib: Library) -> None:
    aid = add_analysed(lib, article("file:///a.txt", "Summit", BODY_A, "2019-01-23"))
    store = EntityStore(lib)
    rule = store.add_rule(aid, "hide", {"entity": {"name": "Vladimir Putin", "type": "PERSON"}})
    assert "Vladimir Putin" not in names(store.entities(aid))
    assert store.remove_rule(rule.id or 0) == rule
    assert "Vladimir Putin" in names(store.entities(aid))
    assert store.remove_rule(rule.id or 0) is None


def test_a_selection_given_by_offsets_is_stored_with_its_words_and_survives_a_new_analyser(lib: Library) -> None:
    a = article("file:///a.txt", "Summit", BODY_A, "2019-01-23")
    aid = add_analysed(lib, a, OLD_VERSION)
    store = EntityStore(lib)
    start = a.text.index("Prime Minister")
    end = start + len("Prime Minister")
    added = store.add_rule(aid, "add", {"mention": {"start": start, "end": end}, "name": "Prime Minister",
                                        "type": "OTHER"})
    assert added.payload["mention"] == {"text": "Prime Minister", "occurrence": 0, "start": start, "end": end}
    second_abe = mentions_of(a.text, "Abe")[1]
    store.add_rule(aid, "split", {"entity": {"name": "Shinzo Abe", "type": "PERSON"},
                                  "mention": {"start": second_abe.start, "end": second_abe.end},
                                  "name": "Abe (unclear)", "type": "PERSON"})
    store.add_rule(aid, "rename", {"entity": {"name": "Shinzo Abe", "type": "PERSON"}, "name": "ABE Shinzo"})

    # a new analyser version names Abe differently; the cached result is replaced
    lib.save_analysis(aid, analysis_of(a.text, ANALYZER_VERSION, abe_name="Abe Shinzo"))
    after = store.entities(aid)
    by = {e.name: e for e in after}
    assert by["Prime Minister"].spans == [(start, end)] and by["Prime Minister"].mentions[0].verified
    assert by["Abe (unclear)"].spans == [(second_abe.start, second_abe.end)]
    # the rename found its entity by its anchor mention, though the new analyser calls it "Abe Shinzo"
    assert by["ABE Shinzo"].analyser_version == ANALYZER_VERSION and by["ABE Shinzo"].verified
    assert "Abe Shinzo" not in by
    assert by["Vladimir Putin"].analyser_version == ANALYZER_VERSION


def test_rules_follow_an_edited_text(lib: Library) -> None:
    a = article("file:///a.txt", "Summit", BODY_A, "2019-01-23")
    aid = add_analysed(lib, a)
    store = EntityStore(lib)
    second_abe = mentions_of(a.text, "Abe")[1]
    store.add_rule(aid, "split", {"entity": {"name": "Shinzo Abe", "type": "PERSON"},
                                  "mention": {"start": second_abe.start, "end": second_abe.end},
                                  "name": "Akie Abe", "type": "PERSON"})
    edited = article("file:///a.txt", "Summit", "UPDATED. " + BODY_A, "2019-01-23")
    lib.import_article(edited)
    lib.save_analysis(aid, analysis_of(edited.text))
    akie = next(e for e in store.entities(aid) if e.name == "Akie Abe")
    assert akie.spans == [(mentions_of(edited.text, "Abe")[1].start, mentions_of(edited.text, "Abe")[1].end)]


def test_library_wide_rules_apply_to_every_article(lib: Library) -> None:
    aid = add_analysed(lib, article("file:///a.txt", "Summit", BODY_A, "2019-01-23"))
    bid = add_analysed(lib, article("file:///b.txt", "G20", BODY_B, "2019-03-04"))
    store = EntityStore(lib)
    store.add_rule(None, "rename", {"entity": {"name": "Vladimir Putin", "type": "PERSON"}, "name": "V. Putin"})
    assert "V. Putin" in names(store.entities(aid)) and "V. Putin" in names(store.entities(bid))
    with pytest.raises(ValueError):
        store.add_rule(None, "add", {"mention": {"start": 0, "end": 3}, "name": "X", "type": "OTHER"})


def test_a_malformed_rule_is_refused_and_nothing_is_stored(lib: Library) -> None:
    aid = add_analysed(lib, article("file:///a.txt", "Summit", BODY_A, "2019-01-23"))
    store = EntityStore(lib)
    with pytest.raises(ValueError):
        store.add_rule(aid, "retype", {"entity": {"name": "Moscow", "type": "ORGANIZATION"}, "type": "CITY"})
    with pytest.raises(ValueError):
        store.add_rule(aid, "add", {"mention": {"start": 0, "end": 7, "text": "Nothing"}, "name": "X", "type": "OTHER"})
    assert store.rules(aid) == ()


def test_library_index_counts_an_entity_once_across_articles(lib: Library) -> None:
    add_analysed(lib, article("file:///a.txt", "Summit", BODY_A, "2019-01-23"))
    add_analysed(lib, article("file:///b.txt", "G20", BODY_B, "2019-03-04"))
    lib.import_article(article("file:///c.txt", "Unanalysed", "Abe again.", "2019-03-05"))
    index = {(e.name, e.type): e for e in EntityStore(lib).library_index()}
    assert index[("Shinzo Abe", "PERSON")].article_count == 2
    assert index[("Shinzo Abe", "PERSON")].mention_count == 3
    assert index[("Vladimir Putin", "PERSON")][2:] == (2, 2)
    assert index[("Osaka", "PLACE")][2:] == (1, 1)
    assert list(index)[:2] == [("Shinzo Abe", "PERSON"), ("Vladimir Putin", "PERSON")]


def test_dossier_lists_articles_mentions_in_context_and_overlapping_highlights(lib: Library) -> None:
    a = article("file:///a.txt", "Summit", BODY_A, "2019-01-23")
    b = article("file:///b.txt", "G20", BODY_B, "2019-03-04")
    aid, bid = add_analysed(lib, a), add_analysed(lib, b)
    on_abe = a.text.index("Abe said")
    with lib.writing() as s:
        for hid, start, end, note in (
            ("11111111-1111-4111-8111-111111111111", on_abe, on_abe + len("Abe said talks"), "check this"),
            ("22222222-2222-4222-8222-222222222222", a.text.index("Moscow"), a.text.index("Moscow") + 6, "far"),
        ):
            s.add(HighlightRow(id=hid, article_id=aid, start=start, end=end, exact=a.text[start:end],
                               text_hash=a.text_hash, color="red", note=note))
    dossier = EntityStore(lib).dossier("shinzo abe", "PERSON")
    assert [x.article_id for x in dossier.articles] == [bid, aid]  # newest first
    assert dossier.mention_count == 3 and dossier.surfaces == ("Abe",)
    in_a = dossier.articles[1]
    assert (in_a.title, in_a.publisher, in_a.published) == ("Summit", "Mainichi", "2019-01-23")
    first, second = in_a.mentions
    assert first.snippet == "Prime Minister Shinzo Abe met Vladimir Putin in Moscow on Jan. 22."
    assert second.snippet == "Abe said talks would go on."
    assert a.text[second.snippet_start : second.snippet_start + len(second.snippet)] == second.snippet
    assert [(h.note, h.color) for h in in_a.highlights] == [("check this", "red")]
    assert dossier.articles[0].mentions[0].snippet == "Tokyo – Abe will host the G20 summit in Osaka."
    assert EntityStore(lib).dossier("Nobody", "PERSON").articles == ()


def test_long_sentences_are_clipped_around_the_mention_at_word_boundaries() -> None:
    text = " ".join(f"word{i}" for i in range(200)) + " Lavrov " + " ".join(f"tail{i}" for i in range(200)) + "."
    start = text.index("Lavrov")
    s, e = sentence_around(text, start, start + 6, limit=80)
    snippet = text[s:e]
    assert "Lavrov" in snippet and len(snippet) <= 80
    assert snippet.split()[0].startswith("word") and snippet.split()[-1].startswith("tail")
    assert text[s - 1] == " " and text[e] == " "


@pytest.mark.slow
def test_corrections_on_the_sample_survive_a_real_reanalysis(lib: Library, sample_path: Path) -> None:
    from models.ingest import ingest_file

    a = ingest_file(sample_path)
    aid = lib.import_article(a).id
    store = EntityStore(lib)
    first = {e.name: e for e in store.entities(aid)}  # analysed and cached
    lavrov = first["Sergey Lavrov"]
    assert all(a.text[m.start : m.end] in ("Sergey Lavrov", "Lavrov") for m in lavrov.mentions)
    store.add_rule(aid, "rename", {"entity": {"name": "Sergey Lavrov", "type": "PERSON"}, "name": "Sergei Lavrov"})
    kono = first["Taro Kono"].mentions[0]
    store.add_rule(aid, "split", {"entity": {"name": "Taro Kono", "type": "PERSON"},
                                  "mention": {"start": kono.start, "end": kono.end}, "name": "Kono Taro",
                                  "type": "PERSON"})
    with lib.writing() as s:  # forget the cache: the next read runs the analyser again
        s.execute(text("DELETE FROM analyses"))
    again = {e.name: e for e in store.entities(aid)}
    assert "Sergey Lavrov" not in again and again["Sergei Lavrov"].spans == lavrov.spans
    assert again["Kono Taro"].spans == [(kono.start, kono.end)] and "Taro Kono" not in again


def test_an_entity_typed_one_way_in_most_articles_takes_that_type_in_the_rest(lib: Library) -> None:
    ids = []
    for n, kind in enumerate(("ORGANIZATION", "ORGANIZATION", "ORGANIZATION", "PERSON")):
        a = article(f"v{n}.txt", f"Story {n}", f"Halvorsen Group said on day {n} it would grow.", "2020-01-01")
        article_id = lib.import_article(a).id
        mentions = mentions_of(a.text, "Halvorsen Group")
        lib.save_analysis(article_id, Analysis(ANALYZER_VERSION, text_hash(a.text),
                                               (Entity("Halvorsen Group", kind, mentions, None, 0.6, "model"),)))
        ids.append(article_id)
    store = EntityStore(lib)
    outlier = store.entities(ids[3])
    assert names(outlier) == {"Halvorsen Group": "ORGANIZATION"}
    assert "type of most articles" in outlier[0].provenance
    # a reader's retype of this article is never overruled by the votes
    store.add_rule(ids[3], "retype", {"entity": {"name": "Halvorsen Group", "type": "ORGANIZATION"}, "type": "PERSON"})
    assert names(store.entities(ids[3])) == {"Halvorsen Group": "PERSON"}


def test_a_library_wide_correction_holds_in_every_article_and_after_reanalysis(lib: Library) -> None:
    first = add_analysed(lib, article("a.txt", "Summit", BODY_A, "2019-01-23"))
    second = add_analysed(lib, article("b.txt", "G20", BODY_B + " Moscow agreed.", "2019-01-24"))
    store = EntityStore(lib)
    store.add_rule(None, "retype", {"entity": {"name": "Moscow", "type": "ORGANIZATION"}, "type": "PLACE"})
    assert names(store.entities(first))["Moscow"] == "PLACE"
    assert names(store.entities(second))["Moscow"] == "PLACE"
    # re-analysis: a fresh result of the same text keeps the correction
    lib.save_analysis(second, analysis_of(lib.get_article(second).article.text))
    assert names(store.entities(second))["Moscow"] == "PLACE"
