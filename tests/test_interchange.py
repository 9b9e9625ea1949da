"""Annotations come back in: Newsdesk's own JSON-LD, Hypothesis's JSON-LD and the Hypothesis client's export land on
the same words with the same notes, tags and colours; duplicates are skipped; a damaged file changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from models.cli import main
from models.export import render
from models.export.selection import Selection, collect
from models.interchange import InterchangeError, import_annotations
from models.store import Library, open_library
from tests.fixtures.export_samples import WEB_URL, annotated_library, local_article, web_article

Made = tuple[Library, int, int]  # a library and the ids of its web and local articles


def _what(lib: Library, article_id: int) -> list[tuple[int, int, str, str, tuple[str, ...], str, str]]:
    text = lib.get_article(article_id).article.text
    return sorted((a.start, a.end, text[a.start : a.end], a.note, tuple(sorted(a.tags)), a.color, a.status)
                  for a in lib.annotations.list(article_id))


def _fresh(library: str) -> Made:
    lib = open_library(library)
    # imported in the other order, so ids differ; the local file gets a new uid, so only its quote can match it
    local = lib.import_article(local_article()).id
    web = lib.import_article(web_article()).id
    return lib, web, local


@pytest.fixture
def annotated(library_url: str) -> Iterator[Made]:
    """The annotated sample library, on each database."""
    made = annotated_library(library_url)
    yield made
    made[0].close()


@pytest.fixture
def fresh(library_url: str) -> Iterator[Made]:
    """A library holding the same two articles without annotations, on each database."""
    made = _fresh(library_url)
    yield made
    made[0].close()


@pytest.fixture
def other(another_library_url: Callable[[str], str]) -> Iterator[Made]:
    """A second library beside ``annotated``, with the same two articles imported the other way round."""
    made = _fresh(another_library_url("b"))
    yield made
    made[0].close()


def test_jsonld_round_trip_restores_highlights_notes_tags_and_colours_on_the_same_words(
    annotated: Made, other: Made
) -> None:
    src, web, local = annotated
    data = render("jsonld", collect(src, Selection()))
    dst, web2, local2 = other
    report = import_annotations(dst, data)
    assert report.summary() == {"added": 6, "skipped": 0, "orphaned": 0, "unmatched": 0}
    assert _what(dst, web2) == _what(src, web)
    assert _what(dst, local2) == _what(src, local)
    authors = {a.exact: a.author for a in dst.annotations.list()}
    assert authors["Prime Minister Shinzo Abe"] == "Ana Müller"
    original = {a.id: a.created for a in src.annotations.list()}
    assert {a.id: a.created for a in dst.annotations.list()} == original  # same ids and times


def test_importing_the_same_file_again_adds_nothing(annotated: Made) -> None:
    src, _web, _local = annotated
    data = render("jsonld", collect(src, Selection()))
    report = import_annotations(src, data)
    assert report.summary() == {"added": 0, "skipped": 6, "orphaned": 0, "unmatched": 0}
    assert len(src.annotations.list()) == 6


def _hypothesis_annotation(exact: str, prefix: str, suffix: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "hX9abc", "created": "2024-03-01T10:00:00.000000+00:00", "updated": "2024-03-01T10:00:00+00:00",
        "user": "acct:reader@hypothes.is", "uri": extra.get("source", WEB_URL) + "#comments",
        "text": extra.get("text", ""),
        "tags": extra.get("tags", []), "group": "__world__", "user_info": {"display_name": "A. Reader"},
        "document": {"title": ["Abe fails"]}, "references": extra.get("references", []),
        "target": [{"source": extra.get("source", WEB_URL), "selector": [
            {"type": "RangeSelector", "startContainer": "/div[1]/p[2]", "startOffset": 0,
             "endContainer": "/div[1]/p[2]", "endOffset": 10},
            {"type": "TextPositionSelector", "start": 4000, "end": 4000 + len(exact)},
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}]}],
    }


def test_hypothesis_client_export_is_matched_by_address_and_reanchored(fresh: Made) -> None:
    lib, web, _local = fresh
    doc = {"export_date": "2024-03-02T00:00:00Z", "export_userid": "acct:reader@hypothes.is",
           "client_version": "1.1", "annotations": [
               # the browser's text has other white space than the canonical text
               _hypothesis_annotation("Prime  Minister\nShinzo Abe", "On Jan. 22, ", " held his 25th",
                                      text="Which *meeting*?", tags=["summit"]),
               _hypothesis_annotation("a reply", "", "", references=["hX9abc"]),
               _hypothesis_annotation("words that are nowhere", "", "", source="https://elsewhere.example/x"),
               _hypothesis_annotation("words that are nowhere", "", "")]}
    report = import_annotations(lib, json.dumps(doc).encode())
    assert report.summary() == {"added": 1, "skipped": 1, "orphaned": 1, "unmatched": 1}
    text = lib.get_article(web).article.text
    added = [a for a in lib.annotations.list(web) if a.status == "anchored"]
    assert [(text[a.start : a.end], a.note, a.tags, a.author) for a in added] == [
        ("Prime Minister Shinzo Abe", "Which *meeting*?", ("summit",), "A. Reader")]
    orphans = lib.annotations.list(web, status="orphan")
    assert [a.exact for a in orphans] == ["words that are nowhere"]  # kept for the reader, on no words


def test_hypothesis_jsonld_is_read_like_any_w3c_annotation(fresh: Made) -> None:
    lib, web, _local = fresh
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
           "id": "https://hypothes.is/a/hX9abc", "created": "2024-03-01T10:00:00.000000+00:00",
           "creator": "acct:reader@hypothes.is",
           "body": [{"type": "TextualBody", "value": "Note *here*", "format": "text/markdown"},
                    {"type": "TextualBody", "purpose": "tagging", "value": "treaty"}],
           "target": [{"source": WEB_URL.replace("https://", "http://www."), "selector": [
               {"type": "TextQuoteSelector", "exact": "peace treaty", "prefix": "commitment to a ", "suffix": "."},
               {"type": "TextPositionSelector", "start": 1, "end": 13}]}]}
    report = import_annotations(lib, json.dumps(doc).encode())
    assert report.summary()["added"] == 1
    (ann,) = lib.annotations.list(web)
    assert (ann.exact, ann.note, ann.tags, ann.author) == ("peace treaty", "Note *here*", ("treaty",), "reader")


@pytest.mark.parametrize("damage", ["truncated", "no target", "not annotations"])
def test_a_damaged_file_is_refused_whole(annotated: Made, other: Made, damage: str) -> None:
    src, _web, _local = annotated
    data = render("jsonld", collect(src, Selection())).decode()
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "no target":
        doc = json.loads(data)
        del doc["first"]["items"][-1]["target"]
        data = json.dumps(doc)
    else:
        data = json.dumps({"hello": "world"})
    dst, web2, local2 = other
    with pytest.raises(InterchangeError):
        import_annotations(dst, data.encode())
    assert dst.annotations.list() == []


def test_import_annotations_command_reports_each_annotation_and_refuses_corrupt_files(
        annotated: Made, another_library_url: Callable[[str], str], cli_libraries_closed: None, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    src, _web, _local = annotated
    good = tmp_path / "good.jsonld"
    good.write_bytes(render("jsonld", collect(src, Selection())))
    target = another_library_url("b")
    _fresh(target)[0].close()
    assert main(["import-annotations", "--library", target, str(good)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["status"] for x in lines[:-1]] == ["added"] * 6
    assert lines[-1]["added"] == 6 and lines[-1]["unmatched"] == 0
    bad = tmp_path / "bad.jsonld"
    bad.write_text('{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [1]}}')
    assert main(["import-annotations", "--library", target, str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing imported" in err and "Traceback" not in err
