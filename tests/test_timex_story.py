"""Issue 11's timeline patterns on made-up text: yearless dates in plans and lists, weekdays against tense,
generic phrases, and quotations that keep the time of their story."""

from __future__ import annotations

from datetime import date

import pytest

from models.analysis import nlp
from models.analysis.timex import tag


def _values(text: str, dct: date) -> dict[str, str]:
    return {t.text: t.value for t in tag(nlp.parse(text), dct)}


NOV_2020 = date(2020, 11, 10)
MONDAY = date(2020, 10, 5)


def test_a_list_under_a_heading_with_a_year_takes_its_year() -> None:
    text = "Ticket news.\n2021 season schedule:\nApril 3 — Denver\nApril 10 — at Seattle\nMay 1 — Boston\n"
    values = _values(text, NOV_2020)
    assert values["April 3"] == "2021-04-03"
    assert values["May 1"] == "2021-05-01"


def test_a_scheduled_date_in_the_present_tense_looks_ahead() -> None:
    assert _values("The tour kicks off May 2nd in Austin.", NOV_2020)["May 2nd"] == "2021-05-02"


def test_a_month_an_event_returns_or_closes_in_is_ahead_in_the_present_tense() -> None:
    """In October, "the festival returns in July" is next July (the nearer July is behind); told in the past it is
    this year's."""
    october = date(2020, 10, 5)
    assert _values("The festival returns in July.", october)["July"] == "2021-07"
    assert _values("The exhibition closes in March.", october)["March"] == "2021-03"
    assert _values("The festival returned in July.", october)["July"] == "2020-07"


def test_a_year_named_for_the_plan_dates_the_day() -> None:
    assert _values("The band said the 2021 tour would open on March 3.", NOV_2020)["March 3"] == "2021-03-03"


def test_a_past_year_in_the_sentence_does_not_date_the_day() -> None:
    text = "The shop opened in 2003 and as of February it sells most of the songs."
    assert _values(text, date(2008, 4, 9))["February"] == "2008-02"


def test_this_year_beside_the_date() -> None:
    assert _values("The festival takes place on June 5 this year.", NOV_2020)["June 5"] == "2020-06-05"


@pytest.mark.parametrize(
    "text", ["The coach looks ahead after Sunday's defeat.", "The team regrouped after Sunday's defeat."]
)
def test_after_a_weekday_is_the_past_one(text: str) -> None:
    assert _values(text, MONDAY)["Sunday"] == "2020-10-04"


def test_a_possessive_weekday_is_the_nearest() -> None:
    assert _values("The coach praises Sunday's result.", MONDAY)["Sunday"] == "2020-10-04"


def test_an_explicit_date_beside_a_weekday_wins() -> None:
    values = _values("The team lost on Sunday (Oct. 11) in Paris.", MONDAY)
    assert values["Sunday"] == "2020-10-11"
    assert values["Oct. 11"] == "2020-10-11"


def test_the_weekday_picks_the_year_of_a_yearless_date() -> None:
    # October 4 fell on a Sunday in 2020, not in 2021
    assert _values("Fans remember Sunday (Oct. 4) well.", date(2021, 1, 10))["Oct. 4"] == "2020-10-04"


def test_as_of_a_month_in_the_present_tense_is_this_year() -> None:
    assert _values("As of April 2, the fund holds 300 shares.", date(2020, 10, 12))["April 2"] == "2020-04-02"


@pytest.mark.parametrize(
    "text",
    ["He reads the Sunday edition of the paper.", "Click Stream Now to watch the film.",
     "Most daily newspapers ran the story."],
)
def test_generic_phrases_are_not_dates(text: str) -> None:
    assert _values(text, MONDAY) == {}


def test_years_on_is_a_duration_not_a_future_date() -> None:
    values = _values("Fifty years on, the town is calm.", MONDAY)
    assert values == {"Fifty years on": "P50Y"}


def test_a_quotation_keeps_the_time_of_its_story() -> None:
    text = 'The team won on Sunday. "We needed this win today," the coach said.'
    assert _values(text, MONDAY)["today"] == "2020-10-04"


def test_today_outside_quotes_is_the_publication_day() -> None:
    text = "The team won on Sunday. The coach speaks to the press today."
    assert _values(text, MONDAY)["today"] == "2020-10-05"


def test_black_friday_is_the_coming_one_a_few_weeks_before() -> None:
    values = _values("Prices have dropped to Black Friday levels already.", date(2019, 11, 18))
    assert values["Black Friday"] == "2019-11-29"


@pytest.mark.parametrize(
    "text", ["The monitor is 35% off, Now $649.99 at the store.", "But every now and again the game quits.",
             "The GTX 1660 Ti is faster than the RTX 2060 in this test.",
             "The old chip earned a total score of 2072 and a max FPS of 147.4.",
             "The village had a population of 1900 at the census."],
)
def test_prices_idioms_and_model_numbers_are_not_dates(text: str) -> None:
    assert _values(text, date(2019, 11, 18)) == {}


def test_an_event_name_with_its_year_keeps_the_year() -> None:
    assert _values("Jobs opened WWDC 2005 in the morning.", date(2005, 6, 6))["2005"] == "2005"


def test_a_year_after_of_is_a_year_unless_an_amount_comes_before_it() -> None:
    assert _values("The class of 2021 graduated, by the end of 2030 the loan is repaid.", date(2019, 11, 18)) == {
        "2021": "2021", "the end of 2030": "2030-12"}


def test_a_month_quarter_is_the_quarter_it_ends() -> None:
    values = _values("The September quarter earnings were better than expected.", date(2019, 11, 20))
    assert values["September"] == "2019-Q3"


@pytest.mark.parametrize(
    ("dct", "expected"),
    [(date(2013, 1, 15), {"fourth-quarter": "2012-Q4", "the second quarter": "2013-Q2", "the third quarter": "2013-Q3",
                          "the first quarter": "2012-Q1"}),
     (date(2013, 7, 20), {"fourth-quarter": "2013-Q4", "the second quarter": "2013-Q2", "the third quarter": "2013-Q3",
                          "the first quarter": "2013-Q1"}),
     (date(2013, 10, 25), {"fourth-quarter": "2013-Q4", "the second quarter": "2013-Q2", "the third quarter": "2013-Q3",
                           "the first quarter": "2013-Q1"})],
)
def test_a_quarter_without_a_year_is_the_one_a_report_speaks_of(dct: date, expected: dict[str, str]) -> None:
    """Results are reported after the fact: in January "fourth-quarter earnings" are last year's, whatever the tense;
    "analysts expect the second quarter to improve" is this year's (it was last year's); in late October the third
    quarter "will be weak" is the one just ended, still to be reported (it was next year's); a quarter that "was
    strong" has run, so in mid-January it is last year's first (it was this year's, two weeks old)."""
    text = ("The company expects fourth-quarter earnings to rise. Analysts expect the second quarter to improve. Sales "
            "in the third quarter will be weak, and the first quarter was strong.")
    assert _values(text, dct) == expected


def test_a_heading_year_does_not_date_the_paragraph_under_it() -> None:
    text = ("Stadia Is A Beta Until 2020, But The Price Is High\n"
            "Come November 19, those who paid $129 for the Founder's Edition will receive a controller, a stick, "
            "and three months of the subscription, which is the only way to play right now.")
    assert _values(text, date(2019, 11, 18))["November 19"] == "2019-11-19"


def test_a_quote_acknowledged_after_the_game_keeps_its_day() -> None:
    text = 'The Wild won on Tuesday. "I thought tonight we took a good step," Suter acknowledged.'
    assert _values(text, date(2019, 11, 20))["tonight"] == "2019-11-19TNI"


def test_later_in_the_day_is_the_story_day_or_a_habit() -> None:
    assert _values("Most people feel tired later in the day.", MONDAY) == {}
    text = "The vote was held on Sunday. Later in the day, the results came."
    assert _values(text, MONDAY)["Later in the day"] == "2020-10-04"


def test_a_year_in_a_title_is_not_a_date() -> None:
    text = "The bundle adds Rally Legends 2021, Pocket Farmer 2020 and Sky Racer 2018, plus two more."
    values = _values(text, NOV_2020)
    assert not {"2021", "2020", "2018"} & set(values)


def test_a_year_after_an_event_name_or_a_preposition_stays_a_date() -> None:
    found = tag(nlp.parse("Tickets for the Harbour Jazz Festival 2021, held in 2021, sold out."), NOV_2020)
    assert [t.value for t in found] == ["2021", "2021"]


def test_times_of_every_weekday_are_not_dates() -> None:
    assert _values("Hear the bulletin at 08:15 and 18:30 weekdays on our station.", NOV_2020) == {}
    assert "7:30 a.m." not in _values("The ferry leaves at 7:30 a.m. daily from the pier.", NOV_2020)


def test_now_opening_an_imperative_is_not_the_present() -> None:
    assert "Now" not in _values("Now grab your bag and head out!", NOV_2020)
    assert _values("Now the committee is reviewing the bids.", NOV_2020)["Now"] == "PRESENT_REF"


def test_a_later_quotation_of_a_reported_speaker_keeps_the_story_day() -> None:
    text = ("The Hawks lost on Saturday in Leeds.\n"
            "\u201cWe were tired,\u201d the captain admitted. \u201cBut tonight we showed heart.\u201d\n")
    assert _values(text, date(2020, 10, 4))["tonight"] == "2020-10-03TNI"


def test_an_intention_the_clause_reports_takes_the_clause_direction() -> None:
    text = "A Dayton man pleaded guilty Friday to threatening to burn a warehouse in April, officials said."
    assert _values(text, NOV_2020)["April"] == "2020-04"


def test_a_plan_reported_in_the_past_takes_the_nearest_date() -> None:
    text = "The mayor scrapped a fare rise scheduled for Oct. 20, aides said."
    assert _values(text, NOV_2020)["Oct. 20"] == "2020-10-20"
    assert _values("The mayor backs a fare rise scheduled for March 2.", NOV_2020)["March 2"] == "2021-03-02"


def test_a_later_quotation_in_the_present_keeps_the_day_it_was_said() -> None:
    text = ("The pair won the final on Sunday in Turin.\n"
            "\u201cWe came late,\u201d the captain said. \u201cBut we are really happy today.\u201d\n")
    assert _values(text, date(2020, 10, 6))["today"] == "2020-10-06"


def test_the_match_clock_is_not_a_time_of_day() -> None:
    text = "Okafor scored at 4:38 of the second period and again on the power play at 16:02 for the Otters."
    values = _values(text, NOV_2020)
    assert "4:38" not in values and "16:02" not in values
    assert _values("The ferry left the pier at 16:02 with 40 cars.", NOV_2020)["16:02"] == "2020-11-10T16:02"


def test_a_clock_time_without_a_day_does_not_hide_the_story_day() -> None:
    text = ("The Hawks beat the Owls on Tuesday in Derby.\n"
            "The team bus left the stadium at 23:40.\n"
            "\u201cIt was close,\u201d the captain admitted. \u201cBut tonight we found a way.\u201d\n")
    assert _values(text, date(2020, 10, 7))["tonight"] == "2020-10-06TNI"


def test_a_live_update_stamp_takes_the_weekday_its_entry_names() -> None:
    text = ("The Latest on the river flood (all times local):\n"
            "9:40 p.m.\n"
            "The river rose above its banks Friday evening near the old mill.\n"
            "___\n"
            "6 p.m.\n"
            "Officials closed the bridge after heavy rain.\n")
    values = _values(text, date(2021, 3, 13))  # a Saturday: the page is dated by its last update
    assert values["9:40 p.m."] == "2021-03-12T21:40"
    assert values["6 p.m."] == "2021-03-13T18:00"  # its entry names no day: the publication day


def test_a_live_update_stamp_ignores_a_weekday_far_from_the_update() -> None:
    text = "10 a.m.\nThe council first met about the plan on Monday last month.\n"
    assert _values(text, date(2021, 3, 13))["10 a.m."] == "2021-03-13T10:00"


def test_a_holiday_in_a_title_case_headline_is_a_date() -> None:
    values = _values("Weekend Picks: Best Christmas Gifts For Gamers, Ranked\nThe list is below.", date(2019, 12, 2))
    assert values["Christmas"] == "2019-12-25"


def test_a_holiday_before_a_capitalised_word_in_a_sentence_is_a_name() -> None:
    assert _values("She sang at the Christmas Concert in town.", date(2019, 12, 2)) == {}


JAN_4 = date(2020, 1, 4)


def test_a_holiday_since_which_something_lasts_is_behind_the_article() -> None:
    text = "About 4,000 people who had been trapped at Mallacoota since New Year's Eve were being taken to safety."
    assert _values(text, JAN_4)["New Year's Eve"] == "2019-12-31"


def test_a_past_progressive_passive_is_past() -> None:  # "were being": the past sits on the first auxiliary
    assert _values("The ferries were being loaded on Christmas Eve.", JAN_4)["Christmas Eve"] == "2019-12-24"


def test_a_holiday_in_the_present_tense_is_the_nearest_one() -> None:
    assert _values("The harbour is closed on New Year's Eve.", JAN_4)["New Year's Eve"] == "2019-12-31"
    assert _values("The harbour is closed on New Year's Eve.", date(2020, 12, 20))["New Year's Eve"] == "2020-12-31"


def test_a_count_later_in_a_past_clause_is_not_after_the_article() -> None:
    """Told after "this morning", "six months later" in the past counts from the earlier story, not from today."""
    text = ("Thirty-one years ago I sat where you are sitting. The speaker that year was Senator Dean. A classmate "
            "who is sitting in the third row this morning persuaded me to apply. Six months later I was teaching.")
    assert _values(text, date(2020, 1, 1))["Six months later"] == "1989"
    assert _values("The plant opened this morning. Six months later it will close.",
                   date(2020, 1, 1))["Six months later"] == "2020-07"
    # with no date before it to count from, it is some time in the past, not two decades after the article
    assert _values("Two decades later, he returned to Vienna.", date(2020, 1, 1))["Two decades later"] == "PAST_REF"


def test_a_weekday_after_a_score_or_a_tally_in_its_sentence_is_behind_the_article() -> None:
    """The small model reads "rivals" as the verb (a present: next Sunday); the score says the match was played."""
    monday = date(2023, 2, 27)
    text = "Hibernian defeated city rivals Heart of Midlothian 2–1 at Easter Road in Edinburgh on Sunday."
    assert _values(text, monday)["Sunday"] == "2023-02-26"
    assert _values("The council voted 5-4 on Tuesday to close the library.", monday)["Tuesday"] == "2023-02-21"


def test_a_season_record_or_opening_hours_before_a_weekday_say_nothing_of_its_direction() -> None:
    tuesday = date(2019, 11, 19)
    assert _values("The Gophers (9-1, 6-1) play Saturday against the Wildcats.", tuesday)["Saturday"] == "2019-11-23"
    assert _values("The shop is open 9-5 on Saturday.", tuesday)["Saturday"] == "2019-11-23"


def test_the_same_day_of_a_date_known_only_to_the_year_is_not_placed() -> None:
    values = _values("She left the village 30 years ago – on the same day her brother was born.", date(2019, 3, 4))
    assert values == {"30 years ago": "1989"}


def test_the_same_day_of_a_date_known_to_the_day_is_that_day() -> None:
    values = _values("The mill closed on May 6, 1998. On the same day the mayor resigned.", date(2019, 3, 4))
    assert values["the same day"] == "1998-05-06"


def test_year_to_date_is_the_current_year() -> None:
    values = _values("The fund is up 12 percent year-to-date and its rival is flat month to date.", date(2019, 3, 4))
    assert values == {"year-to-date": "2019", "month to date": "2019-03"}


@pytest.mark.parametrize(
    "text", ["Fog has become a standard feature of winter in the valley.", "In summer the pond usually dries up."]
)
def test_a_season_in_a_habitual_sentence_is_not_a_date(text: str) -> None:
    assert _values(text, date(2019, 11, 19)) == {}


def test_a_season_of_a_report_stays_a_date() -> None:
    assert _values("The pond dried up in summer.", date(2019, 11, 19))["summer"] == "2019-SU"


@pytest.mark.parametrize("text", ["The new trains are due in October.", "The old bridge stays open until October."])
def test_a_bare_month_of_a_schedule_in_the_present_tense_is_ahead(text: str) -> None:
    assert _values(text, date(2019, 3, 4))["October"] == "2019-10"


def test_a_bare_month_of_a_state_in_the_present_tense_is_the_nearest() -> None:
    assert _values("Takings in October are the best of the year.", date(2019, 3, 4))["October"] == "2018-10"


@pytest.mark.parametrize(
    "text", ["The stop on November 11 was cancelled.", "Officials will review the fire of November 2."]
)
def test_a_day_of_the_month_of_publication_is_this_years_whatever_the_tense(text: str) -> None:
    value = next(iter(_values(text, date(2005, 11, 5)).values()))
    assert value.startswith("2005-11-")


def test_a_month_naming_a_thing_is_not_a_schedule() -> None:
    text = "The pact is due within weeks of an October summit."
    assert _values(text, date(2019, 11, 19))["October"] == "2019-10"


def test_a_future_year_elsewhere_in_the_sentence_does_not_date_a_past_clause() -> None:
    text = "She chairs a panel the mayor appointed in February to report on rents by the end of 2020."
    assert _values(text, date(2019, 11, 19))["February"] == "2019-02"


def test_a_future_heading_year_does_not_date_a_past_clause() -> None:
    text = "Faster Laptops Expected in 2020\nThe small model was last updated in July.\n"
    assert _values(text, date(2019, 11, 18))["July"] == "2019-07"


@pytest.mark.parametrize(
    ("text", "value"),
    [("Tickets go on sale at 10 a.m. Friday, Dec. 6.", "2019-12-06T10:00"),
     ("The crash happened at 6:38 p.m. on Saturday, May 18, police said.", "2019-05-18T18:38"),
     ("Doors open at 7 p.m. Friday, Dec. 6, the club said.", "2019-12-06")],
)
def test_a_weekday_with_a_date_after_it_takes_the_date(text: str, value: str) -> None:
    assert value in _values(text, date(2019, 11, 19)).values()


@pytest.mark.parametrize(
    "text", ["The Hawks led at halftime and scored 20 points in the third quarter.",
             "Her touchdown early in the fourth quarter sealed it.", "The visitors scored twice in the second half."]
)
def test_a_quarter_or_half_of_a_match_is_not_a_date(text: str) -> None:
    assert _values(text, date(2019, 11, 19)) == {}


def test_a_quarter_of_a_business_year_stays_a_date() -> None:
    assert _values("Sales rose 4 percent in the third quarter.", date(2019, 11, 19))["the third quarter"] == "2019-Q3"


def test_a_past_story_goes_on_in_the_year_it_named() -> None:
    text = "He first saw a doctor in November 2016. The tests were clear. But by December, the pain was back."
    assert _values(text, date(2019, 11, 18))["December"] == "2016-12"


def test_a_new_paragraph_leaves_the_year_of_the_story() -> None:
    text = "The bridge opened in March 2015.\nThe minister resigned in June."
    assert _values(text, date(2019, 11, 18))["June"] == "2019-06"


def test_a_verb_inside_a_hyphened_modifier_does_not_date_the_noun_after_it() -> None:
    """ "reported a better-than-expected third quarter": the quarter is dated by "reported" (past: this year's), not
    by "expected" (which read as a forecast and put it a year ahead)."""
    text = "Shares rose after the maker reported a better-than-expected third quarter and raised its forecast."
    assert _values(text, date(2021, 10, 28))["third quarter"] == "2021-Q3"


@pytest.mark.parametrize(
    "text, clock, value",
    [("The robbery happened shortly after 4pm on 29 April.", "4pm", "2022-04-29T16:00"),
     ("The polls open at 7 a.m. on May 5 in every district.", "7 a.m.", "2022-05-05T07:00"),
     ("The fire broke out at 11:30 p.m. on April 12, 2021.", "11:30 p.m.", "2021-04-12T23:30")],
)
def test_a_clock_time_takes_the_day_written_after_it(text: str, clock: str, value: str) -> None:
    """Not the publication day: "4pm on 29 April" is the afternoon of 29 April, past or ahead by its clause."""
    assert _values(text, date(2022, 5, 3))[clock] == value


def test_a_paragraph_headed_by_a_weekday_dates_its_clock_times() -> None:
    """A week-ahead list: "Monday: … vote at 9 a.m." is Monday's 9 a.m., even after a month named in between."""
    text = ("Markets return to a busy week.\n\nMonday: Germany publishes industrial production for November. "
            "Shareholders vote at 9 a.m. Pacific time.\n\nThursday: The consumer price index for December is due at "
            "8:30 a.m. Eastern.")
    values = _values(text, date(2024, 1, 7))
    assert values["9 a.m."] == "2024-01-08T09:00"
    assert values["8:30 a.m."] == "2024-01-11T08:30"


@pytest.mark.parametrize(
    "text, expression, value",
    [("The Federal Reserve meets on Jan. 30-31.", "Jan. 30-31", "2024-01-30"),
     ("The festival runs June 3–5 in Austin.", "June 3–5", "2024-06-03"),
     ("The summit is on 12-13 March.", "12-13 March", "2024-03-12"),
     ("The festival returns to Worthy Farm from 25 to 29 June.", "25 to 29 June", "2024-06-25"),
     ("The talks are on May 3 and 4 in Geneva.", "May 3 and 4", "2024-05-03"),
     ("It runs June 25 through 29, organisers said.", "June 25 through 29", "2024-06-25"),
     ("Rates will rise from May 3 to 4 percent.", "May 3", "2024-05-03")],
)
def test_a_range_of_days_is_one_expression_dated_by_its_first_day(text: str, expression: str, value: str) -> None:
    assert _values(text, date(2024, 1, 7)) == {expression: value}


@pytest.mark.parametrize(
    "text, value",
    [("Talks will begin once it meets the criteria, the leaders said, with a report due in March.", "2024-03"),
     ("The payment was due in March but never came.", "2023-03"),
     ("Rent fell due in March.", "2023-03")],
)
def test_what_is_due_is_ahead_whatever_the_tense_that_tells_of_it(text: str, value: str) -> None:
    assert _values(text, date(2023, 12, 15))["March"] == value


def test_a_schedule_goes_forward_in_its_sentence_and_down_its_list() -> None:
    """A tour announced in November 2024: "opens March 8 … through the summer, with European dates in June" and a
    list of dates under it are 2025 all through, not back in 2024 once the months pass November's half-year."""
    text = ("The tour opens March 8 at the Fillmore in San Francisco and runs through the summer, with European dates "
            "in June.\nTour dates:\nMarch 8 — San Francisco, The Fillmore\nJune 4 — London, O2 Academy Brixton\n"
            "Aug. 30 — Morrison, Colo., Red Rocks Amphitheatre\n")
    found = [(t.text, t.value) for t in tag(nlp.parse(text), date(2024, 11, 14))]
    assert found == [("March 8", "2025-03-08"), ("the summer", "2025-SU"), ("June", "2025-06"),
                     ("March 8", "2025-03-08"), ("June 4", "2025-06-04"), ("Aug. 30", "2025-08-30")]


def test_a_plan_does_not_drag_an_earlier_month_of_its_sentence_forward() -> None:
    values = _values("The festival opens on March 8. Its old site closed in June.", date(2024, 11, 14))
    assert values["June"] == "2024-06"


@pytest.mark.parametrize(
    "text, month, value",
    [("The band formed in 2019. It played its first show in December of that year.", "December", "2019-12"),
     ("He was elected in 2016 and resigned in March the following year.", "March", "2017-03"),
     ("It opened in June 2001. In May that year it flooded.", "May", "2001-05")],
)
def test_a_month_of_that_year_is_in_the_year_the_text_is_at(text: str, month: str, value: str) -> None:
    values = _values(text, date(2024, 11, 14))
    assert values[month] == value
    assert values[next(k for k in values if k.endswith("year"))] == value[:4]


@pytest.mark.parametrize(
    "text, expected",
    [("The state will update its figures every Tuesday and Friday.", {"every Tuesday": "XXXX-WXX-2"}),
     ("Shops close on Sundays and Monday.", {"Sundays": "XXXX-WXX-7"}),
     ("We met on Tuesday and Friday.", {"Tuesday": "2025-03-04", "Friday": "2025-02-28"})],
)
def test_the_second_day_of_a_habit_is_no_date(text: str, expected: dict[str, str]) -> None:
    assert _values(text, date(2025, 3, 4)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("Glastonbury has announced that The 1975, Neil Young and Olivia Rodrigo will headline.", {}),
     ("The 1975 election was close.", {"1975": "1975"}),
     ("It was the 1975 election.", {"1975": "1975"})],
)
def test_a_year_after_a_capitalised_the_inside_a_sentence_is_a_name(text: str, expected: dict[str, str]) -> None:
    """ "The 1975" inside a sentence is the band; a sentence opening with "The 1975 …" still speaks of the year."""
    assert _values(text, date(2025, 3, 20)) == expected


@pytest.mark.parametrize(
    "text, value",
    [("He apologised for his brief attempt to impose martial law on Tuesday night.", "2024-12-03TNI"),
     ("His failed bid to win the vote on Tuesday ended his career.", "2024-12-03"),
     ("He will make an attempt to climb the peak on Tuesday.", "2024-12-10"),
     ("He plans to impose martial law on Tuesday.", "2024-12-10")],
)
def test_an_attempt_told_in_the_past_was_made_in_the_past(text: str, value: str) -> None:
    """An infinitive after a noun is a plan ("plans to impose … on Tuesday" is next Tuesday), except after an attempt
    the clause tells of in the past."""
    assert list(_values(text, date(2024, 12, 7)).values()) == [value]


def test_a_capitalised_season_before_a_capitalised_word_is_part_of_a_name() -> None:
    """ "the next Summer Games" is no date next summer; "next summer" and "Summer 2025" are."""
    assert _values("Team USA hosts the next Summer Games in Los Angeles in 2028.", date(2024, 8, 3)) == {
        "2028": "2028"}
    assert _values("The talks resume next summer.", date(2024, 8, 3)) == {"next summer": "2025-SU"}
    assert _values("It opens in Summer 2025.", date(2024, 8, 3)) == {"Summer 2025": "2025-SU"}


def test_a_quotation_whose_speaker_is_named_before_it_keeps_the_story_day() -> None:
    """'Smith said after Sunday's game: "… today."' in Monday's paper: Sunday; the quotation's own past tense says
    so, a present one would not."""
    text = "Smith said after Sunday's game: \u201cWe needed this win today.\u201d"
    assert _values(text, MONDAY)["today"] == "2020-10-04"
    text = "The Hawks play again on Friday. Smith said: \u201cToday we start training.\u201d"
    assert _values(text, MONDAY)["Today"] == "2020-10-05"


def test_the_weekday_of_the_attribution_after_a_quotation_is_its_day() -> None:
    """'"We needed this win today," Brown said after Sunday's game.' with no date before it: Sunday; and the
    attribution of the next quotation of the paragraph is not this one's."""
    text = "\u201cWe needed this win today,\u201d Brown said after Sunday's game."
    assert _values(text, MONDAY)["today"] == "2020-10-04"
    text = ("After the match on Saturday, Jones said: \u201cToday was special.\u201d \u201cWe needed this win "
            "today,\u201d Brown said after Sunday's game.")
    values = {t.text + str(t.start): t.value for t in tag(nlp.parse(text), MONDAY)}
    assert values[f"Today{text.index('Today')}"] == "2020-10-03"
    assert values[f"today{text.index('today')}"] == "2020-10-04"


def test_midnight_told_in_the_past_is_the_one_that_began_the_day() -> None:
    """Monday's "the ceasefire took effect at midnight" is the midnight between Sunday and Monday (Sunday T24:00); in
    the present or the future it is tonight's."""
    assert _values("The ceasefire took effect at midnight.", MONDAY)["midnight"] == "2020-10-04T24:00"
    assert _values("The ceasefire takes effect at midnight.", MONDAY)["midnight"] == "2020-10-05T24:00"
    text = "The kidnapper fled. Later that evening he hid. It was around midnight when police arrived."
    assert _values(text, MONDAY)["midnight"] == "2020-10-05T24:00"  # the story is at that day already


def test_this_season_in_the_future_tense_after_it_ended_is_the_coming_one() -> None:
    """In November, "the band will tour this spring" is next spring; "this spring was wet" is this year's."""
    november = date(2020, 11, 10)
    assert _values("The band will tour Europe this spring.", november)["this spring"] == "2021-SP"
    assert _values("This spring was wet.", november)["This spring"] == "2020-SP"
    assert _values("The team will play this winter.", date(2020, 1, 10))["this winter"] == "2019-WI"


def test_last_year_after_a_sentence_that_ends_with_a_month_is_the_year_before_the_article() -> None:
    # "February. Last year" was read as "in February [of that] year": 2024, the year of the month before it
    values = _values("A second vote is scheduled for February. Last year the budget passed.", date(2023, 11, 21))
    assert values == {"February": "2024-02", "Last year": "2022"}
    assert _values("He was elected in 2016 and resigned in March the following year.", date(2023, 11, 21))[
        "the following year"] == "2017"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("In 2019, the budget was approved in late November.", {"late November": "2019-11"}),
     ("Last year's budget was approved in late November.", {"late November": "2022-11"}),
     ("Last year the festival opened in July and closed in August.", {"July": "2022-07", "August": "2022-08"}),
     # the tense of the clause must agree with the year the sentence opens with
     ("In 2019, the company was founded; it plans to open a plant in March.", {"March": "2024-03"}),
     ("Next year the festival opens in July.", {"July": "2024-07"}),
     # a "when" clause tells of the year before it
     ("The band last toured in 2021, when shows ran from September through November.",
      {"September": "2021-09", "November": "2021-11"})],
)
def test_a_year_a_sentence_opens_with_frames_its_months(text: str, expected: dict[str, str]) -> None:
    values = _values(text, date(2023, 11, 21))
    assert {k: values.get(k) for k in expected} == expected


def test_later_in_the_day_in_a_past_clause_goes_on_from_the_last_day_told_in_the_past() -> None:
    text = ("The city council voted on Monday to approve the budget. The mayor will sign it on Dec. 1. Later in the "
            "day, protesters gathered outside city hall.")
    assert _values(text, date(2023, 11, 21))["Later in the day"] == "2023-11-20"  # was Dec. 1, still ahead
    # a plan goes on from the plan's day; with no day told in the past, a past clause is not placed
    assert _values("The mayor will sign it on Dec. 1. Later in the day, he will fly to Paris.", date(2023, 11, 21))[
        "Later in the day"] == "2023-12-01"
    assert "Later in the day" not in _values("The mayor will sign it on Dec. 1. Later in the day, protesters "
                                             "gathered.", date(2023, 11, 21))


def test_a_half_a_company_reports_is_the_years_half() -> None:
    text = ("The bank said first-half profit rose 12%, while its first-half net income fell. The visitors scored "
            "twice in the second half.")
    found = [(t.text, t.value) for t in tag(nlp.parse(text), date(2013, 8, 1))]
    assert found == [("first-half", "2013-H1")] * 2  # both of the bank's; the match's half is no date
