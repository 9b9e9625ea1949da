"""Placeholders and plurals in translatable text, as Qt does them: ``%1``…``%9`` filled in one pass (QString.arg,
which PySide's ``str`` lacks) and ``%n`` counts whose plural "(s)" reads as plain English when no translation is
installed: ``plural(self.tr("%n article(s)", "", n), n)``."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """``text`` with ``%1``, ``%2`` … replaced by ``values`` in one pass: a value that holds "%2" stays as it is."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m[1]) - 1]) if int(m[1]) <= len(values) else m[0], text)


def plural(translated: str, n: int) -> str:
    """A ``tr(text, "", n)`` result: a translation has its own plural forms; the English source says "(s)"."""
    return translated.replace("(s)", "" if n == 1 else "s")
