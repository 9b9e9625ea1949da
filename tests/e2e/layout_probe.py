"""Where things are in the window, computed by building the very same window offscreen (same library, same size,
bundled fonts, fresh settings): the end-to-end test needs screen points for xdotool, and reading them off the
real window from outside would need an accessibility bus.

    python -m tests.e2e.layout_probe LIBRARY WIDTH HEIGHT  → one JSON object on stdout
"""

from __future__ import annotations

import json
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

QUOTES = {"a": "Eight days later, Abe tried to find a breakthrough", "b": "The Russian leader appears to find it"}


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QPoint, QSize
    from PySide6.QtWidgets import QToolButton

    from gui.app import configure_application, open_window
    from gui.preferences import open_preferences
    from models.store import open_library

    library, width, height = argv[0], int(argv[1]), int(argv[2])
    app, faces, theme = configure_application([sys.argv[0]])
    lib = open_library(library)
    window = open_window(lib, faces, theme, [], interactive=False)
    window.resize(QSize(width, height))
    window.show()
    for _ in range(30):
        app.processEvents()
    view = window.view
    article = view.article()
    assert article is not None
    text = article.text
    out: dict[str, object] = {}

    def window_point(widget: object, point: QPoint) -> list[int]:
        p = widget.mapTo(window, point)  # type: ignore[attr-defined]
        return [p.x(), p.y()]

    for key, quote in QUOTES.items():
        start = text.index(quote)
        end = start + len(quote)
        first = view.cursorRect(view.cursor_for_range(start, start))
        last = view.cursorRect(view.cursor_for_range(end, end))
        out[f"{key}_from"] = window_point(view.viewport(), QPoint(first.left() + 1, first.center().y()))
        out[f"{key}_to"] = window_point(view.viewport(), QPoint(last.left() - 1, last.center().y()))
        out[f"{key}_scroll"] = view.verticalScrollBar().value()
    # The selection bar over quote b, and its blue swatch.
    start = text.index(QUOTES["b"])
    view.select_range(start, start + len(QUOTES["b"]))
    for _ in range(10):
        app.processEvents()
    bar = window.annotations.bar
    swatch = bar.swatches["blue"]
    out["bar_blue"] = window_point(swatch, swatch.rect().center())
    view.select_range(start, start)
    # A quiet point in the page margin (no text, no mark).
    out["margin"] = window_point(view.viewport(), QPoint(12, view.viewport().height() - 12))
    dialog = open_preferences(window)
    for _ in range(10):
        app.processEvents()
    dark = next(b for b in dialog.findChildren(QToolButton) if b.property("appearance") == "dark")
    out["prefs_dark"] = [dark.mapTo(dialog, dark.rect().center()).x(), dark.mapTo(dialog, dark.rect().center()).y()]
    out["prefs_size"] = [dialog.width(), dialog.height()]
    dialog.close()
    print(json.dumps(out))
    window.close()
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
