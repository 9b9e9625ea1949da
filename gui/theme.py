"""Light and dark appearance: the design tokens, a QPalette built from them and the stylesheet.

The scheme follows the system (``QStyleHints.colorScheme`` and its change signal) unless the user chose one in
View ▸ Appearance or Preferences. A chosen scheme is also requested from the platform (``setColorScheme``), so what
Qt and the platform draw themselves (colour and file dialogs, title bars where the platform allows) matches.
Widgets that paint themselves (delegates, the reading view) ask :func:`current_tokens` instead of hard-coding
colours.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from importlib.resources import files
from string import Template

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from gui import settings
from gui.typefaces import Typefaces


@dataclass(frozen=True)
class Tokens:
    dark: bool
    window: str
    panel: str
    surface: str
    border: str
    border_strong: str
    text: str
    text_secondary: str
    text_tertiary: str
    accent: str
    accent_tint: str
    on_accent: str
    selection: str
    find_match: str
    hover: str


LIGHT = Tokens(
    dark=False,
    window="#F4F3EF",
    panel="#FAF9F7",
    surface="#FFFFFF",
    border="#E5E2DB",
    border_strong="#D6D2C9",
    text="#1C1F24",
    text_secondary="#5D626A",
    text_tertiary="#959AA2",
    accent="#1B6E74",
    accent_tint="#E2EFEF",
    on_accent="#FFFFFF",
    selection="#C4E0E1",
    find_match="#FBEDB2",
    hover="#EFEDE8",
)

DARK = Tokens(
    dark=True,
    window="#121315",
    panel="#18191C",
    surface="#1C1D21",
    border="#2A2C31",
    border_strong="#34373D",
    text="#E6E4DF",
    text_secondary="#A6AAB1",
    text_tertiary="#6E737C",
    accent="#5DB8BE",
    accent_tint="#1E3436",
    on_accent="#0F1F20",
    selection="#2B4A4C",
    find_match="#5A4C1E",
    hover="#222327",
)


def palette_for(tokens: Tokens) -> QPalette:
    pal = QPalette()
    c = QColor
    roles = {
        QPalette.ColorRole.Window: tokens.window,
        QPalette.ColorRole.WindowText: tokens.text,
        QPalette.ColorRole.Base: tokens.surface,
        QPalette.ColorRole.AlternateBase: tokens.panel,
        QPalette.ColorRole.Text: tokens.text,
        QPalette.ColorRole.Button: tokens.panel,
        QPalette.ColorRole.ButtonText: tokens.text,
        QPalette.ColorRole.BrightText: tokens.on_accent,
        QPalette.ColorRole.Highlight: tokens.selection,
        QPalette.ColorRole.HighlightedText: tokens.text,
        QPalette.ColorRole.ToolTipBase: tokens.surface,
        QPalette.ColorRole.ToolTipText: tokens.text,
        QPalette.ColorRole.PlaceholderText: tokens.text_tertiary,
        QPalette.ColorRole.Link: tokens.accent,
        QPalette.ColorRole.Light: tokens.surface,
        QPalette.ColorRole.Midlight: tokens.border,
        QPalette.ColorRole.Mid: tokens.border_strong,
        QPalette.ColorRole.Dark: tokens.border_strong,
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Accent: tokens.accent,
    }
    for role, value in roles.items():
        pal.setColor(role, c(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, c(tokens.text_tertiary))
    return pal


def stylesheet_for(tokens: Tokens, faces: Typefaces) -> str:
    template = Template((files("resources.styles") / "newsdesk.qss").read_text(encoding="utf-8"))
    values = {k: v for k, v in asdict(tokens).items() if isinstance(v, str)}
    values["ui_family"] = faces.ui or "sans-serif"
    return template.substitute(values)


_current = LIGHT
_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
_requesting = False  # the scheme change the platform reports back while we request one is ours, not the system's


def current_tokens() -> Tokens:
    return _current


class ThemeController(QObject):
    """Applies the palette and stylesheet, and re-applies them when the system or the user changes scheme."""

    changed = Signal(object)  # Tokens

    def __init__(self, app: QApplication, faces: Typefaces) -> None:
        super().__init__(app)
        self._app = app
        self._faces = faces
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    def preference(self) -> str:
        return settings.APPEARANCE.read()

    def set_preference(self, value: str) -> None:
        settings.APPEARANCE.write(value)
        self.apply()

    def wants_dark(self) -> bool:
        choice = self.preference()
        if choice in ("light", "dark"):
            return choice == "dark"
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark

    def apply(self) -> Tokens:
        global _current
        self._request_scheme(_SCHEMES.get(self.preference(), Qt.ColorScheme.Unknown))
        _current = DARK if self.wants_dark() else LIGHT
        self._app.setPalette(palette_for(_current))
        if self._faces.ui:  # the platform may hand back its own font when the scheme changes: keep the design's
            font = QFont(self._faces.ui)
            font.setPixelSize(13)
            self._app.setFont(font)
        self._app.setStyleSheet(stylesheet_for(_current, self._faces))
        self.changed.emit(_current)
        return _current

    def _request_scheme(self, scheme: Qt.ColorScheme) -> None:
        """Ask the platform for the chosen scheme (Unknown: back to the system's own)."""
        global _requesting
        hints = self._app.styleHints()
        if hints.colorScheme() == scheme and scheme != Qt.ColorScheme.Unknown:
            return
        _requesting = True
        try:
            hints.setColorScheme(scheme)
        finally:
            _requesting = False

    @Slot(Qt.ColorScheme)
    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if not _requesting and self.preference() == "system":
            self.apply()


def section_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A section label of the design: 11 px semibold capitals with +0.8 px tracking (sized by the stylesheet's
    ``SectionLabel`` rule; capitals and tracking are font features, set here)."""
    label = QLabel(text, parent)
    label.setObjectName("SectionLabel")
    font = QFont(label.font())
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
    label.setFont(font)
    return label
