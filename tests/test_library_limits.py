"""A read-only library opens for reading; a full disk and a locked library are one clear line each, with nothing
changed and no partial files (issue 17)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gui.launcher import main
from models.store import backup, engine
from tests.test_library_safety import fill, stray_files


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """The folder made read-only for this process: permission bits, or (as root, who ignores them) a read-only
    bind mount; skipped where neither is possible."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True, check=False).returncode:
        pytest.skip("running as root without the right to make a read-only bind mount")
    try:
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, check=False)
        if done.returncode:
            pytest.skip("cannot remount read-only")
        yield
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def test_a_library_in_a_read_only_folder_opens_for_reading_and_refuses_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    folder = tmp_path / "shelf"
    path = folder / "library.sqlite"
    fill(path, articles=3)
    backup.make_backup(path, "manual")
    before = digest(path)
    lib_arg = ("--library", str(path))
    with read_only_folder(folder):
        code, out, err = run(capsys, "list", *lib_arg)
        assert code == 0, err
        assert len(out) == 3 and err == ""
        code, out, err = run(capsys, "search", *lib_arg, "Lavrov")
        assert code == 0 and out
        code, out, err = run(capsys, "check", *lib_arg)
        assert code == 0 and out[0]["read_only"] == "its folder is read-only"
        code, _, err = run(capsys, "highlight", *lib_arg, "--article", "1", "--quote", "Moscow")
        assert code != 0 and "read-only" in err and "nothing was changed" in err
        assert len(err.strip().splitlines()) == 1
        code, _, err = run(capsys, "import", "--no-analysis", *lib_arg, str(sample_path))
        assert code != 0 and "read-only" in err
        code, _, err = run(capsys, "backup", *lib_arg)
        assert code != 0 and "cannot be written" in err and len(err.strip().splitlines()) == 1
    assert digest(path) == before
    assert sorted(os.listdir(folder)) == ["library.sqlite", "library.sqlite.backups"]


def test_a_full_library_refuses_the_write_in_one_line_and_keeps_what_it_had(
    library_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The disk is simulated full with SQLite's max_page_count (the database may not grow a page more)."""
    fill(library_path, articles=2)
    pages = sqlite3.connect(library_path).execute("PRAGMA page_count").fetchone()[0]
    real = engine._sqlite_pragmas

    def capped(dbapi_conn: Any, record: Any) -> None:
        real(dbapi_conn, record)
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 1}")

    monkeypatch.setattr(engine, "_sqlite_pragmas", capped)
    big = tmp_path / "long.txt"
    big.write_text("Abe met Putin in Moscow.\n\n" + "A long paragraph about the summit talks. " * 20_000, "utf-8")
    code, _, err = run(capsys, "import", "--no-analysis", "--library", str(library_path), str(big))
    assert code != 0 and "is full" in err and "nothing was changed" in err
    assert len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "list", "--library", str(library_path))
    assert len(out) == 2
    assert stray_files(library_path.parent) == []


@pytest.mark.slow
def test_a_full_disk_gives_one_line_and_no_partial_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A real full disk: a 2 MB tmpfs filled up (root only; skipped elsewhere)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True, check=False
    ).returncode:
        pytest.skip("needs root and tmpfs to simulate a full disk")
    try:
        path = mount / "library.sqlite"
        fill(path, articles=8)
        backup.make_backup(path, "manual")
        filler = mount / "filler"
        with open(filler, "wb") as handle, contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        before = digest(path)
        code, _, err = run(capsys, "backup", "--library", str(path))
        assert code != 0 and "is full" in err and len(err.strip().splitlines()) == 1
        assert [p.name for p in backup.backup_dir(path).iterdir() if not p.name.endswith(".sqlite")] == []
        assert len(backup.backups(path)) == 1
        code, _, err = run(capsys, "highlight", "--library", str(path), "--article", "3", "--quote", "Moscow",
                           "--note", "x" * 200_000)
        assert code != 0 and "full" in err and len(err.strip().splitlines()) == 1
        filler.unlink()
        assert digest(path) == before
        code, out, _ = run(capsys, "check", "--library", str(path))
        assert code == 0 and out[0]["highlights"] == 16
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True, check=False)


def test_a_locked_library_is_one_line_and_nothing_changes(
    library_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(library_path, articles=2)
    backup.make_backup(library_path, "manual")
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(library_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        code, _, err = run(capsys, "highlight", "--library", str(library_path), "--article", "1", "--quote", "Moscow")
        assert code != 0 and "locked by another program" in err and len(err.strip().splitlines()) == 1
        code, out, _ = run(capsys, "list", "--library", str(library_path))
        assert code == 0 and len(out) == 2  # readers are not kept waiting
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    code, out, _ = run(capsys, "annotations", "--library", str(library_path))
    assert len(out) == 4
