"""What the window's own thread imports to open the reader and build its panels stays light.

The reader imports the Entities and Timeline panels on its own thread, one module a turn of the event loop, after
the article is painted; the date finder (``models.analysis.timex``, some 100 ms of compiling its patterns), spaCy and
SQLAlchemy (the store comes up on a worker thread) must not come with them, or the window freezes for that long.
"""

from __future__ import annotations

import os
import subprocess
import sys

WINDOW_MODULES = ("gui.app", "gui.main_window", "gui.reading_panels", "gui.timeline.view", "gui.timeline.dock",
                  "gui.entities.panel")
HEAVY = ("models.analysis.timex", "models.analysis.pipeline", "spacy", "sqlalchemy")


def test_the_reading_panels_do_not_import_the_analyser_or_the_store() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {WINDOW_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"heavy = sorted(m for m in sys.modules if m.startswith({HEAVY!r}))\n"
        "print(heavy)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout + run.stderr


def test_timeline_labels_still_name_the_author_of_a_quoted_post() -> None:
    from models.analysis.post_signatures import post_author

    text = "Lawmakers reacted at once.\n— Rep. Jane Roe (@janeroe) November 19, 2019\nThe vote followed."
    start = text.index("November")
    assert post_author(text, start, start + len("November 19, 2019")) == "Rep. Jane Roe"
    assert post_author(text, start, start + len("November 19")) is None  # ", 2019" follows: not the line's end
