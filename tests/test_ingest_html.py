"""HTML pages and clipboard HTML: the story's text with its structure, metadata off the text, no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from models.ingest import IngestError, ingest_bytes, ingest_file, ingest_html

PAGE = Path(__file__).resolve().parent / "fixtures" / "ingest" / "harbour-article.html"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_saved_page_reads_story_with_structure(no_network: None) -> None:
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


def test_saved_page_metadata_from_json_ld_and_meta(no_network: None) -> None:
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


def test_metadata_without_json_ld_comes_from_opengraph_and_byline(no_network: None) -> None:
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


def test_clipboard_fragment_keeps_its_blocks(no_network: None) -> None:
    fragment = "<h2>Short note</h2><p>The ferry <b>will not</b> run on Sunday.</p><ul><li>Buses replace it</li></ul>"
    article = ingest_html(fragment, source="clipboard:abc")
    assert article.text == "Short note\nThe ferry will not run on Sunday.\nBuses replace it"
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "list-item"]


def test_html_without_text_is_refused() -> None:
    with pytest.raises(IngestError, match="^no article text found in the HTML page$"):
        ingest_html("<html><head><title></title></head><body><script>var a = 1;</script></body></html>", source="x")


def test_html_bytes_use_the_declared_charset() -> None:
    html = '<html><head><meta charset="windows-1252"><title>Caf\xe9 news</title></head><body>'
    html += "<p>The caf\xe9 on the corner \x93reopened\x94 on Monday after a long winter closure for repairs.</p>"
    html += "</body></html>"
    article = ingest_bytes(html.encode("latin-1"), source="page.html", filename="page.html")
    assert "The café on the corner “reopened” on Monday" in article.text


STORY = [
    "The river ferry returned to service on Tuesday morning after three weeks in the dry dock at Keld.",
    "Engineers replaced the hull plates that a winter storm had bent against the eastern pier last month.",
    "Commuters who had driven the long way round the estuary said the crossing saved them an hour a day.",
    "The operator said the timetable would stay the same, with the first sailing at six in the morning.",
    "A second vessel is due to join the route next spring once its refit at the northern yard is complete.",
]


def story_page(*extra: tuple[int, str], title: str = "Ferry back on the river") -> str:
    """A saved news page: the story's paragraphs with ``extra`` HTML inserted after paragraph ``n``."""
    body = [f"<p>{text}</p>" for text in STORY]
    for position, html in sorted(extra, reverse=True):
        body.insert(position, html)
    return (
        f"<html><head><title>{title}</title></head><body><header><nav><a href='/'>Home</a></nav></header>"
        f"<article><h1>{title}</h1>{''.join(body)}</article><footer>© Estuary News</footer></body></html>"
    )


def test_read_more_lines_between_paragraphs_are_dropped(no_network: None) -> None:
    html = story_page(
        (2, '<p>Read more: <a href="/bridge">Bridge tolls to rise in the new year for all drivers</a></p>'),
        (4, '<p><a href="/pier">Also on Estuary News Storm damage to the eastern pier is worse than feared</a></p>'),
        (5, '<p>DON\'T MISS</p><p><a href="/v">Watch the ferry leave the dock</a> [VIDEO]</p>'),
    )
    text = ingest_html(html, source="page.html").text
    assert all(paragraph in text for paragraph in STORY)
    for junk in ("Bridge tolls", "Read more", "Storm damage", "DON'T MISS", "Watch the ferry"):
        assert junk not in text


def test_a_list_of_story_links_under_the_story_is_dropped_with_its_label(no_network: None) -> None:
    """Labels left at the end ("You may also like:", "Filed under: X |", "Comments" twice) go too."""
    related = (
        "<p>More from the estuary:</p><ul>"
        '<li><a href="/a">Harbour master retires after forty years on the water</a></li>'
        '<li><a href="/b">Photos: the estuary in the great freeze of 1963</a></li>'
        '<li><a href="/c">Council votes on a new footbridge near the ferry landing</a></li></ul>'
    )
    text = ingest_html(story_page((5, related)), source="page.html").text
    assert text.endswith(STORY[-1])
    assert "More from the estuary" not in text and "Harbour master" not in text


def test_sentences_and_addresses_that_are_links_stay(no_network: None) -> None:
    kept = [
        '<p>Tip: <a href="/t">see the full timetable on our page.</a></p>',
        '<p>Tickets: <a href="https://ferry.example/tickets">https://ferry.example/tickets</a></p>',
    ]
    text = ingest_html(story_page(*[(2, html) for html in kept]), source="page.html").text
    assert "see the full timetable on our page." in text
    assert "https://ferry.example/tickets" in text


def test_a_page_made_of_links_keeps_them(no_network: None) -> None:
    deals = "".join(
        f"<h2>Deal {n}: a kettle for ${n}9.99</h2>"
        f'<p><a href="/d{n}">Clip the coupon for this kettle on the shop page</a></p>'
        f'<p><a href="/e{n}">The kettle boils a litre in two minutes and the lid opens with one hand</a></p>'
        for n in range(1, 6)
    )
    html = f"<html><head><title>Kettle deals</title></head><body><article><h1>Kettle deals</h1>{deals}</article>"
    text = ingest_html(html, source="page.html").text
    assert text.count("Clip the coupon for this kettle") == 5


def test_labels_left_at_the_end_of_the_story_are_dropped(no_network: None) -> None:
    html = story_page((5, "<p>Filed under: Transport |</p><p>Comments</p><p>comments</p>"))
    text = ingest_html(html, source="page.html").text
    assert text.endswith(STORY[-1])


def test_json_ld_headline_loses_site_name_and_escaped_entities(no_network: None) -> None:
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "publisher": {"name": "The Estuary Post"},'
        ' "headline": "&#8216;Ferry&#8217; back on the river &amp; on time | TheEstuaryPost"}'
    )
    html = story_page(title="Ferry back").replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
    meta = ingest_html(html, source="page.html").metadata
    assert meta.title == "‘Ferry’ back on the river & on time"
    assert meta.publisher == "The Estuary Post"


def test_hover_card_inside_a_sentence_is_not_read_as_text(no_network: None) -> None:
    card = (
        '<a href="/people/ana">Ana Ruiz</a><span class="card"><span><img src="ana.jpg" alt="">'
        '<a href="/people/ana">Ana Ruiz</a><a href="/s/1">Council approves the new harbour budget for next year</a>'
        '<a href="/s/2">Ferry fares frozen until the summer</a></span></span>'
    )
    sentence = "said the repairs had gone faster than planned, thanks to a dry summer and a crew that worked weekends."
    html = story_page((1, f"<p>The harbour master {card} {sentence}</p>"))
    text = ingest_html(html, source="page.html").text
    assert f"The harbour master Ana Ruiz {sentence}" in text
    assert "Council approves" not in text and "Ferry fares" not in text


def test_words_after_an_empty_icon_element_are_kept(no_network: None) -> None:
    html = story_page(
        (1, '<p>Tickets are sold at the pier <i class="icon-pin"></i> kiosk and on board, cash or card, every day.</p>')
    )
    text = ingest_html(html, source="page.html").text
    assert "Tickets are sold at the pier kiosk and on board, cash or card, every day." in text


def test_the_pages_headline_is_not_repeated_below_a_different_title(no_network: None) -> None:
    ld = '{"@type": "NewsArticle", "headline": "Estuary ferry resumes"}'
    html = story_page().replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
    html = html.replace("<h1>", "<p>Review</p><h1>")
    article = ingest_html(html, source="page.html")
    assert article.text.split("\n")[:2] == ["Estuary ferry resumes", STORY[0]]


def test_calls_to_action_and_credits_below_the_story_are_dropped(no_network: None) -> None:
    coda = (
        "<p>Have a tip? Lena Ward may be reached at lena@estuary.example. Follow her on Twitter @lenaward.</p>"
        "<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>"
        "<p>(Reporting by Lena Ward; editing by Tom Reyes)</p>"
    )
    box = "<p>Start your day with the Morning Tide. Sign up for the free daily newsletter.</p>"
    text = ingest_html(story_page((5, coda), (2, box)), source="page.html").text
    assert text.endswith(STORY[-1])
    assert "Morning Tide" not in text


def test_a_last_paragraph_about_a_newsletter_is_story_text(no_network: None) -> None:
    last = (
        "<p>The ferry company said its own newsletter, sent to 2,000 season ticket holders, had carried the news.</p>"
    )
    text = ingest_html(story_page((5, last)), source="page.html").text
    assert text.endswith("had carried the news.")


def _split_page(between: str) -> str:
    first = "".join(f"<p>{text}</p>" for text in STORY[:3])
    second = "".join(f"<p>{text}</p>" for text in STORY[3:])
    return (
        "<html><head><title>Ferry back on the river</title></head><body><h1>Ferry back on the river</h1>"
        f'<div class="story-body">{first}</div><div class="ad-row"><span>Advertisement</span></div>{between}'
        f'<div class="story-body">{second}</div><footer>© Estuary News</footer></body></html>'
    )


def test_a_story_split_by_an_advert_row_is_read_to_the_end(no_network: None) -> None:
    text = ingest_html(_split_page(""), source="page.html").text
    assert text.split("\n")[1:] == STORY


def test_the_next_story_on_the_page_is_not_read_as_a_continuation(no_network: None) -> None:
    text = ingest_html(_split_page("<h1>Next: council budget</h1>"), source="page.html").text
    assert STORY[3] not in text
