"""Text dumps of web pages: what "select all, copy" or a reader's "save as text" leaves of a news page.

A dump keeps the page's furniture as lines: print/share buttons, a section trail ("WORLD > Asia"), bullet lines of
metadata (date, ", Publisher , p. 4", a translation note), a "By …" byline, then the story with its dateline and
sub-headings, then site tags and link lists. The reading below sorts each line into chrome (dropped), metadata
(kept off the text) or prose, by shape, never by site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.article import Article, Metadata, build_text
from models.ingest.bylines import find_dateline, is_byline, parse_byline
from models.ingest.dates import find_date
from models.ingest.errors import IngestError
from models.ingest.plaintext import RELEASE_KICKER, is_hard_wrapped, is_title_like, split_chunks, word_count

_BULLET = re.compile(r"^\s*[•·▪◦‣●○■□➤►▸\-*+–]\s+(?=\S)")
_SECTION = re.compile(r"^[^.!?]{1,60}?\s+[>›»/]\s+[^.!?]{1,60}$")
_CHROME_WORDS = {
    "print", "share", "shares", "email", "e-mail", "mail", "tweet", "twitter", "facebook", "linkedin", "whatsapp",
    "reddit", "pinterest", "telegram", "line", "copy", "link", "copied", "save", "saved", "bookmark", "comment",
    "comments", "listen", "audio", "font", "size", "text", "a", "a+", "a-", "aa", "gift", "subscribe", "sign", "in",
    "up", "log", "login", "menu", "close", "follow", "advertisement", "ad", "this", "article", "story", "page",
    "the", "on", "to", "via", "x", "sms", "messenger", "more", "options", "reprints", "permissions", "skip", "content",
    "main", "read", "later", "show", "hide", "loading", "feedback", "report", "an", "error", "zoom", "enlarge",
    "image", "photo", "video", "play", "continue", "reading", "top", "back", "home", "newsletter", "newsletters",
}  # fmt: skip
# Chrome words that prose uses as often: with a number and nothing else, a line of them is text ("in 1998.").
_FUNCTION_WORDS = {"a", "an", "the", "in", "on", "to", "up", "this", "via", "more", "x", "line", "top", "back", "main"}
_CAPTION = re.compile(r"^(?:photo|image|picture|file photo|video|graphic|illustration)\s*(?::|by\b|credit\b)", re.I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|all rights reserved|our standards:", re.I)
_READING_TIME = re.compile(r"^\d+\s*(?:-|\s)?min(?:ute)?s?\.?\s+read$|^reading time\b", re.I)
_DATE_LABEL = re.compile(
    r"^(?P<label>published|posted|updated|last updated|last modified|first published|date|issued|modified)"
    r"(?:\s+on)?\s*[:\-–]?\s*",
    re.I,
)
_PAGE = re.compile(r"^(?:p|pp|page|pg)\.?\s*[A-Z]?\d+[A-Z]?(?:\s*[-–]\s*\d+)?$", re.I)
_PROVENANCE = re.compile(
    r"\b(?:translat\w*|courtesy of|syndicated|reprinted|republished|originally published|adapted from)\b", re.I
)
_PUBLISHER_LABEL = re.compile(r"^(?:source|publisher|published by|from)\s*:\s*(?P<name>.+)$", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?|\b\d{1,2}\s*[ap]\.?m\.?", re.I)
_SOURCE_IN_PARENTHESES = re.compile(r"\((?:[A-Z][\w.&'’-]*[^\S\n]?){1,4}\)")
_LABEL_INSIDE = re.compile(r"\b(?:updated|published|posted|modified)(?:\s+on|\s+at)?\s*:?", re.I)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$", re.I)
_NOTE_WORDS = (
    r"abridged|updated?|corrected|correction|edited|translated|translation|excerpts?|condensed|revised|amended|"
    r"clarified|clarification|adapted|summary|full text|originally|this (?:story|article) (?:has been|was)"
)
# "(?<!\s)": a match starts where white space does, never inside it (retrying from every blank of a long run of
# them is quadratic); the matches are the same.
_TRAILING_NOTE = re.compile(
    rf"(?<!\s)\s*(?P<note>[(\[](?:[^()\[\]]{{0,80}}\b(?:{_NOTE_WORDS})\b[^()\[\]]{{0,80}})[)\]])\s*$", re.I
)
_TAG_HEADINGS = re.compile(r"^(?:tags?|topics?|related topics|keywords|filed under|categories|subjects?)\s*:?$", re.I)
_LINK_HEADINGS = re.compile(
    r"^(?:related(?: articles| stories| news| coverage| content| posts| links)?|read more|more from .{1,40}|"
    r"more stories|recommended(?: for you)?|you (?:may|might) also like|most (?:read|popular|viewed)|trending|"
    r"latest(?: news| stories)?|see also|further reading|what to read next|more on this story)\s*:?$",
    re.I,
)
_TAGS_LINE = re.compile(r"^(?:tags?|topics?|keywords|filed under|categories)\s*:\s*(?P<tags>.+)$", re.I)


@dataclass
class _Line:
    text: str
    bullet: bool = False


@dataclass
class _Reading:
    title: str = ""
    section: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    publisher: str = ""
    page: str = ""
    provenance: str = ""
    tags: list[str] = field(default_factory=list)
    page_tags: list[str] = field(default_factory=list)  # a trailing list with no "Tags"/"Topics" heading
    note: str = ""


def is_chrome(text: str) -> bool:
    """A line made only of page buttons ("print PRINT", "Share this article", "Copy link", "A A")."""
    if _CAPTION.match(text) or _READING_TIME.match(text) or RELEASE_KICKER.match(text.strip()):
        return True
    words = [w.strip(".,:;|·•()[]!").lower() for w in text.split()]
    numbered = any(w.isdigit() for w in words)
    words = [w for w in words if w and not w.isdigit()]
    if numbered and all(w in _FUNCTION_WORDS for w in words):
        return False  # "in 1998.": the end of a wrapped sentence, not a button
    return 0 < len(words) <= 8 and all(w in _CHROME_WORDS for w in words)


def is_section(text: str) -> bool:
    return bool(_SECTION.match(text)) and len(text.split()) <= 12


def is_prose(text: str) -> bool:
    words = word_count(text)
    return words >= 25 or (words >= 10 and bool(re.search(r"(?:[.!?]['\"’”)]*(?:\s|$)|[。！？])", text)))


def _lines(text: str) -> list[_Line]:
    chunks = split_chunks(text)
    wrapped = is_hard_wrapped([line for chunk in chunks for line in [*chunk, ""]])
    out: list[_Line] = []
    for chunk in chunks:
        run: list[str] = []
        for raw in chunk:
            bullet = _BULLET.match(raw)
            if bullet or not wrapped:
                if run:
                    out.append(_Line(" ".join(run)))
                    run = []
                out.append(_Line(raw[bullet.end() :].strip() if bullet else raw.strip(), bool(bullet)))
            else:
                run.append(raw.strip())
        if run:
            out.append(_Line(" ".join(run)))
    return [line for line in out if line.text]


def _read_meta(text: str, reading: _Reading, explicit: bool) -> bool:
    """Take what a header line says about the article; False when it is not metadata.

    ``explicit`` lines (bullets, labelled lines) may name a bare publisher; other lines need evidence.
    """
    text = text.strip(" ,|;")
    if not text:
        return True
    byline = parse_byline(text)
    if byline:
        reading.authors.extend(a for a in byline[0] if a not in reading.authors)
        reading.publisher = reading.publisher or byline[1]
        return True
    label = _DATE_LABEL.match(text)
    if label:
        explicit = True
        text = text[label.end() :]
    publisher = _PUBLISHER_LABEL.match(text)
    if publisher:
        reading.publisher = reading.publisher or publisher.group("name").strip()
        return True
    found = find_date(text)
    rest = text if not found else text[: found[1]] + " , " + text[found[2] :]
    rest = _CLOCK.sub(" ", rest)
    parts = [p.strip(" .,") for p in re.split(r"[,|;•·]| - ", rest)]
    parts = [p for p in parts if p and not _WEEKDAY.match(p) and not re.fullmatch(r"[A-Z]{2,4}T?", p)]
    pages = [p for p in parts if _PAGE.match(p)]
    provenance = [p for p in parts if _PROVENANCE.search(p)]
    others = [p for p in parts if p not in pages and p not in provenance]
    explicit = explicit or found is not None
    if not (pages or provenance or explicit) or not (found or label or parts):
        return False
    # More than one unexplained part, or a long one, is prose that happens to hold a date ("Results of May 3, 2020").
    if len(others) > 1 and not pages or any(len(p.split()) > 5 for p in others):
        return False
    if found:
        updated = label and label.group("label").lower() in ("updated", "last updated", "last modified", "modified")
        if updated:
            reading.updated = reading.updated or found[0]
        else:
            reading.published = reading.published or found[0]
    reading.page = reading.page or (pages[0] if pages else "")
    reading.provenance = reading.provenance or (provenance[0] if provenance else "")
    if others:
        reading.publisher = reading.publisher or others[0].strip("()")
    return True


def _read_header(lines: list[_Line], reading: _Reading) -> tuple[int, list[tuple[str, str]]]:
    """Read metadata lines up to the first prose paragraph; returns where the body starts and any deck lines."""
    deck: list[tuple[str, str]] = []
    pending_title: list[str] = []
    index = 0
    for index, line in enumerate(lines):  # noqa: B007 - the index is where the body starts
        text = line.text
        if not line.bullet and (is_prose(text) or find_dateline(text)) and not parse_byline(text):
            break
        if is_chrome(text):
            continue
        if not reading.section and not reading.title and is_section(text) and not line.bullet:
            reading.section = text
            continue
        if _read_meta(text, reading, explicit=line.bullet):
            continue
        if line.bullet or is_byline(text):
            continue  # an unrecognised bullet or byline in the header is page furniture, never the title
        if not reading.title and pending_title and _SENTENCE_END.search(text):
            deck.append(("paragraph", text))  # a sentence under the headline ("The author is a former minister.")
            continue
        if not reading.title:
            pending_title.append(text)
            if len(pending_title) == 2:
                kicker = pending_title[0]
                reading.section = reading.section or kicker
                reading.title = pending_title[1]
            continue
        deck.append(("paragraph", text))
    else:
        index = len(lines)
    if not reading.title and pending_title:
        reading.title = pending_title[0]
    elif len(pending_title) == 1 and not reading.title:
        reading.title = pending_title[0]
    return index, deck


def _is_plain_line(line: _Line) -> bool:
    text = line.text
    furniture = _TAG_HEADINGS.match(text) or _LINK_HEADINGS.match(text) or _TAGS_LINE.match(text)
    return not (line.bullet or furniture or is_chrome(text) or _COPYRIGHT.search(text))


def _trailer_start(lines: list[_Line], start: int) -> int:
    """Index where the trailing furniture (tags, link lists, share buttons, copyright) begins."""
    end = len(lines)
    while end > start + 1:
        line = lines[end - 1]
        text = line.text
        if (
            line.bullet
            or is_chrome(text)
            or _COPYRIGHT.search(text)
            or _TAG_HEADINGS.match(text)
            or _LINK_HEADINGS.match(text)
            or _TAGS_LINE.match(text)
            or (is_title_like(text, 14) and not _TRAILING_NOTE.fullmatch(text))
        ):
            end -= 1
        else:
            break
    # Title-like lines right after the story, before any tag heading or list, are the story's own last lines.
    while end < len(lines) and _is_plain_line(lines[end]) and is_title_like(lines[end].text, 14):
        end += 1
    return end


def _copyright_holder(text: str) -> str:
    """ "© 2021 City Daily. All rights reserved." names the publisher."""
    holder = re.sub(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*", "", text, flags=re.I)
    holder = re.split(r"\.\s|\.$|,?\s*all rights reserved", holder, flags=re.I)[0].strip(" .,")
    return holder if 0 < len(holder.split()) <= 6 and not _COPYRIGHT.search(holder) else ""


def _read_trailer(lines: list[_Line], reading: _Reading) -> None:
    # Short lines after the story are the article's tags only under a "Tags"/"Topics" heading; a bare list is the
    # site's navigation ("COVID-19", "Trending Japan" under a 2019 story), kept apart as page tags.
    group = "page"
    for line in lines:
        text = line.text
        tags_line = _TAGS_LINE.match(text)
        if tags_line:
            reading.tags.extend(t.strip() for t in re.split(r"[,;|•]", tags_line.group("tags")) if t.strip())
        elif _TAG_HEADINGS.match(text):
            group = "tags"
        elif _LINK_HEADINGS.match(text):
            group = "links"
        elif _COPYRIGHT.search(text):
            reading.publisher = reading.publisher or _copyright_holder(text)
        elif is_chrome(text):
            continue
        elif group in ("tags", "page") and len(text.split()) <= 5 and not re.search(r"[.!?]$", text):
            (reading.tags if group == "tags" else reading.page_tags).append(text)


def _body_parts(lines: list[_Line]) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        text = line.text
        if is_chrome(text):
            continue
        if line.bullet:
            parts.append(("list-item", text))
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        heading = (
            parts
            and following is not None
            and not following.bullet
            and is_title_like(text, 16)
            and not is_title_like(following.text, 16)
        )
        parts.append(("heading" if heading else "paragraph", text))
    return parts


def _take_note(parts: list[tuple[str, str]], reading: _Reading) -> list[tuple[str, str]]:
    """Move a closing "(Abridged)" / "(Updated …)" note off the text into the metadata."""
    if not parts:
        return parts
    kind, last = parts[-1]
    match = _TRAILING_NOTE.search(last)
    if match and len(match.group("note").split()) <= 25:
        reading.note = match.group("note")
        rest = last[: match.start()].rstrip()
        return parts[:-1] + [(kind, rest)] if rest else parts[:-1]
    return parts


_SENTENCE_END = re.compile(r"[^.]\.[\"”’)]?\Z")  # a full stop ends a sentence, never a headline ("…" may)
_YEAR_WORDS = {"года", "г", "год"}  # "22 января 2019 года": the year's own word after it


def _is_date_line(line: _Line) -> bool:
    """'Thursday, April 15, 2021', 'Oct. 28, 2021 10:30 a.m. ET': a full date and nothing else."""
    text = line.text.strip()
    label = _DATE_LABEL.match(text)  # "Updated 11:45 p.m. ET, Tuesday, November 8, 2022"
    text = text[label.end() :] if label else text
    if line.bullet or len(text.split()) > 8:
        return False
    found = find_date(text)
    if not found:
        return False
    rest = _CLOCK.sub(" ", text[: found[1]] + " " + text[found[2] :])
    rest = _LABEL_INSIDE.sub(",", rest)  # "Jan. 8, 2025 Updated 6:12 AM PT": the time of an update after the date
    parts = [p.strip(" .,") for p in re.split(r"[,|;•·]| - ", rest)]
    return all(not p or _WEEKDAY.match(p) or re.fullmatch(r"[A-Z]{2,4}T?", p) or p.lower() in _YEAR_WORDS
               or _SOURCE_IN_PARENTHESES.fullmatch(p) for p in parts)  # "November 16, 2024 (Mainichi Japan)"


def looks_like_textdump(text: str) -> bool:
    lines = _lines(text)
    if len(lines) < 3:
        return False
    head = lines[:25]
    reading = _Reading()
    signals = 0
    signals += any(is_chrome(line.text) for line in head[:8])
    signals += any(is_section(line.text) and not line.bullet for line in head[:8])
    signals += any(parse_byline(line.text) for line in head)
    signals += any(
        (line.bullet or _DATE_LABEL.match(line.text)) and _read_meta(line.text, reading, True)
        for line in head
        if len(line.text.split()) <= 12
    )
    signals += any(find_dateline(line.text) for line in head if is_prose(line.text))
    # A line that is only a date, under the title, is a page's header: a story's own lines never are.
    signals += 2 * any(_is_date_line(line) for line in head[:6])
    tail = lines[-12:]
    signals += sum(line.bullet for line in tail) >= 2 or any(
        _TAG_HEADINGS.match(line.text) or _LINK_HEADINGS.match(line.text) or _TAGS_LINE.match(line.text)
        for line in tail
    )
    return signals >= 2


def textdump_to_article(text: str, *, source: str) -> Article:
    lines = _lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not lines:
        raise IngestError("empty text")
    reading = _Reading()
    body_start, deck = _read_header(lines, reading)
    trailer = _trailer_start(lines, body_start)
    _read_trailer(lines[trailer:], reading)
    parts = _take_note(deck + _body_parts(lines[body_start:trailer]), reading)
    if not parts and not reading.title:
        raise IngestError("no article text found")

    dateline = ""
    first = next((t for k, t in parts if k == "paragraph"), "")
    found = find_dateline(first)
    if found:
        dateline = found[0]
        reading.publisher = reading.publisher or found[1]

    text_out, blocks = build_text([("title", reading.title), *parts])
    metadata = Metadata(
        title=" ".join(reading.title.split()),
        authors=tuple(reading.authors),
        published=reading.published or reading.updated,
        publisher=reading.publisher,
        section=reading.section,
        page=reading.page,
        dateline=dateline,
        subheadings=tuple(text_out[b.start : b.end] for b in blocks if b.kind == "heading"),
        tags=tuple(dict.fromkeys(reading.tags)),
        page_tags=tuple(dict.fromkeys(reading.page_tags)),
        provenance=reading.provenance,
        editorial_note=reading.note,
    )
    return Article(source=source, kind="textdump", text=text_out, blocks=blocks, metadata=metadata)
