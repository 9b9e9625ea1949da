"""The ``newsdesk`` console entry point.

Sub-commands run the screenless command line in ``models.cli`` without importing Qt (fast, and usable on a
server); anything else opens the reader window.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from models import cli

    first = args[2] if len(args) > 2 and args[0] == "--library" else (args[0] if args else None)
    if args and args[0] in ("-h", "--help"):
        cli.build_parser().print_help()
        return 0
    if first is not None and first in cli.COMMANDS:
        if args[0] == "--library":
            args = [args[2], *args[:2], *args[3:]]
        return cli.main(args)
    return _gui(args)


def _gui(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newsdesk", description="Open the Newsdesk reader.")
    parser.add_argument("--library", metavar="PATH_OR_URL")
    parser.add_argument("--screenshot", metavar="PNG", help="open, wait until painted, save a PNG, exit")
    parser.add_argument("sources", nargs="*", metavar="FILE|URL")
    ns = parser.parse_args(args)
    # Start-up allocates a great deal and frees little: the cyclic collector would walk the same young module and
    # class objects some 200 times (~60 ms). It stays off until the window is up (gui.app.run turns it back on);
    # what exists by then is frozen out of its way for good.
    gc.disable()
    _import_before_qt()
    from gui.app import run

    gc.freeze()
    return run(ns.sources, library=ns.library, screenshot=ns.screenshot)


def _import_before_qt() -> None:
    """Import the store (SQLAlchemy), the analysis records and ingest before PySide6.

    Once PySide6 is loaded, its import hook reads the source of every module imported afterwards (to look for
    ``from __feature__ import``); the ~400 modules of SQLAlchemy and the store skip that when they come first.
    All of them are needed before the first article is shown anyway.
    """
    import sqlalchemy.dialects.sqlite  # noqa: F401 — the default library's dialect, loaded by the engine otherwise

    import models.ingest  # noqa: F401
    import models.store  # noqa: F401
    import models.store.analysis_jobs  # noqa: F401
    import models.store.entities  # noqa: F401


if __name__ == "__main__":
    sys.exit(main())
