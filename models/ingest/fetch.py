"""Download one page with urllib: redirects followed, the content type checked, the size capped, a timeout."""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from models.ingest.errors import MAX_BYTES, IngestError

ACCEPTED_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown", "application/xml",
    "text/xml",
}  # fmt: skip
_USER_AGENT = "Mozilla/5.0 (compatible; Newsdesk/0.1; +article reader)"


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    content_type: str
    body: bytes


def fetch(url: str, *, timeout: float = 20, max_bytes: int = MAX_BYTES) -> Page:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise IngestError(f"not a web address (http or https): {url}")
    request = urllib.request.Request(
        url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type", "") or ""
            mime = content_type.split(";")[0].strip().lower()
            if mime and mime not in ACCEPTED_TYPES:
                raise IngestError(f"{final_url} is {mime}, not a web page or text")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise IngestError(f"page is larger than the {_size(max_bytes)} limit")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise IngestError(f"page is larger than the {_size(max_bytes)} limit")
    except urllib.error.HTTPError as error:
        raise IngestError(f"HTTP {error.code} from {url}" + (f" ({error.reason})" if error.reason else "")) from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise IngestError(f"timed out after {timeout:g} s waiting for {url}") from error
        raise IngestError(f"could not reach {url}: {reason}") from error
    except TimeoutError as error:
        raise IngestError(f"timed out after {timeout:g} s waiting for {url}") from error
    except (OSError, http.client.HTTPException) as error:
        raise IngestError(f"could not read {url}: {error}") from error
    return Page(final_url, content_type, body)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
