"""The ``newsdesk`` console entry point.

Sub-commands run the screenless command line in ``models.cli`` without importing Qt (fast, and usable on a
server); anything else opens the reader window. The GUI side installs what only it can offer into the core's
registries — the PDF renderer, Qt's typesetter, loaded only when a PDF is written — before a command runs, and in
the reader when its Export dialog first opens (the export modules are not worth loading before the window is
painted); ``models`` never reaches up for it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

PDF_COMMANDS = frozenset({"export"})  # the commands that may write a PDF


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
        if first in PDF_COMMANDS:  # the other commands never typeset: they do without the export modules
            install_gui_renderers()
        return cli.main(args)
    if (word := mistyped_command(args, cli.COMMANDS)) is not None:
        return _unknown_command(word, cli.COMMANDS)
    return _gui(args)


def install_gui_renderers() -> None:
    """Register the PDF renderer with ``models.export`` when Qt is installed; it imports Qt only to typeset.

    Without PySide6 the format stays unavailable and ``newsdesk export --format pdf`` says so in one line.
    """
    import importlib.util

    if importlib.util.find_spec("PySide6") is None:
        return
    from gui.pdf_export import install

    install()


def mistyped_command(args: list[str], commands: frozenset[str]) -> str | None:
    """The first word given to the reader when it is neither a command nor an existing file or a URL.

    Only a bare word (no folder in it) counts: ``newsdesk backupz`` is a typo, ``newsdesk ~/gone.txt`` a file the
    reader reports as missing.
    """
    i = 0
    while i < len(args):
        word = args[i]
        if word in ("--library", "--screenshot"):
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        if word in commands or "://" in word or "/" in word or os.sep in word or os.path.lexists(word):
            return None
        return word
    return None


def _unknown_command(word: str, commands: frozenset[str]) -> int:
    import difflib

    close = difflib.get_close_matches(word, sorted(commands), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    print(f"newsdesk: {word!r} is neither a command nor an existing file or URL{hint}", file=sys.stderr)
    print("commands: " + ", ".join(sorted(commands)), file=sys.stderr)
    print("newsdesk COMMAND --help tells more; newsdesk [FILE|URL ...] opens the reader", file=sys.stderr)
    return 2


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
    from gui import code_cache

    compiled = code_cache.install()  # the dataclasses' methods compiled at an earlier start, not again
    # The first window is painted from a sqlite3 snapshot before the store is loaded when the library allows it
    # (gui.first_paint; with a file named, when the library holds it already). Read here, before PySide6, whose
    # import hook slows every module imported after it.
    from gui import first_paint  # no Qt

    startup = first_paint.startup_library(ns.library, ns.sources)
    if startup is None:
        _import_before_qt()
    if compiled is not None:
        with compiled.patterns():  # and the regular expressions these modules compile as they are imported
            with compiled.compiling():  # and PySide6's signature support, compiled from source otherwise
                skip_feature_scan()
            from gui.app import run  # the PDF renderer is installed by the Export dialog (gui.export_dialog)
    else:
        skip_feature_scan()
        from gui.app import run

    gc.freeze()
    return run(ns.sources, library=ns.library, screenshot=ns.screenshot, startup=startup)


def skip_feature_scan() -> None:
    """Spare PySide6's import hook the reading of the source of ~170 modules (~30 ms before the first paint).

    Once PySide6 is loaded, every module an ``import`` statement names for the first time has its source read, to
    note whether it uses PySide6 (0: yes, without ``from __feature__ import``) or not (-1); the note only matters
    to a module that selects a feature, which none here does. The answer is known without reading: Newsdesk's own
    modules use PySide6 without features, the standard library and what is loaded before PySide6 do not use it.
    Modules imported later that are not Newsdesk's are answered by name too (-1). Without the hook's (private)
    table and reader nothing changes.
    """
    import PySide6  # noqa: F401 — installs the hook and its table

    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in [*sys.stdlib_module_names, *sys.modules]:
        if not name.startswith(("PySide6", "shiboken", "gui", "models")):
            table.setdefault(name, -1)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for package in ("gui", "models"):
        for folder, _dirs, names in os.walk(os.path.join(root, package)):
            prefix = os.path.relpath(folder, root).replace(os.sep, ".")
            table.setdefault(prefix, 0)
            for name in names:
                if name.endswith(".py") and name != "__init__.py":
                    table.setdefault(f"{prefix}.{name[:-3]}", 0)
    # What is imported later and is not Newsdesk's (SQLAlchemy, spaCy, rapidfuzz: ~300 modules, read while the
    # store and the analysis come up behind the first window) is answered without reading either: -1. A module that
    # selects a feature sets its own entry when it does, whatever the default; and as long as no module selects
    # one, 0 and -1 mean the same.
    feature = sys.modules["shibokensupport.feature"]
    reads = getattr(feature, "_mod_uses_pyside", None)
    if callable(reads) and not getattr(reads, "by_name", False):
        def uses_pyside(module: object) -> bool:
            if str(getattr(module, "__name__", "")).split(".")[0] in ("gui", "models"):
                return bool(reads(module))
            return False

        uses_pyside.by_name = True  # type: ignore[attr-defined]
        setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 — the hook looks it up in its module


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
