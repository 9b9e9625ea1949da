"""No regular expression of ingest or of the timex rules backtracks catastrophically: each one is fed 1 MB of its
worst case and must scan it in linear time.

The worst case of a pattern is searched, not hand-written: strings repeating one motif (a character the rules care
about, a word of the pattern's own source, a fragment of a date, a byline or Markdown) are scanned at 4 KB and the
slowest is grown to 1 MB. Every size step must cost at most about four times the one before (a quadratic pattern
costs sixteen), and the last step must end within the budget; a watchdog turns a runaway into a failure, not a hang
(``re`` checks signals while it matches).
"""

from __future__ import annotations

import importlib
import re
import signal
import time
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.slow

MODULES = (
    "models.ingest", "models.ingest.boilerplate", "models.ingest.textdump", "models.ingest.bylines",
    "models.ingest.plaintext", "models.ingest.htmlmeta", "models.ingest.html", "models.ingest.dates",
    "models.ingest.decode", "models.ingest.fetch",
    "models.analysis.timex.patterns", "models.analysis.timex.prefilter", "models.analysis.timex.lexicon",
    "models.analysis.timex.context", "models.analysis.timex.normalise", "models.analysis.timex.tense",
    "models.analysis.timex.events", "models.analysis.timex.quantities", "models.analysis.timex.resolution",
    "models.analysis.timex.yearless", "models.analysis.timex.story", "models.analysis.timex.foreign",
    "models.analysis.timex.accounts",
    "models.analysis.products", "models.analysis.coordination", "models.analysis.titles",
    "models.analysis.publications", "models.analysis.surnames",
    "models.analysis.regions", "models.analysis.cases", "models.analysis.event_labels", "models.analysis.entity_spans",
    "models.analysis.library_people", "models.analysis.teams", "models.analysis.repeats", "models.analysis.works",
    "models.analysis.casual", "models.analysis.speakers", "models.analysis.acronyms", "models.analysis.post_signatures",
    "models.analysis.roads", "models.analysis.offers", "models.analysis.latin_names", "models.analysis.language",
    "models.analysis.organisation_spans",
)  # fmt: skip
SIZES = (4096, 16384, 65536, 262144, 1 << 20)
BUDGET = 20.0  # seconds for 1 MB; linear rules take 0.1-3 s on a busy shared machine, a quadratic one hours
GROWTH = 10.0  # per 4x size step: linear is 4x, quadratic 16x (noise allowed for)
GROWTH_TWO_STEPS = 60.0  # per 16x size: linear is 16x, quadratic 256x; a burst on one step alone is not growth
NOISE = 0.05  # seconds below which a step's growth is timer noise
# Patterns only ever applied to a bounded slice of the input: checked up to that size.
BOUNDED_INPUT = {
    "models.ingest.decode._META_CHARSET": 4096,  # the HTML charset prescan reads the first 4 KB, as browsers do
    "models.analysis.coordination._COORDINATOR": 4096,  # matched whole against the few characters between two names
}
MOTIFS = (
    *"aA1 \t.-,/:;'\"()[]<>|#*_&!?\n@$%+=~`’”“–—…›»•",
    "a ", "A ", "1 ", "a.", "1.", "1-", "1/", "1:", "a-", ". ", ", ", " -", "- ", "* ", "> ", "| ", "# ", "ab1 ",
    "Aa ", "A. ", "a\n", " \n", "a b\n", "(a ", "[a ", "](", "![", "``", "&#", "&a", "a@", "a://", "www.", "By A ",
    "by ", "A, ", "A and ", "Jan. ", "May 1 ", "1 May ", "the ", "of the ", "early ", "1990 ", "1990-", "12:30 ",
    "12 ", "---\n", "a: b\n", "  - a\n", "«a » ", "a › ", "(AP) ", "A – ", "zero ", "ninety ", "twenty-one ",
    "and a half ", "a few ", "<!-- ", "<p>", "<html ", "<meta charset=", "{", '"a":', "\\", "\\\\",
    '\\"', '"\\', '"a\\',
)  # fmt: skip


def _patterns() -> Iterator[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    seen: set[int] = set()
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern and id(value) not in seen:
                seen.add(id(value))
                yield f"{name}.{attr}", value
    from models.analysis.timex.patterns import RULES

    for rule in RULES:
        if id(rule.pattern) not in seen:
            seen.add(id(rule.pattern))
            yield f"timex rule {rule.name}", rule.pattern
        for n, trigger in enumerate(rule.triggers):
            if id(trigger.pattern) not in seen:
                seen.add(id(trigger.pattern))
                yield f"timex rule {rule.name} trigger {n}", trigger.pattern


PATTERNS = list(_patterns())


def _motifs(pattern: re.Pattern[str] | re.Pattern[bytes]) -> list[str]:
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", source)))
    return [*MOTIFS, *words, *(w + " " for w in words), *(w.capitalize() + " " for w in words)]


def _text(pattern: re.Pattern[str] | re.Pattern[bytes], motif: str, size: int) -> str | bytes:
    text = (motif * (size // len(motif) + 1))[:size]
    return text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text


class _Runaway(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Runaway


def _seconds(pattern: re.Pattern[str] | re.Pattern[bytes], text: str | bytes, limit: float) -> float:
    """Time to find every match in ``text`` (as ``finditer``, ``sub`` and ``findall`` do); ``inf`` past ``limit``."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        for _ in pattern.finditer(text):  # type: ignore[arg-type]
            pass
        return time.perf_counter() - started
    except _Runaway:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _best(pattern: re.Pattern[str] | re.Pattern[bytes], text: str | bytes, limit: float) -> float:
    """The fastest of up to three scans (one when a scan takes over a second): a busy machine only ever adds time,
    so the minimum is the pattern's own cost, and the growth test does not fail on another process's burst."""
    best = _seconds(pattern, text, limit)
    for _ in range(2):
        if best > 1.0 or best == float("inf"):
            break
        best = min(best, _seconds(pattern, text, limit))
    return best


def _linear(seconds: float, steps: list[float]) -> bool:
    """A size step that took ``seconds`` after ``steps`` is within the budget and grows as a linear scan does: about
    four times the step before, or sixteen times the one before that (a burst on one step alone is not growth)."""
    if seconds >= BUDGET:
        return False
    if seconds <= NOISE:
        return True
    one_step = seconds < GROWTH * max(steps[-1], NOISE / 4)
    two_steps = len(steps) >= 2 and seconds < GROWTH_TWO_STEPS * max(steps[-2], NOISE / 16)
    return one_step or two_steps


def test_every_module_has_patterns_to_check() -> None:
    modules = {name.rsplit(".", 1)[0] for name, _ in PATTERNS if not name.startswith("timex rule")}
    wanted = {"models.ingest.boilerplate", "models.ingest.textdump", "models.ingest.bylines", "models.ingest.plaintext"}
    assert wanted <= modules
    assert sum(name.startswith("timex rule") for name, _ in PATTERNS) > 40


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear_on_1_mb_of_its_worst_case(name: str, pattern: re.Pattern[str]) -> None:
    timed = [(_seconds(pattern, _text(pattern, m, SIZES[0]), 2.0), m) for m in _motifs(pattern)]
    seconds, worst = max(timed)
    assert seconds < 2.0, f"{name}: {SIZES[0]} characters of {worst!r} take over 2 s"
    seconds = _best(pattern, _text(pattern, worst, SIZES[0]), 2.0)
    steps = [seconds]
    for size in (s for s in SIZES[1:] if s <= BOUNDED_INPUT.get(name, SIZES[-1])):
        text = _text(pattern, worst, size)
        # The largest text is scanned once, and again (best of three) only if that scan fails: it is three quarters of
        # the test's time, and a busy machine can only have made it slower.
        seconds = _seconds(pattern, text, BUDGET) if size == SIZES[-1] else _best(pattern, text, BUDGET)
        if size == SIZES[-1] and not _linear(seconds, steps):
            seconds = _best(pattern, text, BUDGET)
        assert seconds < BUDGET, f"{name}: {size} characters of {worst!r} take over {BUDGET:g} s ({steps})"
        if seconds > NOISE:
            assert _linear(seconds, steps), (
                f"{name}: {worst!r} grows faster than linear: {[round(s, 3) for s in steps + [seconds]]} s for "
                f"{SIZES[: len(steps) + 1]} characters"
            )
        steps.append(seconds)
