"""Markdown, HTML, CSV, TimelineJS and the brief: what a reader opens after exporting, hostile notes included."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from models.cli import main
from models.export import ExportBundle, ExportOptions, render
from models.export.selection import Selection, collect
from models.store import Library
from tests.fixtures.export_samples import WEB_URL, annotated_library

BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)


def assert_inert(html: str) -> BeautifulSoup:
    """No script, no event-handler attribute, no javascript:/data: address anywhere in the page."""
    soup = BeautifulSoup(html, "lxml")
    assert soup.find_all(["script", "iframe", "object", "embed", "svg"]) == []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (tag.name, name)
            values = value if isinstance(value, list) else [value]
            assert not any(BAD_SCHEME.match(v) for v in values), (tag.name, name, value)
    return soup


Hostile = tuple[ExportBundle, Library]  # the web article's bundle with hostile notes, and its library
Plain = tuple[ExportBundle, Library, int, int]  # both articles' bundle, the library, the web and local article ids


def _found(soup: BeautifulSoup, name: str) -> Tag:
    """The first ``name`` element, which the test expects to be there."""
    found = soup.find(name)
    assert isinstance(found, Tag), f"no <{name}>"
    return found


@pytest.fixture
def hostile(library_url: str) -> Iterator[Hostile]:
    lib, web, local = annotated_library(library_url, hostile=True)
    yield collect(lib, Selection((web,))), lib
    lib.close()


@pytest.fixture
def plain(library_url: str) -> Iterator[Plain]:
    lib, web, local = annotated_library(library_url)
    yield collect(lib, Selection()), lib, web, local
    lib.close()


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(full_text=True, group_by="color"),
                                     ExportOptions(brief=True)])
def test_html_with_hostile_notes_runs_nothing_and_still_shows_the_words(
    hostile: Hostile, options: ExportOptions
) -> None:
    bundle, _lib = hostile
    soup = assert_inert(render("html", bundle, options).decode())
    text = soup.get_text(" ")
    assert "<script>alert('note')</script> plain words" in text  # shown as text, not run
    assert "hover" in text
    assert soup.find("a", href="https://example.org/ok") is not None  # safe links survive


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(group_by="entity"), ExportOptions(brief=True)])
def test_markdown_with_hostile_notes_renders_to_inert_html(hostile: Hostile, options: ExportOptions) -> None:
    bundle, _lib = hostile
    md = render("markdown", bundle, options).decode()
    html = MarkdownIt("commonmark").render(md)  # CommonMark lets raw HTML through: the export must not hold any
    soup = assert_inert(html)
    assert "<script>alert('note')</script> plain words" in soup.get_text(" ")
    assert soup.find("a", href="https://example.org/ok") is not None


def test_markdown_has_front_matter_then_note_then_highlights_in_text_order(plain: Plain) -> None:
    bundle, lib, web, _local = plain
    md = render("markdown", collect(lib, Selection((web,)))).decode()
    head, body = md.split("\n---\n", 1)
    fields = dict(line.split(": ", 1) for line in head.splitlines()[1:])
    meta = {k: json.loads(v) for k, v in fields.items()}  # every value is a JSON (so YAML 1.2) scalar or list
    assert meta["title"] == "Abe fails to find breakthrough: rift between Japan & Russia deepens"
    assert meta["url"] == WEB_URL and meta["published"] == "2019-01-23"
    assert meta["authors"] == ["Shinichi Akiyama", "Hitoshi Ōmae"] and meta["tags"] == ["Japan-Russia", "diplomacy"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", meta["exported"])
    soup = BeautifulSoup(MarkdownIt("commonmark").render(body), "lxml")
    headings = [h.get_text() for h in soup.find_all(["h1", "h2"])]
    assert headings[:3] == ["Abe fails to find breakthrough: rift between Japan & Russia deepens", "Note",
                            "Highlights"]
    quotes = [bq.get_text(" ", strip=True) for bq in soup.find_all("blockquote")]
    assert quotes[0] == "Prime Minister Shinzo Abe"
    assert quotes[1] == "Abe"  # same start: the shorter first
    assert quotes[2].startswith("Abe said") and len(soup.find_all("blockquote")[2].find_all("p")) == 2
    assert quotes[4] == "=SUM(A1:A9)"  # article words render literally
    assert "#diplomacy #Japan-Russia" in body and "*Disputed*" in body
    assert _found(soup, "strong").get_text() == "treaty"  # the article note keeps its Markdown


def test_markdown_grouped_by_colour_meaning(plain: Plain) -> None:
    bundle, *_ = plain
    md = render("markdown", bundle, ExportOptions(group_by="color")).decode()
    soup = BeautifulSoup(MarkdownIt("commonmark").render(md.split("\n---\n", 1)[1]), "lxml")
    h4 = [h.get_text() for h in soup.find_all("h4")]
    assert h4[:5] == ["Key point", "Disputed", "Agreement", "Question", "Follow up"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(plain: Plain) -> None:
    bundle, *_ = plain
    for flavor in ("full", "readwise"):
        data = render("csv", bundle, ExportOptions(csv_flavor=flavor)).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(data)))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (flavor, cell)
        assert len(rows) == 1 + 6
    readwise = list(csv.DictReader(io.StringIO(render("csv", bundle, ExportOptions(csv_flavor="readwise"))
                                                .decode("utf-8-sig"))))
    assert list(readwise[0]) == ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]
    formula = next(r for r in readwise if "SUM" in r["Highlight"])
    assert formula["Highlight"] == "'=SUM(A1:A9)" and formula["Note"] == ".+formula\n-1 @cmd +x"
    full = list(csv.DictReader(io.StringIO(render("csv", bundle).decode("utf-8-sig"))))
    red = next(r for r in full if r["color"] == "red")
    assert red["exact"] == "Prime Minister Shinzo Abe" and red["color_meaning"] == "Disputed"
    assert red["tags"] == "diplomacy; Japan–Russia" and red["article_url"] == WEB_URL


def test_timelinejs_holds_the_dated_events_escaped_and_at_their_precision(plain: Plain) -> None:
    bundle, *_ = plain
    doc = json.loads(render("timelinejs", bundle))
    events = doc["events"]
    assert [e["start_date"] for e in events] == [{"year": "2019", "month": "1", "day": "22"},
                                                 {"year": "2019", "month": "6"}]
    assert events[1]["text"]["headline"] == "Abe will visit &lt;in June&gt;"
    assert "Prime Minister Shinzo Abe held his 25th meeting" in events[0]["text"]["text"]


def test_brief_has_highlights_by_meaning_entities_with_notes_and_chronology(plain: Plain) -> None:
    bundle, lib, web, _local = plain
    md = render("markdown", collect(lib, Selection((web,))), ExportOptions(brief=True)).decode()
    soup = BeautifulSoup(MarkdownIt("commonmark").enable("table").render(md.split("\n---\n", 1)[1]), "lxml")
    h2 = [h.get_text() for h in soup.find_all("h2")]
    assert h2 == ["Sources", "Key point", "Disputed", "Agreement", "Question", "Follow up", "Entities", "Chronology"]
    rows = {tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in _found(soup, "table").find_all("tr")[1:]}
    assert rows["Shinzo Abe"][1:3] == ["PERSON", "5"]
    assert "Check the **official** readout." in rows["Shinzo Abe"][3]  # the note on a highlight covering "Abe"
    chronology = soup.find_all("ul")[-1].get_text()
    assert chronology.index("22 January 2019") < chronology.index("June 2019") and "planned" in chronology
    assert "2019-01-22" not in chronology and "2019-06" not in chronology  # words, not TIMEX codes


def test_export_command_writes_each_format_and_refuses_bad_requests(
        library_url: str, cli_libraries_closed: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotated_library(library_url)[0].close()
    lib = library_url
    for fmt in ("markdown", "html", "jsonld", "csv", "timelinejs"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", "--library", lib, "--format", fmt, "--all", "-o", str(out)]) == 0
        assert out.stat().st_size > 200
    report = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert report["articles"] == 2 and report["annotations"] == 6
    assert main(["export", "--library", lib, "--format", "markdown", "--all", "--color", "red", "--tag",
                 "diplomacy", "-o", str(tmp_path / "red.md")]) == 0
    assert (tmp_path / "red.md").read_text().count("\n> ") == 1
    assert main(["export", "--library", lib, "--format", "markdown", "--all", "--per-article", "-o",
                 str(tmp_path / "vault")]) == 0
    assert len(list((tmp_path / "vault").glob("*.md"))) == 2
    capsys.readouterr()
    assert main(["export", "--library", lib, "--format", "csv", "--all", "--brief", "-o", str(tmp_path / "x")]) == 2
    assert main(["export", "--library", lib, "--format", "html", "--article", "999", "-o", str(tmp_path / "x")]) == 2
    assert main(["export", "--library", lib, "--format", "html", "--all", "--color", "pink", "-o", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "Traceback" not in err


def test_selection_by_entity_and_publication_dates(plain: Plain) -> None:
    _bundle, lib, web, local = plain
    abe = collect(lib, Selection((web,), entity="shinzo abe"))
    assert sorted(a.exact.split()[0] for a in abe.annotations) == ["Abe", "Abe", "Prime"]
    assert collect(lib, Selection((web,), entity="Nobody Here")).articles == ()
    until = collect(lib, Selection(until=date(2019, 12, 31)))
    assert [s.id for s in until.articles] == [web]  # the local file has no date: its import date counts
    assert {a.article_id for a in until.annotations} == {web}
