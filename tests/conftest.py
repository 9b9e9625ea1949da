"""Every test runs headless and away from the user's folders and library."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Set before anything imports Qt, and before platformdirs reads the environment.
_HOME = Path(tempfile.mkdtemp(prefix="newsdesk-test-home-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HOME"] = str(_HOME)
for var, sub in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_RUNTIME_DIR", "runtime"),
):
    os.environ[var] = str(_HOME / sub)
    (_HOME / sub).mkdir(mode=0o700, exist_ok=True)
os.environ.pop("NEWSDESK_LIBRARY", None)
os.environ["NEWSDESK_AUTHOR"] = "Test Reader"

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"
