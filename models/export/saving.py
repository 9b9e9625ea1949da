"""An export written to its file: rendered in its format, then put in place whole, so that a failed or cancelled
export never leaves half a document under the reader's file name (models.atomic_files).

The command line writes with :func:`export_to_file`; the reader's export job renders first (it can be cancelled
while a long PDF is typeset) and then writes with :func:`write_export`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.atomic_files import write_atomically
from models.export import ExportBundle, ExportOptions, render_reporting


@dataclass(frozen=True)
class WrittenExport:
    path: Path
    size: int  # bytes written
    notices: tuple[str, ...]  # what the reader should know about the file (characters no font could draw, …)


def write_export(path: Path, data: bytes) -> None:
    """Put a rendered export in place at ``path`` (its folder made if needed); ``OSError`` when it cannot be."""
    write_atomically(path, data)


def export_to_file(name: str, bundle: ExportBundle, options: ExportOptions, path: Path) -> WrittenExport:
    """Render ``bundle`` in format ``name`` and write it to ``path``; ``ValueError`` for options the format cannot
    honour, ``ExportUnavailable`` when its renderer is not installed, ``OSError`` when the file cannot be written."""
    data, notices = render_reporting(name, bundle, options)
    write_export(path, data)
    return WrittenExport(path, len(data), tuple(notices))
