"""Fusion with the few hints the design changes: dialog buttons are words ("OK", "Cancel") without the old stock
icons Fusion puts on them on Linux."""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleHintReturn, QStyleOption, QWidget


class NewsdeskStyle(QProxyStyle):
    def __init__(self) -> None:
        base = QStyleFactory.create("Fusion") if "Fusion" in QStyleFactory.keys() else None
        super().__init__(base) if base is not None else super().__init__()

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None, widget: QWidget | None = None,
                  returnData: QStyleHintReturn | None = None) -> int:  # QProxyStyle.styleHint
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)
