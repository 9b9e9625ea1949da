"""HTML pages and clipboard HTML: the story's text with its structure, metadata off the text, no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from models.ingest import IngestError, ingest_bytes, ingest_file, ingest_html

PAGE = Path(__file__).resolve().parent / "fixtures" / "ingest" / "harbour-article.html"


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_saved_page_reads_story_with_structure(no_network):
    article = ingest_file(PAGE)
    assert article.kind == "html"
    kinds = [(b.kind, article.block_text(b)[:30]) for b in article.blocks]
    assert kinds[0] == ("title", "Harbour reopens after storm re")
    assert ("heading", "Months of work") in kinds
    assert ("quote", "We never thought we would be b") in kinds
    assert ("list-item", "Boats registered this week: fo") in kinds
    assert article.text.count("Harbour reopens after storm repairs") == 1
    assert article.text.split("\n")[1].startswith("PORTHAVEN – Fishing boats returned")
    for junk in ("Subscribe now", "Local bakery", "Great news for the town", "All rights reserved", "By Mara"):
        assert junk not in article.text


def test_saved_page_metadata_from_json_ld_and_meta(no_network):
    meta = ingest_file(PAGE).metadata
    assert meta.title == "Harbour reopens after storm repairs"
    assert meta.authors == ("Mara Quinn", "Owen Hale")
    assert meta.published == "2021-11-16T08:30:00+00:00"
    assert meta.publisher == "Coastal Courier"
    assert meta.section == "Local"
    assert meta.tags == ("fishing", "storms", "harbour")
    assert meta.url == "https://courier.example/local/harbour-reopens"
    assert meta.language == "en-GB"
    assert meta.dateline == "PORTHAVEN"
    assert meta.subheadings == ("Months of work",)


def test_metadata_without_json_ld_comes_from_opengraph_and_byline(no_network):
    html = PAGE.read_text("utf-8")
    start = html.index('<script type="application/ld+json">')
    html = html[:start] + html[html.index("</script>", start) + len("</script>") :]
    meta = ingest_html(html, source="page.html").metadata
    assert meta.title == "Harbour reopens after storm repairs"
    assert meta.authors == ("Mara Quinn", "Owen Hale")
    assert meta.published == "2021-11-16T08:30:00+00:00"
    assert meta.section == "Local"
    assert meta.tags == ("Fishing", "Storms")
    assert meta.publisher == "Coastal Courier"


def test_clipboard_fragment_keeps_its_blocks(no_network):
    fragment = "<h2>Short note</h2><p>The ferry <b>will not</b> run on Sunday.</p><ul><li>Buses replace it</li></ul>"
    article = ingest_html(fragment, source="clipboard:abc")
    assert article.text == "Short note\nThe ferry will not run on Sunday.\nBuses replace it"
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "list-item"]


def test_html_without_text_is_refused():
    with pytest.raises(IngestError, match="^no article text found in the HTML page$"):
        ingest_html("<html><head><title></title></head><body><script>var a = 1;</script></body></html>", source="x")


def test_html_bytes_use_the_declared_charset():
    html = '<html><head><meta charset="windows-1252"><title>Caf\xe9 news</title></head><body>'
    html += "<p>The caf\xe9 on the corner \x93reopened\x94 on Monday after a long winter closure for repairs.</p>"
    html += "</body></html>"
    article = ingest_bytes(html.encode("latin-1"), source="page.html", filename="page.html")
    assert "The café on the corner “reopened” on Monday" in article.text
