"""Qt's placeholders for Python strings: ``%1``, ``%2`` … filled in one pass, and English plurals for ``%n``.

PySide6 hands back ``tr()`` as a Python ``str``, without ``QString.arg``. :func:`arg` does what ``arg(a, b, …)``
does: every ``%1`` … ``%99`` is replaced at once, so a value that itself contains ``%2`` is never filled again (which
chained ``str.replace`` calls would do).

Counts go through Qt: ``self.tr("%n highlight(s)", "", n)`` (or ``QCoreApplication.translate(context, text, None, n)``
outside a QObject) lets a translation choose its plural form and puts the number in place of ``%n`` (``%Ln`` with the
locale's digit grouping). Newsdesk ships no English translation, so :func:`plural` settles the "(s)" Qt leaves in an
untranslated English source text.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"%(\d{1,2})")


def arg(text: str, *values: object) -> str:
    """``text`` with ``%1`` replaced by the first value, ``%2`` by the second …; other markers stay as they are."""

    def fill(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _MARKER.sub(fill, text)


def plural(translated: str, n: int) -> str:
    """The English form of a ``%n`` text Qt has counted: "(s)" goes for one and becomes "s" otherwise. A translated
    text has no "(s)" and is returned as it is."""
    return translated.replace("(s)", "" if n == 1 else "s")
