"""A reading session on the real window, under a virtual X server, driven with the mouse and keyboard by xdotool.

Each step is checked twice: through the library with the command line (what was stored), and on screen against
a stored reference picture, region by region (what the reader sees). Run with NEWSDESK_E2E_UPDATE=1 to rewrite the
references after a deliberate change of the look.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.screen import region_differences, save_reference

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
REFERENCES = Path(__file__).resolve().parent / "references"
UPDATE = os.environ.get("NEWSDESK_E2E_UPDATE") == "1"
QUOTE_A = "Eight days later, Abe tried to find a breakthrough"
QUOTE_B = "The Russian leader appears to find it"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                       reason="end-to-end tests need Xvfb and xdotool (Debian packages: xvfb xdotool)"),
]

SECOND_ARTICLE = """WORLD > Asia

Upper House committee questions the budget

  • January 25, 2019
  • , Tokyo Daily , p. 2

By Test Writer

TOKYO – On Jan. 24, the Upper House committee held a hearing on the budget in Tokyo. Members asked about costs.
"""


class Desktop:
    """The X server, the Newsdesk process and the helpers to drive and inspect them."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.library = tmp / "library.sqlite"
        self.shots = tmp / "shots"
        self.shots.mkdir()
        self.display = self._free_display()
        self.xvfb = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        home = tmp / "home"
        for sub in ("config", "data", "cache"):
            (home / sub).mkdir(parents=True)
        self.env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb", HOME=str(home),
                        XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                        XDG_CACHE_HOME=str(home / "cache"), QT_FONT_DPI="96", NEWSDESK_AUTHOR="E2E Reader",
                        QT_ACCESSIBILITY="0", NO_AT_BRIDGE="1")
        self.env.pop("QT_SCALE_FACTOR", None)
        self._wait(lambda: Path(f"/tmp/.X11-unix/X{self.display[1:]}").exists(), 20, "Xvfb did not start")
        self.app: subprocess.Popen[str] | None = None
        self.window = ""

    @staticmethod
    def _free_display() -> str:
        for n in range(91, 140):
            if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
                return f":{n}"
        raise RuntimeError("no free X display number")

    @staticmethod
    def _wait(check: Any, seconds: float, message: str) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if check():
                return
            time.sleep(0.2)
        raise AssertionError(message)

    # -- the application ---------------------------------------------------------------------------------------

    def command(self, *files: str) -> list[str]:
        return [sys.executable, "-m", "gui.launcher", "--library", str(self.library), *files]

    def start(self, *files: str) -> None:
        log = self.tmp / "newsdesk.log"
        with log.open("a") as out:
            self.app = subprocess.Popen(self.command(*files), cwd=ROOT, env=self.env, stdout=out, stderr=out,
                                        text=True)
        self.window = self._find_window()
        self.xdo("windowmove", self.window, "0", "0")
        self.resize(1440, 900)
        self.xdo("windowfocus", self.window)

    def _find_window(self) -> str:
        found: list[str] = []

        def look() -> bool:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Newsdesk"], env=self.env,
                                 capture_output=True, text=True).stdout.split()
            found[:] = out
            return bool(out)

        self._wait(look, 60, "the Newsdesk window did not appear")
        return found[-1]

    def windows(self, name: str, count: int, seconds: float = 30) -> list[str]:
        """The visible windows whose title contains ``name``, once there are ``count`` of them (oldest first)."""
        found: list[str] = []

        def look() -> bool:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], env=self.env,
                                 capture_output=True, text=True).stdout.split()
            found[:] = [w for w in out if w != self.window]
            return len(found) >= count

        self._wait(look, seconds, f"no {count} window(s) named {name!r}")
        return sorted(found, key=int)

    def xdo(self, *args: str) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, f"xdotool {' '.join(args)}: {result.stderr}"
        return result.stdout

    def key(self, *keys: str) -> None:
        self.xdo("key", "--clearmodifiers", *keys)
        time.sleep(0.4)

    def click(self, x: int, y: int) -> None:
        self.xdo("mousemove", str(x), str(y), "click", "1")
        time.sleep(0.4)

    def drag(self, start: list[int], end: list[int]) -> None:
        self.xdo("mousemove", str(start[0]), str(start[1]), "mousedown", "1")
        time.sleep(0.1)
        for t in (0.3, 0.6, 1.0):  # a real hand moves in steps
            self.xdo("mousemove", str(int(start[0] + (end[0] - start[0]) * t)),
                     str(int(start[1] + (end[1] - start[1]) * t)))
            time.sleep(0.05)
        self.xdo("mouseup", "1")
        time.sleep(0.5)

    def resize(self, width: int, height: int) -> None:
        self.xdo("windowsize", self.window, str(width), str(height))
        self._wait(lambda: self.geometry()[2:] == (width, height), 10, f"the window did not take {width}×{height}")
        time.sleep(1.0)

    def geometry(self, window: str | None = None) -> tuple[int, int, int, int]:
        out = self.xdo("getwindowgeometry", "--shell", window or self.window)
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def at(self, point: list[int]) -> list[int]:
        x, y, _w, _h = self.geometry()
        return [x + point[0], y + point[1]]

    def kill(self) -> None:
        if self.app is not None and self.app.poll() is None:
            os.kill(self.app.pid, signal.SIGKILL)
            self.app.wait(10)

    def close(self) -> None:
        self.kill()
        self.xvfb.terminate()
        try:
            self.xvfb.wait(10)
        except subprocess.TimeoutExpired:
            self.xvfb.kill()

    # -- the library through the command line -------------------------------------------------------------------

    def cli(self, *args: str) -> list[dict[str, Any]]:
        result = subprocess.run([sys.executable, "-m", "gui.launcher", args[0], "--library", str(self.library),
                                 *args[1:]], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    def wait_for(self, check: Any, message: str, seconds: float = 30) -> None:
        self._wait(check, seconds, message)

    # -- the screen ----------------------------------------------------------------------------------------------

    def shot(self, name: str) -> Path:
        x, y, w, h = self.geometry()
        out = self.shots / f"{name}.png"
        env = dict(self.env)
        subprocess.run([sys.executable, "-m", "tests.e2e.screen", "grab", self.display, str(x), str(y), str(w),
                        str(h), str(out)], cwd=ROOT, env=env, check=True, timeout=60)
        return out

    def compare(self, name: str) -> None:
        """The window against its reference picture, region by region."""
        shot = self.shot(name)
        reference = REFERENCES / f"{name}.png"
        if UPDATE or not reference.exists():
            if not UPDATE:
                pytest.fail(f"no reference picture {reference.name}: run with NEWSDESK_E2E_UPDATE=1 to make it")
            save_reference(shot, reference)
            return
        far = [(c, r, round(d, 1)) for c, r, d in region_differences(shot, reference, ignore_bottom=8)
               if d > 14.0]
        assert not far, f"{name}: regions differ from the reference (column, row, mean difference): {far}; see {shot}"


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    d = Desktop(tmp_path)
    try:
        yield d
    finally:
        d.close()


def probe(desktop: Desktop, width: int, height: int) -> dict[str, Any]:
    """Screen points of the quotes, the selection bar and the Preferences' Dark button (tests.e2e.layout_probe)."""
    library = desktop.tmp / "probe.sqlite"
    env = dict(desktop.env, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(desktop.tmp / "probe-config"))
    subprocess.run([sys.executable, "-m", "gui.launcher", "import", "--library", str(library), str(SAMPLE)],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    out = subprocess.run([sys.executable, "-m", "tests.e2e.layout_probe", str(library), str(width), str(height)],
                         cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=300)
    points: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return points


def stored_annotations(desktop: Desktop) -> list[dict[str, Any]]:
    return desktop.cli("annotations")


def test_a_reading_session_with_mouse_and_keyboard(desktop: Desktop) -> None:
    points = probe(desktop, 1440, 900)
    desktop.start(str(SAMPLE))
    desktop.wait_for(lambda: len(desktop.cli("list")) == 1, "the sample was not imported")
    time.sleep(8)  # the analysis (entities, timeline) is shown and the passing status message is gone
    desktop.compare("light-1440")

    # Drag over a sentence and press Ctrl+3 (the third colour, Agreement).
    desktop.drag(desktop.at(points["a_from"]), desktop.at(points["a_to"]))
    desktop.key("ctrl+3")
    desktop.wait_for(lambda: len(stored_annotations(desktop)) == 1, "Ctrl+3 made no highlight")
    [first] = stored_annotations(desktop)
    assert first["exact"] == QUOTE_A and first["color"] == "green" and first["author"] == "E2E Reader"

    # Select another passage and click the blue swatch of the floating bar.
    desktop.drag(desktop.at(points["b_from"]), desktop.at(points["b_to"]))
    desktop.click(*desktop.at(points["bar_blue"]))
    desktop.wait_for(lambda: len(stored_annotations(desktop)) == 2, "the selection bar made no highlight")
    assert {a["exact"]: a["color"] for a in stored_annotations(desktop)}[QUOTE_B] == "blue"

    # Undo takes the last highlight away.
    desktop.click(*desktop.at(points["margin"]))
    desktop.key("ctrl+z")
    desktop.wait_for(lambda: len(stored_annotations(desktop)) == 1, "Ctrl+Z did not undo the highlight")

    # A note typed with a #tag: the tag is a tag of the highlight.
    desktop.drag(desktop.at(points["b_from"]), desktop.at(points["b_to"]))
    desktop.key("ctrl+alt+m")
    desktop.xdo("type", "--delay", "30", "Check the wires #follow-up")
    time.sleep(1.5)
    desktop.click(*desktop.at(points["margin"]))
    desktop.wait_for(lambda: any(a["tags"] == ["follow-up"] for a in stored_annotations(desktop)),
                     "the #tag typed in the note is not a tag")
    noted = next(a for a in stored_annotations(desktop) if a["tags"])
    assert noted["exact"] == QUOTE_B and noted["note"] == "Check the wires #follow-up"

    # Preferences → Dark → Close, live.
    desktop.key("ctrl+comma")
    found: list[str] = []

    def preferences() -> bool:
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Preferences"], env=desktop.env,
                             capture_output=True, text=True).stdout.split()
        found[:] = out
        return bool(out)

    desktop.wait_for(preferences, "Preferences did not open")
    x, y, _w, _h = desktop.geometry(found[-1])
    desktop.click(x + points["prefs_dark"][0], y + points["prefs_dark"][1])
    desktop.xdo("windowfocus", "--sync", found[-1])
    desktop.key("Escape")  # Close
    desktop.wait_for(lambda: not preferences(), "Preferences did not close")
    desktop.xdo("windowfocus", "--sync", desktop.window)
    config = Path(desktop.env["XDG_CONFIG_HOME"])
    desktop.wait_for(lambda: any("dark" in p.read_text() for p in config.rglob("*.conf")), "Dark was not chosen")
    time.sleep(1.0)
    desktop.compare("dark-1440")

    # Every window size.
    desktop.resize(1024, 700)
    desktop.compare("dark-1024")
    desktop.resize(1920, 1080)
    desktop.compare("dark-1920")
    desktop.resize(1440, 900)

    # Export through the dialog: Ctrl+E, Export…, a file name, Enter.
    target = desktop.tmp / "brief.md"
    desktop.key("ctrl+e")
    [export_dialog] = desktop.windows("Export", count=1)
    desktop.xdo("windowfocus", "--sync", export_dialog)
    desktop.key("Return")
    file_dialog = desktop.windows("Export", count=2)[-1]
    desktop.xdo("windowfocus", "--sync", file_dialog)
    desktop.key("ctrl+a")
    desktop.xdo("type", "--delay", "20", str(target))
    desktop.key("Return")
    desktop.wait_for(target.exists, "the export dialog wrote no file", seconds=60)
    assert stat.S_IMODE(target.stat().st_mode) & 0o044, "the export is readable like any saved file"
    exported = target.read_text(encoding="utf-8")
    assert QUOTE_B in exported and "follow-up" in exported
    assert str(SAMPLE.parent) not in exported

    # A second launch with a file hands it to this window and exits.
    second = desktop.tmp / "second.txt"
    second.write_text(SECOND_ARTICLE, encoding="utf-8")
    launch = subprocess.run(desktop.command(str(second)), cwd=ROOT, env=desktop.env, capture_output=True, text=True,
                            timeout=60)
    assert launch.returncode == 0, launch.stderr
    desktop.wait_for(lambda: len(desktop.cli("list")) == 2, "the handed file was not imported")
    assert len(subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "— Newsdesk"], env=desktop.env,
                              capture_output=True, text=True).stdout.split()) == 1, "one window only"

    # kill -9, then start again: everything is still there.
    before = sorted((a["exact"], a["color"], a["note"], tuple(a["tags"])) for a in stored_annotations(desktop))
    desktop.kill()
    desktop.start()
    after = sorted((a["exact"], a["color"], a["note"], tuple(a["tags"])) for a in stored_annotations(desktop))
    assert after == before and len(desktop.cli("list")) == 2
    time.sleep(8)
    desktop.compare("relaunch-1440")
