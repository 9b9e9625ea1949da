"""One window per library: a second ``newsdesk FILE`` hands its files to the window already running on the same
library (over a local socket) and exits, instead of opening a second full window on the same data.

The socket's name is derived from the user and the library location, so two libraries still open side by side.
A server left behind by a crash (kill -9) is detected by the failed connection and replaced.

QtNetwork is loaded only when it is used: by the window's server, once the window is painted, and by a launch that
finds a server's socket file (on POSIX systems the socket is a file in Qt's temporary folder, so a launch with no
window running learns that without loading the module).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Slot

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

CONNECT_MS = 400
ACK = b"ok\n"


def server_name(library_location: str) -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{library_location}".encode()).hexdigest()[:16]
    return f"newsdesk-{digest}"


def absolute_sources(sources: Sequence[str]) -> list[str]:
    """Files as absolute paths (the running window has another working folder); URLs as they are."""
    from PySide6.QtCore import QUrl

    out: list[str] = []
    for source in sources:
        url = QUrl(source)
        if url.scheme() in ("http", "https"):
            out.append(source)
        else:
            out.append(str(Path(source).expanduser().resolve()))
    return out


def may_be_serving(name: str) -> bool:
    """False when no window can be listening on ``name``: on POSIX systems its socket file does not exist (where
    ``QLocalServer.listen(name)`` makes it, in Qt's temporary folder). True when one may be (or cannot be told)."""
    if os.name != "posix":
        return True
    return os.path.lexists(os.path.join(QDir.tempPath(), name))


def hand_off(name: str, sources: Sequence[str], timeout_ms: int = CONNECT_MS) -> bool:
    """Give ``sources`` to the window serving ``name``; False when none is running (or it did not answer)."""
    if not may_be_serving(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(json.dumps({"open": absolute_sources(sources)}).encode() + b"\n")
    socket.flush()
    if socket.bytesToWrite() and not socket.waitForBytesWritten(timeout_ms * 2):
        return False
    ok = socket.waitForReadyRead(timeout_ms * 5) and bytes(socket.readAll().data()).startswith(ACK)
    socket.disconnectFromServer()
    return bool(ok)


class InstanceServer(QObject):
    """Listens for later launches; ``on_open(sources)`` is called with what each one asked to open."""

    def __init__(self, name: str, on_open: Callable[[list[str]], None], parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._on_open = on_open
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # left by a process that died without closing it
            self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def is_listening(self) -> bool:
        return self.server.isListening()

    @Slot()
    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            buffer = bytearray()

            def read(sock: QLocalSocket = socket, buf: bytearray = buffer) -> None:
                buf += sock.readAll().data()
                if b"\n" not in buf:
                    return
                line = bytes(buf).split(b"\n", 1)[0]
                try:
                    sources = [str(s) for s in json.loads(line.decode("utf-8")).get("open", [])]
                except (ValueError, AttributeError):
                    sources = None
                sock.write(ACK if sources is not None else b"error\n")
                sock.flush()
                sock.disconnectFromServer()
                if sources is not None:
                    self._on_open(sources)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()
