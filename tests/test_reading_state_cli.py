"""``newsdesk list`` says which articles were read and where the reader left each one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.cli import main
from models.store import open_library


def test_list_shows_read_and_the_position(capsys: pytest.CaptureFixture[str], sample_path: Path,
                                          tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    assert main(["import", "--library", library, "--no-analysis", str(sample_path)]) == 0
    capsys.readouterr()
    assert main(["list", "--library", library]) == 0
    [fresh] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (fresh["read"], fresh["position"]) == (False, 0)
    lib = open_library(library)
    try:
        lib.set_read(fresh["id"])
        lib.set_position(fresh["id"], 1234)
    finally:
        lib.close()
    assert main(["list", "--library", library]) == 0
    [opened] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (opened["read"], opened["position"]) == (True, 1234)
