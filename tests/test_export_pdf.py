"""PDF export: right pages, numbered, text a reader can search and copy, links that open, A4 or Letter."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from models.cli import main
from models.export import ExportOptions, render
from models.export.selection import Selection, collect
from tests.fixtures.export_samples import WEB_URL, annotated_library, span

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _pdf_renderer(qapp: QApplication) -> None:  # a QApplication first, so that later widget tests still get one
    from gui.pdf_export import install

    install()


def _pages(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    # NFKC: the typesetter's ligatures (ﬁ) read as their letters, as a PDF viewer's search does
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages]


def _page_number(page: str) -> int:
    """The number a page ends with (its footer)."""
    found = re.search(r"(\d+)$", page)
    assert found, page[-80:]
    return int(found.group(1))


def _links(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return {a.get_object()["/A"]["/URI"] for p in reader.pages for a in (p.get("/Annots") or [])
            if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]}


def test_a_short_export_is_one_numbered_page_with_its_text_and_links(tmp_path: Path) -> None:
    lib, web, _local = annotated_library(tmp_path / "lib.sqlite")
    data = render("pdf", collect(lib, Selection((web,))))
    assert data.startswith(b"%PDF")
    pages = _pages(data)
    assert len(pages) == 1 and pages[0].endswith("1")
    assert "Abe fails to find breakthrough" in pages[0] and "Check the official readout." in pages[0]
    assert "Disputed" in pages[0] and "#diplomacy" in pages[0]
    assert {WEB_URL, "https://example.org/readout"} <= _links(data)


def test_a_long_export_runs_over_numbered_pages_and_keeps_every_highlight(tmp_path: Path) -> None:
    lib, web, _local = annotated_library(tmp_path / "lib.sqlite")
    text = lib.get_article(web).article.text
    a, b = span(text, "peace treaty")
    for n in range(120):
        lib.annotations.add(web, a, b, note=f"Reading note number {n} on the treaty.", tags=[f"n{n}"])
    data = render("pdf", collect(lib, Selection((web,))), ExportOptions(page_size="letter"))
    pages = _pages(data)
    assert len(pages) > 3
    assert [_page_number(p) for p in pages] == list(range(1, len(pages) + 1))
    every = " ".join(pages)
    assert all(f"Reading note number {n} on the treaty." in every for n in range(120))
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter


def test_a4_is_the_default_and_the_brief_prints_too(tmp_path: Path) -> None:
    lib, web, _local = annotated_library(tmp_path / "lib.sqlite")
    data = render("pdf", collect(lib, Selection((web,))), ExportOptions(brief=True))
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    every = " ".join(_pages(data))
    assert "Brief: Abe fails" in every and "Entities" in every and "Chronology" in every


def test_pdf_command(tmp_path: Path) -> None:
    annotated_library(tmp_path / "lib.sqlite")
    out = tmp_path / "all.pdf"
    assert main(["export", "--library", str(tmp_path / "lib.sqlite"), "--format", "pdf", "--all",
                 "-o", str(out)]) == 0
    pages = _pages(out.read_bytes())
    assert len(pages) == 2  # each article starts on a new page
    assert "Council notes" in pages[1] and "a budget of €2m" in pages[1]


def _has_glyphs(text: str) -> bool:
    """Whether this machine has a font for every character of ``text`` (as the PDF typesetter will see it)."""
    from PySide6.QtGui import QTextDocument

    from gui.pdf_export import undrawable_characters

    doc = QTextDocument()
    doc.setPlainText(text)
    return not undrawable_characters(doc)


def test_bold_italic_cyrillic_and_cjk_in_a_note_read_back_once_and_missing_glyphs_are_reported(
        tmp_path: Path) -> None:
    from models.export import render_reporting

    lib, web, _local = annotated_library(tmp_path / "lib.sqlite")
    text = lib.get_article(web).article.text
    a, b = span(text, "peace treaty")
    lib.annotations.add(web, a, b, color="red", tags=["переговоры"],
                        note="**Decisive** wording, *tentative* tone: ***both*** at once.\n\n"
                             "Лавров сказал **твёрдо** и *вежливо*. 北方領土 talks in 東京.")
    data, notices = render_reporting("pdf", collect(lib, Selection((web,))))
    every = " ".join(_pages(data))
    words = every.replace("*", " ").split()
    for word in ("Decisive", "tentative", "both", "Лавров", "твёрдо", "вежливо", "переговоры"):
        assert sum(w.strip(".,:") == word for w in words) == 1, (word, every)
    if _has_glyphs("北方領土東京"):
        assert "北方領土" in every and not any("北" in n for n in notices)
    else:  # no CJK font on this machine: the export is still written, and says what is missing and what draws it
        assert data.startswith(b"%PDF")
        assert any("北" in n and "領" in n and "fonts-noto-cjk" in n for n in notices), notices


def test_the_export_command_says_on_stderr_which_characters_it_could_not_draw(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotated_library(tmp_path / "lib.sqlite")
    out = tmp_path / "all.pdf"
    assert main(["export", "--library", str(tmp_path / "lib.sqlite"), "--format", "pdf", "--all",
                 "-o", str(out)]) == 0
    err = capsys.readouterr().err
    if _has_glyphs("東京🇯🇵"):
        assert "could not be drawn" not in err
    else:
        assert "could not be drawn" in err and str(out) in err and "install fonts-" in err
    assert out.read_bytes().startswith(b"%PDF")


def test_missing_characters_name_the_package_that_draws_them() -> None:
    from models.export.glyphs import font_package, missing_glyphs_notice

    assert font_package("東") == "fonts-noto-cjk" and font_package("カ") == "fonts-noto-cjk"
    assert font_package("😀") == "fonts-noto-color-emoji" and font_package("ب") == "fonts-noto-core"
    assert missing_glyphs_notice([]) is None
    notice = missing_glyphs_notice(["東", "京", "😀"])
    assert notice is not None and notice.startswith("3 characters could not be drawn")
    assert "東京 (install fonts-noto-cjk)" in notice and "😀 (install fonts-noto-color-emoji)" in notice
