"""Which lines of a text a rule can match in, found by a cheap search for a word the rule cannot match without.

Running every rule over the whole text costs more than the rest of the timeline put together, yet most lines hold
no temporal expression. A rule names the groups every match of it contains (its *triggers*); the source of those
groups, taken from the rule itself so that it cannot drift from it, is searched in a lower-cased copy of the text,
and the rule then runs only over the lines where all its triggers occur. Since no match crosses a newline, the
matches found are exactly those of a scan over the whole text.

A trigger is widened, never narrowed: every letter is lower-cased (text and pattern alike), so case rules and
``(?i:...)`` scopes drop out and the search is a plain, fast one. Constructs under which widening could lose a
match (negative lookarounds, negated classes naming letters, back-references) are refused when the rules load.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# The only characters a case-insensitive pattern equates with an ASCII letter besides its two cases: "İ" (whose
# lower case is two characters long), dotless "ı" and long "ſ". Mapped to the letter before searching, so that the
# lower-cased copy keeps the text's offsets and still contains every letter a ``(?i:...)`` group could match.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_ALLOWED_ESCAPES = set("dswSn.-/'$%&()*+?[]{}|^\\") | {"’"}


class UnsafeTrigger(ValueError):
    """A group whose widened form could miss a match of the rule."""


def _group_bodies(source: str, name: str) -> list[str]:
    """The source text of every ``(?P<name>...)`` in ``source``."""
    bodies = []
    opener = f"(?P<{name}>"
    at = source.find(opener)
    while at >= 0:
        end = _group_end(source, at)
        bodies.append(source[at + len(opener) : end - 1])
        at = source.find(opener, end)
    if not bodies:
        raise UnsafeTrigger(f"no group {name!r}")
    return bodies


def _group_end(source: str, i: int) -> int:
    """Index just past the group opening at ``source[i]``."""
    i, depth = i + 1, 1
    while depth:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
            continue
        depth += ch == "("
        depth -= ch == ")"
        i += 1
    return i


def _class_end(source: str, i: int) -> int:
    """Index just past the character class opening at ``source[i]``."""
    j = i + 1
    if source[j] == "^":
        j += 1
    if source[j] == "]":
        j += 1
    while source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def widen(body: str) -> str:
    """``body`` lower-cased letter by letter, its group names and inline flags dropped (see the module docstring)."""
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            esc = body[i + 1]
            if esc not in _ALLOWED_ESCAPES:
                raise UnsafeTrigger(f"escape \\{esc} in {body!r}")
            out.append(body[i : i + 2])
            i += 2
        elif ch == "[":
            end = _class_end(body, i)
            cls = body[i:end]
            if cls.startswith("[^") and re.search(r"(?<!\\)[A-Za-z]", cls) or re.search(r"\\[^dswSn]", cls):
                raise UnsafeTrigger(f"class {cls} in {body!r}")
            out.append(re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), cls))
            i = end
        elif body.startswith(("(?=", "(?<="), i):
            i = _group_end(body, i)  # a lookaround only narrows: dropped
        elif ch == "(" and body.startswith("(?", i):
            named = re.match(r"\(\?(?:P<\w+>|i:|:)", body[i:])
            if named is None:
                raise UnsafeTrigger(f"construct {body[i : i + 4]!r} in {body!r}")
            out.append("(?:")
            i += named.end()
        else:
            out.append(ch.lower())
            i += 1
    return "".join(out)


# A trigger is searched as plain substrings when it has a set of literals one of which each of its matches contains
# (``str.find`` is many times faster than a regex alternation). Only selective literals are used: three characters
# or more, or not all letters nor all digits (":" of a clock time, "/" of a numeric date, "0s" of a decade).
_MIN_FACTOR = 3
_MAX_CLASS = 10  # a class of at most this many characters is spelled out ("[ap]" -> "a" or "p")
_MAX_SPELLINGS = 32

Atom = tuple[str, object, bool]  # kind ("chars", "group", "other"), its characters or branches, required


def _class_chars(cls: str) -> frozenset[str] | None:
    """The characters a class like ``[ap]`` or ``[0-3]`` matches, when it is small and plain."""
    body, chars, i = cls[1:-1], set[str](), 0
    if body.startswith("^"):
        return None
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if body[i + 1] in "dswSn":
                return None
            ch, i = body[i + 1], i + 1
        if body[i + 1 : i + 2] == "-" and i + 2 < len(body):
            chars.update(map(chr, range(ord(ch), ord(body[i + 2]) + 1)))
            i += 3
        else:
            chars.add(ch)
            i += 1
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars) or None


def _atoms(widened: str, i: int) -> tuple[list[list[Atom]], int]:
    """Branches of the alternation at ``widened[i:]``, each a list of atoms."""
    branches: list[list[Atom]] = [[]]
    while i < len(widened) and widened[i] != ")":
        ch = widened[i]
        if ch == "|":
            branches.append([])
            i += 1
            continue
        value: object
        if widened.startswith("(?:", i):
            value, i = _atoms(widened, i + 3)
            kind, i = "group", i + 1
        elif ch == "[":
            end = _class_end(widened, i)
            value = _class_chars(widened[i:end])
            kind, i = "chars" if value else "other", end
        elif ch == "\\":
            esc = widened[i + 1]
            kind, value, i = ("other", None, i + 2) if esc in "dswSn" else ("chars", frozenset(esc), i + 2)
        else:
            kind, value, i = ("other", None, i + 1) if ch in ".^$" else ("chars", frozenset(ch), i + 1)
        quantifier = re.match(r"[?*+]|\{(\d*)(?:,\d*)?\}", widened[i:])
        required = True
        if quantifier is not None:
            i += quantifier.end()
            if widened[i : i + 1] == "?":
                i += 1
            required = quantifier.group() == "+" or bool(quantifier.group(1) and int(quantifier.group(1)) > 0)
            if kind == "chars":
                kind = "optional" if quantifier.group() == "?" else "repeated" if required else "other"
        branches[-1].append((kind, value, required))
    return branches, i


def _selective(words: frozenset[str]) -> bool:
    return all(len(w) >= _MIN_FACTOR or not w.isalpha() and not w.isdigit() for w in words)


def _factors(branches: list[list[Atom]]) -> frozenset[str] | None:
    """Literals one of which every match of the alternation contains, or ``None`` when it has no selective set."""
    union: set[str] = set()
    for atoms in branches:
        candidates: list[frozenset[str]] = []
        run = {""}
        for kind, value, required in [*atoms, ("other", None, False)]:
            chars = value if isinstance(value, frozenset) else frozenset()
            longer = {r + c for r in run for c in chars}
            if kind in ("chars", "optional") and len(longer) + len(run) <= _MAX_SPELLINGS:
                run = longer if kind == "chars" else run | longer
                continue
            if kind == "repeated":  # "x+": what precedes ends with one x, what follows starts with one
                run = longer
            if run != {""}:
                candidates.append(frozenset(run))
            run = set(chars) if kind in ("chars", "repeated") else {""}
            if kind == "group" and required and isinstance(value, list):
                inner = _factors(value)
                if inner is not None:
                    candidates.append(inner)
        candidates = [c for c in candidates if _selective(c)]
        if not candidates:
            return None
        union |= max(candidates, key=lambda c: (min(map(len, c)), -len(c)))
    # a literal containing another one is implied by it
    return frozenset(w for w in union if not any(v != w and v in w for v in union))


@dataclass(frozen=True, slots=True)
class Trigger:
    pattern: re.Pattern[str]
    literals: frozenset[str] | None  # searched instead of the pattern when known


_made: dict[str, Trigger] = {}


def triggers(source: str, required: Sequence[str]) -> tuple[Trigger, ...]:
    """One widened trigger per entry of ``required``; an entry ``"a|b"`` means every match has group a or b."""
    out = []
    for entry in required:
        widened = "|".join(widen(body) for name in entry.split("|") for body in _group_bodies(source, name))
        trigger = _made.get(widened)
        if trigger is None:
            branches, end = _atoms(widened, 0)
            if end != len(widened):
                raise UnsafeTrigger(f"unbalanced {widened!r}")
            trigger = _made[widened] = Trigger(re.compile(widened), _factors(branches))
        out.append(trigger)
    return tuple(out)


class Lines:
    """The lines of one text and, per trigger, the lines it occurs in (each trigger searched once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.translate(_FOLD).lower() if any(c in text for c in "İıſ") else text.lower()
        self._low = low if len(low) == len(text) else None
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._found: dict[object, set[int]] = {}

    def _lines_with(self, trigger: Trigger) -> set[int]:
        found = self._found.get(trigger)
        if found is None:
            if trigger.literals is None:
                found = self._search(trigger.pattern)
            else:
                found = set().union(*(self._find(word) for word in trigger.literals))
            self._found[trigger] = found
        return found

    def _search(self, pattern: re.Pattern[str]) -> set[int]:
        found: set[int] = set()
        starts, low = self._starts, self._low
        assert low is not None
        pos = 0
        while (m := pattern.search(low, pos)) is not None:
            line = bisect.bisect_right(starts, m.start()) - 1
            found.add(line)
            if line + 1 >= len(starts):
                break
            pos = starts[line + 1]
        return found

    def _find(self, word: str) -> set[int]:
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = set()
            starts, low = self._starts, self._low
            assert low is not None
            at = low.find(word)
            while at >= 0:
                line = bisect.bisect_right(starts, at) - 1
                found.add(line)
                if line + 1 >= len(starts):
                    break
                at = low.find(word, starts[line + 1])
        return found

    def windows(self, required: Sequence[Trigger]) -> Iterator[tuple[int, int]]:
        """``(pos, endpos)`` of every run of consecutive lines where each of ``required`` occurs; a window ends
        after its last newline, so lookaheads see what they would see in the whole text."""
        if self._low is None or not required:
            yield 0, len(self.text)
            return
        lines = set(self._lines_with(required[0]))
        for trigger in required[1:]:
            if not lines:
                return
            lines &= self._lines_with(trigger)
        starts, end = self._starts, len(self.text)
        run_start = run_end = -2
        for line in sorted(lines):
            if line != run_end + 1:
                if run_start >= 0:
                    yield starts[run_start], starts[run_end + 1] if run_end + 1 < len(starts) else end
                run_start = line
            run_end = line
        if run_start >= 0:
            yield starts[run_start], starts[run_end + 1] if run_end + 1 < len(starts) else end
