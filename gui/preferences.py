"""Preferences: the reader's name on annotations, appearance, text size, the highlight colours and the library.

Every change applies at once, as on the platforms' own settings windows (no OK / Cancel): the name and text size
are settings, the appearance goes through the window's ThemeController, and the colours go through the legend
operation (:mod:`gui.operations.annotations`), so a rename here is one undo step in Edit ▸ Undo exactly like a rename
in the legend, and the legend, marks, swatches, menus and this page refresh from the window's ``changed``
broadcast. Backups run off the GUI thread, on the window's runner.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSlider,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui import settings
from gui.annotations.colors import DEFAULT_LEGEND, Legend
from gui.color_editor import ColorEditor
from gui.i18n import arg
from gui.operations import Changes, files
from gui.operations import annotations as annotation_ops
from gui.runner import Pool, Runner, Task
from gui.theme import current_tokens, section_label
from models.store import backup
from models.store.location import ENV_VAR as LIBRARY_ENV

if TYPE_CHECKING:
    from gui.main_window import MainWindow

APPEARANCES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
ZOOM_RANGE = (60, 240)  # per cent, as the reading view allows
BACKUP_NAME = re.compile(r"-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>.+)$")  # models.store.backup's file names


class PreferencesDialog(QDialog):
    backup_finished = Signal(str)  # path of the new backup
    backup_failed = Signal(str)

    def __init__(self, window: MainWindow, pool: Pool | None = None) -> None:
        super().__init__(window)
        self.setObjectName("PreferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.window_ = window
        self.library = window.library
        self.runner = Runner(pool, self) if pool is not None else window.runner
        self.theme = window.theme
        self.controller = window.annotations.controller
        self._job: Task | None = None

        self.pages = QListWidget(self)
        self.pages.setObjectName("PreferencesPages")
        self.pages.setAccessibleName(self.tr("Preference pages"))
        self.stack = QStackedWidget(self)
        for title, page in (
            (self.tr("General"), self._general_page()),
            (self.tr("Highlight colours"), self._colors_page()),
            (self.tr("Library"), self._library_page()),
        ):
            self.pages.addItem(title)
            self.stack.addWidget(page)
        self.pages.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.pages.setCurrentRow(0)
        self.pages.setFixedWidth(180)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.setContentsMargins(24, 20, 24, 16)
        right.addWidget(self.stack, 1)
        right.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pages)
        layout.addLayout(right, 1)

        if self.theme is not None:
            self.theme.changed.connect(self._on_theme_changed)
        window.changed.connect(self._on_changed)
        window.view.zoom_changed.connect(self._show_zoom)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Return in a field finishes the edit; it does not press a button
        self._restyle()
        self.resize(760, 540)

    # -- pages -------------------------------------------------------------------------------------------------

    def _section(self, text: str) -> QLabel:
        return section_label(text, self)

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("PreferencesHint")
        label.setWordWrap(True)
        return label

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        layout.addWidget(self._section(self.tr("Your name")))
        self.author = QLineEdit(page)
        self.author.setAccessibleName(self.tr("Your name on highlights and notes"))
        from models.store.annotations import default_author  # the store's module: loaded after the first paint

        self.author.setPlaceholderText(default_author())
        self.author.setText(settings.AUTHOR.read())
        self.author.setClearButtonEnabled(True)
        self.author.textChanged.connect(self._on_author_changed)
        layout.addWidget(self.author)
        layout.addWidget(self._hint(self.tr(
            "Shown on new highlights and notes (in exports too); those already made keep their author. "
            "Left empty, Newsdesk uses NEWSDESK_AUTHOR or your login name.")))
        layout.addSpacing(14)

        layout.addWidget(self._section(self.tr("Appearance")))
        row = QHBoxLayout()
        row.setSpacing(0)
        self.appearance = QButtonGroup(page)
        self.appearance.setExclusive(True)
        current = self.theme.preference() if self.theme is not None else settings.APPEARANCE.read()
        for index, (value, label) in enumerate(APPEARANCES):
            button = QToolButton(page)
            button.setObjectName("Segment")
            button.setText(self.tr(label))
            button.setCheckable(True)
            button.setChecked(value == current)
            button.setProperty("appearance", value)
            button.setProperty("position", "first" if index == 0 else "last" if index == 2 else "middle")
            self.appearance.addButton(button, index)
            row.addWidget(button)
        row.addStretch(1)
        self.appearance.idClicked.connect(self._on_appearance_clicked)
        layout.addLayout(row)
        layout.addSpacing(14)

        layout.addWidget(self._section(self.tr("Text size")))
        size_row = QHBoxLayout()
        self.zoom = QSlider(Qt.Orientation.Horizontal, page)
        self.zoom.setAccessibleName(self.tr("Text size of the article"))
        self.zoom.setRange(*ZOOM_RANGE)
        self.zoom.setSingleStep(10)
        self.zoom.setPageStep(10)
        self.zoom.setTickInterval(20)
        self.zoom_label = QLabel(page)
        self.zoom_label.setMinimumWidth(48)
        reset = QPushButton(self.tr("Actual Size"), page)
        reset.clicked.connect(lambda: self.zoom.setValue(100))
        size_row.addWidget(self.zoom, 1)
        size_row.addWidget(self.zoom_label)
        size_row.addWidget(reset)
        layout.addLayout(size_row)
        view = getattr(self.window_, "view", None)
        self._show_zoom(view.zoom() if view is not None else settings.TEXT_ZOOM.read())
        self.zoom.valueChanged.connect(self._on_zoom_moved)
        layout.addWidget(self._hint(self.tr("The article’s text; View ▸ Zoom In / Zoom Out do the same.")))
        layout.addStretch(1)
        return page

    def _colors_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._section(self.tr("Highlight colours")))
        layout.addWidget(self._hint(self.tr(
            "What each colour means to you. The names appear in the legend, the selection bar and exports; "
            "every change can be undone with Edit ▸ Undo.")))
        layout.addSpacing(6)
        self.color_editors: dict[str, ColorEditor] = {}
        self._colors_layout = QVBoxLayout()
        self._colors_layout.setSpacing(8)
        layout.addLayout(self._colors_layout)
        layout.addSpacing(10)
        self.reset_colors = QPushButton(self.tr("Reset to Defaults"), page)
        self.reset_colors.setToolTip(self.tr("Key point, Disputed, Agreement, Question, Follow up, Quote — "
                                             "with their original colours"))
        self.reset_colors.clicked.connect(self.reset_legend)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_colors)
        reset_row.addStretch(1)
        layout.addLayout(reset_row)
        layout.addStretch(1)
        self._show_legend(self._legend())
        return page

    def _library_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        db_path: Path | None = getattr(self.library, "db_path", None)
        layout.addWidget(self._section(self.tr("Location")))
        where = QLabel(str(getattr(self.library, "location", "")), page)
        where.setObjectName("PreferencesLocation")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        where.setAccessibleName(self.tr("Library location"))
        self.location_label = where
        location_row = QHBoxLayout()
        location_row.addWidget(where, 1)
        if db_path is not None:
            reveal = QPushButton(self.tr("Open Folder"), page)
            reveal.setToolTip(self.tr("Show the library’s folder in the file manager"))
            reveal.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(db_path.parent))))
            location_row.addWidget(reveal, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(location_row)
        layout.addWidget(self._hint(arg(self.tr(
            "To use another library, start Newsdesk with --library PATH_OR_URL or set %1 (a SQLite file or "
            "folder, or a postgresql+psycopg:// URL)."), LIBRARY_ENV)))
        layout.addSpacing(14)

        layout.addWidget(self._section(self.tr("Analysis")))
        self.refresh_box = QCheckBox(self.tr("Bring articles analysed by an earlier version up to date in the "
                                             "background"), page)
        self.refresh_box.setObjectName("PreferencesRefresh")
        self.refresh_box.setChecked(settings.REFRESH_IN_BACKGROUND.read())
        self.refresh_box.toggled.connect(self._on_refresh_toggled)
        layout.addWidget(self.refresh_box)
        layout.addWidget(self._hint(self.tr(
            "After an upgrade, articles are read again one at a time while you work, so that the library’s entities "
            "and timeline come from one reading. Off: each is read again when you open it (or with newsdesk "
            "reanalyze).")))
        layout.addSpacing(14)

        layout.addWidget(self._section(self.tr("Backups")))
        self.backup_model = QStandardItemModel(0, 2, page)
        self.backup_model.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size")])
        self.backup_view = QTreeView(page)
        self.backup_view.setObjectName("PreferencesBackups")
        self.backup_view.setAccessibleName(self.tr("Backups of the library"))
        self.backup_view.setModel(self.backup_model)
        self.backup_view.setRootIsDecorated(False)
        self.backup_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.backup_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.backup_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.backup_view.header().setStretchLastSection(False)
        self.backup_now = QPushButton(self.tr("Back Up Now"), page)
        self.backup_now.clicked.connect(self.start_backup)
        self.backup_status = self._hint("")
        if db_path is None:
            layout.addWidget(self._hint(self.tr(
                "This library is on a PostgreSQL server: backing it up is the server’s job (pg_dump or the "
                "host’s own backups).")))
            self.backup_view.hide()
            self.backup_now.hide()
        else:
            layout.addWidget(self._hint(arg(self.tr(
                "Newsdesk keeps the last %1 copies beside the library, taken daily and before every upgrade, each "
                "checked by reopening it."), backup.KEEP)))
            layout.addWidget(self.backup_view, 1)
            row = QHBoxLayout()
            row.addWidget(self.backup_now)
            row.addWidget(self.backup_status, 1)
            layout.addLayout(row)
            self.refresh_backups()
        layout.addStretch(0 if db_path is not None else 1)
        return page

    @Slot(bool)
    def _on_refresh_toggled(self, on: bool) -> None:
        settings.REFRESH_IN_BACKGROUND.write(on)
        refresh = getattr(self.window_, "library_refresh", None)
        if refresh is None:
            return
        if on:
            refresh.start()
        else:
            refresh.stop()

    # -- name, appearance, text size ---------------------------------------------------------------------------

    @Slot(str)
    def _on_author_changed(self, text: str) -> None:
        settings.AUTHOR.write(" ".join(text.split()))

    @Slot(int)
    def _on_appearance_clicked(self, index: int) -> None:
        value = APPEARANCES[index][0]
        if self.theme is not None:
            self.theme.set_preference(value)
        else:
            settings.APPEARANCE.write(value)

    @Slot(object)
    def _on_theme_changed(self, _tokens: object) -> None:
        current = self.theme.preference() if self.theme is not None else settings.APPEARANCE.read()
        for index, (value, _label) in enumerate(APPEARANCES):
            button = self.appearance.button(index)
            if button is not None:
                button.setChecked(value == current)
        self._restyle()
        self._show_legend(self._legend())

    @Slot(float)
    def _show_zoom(self, factor: float) -> None:
        percent = round(factor * 100)
        self.zoom.blockSignals(True)
        self.zoom.setValue(percent)
        self.zoom.blockSignals(False)
        self.zoom_label.setText(f"{percent} %")

    @Slot(int)
    def _on_zoom_moved(self, percent: int) -> None:
        self.zoom_label.setText(f"{percent} %")
        self.window_.view.set_zoom(percent / 100)  # the window remembers it (TEXT_ZOOM)

    # -- colours -------------------------------------------------------------------------------------------------

    def _legend(self) -> Legend:
        return self.controller.legend

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.legend:
            self._show_legend(self._legend())

    @Slot(object)
    def _show_legend(self, legend: Legend) -> None:
        if list(self.color_editors) != legend.keys():
            for editor in self.color_editors.values():
                self._colors_layout.removeWidget(editor)
                editor.deleteLater()
            self.color_editors = {}
            for color in legend:
                editor = ColorEditor(color, self)
                editor.rename_requested.connect(self.rename_color)
                editor.recolor_requested.connect(self.recolor)
                self._colors_layout.addWidget(editor)
                self.color_editors[color.key] = editor
        for color in legend:
            self.color_editors[color.key].set_color(color)

    @Slot(str, str)
    def rename_color(self, key: str, meaning: str) -> None:
        self.controller.edit_legend(key, meaning, "")

    @Slot(str, str)
    def recolor(self, key: str, swatch: str) -> None:
        self.controller.edit_legend(key, "", swatch)

    @Slot()
    def reset_legend(self) -> None:
        """The design's six meanings and colours back, as one undoable step."""
        legend = self._legend()
        changes = []
        for default in DEFAULT_LEGEND:
            current = legend.get(default.key)
            old = {"meaning": current.meaning, "swatch": current.swatch, "background": current.background}
            new = {"meaning": default.meaning, "swatch": default.swatch, "background": default.background}
            differing = {k for k in new if (new[k] if k == "meaning" else new[k].upper()) !=
                         (old[k] if k == "meaning" else old[k].upper())}
            if differing:
                changes.append((default.key, {k: old[k] for k in differing}, {k: new[k] for k in differing}))
        annotation_ops.edit_legend(self.window_.ops, changes, self.tr("Reset Highlight Colours"))

    # -- backups -------------------------------------------------------------------------------------------------

    def refresh_backups(self) -> None:
        db_path = getattr(self.library, "db_path", None)
        self.backup_model.removeRows(0, self.backup_model.rowCount())
        if db_path is None:
            return
        for path in reversed(backup.backups(db_path)):  # newest first
            try:
                stat = path.stat()
            except OSError:
                continue
            label = QStandardItem(self._describe_backup(path, stat.st_mtime))
            label.setToolTip(str(path))
            label.setData(str(path), Qt.ItemDataRole.UserRole)
            size = QStandardItem(human_size(stat.st_size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.backup_model.appendRow([label, size])
        if self.backup_model.rowCount() == 0:
            self.backup_status.setText(self.tr("No backup yet."))

    def _describe_backup(self, path: Path, mtime: float) -> str:
        """Local date and time the copy was taken, and why (daily, by hand, before an upgrade)."""
        found = BACKUP_NAME.search(path.stem)
        when = datetime.fromtimestamp(mtime)
        reason = ""
        if found:
            when = datetime.strptime(found["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC).astimezone()
            why = found["reason"]
            reason = (self.tr("daily") if why == "daily" else self.tr("by hand") if why == "manual"
                      else self.tr("before an upgrade") if why.startswith("before-") else why)
        taken = when.strftime("%Y-%m-%d  %H:%M")
        return f"{taken}  ·  {reason}" if reason else taken

    @Slot()
    def start_backup(self) -> None:
        db_path = getattr(self.library, "db_path", None)
        if db_path is None or self._job is not None:
            return
        self.backup_now.setEnabled(False)
        self.backup_status.setText(self.tr("Backing up…"))
        task = files.backup(self.runner, db_path, self._on_backup_finished, self._on_backup_failed)
        self._job = None if task.finished else task

    @Slot(str)
    def _on_backup_finished(self, path: str) -> None:
        self._job = None
        self.backup_now.setEnabled(True)
        self.refresh_backups()
        self.backup_status.setText(arg(self.tr("Backed up and verified: %1"), Path(path).name))
        self.backup_finished.emit(path)

    @Slot(str)
    def _on_backup_failed(self, line: str) -> None:
        self._job = None
        self.backup_now.setEnabled(True)
        self.backup_status.setText(line)
        self.backup_failed.emit(line)

    # -- look ----------------------------------------------------------------------------------------------------

    def _restyle(self) -> None:
        t = current_tokens()
        self.setStyleSheet(f"""
            QDialog#PreferencesDialog {{ background: {t.window}; }}
            QListWidget#PreferencesPages {{ background: {t.panel}; border: none; border-right: 1px solid {t.border};
                padding: 16px 8px; outline: none; }}
            QListWidget#PreferencesPages::item {{ padding: 7px 10px; border-radius: 8px; margin-bottom: 2px;
                color: {t.text}; }}
            QListWidget#PreferencesPages::item:hover {{ background: {t.hover}; }}
            QListWidget#PreferencesPages::item:selected {{ background: {t.accent_tint}; color: {t.accent};
                font-weight: 600; }}
            QLabel#PreferencesHint {{ color: {t.text_tertiary}; font-size: 12px; }}
            QLabel#PreferencesLocation {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 8px;
                padding: 6px 8px; }}
            QToolButton#Segment {{ background: {t.surface}; border: 1px solid {t.border_strong}; padding: 5px 14px;
                color: {t.text_secondary}; }}
            QToolButton#Segment[position="first"] {{ border-top-left-radius: 8px; border-bottom-left-radius: 8px; }}
            QToolButton#Segment[position="middle"] {{ border-left: none; }}
            QToolButton#Segment[position="last"] {{ border-left: none; border-top-right-radius: 8px;
                border-bottom-right-radius: 8px; }}
            QToolButton#Segment:hover {{ background: {t.hover}; }}
            QToolButton#Segment:checked {{ background: {t.accent_tint}; color: {t.accent}; font-weight: 600; }}
            QToolButton#Segment:focus {{ color: {t.accent}; }}
            QToolButton#PreferencesSwatch {{ background: {t.surface}; border: 1px solid {t.border_strong};
                border-radius: 6px; padding: 4px 8px; color: {t.text_secondary};
                font-family: monospace; font-size: 12px; }}
            QToolButton#PreferencesSwatch:hover {{ background: {t.hover}; }}
            QTreeView#PreferencesBackups {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 8px;
                padding: 2px; }}
            QTreeView#PreferencesBackups::item {{ padding: 3px 4px; }}
            QHeaderView::section {{ background: {t.panel}; color: {t.text_tertiary}; border: none;
                border-bottom: 1px solid {t.border}; padding: 4px 6px; font-size: 11.5px; }}
            QSlider::groove:horizontal {{ height: 4px; background: {t.border_strong}; border-radius: 2px; }}
            QSlider::sub-page:horizontal {{ background: {t.accent}; border-radius: 2px; }}
            QSlider::handle:horizontal {{ background: {t.surface}; border: 1px solid {t.border_strong};
                width: 14px; height: 14px; margin: -6px 0; border-radius: 8px; }}
            QSlider::handle:horizontal:focus {{ border-color: {t.accent}; }}
        """)


def open_preferences(window: MainWindow, pool: Pool | None = None) -> PreferencesDialog:
    """The window's one Preferences dialog (raised when already open), deleted when closed."""
    existing = _open_dialogs.get(id(window))
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = PreferencesDialog(window, pool)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    key = id(window)
    dialog.destroyed.connect(lambda *_: _open_dialogs.pop(key, None))
    _open_dialogs[key] = dialog
    dialog.show()
    return dialog


_open_dialogs: dict[int, PreferencesDialog] = {}  # by window


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return ""
