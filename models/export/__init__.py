"""Export formats behind one registry: each is a pure function ``(ExportBundle, ExportOptions) -> bytes``.

PDF needs a typesetter that lives in the GUI toolkit; ``models`` never imports it, so the PDF renderer joins the
registry from the GUI side: ``gui.pdf_export.install`` calls ``register_renderer("pdf", …)``, and the ``newsdesk``
launcher (``gui.launcher``) installs it at start-up, before it opens the window or hands a command to the command
line. A process that did not install it (``models.cli`` run on its own, a server without Qt) finds the format
known but not :func:`available`.
"""

from __future__ import annotations

from collections.abc import Callable

from models.export.bundle import ExportBundle, ExportOptions
from models.export.csv_export import render_csv
from models.export.html import render_html
from models.export.jsonld import render_jsonld
from models.export.markdown import render_brief_markdown, render_markdown
from models.export.timelinejs import render_timelinejs
from models.export_choices import BRIEF_FORMATS, CSV_FLAVORS, EXTENSIONS, FORMATS, GROUPINGS, PAGE_SIZES

Renderer = Callable[[ExportBundle, ExportOptions], bytes]
# A renderer that also says what the reader should know about the result (characters it could not draw, …).
ReportingRenderer = Callable[[ExportBundle, ExportOptions], tuple[bytes, list[str]]]



class ExportUnavailable(LookupError):
    """The format is known but its renderer is not installed in this process (PDF without the GUI toolkit)."""


_renderers: dict[str, Renderer] = {
    "markdown": render_markdown,
    "html": render_html,
    "jsonld": render_jsonld,
    "csv": render_csv,
    "timelinejs": render_timelinejs,
}


_reporting: dict[str, ReportingRenderer] = {}


def register_renderer(name: str, renderer: Renderer | None = None, *,
                      reporting: ReportingRenderer | None = None) -> None:
    """Add a format; a ``reporting`` renderer returns its notices beside the bytes (see :func:`render_reporting`)."""
    if reporting is not None:
        _reporting[name] = reporting
        _renderers[name] = lambda bundle, options: reporting(bundle, options)[0]
    elif renderer is not None:
        _reporting.pop(name, None)
        _renderers[name] = renderer
    else:
        raise TypeError("register_renderer needs a renderer")


def available(name: str) -> bool:
    """Whether this process can write format ``name`` (PDF only once the GUI side has installed its renderer)."""
    return name in _renderers


def renderer(name: str) -> Renderer:
    try:
        return _renderers[name]
    except KeyError:
        if name in FORMATS:
            raise ExportUnavailable(f"the {name} export is not available in this process") from None
        raise ValueError(f"unknown export format {name!r} (known: {', '.join(FORMATS)})") from None


def render(name: str, bundle: ExportBundle, options: ExportOptions | None = None) -> bytes:
    """The document in format ``name``; ``ValueError`` for options the format cannot honour."""
    return render_reporting(name, bundle, options)[0]


def render_reporting(name: str, bundle: ExportBundle,
                     options: ExportOptions | None = None) -> tuple[bytes, list[str]]:
    """The document and the notices a reader should see with it (one line each; empty for most formats)."""
    opts = _checked(name, options)
    if name in _reporting:
        return _reporting[name](bundle, opts)
    return renderer(name)(bundle, opts), []


def _checked(name: str, options: ExportOptions | None) -> ExportOptions:
    opts = options or ExportOptions()
    if opts.brief and name not in BRIEF_FORMATS:
        raise ValueError(f"a brief is written as {', '.join(BRIEF_FORMATS)}, not {name}")
    if opts.group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {opts.group_by!r} (known: {', '.join(GROUPINGS)})")
    if opts.page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {opts.page_size!r} (known: {', '.join(PAGE_SIZES)})")
    if opts.csv_flavor not in CSV_FLAVORS:
        raise ValueError(f"unknown CSV flavour {opts.csv_flavor!r} (known: {', '.join(CSV_FLAVORS)})")
    return opts


__all__ = [
    "BRIEF_FORMATS",
    "EXTENSIONS",
    "FORMATS",
    "ExportBundle",
    "ExportOptions",
    "ExportUnavailable",
    "Renderer",
    "ReportingRenderer",
    "available",
    "register_renderer",
    "render",
    "render_reporting",
    "render_brief_markdown",
    "renderer",
]
