"""How newspapers write dates, and what the tagger must make of them.

Each row: a sentence (or two) as a wire story, feature, business or sports page would print it, the publication
date it is read against, the expression the tagger must find (exact extent), its TIMEX3 type and value.
"""

from __future__ import annotations

from datetime import date

import pytest

from models.analysis import nlp
from models.analysis.timex import tag
from models.analysis.types import Timex

WED = date(2019, 1, 23)  # Wednesday, ISO week 4
THU = date(2021, 6, 10)  # Thursday, ISO week 23
SAT = date(2016, 11, 5)  # Saturday
TUE = date(2022, 3, 1)  # Tuesday
MON = date(2014, 9, 15)  # Monday, ISO week 38
FRI = date(2020, 12, 18)  # Friday

CASES: list[tuple[str, date, str, str, str]] = [
    # --- wire stories: explicit and underspecified calendar dates, by tense ---
    ("The minister resigned on March 3, 2018, after weeks of protests.", WED, "March 3, 2018", "DATE", "2018-03-03"),
    ("Police said the attack happened on Tuesday.", WED, "Tuesday", "DATE", "2019-01-22"),
    ("The company said on Monday it would cut 2,000 jobs.", WED, "Monday", "DATE", "2019-01-21"),
    ("The vote is scheduled for Friday.", WED, "Friday", "DATE", "2019-01-25"),
    ("The talks will resume next Tuesday.", WED, "next Tuesday", "DATE", "2019-01-29"),
    ("He last spoke to reporters last Thursday.", WED, "last Thursday", "DATE", "2019-01-17"),
    ("The bill was signed into law in December.", WED, "December", "DATE", "2018-12"),
    ("The plant will open in October.", WED, "October", "DATE", "2019-10"),
    ("The index closed at a record on Jan. 4.", WED, "Jan. 4", "DATE", "2019-01-04"),
    ("The elections will be held on 12 May.", WED, "12 May", "DATE", "2019-05-12"),
    ("The storm made landfall early Sunday.", SAT, "early Sunday", "DATE", "2016-10-30"),
    ("The fire started at 3 a.m. Saturday.", SAT, "3 a.m. Saturday", "TIME", "2016-11-05T03:00"),
    ("The meeting begins at 10:30 a.m. tomorrow.", WED, "10:30 a.m. tomorrow", "TIME", "2019-01-24T10:30"),
    ("Two years ago, the town was flooded.", WED, "Two years ago", "DATE", "2017"),
    ("Three weeks ago the factory closed.", WED, "Three weeks ago", "DATE", "2019-W01"),
    ("The suspect was arrested five days ago.", WED, "five days ago", "DATE", "2019-01-18"),
    ("She joined the firm a decade ago.", WED, "a decade ago", "DATE", "200"),
    ("On Tuesday, Jan. 15, the Senate voted.", WED, "Tuesday, Jan. 15", "DATE", "2019-01-15"),
    ("The ceasefire has held since Jan. 1.", WED, "Jan. 1", "DATE", "2019-01-01"),
    ("The offer expires on Feb. 28.", WED, "Feb. 28", "DATE", "2019-02-28"),
    ("The report, released on Dec. 30, showed a slowdown.", WED, "Dec. 30", "DATE", "2018-12-30"),
    ("The central bank raised rates in November.", WED, "November", "DATE", "2018-11"),
    ("The summit was held in early December.", WED, "early December", "DATE", "2018-12"),
    ("The elections, set for October, were postponed.", WED, "October", "DATE", "2019-10"),
    ("The firm will move its headquarters by 2021.", WED, "2021", "DATE", "2021"),
    ("The man, 45, was charged on Saturday.", MON, "Saturday", "DATE", "2014-09-13"),
    ("The summit opens on Wednesday.", MON, "Wednesday", "DATE", "2014-09-17"),
    ("The protests started Sunday.", MON, "Sunday", "DATE", "2014-09-14"),
    ("The agency said Thursday that exports fell.", MON, "Thursday", "DATE", "2014-09-11"),
    ("This week's vote could topple the government.", MON, "This week", "DATE", "2014-W38"),
    ("Temperatures hit 40 degrees on Saturday afternoon.", MON, "Saturday afternoon", "TIME", "2014-09-13TAF"),
    ("The deadline is noon Friday.", MON, "noon Friday", "TIME", "2014-09-19T12:00"),
    ("The ceremony took place on 11 November 2018.", WED, "11 November 2018", "DATE", "2018-11-11"),
    ("The report was published in November 2006.", WED, "November 2006", "DATE", "2006-11"),
    ("In September of 2010, the firm moved to Boston.", WED, "September of 2010", "DATE", "2010-09"),
    ("The law came into force on the 1st of July.", THU, "the 1st of July", "DATE", "2020-07-01"),
    ("The strike began in mid-June.", THU, "mid-June", "DATE", "2021-06"),
    ("Results are due in late October.", THU, "late October", "DATE", "2021-10"),
    ("The debt must be repaid by the end of the month.", THU, "the end of the month", "DATE", "2021-06"),
    ("The talks, held in Geneva in late January, failed.", TUE, "late January", "DATE", "2022-01"),
    ("The airline will resume flights on March 15.", TUE, "March 15", "DATE", "2022-03-15"),
    ("Officials met on Feb. 25 to discuss the plan.", TUE, "Feb. 25", "DATE", "2022-02-25"),
    ("Officials said the bridge reopened on Thursday morning.", TUE, "Thursday morning", "TIME", "2022-02-24TMO"),
    ("The exhibition runs until September.", TUE, "September", "DATE", "2022-09"),
    ("The CEO said in an interview in April that the plan had failed.", FRI, "April", "DATE", "2020-04"),
    ("The shops will close early on Christmas Eve.", FRI, "Christmas Eve", "DATE", "2020-12-24"),
    ("He was born on Christmas Day 1950 in Leeds.", FRI, "Christmas Day 1950", "DATE", "1950-12-25"),
    ("The report was dated 2018-07-14.", WED, "2018-07-14", "DATE", "2018-07-14"),
    ("The form was signed 7/8/07 by both parties.", WED, "7/8/07", "DATE", "2007-07-08"),
    ("The treaty was signed in 1990 and ratified in 1991.", WED, "1991", "DATE", "1991"),
    # --- deictic expressions counted from the publication date ---
    ("Today the company unveiled its new phone.", THU, "Today", "DATE", "2021-06-10"),
    ("The results will be announced tomorrow.", THU, "tomorrow", "DATE", "2021-06-11"),
    ("Yesterday's decision surprised investors.", THU, "Yesterday", "DATE", "2021-06-09"),
    ("Rain is expected tonight across the region.", THU, "tonight", "TIME", "2021-06-10TNI"),
    ("He was seen leaving the building late last night.", THU, "late last night", "TIME", "2021-06-09TNI"),
    ("The ceasefire was agreed this morning.", THU, "this morning", "TIME", "2021-06-10TMO"),
    ("Inflation rose last month.", THU, "last month", "DATE", "2021-05"),
    ("Prices will rise next month.", THU, "next month", "DATE", "2021-07"),
    ("Unemployment fell last year.", THU, "last year", "DATE", "2020"),
    ("The company plans to list its shares next year.", THU, "next year", "DATE", "2022"),
    ("Construction began this year.", THU, "this year", "DATE", "2021"),
    ("Exports have grown this week.", THU, "this week", "DATE", "2021-W23"),
    ("Markets fell sharply last week.", THU, "last week", "DATE", "2021-W22"),
    ("The festival returns next week.", THU, "next week", "DATE", "2021-W24"),
    ("Thousands marched in the capital over the weekend.", THU, "the weekend", "DATE", "2021-W22-WE"),
    ("Earlier this year, the government raised taxes.", THU, "Earlier this year", "DATE", "2021"),
    ("The decision is expected later this month.", THU, "later this month", "DATE", "2021-06"),
    ("The deal was closed at the end of last year.", WED, "the end of last year", "DATE", "2018-12"),
    ("The project should be completed by early next month.", WED, "early next month", "DATE", "2019-02"),
    ("This month, negotiations began in earnest.", WED, "This month", "DATE", "2019-01"),
    ("Prices have risen since the beginning of the year.", TUE, "the beginning of the year", "DATE", "2022-01"),
    # --- seasons, quarters, halves, fiscal years ---
    ("The museum reopened in the spring.", SAT, "the spring", "DATE", "2016-SP"),
    ("The law takes effect this summer.", TUE, "this summer", "DATE", "2022-SU"),
    ("Last summer's heatwave killed hundreds.", TUE, "Last summer", "DATE", "2021-SU"),
    ("The team hopes to return next spring.", SAT, "next spring", "DATE", "2017-SP"),
    ("The talks collapsed in the autumn of 2015.", SAT, "the autumn of 2015", "DATE", "2015-FA"),
    ("Heavy snow fell in winter 2010.", SAT, "winter 2010", "DATE", "2010-WI"),
    ("The minister will visit Paris in the autumn.", THU, "the autumn", "DATE", "2021-FA"),
    ("The strike is planned for the spring.", WED, "the spring", "DATE", "2019-SP"),
    ("Leaders agreed to arrange a visit in spring.", WED, "spring", "DATE", "2019-SP"),
    ("Sales rose 4 percent in the third quarter.", SAT, "the third quarter", "DATE", "2016-Q3"),
    ("Analysts expect growth to slow in the fourth quarter.", SAT, "the fourth quarter", "DATE", "2016-Q4"),
    ("Profit fell in the first half of 2020.", FRI, "the first half of 2020", "DATE", "2020-H1"),
    ("Revenue for fiscal 2019 reached $3 billion.", THU, "fiscal 2019", "DATE", "FY2019"),
    ("Q3 2018 earnings beat forecasts.", WED, "Q3 2018", "DATE", "2018-Q3"),
    ("The company reported fourth-quarter profit of $2 billion.", TUE, "fourth-quarter", "DATE", "2021-Q4"),
    ("The central bank will meet in the second quarter.", TUE, "the second quarter", "DATE", "2022-Q2"),
    ("Earnings for the first quarter of 2021 were flat.", TUE, "the first quarter of 2021", "DATE", "2021-Q1"),
    ("Sales in the last quarter disappointed.", TUE, "the last quarter", "DATE", "2021-Q4"),
    ("Mac sales grew in the last financial quarter.", TUE, "the last financial quarter", "DATE", "2021-Q4"),
    ("The merger should close in the second half of the year.", TUE, "the second half of the year", "DATE",
     "2022-H2"),
    ("The bank expects to hire staff in H2 2022.", TUE, "H2 2022", "DATE", "2022-H2"),
    ("Growth accelerated in the first quarter.", THU, "the first quarter", "DATE", "2021-Q1"),
    ("Delta earnings soared 33% to a record in the fiscal first quarter.", SAT, "the fiscal first quarter", "DATE",
     "2016-Q1"),
    # --- years, decades, centuries ---
    ("The firm was founded in 2009.", WED, "2009", "DATE", "2009"),
    ("In 1998, the bank merged with a rival.", WED, "1998", "DATE", "1998"),
    ("The bonds mature in 2030.", WED, "2030", "DATE", "2030"),
    ("The 1990s saw a boom in mobile phones.", WED, "The 1990s", "DATE", "199"),
    ("Her career began in the early 1980s.", WED, "the early 1980s", "DATE", "198"),
    ("The program ended in the late 1990s.", WED, "the late 1990s", "DATE", "199"),
    ("It all happened in the '80s.", WED, "the '80s", "DATE", "198"),
    ("The house was built in the 19th century.", WED, "the 19th century", "DATE", "18"),
    ("Cities will grow in the 21st century.", WED, "the 21st century", "DATE", "20"),
    ("Growth is forecast to slow in mid-2019.", WED, "mid-2019", "DATE", "2019"),
    ("She set the world record in 2012.", THU, "2012", "DATE", "2012"),
    ("The 2008 financial crisis hit banks hard.", MON, "2008", "DATE", "2008"),
    ("By 2030, the city wants to be carbon neutral.", MON, "2030", "DATE", "2030"),
    ("He has lived there since 1975.", MON, "1975", "DATE", "1975"),
    ("The firm posted a loss for 2020.", THU, "2020", "DATE", "2020"),
    ("The company was fined in 2016 and again in 2017.", THU, "2017", "DATE", "2017"),
    ("Between 2014 and 2016 the price tripled.", THU, "2014", "DATE", "2014"),
    ("Between 2014 and 2016 the price tripled.", THU, "2016", "DATE", "2016"),
    ("The 2012 Olympics were held in London.", THU, "2012", "DATE", "2012"),
    ("Output was flat in 2009-2011, the report said.", THU, "2011", "DATE", "2011"),
    # --- chained relative expressions (on the previous date of the text, not the publication date) ---
    ("On June 3, the striker left the club. Two days later, he signed for a rival.", THU, "Two days later", "DATE",
     "2021-06-05"),
    ("The crash happened on Oct. 2. The next day, investigators arrived.", SAT, "The next day", "DATE",
     "2016-10-03"),
    ("The company was founded in 1998. The following year it went public.", SAT, "The following year", "DATE",
     "1999"),
    ("The plant closed in March 2015; two months earlier, workers had been warned.", SAT, "two months earlier",
     "DATE", "2015-01"),
    ("The treaty was signed on June 5, 1990, and ratified a week later.", SAT, "a week later", "DATE",
     "1990-06-12"),
    ("The war began in 1939. Two years later, the city fell.", SAT, "Two years later", "DATE", "1941"),
    ("The vote took place on May 5. The day before, protesters gathered.", THU, "The day before", "DATE",
     "2021-05-04"),
    ("Earnings rose in the third quarter from $2 million a year earlier.", SAT, "a year earlier", "DATE", "2015-Q3"),
    ("Sales fell 3 percent from the prior year.", SAT, "the prior year", "DATE", "2015"),
    ("The raid began on Oct. 4. Officials, who had planned it since 2012, left the next day.", SAT, "the next day",
     "DATE", "2016-10-05"),
    ("The plane lands on November 11, three days later than planned.", SAT, "three days later", "DATE",
     "2016-11-11"),
    # --- durations ---
    ("The unemployment rate has fallen over the past three months.", WED, "the past three months", "DURATION",
     "P3M"),
    ("The strike lasted 10 days.", WED, "10 days", "DURATION", "P10D"),
    ("He served two terms over eight years.", WED, "eight years", "DURATION", "P8Y"),
    ("The trial could take several months.", WED, "several months", "DURATION", "PXM"),
    ("She spent nearly two decades at the company.", WED, "nearly two decades", "DURATION", "P20Y"),
    ("The flight took about five hours.", WED, "about five hours", "DURATION", "PT5H"),
    ("The rescue operation lasted 36 hours.", WED, "36 hours", "DURATION", "PT36H"),
    ("The airport will be ready in three years.", WED, "three years", "DURATION", "P3Y"),
    ("Officials have 60 days to respond.", WED, "60 days", "DURATION", "P60D"),
    ("The project has been delayed for years.", WED, "years", "DURATION", "PXY"),
    ("For decades, the region has been neglected.", WED, "decades", "DURATION", "PXY"),
    ("The vote came hours after the House passed its own bill.", WED, "hours", "DURATION", "PTXH"),
    ("A decade-long war ended in 2011.", WED, "decade-long", "DURATION", "P10Y"),
    ("The Senate ended a months-long fight.", WED, "months-long", "DURATION", "PXM"),
    ("The court will rule in the coming weeks.", WED, "the coming weeks", "DURATION", "PXW"),
    ("Leaders announced a three-day visit.", WED, "three-day", "DURATION", "P3D"),
    ("Yields on the 10-year bond rose.", WED, "10-year", "DURATION", "P10Y"),
    ("The shares hit a 12-month high.", WED, "12-month", "DURATION", "P12M"),
    ("He will serve a 10-year sentence.", WED, "10-year", "DURATION", "P10Y"),
    ("Sales rose 5 percent in the 12 months to June.", WED, "12 months", "DURATION", "P12M"),
    ("Investment will double over the next decade.", WED, "the next decade", "DURATION", "P10Y"),
    ("Prices rose during the past week.", WED, "the past week", "DURATION", "P1W"),
    ("The past year has been difficult for farmers.", WED, "The past year", "DURATION", "P1Y"),
    ("It was the first rate cut in a decade.", WED, "a decade", "DURATION", "P10Y"),
    ("Lenders must reply within 24 hours.", WED, "24 hours", "DURATION", "PT24H"),
    ("The ruling came two weeks after the election.", WED, "two weeks", "DURATION", "P2W"),
    ("He died three days after the accident.", WED, "three days", "DURATION", "P3D"),
    ("The delay added almost two and a half years to the programme.", WED, "almost two and a half years",
     "DURATION", "P2.5Y"),
    ("The match was stopped for half an hour.", WED, "half an hour", "DURATION", "PT30M"),
    ("The dispute dragged on for more than a week.", WED, "more than a week", "DURATION", "P1W"),
    # --- sets ---
    ("Voters go to the polls every four years.", WED, "every four years", "SET", "P4Y"),
    ("The magazine is published weekly.", WED, "weekly", "SET", "P1W"),
    ("The committee meets every Tuesday.", WED, "every Tuesday", "SET", "XXXX-WXX-2"),
    ("He earns $50,000 a year.", WED, "a year", "SET", "P1Y"),
    ("The pill is taken twice a day.", WED, "twice a day", "SET", "P1D"),
    ("Every summer, tourists flock to the island.", WED, "Every summer", "SET", "XXXX-SU"),
    ("The fair is held annually.", WED, "annually", "SET", "P1Y"),
    ("The ferry service runs daily.", WED, "daily", "SET", "P1D"),
    ("The company will hold its annual meeting on May 14.", TUE, "annual", "SET", "P1Y"),
    ("The plant produces 100 cars per day.", TUE, "per day", "SET", "P1D"),
    ("The market is closed on Sundays.", TUE, "Sundays", "SET", "XXXX-WXX-7"),
    ("Staff are paid every other week.", TUE, "every other week", "SET", "P2W"),
    # --- present, past and future references ---
    ("The company is currently in talks with regulators.", WED, "currently", "DATE", "PRESENT_REF"),
    ("The airline recently added three routes.", WED, "recently", "DATE", "PAST_REF"),
    ("The shop is now closed.", WED, "now", "DATE", "PRESENT_REF"),
    ("Prices have soared in recent years.", WED, "recent years", "DATE", "PAST_REF"),
    ("Such mistakes were common in the past.", WED, "the past", "DATE", "PAST_REF"),
    ("Robots will do more of the work in the future.", WED, "the future", "DATE", "FUTURE_REF"),
    ("Many houses were built years ago.", WED, "years ago", "DATE", "PAST_REF"),
    # --- business and sports pages ---
    ("Shares rose 3 percent in early trading Tuesday.", TUE, "Tuesday", "DATE", "2022-03-01"),
    ("The market closed at 4 p.m. ET.", TUE, "4 p.m. ET", "TIME", "2022-03-01T16:00"),
    ("The launch is set for 18:00 GMT Friday.", TUE, "18:00 GMT Friday", "TIME", "2022-03-04T18:00Z"),
    ("Tuesday's vote was close.", TUE, "Tuesday", "DATE", "2022-03-01"),
    ("The Lakers beat the Celtics 102-99 on Sunday night.", SAT, "Sunday night", "TIME", "2016-10-30TNI"),
    ("Arsenal host Chelsea on Saturday.", THU, "Saturday", "DATE", "2021-06-12"),
    ("The final will be played on July 11.", THU, "July 11", "DATE", "2021-07-11"),
    ("The season opens in August.", TUE, "August", "DATE", "2022-08"),
    ("The club was relegated in May.", THU, "May", "DATE", "2021-05"),
    ("The transfer window closes on Aug. 31.", THU, "Aug. 31", "DATE", "2021-08-31"),
    ("The match kicked off at 7:45 p.m.", THU, "7:45 p.m.", "TIME", "2021-06-10T19:45"),
    ("The striker has not scored since February.", THU, "February", "DATE", "2021-02"),
]

NOT_TIMEX: list[tuple[str, str]] = [
    ("A 25-year-old man was arrested.", "25-year-old"),
    ("It was their 25th meeting.", "25th meeting"),
    ("He won the title for the third time.", "for the third time"),
    ("The two sides have disagreed for some time.", "for some time"),
    ("Nearly 2,000 people attended the rally.", "2,000"),
    ("The company employs 2000 workers.", "2000"),
    ("He paid $2000 for the ticket.", "2000"),
    ("Theresa May met the president.", "May"),
    ("Investors may sell their shares.", "may"),
    ("The Arab Spring began in Tunisia.", "Spring"),
    ("The Boeing 737 crashed after takeoff.", "737"),
    ("He scored in the 89th minute.", "89th minute"),
    ("Messi scored twice in the first half.", "the first half"),
    ("Russia may want Japan engaged so it cannot reverse its policies after Abe steps down.", "after Abe steps down"),
    ("Russia is poised to deal with the issue over a longer span of time.", "over a longer span of time"),
    ("The fall of the Berlin Wall changed Europe.", "fall"),
    ("They won 3-1 in extra time.", "3-1"),
    ("The 5-year-old boy was found safe.", "5-year-old"),
    ("The hot springs attract tourists.", "springs"),
    ("June Carter sang at the festival.", "June"),
    ("The Sun reported the story first.", "Sun"),
    ("USA Today reported the story first.", "Today"),
    ("The march drew thousands of people.", "march"),
    ("He was the club's top scorer in the 2016-17 season.", "2016"),
]


def _tag(text: str, dct: date) -> list[Timex]:
    return tag(nlp.parse(text), dct)


@pytest.mark.parametrize(("sentence", "dct", "extent", "kind", "value"), CASES,
                         ids=[f"{i:03d}-{c[2]}" for i, c in enumerate(CASES)])
def test_expression_is_found_with_its_extent_type_and_value(sentence: str, dct: date, extent: str, kind: str,
                                                           value: str) -> None:
    found = _tag(sentence, dct)
    start = sentence.index(extent)
    same = [t for t in found if (t.start, t.end) == (start, start + len(extent))]
    assert same, f"{extent!r} not found; got {[(t.text, t.value) for t in found]}"
    assert (same[0].type, same[0].value) == (kind, value)


@pytest.mark.parametrize(("sentence", "phrase"), NOT_TIMEX, ids=[p for _, p in NOT_TIMEX])
def test_phrase_that_is_not_a_date_stays_out(sentence: str, phrase: str) -> None:
    start = sentence.index(phrase)
    end = start + len(phrase)
    found = _tag(sentence, WED)
    overlapping = [t for t in found if t.start < end and start < t.end and t.type in ("DATE", "TIME")]
    assert not overlapping, [(t.text, t.value) for t in overlapping]


def test_table_is_large_enough_to_mean_something() -> None:
    assert len(CASES) >= 150
