"""The choices of an export — formats, file extensions, groupings, page sizes, CSV flavours — outside
:mod:`models.export`, so that the command line's parser offers them without loading every renderer."""

from __future__ import annotations

FORMATS = ("markdown", "html", "pdf", "jsonld", "csv", "timelinejs")
EXTENSIONS = {"markdown": ".md", "html": ".html", "pdf": ".pdf", "jsonld": ".jsonld", "csv": ".csv",
              "timelinejs": ".json"}
BRIEF_FORMATS = ("markdown", "html", "pdf")
GROUPINGS = ("position", "color", "entity", "date")
PAGE_SIZES = ("a4", "letter")
CSV_FLAVORS = ("full", "readwise")
