"""Every hostile file through ``newsdesk extract``, ``import`` and ``analyze``, each in a child process: a success or a
one-line reason, within 60 s and 2 GB, no traceback, and on refusal the library exactly as it was.

The corpus is generated (``tests/adversarial_corpus.py``); ``benchmarks/adversarial.py`` prints its table.

Ingest and analysis are asserted alike: a text of megabytes is read within the limits and its analysis is bounded by
the time budget of ``models.analysis`` (a partial analysis that says how much it read).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from adversarial_corpus import CASES, MB, Case, can_bind_by_modes, library_snapshot, run_command, seed_library

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-adversarial-"))
    seed = folder / "seed.txt"
    seed.write_text("Harbour reopens\n\nThe ferry will run again from Friday, the council said on Monday.\n")
    seed_library(folder / "library.sqlite", seed)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_is_refused_in_one_line_or_read_within_limits(case: Case, workspace: Path) -> None:
    folder = workspace / case.name
    folder.mkdir()
    library = workspace / "library.sqlite"
    if case.bound_by_modes and os.geteuid() == 0 and not can_bind_by_modes():
        pytest.skip("running as root, which reads any file whatever its mode, and unable to drop that privilege")
    try:
        path = case.make(folder)
        before = library_snapshot(library)
        extract = run_command(case, "extract", path, library, folder)
        assert not extract.verdict(), f"{case.name}: extract: {extract.verdict()}"
        if case.name == "unreadable":
            assert extract.refused and "permission denied" in extract.stderr, extract.stderr

        analyze = run_command(case, "analyze", path, library, folder)
        assert not analyze.verdict(), (
            f"{case.name}: analyze: {analyze.verdict()} after {analyze.seconds:.0f} s, "
            f"peak {analyze.peak_bytes / MB:.0f} MB"
        )
        assert analyze.refused == extract.refused, (analyze.stderr, extract.stderr)

        imported = run_command(case, "import", path, library, folder)
        assert not imported.verdict(), f"{case.name}: {imported.command}: {imported.verdict()}"
        assert imported.refused == extract.refused, (imported.stderr, extract.stderr)
        after = library_snapshot(library)
        if imported.refused:
            assert after == before, f"{case.name}: a refused import changed the library"
        else:
            assert set(before) <= set(after), f"{case.name}: an import changed what the library held"
            assert len(imported.stdout.splitlines()) == 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # the big files go as soon as their case is done
