"""Hostile annotation files: each is refused in one line or repaired, never a traceback, never half stored."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.cli import main
from models.interchange import InterchangeError, import_annotations, read_annotations
from models.store import Library, open_library
from tests.fixtures.export_samples import WEB_URL, web_article

Stored = tuple[Library, int, Path]  # the library, its one article and the folder it is in

QUOTE = "Abe reiterated his commitment"


def annotation(**fields: object) -> dict[str, object]:
    node: dict[str, object] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "a note", "purpose": "commenting"}],
        "target": {"source": WEB_URL, "selector": {"type": "TextQuoteSelector", "exact": QUOTE}},
    }
    node.update(fields)
    return node


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Stored]:
    lib = open_library(str(tmp_path / "library.sqlite"))
    article_id = lib.import_article(web_article()).id
    yield lib, article_id, tmp_path
    lib.close()


def _stored(lib: Library, article_id: int) -> list[tuple[str, str, tuple[str, ...], str]]:
    return sorted((a.exact, a.note, tuple(a.tags), a.status) for a in lib.annotations.list(article_id))


def _cli(tmp_path: Path, data: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    path = tmp_path / "annotations.jsonld"
    path.write_bytes(data)
    code = main(["import-annotations", "--library", str(tmp_path / "library.sqlite"), str(path)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("deep-array", b"[" * 5000 + b"]" * 5000, "JSON nested more than 64 levels deep"),
    ("deep-object", b'{"a":' * 5000 + b"1" + b"}" * 5000, "JSON nested more than 64 levels deep"),
    ("deep-annotation", json.dumps(annotation(body="@")).replace('"@"', "[" * 3000 + "]" * 3000).encode(),
     "JSON nested more than 64 levels deep"),
    ("huge-number", json.dumps(annotation()).replace('"type": "Annotation"',
                                                     '"type": "Annotation", "n": ' + "9" * 4400).encode(),
     "not valid JSON (a number with too many digits)"),
])
def test_refused_in_one_line_and_nothing_stored(
    library: Stored, capsys: pytest.CaptureFixture[str], name: str, data: bytes, reason: str
) -> None:
    lib, article_id, tmp_path = library
    before = _stored(lib, article_id)
    with pytest.raises(InterchangeError, match=f"^{re.escape(reason)}$"):
        read_annotations(data)
    code, out, err = _cli(tmp_path, data, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.endswith(f"refused, nothing imported: {reason}\n")
    assert _stored(lib, article_id) == before


@pytest.mark.parametrize("created", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "+10000-01-01",
                                     "2019-13-45T99:99"])
def test_an_impossible_time_is_replaced_by_the_import_time(library: Stored, created: str) -> None:
    lib, article_id, _ = library
    report = import_annotations(lib, json.dumps(annotation(created=created)).encode())
    assert report.summary()["added"] == 1
    (stored,) = lib.annotations.list(article_id)
    assert stored.created.year >= 2024


def test_lone_surrogates_in_note_and_tag_are_repaired(library: Stored, capsys: pytest.CaptureFixture[str]) -> None:
    lib, article_id, tmp_path = library
    raw = json.dumps(annotation(body=[
        {"type": "TextualBody", "value": "note \ud800 here", "purpose": "commenting"},
        {"type": "TextualBody", "value": "tag\udfff", "purpose": "tagging"},
    ]))  # json.dumps writes the lone surrogates as \ud800 escapes, as a damaged exporter would
    assert "\\ud800" in raw
    code, out, err = _cli(tmp_path, raw.encode(), capsys)
    assert code == 0 and err == ""
    assert json.loads(out.splitlines()[-1])["added"] == 1
    assert _stored(lib, article_id) == [(QUOTE, "note \ufffd here", ("tag\ufffd",), "anchored")]


def test_positions_beyond_any_text_are_only_a_missing_hint(library: Stored) -> None:
    lib, article_id, _ = library
    node = annotation(target={"source": WEB_URL, "selector": [
        {"type": "TextQuoteSelector", "exact": "not in the text at all"},
        {"type": "TextPositionSelector", "start": 10**30, "end": 10**30 + 5},
    ]})
    report = import_annotations(lib, json.dumps(node).encode())
    assert report.summary()["orphaned"] == 1
    assert [a.status for a in lib.annotations.list(article_id)] == ["orphan"]


# -- generated files ------------------------------------------------------------------------------------------

_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
_json = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
_words = st.sampled_from([
    "type", "Annotation", "AnnotationPage", "AnnotationCollection", "target", "source", "selector", "exact", "prefix",
    "suffix", "start", "end", "TextQuoteSelector", "TextPositionSelector", "body", "value", "purpose", "tagging",
    "classifying", "created", "creator", "id", "items", "first", "next", "@graph", "uri", "text", "tags", "user",
    "rows", "total", "annotations", "export_date", "references", "styleClass", "motivation", "bodyValue",
    "refinedBy", "document", "title", "user_info", "display_name", WEB_URL, QUOTE,
])
_shaped = st.recursive(
    _scalars | _words,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_words, children, max_size=6),
    max_leaves=30,
)


def _check(lib: Library, article_id: int, data: bytes) -> None:
    before = _stored(lib, article_id)
    try:
        report = import_annotations(lib, data)
    except InterchangeError as exc:
        assert "\n" not in str(exc)
        assert _stored(lib, article_id) == before  # refused whole: nothing stored
    else:
        assert len(_stored(lib, article_id)) == len(before) + report.count("added") + report.count("orphaned")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(doc=_shaped | _json)
def test_generated_json_never_gives_a_traceback(library: Stored, doc: object) -> None:
    lib, article_id, _ = library
    _check(lib, article_id, json.dumps(doc, allow_nan=True).encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_generated_bytes_and_text_never_give_a_traceback(library: Stored, data: bytes) -> None:
    lib, article_id, _ = library
    _check(lib, article_id, data)
