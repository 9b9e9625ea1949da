"""A ``#tag`` typed in a note is a tag of the highlight: listed by ``annotations``, offered by the tag filter and
found by search as a tag; deleting it from the note takes it away again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.cli import main
from models.store import Library
from models.store.annotations import note_hashtags, tags_after_note_edit
from tests.test_annotations import article, span


@pytest.fixture
def article_id(lib: Library) -> int:
    return lib.import_article(article()).id


def test_hashtags_are_read_from_the_words_of_a_note_not_from_links_code_or_headings() -> None:
    note = ("Check with #Kuril-islands desk and #treaty, #Treaty again. # Heading, issue #42, "
            "https://example.com/page#section, `#code`, &#8217; and (#follow_up).")
    assert note_hashtags(note) == ["Kuril-islands", "treaty", "follow_up"]


def test_editing_a_note_adds_new_hashtags_and_drops_removed_ones_only() -> None:
    assert tags_after_note_edit(["chosen"], "", "see #trea") == ["chosen", "trea"]
    assert tags_after_note_edit(["chosen", "trea"], "see #trea", "see #treaty") == ["chosen", "treaty"]
    assert tags_after_note_edit(["chosen", "treaty"], "see #treaty", "see") == ["chosen"]


def test_a_note_hashtag_is_a_stored_tag_and_search_finds_it_as_a_tag(lib: Library, article_id: int) -> None:
    a = lib.annotations.add(article_id, *span(lib, article_id, "peace treaty"), note="Ask the desk #sovereignty")
    assert lib.annotations.get(a.id).tags == ("sovereignty",)
    assert "sovereignty" in lib.annotations.tags()
    assert [x.id for x in lib.annotations.list(article_id, tag="#sovereignty")] == [a.id]
    hits = lib.search("#sovereignty")
    assert [(h.kind, h.highlight_id) for h in hits] == [("tag", a.id)]
    assert hits[0].snippet.startswith("#sovereignty · peace treaty")
    b = lib.annotations.add(article_id, *span(lib, article_id, "concrete progress"))
    lib.annotations.update(b.id, note="first #trea")
    lib.annotations.update(b.id, note="first #treaty-talks and #islands")
    assert lib.annotations.get(b.id).tags == ("islands", "treaty-talks")
    assert {h.highlight_id for h in lib.search("treaty talks") if h.kind == "tag"} == {b.id}
    lib.annotations.update(b.id, note="nothing to tag")
    assert lib.annotations.get(b.id).tags == ()
    assert [h for h in lib.search("islands") if h.kind == "tag"] == []


def test_cli_annotations_lists_a_note_hashtag(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib_arg = str(library_path)
    from models.store import open_library

    lib = open_library(lib_arg)
    aid = lib.import_article(article()).id
    lib.close()
    assert main(["highlight", "--library", lib_arg, "--article", str(aid), "--quote", "peace treaty",
                 "--note", "Compare with 1956 #declaration"]) == 0
    capsys.readouterr()
    assert main(["annotations", "--library", lib_arg]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["tags"] == ["declaration"]
    assert main(["search", "--library", lib_arg, "#declaration"]) == 0
    kinds = [json.loads(x)["kind"] for x in capsys.readouterr().out.splitlines()]
    assert kinds[0] == "tag"
