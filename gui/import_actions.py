"""Importing in the reader: File ▸ Open, Import URL, Paste as Article, drops, Open Recent, the sample.

The import itself is an operation (:func:`gui.operations.articles.import_articles`, off the GUI thread, with
progress and cancel); here is what the reader sees around it: the progress dialog for several items, the last
article opened, the sources remembered in Open Recent, and one dialog listing what could not be imported.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication

from gui import settings
from gui.i18n import arg
from gui.operations.articles import ImportFailure, ImportRequest, import_articles, mime_sources
from gui.runner import Task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from gui.main_window import MainWindow

FILE_FILTER = "Articles (*.html *.htm *.xhtml *.txt *.md *.markdown);;All files (*)"


class ImportActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.running: list[Task] = []
        self._progress: QProgressDialog | None = None

    def run(self, requests: list[ImportRequest], open_last: bool = True) -> Task | None:
        if not requests:
            return None
        window = self.window
        ingest = window.ingest()
        user_errors: tuple[type[BaseException], ...] = (ingest.IngestError,) if hasattr(ingest, "IngestError") else ()
        progress = None
        if len(requests) > 1:
            from PySide6.QtWidgets import QProgressDialog  # the dialogs load when one is first shown

            progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, len(requests), window)
            self._progress = progress
            progress.setWindowTitle(self.tr("Import"))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(400)
        window.statusBar().showMessage(arg(self.tr("Importing %1…"), Path(requests[0].label).name))
        finished: list[bool] = []
        task: Task | None = None

        def on_finished(results: list[Any], failures: list[ImportFailure]) -> None:
            finished.append(True)
            if task is not None and task in self.running:
                self.running.remove(task)
            self._done(requests, results, failures, open_last)

        task = import_articles(window.ops, requests, user_errors, on_finished,
                               self._on_progress if progress is not None else None)
        if not finished:
            if progress is not None:
                progress.canceled.connect(task.cancel)
            self.running.append(task)
        return task

    def import_paths(self, paths: list[str], open_last: bool = True) -> Task | None:
        from models.cli.import_pool import expand_sources

        ingest = self.window.ingest()
        requests = []
        for path in expand_sources(paths):  # a folder stands for its article files, recursively
            if path.startswith(("http://", "https://")):
                requests.append(ImportRequest(path, partial(ingest.ingest_url, path)))
            else:
                requests.append(ImportRequest(path, partial(ingest.ingest_file, path)))
        return self.run(requests, open_last)

    def import_mime(self, mime: QMimeData | None) -> None:
        """Clipboard or drop content: files and URLs are imported as such, else HTML is preferred over text."""
        if mime is None:
            return
        paths, requests = mime_sources(mime, self.window.ingest())
        if paths:
            self.import_paths(paths)
        elif requests:
            self.run(requests)
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.window, self.tr("Paste as Article"), self.tr("The clipboard holds no text."))

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)
            if label:
                self._progress.setLabelText(arg(self.tr("Importing %1…"), Path(label).name or label))

    def _done(self, requests: list[ImportRequest], results: list[Any], failures: list[ImportFailure],
              open_last: bool) -> None:
        """After the broadcast of what was stored: open the last article, remember the sources, say what failed."""
        window = self.window
        if self._progress is not None and not self.running:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        for request in requests:
            if request.remember and request.label not in {f.label for f in failures}:
                settings.remember_recent(request.label)
        window.statusBar().clearMessage()
        if results:
            if open_last:
                window.open_article(results[-1].id, again=True)
            if len(requests) > 1:
                window.statusBar().showMessage(self.describe(results), 5000)
        window.import_failures.extend(failures)
        window.imports_finished.emit(results, failures)
        if failures and window.show_dialogs:
            self._show_failures(failures)

    def describe(self, results: list[Any]) -> str:
        counts = {status: sum(1 for r in results if r.status == status) for status in ("new", "updated", "unchanged")}
        return arg(self.tr("Imported: %1 new, %2 updated, %3 unchanged"), counts["new"], counts["updated"],
                   counts["unchanged"])

    def _show_failures(self, failures: list[ImportFailure]) -> None:
        lines = [f"{Path(f.label).name if not f.label.startswith('http') else f.label}: {f.reason}" for f in failures]
        title = self.tr("Could not import") if len(failures) == 1 else self.tr("Some items could not be imported")
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, title, "\n".join(lines))

    # -- the reader's ways in ------------------------------------------------------------------------------------

    @Slot()
    def open_files_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Open Articles"), settings.LAST_FOLDER.read(),
                                                self.tr(FILE_FILTER))
        if paths:
            settings.LAST_FOLDER.write(str(Path(paths[0]).parent))
            self.import_paths(paths)

    @Slot()
    def import_url_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        window = self.window
        url, ok = QInputDialog.getText(window, self.tr("Import URL"),
                                       self.tr("Address of the article (http or https):"))
        url = url.strip()
        if not ok or not url:
            return
        if not url.startswith(("http://", "https://")):
            QMessageBox.warning(window, self.tr("Import URL"),
                                self.tr("Only http:// and https:// addresses can be imported."))
            return
        self.import_paths([url])

    @Slot()
    def paste_as_article(self) -> None:
        self.import_mime(QGuiApplication.clipboard().mimeData())

    @Slot()
    def fill_recent_menu(self) -> None:
        menu = self.window.menus.recent
        menu.clear()
        entries = settings.RECENT_FILES.read()
        for entry in entries:
            action = menu.addAction(entry if entry.startswith("http") else Path(entry).name)
            action.setToolTip(entry)
            action.triggered.connect(partial(self.import_paths, [entry]))
        if not entries:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear Menu"), lambda: settings.RECENT_FILES.write([]))

