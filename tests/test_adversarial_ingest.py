"""Hostile files at the ingest boundary, in process (fast): what is not a regular file is refused before it is opened,
no more than the limit is ever read, and deep or huge page metadata neither crashes nor slows the reading."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

import models.ingest as ingest
from models.ingest import MAX_BYTES, IngestError, ingest_file, ingest_html, ingest_text, read_file_bounded
from models.ingest.htmlmeta import MAX_JSON_DEPTH, MAX_VALUE, json_depth

STORY = "<p>PORTHAVEN – Fishing boats returned to the harbour on Monday after three weeks of storm repairs.</p>" * 3


def page(head: str = "", body: str = STORY) -> str:
    return (f"<!doctype html><html><head><title>Harbour reopens</title>{head}</head>"
            f"<body><article><h1>Harbour reopens</h1>{body}</article></body></html>")


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _capture(outcome, fifo), daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a named pipe waited for a writer")
    assert [str(e) for e in outcome] == ["is a named pipe, not a file"]


def _capture(outcome: list[BaseException], path: Path) -> None:
    try:
        ingest_file(path)
    except IngestError as exc:
        outcome.append(exc)


@pytest.mark.parametrize(("target", "reason"), [
    ("/dev/zero", "is a device, not a file"),
    ("/dev/urandom", "is a device, not a file"),
    ("/dev/null", "is a device, not a file"),
    ("/nonexistent/story.txt", "no such file"),
])
def test_links_to_devices_and_nowhere_are_refused(tmp_path: Path, target: str, reason: str) -> None:
    link = tmp_path / "story.txt"
    link.symlink_to(target)
    with pytest.raises(IngestError, match=f"^{reason}$"):
        ingest_file(link)


def test_a_symlink_loop_a_socket_and_a_folder_are_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(IngestError, match="^symbolic link loop$"):
        ingest_file(a)
    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(IngestError, match="^is a socket, not a file$"):
            ingest_file(sock_path)
    with pytest.raises(IngestError, match="^is a folder, not a file$"):
        ingest_file(tmp_path)


def test_no_more_than_the_limit_is_read_whatever_stat_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 50_000)
    real_fstat, real_read = os.fstat, os.read
    asked: list[int] = []

    class Small:  # what a file that grows after stat, or a /proc file, reports: a small size
        def __init__(self, result: os.stat_result) -> None:
            self.st_mode, self.st_size = result.st_mode, 10

    def reading(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    monkeypatch.setattr(os, "read", reading)
    with pytest.raises(IngestError, match="larger than"):
        read_file_bounded(big, limit=1000)
    assert sum(asked) <= 1001
    assert read_file_bounded(big, limit=60_000) == b"x" * 50_000


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as out:
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(IngestError, match="^file is larger than the 20 MB limit$"):
        ingest_file(sparse)


def test_json_depth_ignores_brackets_in_strings() -> None:
    assert json_depth('{"a": "[[[[", "b": ["\\"]]]"]}') == 2
    assert json_depth('["\\\\", ["\\\\\\"]"]]') == 2  # escaped backslash, escaped quote
    assert json_depth("[" * 100_000 + "]" * 100_000) == 100_000


@pytest.mark.parametrize("motif", ['\\"', '"\\', '"a\\', "\\", '"[', '"'])
def test_json_depth_is_linear_on_a_megabyte_of_escapes_and_quotes(motif: str) -> None:
    started = time.monotonic()
    json_depth(motif * (1024 * 1024 // len(motif)))
    assert time.monotonic() - started < 5


def test_json_ld_nested_100000_deep_is_ignored_and_the_page_read() -> None:
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    article = ingest_html(page(deep), source="deep.html")
    assert article.metadata.title == "Harbour reopens"
    assert "Fishing boats returned" in article.text


def test_json_ld_just_within_the_depth_is_read() -> None:
    nested = "[" * (MAX_JSON_DEPTH - 1) + '{"@type": "NewsArticle", "headline": "Harbour reopens at last"}' + "]" * (
        MAX_JSON_DEPTH - 1
    )
    head = f'<script type="application/ld+json">{nested}</script>'
    assert ingest_html(page(head), source="x.html").metadata.title == "Harbour reopens at last"


def test_megabytes_of_meta_values_are_ignored_quickly() -> None:
    value = "Harbour " * (2 * 1024 * 1024 // 8)
    head = "".join(f'<meta name="{n}" content="{value}">' for n in ("description", "author", "og:title", "keywords",
                                                                   "article:published_time"))
    head += f'<meta name="author" content="Jane Writer">{"<title>" + value + "</title>"}'
    started = time.monotonic()
    article = ingest_html(page(head), source="meta.html")
    assert time.monotonic() - started < 20
    m = article.metadata
    assert m.title == "Harbour reopens" and m.authors == ("Jane Writer",)
    assert all(len(v) <= MAX_VALUE for v in (m.description, m.publisher, *m.tags))


def test_a_recursion_error_in_a_parser_is_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_deep(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ingest, "html_to_article", too_deep)
    with pytest.raises(IngestError, match="^the document is nested too deeply to read$"):
        ingest_html(page(), source="x.html")


def test_a_paste_over_the_limit_is_refused() -> None:
    with pytest.raises(IngestError, match="^text is longer than the 20 MB limit$"):
        ingest_text("a" * (MAX_BYTES + 1), source="clipboard")


def test_html_nested_past_the_parser_depth_is_refused_with_that_reason() -> None:
    with pytest.raises(IngestError, match="^the page nests its elements more than 255 levels deep and cannot be read$"):
        ingest_html(page(body="<div>" * 100_000 + STORY + "</div>" * 100_000), source="deep.html")
    assert "Fishing boats" in ingest_html(page(body="<div>" * 200 + STORY + "</div>" * 200), source="ok.html").text


def test_markdown_evidence_is_read_from_the_head_of_a_long_text() -> None:
    from models.ingest.plaintext import markdown_score

    marked = "# Title\n\nSome **bold** words.\n\n- one item\n"
    assert markdown_score(marked) >= 2
    assert markdown_score(marked + "plain prose. " * 100_000) == markdown_score(marked)
    assert markdown_score("plain prose. " * 100_000 + marked) == 0  # evidence past the head is not sought


def test_a_megabyte_line_is_never_taken_for_a_title() -> None:
    from models.ingest.plaintext import is_title_like

    assert is_title_like("Harbour Reopens After Storm")
    assert not is_title_like("Harbour Reopens " * 100_000)
