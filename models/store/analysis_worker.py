"""Analysis of stored articles in a separate, long-lived process.

In a thread of the reader's process the analysis stalls the event loop however the thread is scheduled: spaCy and
the regular expressions hold the GIL for long single calls (one pass of one rule over a 1 MB article is ~100 ms).
A process started once (a fresh interpreter running this module: no copy of the reader's state, no Qt, and unlike
multiprocessing's 'spawn' it does not re-run the reader's main script) loads the model once, analyses the article,
saves the result to the library itself (so no large serialisation happens in the reader either) and sends the
analysis back as the plain dicts of :mod:`models.analysis.serialize`, in messages small enough to unpickle in a
millisecond. It runs at a lower priority than the reader, so that on a busy machine the interface gets the
processor first.
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger(__name__)

# List items (entities, timexes, events, or the mentions of one entity) per message.
_CHUNK = 400


class WorkerFailed(RuntimeError):
    pass


def _messages(data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """``data`` (a :func:`.serialize.to_dict` result) as a sequence of small messages."""
    yield ("begin", {k: v for k, v in data.items() if not isinstance(v, list)})
    for key, items in data.items():
        if not isinstance(items, list):
            continue
        batch: list[Any] = []
        for item in items:
            mentions = item.get("mentions") if isinstance(item, dict) else None
            if isinstance(mentions, list) and len(mentions) > _CHUNK:
                if batch:
                    yield ("items", key, batch)
                    batch = []
                yield ("items", key, [{**item, "mentions": []}])
                for i in range(0, len(mentions), _CHUNK):
                    yield ("mentions", key, mentions[i : i + _CHUNK])
                continue
            batch.append(item)
            if len(batch) >= _CHUNK:
                yield ("items", key, batch)
                batch = []
        yield ("items", key, batch)
    yield ("end",)


def _receive(conn: Connection) -> dict[str, Any]:
    data: dict[str, Any] = {}
    while True:
        message = conn.recv()
        kind = message[0]
        if kind == "begin":
            data.update(message[1])
        elif kind == "items":
            data.setdefault(message[1], []).extend(message[2])
        elif kind == "mentions":
            data[message[1]][-1]["mentions"].extend(message[2])
        elif kind == "end":
            return data
        elif kind == "error":
            raise WorkerFailed(message[1])
        else:
            raise WorkerFailed(f"unexpected message from the analysis process: {kind!r}")


def _analyse_stored(libraries: dict[str, Any], url: str, article_id: int, retry: bool = False) -> dict[str, Any]:
    # The store is imported here, in the worker process only: it builds on the analysis, not the other way round.
    from models.analysis import READER_BUDGET
    from models.analysis.serialize import to_dict
    from models.store.analysis_jobs import ensure_analysis
    from models.store.engine import make_engine
    from models.store.library import Library

    lib = libraries.get(url)
    if lib is None:
        lib = libraries[url] = Library(url, make_engine(url))
    return to_dict(ensure_analysis(lib, article_id, retry=retry, budget=READER_BUDGET))


def _serve(requests: Connection, conn: Connection) -> None:
    """The worker process: requests ``("stored", library_url, article_id)`` until ``None`` or the pipe closes."""
    if hasattr(os, "nice"):
        os.nice(5)
    try:
        from models.analysis import nlp
        from models.analysis.given_names import given_names

        nlp.load()  # the first request needs it at once; a missing model is reported by that request
        given_names()  # and the names the entity rules read (a third of a second)
    except Exception:  # noqa: BLE001
        pass
    libraries: dict[str, Any] = {}
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            break
        if request is None:
            break
        try:
            _kind, url, article_id, *rest = request
            data = _analyse_stored(libraries, url, article_id, bool(rest and rest[0]))
        except BaseException as error:  # noqa: BLE001 — reported to the reader, the worker lives on
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            conn.send(("error", " ".join(f"{type(error).__name__}: {error}".split())[:300]))
            continue
        for message in _messages(data):
            conn.send(message)
    for lib in libraries.values():
        lib.close()


class AnalysisWorker:
    """The reader's side of the worker process: one request at a time, the process started on the first one and
    again after it died."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._requests: Connection | None = None
        self._conn: Connection | None = None

    def _started(self) -> tuple[Connection, Connection]:
        if self._conn is None or self._requests is None or self._process is None or self._process.poll() is not None:
            self._stop()
            to_worker, requests = os.pipe()[::-1]  # (write end, read end)
            replies, from_worker = os.pipe()
            try:
                self._process = subprocess.Popen(
                    [sys.executable, "-m", __name__, str(requests), str(from_worker)],
                    pass_fds=(requests, from_worker),
                    stdin=subprocess.DEVNULL,
                )
            finally:
                os.close(requests)
                os.close(from_worker)
            self._requests = Connection(to_worker, readable=False)
            self._conn = Connection(replies, writable=False)
        return self._requests, self._conn

    def analyse_stored(self, library_url: str, article_id: int, *, retry: bool = False) -> dict[str, Any]:
        """The :func:`.serialize.to_dict` form of the article's analysis, computed and saved by the worker (or
        read from the library's cache; ``retry``: a stored failure is computed again). Blocks the calling thread,
        never holding the GIL while it waits. A worker that died is started again by the next request."""
        with self._lock:
            requests, conn = self._started()
            try:
                requests.send(("stored", library_url, article_id, retry))
                return _receive(conn)
            except (EOFError, OSError) as error:
                self._stop()
                raise WorkerFailed("the analysis process stopped unexpectedly") from error

    def _stop(self) -> None:
        if self._requests is not None:
            try:
                self._requests.send(None)
            except (OSError, ValueError):
                pass
            self._requests.close()
            self._requests = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            try:
                self._process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=2)
            self._process = None

    def close(self) -> None:
        """Stop the worker process (it is started again by the next request)."""
        if not self._lock.acquire(timeout=2):
            if self._process is not None:  # a request is running: end it, its caller gets WorkerFailed
                self._process.kill()
            return
        try:
            self._stop()
        finally:
            self._lock.release()


_shared: AnalysisWorker | None = None
_shared_lock = threading.Lock()


def shared_worker() -> AnalysisWorker:
    """The process-wide worker (created on first use, stopped at exit)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = AnalysisWorker()
            atexit.register(_shared.close)
        return _shared


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False))
