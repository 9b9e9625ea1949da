"""The operations layer: each user action returns (and the window broadcasts once) what it changed, and each panel
refreshes itself from that broadcast alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gui.main_window import MainWindow
from gui.operations import Changes
from gui.operations import annotations as annotation_ops
from gui.operations import articles as article_ops
from gui.operations.entities import correct_entity
from gui.runner import ImmediatePool
from models.article import Article, Metadata, build_text
from models.store import open_library
from models.store.entities import EntityStore
from tests.gui.fakes import HeldPool


class IdlePool:
    """Leaves the entity analysis unrun: these tests are about what the operations change (the library list, read
    on a worker, is read at once)."""

    def start(self, runnable: Any) -> None:
        if runnable.task.title in ("Library list", "Search"):
            runnable.run()


def short_article(n: int, title: str) -> Article:
    text, blocks = build_text([("title", title), ("paragraph", f"Paragraph {n}: the council met on 3 March 2020.")])
    return Article(f"/home/reader/a{n}.txt", "text", text, blocks, Metadata(title=title, published=f"2020-03-0{n}"))


@pytest.fixture
def reader(qtbot, gui, tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = open_library(str(tmp_path / "lib.sqlite"))
    ids = [lib.import_article(short_article(n, f"Article {n}")).id for n in (1, 2)]
    _app, faces, theme = gui
    window = MainWindow(lib, faces, theme, pool=IdlePool(), screen_pool=ImmediatePool())
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(ids[0])
    broadcasts: list[Changes] = []
    window.changed.connect(broadcasts.append)
    yield window, lib, ids, broadcasts
    lib.close()


def test_changes_combine_and_an_empty_one_is_false() -> None:
    a = Changes(articles=frozenset({1}), legend=True)
    b = Changes(articles=frozenset({2}), deleted=frozenset({3}), notes=((1, "n"),))
    both = a | b
    assert both == Changes(articles=frozenset({1, 2}), deleted=frozenset({3}), notes=((1, "n"),), legend=True)
    assert not Changes() and both and both.listing and both.highlights
    assert Changes(legend=True).listing  # the dots of the rows are painted in the legend's colours


def test_a_highlight_is_broadcast_once_and_its_undo_too(reader) -> None:  # type: ignore[no-untyped-def]
    window, lib, ids, broadcasts = reader
    record = annotation_ops.highlight(window.ops, ids[0], 0, 9, "red", note="Which?")
    assert record is not None and lib.annotations.get(record.id).note == "Which?"
    assert broadcasts == [Changes(annotations=(record,))]
    assert window.annotations.marks.mark(record.id) is not None  # the reader painted it from the broadcast
    window.undo_stack.undo()
    assert len(broadcasts) == 2 and [r.id for r in broadcasts[1].removed] == [record.id]
    assert broadcasts[1].annotations == () and window.annotations.marks.mark(record.id) is None
    assert annotation_ops.edit_note(window.ops, record.id, "gone") is False  # nothing to edit: nothing broadcast
    assert len(broadcasts) == 2


def test_recolour_note_and_legend_say_what_they_changed(reader) -> None:  # type: ignore[no-untyped-def]
    window, lib, ids, broadcasts = reader
    record = annotation_ops.highlight(window.ops, ids[0], 0, 9, "red")
    broadcasts.clear()
    assert annotation_ops.recolour(window.ops, record.id, "blue")
    assert annotation_ops.edit_article_note(window.ops, ids[0], "Compare with March.")
    annotation_ops.edit_legend(window.ops, [("red", {"meaning": lib.annotations.colors()[1].meaning},
                                             {"meaning": "Contested"})])
    assert [b.annotations[0].color for b in broadcasts[:1]] == ["blue"]
    assert broadcasts[1] == Changes(notes=((ids[0], "Compare with March."),))
    assert broadcasts[2] == Changes(legend=True)
    assert window.annotations.legend_widget.rows["red"].name.text() == "Contested"  # refreshed from the broadcast


def test_deleting_articles_returns_and_broadcasts_what_went(reader) -> None:  # type: ignore[no-untyped-def]
    window, lib, ids, broadcasts = reader
    changes = article_ops.delete_articles(window.ops, [ids[0]])
    assert changes == Changes(deleted=frozenset({ids[0]})) and broadcasts == [changes]
    assert window.library_panel.model.article_ids() == [ids[1]]  # the list read itself again
    assert window.current_article_id() == ids[1]  # the reader moved on to the next article


def test_a_correction_is_undoable_and_names_its_article(reader) -> None:  # type: ignore[no-untyped-def]
    window, lib, ids, broadcasts = reader
    rename = {"entity": {"name": "Council", "type": "ORGANIZATION"}, "name": "The Council"}
    assert correct_entity(window.ops, ids[0], "rename", rename)
    assert [c.action for c in EntityStore(lib).rules(ids[0])] == ["rename"]
    assert broadcasts == [Changes(entities=frozenset({ids[0]}))]
    window.undo_stack.undo()
    assert broadcasts[-1] == Changes(entities=frozenset({ids[0]})) and len(broadcasts) == 2
    assert EntityStore(lib).rules(ids[0]) == ()


def test_a_refused_correction_is_one_line_in_the_status_bar_and_not_broadcast(reader) -> None:  # type: ignore[no-untyped-def]
    window, lib, ids, broadcasts = reader
    assert not correct_entity(window.ops, ids[0], "rename", {"name": "no entity named"}, library_wide=True)
    assert window.undo_stack.count() == 0  # refused: nothing to undo
    assert broadcasts == [] and window.statusBar().currentMessage()
    assert "\n" not in window.statusBar().currentMessage()


def test_the_panels_refresh_from_a_broadcast_alone(reader) -> None:  # type: ignore[no-untyped-def]
    window, lib, ids, _broadcasts = reader
    new_id = lib.import_article(short_article(3, "Article 3")).id  # written behind the window's back ...
    assert new_id not in window.library_panel.model.article_ids()
    lib.annotations.set_color("yellow", meaning="Main point")
    window.changed.emit(Changes(articles=frozenset({new_id}), legend=True))  # ... and announced once
    assert new_id in window.library_panel.model.article_ids()
    assert window.annotations.legend_widget.rows["yellow"].name.text() == "Main point"
    assert window.annotations.color_actions[0].text() == "Highlight: Main point"
    at = lib.get_article(ids[0]).article.text.index("council")
    record = lib.annotations.add(ids[0], at, at + 7, color="green")
    window.changed.emit(Changes(annotations=(record,)))
    assert window.annotations.marks.mark(record.id) is not None
    assert window.annotations.controller.counts_by_color()["green"] == 1
    assert window.status_figures is not None and "1 highlight" in window.status_figures.library_text()


def test_opening_an_article_stores_its_read_mark_through_the_runner(reader) -> None:  # type: ignore[no-untyped-def]
    window, lib, ids, broadcasts = reader
    before = lib.count_articles(unread_only=True)
    ran: list[str] = []

    class MarksOnly:
        """Runs the read mark at once and leaves the rest (the analysis, the versions) unrun."""

        def start(self, work: Any) -> None:
            if work.task.title == "Marking as read":
                ran.append(work.task.title)
                work.run()

    window.runner.pool = MarksOnly()
    window.open_article(ids[1])
    assert lib.count_articles(unread_only=True) == before - 1 and ran == ["Marking as read"]
    assert broadcasts == []  # the list showed the mark at once: nothing to refresh


def test_the_status_figures_are_counted_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening an article redraws the figures at once from what was counted last and counts only its own
    highlights again, on a worker; the library's totals are counted again when an operation changed them."""
    lib = open_library(str(tmp_path / "lib.sqlite"))
    ids = [lib.import_article(short_article(n, f"Article {n}")).id for n in (1, 2)]
    lib.annotations.add(ids[1], 0, 7, color="green")
    lib.annotations.add(ids[1], 10, 17, color="green")
    reads = HeldPool()
    _app, faces, theme = gui
    window = MainWindow(lib, faces, theme, pool=IdlePool(), screen_pool=reads)
    qtbot.addWidget(window)
    try:
        reads.run_all()
        assert "Library: 2 articles  ·  2 highlights" in window.library_status.text()
        counted: list[int | None] = []
        store_type = type(lib.annotations)
        real = store_type.counts_by_color

        def counting(store: Any, article_id: int | None = None) -> Any:
            counted.append(article_id)
            return real(store, article_id)

        monkeypatch.setattr(store_type, "counts_by_color", counting)
        window.open_article(ids[1])
        assert counted == []  # nothing counted on the GUI thread
        assert "words" in window.article_status.text() and "in this article" not in window.article_status.text()
        reads.run_all()
        assert ids[1] in counted and None not in counted  # the article's count only
        assert "2 highlights in this article" in window.article_status.text()
        window.open_article(ids[0])
        window.open_article(ids[1])
        reads.run_all()
        assert "2 highlights in this article" in window.article_status.text()

        record = lib.annotations.add(ids[1], 20, 27, color="green")
        window.changed.emit(Changes(annotations=(record,)))
        reads.run_all()
        assert "3 highlights" in window.library_status.text()
        assert "3 highlights in this article" in window.article_status.text()
    finally:
        window.close()
        lib.close()
