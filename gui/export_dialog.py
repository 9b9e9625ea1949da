"""File ▸ Export…: which articles and highlights, in which format, with a live preview; the file written atomically.

The preview renders the first highlights of the selection in the chosen format off the GUI thread, a moment after
the last change; the export gathers, analyses when the format needs it, renders and writes in a worker with
progress and cancel (:mod:`gui.export_jobs`). The reader's choices of format, brief, grouping, page size and
folder are remembered (:mod:`gui.settings`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QFontDatabase,
    QFontInfo,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import settings
from gui.annotations.glyphs import dot_icon
from gui.export_jobs import Exported, ExportRequest, Preview
from gui.export_widgets import (
    CHOICES,
    GROUPINGS,
    PAGE_SIZES,
    ChoiceBox,
    DateBox,
    FormatChoice,
    SandboxedBrowser,
    dialog_style,
    file_name,
)
from gui.i18n import arg, plural
from gui.operations import files
from gui.runner import Pool, Runner, Task
from gui.theme import current_tokens, section_label
from models.export import BRIEF_FORMATS, EXTENSIONS, ExportOptions
from models.export.selection import Selection

PREVIEW_DELAY_MS = 200


class ExportDialog(QDialog):
    preview_updated = Signal()  # the preview pane shows the current choices
    exported = Signal(str)  # path of the file written
    export_failed = Signal(str)  # one-line reason ("" when cancelled)
    export_notices = Signal(list)  # what the written file lacks (characters no installed font could draw)

    def __init__(
        self,
        library: Any,
        current_article: int | None = None,
        selected: list[int] | None = None,
        pool: Pool | Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from gui.pdf_export import install

        install()  # the PDF renderer joins the export registry (Qt's typesetter; idempotent)
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.library = library
        self.current_article = current_article
        self.selected = [i for i in (selected or []) if i is not None]
        self.runner = pool if isinstance(pool, Runner) else Runner(pool, self)
        self._generation = 0
        self._previews: dict[int, Task] = {}  # by generation, until it reports
        self._job: Task | None = None
        self.last_preview: Preview | None = None

        self._build()
        self._restore_choices()
        self._update_controls()
        self._debounce = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._debounce.timeout.connect(self._start_preview)
        for signal in (
            self.scope.currentIndexChanged,
            self.format.currentIndexChanged,
            self.brief.toggled,
            self.group_by.currentIndexChanged,
            self.page_size.currentIndexChanged,
            self.full_text.toggled,
            self.tag.currentTextChanged,
            self.entity.textChanged,
            self.use_dates.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(self._changed)
        for button in self.color_buttons.values():
            button.toggled.connect(self._changed)
        self.resize(1040, 660)
        self._start_preview()

    # -- construction ------------------------------------------------------------------------------------------------

    def _section(self, text: str) -> QLabel:
        return section_label(text, self)

    def _build(self) -> None:
        tokens = current_tokens()
        self.scope = ChoiceBox(self)
        self.scope.setAccessibleName(self.tr("Articles to export"))
        summaries = self.library.list_articles()
        titles = self._title_of = {a.id: a.title or a.source for a in summaries}
        self.scope.addItem(self.tr("Current article"), "current")
        self.scope.addItem(arg(self.tr("Selected in the Library (%1)"), len(self.selected)), "selected")
        self.scope.addItem(arg(self.tr("All articles (%1)"), len(titles)), "all")
        model = self.scope.model()
        model.item(0).setEnabled(self.current_article is not None)  # type: ignore[attr-defined]
        model.item(1).setEnabled(bool(self.selected))  # type: ignore[attr-defined]
        self.scope.setCurrentIndex(0 if self.current_article is not None else 1 if self.selected else 2)
        self.scope_detail = QLabel(self)
        self.scope_detail.setObjectName("ExportScopeDetail")
        self.scope_detail.setWordWrap(True)

        self.color_buttons: dict[str, QToolButton] = {}
        colors_row = QHBoxLayout()
        colors_row.setSpacing(2)
        for color in self.library.annotations.colors():
            button = QToolButton(self)
            button.setObjectName("ExportColorFilter")
            button.setCheckable(True)
            button.setIcon(dot_icon(color.swatch, size=16))
            button.setIconSize(QSize(14, 14))
            button.setToolTip(arg(self.tr("Only “%1” highlights"), color.meaning))
            button.setAccessibleName(color.meaning)
            self.color_buttons[color.key] = button
            colors_row.addWidget(button)
        colors_row.addStretch(1)
        self.tag = ChoiceBox(self)
        self.tag.setEditable(True)
        self.tag.addItem("")
        self.tag.addItems(self.library.annotations.tags())
        if (tag_field := self.tag.lineEdit()) is not None:
            tag_field.setPlaceholderText(self.tr("Any tag"))
        self.tag.setAccessibleName(self.tr("Only highlights with this tag"))
        self.entity = QLineEdit(self)
        self.entity.setPlaceholderText(self.tr("Any person, place, organisation…"))
        self.entity.setAccessibleName(self.tr("Only articles and highlights about this entity"))
        self.use_dates = QCheckBox(self.tr("Published between"), self)
        self.since = DateBox(self)
        self.until = DateBox(self)
        published = sorted(QDate.fromString(a.published[:10], "yyyy-MM-dd") for a in summaries if a.published)
        published = [d for d in published if d.isValid()]
        first, last = (
            (published[0], published[-1]) if published else (QDate.currentDate().addYears(-1), QDate.currentDate())
        )
        for edit, value in ((self.since, first), (self.until, last)):  # the library's publication dates
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDate(value)
        dates_row = QHBoxLayout()
        dates_row.addWidget(self.since, 1)
        dates_row.addWidget(QLabel("–", self))
        dates_row.addWidget(self.until, 1)

        self.format = ChoiceBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for choice in CHOICES:
            self.format.addItem(self.tr(choice.label), choice.key)
        self.brief = QCheckBox(self.tr("Brief: by meaning, with entities and dates"), self)
        self.group_by = ChoiceBox(self)
        for key, label in GROUPINGS:
            self.group_by.addItem(self.tr(label), key)
        self.full_text = QCheckBox(self.tr("Include the article text with its highlights"), self)
        self.page_size = ChoiceBox(self)
        for key, label in PAGE_SIZES:
            self.page_size.addItem(self.tr(label), key)

        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setColumnMinimumWidth(0, 86)
        row = 0

        def add(label: str, field: Any) -> None:
            nonlocal row
            caption = QLabel(label, self)
            caption.setObjectName("ExportCaption")
            form.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignVCenter)
            if isinstance(field, QWidget):
                form.addWidget(field, row, 1)
            else:
                form.addLayout(field, row, 1)
            row += 1

        form.addWidget(self._section(self.tr("Articles")), row, 0, 1, 2)
        row += 1
        add(self.tr("Scope"), self.scope)
        add("", self.scope_detail)
        add(self.tr("Colours"), colors_row)
        add(self.tr("Tag"), self.tag)
        add(self.tr("Entity"), self.entity)
        form.addWidget(self.use_dates, row, 0, 1, 2)
        row += 1
        add("", dates_row)
        form.setRowMinimumHeight(row, 10)
        row += 1
        form.addWidget(self._section(self.tr("Format")), row, 0, 1, 2)
        row += 1
        add(self.tr("Format"), self.format)
        form.addWidget(self.brief, row, 0, 1, 2)
        row += 1
        add(self.tr("Group by"), self.group_by)
        form.addWidget(self.full_text, row, 0, 1, 2)
        row += 1
        self.page_size_label = QLabel(self.tr("Page size"), self)
        self.page_size_label.setObjectName("ExportCaption")
        form.addWidget(self.page_size_label, row, 0)
        form.addWidget(self.page_size, row, 1)
        row += 1
        form.setRowStretch(row, 1)
        options = QWidget(self)
        options.setObjectName("ExportOptions")
        options.setLayout(form)
        options.setFixedWidth(360)

        self.preview_title = QLabel(self)
        self.preview_title.setObjectName("ExportPreviewTitle")
        self.preview_plain = QPlainTextEdit(self)
        self.preview_plain.setObjectName("ExportPreviewText")
        self.preview_plain.setReadOnly(True)
        self.preview_plain.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPixelSize(12)
        self.preview_plain.setFont(mono)
        self.preview_html = SandboxedBrowser(self)
        self.preview_html.setObjectName("ExportPreviewPage")
        self.preview_empty = QLabel(self)
        self.preview_empty.setObjectName("ExportPreviewEmpty")
        self.preview_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_empty.setWordWrap(True)
        self.preview = QStackedWidget(self)
        for widget in (self.preview_plain, self.preview_html, self.preview_empty):
            self.preview.addWidget(widget)
        preview_box = QVBoxLayout()
        preview_box.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(self._section(self.tr("Preview")))
        head.addStretch(1)
        head.addWidget(self.preview_title)
        preview_box.addLayout(head)
        preview_box.addWidget(self.preview, 1)

        self.error = QLabel(self)
        self.error.setObjectName("ExportError")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(160)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("ExportProgressLabel")
        self.cancel_button = QPushButton(self.tr("Cancel Export"), self)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.choose_and_export)
        footer = QHBoxLayout()
        footer.addWidget(self.error, 1)
        footer.addWidget(self.progress_label)
        footer.addWidget(self.progress)
        footer.addWidget(self.cancel_button)
        footer.addSpacing(8)
        footer.addWidget(self.close_button)
        footer.addWidget(self.export_button)
        self._set_running(False)

        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(options)
        body.addLayout(preview_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(body, 1)
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.HLine)
        separator.setObjectName("ExportSeparator")
        layout.addWidget(separator)
        layout.addLayout(footer)
        self.setStyleSheet(dialog_style(tokens, QFontInfo(mono).family()))

    # -- choices -------------------------------------------------------------------------------------------------------

    def _restore_choices(self) -> None:
        _select(self.format, settings.EXPORT_FORMAT.read())
        self.brief.setChecked(bool(settings.EXPORT_BRIEF.read()))
        _select(self.group_by, settings.EXPORT_GROUP_BY.read())
        _select(self.page_size, settings.EXPORT_PAGE_SIZE.read())
        self.full_text.setChecked(bool(settings.EXPORT_FULL_TEXT.read()))

    def _remember_choices(self, path: Path) -> None:
        settings.EXPORT_FORMAT.write(self.choice().key)
        settings.EXPORT_BRIEF.write(int(self.brief.isChecked()))
        settings.EXPORT_GROUP_BY.write(str(self.group_by.currentData()))
        settings.EXPORT_PAGE_SIZE.write(str(self.page_size.currentData()))
        settings.EXPORT_FULL_TEXT.write(int(self.full_text.isChecked()))
        settings.EXPORT_FOLDER.write(str(path.parent))

    def choice(self) -> FormatChoice:
        key = self.format.currentData()
        return next(c for c in CHOICES if c.key == key)

    def set_format(self, key: str) -> None:
        _select(self.format, key)

    def set_scope(self, scope: str) -> None:
        _select(self.scope, scope)

    def selection(self) -> Selection:
        scope = self.scope.currentData()
        ids: tuple[int, ...] = ()
        if scope == "current" and self.current_article is not None:
            ids = (self.current_article,)
        elif scope == "selected":
            ids = tuple(self.selected)
        colors = tuple(k for k, b in self.color_buttons.items() if b.isChecked())
        tag = self.tag.currentText().strip().lstrip("#")
        since = until = None
        if self.use_dates.isChecked():
            since, until = _py_date(self.since.date()), _py_date(self.until.date())
        return Selection(ids, colors, (tag,) if tag else (), self.entity.text().strip(), since, until)

    def request(self) -> ExportRequest:
        choice = self.choice()
        brief = self.brief.isChecked() and choice.format in BRIEF_FORMATS
        lists = choice.format in ("markdown", "html", "pdf") and not brief
        options = ExportOptions(
            brief=brief,
            group_by=str(self.group_by.currentData()) if lists else "position",
            page_size=str(self.page_size.currentData()),
            csv_flavor=choice.csv_flavor,
            full_text=self.full_text.isChecked() and choice.format in ("html", "pdf") and not brief,
        )
        return ExportRequest(choice.format, options, self.selection())

    def default_name(self) -> str:
        request = self.request()
        ids = request.selection.article_ids
        if len(ids) == 1:
            title = self._title_of.get(ids[0], "")
        else:
            title = f"Newsdesk {len(ids) or 'all'} articles {date.today().isoformat()}"
        prefix = "Brief – " if request.options.brief else ""
        return file_name(prefix + title, EXTENSIONS[request.format])

    @Slot()
    def _changed(self) -> None:
        self._update_controls()
        self.error.clear()
        self.preview_title.setText(self.tr("Updating…"))
        self._debounce.start()

    def _update_controls(self) -> None:
        scope = self.scope.currentData()
        if scope == "current":
            detail = self._title_of.get(self.current_article or -1, "")
        elif scope == "selected":
            detail = " · ".join(_short(t, 28) for i, t in self._title_of.items() if i in self.selected)
        else:
            detail = self.tr("Every article of the library")
        self.scope_detail.setText(_short(detail, 110))
        fmt = self.choice().format
        briefable = fmt in BRIEF_FORMATS
        self.brief.setEnabled(briefable)
        brief = briefable and self.brief.isChecked()
        self.group_by.setEnabled(fmt in ("markdown", "html", "pdf") and not brief)
        self.full_text.setEnabled(fmt in ("html", "pdf") and not brief)
        self.page_size.setVisible(fmt == "pdf")
        self.page_size_label.setVisible(fmt == "pdf")
        self.since.setEnabled(self.use_dates.isChecked())
        self.until.setEnabled(self.use_dates.isChecked())

    # -- preview -------------------------------------------------------------------------------------------------------

    @Slot()
    def _start_preview(self) -> None:
        self._debounce.stop()
        for running in self._previews.values():
            running.cancel()
        self._generation += 1
        generation, request = self._generation, self.request()
        self.preview_title.setText(self.tr("Updating…"))
        task = files.preview(
            self.runner, self.library, request, generation,
            lambda preview: self._on_preview(preview) if preview is not None else self._finish_preview(generation),
            lambda line: self._on_preview_failed(generation, line), lambda: self._finish_preview(generation))
        if not task.finished:  # a synchronous pool has reported already
            self._previews[generation] = task

    def _finish_preview(self, generation: int) -> bool:
        self._previews.pop(generation, None)
        return generation == self._generation

    @Slot(object)
    def _on_preview(self, preview: Preview) -> None:
        if not self._finish_preview(preview.generation):
            return
        self.last_preview = preview
        if not preview.articles:
            self.preview_empty.setText(
                self.tr("No article matches this selection.")
                if not preview.unanalysed
                else self.tr("The articles have not been analysed yet: the export will find their entities.")
            )
            self.preview.setCurrentWidget(self.preview_empty)
        elif preview.format == "html":
            self.preview_html.setHtml(preview.text)
            self.preview.setCurrentWidget(self.preview_html)
        else:
            self.preview_plain.setPlainText(preview.text)
            self.preview.setCurrentWidget(self.preview_plain)
        self.preview_title.setText(self._describe(preview))
        self.preview_updated.emit()

    @Slot(int, str)
    def _on_preview_failed(self, generation: int, reason: str) -> None:
        if self._finish_preview(generation) and reason:
            self.preview_title.setText("")
            self.error.setText(reason)
            self.preview_updated.emit()

    def _describe(self, preview: Preview) -> str:
        articles = plural(self.tr("%n article(s)", "", preview.articles), preview.articles)
        highlights = plural(self.tr("%n highlight(s)", "", preview.highlights), preview.highlights)
        text = arg(self.tr("first %1"), f"{articles} · {highlights}") if preview.truncated \
            else f"{articles} · {highlights}"
        if self.choice().format == "pdf":
            text += arg(self.tr(" · typeset as %1 PDF on export"), self.page_size.currentText())
        if preview.unanalysed:
            text += self.tr(" · entities and dates added on export")
        return text

    @property
    def busy(self) -> bool:
        """A preview or the export is still running in the pool."""
        return bool(self._previews) or self._job is not None

    # -- export --------------------------------------------------------------------------------------------------------

    @Slot()
    def choose_and_export(self) -> None:
        choice = self.choice()
        folder = settings.EXPORT_FOLDER.read() or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path(folder) / self.default_name()), f"{choice.file_filter};;All files (*)"
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(EXTENSIONS[choice.format])
        self.export_to(target)

    def export_to(self, path: Path) -> None:
        if self._job is not None:
            return
        self.error.clear()
        request = self.request()
        self._set_running(True)
        task = files.export(self.runner, self.library, request, path, self._on_exported, self._on_export_failed,
                            self._on_progress, lambda: self._on_export_failed(""))
        self._job = None if task.finished else task

    @Slot()
    def cancel_export(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.progress_label.setText(self.tr("Cancelling…"))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if label:
            self.progress_label.setText(self.tr(label))

    def _on_exported(self, exported: Exported) -> None:
        path, articles, highlights = exported.path, exported.articles, exported.highlights
        notices = list(exported.notices)
        self._job = None
        self._set_running(False)
        self._remember_choices(Path(path))
        message = arg(self.tr("Exported %1 · %2 highlights to %3"),
                      plural(self.tr("%n article(s)", "", articles), articles), highlights, path)
        parent = self.parent()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(message, 8000)
        self.exported.emit(path)
        if notices:  # written, but the reader must know what it lacks: stay open and say it
            self.error.setText(arg(self.tr("Exported to %1, but: %2"), path, " ".join(notices)))
            self.error.setToolTip(" ".join(notices))
            self.export_notices.emit(notices)
            return
        self.accept()

    @Slot(str)
    def _on_export_failed(self, reason: str) -> None:
        self._job = None
        self._set_running(False)
        self.error.setText(reason or self.tr("Export cancelled; nothing was written."))
        self.error.setToolTip(reason)
        self.export_failed.emit(reason)

    def _set_running(self, running: bool) -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(running)
        self.export_button.setEnabled(not running)
        if running:
            self.progress.setRange(0, 0)
            self.progress_label.setText(self.tr("Preparing…"))

    def done(self, result: int) -> None:  # QDialog.done
        """Closing stops what is running: the export before its file appears, the preview at once."""
        if self._job is not None:
            self._job.cancel()
        for job in self._previews.values():
            job.cancel()
        self._debounce.stop()
        super().done(result)


def _select(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _short(title: str, limit: int = 36) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
