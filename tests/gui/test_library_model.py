"""The library model passes Qt's model checks and gives the delegate what a row shows."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from gui.library_model import LibraryModel, Role
from tests.gui.fakes import FakeLibrary, fake_ingest, sample_article


def filled_library() -> FakeLibrary:
    library = FakeLibrary()
    library.import_article(sample_article())
    library.import_article(fake_ingest().ingest_text("Untitled pasted note.", source="https://example.org/a/b.html"))
    return library


def test_library_model_is_a_valid_item_model(qtmodeltester: ModelTester) -> None:
    library = filled_library()
    model = LibraryModel()
    model.set_summaries(library.list_articles(), {})
    qtmodeltester.check(model, force_py=True)
    # The tester stays attached and checks the resets a search and an empty result make.
    hits: dict[int, tuple[str, tuple[tuple[int, int], ...]]] = {h.article_id: (h.snippet, ())
                                                               for h in library.search("Putin")}
    model.set_summaries(library.list_articles("Putin"), hits)
    assert model.rowCount() == 1
    model.set_summaries([], {})
    assert model.rowCount() == 0


def test_rows_carry_title_source_line_and_snippet() -> None:
    library = filled_library()
    model = LibraryModel()
    model.set_summaries(library.list_articles(), {1: ("…President Vladimir Putin to achieve…", ())})
    rows = {model.index(r).data(Role.ARTICLE_ID): model.index(r) for r in range(model.rowCount())}
    sample = rows[1]
    assert sample.data(Role.TITLE).startswith("Abe fails to find breakthrough")
    assert sample.data(Role.SOURCE_LINE) == "Mainichi · Jan 23, 2019"
    assert "Putin" in sample.data(Role.SNIPPET)
    assert rows[2].data(Role.SOURCE_LINE) == "example.org"  # no publisher: the host stands in
    assert model.roleNames()[int(Role.SOURCE_LINE)] == b"source_line"
