"""The dialog shown instead of the window when the library is damaged: what is wrong, the newest verified backup
(its date, articles and highlights), and Restore / Open Another Library / Quit.

Restoring keeps the damaged file aside (models.store.restore); what it still holds that the backup lacks is then
offered ("Bring Back"). Looking the backup up, restoring and bringing back run on the pool, never on the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import arg, plural
from gui.operations import files
from gui.runner import Pool, Runner
from models.store import location
from models.store.integrity import LibraryDamaged

log = logging.getLogger(__name__)


class DamagedLibraryDialog(QDialog):
    """Ends accepted with :attr:`library` open (restored, or another one chosen), or rejected (Quit)."""

    library_opened = Signal(object)  # the Library the reader can go on with

    def __init__(self, damage: LibraryDamaged, pool: Pool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DamagedLibraryDialog")
        self.setWindowTitle(self.tr("The library is damaged"))
        self.runner = Runner(pool, self)  # looking up, restoring, bringing back and opening run off the GUI thread
        self.library: Any = None
        self._aside: Path | None = None

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("DamageSummary")
        self.backup_label = QLabel(self)
        self.backup_label.setWordWrap(True)
        self.backup_label.setObjectName("DamageBackup")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("DamageStatus")

        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.other_button = QPushButton(self.tr("Open Another Library…"), self)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.bring_back_button = QPushButton(self.tr("Bring Back"), self)
        self.continue_button = QPushButton(self.tr("Open the Library"), self)
        for button in (self.bring_back_button, self.continue_button):
            button.hide()
        self.restore_button.clicked.connect(self.restore)
        self.other_button.clicked.connect(self.open_another)
        self.quit_button.clicked.connect(self.reject)
        self.bring_back_button.clicked.connect(self.bring_back)
        self.continue_button.clicked.connect(self._finish)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.quit_button, self.other_button, self.continue_button, self.bring_back_button,
                       self.restore_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.backup_label)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.show_damage(damage)

    # -- state ---------------------------------------------------------------------------------------------------

    def show_damage(self, damage: LibraryDamaged) -> None:
        self.damage = damage
        self.summary.setText(
            arg(self.tr("Newsdesk cannot use the library %1: %2. Nothing was written to it."),
                location.printable(damage.path), damage.reason)
        )
        self.backup_label.setText(self.tr("Looking for the newest verified backup…"))
        self.status.setText("")
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        self.runner.run(self.tr("Reading the backups"), lambda _task: _newest(damage.path), self._on_backup_found,
                        on_failed=self._on_backup_lookup_failed)

    @Slot(object)
    def _on_backup_found(self, info: Any) -> None:
        self.newest = info
        if info is None:
            self.backup_label.setText(self.tr(
                "No verified backup of it was found. Open another library, or quit and restore a copy with "
                "newsdesk restore --from FILE."))
            return
        self.backup_label.setText(
            arg(self.tr("Restore the newest verified backup, taken %1: %2 and %3. The damaged file is kept beside "
                        "it, and what it still holds can be brought back afterwards."),
                info.taken_text, plural(self.tr("%n article(s)", "", info.articles), info.articles),
                plural(self.tr("%n highlight(s)", "", info.highlights), info.highlights))
        )
        self.restore_button.setEnabled(True)

    @Slot(object)
    def _on_backup_lookup_failed(self, line: str) -> None:
        self.newest = None
        self.backup_label.setText(line)

    # -- restore -------------------------------------------------------------------------------------------------

    @Slot()
    def restore(self) -> None:
        self._busy(self.tr("Restoring…"))
        path = self.damage.path
        files.restore(self.runner, path, self._on_restored, self._on_failed, self._on_damaged)

    @Slot(object)
    def _on_restored(self, outcome: tuple[Any, Any, Any]) -> None:
        done, library, offer = outcome
        self.library = library
        self._aside = done.aside
        kept = location.printable(done.aside) if done.aside else ""
        restored = arg(self.tr("Restored the backup of %1 (%2, %3). The damaged file is kept as %4."),
                       done.source.taken_text,
                       plural(self.tr("%n article(s)", "", done.source.articles), done.source.articles),
                       plural(self.tr("%n highlight(s)", "", done.source.highlights), done.source.highlights), kept)
        if offer is None or not offer.anything:
            self.status.setText(restored)
            self._finish()
            return
        self.backup_label.hide()
        self.status.setText(restored + " " + arg(self.tr("It still holds %1 made after the backup."), offer.describe()))
        self.restore_button.hide()
        self.other_button.hide()
        self.quit_button.hide()
        self.bring_back_button.show()
        self.bring_back_button.setEnabled(True)
        self.bring_back_button.setDefault(True)
        self.continue_button.show()
        self.continue_button.setEnabled(True)

    @Slot()
    def bring_back(self) -> None:
        library, aside = self.library, self._aside
        if aside is None:
            self._finish()
            return
        self.bring_back_button.setEnabled(False)
        self.continue_button.setEnabled(False)
        self.status.setText(self.tr("Bringing back what the damaged file still holds…"))
        files.bring_back(self.runner, library, aside, lambda _report: self._finish(), self._on_failed, self._on_damaged)

    # -- another library -----------------------------------------------------------------------------------------

    def choose_library(self) -> str:
        """The file the reader picks (a method, so that tests can answer without a native dialog)."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open Library"), str(self.damage.path.parent),
            self.tr("Newsdesk library (*.sqlite);;All files (*)"))
        return chosen

    @Slot()
    def open_another(self) -> None:
        chosen = self.choose_library()
        if not chosen:
            return
        self._busy(arg(self.tr("Opening %1…"), chosen))
        files.open_library(self.runner, chosen, self._on_other_opened, self._on_failed, self._on_damaged)

    @Slot(object)
    def _on_other_opened(self, library: Any) -> None:
        self.library = library
        self._finish()

    # -- common --------------------------------------------------------------------------------------------------

    def _on_failed(self, line: str) -> None:
        self._idle()
        self.status.setText(line)

    def _finish(self) -> None:
        self.library_opened.emit(self.library)
        self.accept()

    def _busy(self, message: str) -> None:
        self.status.setText(message)
        for button in (self.restore_button, self.other_button, self.quit_button):
            button.setEnabled(False)

    def _idle(self) -> None:
        self.other_button.setEnabled(True)
        self.quit_button.setEnabled(True)
        self.restore_button.setEnabled(getattr(self, "newest", None) is not None)

    def _on_damaged(self, damage: LibraryDamaged) -> None:
        self._idle()
        self.show_damage(damage)


def _newest(path: Path) -> Any:
    from models.store import backup

    return backup.newest_verified(path)


def ask_what_to_do(damage: LibraryDamaged, parent: QWidget | None = None) -> Any:
    """Show the dialog modally; the library to go on with, or None when the reader chose Quit."""
    dialog = DamagedLibraryDialog(damage, parent=parent)
    return dialog.library if dialog.exec() == QDialog.DialogCode.Accepted else None
