"""The signature line of a post quoted in a story (an embedded tweet): "— Rep. Jane Roe (@janeroe) November 19, 2019".

Its own small module: the timeline's labels in the reader ask for it (``event_labels``) and must not bring the whole
date finder (``models.analysis.timex``, some 150 ms of compiling its patterns) onto the window's thread for it.
"""

from __future__ import annotations

import re

_SIGNATURE_CHARS = 140
_POST_SIGNATURE = re.compile(r"[—–-][^\S\n]*(?P<who>[^()\n@]{2,80}?)[^\S\n]*\(@\w{1,30}\)[^\S\n]*")


def post_author(text: str, start: int, end: int) -> str | None:
    """Who wrote the quoted post whose signature line ends with the date at ``[start, end)``, or None when that
    date is not the end of such a line."""
    line_end = text.find("\n", end)
    if text[end:line_end if line_end >= 0 else len(text)].strip():
        return None
    line = text[text.rfind("\n", 0, start) + 1 : start].lstrip()
    found = _POST_SIGNATURE.fullmatch(line) if len(line) <= _SIGNATURE_CHARS else None
    return " ".join(found.group("who").split()) if found else None
