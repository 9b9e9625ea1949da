"""Story revisions in the store and the pure diff: every version kept, word-level changes by paragraph, the fates
of highlights, entities and events, and libraries from before revisions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from models.analysis.types import Analysis, Entity, Mention, TimelineEvent, Timex
from models.anchoring import make_selector
from models.article import Article, Metadata, build_text
from models.revisions.analysis_diff import entity_changes, event_changes
from models.revisions.compare import compare
from models.revisions.fates import TrackedHighlight, highlight_fates
from models.revisions.history import diff_revisions
from models.revisions.identity import canonical_source, same_story
from models.revisions.text_diff import by_paragraph, diff_texts
from models.store import Library, migrate, open_library

PARAS = [
    "Japan and Russia signed a port agreement on Tuesday after two days of talks in Moscow.",
    "The deal covers 12 cargo ships and a new container terminal in Vladivostok.",
    "Prime Minister Shinzo Abe called the agreement a first step toward closer economic ties.",
]


def story(paras: list[str], title: str = "Port deal signed", source: str = "https://example.org/port",
          section: str = "") -> Article:
    t, blocks = build_text([("title", title)] + [("paragraph", p) for p in paras])
    return Article(source, "text", t, blocks, Metadata(title=title, published="2019-01-23", section=section))


def test_every_changed_import_is_a_revision_and_old_ones_stay_readable(lib: Library) -> None:
    first = lib.import_article(story(PARAS))
    assert first.revision == 1
    assert lib.import_article(story(PARAS)).status == "unchanged"
    second = lib.import_article(story([PARAS[0], PARAS[1].replace("12", "15"), PARAS[2]]))
    third = lib.import_article(story(PARAS[:2]))
    assert (second.revision, third.revision, third.id) == (2, 3, first.id)
    infos = lib.revisions.list(first.id)
    assert [i.number for i in infos] == [1, 2, 3]
    assert lib.revisions.get(first.id, 1).article.text == story(PARAS).text
    assert "15 cargo" in lib.revisions.get(first.id, 2).article.text
    assert lib.get_article(first.id).article.text == story(PARAS[:2]).text
    [summary] = lib.list_articles()
    assert (summary.revisions, summary.edited) == (3, True)
    assert lib.revisions.edited_ids() == {first.id}


def test_a_metadata_change_alone_updates_the_newest_revision_without_a_new_one(lib: Library) -> None:
    first = lib.import_article(story(PARAS, section="World"))
    again = lib.import_article(story(PARAS, section="Business"))
    assert (again.status, again.revision) == ("updated", 1)
    assert lib.revisions.get(first.id, 1).article.metadata.section == "Business"


def test_the_word_diff_groups_changes_by_paragraph() -> None:
    old = story(PARAS)
    new = story([PARAS[0], PARAS[1].replace("12 cargo", "15 cargo"), "A new paragraph on Feb. 2.", PARAS[2]],
                title="Port deal signed in Moscow")
    changes = diff_texts(old, new)
    assert [(c.op, c.old_text, c.new_text) for c in changes] == [
        ("insert", "", "in Moscow"),
        ("replace", "12", "15"),
        ("insert", "", "A new paragraph on Feb. 2."),
    ]
    for c in changes:
        assert old.text[c.old_start : c.old_end] == c.old_text and new.text[c.new_start : c.new_end] == c.new_text
    groups = by_paragraph(changes, old, new)
    assert [(g.old_block, g.new_block, g.kind) for g in groups] == [(0, 0, "title"), (2, 2, "paragraph"),
                                                                   (None, 3, "paragraph")]
    diff = compare(old, new, old_number=1, new_number=2)
    assert diff.title_changed and ("title", "Port deal signed", "Port deal signed in Moscow") in [
        (m.field, m.old, m.new) for m in diff.metadata
    ]


def test_a_removed_paragraph_is_one_deletion() -> None:
    old, new = story(PARAS), story([PARAS[0], PARAS[2]])
    [change] = diff_texts(old, new)
    assert (change.op, change.old_text, change.new_text) == ("delete", PARAS[1], "")
    [group] = by_paragraph([change], old, new)
    assert (group.old_block, group.new_block) == (2, None)


def test_highlight_fates_unchanged_moved_edited_orphaned() -> None:
    old = story(PARAS).text
    new = story([PARAS[2], PARAS[0], PARAS[1].replace("new container terminal", "new cargo terminal")]).text
    quotes = {"moved": "Shinzo Abe called the agreement", "edited": "a new container terminal in Vladivostok",
              "unchanged": "Port deal signed"}
    tracked = [TrackedHighlight(k, make_selector(old, old.index(q), old.index(q) + len(q))) for k, q in quotes.items()]
    gone = story([PARAS[0]]).text
    fates = {f.highlight_id: f for f in highlight_fates(old, new, tracked)}
    assert fates["moved"].fate == "moved" and fates["moved"].new_quote == quotes["moved"]
    assert fates["edited"].fate == "edited" and fates["edited"].new_quote == "a new cargo terminal in Vladivostok"
    assert fates["unchanged"].fate == "unchanged"
    [lost] = highlight_fates(old, gone, tracked[1:2])
    assert (lost.fate, lost.new_start, lost.old_quote) == ("orphaned", None, quotes["edited"])


def _event(text: str, start: int, value: str) -> TimelineEvent:
    return TimelineEvent(Timex(start, start + len(text), text, "DATE", value), start, start + 40, text, (), "day",
                         value, value, False)


def test_events_added_removed_and_changed_in_value() -> None:
    old_text = "Talks on Jan. 22 in Moscow. The port opens in 2020."
    new_text = "Talks on Jan. 23 in Moscow. A summit follows on March 14."
    old = Analysis("v", "h", (Entity("Moscow", "PLACE", (Mention(22, 28, "Moscow"),)),), (),
                   (_event("Jan. 22", 9, "2019-01-22"), _event("2020", 46, "2020")))
    new = Analysis("v", "h2", (Entity("Moscow", "PLACE", ()), Entity("Tokyo", "PLACE", ())), (),
                   (_event("Jan. 23", 9, "2019-01-23"), _event("March 14", 48, "2019-03-14")))
    changes = [(c.change, c.value, c.old_value) for c in event_changes(old_text, new_text, old, new)]
    assert changes == [
        ("changed", "2019-01-23", "2019-01-22"),
        ("removed", "2020", None),
        ("added", "2019-03-14", None),
    ]
    assert [(e.change, e.name) for e in entity_changes(old, new)] == [("added", "Tokyo")]


def test_fates_through_three_revisions_start_from_where_the_highlight_was_made(lib: Library) -> None:
    a = lib.import_article(story(PARAS))
    t = lib.get_article(a.id).article.text
    quote = "a first step toward closer economic ties"
    h = lib.annotations.add(a.id, t.index(quote), t.index(quote) + len(quote))
    lib.import_article(story(["An opening line.", *PARAS]))
    lib.import_article(story(["An opening line.", *PARAS[:2]]))
    assert lib.annotations.get(h.id).status == "orphan"
    first = diff_revisions(lib, a.id, 1, 2, analyse=False)
    assert [(f.highlight_id, f.fate) for f in first.highlights] == [(h.id, "unchanged")]
    last = diff_revisions(lib, a.id, analyse=False)
    assert (last.old_number, last.new_number) == (2, 3)
    assert [(f.highlight_id, f.fate, f.old_quote) for f in last.highlights] == [(h.id, "orphaned", quote)]
    origin = lib.revisions.origins(a.id)[h.id]
    assert (origin.revision, origin.exact) == (1, quote)


def test_sources_are_absolute_and_unrelated_texts_are_not_one_story(tmp_path: Path) -> None:
    assert canonical_source("a/b.txt", tmp_path) == str((tmp_path / "a" / "b.txt").resolve())
    assert canonical_source("https://example.org/x?y#z") == "https://example.org/x?y#z"
    assert canonical_source("clipboard:abc") == "clipboard:abc"
    long_a = " ".join(PARAS * 3)
    long_b = " ".join(f"Completely different report number {i} about markets and weather." for i in range(12))
    assert same_story(long_a, long_a.replace("12", "15"))
    assert not same_story(long_a, long_b)
    assert same_story("Short.", "Other.") and not same_story("Short.", "Other.", short_texts_match=False)


def _legacy_library(path: Path, source: str, body: str) -> None:
    """A library as the release before revisions made it: schema 0001, a relative source, a cached analysis."""
    from alembic import command

    from models.store.engine import make_engine

    engine = make_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        a = story([body], source=source)
        conn.execute(
            text(
                "INSERT INTO articles (id, uid, source, kind, title, text, text_hash, blocks, metadata, published, "
                "note, imported_at, updated_at) VALUES (1, 'u-1', :source, 'text', :title, :text, :hash, '[]', '{}',"
                " NULL, '', '2019-01-23 10:00:00', '2019-01-23 10:00:00')"
            ),
            {"source": source, "title": a.metadata.title, "text": a.text, "hash": a.text_hash},
        )
        conn.execute(
            text("INSERT INTO analyses (article_id, text_hash, version, data, created_at) "
                 "VALUES (1, :hash, 'old', '{\"entities\": []}', '2019-01-23 10:00:00')"),
            {"hash": a.text_hash},
        )
    engine.dispose()


def test_a_library_from_before_revisions_gets_revision_one_and_keeps_relative_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = " ".join(PARAS * 3)
    _legacy_library(tmp_path / "old.sqlite", "article.txt", body)
    lib = open_library(str(tmp_path / "old.sqlite"))
    try:
        assert migrate.current(lib.engine) == migrate.head()
        [info] = lib.revisions.list(1)
        assert (info.number, info.analysed, lib.get_article(1).article.source) == (1, True, "article.txt")
        (tmp_path / "elsewhere").mkdir()
        monkeypatch.chdir(tmp_path / "elsewhere")
        other = lib.import_article(story([" ".join(f"Unrelated line {i} on markets." for i in range(20))],
                                         source="article.txt"))
        assert (other.status, other.id != 1) == ("new", True)
        assert lib.get_article(1).article.source == "article.txt"
        monkeypatch.chdir(tmp_path)
        same = lib.import_article(story([body.replace("12", "15")], source="article.txt"))
        assert (same.id, same.status, same.revision) == (1, "updated", 2)
        assert lib.get_article(1).article.source == os.path.join(str(tmp_path.resolve()), "article.txt")
    finally:
        lib.close()


def test_the_inline_view_puts_deleted_words_back_beside_the_inserted_ones() -> None:
    from models.revisions.inline import DELETED, INSERTED, inline_blocks

    old = story(PARAS)
    new = story([PARAS[0], "A new line.", PARAS[1].replace("12", "15")])
    diff = compare(old, new, old_number=1, new_number=2)
    blocks = inline_blocks(old, new, diff.paragraphs)
    assert [(b.new_block, b.changed) for b in blocks] == [(0, False), (1, False), (2, True), (3, True), (None, True)]
    assert [s.style for s in blocks[2].segments] == [INSERTED]
    assert blocks[4].segments[0].text == PARAS[2]
    second = blocks[3]
    assert [(s.text, s.style) for s in second.segments if s.style != "same"] == [("12", DELETED), ("15", INSERTED)]
    assert "".join(s.text for s in second.segments if s.style != DELETED) == new.block_text(new.blocks[3])
    same = [(s.start, s.text) for b in blocks for s in b.segments if s.start is not None]
    assert all(new.text[start : start + len(text)] == text for start, text in same)


def test_the_last_change_is_told_relative_to_publication() -> None:
    from datetime import datetime

    from models.revisions.timing import Lapse, last_change

    first = datetime(2019, 1, 23, 8, 0)
    assert last_change(first, datetime(2019, 1, 23, 11, 0), "2019-01-23T09:00+00:00") == Lapse(2, "h", "publication")
    assert last_change(first, datetime(2019, 1, 23, 9, 40), "2019-01-23T18:00+09:00") == Lapse(40, "min",
                                                                                               "publication")
    assert last_change(first, datetime(2019, 1, 26, 9, 0), "2019-01-23") == Lapse(3, "days", "publication")
    assert last_change(first, datetime(2019, 1, 23, 23, 0), "2019-01-23") == Lapse(0, "same-day", "publication")
    assert last_change(first, datetime(2019, 1, 23, 13, 0), None) == Lapse(5, "h", "first-import")
