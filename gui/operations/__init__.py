"""Every user action that writes to the library, one small function each (after Anki's ``aqt.operations``).

An operation writes through the library, is pushed on the window's undo stack where the action can be undone, and
reports what it changed as a :class:`Changes` value that the window broadcasts once (``MainWindow.changed``); every
panel refreshes itself from that broadcast. Long work goes through :class:`gui.runner.Runner`. Nothing else in the
GUI writes to the store.

- :mod:`gui.operations.annotations`: highlight, recolour, edit a note or tags, delete, re-attach, the article note,
  the colour legend.
- :mod:`gui.operations.entities`: correct an entity (rename, merge, retype, confirm, remove, add …).
- :mod:`gui.operations.articles`: import, delete articles, re-analyse, set the publication date, mark as read.
- :mod:`gui.operations.reading`: remember where the reader is in an article (the scroll position).
- :mod:`gui.operations.files`: export (and its preview), back up, restore, bring back, open another library.
"""

from gui.operations.changes import Changes
from gui.operations.context import OpContext

__all__ = ["Changes", "OpContext"]
