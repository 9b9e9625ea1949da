"""Text put into Qt's rich text (the article header, the note cards), escaped exactly as ``html.escape`` does.

The reader builds both before its first paint; ``html`` would load its table of 2,000 named entities for that.
"""

from __future__ import annotations

_QUOTED = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
_UNQUOTED = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str, quote: bool = True) -> str:
    """``html.escape(text, quote)``."""
    return text.translate(_QUOTED if quote else _UNQUOTED)
