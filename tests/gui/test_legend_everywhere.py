"""A colour changed in Preferences is the colour everywhere: the reader's highlight, the dots of the library list,
the dossier and an export all read the library's legend (the defaults are declared once, in models.store.records).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from gui.annotations.colors import light_background_for
from gui.import_jobs import ImmediatePool
from gui.library_model import Role
from gui.main_window import MainWindow
from gui.preferences import PreferencesDialog
from models.export import render
from models.export.selection import Selection, collect
from models.ingest import ingest_file
from models.store import open_library

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
OLD, NEW = "#E0564F", "#0A7F5A"  # the default "Disputed" red, and the reader's own green for it


@pytest.fixture
def reader(qtbot, gui, tmp_path: Path):  # type: ignore[no-untyped-def]
    _app, faces, theme = gui
    lib = open_library(str(tmp_path / "lib.sqlite"))
    article_id = lib.import_article(ingest_file(str(SAMPLE))).id
    window = MainWindow(lib, faces, theme, pool=ImmediatePool())
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.reading.analysis_shown, timeout=60000):
        window.open_article(article_id)
    yield window, lib, article_id
    window.close()
    lib.close()


def _near(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _pixels(image: QImage, rects: list[tuple[int, int, int, int]] | None = None) -> Counter[str]:
    boxes = rects or [(0, 0, image.width(), image.height())]
    seen: Counter[str] = Counter()
    for left, top, width, height in boxes:
        for x in range(max(0, left), min(image.width(), left + width)):
            for y in range(max(0, top), min(image.height(), top + height)):
                seen[image.pixelColor(x, y).name().upper()] += 1
    return seen


def _has(seen: Counter[str], color: str) -> bool:
    return any(_near(QColor(name), QColor(color), 3) for name in seen)


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")
def test_a_colour_changed_in_preferences_shows_in_the_reader_the_list_the_dossier_and_an_export(
        reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.entities.dossier import DossierView

    window, lib, article_id = reader
    text = window.view.article().text
    start = text.index("Sergey Lavrov")
    record = window.annotations.controller.highlight(article_id, start, start + len("Sergey Lavrov"), "red")
    qtbot.waitUntil(lambda: window.library_panel.model.index(0, 0).data(Role.COLORS) == ["red"], timeout=10000)
    list_view = window.library_panel.list
    assert _has(_pixels(list_view.viewport().grab().toImage()), OLD)  # the row's dot, in the default red

    prefs = PreferencesDialog(window)
    qtbot.addWidget(prefs)
    with qtbot.waitSignal(window.annotations.controller.legend_changed):
        prefs.recolor("red", NEW)  # what the colour editor of Preferences asks when a swatch is picked
    assert next(c for c in lib.annotations.colors() if c.key == "red").swatch.upper() == NEW

    # the reader: the highlight is painted in the new colour's background
    window.view.scroll_to(start)
    window.view.viewport().repaint()
    rects = [r.toRect() for r in window.annotations.marks.viewport_rects(record.id)]
    assert rects
    shot = window.view.viewport().grab().toImage()
    ratio = shot.devicePixelRatio()
    painted = _pixels(shot, [(int(r.x() * ratio), int(r.y() * ratio), int(r.width() * ratio),
                              int(r.height() * ratio)) for r in rects])
    fill = painted.most_common(1)[0][0]
    assert _near(QColor(fill), QColor(light_background_for(NEW))), (fill, light_background_for(NEW))

    # the library list: the row's dot
    qtbot.waitUntil(lambda: window.library_panel.model.index(0, 0).data(Role.SWATCHES) == [NEW], timeout=10000)
    list_view.viewport().repaint()
    dots = _pixels(list_view.viewport().grab().toImage())
    assert _has(dots, NEW) and not _has(dots, OLD)

    # the dossier of the highlighted entity: its highlight's bar
    panel = window.reading.entities
    assert panel.select_entity("Sergey Lavrov")
    panel.dossier_button.click()
    qtbot.waitUntil(lambda: any(v.isVisible() for v in window.findChildren(DossierView)), timeout=30000)
    view = next(v for v in window.findChildren(DossierView) if v.isVisible())
    qtbot.addWidget(view)
    html = view.body.toHtml().upper()
    assert "SERGEY LAVROV" in html and NEW in html and OLD not in html

    # an export
    page = render("html", collect(lib, Selection((article_id,)))).decode("utf-8").upper()
    assert NEW in page and OLD not in page
