"""A story that the page cuts into several containers of the same kind, with advertisements and boxes between them:
every chunk is read, in order, and nothing of the boxes between them."""

from __future__ import annotations

import pytest

from models.ingest import html as html_ingest
from models.ingest import ingest_html

_WORDS = (
    "The river authority said the new weir would hold back the spring floods for the first time in a decade",
    "Engineers spent the winter testing the gates against water levels recorded since the old mill was built",
    "Residents of the lower town had asked for the work after three wet seasons ruined their cellars",
    "The council voted to fund the second stage once the first gates had been inspected by the regional board",
    "Farmers upstream worried that the fields above the weir would stay wet well into the planting season",
    "A survey of the riverbed found that silt had raised the channel by almost a metre since the last dredging",
)


def _chunk(first: int, count: int) -> str:
    paragraphs = "".join(f"<p>{_WORDS[(first + i) % len(_WORDS)]} (part {first + i}).</p>" for i in range(count))
    return f'<div class="grid-row"><div class="article-body column">{paragraphs}</div>' + (
        '<div class="rail"><div class="advert">Advertisement</div>'
        '<div class="newsletter">Get the morning briefing every day in your inbox.</div></div></div>'
    )


def _page(chunks: str, footer: str = "") -> str:
    return (
        "<!doctype html><html><head><title>New weir holds back the spring floods</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        '<main><article><h1>New weir holds back the spring floods</h1><div class="chunks">'
        f"{chunks}</div></article></main>{footer}</body></html>"
    )


def _split_story() -> str:
    return _page(_chunk(0, 6) + _chunk(6, 2) + _chunk(8, 3))


def test_every_chunk_of_a_split_story_is_read_in_order() -> None:
    text = ingest_html(_split_story(), source="weir.html").text
    parts = [text.find(f"(part {n}).") for n in range(11)]
    assert all(p >= 0 for p in parts), text
    assert parts == sorted(parts)
    assert "Advertisement" not in text and "morning briefing" not in text


def test_the_extractor_alone_reads_only_the_first_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the recovery is for: without it the page's story stops after its first container.
    monkeypatch.setattr(html_ingest, "recover_chunks", lambda tree, texts: [])
    text = ingest_html(_split_story(), source="weir.html").text
    assert "(part 5)." in text and "(part 6)." not in text


def test_a_container_of_the_same_kind_far_from_the_story_is_not_taken() -> None:
    footer = (
        '<footer><div class="site"><div class="about"><div class="article-body column">'
        "<p>The Valley Courier has covered the towns of the river valley since its first issue, long before the "
        "mill.</p></div></div></div></footer>"
    )
    text = ingest_html(_page(_chunk(0, 6) + _chunk(6, 2), footer), source="weir.html").text
    assert "(part 7)." in text
    assert "Valley Courier" not in text


def test_hidden_chunks_and_link_lists_are_not_story_text() -> None:
    hidden = (
        '<div class="grid-row"><div class="article-body column" style="display: none">'
        "<p>This paragraph is hidden from readers and belongs to an old draft of the weir story text.</p></div></div>"
    )
    links = (
        '<div class="grid-row"><div class="article-body column"><p><a href="/a">Flood barriers tested on the coast '
        'this week</a> <a href="/b">Why the mill closed after a century</a></p></div></div>'
    )
    text = ingest_html(_page(_chunk(0, 6) + hidden + links + _chunk(6, 2)), source="weir.html").text
    assert "(part 7)." in text
    assert "old draft" not in text
    assert "Flood barriers" not in text
