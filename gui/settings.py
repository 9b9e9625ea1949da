"""Every persisted setting, declared once with its type and default.

User preferences (zoom, appearance, recent files) and saved window state (geometry, dock layout) live under
separate groups so that "reset layout" can never lose a preference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

MAX_RECENT = 10


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T

    def read(self, store: QSettings | None = None) -> T:
        store = store or QSettings()
        value: Any = store.value(self.key, self.default)
        if value is None:
            return self.default
        if self.type is list:
            # QSettings (INI) returns a bare string for a one-item list and None for an empty one.
            return list(value) if isinstance(value, (list, tuple)) else [value]  # type: ignore[return-value]
        if self.type is bool:  # INI files give back "true" / "false"
            return (value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes"))  # type: ignore[return-value]
        if self.type in (float, int):
            try:
                return self.type(value)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return self.default
        if self.type is QByteArray:
            return value if isinstance(value, QByteArray) else self.default  # type: ignore[return-value]
        return value  # type: ignore[no-any-return]

    def write(self, value: T, store: QSettings | None = None) -> None:
        store = store or QSettings()
        if store.contains(self.key) and self.read(store) == value:
            return  # unchanged: no rewrite of the settings file (a sync costs ~15 ms, e.g. on the first paint's path)
        store.setValue(self.key, value)


# Preferences
TEXT_ZOOM: Setting[float] = Setting("preferences/text_zoom", float, 1.0)
APPEARANCE: Setting[str] = Setting("preferences/appearance", str, "system")  # system | light | dark
AUTHOR: Setting[str] = Setting("preferences/author", str, "")  # empty: NEWSDESK_AUTHOR, else the login name
RECENT_FILES: Setting[list[str]] = Setting("preferences/recent_files", list, [])
LAST_FOLDER: Setting[str] = Setting("preferences/last_folder", str, "")
# articles an earlier analyser version read are analysed again once the window is open (gui.library_refresh)
REFRESH_IN_BACKGROUND: Setting[bool] = Setting("preferences/refresh_in_background", bool, True)

# Window state
WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray())
LAST_ARTICLE: Setting[int] = Setting("window/last_article", int, 0)
# the Notes panel's minimum width when it was last built: its dock keeps that room until the panel is built on first
# show (gui.annotations.feature); 0: never built here, so it is built with the window
NOTES_MIN_WIDTH: Setting[int] = Setting("window/notes_min_width", int, 0)
# the Entities and Timeline panels' minimum sizes when they were last built ("entities=263x150;timeline=944x137"):
# their docks keep that room while the panels are built after the first paint (gui.main_window)
READING_MIN_SIZES: Setting[str] = Setting("window/reading_min_sizes", str, "")


def parse_sizes(text: str) -> dict[str, tuple[int, int]]:
    """``READING_MIN_SIZES`` read back; anything malformed is left out."""
    sizes: dict[str, tuple[int, int]] = {}
    for part in str(text).split(";"):
        name, _, size = part.partition("=")
        width, _, height = size.partition("x")
        if name and width.isdigit() and height.isdigit():
            sizes[name] = (int(width), int(height))
    return sizes


def remember_recent(entry: str) -> list[str]:
    """Put a file or URL first in the recent list (no duplicates, at most MAX_RECENT) and return the list."""
    entries = [e for e in RECENT_FILES.read() if e != entry]
    entries.insert(0, entry)
    del entries[MAX_RECENT:]
    RECENT_FILES.write(entries)
    return entries


# Export dialog (choices remembered between exports; booleans kept as 0 / 1)
EXPORT_FORMAT: Setting[str] = Setting("preferences/export_format", str, "markdown")  # a format choice of the dialog
EXPORT_BRIEF: Setting[int] = Setting("preferences/export_brief", int, 0)
EXPORT_GROUP_BY: Setting[str] = Setting("preferences/export_group_by", str, "position")
EXPORT_PAGE_SIZE: Setting[str] = Setting("preferences/export_page_size", str, "a4")
EXPORT_FULL_TEXT: Setting[int] = Setting("preferences/export_full_text", int, 0)
EXPORT_FOLDER: Setting[str] = Setting("preferences/export_folder", str, "")
