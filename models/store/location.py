"""Where the library lives: ``--library``, else ``NEWSDESK_LIBRARY``, else the platform's user data folder.

A SQLite library is identified by ``sqlite:///`` followed by its absolute path exactly as written: the path is never
parsed as a URL (``#``, ``?`` and ``%`` are ordinary characters in a file name) and becomes a SQLite URI only
through :func:`sqlite_uri`, which percent-escapes every byte of it (names that are not UTF-8 included).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, urlencode

import platformdirs

ENV_VAR = "NEWSDESK_LIBRARY"
FILE_NAME = "library.sqlite"
SQLITE_PREFIX = "sqlite:///"


def resolve(library: str | None = None) -> str:
    """A SQLAlchemy URL for the library given on the command line, in the environment, or the default."""
    chosen = library or os.environ.get(ENV_VAR) or str(default_path())
    if chosen.lower().startswith(SQLITE_PREFIX):
        rest = chosen[len(SQLITE_PREFIX) :]
        if os.path.isabs(rest) and (os.path.lexists(rest) or os.path.isdir(os.path.dirname(rest))):
            chosen = rest  # the form this function returns (handed to the analysis worker): the path as written
        else:
            from sqlalchemy.engine import make_url

            database = make_url(chosen).database  # a URL the user wrote: its own escaping rules apply
            if not database or database == ":memory:":
                return chosen
            chosen = database
    elif "://" in chosen:
        return chosen
    path = Path(chosen).expanduser()
    if path.is_dir() or chosen.endswith(("/", os.sep)):
        path = path / FILE_NAME
    return SQLITE_PREFIX + str(path.resolve())


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("Newsdesk", appauthor=False)) / FILE_NAME


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite library URL made by :func:`resolve` (None for a server or an in-memory database)."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    rest = url[len(SQLITE_PREFIX) :]
    return Path(rest) if rest and rest != ":memory:" else None


def sqlite_uri(path: Path | str, **params: str) -> str:
    """``file:`` URI of a path for ``sqlite3.connect(..., uri=True)``, every special byte percent-escaped."""
    raw = os.fsencode(os.path.abspath(path))
    uri = "file:" + quote(raw, safe="/")
    return uri + ("?" + urlencode(params) if params else "")


def printable(path: Path | str) -> str:
    """A path as text that can be printed or put in JSON: bytes that are not UTF-8 shown as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def display(url: str) -> str:
    """The location as a person would read it (path for SQLite, URL without password otherwise)."""
    if url.startswith(SQLITE_PREFIX):
        return url[len(SQLITE_PREFIX) :]
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
