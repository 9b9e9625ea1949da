"""The ``newsdesk`` console entry point.

Sub-commands run the screenless command line in ``models.cli`` without importing Qt (fast, and usable on a
server); anything else opens the reader window.
"""

from __future__ import annotations

import argparse
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
    from gui.app import run

    return run(ns.sources, library=ns.library, screenshot=ns.screenshot)


if __name__ == "__main__":
    sys.exit(main())
