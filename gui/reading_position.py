"""Where the reader left each article: the scroll position, saved as they read and restored when they come back.

A position is the code-point offset of the first character at the top of the view (the store's reading state). It
is written through the runner, never on the GUI thread: when the reader leaves the article (another article, the
window closed) and, while they scroll, once they pause. It is restored when the article is opened again, unless
the opening itself went somewhere (a library search hit, a highlight, a timeline event, the find bar): a jump wins
over the remembered place.

The document may still be laying itself out when the article opens (in steps, in idle time), and its length grows
as it does. The place is shown as soon as the layout has reached it (asking for a line further on would lay out
the whole article at once on the GUI thread), applied again as the document's size changes, and checked once the
layout is still, until it holds, the reader takes over (wheel, keys, a click) or a short while has passed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Slot

from gui.operations.reading import save_position

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 800  # a pause in scrolling this long saves the place
SETTLE_MS = 120  # the layout has been still this long: check that the restored line is still at the top
RESTORE_WINDOW_MS = 3000  # a document still growing after this long no longer moves the reader

_READER_INPUT = (QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress)


class ReadingPositions(QObject):
    """Follows the article on the window's reading view: saves its position, restores it when reopened."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self._article: int | None = None  # the article on screen, once opened
        self._following = False  # the view's scrolls are the reader's: they are saved
        self._jumped = False  # the opening went to a place of its own
        self._target: int | None = None  # a restore under way: the offset to bring to the top
        self._applying = False
        self._known: dict[int, int] = {}  # positions read or written in this window, by article
        self._clock = QElapsedTimer()
        self._save = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save.timeout.connect(self.save_now)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)
        self.view.leaving.connect(self._on_leaving)
        self.view.navigated.connect(self._on_navigated)
        self.view.scrolled.connect(self._on_scrolled)
        self.view.document().documentLayout().documentSizeChanged.connect(self._on_layout)
        window.article_opened.connect(self._on_opened)
        for watched in (self.view, self.view.viewport(), self.view.verticalScrollBar()):
            watched.installEventFilter(self)
        window.installEventFilter(self)  # the window closing is leaving the article

    # -- what the window and tests ask ---------------------------------------------------------------------------

    @property
    def restoring(self) -> bool:
        """A remembered place is being brought back (the reader has not moved since the article opened)."""
        return self._target is not None

    def position_of(self, article_id: int) -> int:
        """The remembered place of an article: this window's last word on it, else the library's (a primary-key
        read, answered by the start-up snapshot before the store is up)."""
        if article_id not in self._known:
            try:
                _read, position = self.window.library.reading_state(article_id)
            except Exception as error:  # noqa: BLE001 — no remembered place is no reason to refuse the article
                log.warning("reading state of article %s: %s", article_id, error)
                position = 0
            self._known[article_id] = max(0, int(position))
        return self._known[article_id]

    @Slot()
    def save_now(self) -> None:
        """Store where the reader is in the article on screen, if it moved since it was last stored."""
        self._save.stop()
        if not self._following or self._article is None:
            return
        position = self.view.top_offset()
        if position is not None:
            self._store(self._article, position)

    # -- leaving an article --------------------------------------------------------------------------------------

    def _store(self, article_id: int, position: int) -> None:
        if self._known.get(article_id) == position:
            return
        self._known[article_id] = position  # remembered in this window even where the library cannot keep it
        if not self.window.library.read_only:
            save_position(self.window.ops, article_id, position)

    @Slot()
    def _on_leaving(self) -> None:
        """The view is about to show another article (or none): the old one's place is read while it still can
        be."""
        self.save_now()
        self._article = None
        self._following = False
        self._jumped = False
        self._end_restore(follow=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.window:
            self.save_now()
        elif kind in _READER_INPUT and self._target is not None:
            self._end_restore()  # the reader moves on their own
        return False

    # -- coming back ---------------------------------------------------------------------------------------------

    @Slot(int)
    def _on_opened(self, article_id: int) -> None:
        self._article = article_id
        reading = self.window.reading_if_built()  # not built yet: no passage to jump to
        if self._jumped or (reading is not None and reading.jump_pending(article_id)):
            self._follow()
            return
        position = self.position_of(article_id)
        if position <= 0:
            self._follow()
            return
        self._target = position
        self._clock.start()
        self._apply(force=False)
        self._settle.start()

    def _apply(self, force: bool = True) -> bool:
        """Bring the remembered line to the top; unless ``force``, only once the layout has reached it (the
        document lays itself out in steps in idle time)."""
        if self._target is None or self.view.article() is None:
            return True
        if not force and not self.view.laid_out_to(self._target):
            return False
        self._applying = True
        try:
            return self.view.show_at_top(self._target)
        finally:
            self._applying = False

    @Slot()
    def _on_layout(self) -> None:
        if self._target is not None:
            self._apply(force=False)
            self._settle.start()

    @Slot()
    def _on_settled(self) -> None:
        """The layout has been still for a moment: it is done (or nearly), so the line can be asked for."""
        if self._target is None:
            return
        if self._apply() or self._clock.elapsed() > RESTORE_WINDOW_MS:
            self._end_restore()
        else:
            self._settle.start()

    def _end_restore(self, follow: bool = True) -> None:
        self._target = None
        self._settle.stop()
        if follow:
            self._follow()

    def _follow(self) -> None:
        self._following = self._article is not None

    # -- the reader moving ---------------------------------------------------------------------------------------

    @Slot()
    def _on_navigated(self) -> None:
        """Something took the reader to a place: it wins over a restore under way, and over one to come while the
        article is being opened."""
        self._jumped = True
        if self._target is not None:
            self._end_restore()

    @Slot()
    def _on_scrolled(self) -> None:
        if self._applying or not self._following or self._article is None:
            return
        if self.window.current_article_id() == self._article:
            self._save.start()
