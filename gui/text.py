"""Placeholders and plurals in translatable text, as Qt does them: ``%1``…``%9`` filled in one pass (QString.arg)
and ``%n`` with a plural "(s)" that reads as plain English when no translation is installed."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_PLACEHOLDER = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """``text`` with ``%1``, ``%2`` … replaced by ``values`` in one pass: a value that holds "%2" stays as it is."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m[1]) - 1]) if int(m[1]) <= len(values) else m[0], text)


def counted(context: str, text: str, n: int) -> str:
    """``text`` translated with the count ``n`` (``%n``; "%n article(s)"); without a translation "(s)" becomes the
    English plural."""
    out = QCoreApplication.translate(context, text, "", n)
    return out.replace("(s)", "" if n == 1 else "s")
