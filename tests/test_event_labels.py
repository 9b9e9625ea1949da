"""Timeline events are named the way a reader would name them, from the analysis of the sample itself: the trigger
noun with its qualifiers, the people taking part (surnames from the entity panel), a place; the sentence is left
for the hover card."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from models.analysis import analyze
from models.analysis.event_labels import MAX_CHARS, name_event, name_events
from models.analysis.types import Analysis, Entity, Mention, TimelineEvent, Timex
from models.ingest import ingest_file

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


@pytest.fixture(scope="module")
def sample() -> tuple[str, Analysis]:
    article = ingest_file(SAMPLE)
    return article.text, analyze(article.text, date(2019, 1, 23), authors=article.metadata.authors)


def names_by_value(sample: tuple[str, Analysis]) -> dict[str, list[str]]:
    text, analysis = sample
    out: dict[str, list[str]] = {}
    for ev in analysis.events:
        out.setdefault(ev.timex.value, []).append(name_event(ev, text, analysis.entities).text)
    return out


@pytest.mark.slow
def test_the_sample_events_get_the_names_a_reader_gives_them(sample: tuple[str, Analysis]) -> None:
    names = names_by_value(sample)
    assert "25th Abe–Putin meeting" in names["2019-01-22"]
    assert "foreign ministers meet" in names["2019-01-14"]
    assert "Kono–Lavrov meeting" in names["2019-01-14"]
    assert names["2019-01-20"] == ["rally in Moscow"]
    assert "rally in Moscow" in names["2019-01-22"]
    assert names["2019-SP"] == ["Abe visit to Russia"]
    assert names["2019-SU"] == ["Upper House election"]
    assert "G20 summit" in names["2019-06"]
    assert names["2009"] == ["nuclear energy pact"]


@pytest.mark.slow
def test_every_name_is_short_whole_words_and_not_the_sentence(sample: tuple[str, Analysis]) -> None:
    text, analysis = sample
    for ev in analysis.events:
        name = name_event(ev, text, analysis.entities).text
        sentence = text[ev.sentence_start:ev.sentence_end]
        assert name and len(name) <= MAX_CHARS
        assert name != sentence.strip() and len(name) < len(sentence) / 2
        for word in name.rstrip("…").replace("–", " ").split():
            assert word.lower() in sentence.lower() or word in ("meet",), f"{word!r} is not from the sentence"


@pytest.mark.slow
def test_the_most_important_event_of_a_day_is_the_summit(sample: tuple[str, Analysis]) -> None:
    text, analysis = sample
    same_day = [ev for ev in analysis.events if ev.timex.value == "2019-01-22"]
    best = max(same_day, key=lambda ev: name_event(ev, text, analysis.entities).importance)
    assert name_event(best, text, analysis.entities).text == "25th Abe–Putin meeting"


def event_in(text: str, expression: str, entities: tuple[Entity, ...] = ()) -> tuple[TimelineEvent, tuple[Entity, ...]]:
    start = text.index(expression)
    timex = Timex(start, start + len(expression), expression, "DATE", "2019-01-22")
    return TimelineEvent(timex, 0, len(text), "", (), "day", "2019-01-22", "2019-01-22", False), entities


def mentions(text: str, word: str) -> tuple[Mention, ...]:
    start = text.index(word)
    return (Mention(start, start + len(word), word),)


def test_a_count_of_arrests_names_itself() -> None:
    text = "On Jan. 22, a similar rally was held in Moscow, and at least 15 people were arrested."
    ev, _ = event_in(text, "Jan. 22")
    assert name_event(ev, text).text == "15 arrested"


def test_a_place_after_the_trigger_and_people_from_the_entity_panel() -> None:
    text = "On Friday the opposition staged a protest in Kyiv while Zelensky and Macron held talks in Paris."
    entities = (Entity("Kyiv", "PLACE", mentions(text, "Kyiv")), Entity("Paris", "PLACE", mentions(text, "Paris")),
                Entity("Volodymyr Zelensky", "PERSON", mentions(text, "Zelensky")),
                Entity("Emmanuel Macron", "PERSON", mentions(text, "Macron")))
    ev, _ = event_in(text, "Friday")
    assert name_event(ev, text, entities).text == "protest in Kyiv"


def test_without_a_trigger_the_clause_is_cut_at_a_word_end() -> None:
    text = ("On Monday the committee quietly postponed its long awaited consideration of the amended proposals "
            "submitted last autumn by several members.")
    ev, _ = event_in(text, "Monday")
    name = name_event(ev, text).text
    assert len(name) <= MAX_CHARS and name.split()[0] == "committee"
    assert all(w.rstrip("…") in text for w in name.split())


@pytest.mark.slow
def test_without_a_trigger_the_clause_the_date_belongs_to_names_the_event() -> None:
    """The analysis's own label (subject, verb and object of the clause that holds the date, from the parse) names
    the event, not the first words of the sentence: in February the governor appointed the commission, he did not
    say anything."""
    text = "The governor said he was waiting for a pay commission he appointed in February to report."
    analysis = analyze(text, date(2019, 11, 20))
    (event,) = analysis.events
    name = name_event(event, text, analysis.entities).text
    assert "commission he appointed" in name and "said" not in name  # the noun the clause is about leads it
    assert name_event(replace(event, label=""), text, analysis.entities).text.startswith("governor said")
    text = "Come November 19, those who paid for the bundle will receive a controller."
    analysis = analyze(text, date(2019, 11, 18))
    assert not name_event(analysis.events[0], text, analysis.entities).text.lower().startswith("come")


def test_a_month_named_like_a_trigger_is_another_date_not_the_event() -> None:
    text = "A man pleaded guilty Monday to threatening to kill a congresswoman in March, prosecutors said."
    start = text.index("March")
    other = Timex(start, start + 5, "March", "DATE", "2019-03")
    ev, _ = event_in(text, "Monday")
    name = name_events([ev, replace(ev, timex=other)], text)[0].text
    assert name.lower() != "march" and "pleaded" in name


@pytest.mark.slow
def test_a_chinese_or_korean_leader_is_named_by_the_family_name_written_first() -> None:
    text = ("Donald Trump and Xi Jinping held a summit in Osaka on June 29. Moon Jae-in and Kim Jong-un held talks at "
            "the border on April 27. Kim Kardashian and Lee Smith held talks on May 3.")
    analysis = analyze(text, date(2019, 11, 20))
    names = [n.text for n in name_events(analysis.events, text, analysis.entities)]
    assert names[0].startswith("Trump–Xi summit") and names[1] == "Moon–Kim talks"
    assert names[2] == "Kardashian–Smith talks"  # given names first, as English writes them


def test_a_sentence_with_two_dates_gives_each_date_its_own_event() -> None:
    """The 2016 bar of "agreed in 2016 …, and the 25th Abe–Putin summit in 2019 ended" carried the 2019 summit's
    name: a trigger bound to the other date ("summit in 2019", "the 2019 summit") is that date's event."""
    text = ("Shinzo Abe and Vladimir Putin agreed in 2016 on joint economic activities, and the 25th Abe-Putin "
            "summit in 2019 ended without progress.")
    entities = (Entity("Shinzo Abe", "PERSON", mentions(text, "Shinzo Abe")),
                Entity("Vladimir Putin", "PERSON", mentions(text, "Vladimir Putin")))
    y2016 = TimelineEvent(Timex(text.index("2016"), text.index("2016") + 4, "2016", "DATE", "2016"), 0, len(text),
                          "", (), "year", "2016-01-01", "2016-12-31", False)
    y2019 = TimelineEvent(Timex(text.index("2019"), text.index("2019") + 4, "2019", "DATE", "2019"), 0, len(text),
                          "", (), "year", "2019-01-01", "2019-12-31", False)
    first, second = name_events([y2016, y2019], text, entities)
    assert "summit" not in first.text and first.text == "Abe and Putin agree"
    assert "summit" in second.text and "agree" not in second.text
    alone = name_event(y2016, text, entities)  # named without the other date: the old reading, nearest trigger
    assert "summit" in alone.text

    text = "The 2019 Abe-Putin summit in Moscow revisited the deal they struck in Nagato in 2016."
    y2019 = TimelineEvent(Timex(4, 8, "2019", "DATE", "2019"), 0, len(text), "", (), "year", "2019-01-01",
                          "2019-12-31", False)
    at = text.index("2016")
    y2016 = TimelineEvent(Timex(at, at + 4, "2016", "DATE", "2016"), 0, len(text), "", (), "year", "2016-01-01",
                          "2016-12-31", False)
    named = name_events([y2019, y2016], text)
    assert "summit" in named[0].text and "deal" in named[1].text


def test_the_date_of_a_quoted_post_is_when_it_was_written_not_a_planned_event() -> None:
    """An embedded post's signature line, dated the day after the story was first published (the story was updated):
    the timeline names it "post by …" and draws it as reported, not planned."""
    text = ("Omar shared a letter on the sentencing.\n"
            "We must apply a system of compassion to criminal justice. pic.twitter.com/s96jjh8AlD\n"
            "— Rep. Ilhan Omar (@IlhanMN) November 19, 2019\n"
            "The sentencing is scheduled for Feb. 14.")
    analysis = analyze(text, date(2019, 11, 18))
    post = next(e for e in analysis.events if e.timex.text == "November 19, 2019")
    assert post.planned is False and post.label == "post by Rep. Ilhan Omar"
    assert name_events([post], text)[0].text == "post by Rep. Ilhan Omar"
    later = next(e for e in analysis.events if e.timex.text == "Feb. 14")
    assert later.planned is True and later.interval_start == "2020-02-14"  # a date after the story stays planned
    dash = "The board met — Jane Roe (@janeroe) said so — on November 19, 2019."  # not a signature line
    aside = next(e for e in analyze(dash, date(2019, 11, 18)).events)
    assert aside.planned is True and not aside.label.startswith("post by")


def test_a_dateline_is_not_the_subject_and_a_score_keeps_both_numbers() -> None:
    """The parse makes the dateline's town the subject ("SAN FRANCISCO — Lumen on Tuesday released …") and splits
    a score ("3-1")."""
    text = ("SAN FRANCISCO — Lumen on Tuesday released a new version of its chatbot that can browse the web.\n\n"
            "Liverpool beat Brentford 3-1 at Anfield on Saturday to move level on points with Arsenal.")
    labels = {ev.timex.text: ev.label for ev in analyze(text, date(2024, 7, 29)).events}
    assert labels["Tuesday"].startswith("Lumen released")
    assert "3-1" in labels["Saturday"]


def test_a_date_in_an_opening_participle_names_what_the_participle_says_of_the_subject() -> None:
    """ "Born in Leeds, on March 4, 1929, Dr. Ellison studied zoology": the date is the birth (the parse hangs it on
    "studied"); "Founded in Oslo in 1998, the company …": the founding, of the company (not a bare "Founded in
    Oslo", nor "Elected the mayor promised …")."""
    text = ("Born in Leeds, England, on March 4, 1929, Dr. Ellison studied zoology at the University of Cambridge.\n\n"
            "Founded in Oslo in 1998, the company now employs 4,000 people. Elected in 2016, the mayor promised new "
            "parks.")
    labels = {ev.timex.text: ev.label for ev in analyze(text, date(2021, 3, 2)).events}
    assert labels["March 4, 1929"] == "Dr. Ellison born in Leeds"
    assert labels["1998"] == "the company founded in Oslo"
    assert labels["2016"] == "the mayor elected"


def test_a_measure_stays_with_its_adjective_in_a_label() -> None:
    """ "a 34-year-old man", not "a old man" (the measure pruned, the article left disagreeing)."""
    text = "Police have arrested a 34-year-old man over the robbery of a jewellery store last Friday."
    labels = {ev.timex.text: ev.label for ev in analyze(text, date(2022, 5, 3)).events}
    assert "a 34-year-old man" in labels["last Friday"]


def test_a_weekday_heading_a_paragraph_is_named_by_the_sentence_after_it() -> None:
    text = ("Monday: Germany publishes industrial production for November.\n\n"
            "Tuesday: The World Bank releases its Global Economic Prospects report.")
    labels = {ev.timex.text: ev.label for ev in analyze(text, date(2024, 1, 7)).events}
    assert labels["Monday"].startswith("Germany publishes industrial production")
    assert labels["Tuesday"].startswith("The World Bank releases")


def test_a_press_release_dateline_is_not_the_subject() -> None:
    text = ("CAMBRIDGE, Mass., Feb. 6, 2024 /PRNewswire/ -- Helix Biotherapeutics, Inc. (NASDAQ: HLXB), a "
            "clinical-stage biotechnology company, on Monday announced positive topline results.")
    labels = {ev.timex.text: ev.label for ev in analyze(text, date(2024, 2, 6)).events}
    assert labels["Monday"].startswith("Helix Biotherapeutics Inc. announced")


def test_life_dates_after_a_name_are_a_birth_and_a_death() -> None:
    text = ("Wangari Maathai (1 April 1940 – 25 September 2011) was a Kenyan environmental activist. The architect "
            "Lena Moss (born 12 May 1961) designed the library.")
    labels = {ev.timex.text: ev.label for ev in analyze(text, date(2020, 1, 1)).events}
    assert labels["1 April 1940"] == "Wangari Maathai born"
    assert labels["25 September 2011"] == "Wangari Maathai died"
    assert labels["12 May 1961"] == "Lena Moss born"


def test_each_date_of_a_list_names_its_own_part_of_it() -> None:
    """ "produced X in 1979 and Y in 1982": the 1982 event is Y's production, not X's; a place or a time keeps the
    verb's object ("opened stores in Berlin"); a part with no object before is the subject of the verb ("Vestas
    reports on Nov. 3, and Siemens Gamesa on Nov. 4")."""
    text = ('Jones produced "Off the Wall" in 1979 and "Thriller" in 1982, which remains the best-selling album of all '
            'time, and "Bad" in 1987. The company opened stores in Paris in 2019, in Berlin in 2021 and in Rome in '
            "2023. She won gold in 2012 and silver in 2016. Rival Vestas reports on Nov. 3, and Siemens Gamesa on "
            "Nov. 4.")
    labels = {ev.timex.text: ev.label for ev in analyze(text, date(2024, 10, 30)).events}
    assert labels["1979"] == "Jones produced Off the Wall"
    assert labels["1982"] == "Jones produced Thriller"
    assert labels["1987"] == "Jones produced Bad"
    assert labels["2021"] == "The company opened stores in Berlin"
    assert labels["2016"] == "She won silver"
    assert labels["Nov. 4"] == "Siemens Gamesa reports"


def test_the_date_of_a_paragraphs_dateline_is_no_event() -> None:
    """ "WASHINGTON, Sept 18 (Reuters) - …" dates the story; the timeline shows what happened ("Wednesday"), not a
    "WASHINGTON Reuters" event."""
    text = ("WASHINGTON, Sept 18 (Reuters) - The Federal Reserve cut interest rates by half a percentage point on "
            "Wednesday, its first reduction since 2020.\n\nThe Fed's next meeting is on Nov. 6-7.")
    events = {ev.timex.text: ev.label for ev in analyze(text, date(2024, 9, 18)).events}
    assert "Sept 18" not in events
    assert events["Wednesday"].startswith("The Federal Reserve cut interest rates")
    assert "Nov. 6-7" in events


def test_the_date_opening_a_paragraph_before_its_agency_is_no_event() -> None:
    text = ("Aug 28 (Reuters) - Nvidia forecast third-quarter revenue above estimates on Wednesday, but shares fell 7% "
            "after the bell.\n\nRivals report results next month.")
    events = {ev.timex.text for ev in analyze(text, date(2024, 8, 28)).events}
    assert "Aug 28" not in events and "Wednesday" in events
