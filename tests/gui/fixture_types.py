"""Types of the shared GUI fixtures, for the tests' signatures."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from gui.theme import ThemeController
from gui.typefaces import Typefaces

Gui = tuple[QApplication, Typefaces, ThemeController]  # the `gui` fixture: gui.app.configure_application()
