"""Download one page with urllib, bounded in every way a server could abuse.

- One deadline for the whole exchange (connect, headers, every redirect, the body): a server that drips a byte now
  and then is cut off when it passes, by shutting its socket from a timer.
- At most ``max_bytes`` read off the wire, and at most ``max_bytes`` once ``gzip`` / ``deflate`` is decoded (a
  small compressed body can expand a thousandfold).
- Only http and https, at the first address and at every redirect (``ftp:``, ``file:`` are refused).
- Credentials in the address (``user:password@``) are sent as Basic authentication to that host only, and never
  appear in a message or in the address the article is stored under.

Messages never repeat the address: the caller names it. They say what happened in words ("cannot resolve host
example.invalid"), not as an errno.
"""

from __future__ import annotations

import base64
import http.client
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from models.ingest.errors import MAX_BYTES, IngestError, size_text

ACCEPTED_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown", "application/xml",
    "text/xml",
}  # fmt: skip
WEB_SCHEMES = ("http", "https")
MAX_REDIRECTS = 10
_USER_AGENT = "Mozilla/5.0 (compatible; Newsdesk/0.1; +article reader)"
_CHUNK = 64 * 1024
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


@dataclass(frozen=True)
class Page:
    url: str  # after redirects, without credentials
    content_type: str
    body: bytes  # decoded from gzip / deflate when the server compressed it


def redact(url: str) -> str:
    """``url`` without the ``user:password@`` part (the address as it may be shown or stored)."""
    return _USERINFO.sub(r"\1", url, count=1)


def _split_credentials(url: str) -> tuple[str, str | None, str]:
    """``(address without credentials, Basic authorization header or None, host)``."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        raise IngestError(f"not a valid web address ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise IngestError(f"not a web address (http or https): {scheme or 'no scheme'}")
    if not host:
        raise IngestError("the web address names no host")
    auth = None
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, netloc = netloc.rsplit("@", 1)
        user, _, password = userinfo.partition(":")
        token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode("ascii")
        auth = f"Basic {token}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")), auth, host.lower()


class _Deadline:
    """The connections of one fetch, shut when the deadline passes so that a blocked read returns at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._connections: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self.started = time.monotonic()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        left = self.seconds - (time.monotonic() - self.started)
        if left <= 0 or self.expired:
            raise IngestError(self.message())
        return left

    def message(self) -> str:
        return f"no complete answer within {self.seconds:g} s"

    def track(self, connection_class: type[http.client.HTTPConnection]) -> Callable[..., http.client.HTTPConnection]:
        def connect(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            kwargs["timeout"] = max(0.01, min(kwargs.get("timeout") or self.seconds, self.remaining()))
            connection = connection_class(host, **kwargs)
            with self._lock:
                self._connections.append(connection)
            return connection

        return connect

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for connection in self._connections:
                sock = connection.sock
                if sock is not None:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.deadline.track(http.client.HTTPConnection), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.deadline.track(http.client.HTTPSConnection), req)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to http(s); credentials go no further than the host they were given for."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, host: str) -> None:
        super().__init__()
        self.host = host

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            scheme = urlsplit(urllib.parse.urljoin(req.full_url, location.strip())).scheme.lower()
            if scheme not in WEB_SCHEMES:
                raise IngestError(f"redirected to a {scheme} address, which is not http or https")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and (urlsplit(newurl).hostname or "").lower() != self.host:
            new.remove_header("Authorization")
        return new


def _opener(deadline: _Deadline, host: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _HTTPHandler(deadline),
        _HTTPSHandler(deadline),
        _RedirectHandler(host),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float = 20, max_bytes: int = MAX_BYTES) -> Page:
    """The page at ``url``, or ``IngestError`` with one line that does not repeat the address."""
    address, auth, host = _split_credentials(url)
    headers = {
        "User-Agent": _USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
        "Accept-Encoding": "gzip, deflate",
    }
    if auth:
        headers["Authorization"] = auth
    request = urllib.request.Request(address, headers=headers)
    with _Deadline(timeout) as deadline:
        try:
            with _opener(deadline, host).open(request, timeout=timeout) as response:
                final_url = redact(response.geturl())
                content_type = response.headers.get("Content-Type", "") or ""
                mime = content_type.split(";")[0].strip().lower()
                if mime and mime not in ACCEPTED_TYPES:
                    raise IngestError(f"serves {mime}, not a web page or text")
                length = response.headers.get("Content-Length")
                if length and length.strip().isdigit() and int(length) > max_bytes:
                    raise IngestError(f"page is larger than the {size_text(max_bytes)} limit")
                decoder = _Decoder(response.headers.get("Content-Encoding", ""), max_bytes)
                body = _read_body(response, deadline, decoder, max_bytes)
        except IngestError:
            raise
        except urllib.error.HTTPError as error:
            reason = f" ({error.reason})" if error.reason else ""
            raise IngestError(f"HTTP {error.code}{reason}") from None
        except urllib.error.URLError as error:
            raise IngestError(_failure(error.reason, deadline, host)) from None
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise IngestError(_failure(error, deadline, host)) from None
    return Page(final_url, content_type, body)


def _read_body(response: Any, deadline: _Deadline, decoder: _Decoder, max_bytes: int) -> bytes:
    """Read in small pieces, checking the deadline and both size limits after each."""
    received = 0
    while True:
        deadline.remaining()
        chunk = response.read1(_CHUNK)
        if deadline.expired:
            raise IngestError(deadline.message())
        if not chunk:
            break
        received += len(chunk)
        if received > max_bytes:
            raise IngestError(f"page is larger than the {size_text(max_bytes)} limit")
        decoder.feed(chunk)
    return decoder.finish()


class _Decoder:
    """``Content-Encoding`` undone as the body arrives, never producing more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
        if len(codings) > 1:
            raise IngestError(f"the page is encoded several times ({encoding}), which is not supported")
        self.coding = codings[0] if codings else ""
        self._zlib: Any = None
        if self.coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            pass  # zlib-wrapped per the standard, raw in practice: decided on the first bytes
        elif self.coding:
            raise IngestError(f"the page is compressed as {self.coding!r}, which is not supported")
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def feed(self, data: bytes) -> None:
        if not self.coding:
            self._keep(data)
            return
        if self._zlib is None:
            wrapped = len(data) >= 2 and (data[0] & 0x0F) == 8 and ((data[0] << 8) | data[1]) % 31 == 0
            self._zlib = zlib.decompressobj(wbits=zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        try:
            out = self._zlib.decompress(data, self.limit + 1 - self.size)
        except zlib.error:
            raise IngestError(f"the page's {self.coding} compression is damaged") from None
        self._keep(out)
        if self._zlib.unconsumed_tail:
            raise IngestError(f"page is larger than the {size_text(self.limit)} limit once decompressed")

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise IngestError(f"page is larger than the {size_text(self.limit)} limit" +
                              (" once decompressed" if self.coding else ""))
        self.parts.append(data)

    def finish(self) -> bytes:
        if self.coding and self._zlib is not None:
            try:
                self._keep(self._zlib.flush(self.limit + 1 - self.size))
            except zlib.error:
                raise IngestError(f"the page's {self.coding} compression is damaged") from None
            if not self._zlib.eof:
                raise IngestError(f"the page's {self.coding} compression is cut short")
        return b"".join(self.parts)


def _failure(reason: object, deadline: _Deadline, host: str) -> str:
    # A socket times out only when the deadline is (all but) reached: each operation gets the time left.
    if deadline.expired or isinstance(reason, TimeoutError | socket.timeout):
        return deadline.message()
    return _reason(reason, host)


def _reason(reason: object, host: str) -> str:
    """One line for a network failure, in words."""
    if isinstance(reason, socket.gaierror):
        return f"cannot resolve host {host}"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host}"
    if isinstance(reason, ConnectionResetError):
        return f"connection reset by {host}"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the certificate of {host} could not be verified ({reason.verify_message or 'invalid'})"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection to {host} failed ({reason.reason or 'TLS error'})"
    if isinstance(reason, http.client.RemoteDisconnected | http.client.IncompleteRead):
        return f"{host} closed the connection before the page was complete"
    if isinstance(reason, http.client.HTTPException):
        return f"{host} sent an invalid HTTP answer"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot reach {host}: {reason.strerror[0].lower()}{reason.strerror[1:]}"
    text = str(reason)
    return f"cannot reach {host}: {text}" if text else f"cannot reach {host}"
