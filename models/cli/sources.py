"""An article read from a path or URL for the command line, and the line ``import`` prints for it.

Shared by the one-process import (:mod:`models.cli.articles`) and the worker pool (:mod:`models.cli.import_pool`).
"""

from __future__ import annotations

from typing import Any

from models.article import Article
from models.cli import UserError


def printable(source: str) -> str:
    """``source`` as it can be printed and stored: the bytes of a file name that is not UTF-8 (which Python carries
    as lone surrogates) are written as ``\\xNN``."""
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        return source.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return source


def read_source(source: str) -> Article:
    """An article from a path or URL; ``UserError`` with the one-line reason when it cannot be read."""
    from dataclasses import replace

    from models.ingest import IngestError, ingest_file, ingest_url, is_web_address
    from models.ingest.fetch import redact

    shown = printable(source)
    try:
        if is_web_address(source):
            article = ingest_url(source)
        else:
            article = ingest_file(source)
    except IngestError as exc:
        raise UserError(f"{printable(redact(source))}: {printable(str(exc))}") from None
    except OSError as exc:
        raise UserError(f"{printable(redact(source))}: {printable(str(exc.strerror or exc))}") from None
    return article if article.source == printable(article.source) else replace(article, source=shown)


def import_record(result: Any, analysis: Any) -> dict[str, Any]:
    """The ``import`` line of one article: what the store did with it, and its analysis when not complete."""
    record: dict[str, Any] = {"id": result.id, "title": result.title, "source": result.source,
                              "status": result.status}
    if result.orphaned:
        record["orphaned"] = result.orphaned
    if result.status == "updated":
        record["revision"] = result.revision
    if analysis is not None and analysis.status != "complete":
        record["analysis"] = {"status": analysis.status, "reason": analysis.reason}
    return record
