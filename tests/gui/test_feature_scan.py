"""gui.launcher.skip_feature_scan: PySide6's import hook is told up front what it would find by reading each module's
source (whether it uses PySide6), so that the start-up does not read ~170 files for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from gui.launcher import skip_feature_scan
skip_feature_scan()
feature = sys.modules["shibokensupport.feature"]
table = feature.pyside_feature_dict
before = set(table)
import gui.app  # noqa: F401 — everything the reader loads before its first paint
import gui.reading_panels  # noqa: F401 — and the docks' panels, built right after it
untold = sorted(n for n in sys.modules if n.split(".")[0] in ("gui", "models") and n not in before)
wrong, told = [], 0
for name, value in table.items():
    module = sys.modules.get(name)
    if module is None or name.startswith(("PySide6", "shiboken")):
        continue
    uses = feature._mod_uses_pyside(module)  # the hook's own reading of the source
    ours = name.split(".")[0] in ("gui", "models")
    told += ours
    # a module using PySide6 must read 0 (no feature selected); one that does not may read either (-1, or 0 for
    # Newsdesk's own: the same for a module that never touches a Qt class)
    if (uses and value != 0) or (not uses and value not in (-1, 0)) or (not uses and not ours and value != -1):
        wrong.append([name, value, uses])
print(json.dumps({"wrong": wrong, "ours": told, "untold": untold, "size": len(table)}))
"""


def test_the_table_says_what_reading_the_sources_would() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["wrong"] == []
    assert seen["untold"] == []  # every gui and models module the window loads was told before it was imported
    assert seen["ours"] > 80
