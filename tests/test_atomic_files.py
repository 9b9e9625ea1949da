"""Files that appear whole or not at all: an export or a backup never leaves half a file under its name."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from models.atomic_files import temporary_beside, write_atomically


class _Boom(Exception):
    pass


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.md"
    target.write_bytes(b"the good copy")
    target.chmod(0o640)

    def fail(*args: object) -> None:
        raise _Boom

    monkeypatch.setattr("models.atomic_files.os.replace", fail)
    with pytest.raises(_Boom):
        write_atomically(target, b"new words")
    assert target.read_bytes() == b"the good copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def test_an_overwritten_file_keeps_its_mode_and_a_new_folder_is_made(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640
    deep = tmp_path / "a" / "b" / "export.html"
    write_atomically(deep, b"<p>x</p>")
    assert deep.read_bytes() == b"<p>x</p>" and sorted(p.name for p in deep.parent.iterdir()) == ["export.html"]


def test_temporary_names_are_hidden_beside_their_file_and_never_repeat(tmp_path: Path) -> None:
    target = tmp_path / "library.sqlite"
    names = {temporary_beside(target, ".restoring") for _ in range(50)}
    assert len(names) == 50
    assert all(n.parent == tmp_path and n.name.startswith(".library.sqlite.") and n.name.endswith(".restoring")
               for n in names)
