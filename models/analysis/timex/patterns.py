"""Where temporal expressions are: TimeML/TempEval-3 extents found by compiled rules over the canonical text.

Each rule is one regular expression with named groups that the normaliser reads; ambiguity a regex cannot settle
(a year or a count? "May" the month or the name?) is settled by :mod:`.context` with the shared parse. Matches never
cross a newline, so an expression never spans two blocks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from models.analysis.timex.lexicon import (
    DAYNUM,
    FOREIGN_DAYWORDS,
    FOREIGN_MONTH,
    FOREIGN_MONTHS_OF,
    FOREIGN_NOWADAYS,
    FOREIGN_REL_AFTER,
    FOREIGN_REL_BEFORE,
    FOREIGN_UNITS,
    FOREIGN_WEEKDAYS,
    MONTH,
    NUMBER,
    OSP,
    PART_OF_DAY,
    SEASON,
    SP,
    UNIT,
    UNIT_ADJ,
    WEEKDAY,
    YEAR4,
    YEAR_OF_A_DATE,
    B,
    E,
)
from models.analysis.timex.prefilter import Lines, Trigger, triggers

# "the end of", "early", "mid-", "earlier in": the part of a period an expression points at (kept in the extent).
MODPRE = (
    rf"(?P<mod>(?i:(?:the{SP})?(?:very{SP})?(?:beginning|start|end|middle|close|turn|latter{SP}part|early{SP}part|"
    rf"first{SP}part|last{SP}part|dawn){SP}of{SP}|(?:the{SP})?(?:early|late|mid)(?:{SP}|-)|mid-?|"
    rf"(?:earlier|later){SP}(?:in{SP})?))?"
)
# "about", "nearly", "more than": how exact a quantity is (kept in the extent, as TimeML does).
QMOD = (
    rf"(?P<qmod>(?i:about|around|approximately|roughly|nearly|almost|more{SP}than|less{SP}than|fewer{SP}than|"
    rf"at{SP}least|up{SP}to|just{SP}over|just{SP}under|well{SP}over|no{SP}more{SP}than|longer{SP}than|"
    rf"some(?={SP}\d)){SP})?"
)
ZONE = r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CET|CEST|BST|JST|KST|IST|MSK|local{SP}time)"
DAYWORD = r"(?:today|tonight|yesterday|tomorrow|Today|Tonight|Yesterday|Tomorrow)"
_NOT_NUMBER_AFTER = r"(?![.,]\d|%|[-–/]\d)"
# The last day of a range of days in one month ("June 3-5", "12–13 March"): one expression, dated by its first day.
# Written out before the month ("25 to 29 June", "3 and 4 May") or after a month and its day, when the sentence goes
# on past the second day ("June 25 to 29, organisers said"; not "May 3 to 4 percent").
_DAYS_TO_DM = rf"(?:[-–](?:3[01]|[12]\d|0?[1-9])(?!\d)|{SP}(?:to|and|until|till|through){SP}(?:3[01]|[12]\d|0?[1-9]))?"
_DAYS_TO_MD = (
    rf"(?:[-–](?:3[01]|[12]\d|0?[1-9])(?!\d)|{SP}(?:to|and|until|till|through){SP}(?:3[01]|[12]\d|0?[1-9])"
    rf"(?=[,.;:)!?]|{SP}(?:in|at|on|with|when|while|and)\b|$))?"
)




def _foreign(table: Mapping[str, Collection[str]]) -> str:
    """The words of one lexicon of other languages, longest first, as one alternation (blanks where they have one)."""
    words = {w for of_language in table.values() for w in of_language}
    return "|".join(re.escape(w).replace(r"\ ", SP) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    trigger_groups: tuple[str, ...]  # groups every match contains (all of them; "a|b": a or b)
    triggers: tuple[Trigger, ...]  # :mod:`.prefilter`: the rule runs only on lines where all of them occur


def _rule(name: str, pattern: str, *trigger_groups: str) -> Rule:
    return Rule(name, re.compile(pattern), trigger_groups, triggers(pattern, trigger_groups))


RULES: tuple[Rule, ...] = (
    _rule(
        "iso",
        rf"{B}(?P<year>{YEAR4})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
        rf"(?:T(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?{E}",
        "year",
    ),
    _rule(
        "numeric", rf"{B}(?P<md>(?P<mon>0?[1-9]|1[0-2])/(?P<day>[0-3]?\d)/)(?P<year>{YEAR4}|\d\d){E}(?!/)", "md"
    ),
    _rule(  # "22/10/2010": a first number above 12 can only be the day
        "numeric_dmy", rf"{B}(?P<dm>(?P<day>1[3-9]|2\d|3[01])/(?P<mon>0?[1-9]|1[0-2])/)(?P<year>{YEAR4}){E}(?!/)", "dm"
    ),
    _rule(  # "01.01.2019": dotted dates are written day first
        "dotted",
        rf"{B}(?P<dm>(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<mon>0?[1-9]|1[0-2])\.)(?P<year>{YEAR4})(?![\w-]|\.\d)",
        "dm",
    ),
    _rule(  # "22 de outubro de 2010", "1. März 2019", "22 октября 2010 года": another language's date in full
        "dmy_intl",
        rf"{B}(?P<day>3[01]|[12]\d|0?[1-9])(?:\.|º|°)?{SP}(?:de{SP})?(?P<mon>{FOREIGN_MONTH})\.?,?{SP}"
        rf"(?:de{SP}|del{SP})?(?P<year>{YEAR4}){E}",
        "mon",
    ),
    _rule(
        "mdy",
        rf"{B}{MODPRE}(?:(?P<wd>{WEEKDAY}),?{SP}(?:the{SP})?)?(?P<mon>{MONTH}){SP}(?P<day>{DAYNUM}){_DAYS_TO_MD}"
        rf"(?:(?:,{OSP}|{SP})(?P<year>{YEAR_OF_A_DATE}))?{E}{_NOT_NUMBER_AFTER}(?!:\d)",
        "mon",
    ),
    _rule(
        "dmy",
        rf"{B}{MODPRE}(?:(?P<wd>{WEEKDAY}),?{SP})?(?:the{SP})?(?P<day>{DAYNUM}){_DAYS_TO_DM}(?:{SP}of)?{SP}(?P<mon>{MONTH})"
        rf"(?:,?{SP}(?P<year>{YEAR_OF_A_DATE}))?{E}{_NOT_NUMBER_AFTER}",
        "mon",
    ),
    _rule(
        "month",
        rf"{B}{MODPRE}(?:(?P<rel>(?i:this|last|next|this{SP}past|this{SP}coming|past|coming)){SP})?"
        rf"(?P<mon>{MONTH})(?:,?{SP}(?:of{SP})?(?P<year>{YEAR_OF_A_DATE})|{SP}(?:of{SP})?(?P<yrel>this|last|next){SP}"
        rf"year)?"
        rf"{E}(?!\.?{SP}\d|-\d)",
        "mon",
    ),
    _rule(
        "year",
        rf"(?:(?<=\d\d\d\d[-–])|{B})(?<![$€£¥#.,]){MODPRE}(?P<the>(?i:the){SP}year{SP})?"
        rf"(?P<fiscal>(?i:fiscal){SP}(?:year{SP})?|FY{OSP})?"
        rf"(?P<year>{YEAR4})(?!\w)(?![.,]\d|%|[-–/](?!{YEAR4}(?![\w-]))\S)",
        "year",
    ),
    _rule(  # "in 1452 he builds", "By 1453 the empire is tiny"; not "in 1200 trucks"
        "year_of_old",
        r"(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter ))"
        r"(?P<year>1[0-5]\d\d)(?![\w%-]|[.,]\d)(?! [a-z]+s\b| (?:people|men|women|children|of|to|and|or|points?)\b)",
        "year",
    ),
    _rule(
        "decade",
        rf"{B}{MODPRE}(?:(?i:the){SP})?(?P<decs>(?P<dec>(?:1[6-9]|20)\d0)['’]?s|['’](?P<dec2>\d0)['’]?s|"
        rf"(?<=[Tt]he )(?P<dec3>[2-9]0)s){E}",
        "decs",
    ),
    _rule(
        "century",
        rf"{B}{MODPRE}(?:the{SP})?(?P<cent>1\d(?:th)|2[01](?:st|th)|(?i:nineteenth|twentieth|twenty-first|"
        rf"eighteenth)){SP}(?P<century>century){E}(?!-old)",
        "century",
    ),
    _rule(
        "quarter",
        rf"{B}(?:(?P<the>(?i:the)){SP})?(?:(?i:fiscal|financial){SP})?(?P<qord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th|last|latest|"
        rf"current|previous|past|next|coming|same|this|year-earlier|year-ago|prior-year|year-before))(?:-|{SP})(?:(?P<fiscq>fiscal|financial){SP})?(?P<qu>quarter|half)"
        rf"(?:{SP}(?:of{SP})?(?:(?:fiscal{SP})?(?P<year>{YEAR4})|(?P<yrel>this|last|next|the{SP}(?:current|previous|"
        rf"past)|the){SP}(?:fiscal{SP}|financial{SP})?year))?{E}",
        "qu",
    ),
    _rule("qcode", rf"{B}(?P<qn>Q[1-4]|H[12])(?:(?:{SP}|-|/)?(?:FY)?(?P<year>{YEAR4}|['’]\d\d))?{E}", "qn"),
    _rule(
        "season",
        rf"{B}{MODPRE}(?:(?P<rel>(?i:this{SP}past|this{SP}coming|the{SP}coming|the{SP}past|this|last|next|coming|"
        rf"past|the)){SP})?(?P<season>{SEASON})(?:{SP}(?:of{SP})?(?P<year>{YEAR4}))?{E}",
        "season",
    ),
    _rule(
        "deictic",
        rf"{B}{MODPRE}(?P<rel>(?i:this{SP}past|this{SP}coming|this|last|next|coming|past|previous|following|current|"
        rf"the{SP}(?:previous|following|next|same|current|coming|past|last|preceding|prior|whole|entire)|that|the))"
        rf"{SP}(?P<unit>week|weekend|month|year|decade|century|quarter|day|morning|afternoon|evening|night|"
        rf"(?:fiscal|financial){SP}year){E}(?!['’]s{SP}(?:time|worth))",
        "unit",
    ),
    _rule("dayword", rf"{B}{MODPRE}(?P<word>{DAYWORD})(?:{SP}(?P<pod>{PART_OF_DAY}))?{E}", "word"),
    _rule("dayword2", rf"{B}(?i:the{SP}day{SP}(?P<word2>before{SP}yesterday|after{SP}tomorrow)){E}", "word2"),
    # another language's "yesterday", weekday and month ("ontem", "am Montag", "em abril", "12 mars"): read in a text of
    # that language only (:mod:`.foreign`)
    _rule("intl_day", rf"{B}(?P<iday>(?i:{_foreign(FOREIGN_DAYWORDS)})){E}", "iday"),
    _rule("intl_now", rf"{B}(?P<inow>(?i:{_foreign(FOREIGN_NOWADAYS)})){E}", "inow"),
    _rule(  # "na próxima segunda-feira", "lundi dernier", "am kommenden Montag", "Senin lalu"
        "intl_weekday",
        rf"{B}(?:(?P<iwrb>(?i:{_foreign(FOREIGN_REL_BEFORE)})){SP})?(?P<iwd>(?i:{_foreign(FOREIGN_WEEKDAYS)}))"
        rf"(?:{SP}(?P<iwra>(?i:{_foreign(FOREIGN_REL_AFTER)})))?{E}",
        "iwd",
    ),
    _rule(
        "intl_month",
        rf"{B}(?:(?P<idn>3[01]|[12]\d|0?[1-9])(?:\.|º|°)?{SP}(?:de{SP})?)?(?P<imon>(?i:{_foreign(FOREIGN_MONTHS_OF)}))"
        rf"(?:,?{SP}(?:de{SP}|del{SP})?(?P<year>{YEAR4}))?{E}",
        "imon",
    ),
    _rule(  # "na próxima semana", "l'année dernière", "letztes Jahr", "quest'anno", "tahun lalu"
        "intl_period",
        rf"{B}(?:(?P<irb>(?i:{_foreign(FOREIGN_REL_BEFORE)})){SP}(?P<iunit>(?i:{_foreign(FOREIGN_UNITS)}))"
        rf"|(?P<iquest>(?i:quest))['’](?P<iunit2>(?i:anno|settimana|mese))"
        rf"|(?:[lL]['’])?(?P<iunit3>(?i:{_foreign(FOREIGN_UNITS)})){SP}(?P<ira>(?i:{_foreign(FOREIGN_REL_AFTER)}))){E}",
        "iunit|iunit2|iunit3",
    ),
    _rule(
        "weekday",
        rf"{B}{MODPRE}(?:(?P<rel>(?i:last|next|this{SP}past|this{SP}coming|this|coming|past)){SP})?"
        rf"(?P<wd>{WEEKDAY})(?:{SP}(?P<pod>{PART_OF_DAY}))?{E}(?!s)",
        "wd",
    ),
    _rule(
        "ago",
        rf"{B}{QMOD}(?P<num>{NUMBER})(?:{SP}|-)(?P<unit>{UNIT}){SP}(?P<dir>(?i:ago|earlier|later|before|after|"
        rf"afterwards?|from{SP}now|hence|back|on|prior)){E}",
        "unit",
    ),
    _rule("ago_vague", rf"{B}(?P<unit>(?i:years|months|weeks|decades|centuries)){SP}(?P<dir>ago){E}", "unit"),
    _rule(
        "the_unit_before",
        rf"{B}(?i:the){SP}(?P<unit>day|week|month|year|night|morning|evening|weekend){SP}"
        rf"(?P<dir>before|after|earlier|later|prior){E}(?={OSP}(?:[,.;:)!?]|$|\n|and{SP}|when{SP}|as{SP}|but{SP}))",
        "unit",
    ),
    _rule(
        "duration",
        rf"{B}{QMOD}(?:(?P<span>(?i:the){SP}(?i:past|last|next|coming|previous|following|first|final|"
        rf"remaining|same|ensuing|preceding)(?:{SP}few)?){SP})?(?P<num>{NUMBER})(?:{SP}|-)"
        rf"(?:(?:more|further|additional|full|straight|consecutive|long|short){SP})?(?P<unit>{UNIT}){E}"
        rf"(?!{SP}old{E})",
        "unit",
    ),
    _rule(
        "duration_bare",
        rf"{B}(?:(?P<span>(?i:the{SP}(?:past|last|next|coming|following|ensuing))(?:{SP}few)?){SP})?"
        rf"(?P<unit>years|months|weeks|decades|centuries)(?=-long|{SP}(?:of|to{SP}come|and{SP}years))?{E}",
        "unit",
    ),
    _rule("duration_long", rf"{B}(?P<unit>years|months|weeks|days|decades|decade|year|month|week|day)-long{E}", "unit"),
    _rule(
        "duration_before",
        rf"{B}(?P<unit>(?i:hours|days|weeks|months|minutes)){E}(?={SP}(?:after|before){SP})",
        "unit",
    ),
    _rule(
        "recent",
        rf"{B}(?P<word>(?i:recent|coming|past|previous)){SP}(?P<unit>years|months|weeks|days|decades){E}",
        "unit",
    ),
    _rule(
        "set_every",
        rf"{B}(?P<every>(?i:every|each)){SP}(?:(?P<other>other){SP})?(?:(?P<num>{NUMBER}){SP})?"
        rf"(?P<unit>{UNIT_ADJ}s?|weekend|{WEEKDAY}|{SEASON}|{PART_OF_DAY}|{MONTH}){E}",
        "every",
    ),
    _rule(
        "set_rate",
        rf"{B}(?:(?P<times>once|twice|thrice|(?:\d+|{NUMBER}){SP}times){SP})?(?P<per>a|per|an|each){SP}"
        rf"(?P<unit>year|month|week|day|hour|minute|annum|quarter){E}",
        "unit",
    ),
    _rule(
        "set_adverb",
        r"(?<![\w'’-])(?P<adv>annually|annual|yearly|monthly|weekly|daily|hourly|quarterly|nightly|biannual|"
        r"biennial|semiannual|semi-annual|fortnightly|bimonthly|biweekly)(?![\w-])",
        "adv",
    ),
    _rule("set_weekdays", rf"{B}(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays){E}", "wd"),
    _rule(
        "clock",
        rf"{B}(?:(?P<wd>{WEEKDAY}|{DAYWORD})(?:,?{SP}at)?{SP})?(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?{OSP}"
        rf"(?P<ampm>[ap]\.m\.|[ap]m|[AP]\.M\.|[AP]M)(?![\w])(?:{SP}(?P<tz>{ZONE}))?"
        rf"(?:,?{SP}(?:on{SP})?(?P<wd2>{WEEKDAY}|{DAYWORD})(?![\w]))?",
        "ampm",
    ),
    _rule(
        "clock24",
        rf"{B}(?:(?P<wd>{WEEKDAY}|{DAYWORD})(?:,?{SP}at)?{SP})?(?P<hm>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))(?!:\d|\d)"
        rf"(?:{SP}(?P<tz>{ZONE}|hours|hrs))?(?:,?{SP}(?:on{SP})?(?P<wd2>{WEEKDAY}|{DAYWORD})(?![\w]))?",
        "hm",
    ),
    _rule("clock_mil", rf"{B}(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d){SP}(?P<tz>GMT|UTC|hours|hrs|local{SP}time){E}", "tz"),
    _rule(
        "noon",
        rf"{B}(?:(?P<wd>{WEEKDAY}|{DAYWORD}){SP}(?:at{SP})?)?(?P<word>(?i:noon|midnight|midday))"
        rf"(?:,?{SP}(?:on{SP})?(?P<wd2>{WEEKDAY}|{DAYWORD})(?![\w]))?{E}",
        "word",
    ),
    _rule("oclock", rf"{B}(?P<num>{NUMBER}){SP}(?P<oclock>o['’]clock){E}", "oclock"),
    _rule(
        "vague",
        rf"{B}(?P<word>(?i:right{SP}now|just{SP}now|now|currently|nowadays|presently|these{SP}days|recently|lately|"
        rf"(?<=in )the{SP}past|(?<=in )the{SP}(?:near{SP}|distant{SP}|foreseeable{SP})?future|"
        rf"(?<=at )the{SP}moment|(?<=at )present|(?<=for )the{SP}time{SP}being|"
        rf"(?<=up to )now|(?<=until )now|once{SP}again(?=x)))(?!-){E}",
        "word",
    ),
    _rule("to_date", rf"{B}(?P<unit>(?i:year|month|quarter))(?:-|{SP})to(?:-|{SP})date{E}", "unit"),
    _rule(
        "holiday",
        rf"{B}(?P<hol>Christmas{SP}Eve|Christmas{SP}Day|Christmas|New{SP}Year['’]s{SP}(?:Day|Eve)|"
        rf"New{SP}Year['’]s|Thanksgiving(?:{SP}Day)?|Easter(?:{SP}Sunday|{SP}Monday)?|Good{SP}Friday|"
        rf"Valentine['’]s{SP}Day|Halloween|Boxing{SP}Day|Black{SP}Friday|Cyber{SP}Monday)(?:{SP}(?P<year>{YEAR4}))?{E}(?!{SP}(?:Island|Carol|tree))",
        "hol",
    ),
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    match: re.Match[str]

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None

    def group_start(self, name: str) -> int:
        return self.match.start(name)


def scan(text: str, *, other_language: bool = False) -> list[Candidate]:
    """Every rule match, longest first where they overlap (ties go to the earlier rule). The rules of other languages'
    words ("intl_…") run only on a text in ``other_language``."""
    found: list[tuple[int, int, int, Candidate]] = []
    lines = Lines(text)
    for order, rule in enumerate(RULES):
        if not other_language and rule.name.startswith("intl_"):
            continue
        for pos, endpos in lines.windows(rule.triggers):
            for m in rule.pattern.finditer(text, pos, endpos):
                start, end = m.span()
                if end > start:
                    found.append((-(end - start), start, order, Candidate(start, end, rule.name, m)))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    return [c for *_, c in found]


def select(candidates: list[Candidate], accept: object) -> list[Candidate]:
    """Greedy longest-first choice of non-overlapping candidates that ``accept(c)`` keeps."""
    starts: list[int] = []  # the chosen spans, sorted and disjoint, so their ends are sorted too
    ends: list[int] = []
    chosen: list[Candidate] = []
    for c in candidates:
        i = bisect.bisect_left(starts, c.end)  # spans [0, i) start before c ends; the last of them ends last
        if i and ends[i - 1] > c.start:
            continue
        if not accept(c):  # type: ignore[operator]
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
