"""The library contract: the real store and the GUI tests' in-memory stand-in answer the same calls the same way.

mypy checks that both satisfy ``LibraryProtocol`` (the assignments below); the tests run one reader's session
against each, so the stand-in cannot drift from the store without a test failing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from models.analysis.types import Analysis
from models.article import Article, Metadata, build_text
from models.store import Library, open_library
from models.store.protocol import AnnotationsProtocol, LibraryProtocol, RevisionsProtocol
from tests.gui.fakes import FakeLibrary


def _satisfies(real: Library, fake: FakeLibrary) -> tuple[LibraryProtocol, LibraryProtocol]:
    """Never called: mypy checks these assignments."""
    stores: tuple[AnnotationsProtocol, RevisionsProtocol] = (fake.annotations, fake.revisions)
    assert stores
    return real, fake


def _article(source: str, title: str, body: str, published: str | None = None) -> Article:
    text, blocks = build_text([("title", title), ("paragraph", body)])
    return Article(source, "text", text, blocks, Metadata(title=title, published=published))


BODY = "The council met on Monday and voted to close the harbour until the storm passes."


@pytest.fixture(params=["real", "fake"])
def library(request: pytest.FixtureRequest) -> Iterator[LibraryProtocol]:
    lib: LibraryProtocol = open_library("sqlite://") if request.param == "real" else FakeLibrary()
    yield lib
    lib.close()


def test_import_update_and_list(library: LibraryProtocol) -> None:
    first = library.import_article(_article("https://example.org/a", "Harbour closed", BODY, "2024-03-01"))
    second = library.import_article(_article("https://example.org/b", "Bridge open", "The bridge opened today."))
    assert (first.status, second.status) == ("new", "new")
    assert library.import_article(_article("https://example.org/a", "Harbour closed", BODY, "2024-03-01")).status \
        == "unchanged"
    assert library.article_count() == 2 == library.count_articles()
    assert [s.id for s in library.list_articles()] == [second.id, first.id]  # newest import first
    assert [s.id for s in library.article_page(0, 10, sort="title")] == [second.id, first.id]
    assert [s.id for s in library.article_page(0, 10, sort="oldest")] == [first.id, second.id]  # undated last
    assert [s.id for s in library.list_articles("storm")] == [first.id]
    assert library.find_article("https://example.org/b") == second.id
    assert library.get_article(first.id).article.metadata.title == "Harbour closed"
    with pytest.raises(KeyError):
        library.get_article(999)


def test_reading_state_note_date_and_delete(library: LibraryProtocol) -> None:
    article_id = library.import_article(_article("https://example.org/a", "Harbour closed", BODY)).id
    assert library.reading_state(article_id) == (False, 0)
    library.set_position(article_id, 40)  # where the reader is; it does not make the article read
    assert library.reading_state(article_id) == (False, 40)
    library.set_read(article_id)
    assert library.count_articles(unread_only=True) == 0 and library.article_page(0, 5)[0].read
    assert library.reading_state(article_id) == (True, 40)
    with pytest.raises(KeyError):
        library.set_position(999, 3)
    library.set_article_note(article_id, "Check the vote count.")
    assert library.get_article(article_id).note == "Check the vote count."
    library.set_published(article_id, "2024-03-04")
    assert library.get_article(article_id).article.metadata.published == "2024-03-04"
    library.delete_article(article_id)
    assert library.article_count() == 0 and library.annotations.list() == []


def test_analyses_are_kept_for_the_text_they_were_made_of(library: LibraryProtocol) -> None:
    stored = library.import_article(_article("https://example.org/a", "Harbour closed", BODY))
    text_hash = library.get_article(stored.id).article.text_hash
    library.save_analysis(stored.id, Analysis("v1", "not-this-text"))
    assert library.load_analysis(stored.id, "v1") is None  # the text changed while it ran: not kept
    library.save_analysis(stored.id, Analysis("v1", text_hash, status="failed", reason="boom"))
    assert library.load_analysis(stored.id, "v2") is None
    found = library.load_analysis(stored.id, "v1")
    assert found is not None and found.status == "failed"
    assert library.article_page(0, 1)[0].analysis_status == "failed"
    library.forget_analysis(stored.id)
    assert library.load_analysis(stored.id, "v1") is None


def test_annotations_follow_the_store_rules(library: LibraryProtocol) -> None:
    article_id = library.import_article(_article("https://example.org/a", "Harbour closed", BODY)).id
    text = library.get_article(article_id).article.text
    store = library.annotations
    at = text.index("voted")
    first = store.add(article_id, at, at + len("voted"), color="red", note="Who? #vote", tags=["Council"])
    assert (first.exact, first.status, first.color) == ("voted", "anchored", "red")
    assert sorted(first.tags) == ["Council", "vote"]
    with pytest.raises(ValueError):
        store.add(article_id, at, at + 3, color="no-such-colour")
    with pytest.raises(ValueError):
        store.add(article_id, 5, 5)
    second = store.add(article_id, 0, 7, note="")
    assert [a.id for a in store.list(article_id)] == [second.id, first.id]  # text order
    assert [a.id for a in store.list(colors=["red"])] == [first.id]
    assert [a.id for a in store.list(tag="#council")] == [first.id]
    assert [a.id for a in store.list(text="WHO?")] == [first.id]
    changed = store.update(first.id, note="Which members?")
    assert changed.note == "Which members?" and list(changed.tags) == ["Council"]  # the note's hashtag went
    assert store.counts_by_color(article_id)["red"] == 1 and store.counts_by_color()["yellow"] == 1
    assert store.tags() == ["Council"]
    gone = store.delete(first.id)
    with pytest.raises(KeyError):
        store.get(first.id)
    assert store.restore(gone) == store.get(first.id)
    moved = store.reattach(first.id, 0, 7)
    assert (moved.start, moved.end, moved.status) == (0, 7, "anchored")


def test_a_new_text_is_a_revision_and_highlights_move_with_their_words(library: LibraryProtocol) -> None:
    source = "https://example.org/a"
    article_id = library.import_article(_article(source, "Harbour closed", BODY)).id
    text = library.get_article(article_id).article.text
    at = text.index("storm")
    mark = library.annotations.add(article_id, at, at + len("storm"))
    updated = library.import_article(_article(source, "Harbour closed", "Late news. " + BODY))
    assert (updated.status, updated.revision, updated.orphaned) == ("updated", 2, 0)
    moved = library.annotations.get(mark.id)
    assert moved.exact == "storm" and moved.start == at + len("Late news. ")
    assert [r.number for r in library.revisions.list(article_id)] == [1, 2] == [1, library.revisions.count(article_id)]
    assert library.revisions.get(article_id, 1).article.text == text
    assert library.article_page(0, 1, edited_only=True)[0].edited


def test_the_legend_can_be_renamed_recoloured_and_extended(library: LibraryProtocol) -> None:
    store = library.annotations
    keys = [c.key for c in store.colors()]
    assert keys[:2] == ["yellow", "red"]
    store.set_color("red", meaning="Contested", swatch="#AA0000")
    red = next(c for c in store.colors() if c.key == "red")
    assert (red.meaning, red.swatch) == ("Contested", "#AA0000")
    with pytest.raises(ValueError):
        store.set_color("red", swatch="crimson")
    with pytest.raises(ValueError):
        store.set_color("teal", meaning="New")
    store.set_color("teal", meaning="New", swatch="#008080", background="#CCE6E6")
    assert [c.key for c in store.colors()] == [*keys, "teal"]
