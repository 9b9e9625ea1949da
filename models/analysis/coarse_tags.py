"""Coarse parts of speech from the fine tags, as the model's own attribute ruler sets them, at a tenth of its cost.

The small English pipeline derives ``pos_`` (and the tag and label of whitespace tokens) from the tagger's fine tags
with an attribute ruler: about 180 token patterns run through spaCy's general ``Matcher``, which costs as much as
the dependency parser. The analysis reads only the coarse tags, never the morphology or the lemmas, so the same
patterns are applied here by table lookup, cached per (tag, word, label) — same patterns, same precedence (a later
pattern overrides an earlier one, attribute by attribute), same result. A pattern of a kind this module does not
know makes :func:`from_ruler` return ``None`` and the caller keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Token attributes a pattern may test, read from a token as plain values.
_FEATURES: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
# What the analysis reads of the ruler's work; morphology and lemmas are not set.
_SET = ("POS", "TAG", "DEP")

Test = Callable[[Any], bool]


class UnsupportedPattern(ValueError):
    pass


def _value_test(spec: Any) -> Callable[[Any], bool]:
    if not isinstance(spec, Mapping):
        return lambda v: bool(v == spec)
    allowed: frozenset[Any] | None = None
    refused: frozenset[Any] = frozenset()
    rx: re.Pattern[str] | None = None
    for op, arg in spec.items():
        if op == "IN":
            allowed = frozenset(arg)
        elif op == "NOT_IN":
            refused = frozenset(arg)
        elif op == "REGEX":
            rx = re.compile(arg)
        else:
            raise UnsupportedPattern(op)

    def test(v: Any) -> bool:
        if allowed is not None and v not in allowed:
            return False
        if v in refused:
            return False
        return rx is None or (isinstance(v, str) and rx.search(v) is not None)

    return test


def _token_test(spec: Mapping[str, Any]) -> Test:
    """A test on a token's features (:func:`_features`)."""
    checks: list[tuple[str, Callable[[Any], bool]]] = []
    for key, value in spec.items():
        if key not in _FEATURES:
            raise UnsupportedPattern(key)
        checks.append((key, _value_test(value)))
    return lambda features: all(test(features[key]) for key, test in checks)


def _features(tok: Any) -> dict[str, Any]:
    return {key: read(tok) for key, read in _FEATURES.items()}


def _tags_of(spec: Mapping[str, Any]) -> frozenset[str] | None:
    """The fine tags a token must have to match ``spec`` (``None``: any tag)."""
    tag = spec.get("TAG")
    if isinstance(tag, str):
        return frozenset({tag})
    if isinstance(tag, Mapping) and set(tag) == {"IN"}:
        return frozenset(tag["IN"])
    return None


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int
    tests: tuple[Test, ...]  # one per token of the pattern
    index: int  # which token of the match gets the attributes
    attrs: tuple[tuple[str, str], ...]
    tags: frozenset[str] | None  # the first token's possible fine tags (None: any)


class CoarseTagger:
    """Sets ``pos_`` (and the fine tag and label the ruler gives whitespace) on parsed ``Doc`` objects."""

    def __init__(self, rules: Sequence[_Rule]) -> None:
        # rules that can apply to a token of each fine tag, in pattern order (most rules name one tag)
        self._any_tag = [r for r in rules if r.tags is None]
        self._by_tag: dict[str, list[_Rule]] = {}
        for tag in {t for r in rules if r.tags for t in r.tags}:
            self._by_tag[tag] = sorted(
                (r for r in rules if r.tags is None or tag in r.tags), key=lambda r: r.order
            )
        self._cache: dict[tuple[int, int, int, bool], tuple[tuple[tuple[str, int, str], ...], tuple[_Rule, ...]]] = {}

    def _resolve(self, tok: Any) -> tuple[tuple[tuple[str, int, str], ...], tuple[_Rule, ...]]:
        """The attributes single-token rules set on a token like ``tok`` (with the winning rule's order), and the
        multi-token rules whose first token it could be."""
        features = _features(tok)
        won: dict[str, tuple[int, str]] = {}
        starts = []
        for rule in self._by_tag.get(features["TAG"], self._any_tag):
            if not rule.tests[0](features):
                continue
            if len(rule.tests) > 1:
                starts.append(rule)
                continue
            for attr, value in rule.attrs:
                won[attr] = (rule.order, value)
        return tuple((attr, order, value) for attr, (order, value) in won.items()), tuple(starts)

    def __call__(self, doc: Any) -> Any:
        cache = self._cache
        extra: list[tuple[int, _Rule]] = []
        plans = []
        for tok in doc:
            key = (tok.tag, tok.lower, tok.dep, tok.is_space)
            plan = cache.get(key)
            if plan is None:
                plan = cache[key] = self._resolve(tok)
            plans.append(plan)
            for rule in plan[1]:
                n = len(rule.tests)
                if tok.i + n <= len(doc) and all(rule.tests[k](_features(doc[tok.i + k])) for k in range(1, n)):
                    extra.append((tok.i + rule.index, rule))
        overrides: dict[int, list[tuple[int, str, str]]] = {}
        for i, rule in extra:
            overrides.setdefault(i, []).extend((rule.order, attr, value) for attr, value in rule.attrs)
        for tok, (attrs, _) in zip(doc, plans, strict=True):
            if tok.i in overrides:
                merged = {attr: (order, value) for attr, order, value in attrs}
                for order, attr, value in overrides[tok.i]:
                    if attr not in merged or merged[attr][0] < order:
                        merged[attr] = (order, value)
                attrs = tuple((attr, order, value) for attr, (order, value) in merged.items())
            for attr, _, value in attrs:
                if attr == "POS":
                    tok.pos_ = value
                elif attr == "TAG":
                    tok.tag_ = value
                else:
                    tok.dep_ = value
        return doc


def from_patterns(patterns: Iterable[Mapping[str, Any]]) -> CoarseTagger:
    """A tagger for attribute-ruler patterns (``AttributeRuler.patterns``); raises :class:`UnsupportedPattern`."""
    rules: list[_Rule] = []
    for order, pattern in enumerate(patterns):
        attrs = tuple((a, str(v)) for a, v in pattern["attrs"].items() if a in _SET)
        if not attrs:
            continue
        for tokens in pattern["patterns"]:
            if not isinstance(tokens, list) or not tokens:
                raise UnsupportedPattern(str(tokens))
            index = int(pattern.get("index", 0))
            tests = tuple(_token_test(t) for t in tokens)
            rules.append(_Rule(order, tests, index % len(tokens), attrs, _tags_of(tokens[0])))
    return CoarseTagger(rules)


def from_ruler(ruler: Any) -> CoarseTagger | None:
    """The equivalent of spaCy's attribute ruler ``ruler`` for the coarse tags, or ``None`` if it cannot be had."""
    try:
        return from_patterns(ruler.patterns)
    except (UnsupportedPattern, KeyError, TypeError):
        return None
