"""URL fetch against a hostile server on 127.0.0.1: dripping bytes, redirects off the web, compression bombs,
capital schemes, credentials in the address, and failures told in one line."""

from __future__ import annotations

import base64
import gzip
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from models.cli import main as cli_main
from models.ingest import IngestError, ingest_file, ingest_url
from models.ingest.fetch import fetch, redact

PAGE = (
    b"<!doctype html><html><head><meta charset=utf-8><title>Ferry news</title></head><body><article>"
    b"<h1>Harbour reopens after repairs</h1>"
    + b"<p>PORTHAVEN - Fishing boats returned to the harbour on Monday after three weeks of storm repairs, "
    b"and the ferry will run again from Friday, the council said.</p>" * 4
    + b"</article></body></html>"
)
STOP = threading.Event()
SEEN_AUTH: dict[str, str | None] = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        SEEN_AUTH[self.path] = self.headers.get("Authorization")
        if self.path == "/story":
            self._send(PAGE)
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for byte in PAGE * 100:
                if STOP.wait(0.5):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return
        elif self.path == "/drip-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            for _ in range(200):
                if STOP.wait(0.5):
                    return
                try:
                    self.wfile.write(b"X-Slow: 1\r\n")
                    self.wfile.flush()
                except OSError:
                    return
        elif self.path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/pub/story.html")
        elif self.path == "/to-file":
            self._redirect("FILE:///etc/passwd")
        elif self.path == "/to-story":
            self._redirect("/story")
        elif self.path == "/to-other-host":
            assert isinstance(self.server, ThreadingHTTPServer)
            port = self.server.server_port
            self._redirect(f"http://localhost:{port}/story")
        elif self.path == "/gzip":
            self._send(gzip.compress(PAGE), Content_Encoding="gzip")
        elif self.path == "/deflate":
            self._send(zlib.compress(PAGE), Content_Encoding="deflate")
        elif self.path == "/raw-deflate":
            raw = zlib.compressobj(wbits=-15)
            self._send(raw.compress(PAGE) + raw.flush(), Content_Encoding="deflate")
        elif self.path == "/gzip-bomb":
            self._send(gzip.compress(b"<p>" + b"a" * 50_000_000), Content_Encoding="gzip")
        elif self.path == "/gzip-damaged":
            self._send(gzip.compress(PAGE)[:40] + b"\x00" * 40, Content_Encoding="gzip")
        elif self.path == "/brotli":
            self._send(b"\x0b\x02\x80hello\x03", Content_Encoding="br")
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()
    httpd.server_close()


def test_a_dripping_body_is_cut_off_at_the_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"^no complete answer within 1\.5 s$"):
        ingest_url(f"{server}/drip", timeout=1.5)
    assert time.monotonic() - started < 4


def test_dripping_headers_are_cut_off_at_the_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"^no complete answer within 1\.5 s$"):
        ingest_url(f"{server}/drip-headers", timeout=1.5)
    assert time.monotonic() - started < 4


@pytest.mark.parametrize(("path", "scheme"), [("/to-ftp", "ftp"), ("/to-file", "file")])
def test_a_redirect_off_the_web_is_refused(server: str, path: str, scheme: str) -> None:
    with pytest.raises(IngestError, match=rf"^redirected to a {scheme} address, which is not http or https$"):
        ingest_url(f"{server}{path}")


def test_a_redirect_within_the_web_is_followed(server: str) -> None:
    assert ingest_url(f"{server}/to-story").source == f"{server}/story"


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_pages_are_decoded(server: str, path: str) -> None:
    article = ingest_url(f"{server}{path}")
    assert article.metadata.title == "Harbour reopens after repairs"
    assert "Fishing boats returned" in article.text


def test_decoded_size_is_bounded(server: str) -> None:
    with pytest.raises(IngestError, match="^page is larger than the 20 MB limit once decompressed$"):
        fetch(f"{server}/gzip-bomb")


@pytest.mark.parametrize(("path", "reason"), [
    ("/gzip-damaged", "^the page's gzip compression is (damaged|cut short)$"),
    ("/brotli", "^the page is compressed as 'br', which is not supported$"),
])
def test_unreadable_compression_is_one_line(server: str, path: str, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        fetch(f"{server}{path}")


def test_schemes_are_matched_whatever_their_case(server: str) -> None:
    upper = server.replace("http://", "HTTP://")
    assert "Fishing boats" in ingest_url(f"{upper}/story").text
    assert "Fishing boats" in ingest_file(f"{upper}/story").text  # where a file name is expected (the reader, CLI)


def test_capital_scheme_on_the_command_line(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["extract", server.replace("http://", "HtTp://") + "/story"]) == 0
    assert "Harbour reopens after repairs" in capsys.readouterr().out


def test_credentials_are_sent_to_their_host_only_and_never_printed(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    address = server.replace("http://", "http://reader:s3cret%21@")
    article = ingest_url(f"{address}/story")
    assert article.source == f"{server}/story"
    assert SEEN_AUTH["/story"] == "Basic " + base64.b64encode(b"reader:s3cret!").decode()
    ingest_url(f"{address}/to-other-host")
    assert SEEN_AUTH["/story"] is None  # the redirect went to another host name: no credentials there

    assert cli_main(["extract", f"{address}/missing", f"{address}/story"]) == 1
    out, err = capsys.readouterr()
    assert "s3cret" not in out + err and "reader" not in out + err
    assert err == f"newsdesk: {server}/missing: HTTP 404 (Not Found)\n"


def test_errors_are_one_line_without_the_address_twice_or_an_errno(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["extract", "http://user:pw@example.invalid/story", "ftp://user:pw@127.0.0.1/x"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "newsdesk: http://example.invalid/story: cannot resolve host example.invalid",
        "newsdesk: ftp://127.0.0.1/x: not a web address (http or https): ftp",
    ]


def test_refused_connection_is_told_in_words() -> None:
    with pytest.raises(IngestError, match=r"^connection refused by 127\.0\.0\.1$"):
        fetch("http://127.0.0.1:9/story", timeout=5)


def test_redact_keeps_everything_but_the_credentials() -> None:
    assert redact("https://a:b@host:8080/p?q=1#f") == "https://host:8080/p?q=1#f"
    assert redact("https://a:b@c@host/p@x") == "https://host/p@x"
    assert redact("https://host/p@x") == "https://host/p@x"
