"""Reading intelligence: entities and the timeline of an article, as offsets into its canonical text.

Pure and thread-agnostic: the GUI runs :func:`analyze` in a worker, the CLI and the tests call it directly.

Each stage has a time budget (a text of megabytes, or of tens of thousands of dates, must not hold an import for
ever): past it the analysis keeps what it found, with the status "partial" and the reason. :func:`analyze_safely`
turns any error into an analysis with the status "failed", so that one article never costs a batch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.analysis.types import Analysis, Entity, Mention, TimelineEvent, Timex
from models.article import text_hash

log = logging.getLogger(__name__)

# Bump when anything that changes analysis output changes: stored results of an older version are recomputed.
ANALYZER_VERSION = "newsdesk-analysis/28"

__all__ = [
    "ANALYZER_VERSION", "Analysis", "Budget", "DEFAULT_BUDGET", "READER_BUDGET", "Entity", "Mention", "Timex",
    "TimelineEvent", "analyze", "analyze_safely", "failed_analysis",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Budget:
    """Seconds each stage may take, and the whole analysis. The parse is stopped between batches of blocks (the
    entities are then found in the parsed part, which bounds their stage too); the timeline between expressions."""

    # A command on any file answers within a minute (the hostile-file bound), reading and writing included: 15 s of
    # parsing read 600,000 characters of prose on this project's reference laptop core (ten times a long report; a
    # batch started before the deadline still ends), the entities take a third of the parse, and whatever the
    # stages took the analysis ends ``total`` seconds after it began.
    parse: float = 15.0
    timeline: float = 15.0
    total: float = 25.0


DEFAULT_BUDGET = Budget()
# The reader analyses in a process of its own while the article is already on screen: a long report is read to its
# end (a megabyte of prose takes about a minute on a laptop core); only a hostile text is cut short.
READER_BUDGET = Budget(parse=120.0, timeline=60.0, total=240.0)


def analyze(
    text: str,
    published: date | None = None,
    *,
    authors: Sequence[str] = (),
    language: str = "",
    budget: Budget | None = DEFAULT_BUDGET,
) -> Analysis:
    """Entities and timeline of ``text``.

    ``published`` anchors relative dates; without it only dates that do not depend on it are resolved.
    ``language`` is the language the source declares: text that is not English is not read by the English model
    (it would type whole sentences PERSON): it gets the names that need no grammar (:mod:`latin_names`) and the
    dates the rules can read. ``budget`` None: no time limit.
    """
    from models.analysis import entities, nlp, timeline
    from models.analysis import language as languages

    began = time.monotonic()
    lang = languages.language_of(text, language)
    reasons: list[str] = []
    if lang == "en":
        deadline = time.monotonic() + budget.parse if budget else None
        parsed = nlp.parse(text, deadline=deadline)
        if not parsed.complete:
            reasons.append(
                f"the text was read for {budget.parse:g} s: the first {parsed.covered:,} of {len(text):,} "
                "characters were analysed" if budget else "the text was not read to its end"
            )
            # Entities and dates come from the part that was read (its offsets are the text's): the rest of a text
            # of megabytes is not searched for the names found.
            parsed = nlp.Parsed(text[: parsed.covered], parsed.pieces)
        found = entities.extract_entities(parsed, authors=authors)
    else:
        from models.analysis.latin_names import names_in_other_language

        parsed = nlp.Parsed(text, ())
        found = entities.with_authors(list(names_in_other_language(text, lang)), authors)
    deadline = min(time.monotonic() + budget.timeline, began + budget.total) if budget else None
    timexes, events, whole = timeline.timeline_within(parsed, published, found, deadline=deadline, language=lang)
    if not whole and budget:
        reasons.append(
            f"the timeline stopped after {time.monotonic() - began:.0f} s of analysis ({len(timexes):,} dates read, "
            f"{len(events):,} placed)"
        )
    status = "partial" if reasons else "complete"
    reason = "; ".join(reasons)
    return Analysis(ANALYZER_VERSION, text_hash(text), found, timexes, events, status, reason, lang)


def failed_analysis(text: str, reason: str) -> Analysis:
    """The analysis of a text whose analysis raised: nothing found, the reason kept for the reader."""
    return Analysis(ANALYZER_VERSION, text_hash(text), status="failed", reason=one_line(reason))


def one_line(reason: str, limit: int = 300) -> str:
    return " ".join(reason.split())[:limit]


def analyze_safely(
    text: str,
    published: date | None = None,
    *,
    authors: Sequence[str] = (),
    language: str = "",
    budget: Budget | None = DEFAULT_BUDGET,
) -> Analysis:
    """:func:`analyze`, with any error turned into a failed analysis (logged with its traceback).

    A missing language model is not one article's failure: :class:`models.analysis.nlp.ModelUnavailable` is raised.
    """
    from models.analysis.nlp import ModelUnavailable

    try:
        return analyze(text, published, authors=authors, language=language, budget=budget)
    except ModelUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 — one article's failure is that article's alone
        log.info("analysis failed", exc_info=True)  # below WARNING: a command line prints one line, no traceback
        return failed_analysis(text, f"{type(error).__name__}: {error}")
