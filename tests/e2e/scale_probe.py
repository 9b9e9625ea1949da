"""The reader's layout at one window size under the scale factor of the environment (QT_SCALE_FACTOR), measured in
the very window a person sees: which toolbar items show, where the header's lines are, how many library rows fit.

    QT_SCALE_FACTOR=2 python -m tests.e2e.scale_probe LIBRARY WIDTH HEIGHT [PNG]  → one JSON object on stdout
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget

    from gui.app import configure_application, open_window, when_settled
    from models.store import open_library

    library, width, height = argv[0], int(argv[1]), int(argv[2])
    png = argv[3] if len(argv) > 3 else None
    app, faces, theme = configure_application([sys.argv[0]])
    lib = open_library(library)
    window = open_window(lib, faces, theme, [], interactive=False)
    window.resize(QSize(width, height))
    window.show()
    out: dict[str, object] = {}

    def inside(widget: QWidget, area: QWidget) -> bool:
        """Shown, and wholly within ``area`` (in window coordinates)."""
        if not widget.isVisible():
            return False
        box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        outer = QRect(area.mapTo(window, area.rect().topLeft()), area.size())
        return outer.contains(box)

    def measure() -> None:
        bar = window.toolbar
        swatches = window.annotations.swatches
        export = bar.findChild(QToolButton, "ExportButton")
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        out["device_pixel_ratio"] = window.devicePixelRatioF()
        out["window"] = [window.width(), window.height()]
        out["export_shown"] = export is not None and inside(export, bar)
        out["swatches_shown"] = sum(inside(b, bar) for b in swatches.buttons.values())
        out["overflow_shown"] = extension is not None and extension.isVisible()
        header = window.view.header
        lines = [w for w in (header.kicker, header.meta, header.byline, header.note, header.revisions, header.tags)
                 if w.isVisible() and w.height() > 0]
        boxes = [(w.objectName() or "tags", w.mapTo(window.view.viewport(), w.rect().topLeft()).y(), w.height())
                 for w in lines]
        out["header_lines"] = boxes
        out["header_overlaps"] = [
            [a[0], b[0]] for i, a in enumerate(sorted(boxes, key=lambda t: t[1])) for b in
            sorted(boxes, key=lambda t: t[1])[i + 1:] if b[1] < a[1] + a[2]
        ]
        chips = [c for c in header.tags.findChildren(QLabel) if c.isVisible()]
        out["tag_chips_cut"] = [c.text() for c in chips if not header.tags.rect().contains(c.geometry())]
        view = window.library_panel.list
        port = view.viewport().rect()
        model = view.model()
        rows = [view.visualRect(model.index(r, 0)) for r in range(model.rowCount())]
        out["library_rows_whole"] = sum(1 for box in rows if box.top() >= port.top() and box.bottom() <= port.bottom())
        out["library_rows"] = model.rowCount()
        out["title_top"] = window.view.document().documentLayout().blockBoundingRect(
            window.view.document().firstBlock()).top()
        if png:
            window.grab().save(png)
        print(json.dumps(out))
        window.close()
        app.quit()

    when_settled(window, measure)
    app.exec()
    lib.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
