"""The reader at scale factors 1.5 and 2 (QT_SCALE_FACTOR, a process each) at 1024×700 and 1440×900: the toolbar
keeps Export and the six swatches (or shows its overflow), the header's lines do not overlap, and the Library shows
at least three whole rows. The window is the real one on a library holding several articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
SHOTS = os.environ.get("NEWSDESK_SCALE_SHOTS")  # a folder: the probe's screenshots are kept there to be looked at


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from models.ingest import ingest_file
    from models.store import open_library

    folder = tmp_path_factory.mktemp("scale")
    path = folder / "library.sqlite"
    lib = open_library(str(path))
    try:
        for i in range(5):
            other = folder / f"wire-{i}.txt"
            other.write_text(f"Harbour reopens after storm, part {i + 1}\n\nThe harbour reopened on Monday after a "
                             "week of repairs.\n\nFishing boats returned before dawn.\n", encoding="utf-8")
            lib.import_article(ingest_file(str(other)))
        lib.import_article(ingest_file(str(SAMPLE)))  # the newest: the one the reader opens
    finally:
        lib.close()
    return path


def probe(library: Path, factor: str, width: int, height: int, tmp_path: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=factor, XDG_CONFIG_HOME=str(tmp_path / "c"),
               NEWSDESK_SINGLE_INSTANCE="0")
    env.pop("QT_AUTO_SCREEN_SCALE_FACTOR", None)
    png = str(Path(SHOTS) / f"scale-{factor}-{width}x{height}.png") if SHOTS else ""
    done = subprocess.run([sys.executable, "-m", "tests.e2e.scale_probe", str(library), str(width), str(height),
                           *([png] if png else [])], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.slow
@pytest.mark.parametrize("factor", ["1.5", "2"])
@pytest.mark.parametrize("size", [(1024, 700), (1440, 900)])
def test_the_window_holds_together_at_the_scale_factor(library: Path, factor: str, size: tuple[int, int],
                                                       tmp_path: Path) -> None:
    found = probe(library, factor, *size, tmp_path)
    assert found["device_pixel_ratio"] == pytest.approx(float(factor))
    assert found["export_shown"] or found["overflow_shown"], found
    assert found["swatches_shown"] == 6 or found["overflow_shown"], found
    assert found["header_overlaps"] == [], found["header_lines"]
    assert found["tag_chips_cut"] == [], found
    assert found["library_rows"] == 6
    assert int(found["library_rows_whole"]) >= 3, found  # type: ignore[call-overload]
