"""Annotations from other tools into the library: W3C Web Annotation JSON-LD (Newsdesk's own exports,
Hypothesis's, any conforming tool's) and Hypothesis's JSON export.

A file is read and checked completely before anything is written, and then written in one transaction: a damaged
file changes nothing.
"""

from __future__ import annotations

import json
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


def _decode(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InterchangeError("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None


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
            return [read_hypothesis_annotation(n) for n in hypothesis_nodes(doc)]
        return [read_w3c_annotation(n) for n in annotation_nodes(doc)]
    except (AttributeError, TypeError, KeyError) as exc:  # a shape the model does not allow
        raise InterchangeError(f"malformed annotation ({exc})") from None


def import_annotations(lib: Any, data: bytes) -> ImportReport:
    """Read ``data`` whole, then add its annotations to ``lib`` in one transaction."""
    from models.interchange.importer import AnnotationImporter

    annotations = read_annotations(data)
    return AnnotationImporter(lib).run(annotations)
