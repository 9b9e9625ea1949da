"""Newsdesk beside its design mock-ups (../shared/design): light and dark at 1440×900, each after a live switch of
the appearance, the 1024×700 window, and the sample's timeline with its named events.

Run under a real X server from the project root; writes ``docs/design-comparison/*.png`` (mock-up left, Newsdesk
right, both scaled to the same height):

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/compare_with_mockups.py [--design DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
OUT = ROOT / "docs" / "design-comparison"
HIGHLIGHTS = (  # passages of the sample like those the mock-up marks, with their colours and notes
    ("On Jan. 14, the Japanese and Russian foreign ministers met", "green", ""),
    ("Eight days later, Abe tried to find a breakthrough in this stagnation", "yellow",
     "Abe's personal diplomacy with Putin: the 25th meeting."),
    ("due to complicated issues at home", "blue", ""),
    ("hold a foreign ministerial meeting or a vice-ministerial meeting", "purple",
     "Did the February vice-ministerial talks happen? #follow-up"),
    ("it is hard to say that the summit has produced much-expected results", "red", ""),
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--design", type=Path, default=next(
        (p / "shared" / "design" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "design").is_dir()),
        ROOT.parent / "shared" / "design"))
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-compare-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")  # fresh preferences and window state
    os.environ["NEWSDESK_SINGLE_INSTANCE"] = "0"
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QImage, QPainter

    from gui.app import configure_application, open_window, when_settled
    from models.ingest import ingest_file
    from models.store import open_library

    app, faces, theme = configure_application([sys.argv[0]])
    lib = open_library(str(work / "library.sqlite"))
    article_id = lib.import_article(ingest_file(str(SAMPLE))).id
    text = lib.get_article(article_id).article.text
    for quote, colour, note in HIGHLIGHTS:
        start = text.index(quote)
        lib.annotations.add(article_id, start, start + len(quote), color=colour, note=note)
    theme.set_preference("light")
    window = open_window(lib, faces, theme, [], interactive=False)
    window.resize(1440, 900)
    window.show()

    def settle(extra_ms: int = 400) -> None:
        loop = QEventLoop()
        when_settled(window, lambda: QTimer.singleShot(extra_ms, loop.quit))
        loop.exec()

    def side_by_side(mockup: Path, shot: QImage, name: str) -> None:
        design = QImage(str(mockup))
        height = min(900, shot.height(), design.height())
        left = design.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        right = shot.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        gap = 24
        out = QImage(left.width() + gap + right.width(), height, QImage.Format.Format_RGB32)
        out.fill(Qt.GlobalColor.white)
        painter = QPainter(out)
        painter.drawImage(0, 0, left)
        painter.drawImage(left.width() + gap, 0, right)
        painter.end()
        OUT.mkdir(parents=True, exist_ok=True)
        out.save(str(OUT / f"{name}.png"), "PNG", 0)  # quality 0: the smallest PNG
        print(OUT / f"{name}.png")

    settle(800)
    theme.set_preference("dark")  # live, as Edit ▸ Preferences ▸ Dark does
    settle()
    side_by_side(args.design / "newsdesk-mockup-dark.png", window.grab().toImage(), "dark-1440-after-switch")
    theme.set_preference("light")  # and back, live
    settle()
    side_by_side(args.design / "newsdesk-mockup.png", window.grab().toImage(), "light-1440-after-switch")
    timeline = window.reading.timeline_dock.grab().toImage()
    timeline.save(str(OUT / "timeline-sample.png"))
    print(OUT / "timeline-sample.png")
    window.resize(1024, 700)
    settle()
    side_by_side(args.design / "newsdesk-mockup.png", window.grab().toImage(), "light-1024x700")
    window.close()
    lib.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
