"""The ``newsdesk`` command line without a screen (docs/command-line.md).

Sub-commands live in small modules that register themselves on the parser; each prints JSON lines to stdout and
one-line reasons to stderr. A user error never shows a traceback and always exits non-zero; in a batch, a bad
file is reported and the rest still processed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

Handler = Callable[[argparse.Namespace], int]

COMMAND_MODULES = (
    "models.cli.articles",
    "models.cli.analysis_commands",
    "models.cli.reanalysis_commands",
    "models.cli.annotation_commands",
    "models.cli.export_commands",
    "models.cli.revision_commands",
    "models.cli.library_commands",
    "models.cli.library_index_commands",
)
EXIT_USER_ERROR = 2
EXIT_PARTIAL = 1
EXIT_STORAGE = 1  # the library could not be used: damaged, read-only, disk full, locked


class UserError(Exception):
    """A problem the user can fix: printed as one line, no traceback."""


_open_libraries: list[Any] = []


def close_when_done(library: Any) -> Any:
    """Remember a library the running command opened, so that :func:`main` closes it (and its connections)."""
    _open_libraries.append(library)
    return library


def emit(obj: Any, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
    stream.flush()


def write_lines(lines: Iterable[str], batch: int = 500) -> None:
    """Encoded JSON lines written ``batch`` at a time (a dossier, a timeline or a list is thousands of lines)."""
    out = sys.stdout
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= batch:
            out.write("\n".join(chunk) + "\n")
            out.flush()
            chunk.clear()
    if chunk:
        out.write("\n".join(chunk) + "\n")
        out.flush()


def complain(message: str) -> None:
    sys.stderr.write(f"newsdesk: {message}\n")
    sys.stderr.flush()


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(prog="newsdesk", description="Read, annotate and analyse news articles.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


# The sub-command names, known without importing their modules: the launcher checks its first argument against
# them on every start of the reader, where building the whole parser would import the store (a test keeps this
# list equal to what the modules register).
COMMANDS = frozenset(
    {"import", "list", "search", "extract", "analyze", "highlight", "annotations", "export", "import-annotations"}
    | {"revisions", "diff"}
    | {"backup", "backups", "restore", "recover", "check"}
    | {"entities", "dossier", "timeline"}
    | {"reanalyze"}
)


def commands() -> set[str]:
    """The sub-commands the parser really registers (slow: imports every command module)."""
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def add_library_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--library",
        metavar="PATH_OR_URL",
        help="library file or database URL (default: NEWSDESK_LIBRARY or the user data folder)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(dash_values(parser, list(sys.argv[1:] if argv is None else argv)))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        return handler(args)
    except UserError as exc:
        # A library problem (damaged, read-only...) is already a whole sentence naming the library: say it as is.
        cause = exc.__context__
        complain(str(cause) if getattr(cause, "complete_message", False) else str(exc))
        return EXIT_USER_ERROR
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a damaged, read-only, full or locked library: one line, not a traceback
        message = explain_failure(exc, args)
        if message is None:
            raise
        complain(message)
        return EXIT_STORAGE
    except KeyboardInterrupt:
        complain("interrupted")
        return 130
    finally:
        while _open_libraries:
            _open_libraries.pop().close()


def explain_failure(exc: BaseException, args: argparse.Namespace) -> str | None:
    """The one line for a storage failure (damage, read-only, full disk, lock) met by any command, or None."""
    from models.store import integrity, location

    library = getattr(args, "library", None)
    path: Path | None = None
    if library is not None or hasattr(args, "library"):
        try:
            path = location.sqlite_path(location.resolve(library))
        except Exception:  # noqa: BLE001 — the explanation must never fail on its own
            path = None
    return integrity.explain(exc, path)


def dash_values(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``--note -1+1``: an option that takes one value takes the next word even when it starts with ``-``
    (argparse would read it as an unknown option), unless that word is one of the command's own options."""
    command = next((a for a in argv if not a.startswith("-")), None)
    options: dict[str, argparse.Action] = {}
    for candidate in parser._actions:
        if isinstance(candidate, argparse._SubParsersAction) and command in candidate.choices:
            options = candidate.choices[command]._option_string_actions
    out: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        action: argparse.Action | None = options.get(word)
        takes_one = action is not None and action.nargs is None and action.option_strings and (
            not isinstance(action, (argparse._StoreConstAction, argparse._StoreTrueAction, argparse._CountAction))
        )
        if takes_one and word.startswith("--") and i + 1 < len(argv):
            value = argv[i + 1]
            if value.startswith("-") and value not in options and value != "--":
                out.append(f"{word}={value}")
                i += 2
                continue
        out.append(word)
        i += 1
    return out
