"""Edit ▸ Preferences ▸ Dark (and back) applies at once and completely: the header's lines keep their room, tag
chips are whole, toolbar icons and labels keep their size and weight, the find bar's icons follow the text colour,
and dialog buttons carry no stock icons."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.theme import ThemeController
from models.store import open_library
from tests.gui.fakes import sample_article
from tests.gui.fixture_types import Gui
from tests.gui.test_highlights import make_window

TaggedReader = tuple[MainWindow, ThemeController]  # the window on the tagged sample, the theme

TAGS = ("Diplomacy", "Japan–Russia relations", "Northern Territories", "Peace treaty")


@pytest.fixture
def tagged_reader(qtbot: QtBot, gui: Gui, tmp_path: Path) -> Iterator[TaggedReader]:
    lib = open_library(str(tmp_path / "library.sqlite"))
    article = sample_article()
    article = dataclasses.replace(article, metadata=dataclasses.replace(article.metadata, tags=TAGS))
    article_id = lib.import_article(article).id
    window = make_window(qtbot, gui, lib, article_id)
    yield window, gui[2]
    window.close()
    lib.close()
    gui[2].set_preference("light")


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def chips(window: Any) -> list[QLabel]:
    return [c for c in window.view.header.tags.findChildren(QLabel) if not c.isHidden()]


def geometry(window: Any) -> dict[str, Any]:
    header = window.view.header
    out: dict[str, Any] = {}
    for name, widget in (("meta", header.meta), ("byline", header.byline), ("tags", header.tags),
                         ("header", header)):
        out[name] = widget.geometry().getRect()
    for n, chip in enumerate(chips(window)):
        out[f"chip{n}"] = chip.geometry().getRect()
    for button in window.toolbar.findChildren(QToolButton):
        if button.isVisible() and button.text():
            out[f"tool:{button.text()}"] = (button.iconSize().toTuple(), button.font().weight(),
                                            button.font().pixelSize(), button.sizeHint().toTuple())
    return out


def lines_do_not_overlap(window: Any) -> None:
    header = window.view.header
    boxes = [w.geometry() for w in (header.meta, header.byline, header.tags) if w.isVisible()]
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        assert upper.bottom() < lower.top(), "header lines overlap"
    for w in (header.meta, header.byline):
        assert w.height() >= w.heightForWidth(w.width()), "a header line is cut"
    for chip in chips(window):
        assert chip.height() >= chip.sizeHint().height(), "a tag chip is cut"
        assert chip.geometry().bottom() < header.tags.height()
    assert header.geometry().bottom() <= header.height() + header.y()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_a_live_switch_keeps_every_geometry_of_a_fresh_start(tagged_reader: TaggedReader, scheme: str) -> None:
    window, theme = tagged_reader
    settle()
    first = "light" if scheme == "dark" else "dark"
    theme.set_preference(first)
    settle()
    before = geometry(window)
    lines_do_not_overlap(window)
    assert len([k for k in before if k.startswith("chip")]) == len(TAGS)
    theme.set_preference(scheme)
    settle()
    lines_do_not_overlap(window)
    theme.set_preference(first)
    settle()
    assert geometry(window) == before  # there and back again: nothing moved, shrank or turned bold
    theme.set_preference(scheme)
    settle()
    after = geometry(window)
    for key, value in before.items():
        if key.startswith("tool:"):
            assert after[key] == value, f"{key} changed with the theme"
        else:
            assert after[key] == value, f"{key} moved with the theme"


def test_find_bar_icons_follow_the_theme(tagged_reader: TaggedReader) -> None:
    window, theme = tagged_reader
    theme.set_preference("dark")
    settle()
    window.find_bar.open_bar()
    settle()
    image: QImage = window.find_bar.close_button.icon().pixmap(16, 16).toImage()
    inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
             if image.pixelColor(x, y).alpha() > 128]
    assert inked, "the icon draws something"
    background = QApplication.palette().window().color()
    assert min(c.lightness() for c in inked) - background.lightness() > 60, "light strokes on the dark bar"


class _IconsOnButtons(QProxyStyle):
    """Fusion as it is on a Linux desktop, where dialog buttons get stock icons (offscreen has none)."""

    def styleHint(self, hint: QStyle.StyleHint, option: Any = None, widget: Any = None,
                  returnData: Any = None) -> int:  # QProxyStyle.styleHint
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, returnData)


def test_dialog_buttons_have_no_stock_icons(qapp: QApplication, gui: Gui) -> None:
    app = gui[0]
    app.setStyle(_IconsOnButtons(QStyleFactory.create("Fusion")))
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        hint = box.style().styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None, box)
        assert hint == 0, "the stylesheet takes the icons off whatever the platform's style says"
        assert all(b.icon().isNull() for b in box.buttons())
    finally:
        app.setStyle("Fusion")
