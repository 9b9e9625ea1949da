"""Annotations from other tools into the library: W3C Web Annotation JSON-LD (Newsdesk's own exports,
Hypothesis's, any conforming tool's) and Hypothesis's JSON export.

A file is read and checked completely before anything is written, and then written in one transaction: a damaged
file changes nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from models.interchange.hypothesis import (
    hypothesis_nodes,
    is_hypothesis_export,
    read_hypothesis_annotation,
)
from models.interchange.records import ForeignAnnotation, ImportOutcome, ImportReport, InterchangeError
from models.interchange.w3c import annotation_nodes, read_w3c_annotation

__all__ = [
    "ForeignAnnotation",
    "ImportOutcome",
    "ImportReport",
    "InterchangeError",
    "detect_format",
    "import_annotations",
    "read_annotations",
]


MAX_DEPTH = 64
"""Deepest nesting of arrays and objects read: an annotation file needs about eight levels; the JSON decoder
recurses once per level and would fail a thousand levels down with ``RecursionError``."""
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _decode(data: bytes) -> Any:
    from models.ingest.htmlmeta import json_depth  # here: lxml and the ingest package cost ~0.15 s to import

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InterchangeError("not UTF-8 text") from None
    if json_depth(text) > MAX_DEPTH:
        raise InterchangeError(f"JSON nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise InterchangeError(f"JSON nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:  # a number too long to convert (Python refuses integers of over 4,300 digits)
        reason = "a number with too many digits" if "digits" in str(exc) else str(exc).split("\n")[0]
        raise InterchangeError(f"not valid JSON ({reason})") from None


def _repaired(value: str) -> str:
    """A string of the file, with lone UTF-16 surrogates (``"\\ud800"`` escapes, which no UTF-8 store can keep)
    replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def _repair(annotation: ForeignAnnotation) -> ForeignAnnotation:
    changes: dict[str, Any] = {}
    for name in ("exact", "prefix", "suffix", "note", "color", "color_meaning", "author", "id", "kind", "title"):
        value = getattr(annotation, name)
        if isinstance(value, str) and _LONE_SURROGATE.search(value):
            changes[name] = _repaired(value)
    for name in ("sources", "tags"):
        values = getattr(annotation, name)
        if any(_LONE_SURROGATE.search(v) for v in values):
            changes[name] = tuple(dict.fromkeys(_repaired(v) for v in values))
    return replace(annotation, **changes) if changes else annotation


def detect_format(doc: Any) -> str:
    """``hypothesis`` or ``w3c``; ``InterchangeError`` for anything else."""
    if is_hypothesis_export(doc):
        return "hypothesis"
    if isinstance(doc, dict) and ("@context" in doc or "type" in doc):
        return "w3c"
    if isinstance(doc, list) and doc and all(isinstance(d, dict) and "type" in d for d in doc):
        return "w3c"
    raise InterchangeError("neither W3C Web Annotation JSON-LD nor a Hypothesis export")


def read_annotations(data: bytes) -> list[ForeignAnnotation]:
    """Every annotation of the file, or ``InterchangeError`` with a one-line reason if any part is unreadable."""
    doc = _decode(data)
    try:
        if detect_format(doc) == "hypothesis":
            found = [read_hypothesis_annotation(n) for n in hypothesis_nodes(doc)]
        else:
            found = [read_w3c_annotation(n) for n in annotation_nodes(doc)]
    except (AttributeError, TypeError, KeyError, ValueError) as exc:  # a shape the model does not allow
        if isinstance(exc, InterchangeError):
            raise
        raise InterchangeError(f"malformed annotation ({_repaired(str(exc))})") from None
    return [_repair(a) for a in found]


def import_annotations(lib: Any, data: bytes) -> ImportReport:
    """Read ``data`` whole, then add its annotations to ``lib`` in one transaction."""
    from models.interchange.importer import AnnotationImporter

    annotations = read_annotations(data)
    return AnnotationImporter(lib).run(annotations)
