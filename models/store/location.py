"""Where the library lives: ``--library``, else ``NEWSDESK_LIBRARY``, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "NEWSDESK_LIBRARY"
FILE_NAME = "library.sqlite"


def resolve(library: str | None = None) -> str:
    """A SQLAlchemy URL for the library given on the command line, in the environment, or the default."""
    chosen = library or os.environ.get(ENV_VAR) or str(default_path())
    if "://" in chosen:
        return chosen
    path = Path(chosen).expanduser()
    if path.is_dir() or chosen.endswith(("/", os.sep)):
        path = path / FILE_NAME
    return f"sqlite:///{path.resolve()}"


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("Newsdesk", appauthor=False)) / FILE_NAME


def display(url: str) -> str:
    """The location as a person would read it (path for SQLite, URL without password otherwise)."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
