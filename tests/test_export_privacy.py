"""An exported document is handed on: it names the source by its web address, never by the folders of the
reader's disk; and it is an ordinary file (the umask decides, as for any file the reader saves)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.cli import main
from models.export import ExportOptions, render
from models.export.selection import Selection, collect
from tests.fixtures.export_samples import annotated_library

LOCAL_FOLDERS = "/home/reader/notes"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize("brief", [False, True])
def test_headers_do_not_print_the_local_path_of_a_source(tmp_path: Path, fmt: str, brief: bool) -> None:
    lib, web, local = annotated_library(tmp_path / "lib.sqlite")
    try:
        out = render(fmt, collect(lib, Selection((web, local))), ExportOptions(brief=brief)).decode()
    finally:
        lib.close()
    assert "Council notes" in out  # the local article is there, by its title
    assert LOCAL_FOLDERS not in out and "council.txt" not in out
    assert "https://" in out  # the web article keeps its address


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_an_export_file_gets_the_mode_of_the_umask(tmp_path: Path, cli_libraries_closed: None, mask: int,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    annotated_library(tmp_path / "lib.sqlite")[0].close()
    out = tmp_path / "brief.md"
    old = os.umask(mask)
    try:
        assert main(["export", "--library", str(tmp_path / "lib.sqlite"), "--format", "markdown", "--all",
                     "--brief", "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
