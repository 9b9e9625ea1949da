"""File ▸ Export… on a real library: scope, format, brief and preview as the reader sees them, and the files the
export writes (Markdown, W3C JSON-LD, PDF), atomically, with failures and cancelling leaving nothing behind."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from gui import settings
from gui.export_dialog import ExportDialog
from gui.main_window import MainWindow
from gui.runner import ImmediatePool
from models.article import Article, Metadata, build_text
from models.ingest import ingest_file
from models.store import Library, open_library
from tests.fixtures.w3c import suite
from tests.gui.fakes import HeldPool
from tests.gui.fixture_types import Gui

Stored = tuple[Library, int, int]  # the library, the sample's id and the council story's id


class OpenDialog(Protocol):
    def __call__(self, current: int | None = ..., selected: list[int] | None = ..., pool: object = ...
                 ) -> ExportDialog: ...

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
TITLE = "Abe fails to find breakthrough as rift between Japan and Russia deepens"
QUOTE = "Abe tried to find a breakthrough"
SECOND_TITLE = "Harbour council agrees flood budget"


def second_article() -> Article:
    text, blocks = build_text([
        ("title", SECOND_TITLE),
        ("paragraph", "The council met on 3 March 2020 and agreed a budget of €2m for the harbour."),
        ("paragraph", "Critics said the harbour plan ignores flooding."),
    ])
    return Article("/home/reader/council.txt", "text", text, blocks,
                   Metadata(title=SECOND_TITLE, published="2020-03-04"))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Stored]:
    lib = open_library(str(tmp_path / "lib.sqlite"))
    sample = lib.import_article(ingest_file(str(SAMPLE))).id
    council = lib.import_article(second_article()).id
    text = lib.get_article(sample).article.text

    def highlight(article_id: int, body: str, quote: str, **kw: object) -> None:
        start = body.index(quote)
        lib.annotations.add(article_id, start, start + len(quote), **kw)  # type: ignore[arg-type]

    highlight(sample, text, QUOTE, color="yellow", note="The **central** claim.", tags=["diplomacy"])
    highlight(sample, text, "the Japanese and Russian foreign ministers met", color="blue", note="Which date?")
    highlight(sample, text, "Northern Territories", color="red", tags=["territory"])
    council_text = lib.get_article(council).article.text
    highlight(council, council_text, "a budget of €2m", color="grey", note="Full figure?")
    yield lib, sample, council
    lib.close()


@pytest.fixture
def open_dialog(qtbot: QtBot, gui: Gui, library: Stored) -> OpenDialog:
    """Open the dialog as the window would (on an article) and wait for its first preview."""
    lib, sample, _council = library

    def make(current: int | None = sample, selected: list[int] | None = None, pool: object = None) -> ExportDialog:
        dialog = ExportDialog(lib, current, selected or [], pool)  # type: ignore[arg-type]
        # nothing may still read the library when the dialog goes and the library closes
        qtbot.addWidget(dialog, before_close_func=lambda d: qtbot.waitUntil(lambda: not d.busy, timeout=10000))
        with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
            dialog.show()
        return dialog

    return make


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers ``path``; returns the names it proposed."""
    proposed: list[str] = []

    def answer(_parent: object, _caption: str, directory: str, _filter: str) -> tuple[str, str]:
        proposed.append(directory)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return proposed


def export(qtbot: QtBot, dialog: ExportDialog) -> str:
    with qtbot.waitSignal(dialog.exported, timeout=20000) as written:
        dialog.export_button.click()
    return str(written.args[0])


def test_the_dialog_opens_on_the_current_article_with_the_remembered_format(open_dialog: OpenDialog) -> None:
    settings.EXPORT_FORMAT.write("csv-readwise")
    dialog = open_dialog()
    assert dialog.scope.currentData() == "current"
    assert dialog.format.currentText() == "CSV – Readwise import"
    assert TITLE in dialog.scope_detail.text()
    preview = dialog.preview_plain.toPlainText()
    assert preview.splitlines()[0].startswith("Highlight,Title")
    assert QUOTE in preview and SECOND_TITLE not in preview
    assert dialog.preview_title.text() == "1 article · 3 highlights"


def test_changing_the_format_updates_the_preview(qtbot: QtBot, open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    assert dialog.preview_plain.toPlainText().startswith("---\ntitle:")  # Markdown with front matter
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_format("jsonld")
    collection = json.loads(dialog.preview_plain.toPlainText())
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 3
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_format("html")
    assert dialog.preview.currentWidget() is dialog.preview_html
    assert QUOTE in dialog.preview_html.toPlainText()
    assert dialog.preview_html.blocked == []  # the exported page asks for nothing outside itself


def test_the_brief_toggle_changes_the_preview(qtbot: QtBot, open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    annotated = dialog.preview_plain.toPlainText()
    assert "# Brief:" not in annotated and dialog.group_by.isEnabled()
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.brief.setChecked(True)
    brief = dialog.preview_plain.toPlainText()
    assert f"# Brief: {TITLE}" in brief and "## Key point" in brief and QUOTE in brief
    assert not dialog.group_by.isEnabled()  # a brief is grouped by meaning
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_format("csv")
    assert not dialog.brief.isEnabled()  # CSV has no brief


def test_exporting_markdown_writes_the_title_and_quotes(
    qtbot: QtBot, open_dialog: OpenDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = open_dialog()
    target = tmp_path / "out" / "abe.md"
    target.parent.mkdir()
    proposed = save_as(monkeypatch, target)
    assert export(qtbot, dialog) == str(target)
    assert Path(proposed[0]).name == TITLE + ".md"
    written = target.read_text(encoding="utf-8")
    assert f"# {TITLE}" in written and f"> {QUOTE}" in written and SECOND_TITLE not in written
    assert os.listdir(target.parent) == ["abe.md"]  # no temporary file left beside it
    assert settings.EXPORT_FOLDER.read() == str(target.parent)
    assert settings.EXPORT_FORMAT.read() == "markdown"


def test_exporting_json_ld_passes_the_w3c_musts(
    qtbot: QtBot, open_dialog: OpenDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = open_dialog()
    dialog.set_scope("all")
    dialog.set_format("jsonld")
    target = tmp_path / "highlights.jsonld"
    save_as(monkeypatch, target)
    export(qtbot, dialog)
    doc = json.loads(target.read_text(encoding="utf-8"))
    annotations = suite.annotations_of(doc)
    assert len(annotations) == doc["total"] == 4
    for ann in annotations:
        assert suite.annotation_problems(ann) == [], ann
    assert suite.collection_problems(doc) == []


def test_scope_all_includes_both_articles(
    qtbot: QtBot, open_dialog: OpenDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_scope("all")
    assert dialog.last_preview is not None and dialog.last_preview.articles == 2
    assert dialog.preview_title.text() == "2 articles · 4 highlights"
    preview = dialog.preview_plain.toPlainText()
    assert TITLE in preview and SECOND_TITLE in preview
    target = tmp_path / "all.md"
    proposed = save_as(monkeypatch, target)
    export(qtbot, dialog)
    written = target.read_text(encoding="utf-8")
    assert TITLE in written and SECOND_TITLE in written and "> a budget of €2m" in written
    assert Path(proposed[0]).name.startswith("Newsdesk all articles")


def test_filters_narrow_the_highlights(qtbot: QtBot, open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_scope("all")
        dialog.color_buttons["red"].setChecked(True)
        dialog.color_buttons["grey"].setChecked(True)
    preview = dialog.preview_plain.toPlainText()
    assert "> Northern Territories" in preview and "> a budget of €2m" in preview and QUOTE not in preview
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.tag.setCurrentText("territory")
    assert dialog.preview_title.text() == "2 articles · 1 highlight"


def test_a_failing_write_shows_one_line_and_leaves_no_file(
    qtbot: QtBot, open_dialog: OpenDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = open_dialog()
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "abe.md").write_text("the previous export", encoding="utf-8")
    folder.chmod(0o555)
    target = folder / "abe.md"
    if os.geteuid() == 0:  # permissions do not stop the superuser: a "folder" that is a file does
        target = tmp_path / "a-file" / "abe.md"
        target.parent.write_text("not a folder", encoding="utf-8")
    save_as(monkeypatch, target)
    try:
        with qtbot.waitSignal(dialog.export_failed, timeout=20000) as failed:
            dialog.export_button.click()
    finally:
        folder.chmod(0o755)
    reason = failed.args[0]
    assert reason.startswith(f"Export failed: Cannot write {target}") and "\n" not in reason
    assert dialog.error.text() == reason and dialog.isVisible() and dialog.export_button.isEnabled()
    assert (folder / "abe.md").read_text(encoding="utf-8") == "the previous export"
    assert os.listdir(folder) == ["abe.md"]
    assert not target.exists() or target == folder / "abe.md"


def test_cancelling_an_export_writes_nothing(
    qtbot: QtBot, gui: Gui, library: Stored, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    lib, sample, _council = library
    pool = HeldPool()
    dialog = ExportDialog(lib, sample, [], pool)
    qtbot.addWidget(dialog, before_close_func=lambda _d: pool.run_all())
    dialog.show()
    pool.run_all()  # the first preview
    target = tmp_path / "out" / "never.md"
    target.parent.mkdir()
    save_as(monkeypatch, target)
    dialog.export_button.click()
    assert dialog.progress.isVisible() and not dialog.export_button.isEnabled()
    dialog.cancel_button.click()
    with qtbot.waitSignal(dialog.export_failed, timeout=5000):
        pool.run_all()
    assert dialog.error.text() == "Export cancelled; nothing was written."
    assert os.listdir(target.parent) == []


def test_exporting_pdf_typesets_pages_in_the_worker(
    qtbot: QtBot, open_dialog: OpenDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    from gui.pdf_export import install

    install()
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_format("pdf")
        dialog.full_text.setChecked(True)
        dialog.page_size.setCurrentIndex(dialog.page_size.findData("letter"))
    assert dialog.preview.currentWidget() is dialog.preview_html  # the page the PDF is typeset from
    assert "typeset as US Letter PDF" in dialog.preview_title.text()
    target = tmp_path / "abe.pdf"
    save_as(monkeypatch, target)
    export(qtbot, dialog)
    reader = PdfReader(BytesIO(target.read_bytes()))
    assert len(reader.pages) >= 2
    assert round(float(reader.pages[0].mediabox.width)) == 612  # Letter, in points
    assert "breakthrough" in reader.pages[0].extract_text()
    assert settings.EXPORT_PAGE_SIZE.read() == "letter"


def test_the_window_gets_an_export_button_a_menu_entry_and_ctrl_e(qtbot: QtBot, gui: Gui, library: Stored) -> None:
    lib, _sample, _council = library
    _app, faces, theme = gui
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window)
    action = window.export_action  # the window installs it itself
    assert action.shortcut().toString() == "Ctrl+E"
    assert len(window.findChildren(QToolButton, "ExportButton")) == 1
    toolbar = window.findChild(QToolBar, "MainToolBar")
    button = window.findChild(QToolButton, "ExportButton")
    assert button is not None and button.defaultAction() is action
    assert toolbar is not None and toolbar.widgetForAction(toolbar.actions()[-1]) is button  # the right end
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(file_menu, QMenu)
    entries = [a for a in file_menu.actions() if not a.isSeparator()]
    assert entries[-2] is action and entries[-1].text() == "&Quit"
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.scope.currentData() == "all"  # no article open, nothing selected
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert dialog.last_preview is not None and dialog.last_preview.articles == 2
    dialog.close()


def test_a_date_range_keeps_the_articles_published_in_it(qtbot: QtBot, open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    assert (dialog.since.date().toString("yyyy-MM-dd"), dialog.until.date().toString("yyyy-MM-dd")) == (
        "2019-01-23", "2020-03-04")  # the library's first and last publication dates
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_scope("all")
        dialog.use_dates.setChecked(True)
        dialog.since.setDate(dialog.since.date().addYears(1))
    assert dialog.preview_title.text() == "1 article · 1 highlight"
    assert SECOND_TITLE in dialog.preview_plain.toPlainText() and TITLE not in dialog.preview_plain.toPlainText()


def test_a_pdf_with_characters_no_font_draws_is_written_and_the_dialog_says_which(
        qtbot: QtBot, open_dialog: OpenDialog, library: Stored, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    from gui import pdf_export

    pdf_export.install()
    lib, sample, _council = library
    text = lib.get_article(sample).article.text
    start = text.index("Northern Territories")
    lib.annotations.add(sample, start, start + 20, color="red", note="北方領土 in the Japanese press")
    # whatever fonts this machine has, one character here is one that no font draws
    monkeypatch.setattr(pdf_export, "undrawable_characters", lambda doc: ["北", "方"])
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.preview_updated, timeout=10000):
        dialog.set_format("pdf")
    target = tmp_path / "kuriles.pdf"
    save_as(monkeypatch, target)
    with qtbot.waitSignal(dialog.export_notices, timeout=20000) as said:
        dialog.export_button.click()
    assert target.read_bytes().startswith(b"%PDF")  # written all the same
    assert "北方" in said.args[0][0] and "fonts-noto-cjk" in said.args[0][0]
    assert dialog.isVisible() and "北方 (install fonts-noto-cjk)" in dialog.error.text()
    assert str(target) in dialog.error.text()
