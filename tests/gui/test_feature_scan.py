"""gui.launcher.skip_feature_scan: PySide6's import hook is told up front what it would find by reading each module's
source (whether it uses PySide6), so that the start-up does not read ~170 files for it, nor the ~300 modules of
the store and the analysis that come up behind the first window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import inspect, json, sys
from gui.launcher import skip_feature_scan
skip_feature_scan()
feature = sys.modules["shibokensupport.feature"]
table = feature.pyside_feature_dict
before = set(table)
read = []
real_getsource = inspect.getsource
def getsource(module):
    read.append(module.__name__)
    return real_getsource(module)
inspect.getsource = getsource
import gui.app  # noqa: F401 — everything the reader loads before its first paint
import gui.reading_panels  # noqa: F401 — and the docks' panels, built right after it
import sqlalchemy.orm, rapidfuzz.fuzz  # noqa: F401, E401 — and what comes up behind the window
import pytestqt.qtbot  # noqa: F401 — a module that uses PySide6 without selecting a feature
inspect.getsource = real_getsource
def uses_pyside(module):  # what the hook finds by reading the source
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False
untold = sorted(n for n in sys.modules if n.split(".")[0] in ("gui", "models") and n not in before)
wrong, told = [], 0
for name, value in table.items():
    module = sys.modules.get(name)
    if module is None or name.startswith(("PySide6", "shiboken")):
        continue
    uses = uses_pyside(module)
    ours = name.split(".")[0] in ("gui", "models")
    told += ours
    # a module using PySide6 must read 0 (no feature selected); one that does not may read either (-1, or 0 for
    # Newsdesk's own: the same for a module that never touches a Qt class)
    # a module that is not Newsdesk's reads -1 either way: as long as no module selects a feature, -1 and 0 are the
    # same, and one that selects a feature sets its own entry
    if (ours and uses and value != 0) or (not uses and value not in (-1, 0)) or (not ours and value != -1):
        wrong.append([name, value, uses])
print(json.dumps({"wrong": wrong, "ours": told, "untold": untold, "size": len(table), "read": read,
                  "pytestqt": table.get("pytestqt.qt_compat")}))
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
    assert seen["read"] == []  # not one source file read for the hook, SQLAlchemy's ~200 modules included
    assert seen["pytestqt"] == -1
