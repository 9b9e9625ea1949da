"""Dates as pages and text dumps print them, normalised to ISO 8601.

A publication date anchors the timeline, so a date that cannot be read with certainty is better missing than
wrong: ambiguous numeric dates are read month-first only when the day-first reading is impossible, or in the
US order when both are possible (most English-language news sites).
"""

from __future__ import annotations

import datetime as dt
import re

from models.article import PUBLISHED_SOURCE_LABELS

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

# Month names of other languages, read only in a date written in full (day, month and year: "22 de outubro de
# 2010", "1. März 2019", "22 октября 2010"), the one form that needs no grammar of the language to place.
FOREIGN_MONTHS = {
    **dict.fromkeys(("janeiro", "enero", "janvier", "januar", "jänner", "gennaio", "januari", "января", "январь"), 1),
    **dict.fromkeys(("fevereiro", "febrero", "février", "fevrier", "februar", "febbraio", "februari", "февраля",
                     "февраль"), 2),
    **dict.fromkeys(("março", "marco", "marzo", "mars", "märz", "maart", "maret", "марта", "март"), 3),
    **dict.fromkeys(("abril", "avril", "aprile", "апреля", "апрель"), 4),
    **dict.fromkeys(("maio", "mayo", "mai", "maggio", "mei", "мая", "май"), 5),
    **dict.fromkeys(("junho", "junio", "juin", "juni", "giugno", "juny", "июня", "июнь"), 6),
    **dict.fromkeys(("julho", "julio", "juillet", "juli", "luglio", "июля", "июль"), 7),
    **dict.fromkeys(("agosto", "août", "aout", "augustus", "agustus", "августа", "август"), 8),
    **dict.fromkeys(("setembro", "septiembre", "septembre", "settembre", "сентября", "сентябрь"), 9),
    **dict.fromkeys(("outubro", "octubre", "octobre", "oktober", "ottobre", "oktober", "октября", "октябрь"), 10),
    **dict.fromkeys(("novembro", "noviembre", "novembre", "nopember", "ноября", "ноябрь"), 11),
    **dict.fromkeys(("dezembro", "diciembre", "décembre", "decembre", "dezember", "dicembre", "desember",
                     "декабря", "декабрь"), 12),
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_FOREIGN_MONTH = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

_PATTERNS = (
    # 2019-01-23, 2019/01/23, 2019.01.23, optionally with a time
    re.compile(rf"(?<!\d){_YEAR}[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}})(?!\d)"),
    # January 23, 2019 / Wed, Jan. 23 2019
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    # 23 January 2019 / 23rd of January, 2019
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    # 22 января 2019 года, 22 de outubro de 2010, 1. März 2019
    re.compile(rf"(?<!\d){_DAY}\.?\s+(?:de\s+)?(?P<fmonth>{_FOREIGN_MONTH})\.?,?\s+(?:de\s+|del\s+)?{_YEAR}",
               re.IGNORECASE),
    # 2019年1月23日
    re.compile(rf"{_YEAR}\s*年\s*(?P<mnum>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日"),
    # 23/01/2019, 01/23/2019, 23.01.2019
    re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>(?:19|20)\d{2})(?!\d)"),
)

_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text`` as (ISO date, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month = MONTHS.get(groups["month"].lower().rstrip("."), 0)
        day = int(groups["day"])
    elif groups.get("fmonth"):
        month, day = FOREIGN_MONTHS[groups["fmonth"].lower()], int(groups["day"])
    elif groups.get("mnum"):
        month, day = int(groups["mnum"]), int(groups["day"])
    else:
        a, b = int(groups["a"]), int(groups["b"])
        month, day = (b, a) if a > 12 or match.group(0).count(".") == 2 else (a, b)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(value: str) -> str | None:
    """ISO date or date-time from a machine-readable value (JSON-LD, meta, ``<time datetime>``), else any date."""
    value = value.strip()
    if not value:
        return None
    if _ISO_DATETIME.match(value):
        try:
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return value if len(value) > 10 else value[:10]
    found = find_date(value)
    return found[0] if found else None


# -- plausible publication dates -------------------------------------------------------------------------------

EARLIEST = dt.date(1800, 1, 1)
# Dates publishing systems print when they have none: 0001-01-01 is also before EARLIEST, the others are read only
# when no other source of the page gives a date.
PLACEHOLDERS = frozenset({"0001-01-01", "1900-01-01", "1970-01-01"})

SOURCE_LABELS = PUBLISHED_SOURCE_LABELS  # where a publication date was read, in the order of trust


def plausible(iso: str | None, today: dt.date | None = None) -> bool:
    """A publication date that can be true: from 1800 on, at most one day after ``today`` (time zones)."""
    if not iso:
        return False
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return False
    today = today or dt.date.today()
    return EARLIEST <= day <= today + dt.timedelta(days=1)


def choose_published(
    candidates: list[tuple[str, str]], today: dt.date | None = None
) -> tuple[str | None, str]:
    """The first plausible date among ``(raw value, source)`` pairs in order of trust, with its source.

    A placeholder (1900-01-01, the epoch) counts only when no other source gives a plausible date.
    """
    fallback: tuple[str | None, str] = (None, "")
    for raw, source in candidates:
        iso = normalise_date(raw) if raw else None
        if not iso or not plausible(iso, today):
            continue
        if iso[:10] in PLACEHOLDERS:
            fallback = fallback if fallback[0] else (iso, source)
            continue
        return iso, source
    return fallback


_URL_DATE = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<mnum>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<mnum>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?=/|$)"),
)


def url_date(url: str) -> str | None:
    """The publication day written in an article's address (``/2019/11/19/``, ``/2019-11-19-title``)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I).split("?")[0].split("#")[0]
    for pattern in _URL_DATE:
        if match := pattern.search(path):
            return _to_iso(match)
    return None
