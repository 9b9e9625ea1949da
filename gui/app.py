"""Start the reader: application setup, fonts, theme, library, the main window, and the screenshot mode.

``run()`` is what ``newsdesk [--library L] [--screenshot PNG] [FILE|URL ...]`` calls (see gui/launcher.py).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from importlib.resources import as_file, files
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyleFactory

from gui import first_paint, settings
from gui.article_document import BODY_PX
from gui.i18n import arg
from gui.main_window import MainWindow
from gui.operations.articles import ImportRequest
from gui.single_instance import InstanceServer, hand_off, server_name
from gui.theme import ThemeController
from gui.typefaces import Typefaces, check_rendering, register_bundled_fonts

SAMPLE_PACKAGE = "resources.samples"
SAMPLE_NAME = "abe-putin-summit-2019-01-23.txt"
SCREENSHOT_SIZE = QSize(1440, 900)
SINGLE_INSTANCE = "NEWSDESK_SINGLE_INSTANCE"  # "0": every launch opens its own window
STARTUP_MARKS = "NEWSDESK_STARTUP_MARKS"  # set: stderr gets "startup-mark <name> <epoch seconds>" lines
# in this order: modules-loaded, window-built, window-shown, article-painted, settled (the last in screenshot mode)


def startup_mark(name: str) -> None:
    """A start-up milestone with its wall-clock time, and the CPU time the main thread has spent by then (a figure
    other processes on the machine disturb less), for benchmarks/startup.py (only when asked for)."""
    if os.environ.get(STARTUP_MARKS):
        print(f"startup-mark {name} {time.time():.6f}\nstartup-cpu {name} {time.thread_time():.6f}", file=sys.stderr,
              flush=True)


def in_turns(owner: QObject, steps: list[Callable[[], object]]) -> None:
    """Run the steps one per turn of the event loop (what the user does meanwhile is handled between them); none
    once ``owner`` is gone."""
    if not steps:
        return

    def step() -> None:
        steps[0]()
        in_turns(owner, steps[1:])

    QTimer.singleShot(0, owner, step)


FIRST_PAINT_WAIT_MS = 1500  # the store comes up after this even if the window was never painted (minimised)


class _FirstArticlePaint(QObject):
    """Marks the first paint of the reading view with an article in it (before the docks have their analysis), and
    then calls ``after`` once: then, on the first paint of the empty page (a library with nothing to show yet), or
    after FIRST_PAINT_WAIT_MS when no such paint comes (a minimised window)."""

    def __init__(self, window: MainWindow, after: Callable[[], object] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._after = after
        self._watched = (window.view.viewport(), window.empty_article)
        for widget in self._watched:
            widget.installEventFilter(self)
        if after is not None:
            QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if event.type() != QEvent.Type.Paint:
            return False
        if watched is self._watched[0] and self._window.view.article() is not None:
            for widget in self._watched:
                widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted)  # after this paint has been drawn
        elif watched is self._watched[1]:
            watched.removeEventFilter(self)  # the article's paint is still marked when it comes
            QTimer.singleShot(0, self, self._done)
        return False

    def _painted(self) -> None:
        startup_mark("article-painted")
        self._done()

    def _done(self) -> None:
        after, self._after = self._after, None
        if after is not None:
            after()


class _StoreArrival(QObject):
    """Brings the library opened in a background thread to the GUI thread (queued signals)."""

    arrived = Signal(object)  # the library
    failed = Signal(object)  # the exception


def configure_application(argv: list[str] | None = None) -> tuple[QApplication, Typefaces, ThemeController]:
    """Create (or reuse) the QApplication with Newsdesk's names, fonts, style and theme."""
    QCoreApplication.setOrganizationName("Newsdesk")
    QCoreApplication.setApplicationName("Newsdesk")
    existing = QApplication.instance()
    # Fusion: a neutral base the palette and stylesheet can fully restyle on every platform. The stylesheet takes the
    # stock icons off dialog buttons (a QProxyStyle subclass would cost a call into Python for every one of the
    # thousands of style hints Qt asks while the window is built). A new application gets it as it is made: no QStyle
    # then reaches Python before the first paint (PySide6 builds QStyle's eleven enums for one, 7–11 ms).
    fusion = "Fusion" in QStyleFactory.keys()
    if isinstance(existing, QApplication):
        app = existing
        if fusion and not app.styleSheet() and app.style().name().casefold() != "fusion":  # else configured already
            app.setStyle("Fusion")
    else:
        app = QApplication([*(argv or [sys.argv[0]]), *(["-style", "Fusion"] if fusion else [])])
    app.setApplicationDisplayName("Newsdesk")
    app.setDesktopFileName("newsdesk")
    faces = register_bundled_fonts()
    if faces.ui:
        font = QFont(faces.ui)
        font.setPixelSize(13)
        app.setFont(font)
    theme = ThemeController(app, faces)
    theme.apply()
    return app, faces, theme


def font_problem(faces: Typefaces) -> str | None:
    """Why the window would not show readable text, or None."""
    for family, px in ((faces.ui, 13), (faces.serif, BODY_PX)):
        font = QFont(family) if family else QFont()
        font.setPixelSize(round(px))
        if (problem := check_rendering(font)) is not None:
            return problem
    return None


def open_window(library: Any, faces: Typefaces, theme: ThemeController | None, sources: list[str],
                ingest: Any = None, pool: Any = None, interactive: bool = True,
                shown: int | None = None, defer_reading: bool = False) -> MainWindow:
    """Build the window, restore its layout and start importing what the command line named.

    An empty library gets the bundled sample, so the first start shows a real article rather than a blank page.
    ``shown``: the stored article of the file named, opened now; the caller imports the file again later
    (gui.first_paint). ``defer_reading``: the Entities and Timeline panels are built on the first use of
    ``window.reading`` (gui.main_window).
    """
    window = MainWindow(library, faces, theme, ingest=ingest, pool=pool, defer_reading=defer_reading)
    window.show_dialogs = interactive
    window.restore_layout()
    if shown is not None:
        window.open_article(shown)
    elif sources:
        window.import_paths(sources)
    elif library.article_count() == 0:
        window.import_requests([sample_request(window)])
    else:
        last: int | None = settings.LAST_ARTICLE.read()
        if callable(getattr(library, "article_page", None)):  # two small queries, whatever the library's size
            if not (isinstance(last, int) and _exists(library, last)):
                first = library.article_page(0, 1)
                last = first[0].id if first else None
            if last is not None:
                window.open_article(last)
        else:
            articles = library.list_articles()
            ids = {a.id for a in articles}
            if last is not None and last in ids:
                window.open_article(last)
            elif articles:
                window.open_article(articles[0].id)
    window.library_panel.list.setFocus()
    return window


def _exists(library: Any, article_id: int) -> bool:
    try:
        library.get_article(article_id)
    except KeyError:
        return False
    return True


def sample_request(window: MainWindow) -> ImportRequest:
    def produce() -> Any:
        with as_file(files(SAMPLE_PACKAGE) / SAMPLE_NAME) as path:
            return window.ingest().ingest_file(str(path))

    return ImportRequest(SAMPLE_NAME, produce, remember=False)


SETTLE_POLL_MS = 5


def when_settled(window: MainWindow, callback: Callable[[], None]) -> None:
    """Call back once no import or analysis is running and the event queue has drained (the window is painted).

    A short poll: the wait is on every screenshot's (and the start-up benchmark's) critical path, and checking
    ``busy()`` costs nothing.
    """
    def check() -> None:
        if window.busy():  # imports, then the analysis of the article they open
            QTimer.singleShot(SETTLE_POLL_MS, check)
            return
        QApplication.processEvents()  # the layout and paint requests the last results posted
        QTimer.singleShot(0, drained)

    def drained() -> None:
        if window.busy():  # the drained events started more work
            QTimer.singleShot(SETTLE_POLL_MS, check)
            return
        QApplication.processEvents()
        callback()

    QTimer.singleShot(0, check)


def receive_handed_files(window: MainWindow, sources: list[str]) -> None:
    """A later launch gave us its files: import them here and bring the window forward."""
    if sources:
        window.import_paths(sources)
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def open_store(library: str | None, screenshot: str | None) -> Any:
    """The library, opened through the store; None when it cannot be (the reason was said or shown)."""
    from models.store.integrity import LibraryDamaged

    try:
        from models.store import open_library

        return open_library(library)
    except LibraryDamaged as damage:  # never a dead end: restore, another library, or quit (gui.damaged_library)
        if screenshot:
            print(f"newsdesk: {damage}", file=sys.stderr)
            return None
        from gui.damaged_library import ask_what_to_do

        return ask_what_to_do(damage)
    except Exception as error:  # noqa: BLE001 — the user needs the reason, not a traceback
        message = " ".join(str(error).split()) or type(error).__name__
        if screenshot:
            print(f"newsdesk: cannot open the library: {message}", file=sys.stderr)
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "Newsdesk", QCoreApplication.translate("run", "Cannot open the library:") +
                                 f"\n{message}")
        return None


def _with_store(window: MainWindow, lib: Any, single: bool, instance: str) -> None:
    """What needs the opened store: the read-only notice and the door for later launches."""
    if getattr(lib, "read_only", ""):  # opened for reading only (models.store.opening): say so for good
        from PySide6.QtWidgets import QLabel

        notice = QLabel(arg(QCoreApplication.translate("run", "Read-only library (%1): changes cannot be saved"),
                            lib.read_only), window)
        notice.setObjectName("ReadOnlyNotice")
        window.statusBar().addPermanentWidget(notice)
    if single:
        server = InstanceServer(instance, lambda sources: receive_handed_files(window, sources), window)
        setattr(window, "_instance_server", server)  # noqa: B010 — kept with the window for as long as it is open


def run(argv_files: list[str], library: str | None = None, screenshot: str | None = None,
        snapshot: bool = True, startup: first_paint.StartupLibrary | None = None) -> int:
    """``snapshot``: paint the first window from a sqlite3 snapshot when the library allows it (gui.first_paint);
    ``startup``: that snapshot, already opened by the launcher."""
    startup_mark("modules-loaded")  # the interpreter, Qt and the reader's modules
    app, faces, theme = configure_application([sys.argv[0]])
    if screenshot and (problem := font_problem(faces)):
        print(f"newsdesk: {problem}", file=sys.stderr)
        return 1
    # An existing library with nothing to import, or with the one file named already in it: the window is painted
    # from a sqlite3 snapshot and the store (SQLAlchemy, checks, migrations, backup) comes up behind it
    # (gui.first_paint); the file is imported again once it is up.
    if startup is None and snapshot:
        startup = first_paint.startup_library(library, argv_files)
    lib = startup if startup is not None else open_store(library, screenshot)
    if lib is None:
        return 1
    single = not screenshot and os.environ.get(SINGLE_INSTANCE, "1") != "0"
    instance = server_name(str(getattr(lib, "location", library or "")))
    if single and hand_off(instance, list(argv_files)):
        lib.close() if startup is None and hasattr(lib, "close") else None
        return 0  # the window already open on this library took the files
    window = open_window(lib, faces, theme, list(argv_files), interactive=not screenshot,
                         shown=startup.shown if startup is not None else None, defer_reading=True)
    startup_mark("window-built")
    outcome: dict[str, int] = {"code": 1}
    analysis_failures: list[str] = []
    store_failed: list[BaseException] = []

    def capture() -> None:
        failures = [f"{f.label}: {f.reason}" for f in window.import_failures] + analysis_failures
        if failures:
            print("newsdesk: " + "; ".join(failures), file=sys.stderr)
        picture = window.grab()
        startup_mark("settled")  # everything drawn, entities and timeline included (saving the PNG follows)
        if picture.save(screenshot or ""):
            outcome["code"] = 0 if not failures else 1
        else:
            print(f"newsdesk: could not write {screenshot}", file=sys.stderr)
        window.close()
        app.quit()

    def panels_built() -> None:  # built and wired in this turn: no analysis can be reported before it is heard
        reading = window.reading
        if screenshot:
            reading.runner.failed.connect(
                lambda article_id, reason: analysis_failures.append(
                    f"analysis of article {article_id} failed: {reason}"))

    def build_reading() -> None:  # the Entities and Timeline panels, once the article is on screen
        in_turns(window, [*window.reading_steps(), panels_built])

    if startup is None:
        _with_store(window, lib, single, instance)
        _FirstArticlePaint(window, build_reading)
    else:
        arrival = _StoreArrival(window)
        store = startup

        def arrived(real: Any) -> None:
            store.release_snapshot()
            _with_store(window, store, single, instance)
            if argv_files:  # the file whose stored article is on screen: read again (unchanged: nothing stored)
                window.import_paths(list(argv_files))
            if screenshot:
                when_settled(window, capture)

        def failed(error: BaseException) -> None:  # damaged, or cannot be opened: the window built on it goes
            store_failed.append(error)
            window.close()
            shiboken6.delete(window)  # now, with its children: nothing queued for them is delivered any more
            store.fail(error)  # the background reads that waited for the store end, reporting to no one
            app.quit()

        def opened(real: Any) -> None:  # in the background thread
            store.attach(real)
            arrival.arrived.emit(real)

        def not_opened(error: BaseException) -> None:  # in the background thread
            # The window built on the snapshot goes; what its background reads would log about the library that
            # did not open is said once, by the store's own message when it is opened the usual way (below).
            logging.disable(logging.CRITICAL)
            store.failing(error)
            arrival.failed.emit(error)

        started: list[object] = []

        def start() -> None:
            if not started:
                started.append(first_paint.bring_up_store(lambda: _open_library(library, bool(argv_files), single),
                                                          opened, not_opened))

        def start_then_build() -> None:  # the store opens in its thread while the panels are built here
            start()
            build_reading()

        arrival.arrived.connect(arrived)
        arrival.failed.connect(failed)
        startup.starter = start
        _FirstArticlePaint(window, start_then_build)
    if screenshot:
        window.resize(SCREENSHOT_SIZE)  # the same picture whatever the saved geometry or the screen
    window.show()
    startup_mark("window-shown")  # polished and laid out; painted by the event loop next
    window.library_panel.list.setFocus()  # reading starts from the list, not with a caret in the search field
    if not screenshot:  # on workers once the window is painted: the day's backup, articles an older version read
        from gui.library_backup import install_daily_backup
        from gui.library_refresh import install_library_refresh

        install_daily_backup(window)
        install_library_refresh(window)
    gc.freeze()  # the modules, classes and the window live as long as the process: never walk them again
    gc.enable()  # off during start-up (see gui.launcher)
    if screenshot and startup is None:
        when_settled(window, capture)
    code = app.exec()
    if store_failed:  # open it the usual way, with the store's own messages and choices
        QThreadPool.globalInstance().waitForDone(5000)
        logging.disable(logging.NOTSET)
        return run(argv_files, library=library, screenshot=screenshot, snapshot=False)
    if not screenshot:
        return code
    lib.close() if hasattr(type(lib), "close") or startup is not None else None
    return outcome["code"]


def _open_library(library: str | None, importing: bool = False, serving: bool = False) -> Any:
    """The store, opened in the background thread; ``importing``: also load what importing a file needs there,
    rather than on the GUI thread once the window is up; ``serving``: likewise QtNetwork, for the server later
    launches hand their files to (gui.single_instance, made on the GUI thread when the store arrives)."""
    from models.store import open_library

    opened = open_library(library)
    if importing:
        import models.cli.import_pool  # noqa: F401 — expand_sources
        import models.ingest  # noqa: F401
    if serving:
        import PySide6.QtNetwork  # noqa: F401
    return opened
