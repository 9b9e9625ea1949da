"""HTML pages and clipboard HTML: the story's text with its structure, metadata off the text, no network."""

from __future__ import annotations

import json
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


def test_a_date_written_into_the_author_field_is_not_part_of_the_name(no_network: None) -> None:
    """ "REUTERS 19 NOV 2019" is the agency Reuters; "Lena Berg, Nov. 19, 2019" is Lena Berg."""
    for written, name in (("REUTERS 19 NOV 2019", "REUTERS"), ("Lena Berg, Nov. 19, 2019", "Lena Berg")):
        ld = json.dumps({"@type": "NewsArticle", "headline": "Ferry back on the river",
                         "author": {"@type": "Person", "name": written}})
        html = story_page().replace("<head>", f'<head><script type="application/ld+json">{ld}</script>')
        assert ingest_html(html, source="page.html").metadata.authors == (name,)


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
    )
    text = ingest_html(html, source="page.html").text
    assert all(paragraph in text for paragraph in STORY)
    for junk in ("Bridge tolls", "Read more", "Storm damage"):
        assert junk not in text


def test_sentences_and_addresses_that_are_links_stay(no_network: None) -> None:
    kept = [
        '<p>Tip: <a href="/t">see the full timetable on our page.</a></p>',
        '<p>Tickets: <a href="https://ferry.example/tickets">https://ferry.example/tickets</a></p>',
    ]
    text = ingest_html(story_page(*[(2, html) for html in kept]), source="page.html").text
    assert "see the full timetable on our page." in text
    assert "https://ferry.example/tickets" in text


def test_json_ld_headline_loses_site_name_and_escaped_entities(no_network: None) -> None:
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "publisher": {"name": "The Estuary Post"},'
        ' "headline": "&#8216;Ferry&#8217; back on the river &amp; on time | TheEstuaryPost"}'
    )
    html = story_page(title="Ferry back").replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
    meta = ingest_html(html, source="page.html").metadata
    assert meta.title == "‘Ferry’ back on the river & on time"
    assert meta.publisher == "The Estuary Post"


def test_words_after_an_empty_icon_element_are_kept(no_network: None) -> None:
    html = story_page(
        (1, '<p>Tickets are sold at the pier <i class="icon-pin"></i> kiosk and on board, cash or card, every day.</p>')
    )
    text = ingest_html(html, source="page.html").text
    assert "Tickets are sold at the pier kiosk and on board, cash or card, every day." in text


def test_calls_to_action_and_credits_below_the_story_are_dropped(no_network: None) -> None:
    coda = (
        "<p>Have a tip? Lena Ward may be reached at lena@estuary.example. Follow her on Twitter @lenaward.</p>"
        "<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>"
        "<p>(Reporting by Lena Ward; editing by Tom Reyes)</p>"
    )
    text = ingest_html(story_page((5, coda)), source="page.html").text
    assert text.endswith(STORY[-1])


def test_a_call_to_action_inside_the_story_stays(no_network: None) -> None:
    """Only the close of the story is read for calls to action: the same words higher up may be story text."""
    box = "<p>Start your day with the Morning Tide. Sign up for the free daily newsletter.</p>"
    text = ingest_html(story_page((2, box)), source="page.html").text
    assert "Sign up for the free daily newsletter." in text


def test_a_last_paragraph_about_a_newsletter_is_story_text(no_network: None) -> None:
    last = (
        "<p>The ferry company said its own newsletter, sent to 2,000 season ticket holders, had carried the news.</p>"
    )
    text = ingest_html(story_page((5, last)), source="page.html").text
    assert text.endswith("had carried the news.")


def test_labels_and_headings_that_close_the_page_are_dropped(no_network: None) -> None:
    """A heading or a line of one or two words without a sentence's end cannot be the story's last line."""
    tail = "<p>Tag: transport</p><h3>Tell us what you think</h3><p>comments</p>"
    text = ingest_html(story_page((5, tail)), source="page.html").text
    assert text.endswith(STORY[-1])


@pytest.mark.parametrize("line", [
    "First Published: Tuesday, November 19, 2019 08:38 AM",
    "Updated at 1:23 p.m.",
    "Filed under: Transport |",
    "SOURCE: News agencies",
    "Buyer's Guide: Ferries (Buy Now)",
    "© Estuary News 2019. All rights reserved",
    '[button link="/submit" type="big"] Send us YOUR ferry photos[/button]',
    "You may also like...",
    "Listen to Estuary Radio live at 12:45 and 17:45 weekdays - or listen back here.",
])
def test_lines_a_page_prints_under_the_story_are_dropped(no_network: None, line: str) -> None:
    """When it was published, "Label: value" lines, the copyright, a box title, an unrendered shortcode, a call to
    listen: under the last paragraph they are the page's, not the story's."""
    text = ingest_html(story_page((5, f"<p>{line}</p>")), source="page.html").text
    assert text.endswith(STORY[-1])


@pytest.mark.parametrize("line", ["Updated figures will follow next week.", "Reporters asked: why now?"])
def test_a_last_line_that_is_a_sentence_stays_whatever_its_first_word(no_network: None, line: str) -> None:
    text = ingest_html(story_page((5, f"<p>{line}</p>")), source="page.html").text
    assert text.endswith(line)


def test_a_date_line_and_a_label_above_the_story_are_dropped(no_network: None) -> None:
    """Between the headline and the first paragraph: a date and time in any language, "Reading time: 2 minutes"."""
    head = "<p>sexta-feira, 22 de outubro de 2010 às 20:13</p><p>Reading time: 2 minutes</p>"
    text = ingest_html(story_page((0, head)), source="page.html").text
    assert text == "Ferry back on the river\n" + "\n".join(STORY)
    first = "<p>OSLO: The council met on 3 March 2021.</p>"
    assert "\nOSLO: The council met on 3 March 2021.\n" in ingest_html(story_page((0, first)), source="page.html").text


def test_a_short_last_line_that_ends_a_sentence_stays(no_network: None) -> None:
    text = ingest_html(story_page((5, "<p>Tag: transport</p><p>They hope so.</p>")), source="page.html").text
    assert text.endswith("Tag: transport\nThey hope so.")


def test_a_link_wrapped_in_a_span_stays_in_its_sentence(no_network: None) -> None:
    """A span classed "link" around a link is part of the sentence, not a box of links to discard."""
    sentence = (
        'The council decided <span class="link"><a href="/fares">to freeze the ferry fares</a></span> until the '
        "summer, after a petition signed by four thousand passengers reached the harbour office."
    )
    text = ingest_html(story_page((1, f"<p>{sentence}</p>")), source="page.html").text
    assert "The council decided to freeze the ferry fares until the summer" in text


def test_a_card_that_pops_up_over_a_name_is_not_read_into_the_sentence(no_network: None) -> None:
    """A portrait with links to the person's latest stories, written inside the name's span in the paragraph, is
    left out; the name and the rest of the sentence stay, and a picture with its caption link in a paragraph stays."""
    card = (
        '<span class="people"><a href="/people/lena-berg">Lena Berg</a><span class="card"><span>'
        '<img src="berg.jpg" alt=""><a class="name" href="/people/lena-berg">Lena Berg</a>'
        '<a href="/a">Berg backs the new ferry timetable for the islands</a> '
        '<a href="/b">Harbour office answers the petition on fares</a> <a href="/people/lena-berg">MORE</a>'
        "</span></span></span>"
    )
    sentence = f"<p>The mayor, {card} (Labour), said the ferry fares would stay frozen until the summer season.</p>"
    figure = ('<p><span><img src="map.jpg" alt=""> The new sailing map of the estuary, drawn by the '
              '<a href="/office">harbour office</a> for the <a href="/season">summer season</a>.</span></p>')
    text = ingest_html(story_page((1, sentence), (2, figure)), source="page.html").text
    assert "The mayor, Lena Berg (Labour), said the ferry fares would stay frozen until the summer season." in text
    assert "timetable for the islands" not in text and "MORE" not in text
    assert "The new sailing map of the estuary, drawn by the harbour office for the summer season." in text


def test_white_space_inside_an_empty_inline_element_still_parts_two_words(no_network: None) -> None:
    """An element holding only a space ("<strong> </strong>") is removed, but the space between the words stays."""
    sentence = "<p>More people live throughout the valley<strong> </strong>and along the coast than ever.</p>"
    html = story_page((1, sentence))
    text = ingest_html(html, source="page.html").text
    assert "throughout the valley and along the coast" in text


def test_text_written_straight_into_a_container_keeps_its_sentences_whole(no_network: None) -> None:
    """Paragraphs parted by <br><br> in a container that also holds blocks (a picture): each is one paragraph, and a
    sentence with links in it is neither cut at the links nor glued to them."""
    linked = (
        'The operator said the <a href="/timetable">timetable</a> would stay the same, with the '
        '<strong><a href="/first">first sailing</a></strong> at six in the morning and the last at ten.'
    )
    body = "<br><br>\n".join([*STORY[:2], linked])
    body += f'<br><br><div class="picture"><img src="ferry.jpg" alt=""></div><br><br>{STORY[2]}'
    html = (
        "<html><head><title>Ferry back</title></head><body><nav><a href='/'>Home</a></nav><article>"
        f"<h1>Ferry back</h1><span class='story'>{body}</span></article><footer>© Estuary News</footer></body></html>"
    )
    article = ingest_html(html, source="page.html")
    paragraphs = [article.text[b.start : b.end] for b in article.blocks if b.kind == "paragraph"]
    sentence = (
        "The operator said the timetable would stay the same, with the first sailing at six in the morning and the last"
        " at ten."
    )
    assert paragraphs == [STORY[0], STORY[1], sentence, STORY[2]]


def test_lines_of_a_table_cell_stay_apart(no_network: None) -> None:
    """A cell whose lines are parted by <br> holds paragraphs once extracted: their words are not glued together."""
    table = (
        "<table><tr><td>First sailing<br><br>six in the morning</td>"
        "<td>Last sailing<br>ten at night<br><br>Sundays <a href='/sunday'>nine</a></td></tr></table>"
    )
    text = ingest_html(story_page((3, table)), source="page.html").text
    assert "First sailing six in the morning | Last sailing ten at night Sundays nine" in text
