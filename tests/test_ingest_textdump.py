"""Text dumps of web pages: the sample's expected reading and other shapes of dump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.article import Article
from models.ingest import ingest_file, ingest_text
from models.ingest.bylines import is_byline, parse_byline
from models.ingest.textdump import textdump_to_article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
GOLD = json.loads((ROOT / "tests" / "fixtures" / "abe-putin-summit-2019-01-23.gold.json").read_text("utf-8"))
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def _body(article: Article) -> str:  # the text after the title block
    title = article.blocks[0]
    assert title.kind == "title"
    return article.text[title.end + 1 :]


def test_sample_metadata_matches_gold() -> None:
    article = ingest_file(SAMPLE)
    gold = GOLD["metadata"]
    meta = article.metadata
    assert article.kind == "textdump"
    assert meta.title == gold["title"]
    assert meta.section == gold["section"]
    assert meta.published == "2019-01-23"
    assert meta.publisher == gold["source"]
    assert meta.page == gold["page"]
    assert meta.provenance == gold["provenance_note"]
    assert list(meta.authors) == gold["authors"]
    assert meta.dateline == gold["dateline"]
    assert list(meta.subheadings) == gold["subheadings"]
    assert meta.editorial_note == gold["editorial_note"]
    # The bare list after the story is the site's navigation: kept as page tags, not as the article's tags.
    assert list(meta.page_tags) == gold["page_tags"]
    assert meta.tags == ()


def test_sample_text_is_title_then_story_only() -> None:
    article = ingest_file(SAMPLE)
    gold = GOLD["metadata"]
    assert article.block_text(article.blocks[0]) == gold["title"]
    body = _body(article)
    assert body.startswith(gold["body_starts_with"])
    assert body.endswith(gold["body_ends_with"])
    for junk in gold["not_in_body"] + ["(Abridged)", "JMH Translation", "p. 4", "By Shinichi"]:
        assert junk not in article.text
    headings = [article.block_text(b) for b in article.blocks if b.kind == "heading"]
    assert headings == gold["subheadings"]
    assert [b.kind for b in article.blocks].count("paragraph") == 13


def test_sample_canonical_text_invariants() -> None:
    article = ingest_file(SAMPLE)
    pieces = article.text.split("\n")
    assert len(pieces) == len(article.blocks)
    for block, piece in zip(article.blocks, pieces, strict=True):
        assert article.block_text(block) == piece
        assert piece == piece.strip() and "  " not in piece


def test_sample_pasted_as_text_reads_the_same() -> None:
    pasted = ingest_text(SAMPLE.read_text("utf-8"), source="clipboard:x")
    assert pasted.text == ingest_file(SAMPLE).text
    assert pasted.metadata == ingest_file(SAMPLE).metadata


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.txt")))
def test_dump_fixture_expected_reading(name: str) -> None:
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    article = ingest_file(FIXTURES / f"{name}.txt")
    assert article.kind == expected["kind"]
    meta = article.metadata
    for key, value in expected["metadata"].items():
        got = getattr(meta, key)
        assert (list(got) if isinstance(got, tuple) else got) == value, key
    body = _body(article)
    assert body.startswith(expected["body_starts_with"])
    assert body.endswith(expected["body_ends_with"])
    for junk in expected["not_in_text"]:
        assert junk not in article.text
    assert len(article.blocks) == expected["block_count"]


def test_hard_wrapped_dump_joins_lines_of_a_paragraph() -> None:
    text = (
        "WORLD > Asia\n\nFloods close schools across the north\n\n• 12/08/2020\n\nBy Lena Park\n\n"
        "SEOUL - Heavy rain closed hundreds of schools across the north of the country on\n"
        "Monday, officials said, as rivers rose to their highest level in a decade and\n"
        "rescuers moved residents of low-lying villages to shelters set up in gyms.\n\n"
        "The weather agency said more rain was expected until Wednesday across the region,\n"
        "and warned of landslides in the mountains east of the capital over the weekend.\n"
    )
    article = ingest_text(text, source="clipboard:wrapped")
    assert article.kind == "textdump"
    assert article.metadata.dateline == "SEOUL"
    assert article.metadata.published == "2020-12-08"
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph"]
    assert "country on Monday, officials said" in article.text


def test_a_title_byline_and_date_on_three_lines_above_one_line_paragraphs_are_not_a_wrapped_paragraph() -> None:
    """Three short header lines that run on (and a short list line under a heading) are no text wrapped at 25
    characters: the paragraphs below are written on one line each. The title, the author and the date stay apart."""
    text = (
        "Getting to York by road\nBy Helen Marsh\n12 March 2024\n\n"
        "From the south, the quickest route is to take the M1 northbound to junction 32, then the A64 east to the "
        "York Outer Ring Road. The upper reaches of the M1 around Leeds can get very congested.\n\n"
        "From the north the A1 and the A19 link York with Tyneside, and the A59 brings traffic in from Harrogate "
        "and the west along a road that is busy at every hour of the day.\n\n"
        "Deals for the trip:\nA rail pass for two adults for $238.99\n"
    )
    article = ingest_text(text, source="clipboard:header")
    assert article.metadata.title == "Getting to York by road"
    assert article.metadata.authors == ("Helen Marsh",)
    assert article.metadata.published == "2024-03-12"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [("Por Ana Ribeiro e João Silva", ("Ana Ribeiro", "João Silva")), ("Par Jean Dupont, AFP", ("Jean Dupont",)),
     ("Von Anna Schmidt und Paul Weber", ("Anna Schmidt", "Paul Weber")), ("Oleh Siti Rahma", ("Siti Rahma",))],
)
def test_a_byline_in_another_language_is_the_author_not_the_title(byline: str, authors: tuple[str, ...]) -> None:
    text = (
        f"Brasil e Alemanha assinam acordo de energia\n{byline}\n12 de março de 2024\n\n"
        "O presidente recebeu nesta terça-feira em Brasília o chanceler alemão. Os dois líderes assinaram um acordo "
        "de cooperação em energia renovável.\n\nA ministra participou da reunião e afirmou que o acordo ajuda a "
        "proteger a floresta.\n"
    )
    article = ingest_text(text, source="clipboard:pt")
    assert article.metadata.title == "Brasil e Alemanha assinam acordo de energia"
    assert article.metadata.authors == authors
    assert article.metadata.published == "2024-03-12"


def test_a_headline_that_starts_with_a_foreign_byline_word_stays_a_headline() -> None:
    assert not is_byline("Von Miller leads Broncos to victory") and is_byline("By John Y. Smith")
    assert parse_byline("By John Y. Smith") == (["John Y. Smith"], "")


def test_a_dump_without_a_section_line_keeps_its_headline_as_title_and_never_the_byline() -> None:
    dump = (
        "Putin to visit Osaka for G20 summit as talks with Japan stall\n\n"
        "  • June 27, 2019\n  • , Example Times , p. 2\n\n"
        "By Jane Writer\n\n\n"
        "OSAKA – Russian President Vladimir Putin arrived in Osaka on June 27 for the G20 summit.\n\n"
        "A follow-up meeting of vice-ministers is planned for September.\n"
    )
    article = textdump_to_article(dump, source="osaka.txt")
    assert article.metadata.title == "Putin to visit Osaka for G20 summit as talks with Japan stall"
    assert article.metadata.section == ""
    assert "By Jane Writer" not in article.text
    assert article.metadata.published == "2019-06-27" and article.metadata.publisher == "Example Times"
    assert article.text.split("\n")[1].startswith("OSAKA – Russian President")


def test_a_headline_that_starts_with_by_is_still_a_headline() -> None:
    dump = (
        "By the numbers: Japan's trade with Russia\n\n  • March 2, 2020\n\n"
        "TOKYO – Japan's trade with Russia rose 4% last year, customs data showed on Monday, as energy imports "
        "from Sakhalin offset a fall in car exports.\n"
    )
    assert textdump_to_article(dump, source="n.txt").metadata.title == "By the numbers: Japan's trade with Russia"


def test_a_wrapped_line_of_a_preposition_and_a_year_is_text_not_a_page_button() -> None:
    dump = (
        "Linguist honoured in Ann Arbor\nPublished: 2024-03-12\n\n"
        "ANN ARBOR – Celeste Pollock, who taught at the University of Michigan for twenty years, was honoured on "
        "Monday by the\nLinguistic Society of America. Pollock studied at the University of California at Berkeley "
        "before moving to Ann Arbor\nin 1998.\n\nHer students staged a play last spring.\n\nShare 34\nSign in\n"
    )
    article = textdump_to_article(dump, source="dump.txt")
    assert "before moving to Ann Arbor\nin 1998.\nHer students" in article.text
    assert "Share 34" not in article.text and "Sign in" not in article.text


@pytest.mark.parametrize(
    "date_line, byline",
    [("Thursday, April 15, 2021", "By Lisa Moreno\n"), ("April 15, 2021", ""), ("Apr. 15, 2021 10:30 a.m. ET", "")],
)
def test_a_bare_date_line_under_the_title_is_the_publication_date(date_line: str, byline: str) -> None:
    """A story saved as text under its title with only a date line (and maybe a byline) is dated by that line,
    which leaves the body; without it every "on Wednesday" of the story would stay unresolved."""
    text = (f"Former mayor sentenced to six years for bribery\n\n{byline}{date_line}\n\n"
            "A former mayor of Riverton was sentenced on Wednesday to six years in federal prison.\n\n"
            "He pleaded guilty in October to one count of conspiracy.\n")
    article = ingest_text(text, source="story.txt")
    assert article.metadata.published == "2021-04-15"
    assert article.metadata.title == "Former mayor sentenced to six years for bribery"
    assert "2021" not in _body(article)
    assert _body(article).startswith("A former mayor of Riverton")


def test_a_sentence_holding_a_date_under_the_title_stays_text() -> None:
    text = ("Quarterly results\n\nResults of May 3, 2020 were better than expected.\n\n"
            "The company said demand held up in every region.\n")
    article = ingest_text(text, source="story.txt")
    assert "Results of May 3, 2020" in article.text


def test_a_labelled_update_line_dates_a_live_page() -> None:
    """ "Updated 11:45 p.m. ET, Tuesday, November 8, 2022" alone under the headline of a live page: its date."""
    text = ("Election night live: results as they come in\n\nUpdated 11:45 p.m. ET, Tuesday, November 8, 2022\n\n"
            "11:40 p.m. — The Associated Press has called the Pennsylvania Senate race.\n\n"
            "11:05 p.m. — The governor of Florida won re-election by nearly 20 points.\n")
    article = ingest_text(text, source="live.txt")
    assert article.metadata.published == "2022-11-08"
    assert _body(article).startswith("11:40 p.m. — The Associated Press")


def test_a_date_line_with_the_time_of_its_update_after_it_dates_the_page_and_keeps_its_byline() -> None:
    """ "Jan. 8, 2025 Updated 6:12 AM PT" under a byline with the writer's paper: the page's date and its author."""
    text = ("Palisades fire forces thousands to flee Los Angeles homes\n\nBy Jenny Jarvie, Los Angeles Times Staff "
            "Writer\nJan. 8, 2025 Updated 6:12 AM PT\n\nA fast-moving wildfire tore through Pacific Palisades on "
            "Tuesday, destroying hundreds of homes.\n\nA second blaze broke out near Altadena on Tuesday night.\n")
    article = ingest_text(text, source="fire.txt")
    assert article.metadata.published == "2025-01-08"
    assert article.metadata.authors == ("Jenny Jarvie",)
    assert _body(article).startswith("A fast-moving wildfire")


def test_a_pasted_press_release_is_dated_by_its_dateline_and_its_kicker_is_no_title() -> None:
    """The same release pasted without its page furniture reads as plain paragraphs: still dated by "Feb. 6, 2024"
    in its dateline, still titled by its headline rather than "FOR IMMEDIATE RELEASE"."""
    text = ("FOR IMMEDIATE RELEASE\n\nHelix Announces Positive Results\n\nCAMBRIDGE, Mass., Feb. 6, 2024 "
            "/PRNewswire/ -- Helix Biotherapeutics today announced positive results from its trial.\n\n"
            "The company will host a call today at 8:00 a.m. ET.\n")
    article = ingest_text(text, source="release.txt")
    assert article.metadata.title == "Helix Announces Positive Results"
    assert article.metadata.published == "2024-02-06"
    assert "FOR IMMEDIATE RELEASE" not in article.text


def test_a_japanese_page_keeps_its_headline_as_the_title() -> None:
    """Japanese has no spaces between words: the story's first paragraph is prose all the same, and the headline
    above the date line is the title (not a section kicker with the first paragraph as the title)."""
    text = ("安倍首相、プーチン大統領と25回目の会談\n\n2019年1月23日\n\n"
            "安倍晋三首相は22日、モスクワでロシアのプーチン大統領と会談した。平和条約締結交渉について協議したが、大きな進展はなかった。\n\n"
            "両首脳は6月に大阪で開かれる20カ国・地域首脳会議（G20サミット）の際に再び会談する予定だ。\n")
    article = ingest_text(text, source="ja.txt")
    assert article.metadata.title == "安倍首相、プーチン大統領と25回目の会談"
    assert article.metadata.published == "2019-01-23"
    assert _body(article).startswith("安倍晋三首相は22日")


def test_a_date_line_in_another_language_dates_the_page() -> None:
    text = ("Путин и Абэ провели 25-ю встречу в Москве\n\n22 января 2019 года\n\n"
            "Президент России Владимир Путин и премьер-министр Японии Синдзо Абэ провели переговоры в Кремле.\n")
    article = ingest_text(text, source="ru.txt")
    assert article.metadata.published == "2019-01-22"
    assert "2019" not in _body(article)


def test_an_author_note_under_the_byline_is_not_the_title() -> None:
    """An op-ed: headline, byline, a sentence about the author, the date. The headline stays the title (it was
    taken for a kicker, and the author's note for the title)."""
    text = ("Opinion: Europe cannot afford another lost decade\n\nBy Marta Kowalczyk\n"
            "The author is a former finance minister of Poland.\n\nSept. 18, 2024\n\n"
            "When Mario Draghi published his report on European competitiveness last week, the reaction in Berlin "
            "was swift and negative. Christian Lindner rejected the idea within hours.\n")
    article = ingest_text(text, source="oped.txt")
    assert article.metadata.title == "Opinion: Europe cannot afford another lost decade"
    assert article.metadata.authors == ("Marta Kowalczyk",)
    assert article.metadata.published == "2024-09-18"
    assert "The author is a former finance minister of Poland." in article.text


def test_a_dateline_with_a_year_and_no_comma_dates_the_story() -> None:
    text = ("Modi's BJP loses majority\n\nNEW DELHI, June 4 2024 (Reuters) - Prime Minister Narendra Modi's party "
            "lost its majority, results showed on Tuesday.\n\nModi is expected to be sworn in on Saturday.\n")
    assert ingest_text(text, source="india.txt").metadata.published == "2024-06-04"


def test_a_date_line_with_its_source_in_parentheses_dates_the_page_and_names_the_publisher() -> None:
    text = ("Japan, China agree to resume high-level economic dialogue\n\nNovember 16, 2024 (Mainichi Japan)\n\n"
            "LIMA -- Prime Minister Shigeru Ishiba and Chinese President Xi Jinping agreed on Nov. 15 to promote a "
            '"mutually beneficial strategic relationship" during their first face-to-face talks in the Peruvian '
            "capital, on the sidelines of the Asia-Pacific Economic Cooperation (APEC) summit.\n\nThe meeting lasted "
            "about 30 minutes. It was the first summit between the two leaders since Ishiba took office on Oct. 1. "
            "(Japanese original by Kenji Tatsumi, Political News Department)\n")
    article = ingest_text(text, source="mainichi.txt")
    assert article.metadata.published == "2024-11-16"
    assert article.metadata.publisher == "Mainichi Japan"
    assert article.metadata.dateline == "LIMA"


def test_a_national_news_agency_after_a_byline_is_the_publisher_not_an_author() -> None:
    text = ("Man sentenced over Nottingham attacks\n\nBy Sophie Wingate, PA\nThursday 25 January 2024 16:12 GMT\n\n"
            "A man who killed two students and a school caretaker in Nottingham has been given a hospital order.\n\n"
            "He was sentenced at Nottingham Crown Court on Thursday.\n")
    article = ingest_text(text, source="pa.txt")
    assert article.metadata.authors == ("Sophie Wingate",)
    assert article.metadata.publisher == "PA"
