"""The timeline of reports and schedules: a company's year and quarters, a list of dates to come, tickets for a
dated show."""

from __future__ import annotations

from datetime import date

from models.analysis import analyze, nlp
from models.analysis.timex import tag
from tests.test_timex_story import _values


def test_a_company_s_year_and_the_year_earlier_quarter() -> None:
    """Financial news: "the fiscal year" is the one the text named (else the publication year's), "the next financial
    year" and "the past fiscal year" a company's year (they were spans of twelve months from now), all valued as
    TimeML writes them (FY2013), "the year-earlier quarter" the quarter just spoken of a year before (it was not
    read), and a half that had not half run when a past clause speaks of it is last year's."""
    text = ("Net income in the third quarter rose to $5 million from $3 million in the year-earlier quarter. The "
            "company expects growth in the next financial year.")
    assert _values(text, date(2013, 10, 24)) == {
        "the third quarter": "2013-Q3", "the year-earlier quarter": "2012-Q3", "the next financial year": "FY2014"}
    assert _values("Second-half sales fell.", date(2013, 8, 14)) == {"Second-half": "2012-H2"}
    text = "In fiscal 2012, sales were flat. Net income for the fiscal year rose 5%."
    assert _values(text, date(2013, 8, 14)) == {"fiscal 2012": "FY2012", "the fiscal year": "FY2012"}
    shown = {t.text: t.provenance for t in analyze(text, date(2013, 8, 14)).timexes}
    assert shown["the fiscal year"] == "previous date of the text"  # was "tense of the clause", which it is not
    text = "It expects to break even in the fiscal year. Sales fell in the past fiscal year."
    assert _values(text, date(2013, 8, 14)) == {"the fiscal year": "FY2013", "the past fiscal year": "FY2012"}
    assert _values("Net income rose from the year-ago quarter.", date(2013, 8, 14)) == {}
    assert _values("Third-quarter sales fell.", date(2013, 9, 24)) == {"Third-quarter": "2013-Q3"}


def test_tickets_for_a_dated_show_are_for_the_show_ahead_whatever_became_of_them() -> None:
    """ "Tickets for her June 3 show sold out" in February is this June's show (the past clause made it last June's);
    written in August after the show, it is still this year's."""
    text = "Beyoncé added a second date after tickets for her June 3 show sold out in minutes."
    assert _values(text, date(2023, 2, 6))["June 3"] == "2023-06-03"
    assert _values("Tickets for the June 3 show sold out in minutes.", date(2023, 8, 6))["June 3"] == "2023-06-03"


def test_a_tour_list_under_a_yearless_heading_repeats_the_days_the_story_told() -> None:
    """A tour "kicks off June 5 in Denver" (next year's, said in November); "June 5 — Denver" under "Tour dates:" is
    that day again and the lines below it go forward from it (they were this year's past June and July)."""
    text = ("The band announced Tuesday a 30-date run that kicks off June 5 in Denver and wraps Aug. 30 in Boston. "
            "Tickets go on sale Friday, Nov. 15, at 10 a.m. local time.\n\nTour dates:\n"
            "June 5 — Denver, CO — Ball Arena\nJune 7 — Salt Lake City, UT — Delta Center\n"
            "July 12 — Chicago, IL — Wrigley Field\nAug. 30 — Boston, MA — Fenway Park\n")
    found = [(t.text, t.value) for t in tag(nlp.parse(text), date(2024, 11, 12)) if t.text[:1] in "JA"]
    assert found == [("June 5", "2025-06-05"), ("Aug. 30", "2025-08-30"), ("June 5", "2025-06-05"),
                     ("June 7", "2025-06-07"), ("July 12", "2025-07-12"), ("Aug. 30", "2025-08-30")]


def test_a_list_under_a_heading_of_dates_to_come_is_ahead_of_the_article() -> None:
    """ "Tour dates:" or "Upcoming fixtures" above a list of yearless days: the days are to come (in November, next
    year's June; they were this year's), and the reader is told how the year was reached; a list under another
    heading keeps its reading."""
    text = ("The band will hit the road in support of its new album. Tickets go on sale Friday.\n\nTour dates:\n"
            "June 5 — Denver, CO — Ball Arena\nJuly 12 — Chicago, IL — Wrigley Field\n")
    shown = {t.text: (t.value, t.provenance) for t in analyze(text, date(2024, 11, 12)).timexes}
    assert shown["June 5"] == ("2025-06-05", "list of dates to come")
    assert shown["July 12"] == ("2025-07-12", "list of dates to come")
    text = "The club's season so far.\n\nResults:\nJune 5 — lost to Denver\nJuly 12 — beat Chicago\n"
    assert _values(text, date(2024, 11, 12))["June 5"] == "2024-06-05"
