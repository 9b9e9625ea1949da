"""Screenshots of an X display and their comparison with stored references, region by region.

References are small greyscale PNGs (a quarter of the window's size), so the tolerance absorbs anti-aliasing and
a caret while a moved panel, a cut label or a wrong theme shows as a region far off.

    python -m tests.e2e.screen grab DISPLAY X Y W H OUT.png   (run with QT_QPA_PLATFORM=xcb)
"""

from __future__ import annotations

import sys
from pathlib import Path

SCALE = 4
GRID = (6, 4)  # columns, rows
TOLERANCE = 14.0  # mean absolute grey difference (0–255) allowed in a region


def grab(x: int, y: int, w: int, h: int, out: str) -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0]])
    screen = app.primaryScreen()
    pixmap = screen.grabWindow(0, x, y, w, h)
    return 0 if pixmap.save(out) else 1


def small_grey(path: Path, size: tuple[int, int]) -> list[list[int]]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    image = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return [[image.pixelColor(x, y).value() for x in range(image.width())] for y in range(image.height())]


def save_reference(shot: Path, reference: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(str(shot)).convertToFormat(QImage.Format.Format_Grayscale8)
    image = image.scaled(image.width() // SCALE, image.height() // SCALE, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    reference.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(reference))


def region_differences(shot: Path, reference: Path, ignore_bottom: int = 0) -> list[tuple[int, int, float]]:
    """(column, row, mean difference) of every region of the grid; ``ignore_bottom`` reference pixels (the
    status bar, whose passing messages come and go) are left out."""
    from PySide6.QtGui import QImage

    ref = QImage(str(reference))
    size = (ref.width(), ref.height())
    a = small_grey(shot, size)
    b = small_grey(reference, size)
    height = size[1] - ignore_bottom
    out = []
    cols, rows = GRID
    for r in range(rows):
        for c in range(cols):
            x0, x1 = c * size[0] // cols, (c + 1) * size[0] // cols
            y0, y1 = r * height // rows, (r + 1) * height // rows
            total = sum(abs(a[y][x] - b[y][x]) for y in range(y0, y1) for x in range(x0, x1))
            out.append((c, r, total / max(1, (x1 - x0) * (y1 - y0))))
    return out


if __name__ == "__main__":
    if sys.argv[1] == "grab":
        x, y, w, h = (int(v) for v in sys.argv[3:7])
        sys.exit(grab(x, y, w, h, sys.argv[7]))
    sys.exit(2)
