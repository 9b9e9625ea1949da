"""Library paths are used as written: ``#``, ``?``, ``%``, spaces, non-ASCII and bytes that are not UTF-8 name the
file they say, which holds the data, and so do its backups (issue 17)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from gui.launcher import main
from models.store import backup, location

NAMES = [
    "we#ird.sqlite",
    "what?mode=ro.sqlite",
    "100%25 sure%.sqlite",
    "with  spaces .sqlite",
    "naïve – 日本.sqlite",
    os.fsdecode(b"caf\xe9-latin1.sqlite"),
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.mark.parametrize("name", NAMES, ids=["hash", "question", "percent", "spaces", "non-ascii", "not-utf8"])
def test_odd_library_paths_hold_their_data_and_their_backups_do_too(
    name: str, tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "dir #1 ?x=%20"
    path = folder / name
    lib_arg = ("--library", str(path))
    code, out, err = run(capsys, "import", "--no-analysis", *lib_arg, str(sample_path))
    assert code == 0, err
    code, out, err = run(capsys, "highlight", *lib_arg, "--article", "1", "--quote", "Putin", "--note", "n")
    assert code == 0, err
    code, out, err = run(capsys, "backup", *lib_arg)
    assert code == 0, err
    assert (out[0]["articles"], out[0]["highlights"]) == (1, 1) and out[0]["verified"]

    assert sorted(os.listdir(tmp_path)) == [folder.name]  # nothing made beside the folder (no "/x/we")
    entries = sorted(e for e in os.listdir(folder) if e not in (name + "-wal", name + "-shm"))
    assert entries == sorted([name, name + ".backups"]), entries
    conn = sqlite3.connect(os.fsencode(path))  # the file with exactly that name holds the data
    try:
        assert conn.execute("SELECT count(*) FROM highlights").fetchone() == (1,)
    finally:
        conn.close()
    kept = backup.backups(path)
    assert kept and all(backup.inspect(p, thorough=True).articles == 1 for p in kept)
    assert backup.inspect(kept[-1]).highlights == 1
    assert out[0]["path"] == location.printable(kept[-1])

    code, out, _ = run(capsys, "list", *lib_arg)
    assert code == 0 and [a["highlights"] for a in out] == [1]
    url = location.resolve(str(path))  # the URL handed to the analysis worker names the same file
    assert location.resolve(url) == url and location.sqlite_path(url) == path
    code, out, _ = run(capsys, "check", *lib_arg)
    assert code == 0 and out[0]["status"] == "ok" and out[0]["library"] == location.printable(path)


def test_sqlite_uris_escape_every_special_byte(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"a#b?c%d e\xff.sqlite")
    uri = location.sqlite_uri(path, mode="ro")
    assert uri.endswith("a%23b%3Fc%25d%20e%FF.sqlite?mode=ro")
    assert location.printable(path).endswith("a#b?c%d e\\xff.sqlite")


def test_a_sqlite_url_written_by_the_user_still_works(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    assert location.resolve(f"sqlite:///{path}") == f"sqlite:///{path}"
    assert location.sqlite_path(location.resolve(f"sqlite:///{path}")) == path
