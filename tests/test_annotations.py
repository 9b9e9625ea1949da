"""Highlights, notes, tags and the colour legend in the library: one transaction per action, never lost, never
drifting when the article is re-imported."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from models.article import Article, Metadata, build_text
from models.store import Annotation, Library, open_library
from models.store.annotations import normalize_tags
from models.store.schema import HighlightRow, TagRow

SOURCE = "file:///summit.txt"
TITLE = "Abe fails to find breakthrough"
PARAGRAPHS = [
    "MOSCOW – Prime Minister Shinzo Abe met Russian President Vladimir Putin in Moscow on Jan. 22.",
    "The two leaders agreed to accelerate negotiations on a peace treaty based on the 1956 declaration.",
    "Abe stressed his relationship of trust with Putin, but he failed to make concrete progress.",
    "Russian Foreign Minister Sergei Lavrov said Japan must accept the results of World War II.",
]


def article(paragraphs: list[str] = PARAGRAPHS, source: str = SOURCE) -> Article:
    text, blocks = build_text([("title", TITLE)] + [("paragraph", p) for p in paragraphs])
    return Article(source, "text", text, blocks, Metadata(title=TITLE, published="2019-01-23"))


@pytest.fixture
def article_id(lib: Library) -> int:
    return lib.import_article(article()).id


def span(lib: Library, article_id: int, quote: str) -> tuple[int, int]:
    text = lib.get_article(article_id).article.text
    start = text.index(quote)
    return start, start + len(quote)


def test_add_returns_the_saved_annotation_with_selectors_author_and_times(lib: Library, article_id: int) -> None:
    start, end = span(lib, article_id, "Vladimir Putin")
    before = datetime.now(UTC).replace(tzinfo=None)
    a = lib.annotations.add(article_id, start, end, color="red", note="host", tags=["#Russia", " leaders "])
    text = lib.get_article(article_id).article.text
    assert uuid.UUID(a.id).version == 4
    assert (a.start, a.end, a.exact) == (start, end, "Vladimir Putin")
    assert a.prefix == text[start - 32 : start] and a.suffix == text[end : end + 32]
    assert (a.color, a.note, a.tags, a.status) == ("red", "host", ("leaders", "Russia"), "anchored")
    assert a.author == "Test Reader"  # NEWSDESK_AUTHOR, set by conftest
    assert before <= a.created == a.modified <= datetime.now(UTC).replace(tzinfo=None)
    assert lib.annotations.get(a.id) == a
    assert [x.id for x in lib.annotations.list(article_id)] == [a.id]


def test_author_defaults_to_the_login_name_without_the_environment_variable(
    lib: Library, article_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSDESK_AUTHOR")
    monkeypatch.setattr("getpass.getuser", lambda: "reader7")
    assert lib.annotations.add(article_id, 0, 3).author == "reader7"
    assert lib.annotations.add(article_id, 0, 3, author="Ann").author == "Ann"


@pytest.mark.parametrize("start,end", [(-1, 4), (5, 5), (9, 2), (0, 10_000)])
def test_add_refuses_a_range_outside_the_text(lib: Library, article_id: int, start: int, end: int) -> None:
    with pytest.raises(ValueError):
        lib.annotations.add(article_id, start, end)
    assert lib.annotations.list() == []


def test_add_to_a_missing_article_fails(lib: Library) -> None:
    with pytest.raises(KeyError):
        lib.annotations.add(99, 0, 3)


def test_a_failed_add_leaves_nothing_behind(lib: Library, article_id: int) -> None:
    with pytest.raises(ValueError, match="unknown colour"):
        lib.annotations.add(article_id, 0, 3, color="mauve", tags=["brand-new-tag"])
    kept = lib.annotations.add(article_id, 0, 3)
    with pytest.raises(IntegrityError):  # the same id twice: the database refuses after the tag rows were added
        lib.annotations.add(article_id, 4, 9, id=kept.id, tags=["another-new-tag"])
    assert [a.id for a in lib.annotations.list()] == [kept.id]
    with lib.reading() as s:
        assert s.scalars(select(TagRow.name)).all() == []


def test_update_changes_colour_note_and_tags_and_moves_modified_on(lib: Library, article_id: int) -> None:
    a = lib.annotations.add(article_id, *span(lib, article_id, "peace treaty"), tags=["treaty"])
    b = lib.annotations.update(a.id, color="green", note="the core of it", tags=["Treaty", "#1956"])
    assert (b.color, b.note, b.tags) == ("green", "the core of it", ("1956", "treaty"))
    assert b.modified >= a.modified and b.created == a.created
    assert lib.annotations.get(a.id) == b
    c = lib.annotations.update(a.id, note="")
    assert (c.color, c.note, c.tags) == ("green", "", ("1956", "treaty"))
    with pytest.raises(ValueError):
        lib.annotations.update(a.id, color="mauve")
    assert lib.annotations.get(a.id).color == "green"


def test_delete_then_restore_gives_back_the_same_annotation(lib: Library, article_id: int) -> None:
    a = lib.annotations.add(article_id, *span(lib, article_id, "Lavrov"), color="purple", note="n", tags=["x", "y"])
    gone = lib.annotations.delete(a.id)
    assert gone == a
    assert lib.annotations.list() == []
    with pytest.raises(KeyError):
        lib.annotations.get(a.id)
    assert lib.annotations.restore(gone) == a
    assert lib.annotations.get(a.id) == a


def test_restore_after_the_text_changed_reanchors(lib: Library, article_id: int) -> None:
    a = lib.annotations.add(article_id, *span(lib, article_id, "Lavrov"))
    gone = lib.annotations.delete(a.id)
    lib.import_article(article(["A correction was added at the top."] + PARAGRAPHS))
    back = lib.annotations.restore(gone)
    assert back.status == "anchored" and back.id == a.id
    assert lib.get_article(article_id).article.text[back.start : back.end] == "Lavrov"


def test_tags_are_normalised_and_shared_ignoring_case() -> None:
    assert normalize_tags([" #Russia ", "russia", "##peace  treaty", "", "#", "Peace Treaty", "Japan"]) == [
        "Russia", "peace treaty", "Japan"
    ]


def test_tags_keep_the_librarys_first_spelling(lib: Library, article_id: int) -> None:
    lib.annotations.add(article_id, 0, 3, tags=["Russia"])
    b = lib.annotations.add(article_id, 4, 9, tags=["#RUSSIA", "Kuril Islands"])
    assert b.tags == ("Kuril Islands", "Russia")
    assert lib.annotations.tags() == ["Kuril Islands", "Russia"]
    lib.annotations.delete(b.id)
    assert lib.annotations.tags() == ["Russia"]  # only tags in use are offered


def test_list_filters_and_orders(lib: Library, article_id: int) -> None:
    other = lib.import_article(article(["Tokyo stocks rose on Monday."], source="file:///markets.txt")).id
    late = lib.annotations.add(article_id, *span(lib, article_id, "Lavrov"), color="red", tags=["people"],
                               created=datetime(2020, 1, 1, tzinfo=UTC))
    early = lib.annotations.add(article_id, *span(lib, article_id, "Shinzo Abe"), color="blue", note="Who leads?",
                                created=datetime(2019, 1, 1, tzinfo=UTC))
    elsewhere = lib.annotations.add(other, *span(lib, other, "Tokyo stocks"), color="red")

    def ids(xs: list[Annotation]) -> list[str]:
        return [x.id for x in xs]

    assert ids(lib.annotations.list(article_id)) == [early.id, late.id]  # by position
    assert ids(lib.annotations.list(order="created")) == [early.id, late.id, elsewhere.id]
    assert ids(lib.annotations.list(article_id, order="color")) == [late.id, early.id]  # red before blue in legend
    assert ids(lib.annotations.list(colors=["red"])) == [late.id, elsewhere.id]
    assert ids(lib.annotations.list(tag="#PEOPLE")) == [late.id]
    assert ids(lib.annotations.list(text="who LEADS")) == [early.id]
    assert ids(lib.annotations.list(text="shinzo")) == [early.id]
    assert ids(lib.annotations.list(status="orphan")) == []
    assert lib.annotations.get(late.id).created == datetime(2020, 1, 1)
    with pytest.raises(ValueError):
        lib.annotations.list(order="size")


def test_colour_legend_can_be_renamed_and_extended(lib: Library, article_id: int) -> None:
    keys = [c.key for c in lib.annotations.colors()]
    assert keys[:5] == ["yellow", "red", "green", "blue", "purple"]
    red = lib.annotations.set_color("red", meaning="Contested claim")
    assert (red.key, red.meaning) == ("red", "Contested claim")
    assert lib.annotations.colors()[1].meaning == "Contested claim"
    teal = lib.annotations.set_color("teal", meaning="Economy", swatch="#008080", background="#CCE6E6")
    assert lib.annotations.colors()[-1] == teal
    assert lib.annotations.add(article_id, 0, 3, color="teal").color == "teal"
    with pytest.raises(ValueError):
        lib.annotations.set_color("red", swatch="crimson")
    with pytest.raises(ValueError):
        lib.annotations.set_color("orange", meaning="needs swatches")


def test_counts_by_color_cover_the_whole_legend(lib: Library, article_id: int) -> None:
    lib.annotations.add(article_id, 0, 3, color="red")
    lib.annotations.add(article_id, 4, 9, color="red")
    lib.annotations.add(article_id, 10, 14, color="blue")
    counts = lib.annotations.counts_by_color(article_id)
    assert list(counts)[:2] == ["yellow", "red"]
    assert (counts["red"], counts["blue"], counts["yellow"]) == (2, 1, 0)
    assert lib.annotations.counts_by_color(article_id + 1)["red"] == 0


def test_reimport_with_edited_text_keeps_highlights_on_their_words(lib: Library, article_id: int) -> None:
    keep = {q: lib.annotations.add(article_id, *span(lib, article_id, q), note=q) for q in
            ["Vladimir Putin", "accelerate negotiations on a peace treaty", "Lavrov", "concrete progress"]}
    lost = lib.annotations.add(article_id, *span(lib, article_id, "relationship of trust"), note="gone soon")
    edited = [
        "Editor's note: this story was updated on Jan. 24.",
        PARAGRAPHS[0].replace("Jan. 22.", "Jan. 22 for the 25th time."),
        PARAGRAPHS[1],
        "Abe said the talks were frank, but he failed to make concrete progress.",
        PARAGRAPHS[3],
    ]
    result = lib.import_article(article(edited))
    assert (result.status, result.orphaned) == ("updated", 1)
    text = lib.get_article(article_id).article.text
    for quote, a in keep.items():
        now = lib.annotations.get(a.id)
        assert (now.status, text[now.start : now.end], now.exact) == ("anchored", quote, quote)
        assert now.prefix == text[max(0, now.start - 32) : now.start]
        assert now.note == quote  # the reader's data is untouched
    orphan = lib.annotations.get(lost.id)
    assert orphan.status == "orphan"
    assert (orphan.exact, orphan.start, orphan.prefix) == (lost.exact, lost.start, lost.prefix)
    assert [a.id for a in lib.annotations.list(article_id, status="orphan")] == [lost.id]


def test_an_orphan_can_be_reattached_or_comes_back_with_its_text(lib: Library, article_id: int) -> None:
    lost = lib.annotations.add(article_id, *span(lib, article_id, "relationship of trust"))
    without = [p.replace("relationship of trust", "rapport") for p in PARAGRAPHS]
    assert lib.import_article(article(without)).orphaned == 1
    again = lib.import_article(article(PARAGRAPHS))  # the correction was withdrawn
    assert again.orphaned == 0
    back = lib.annotations.get(lost.id)
    assert back.status == "anchored" and (back.start, back.end) == (lost.start, lost.end)
    lib.import_article(article(without))
    start, end = span(lib, article_id, "rapport")
    reattached = lib.annotations.reattach(lost.id, start, end)
    assert (reattached.status, reattached.exact, reattached.start) == ("anchored", "rapport", start)
    assert reattached.modified >= lost.modified


def test_reimport_edited_quote_follows_the_edit_not_another_copy(lib: Library) -> None:
    paragraphs = ["Abe met Putin in Moscow on Jan. 22.", "The talks were long.", "Abe met Putin in Moscow on Jan. 22."]
    aid = lib.import_article(article(paragraphs)).id
    text = lib.get_article(aid).article.text
    second = text.rindex(paragraphs[0])
    a = lib.annotations.add(aid, second, second + len(paragraphs[0]))
    lib.import_article(article(paragraphs[:2] + ["Abe met Putin in Moscow on January 22."]))
    now = lib.annotations.get(a.id)
    new_text = lib.get_article(aid).article.text
    assert now.start > len(paragraphs[0]) and new_text[now.start : now.end] == "Abe met Putin in Moscow on January 22."


def test_search_finds_quotes_and_notes_and_follows_updates_and_deletes(lib: Library, article_id: int) -> None:
    a = lib.annotations.add(article_id, *span(lib, article_id, "peace treaty"), note="sovereignty dispute")
    assert [(h.kind, h.highlight_id) for h in lib.search("sovereignty")] == [("note", a.id)]
    assert ("highlight", a.id) in [(h.kind, h.highlight_id) for h in lib.search("peace treaty")]
    lib.annotations.update(a.id, note="islands question")
    assert lib.search("sovereignty") == []
    assert [h.highlight_id for h in lib.search("islands")] == [a.id]
    lib.annotations.delete(a.id)
    assert lib.search("islands") == []
    assert all(h.highlight_id is None for h in lib.search("peace treaty"))


def test_annotations_cascade_with_their_article(lib: Library, article_id: int) -> None:
    a = lib.annotations.add(article_id, 0, 3, tags=["t"])
    lib.delete_article(article_id)
    with lib.reading() as s:
        assert s.get(HighlightRow, a.id) is None
    assert lib.annotations.tags() == []


def test_records_are_frozen_values(lib: Library, article_id: int) -> None:
    a = lib.annotations.add(article_id, 0, 3)
    with pytest.raises(AttributeError):
        a.note = "x"  # type: ignore[misc]
    assert replace(a, note="x").note == "x" and lib.annotations.get(a.id).note == ""


def test_search_shows_the_matched_words_of_notes_quotes_and_articles_alike_on_every_database(
    lib: Library, article_id: int
) -> None:
    a = lib.annotations.add(
        article_id, *span(lib, article_id, "accelerate negotiations on a peace treaty"),
        note="The sovereignty dispute over the four islands has blocked every treaty since 1956, and neither side "
             "will move.",
    )
    markets = lib.import_article(article(["Tokyo stocks rose on Monday; treaty hopes lifted exporters."],
                                         source="file:///markets.txt")).id

    def shown(query: str) -> list[tuple[str, int, str, list[str]]]:
        return [(h.kind, h.article_id, h.snippet, [h.snippet[x:y] for x, y in h.marks]) for h in lib.search(query)]

    long_note = "The sovereignty dispute over the four islands has blocked every treaty since 1956, and…"
    assert shown("sovereignty") == [("note", article_id, long_note, ["sovereignty"])]  # a note word: the note
    assert shown("islands since") == [("note", article_id, long_note, ["islands", "since"])]
    quote = "accelerate negotiations on a peace treaty"
    assert shown("treaty islands") == [("highlight", article_id, quote, ["treaty"])]  # the quote wins when it matches
    in_text = "…The two leaders agreed to accelerate negotiations on a peace treaty based on the…"
    assert shown("peace treaty") == [("article", article_id, in_text, ["peace", "treaty"]),
                                     ("highlight", article_id, quote, ["peace", "treaty"])]
    assert shown("negot") == [("article", article_id, in_text, ["negotiations"]),
                              ("highlight", article_id, quote, ["negotiations"])]  # the last word is a prefix
    assert [(h.kind, h.article_id) for h in lib.search("treaty")] == [
        ("article", markets), ("article", article_id), ("highlight", article_id)]  # the short article ranks first
    assert [h.highlight_id for h in lib.search("sovereignty")] == [a.id]


def test_two_readers_adding_the_same_new_tag_at_once_share_one_tag(lib: Library, article_id: int) -> None:
    """Two people on a shared library: the second add starts while the first is between writing its new tag and
    committing. SQLite queues writers at BEGIN IMMEDIATE; PostgreSQL must not make two tags (or fail) either."""
    if lib.engine.dialect.name == "sqlite":
        pytest.skip("SQLite lets one writer in at a time (BEGIN IMMEDIATE)")
    import threading

    from sqlalchemy import event

    import models.store.annotations as annotations_module

    other = open_library(lib.url)
    first_written, go = threading.Event(), threading.Event()
    real_record = annotations_module._record
    errors: list[BaseException] = []

    def first_waits(row: HighlightRow) -> object:
        if threading.current_thread().name == "first" and not first_written.is_set():
            first_written.set()  # its tag row is flushed, not committed
            assert go.wait(timeout=60)
        return real_record(row)

    def second_arrives(conn: Connection, cursor: object, statement: str, *args: object) -> None:
        # the second writer reaches the tag table (or is past it): let the first one commit
        if "pg_advisory" in statement or statement.lstrip().upper().startswith("INSERT INTO HIGHLIGHTS"):
            go.set()

    def run(library: Library, tags: list[str], start: int) -> None:
        try:
            library.annotations.add(article_id, start, start + 3, tags=tags)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    annotations_module._record = first_waits  # type: ignore[assignment]
    event.listen(other.engine, "before_cursor_execute", second_arrives)
    try:
        first = threading.Thread(target=run, args=(lib, ["Kuril Islands"], 0), name="first")
        first.start()
        assert first_written.wait(timeout=60)
        second = threading.Thread(target=run, args=(other, ["kuril islands"], 4), name="second")
        second.start()
        first.join(timeout=60)
        second.join(timeout=60)
    finally:
        annotations_module._record = real_record
        go.set()
        other.close()
    assert errors == []
    assert lib.annotations.tags() == ["Kuril Islands"]
    assert [a.tags for a in lib.annotations.list(article_id)] == [("Kuril Islands",), ("Kuril Islands",)]
