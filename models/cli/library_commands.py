"""``backup``, ``backups``, ``restore``, ``recover`` and ``check``: keeping a SQLite library safe.

These work on the file itself and never create or migrate a library. A damaged library makes them say so with the
backup ``restore`` would use; ``backups`` and ``restore`` still work then, since they are the way out.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from models.cli import UserError, add_library_option, complain, emit

EXIT_DAMAGED = 1
TEXT_COLUMNS = {
    "articles": ["source", "title", "text", "note"],
    "highlights": ["exact", "prefix", "suffix", "note", "author"],
    "tags": ["name"],
    "colors": ["meaning"],
}


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="take a verified backup of the library now")
    add_library_option(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("backups", help="list the backups of the library, newest first (dates and counts)")
    add_library_option(p)
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", help="restore the newest verified backup (or --from FILE), the current file kept")
    add_library_option(p)
    p.add_argument("--from", dest="source", metavar="FILE", help="the backup to restore (default: newest verified)")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("recover", help="bring back what a damaged copy still holds and the library lacks")
    add_library_option(p)
    p.add_argument("--from", dest="source", required=True, metavar="FILE", help="the damaged file set aside")
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser("check", help="check the library file for damage (exit status 1 when damaged)")
    add_library_option(p)
    p.set_defaults(handler=cmd_check)


def library_file(library: str | None) -> Path:
    """The library's file; a PostgreSQL library is refused in one line (these are SQLite-file features)."""
    from models.store import location

    url = location.resolve(library)
    path = location.sqlite_path(url)
    if path is None:
        raise UserError(
            f"{location.display(url)} is not a SQLite library file: backups, restore and the integrity check are "
            "for SQLite files (a PostgreSQL library is kept safe by the server: pg_dump, pg_amcheck)"
        )
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from models.store import backup, integrity, location

    path = library_file(args.library)
    if not path.exists():
        raise UserError(f"there is no library at {location.printable(path)}")
    integrity.preflight(path, thorough=True)  # damage: refused, with the backup restore would use
    try:
        made = backup.make_backup(path, "manual", source_checked=True)
    except backup.BackupError as exc:
        raise UserError(str(exc)) from None
    emit(backup.inspect(made).record())
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from models.store import backup, integrity

    path = library_file(args.library)
    for info in backup.describe(path):
        emit(info.record())
    if path.exists():
        integrity.preflight(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from models.store import location, restore

    path = library_file(args.library)
    source = Path(args.source).expanduser().absolute() if args.source else None
    done = restore.restore(path, source)
    record: dict[str, Any] = {
        "restored": location.printable(path),
        "from": location.printable(done.source.path),
        "taken": done.source.record()["taken"],
        "articles": done.source.articles,
        "highlights": done.source.highlights,
        "previous": location.printable(done.aside) if done.aside else None,
    }
    lib = _open(path)
    if done.aside is not None and done.was_damaged:
        found, offer = restore.recoverable(lib, done.aside)
        record["recoverable"] = offer.record()
        record["unreadable_regions"] = sum(n for n in found.unreadable.values() if n > 0)
        if offer.anything:
            complain(
                f"the damaged file holds {offer.describe()} made after the backup: bring them "
                f"back with `newsdesk recover --library {_q(path)} --from {_q(done.aside)}`"
            )
    emit(record)
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from models.store import location, restore

    path = library_file(args.library)
    source = Path(args.source).expanduser().absolute()
    if not source.is_file():
        raise UserError(f"no such file: {location.printable(source)}")
    lib = _open(path)
    if lib.read_only:
        raise UserError(f"the library {location.printable(path)} is read-only ({lib.read_only}): nothing was changed")
    report = restore.bring_back(lib, source)
    emit({"library": location.printable(path), "from": location.printable(source), **report.record()})
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from models.store import integrity, location

    path = library_file(args.library)
    if not path.exists():
        raise UserError(f"there is no library at {location.printable(path)}")
    try:
        state = integrity.preflight(path, thorough=True)
        bad = integrity.undecodable_rows(path, TEXT_COLUMNS, immutable=state.immutable)
        if bad:
            shown = ", ".join(bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
            raise integrity.LibraryDamaged(path, f"stored text is not valid UTF-8 in {shown}")
    except integrity.LibraryDamaged as exc:
        emit({"library": location.printable(path), "status": "damaged", "reason": exc.reason})
        complain(str(exc))
        return EXIT_DAMAGED
    counts = _counts(path, immutable=state.immutable)
    emit({"library": location.printable(path), "status": "ok", **counts,
          **({"read_only": state.reason} if state.read_only else {})})
    return 0


def _counts(path: Path, *, immutable: bool) -> dict[str, int]:
    import sqlite3

    from models.store import location

    params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    conn = sqlite3.connect(location.sqlite_uri(path, **params), uri=True, timeout=10)
    try:
        return {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("articles", "highlights")}
    finally:
        conn.close()


def _open(path: Path) -> Any:
    from models.cli import close_when_done
    from models.store import open_library

    return close_when_done(open_library(str(path)))


def _q(path: Path) -> str:
    import shlex

    from models.store import location

    return shlex.quote(location.printable(path))
