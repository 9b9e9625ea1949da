"""Articles from URLs, served by a local server: redirects, errors, wrong types, size limit, timeout."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from models.ingest import IngestError, ingest_url

PAGE = (Path(__file__).resolve().parent / "fixtures" / "ingest" / "harbour-article.html").read_bytes()
RELEASE = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/story":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/old-story":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path == "/plain":
            self._send(200, b"Ferry news\n\nThe ferry will not run on Sunday.\n", "text/plain")
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif self.path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"y" * 5000 + b"</p>")
        elif self.path == "/slow":
            RELEASE.wait(10)  # answers only after the client has given up
            self._send(200, PAGE, "text/html")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def test_page_url_is_source_and_metadata_url(server: str) -> None:
    article = ingest_url(f"{server}/story")
    assert article.source == f"{server}/story"
    assert article.metadata.url == f"{server}/story"
    assert article.metadata.title == "Harbour reopens after storm repairs"
    assert "PORTHAVEN – Fishing boats returned" in article.text


def test_redirect_is_followed_to_the_final_url(server: str) -> None:
    article = ingest_url(f"{server}/old-story")
    assert article.source == f"{server}/story"
    assert article.metadata.url == f"{server}/story"


def test_plain_text_url(server: str) -> None:
    article = ingest_url(f"{server}/plain")
    assert article.text == "Ferry news\nThe ferry will not run on Sunday."
    assert article.metadata.url == f"{server}/plain"


def test_http_error_names_status_not_the_address(server: str) -> None:
    # the caller names the address: "newsdesk: http://…/missing: HTTP 404 (Not Found)"
    with pytest.raises(IngestError, match=r"^HTTP 404 \(Not Found\)$"):
        ingest_url(f"{server}/missing")


def test_wrong_content_type_is_refused(server: str) -> None:
    with pytest.raises(IngestError, match=r"^serves image/png, not a web page or text$"):
        ingest_url(f"{server}/image")


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversized_body_is_refused(server: str, path: str) -> None:
    with pytest.raises(IngestError, match="^page is larger than the 1000 bytes limit$"):
        ingest_url(f"{server}{path}", max_bytes=1000)


def test_slow_server_times_out(server: str) -> None:
    with pytest.raises(IngestError, match=r"^no complete answer within 0\.3 s$"):
        ingest_url(f"{server}/slow", timeout=0.3)


def test_unsupported_scheme_is_refused() -> None:
    with pytest.raises(IngestError, match="not a web address"):
        ingest_url("file:///etc/passwd")
