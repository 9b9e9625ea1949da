"""The dialog in which the reader sets an article's publication date (opened from the date in its header)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class PublishedDateDialog(QDialog):
    """The reader sets the publication date the timeline is resolved against (or says there is none)."""

    def __init__(self, published: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publication Date"))
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(QDate(1800, 1, 1))
        self.edit.setMaximumDate(QDate.currentDate().addDays(1))
        self.edit.setAccessibleName(self.tr("Publication date"))
        day = QDate.fromString((published or "")[:10], Qt.DateFormat.ISODate)
        self.edit.setDate(day if day.isValid() else QDate.currentDate())
        self.none = QCheckBox(self.tr("The article has no known date"), self)
        self.none.setChecked(not published)
        self.edit.setEnabled(bool(published))
        self.none.toggled.connect(lambda checked: self.edit.setEnabled(not checked))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Relative dates (“yesterday”, “last March”) are resolved against this date."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.edit)
        layout.addWidget(self.none)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        """The ISO date chosen, or None for no date."""
        return None if self.none.isChecked() else self.edit.date().toString(Qt.DateFormat.ISODate)
