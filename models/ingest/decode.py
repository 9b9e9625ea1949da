"""Bytes to text: refuse what is not text, then decode by BOM, UTF-8, a declared charset or detection.

Order matters: a BOM is certain, valid UTF-8 with non-ASCII bytes is near-certain (legacy encodings almost never
form valid UTF-8 by accident), a declared charset is often wrong on old pages, detection is the last resort.
"""

from __future__ import annotations

import codecs
import itertools
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from models.ingest.errors import MAX_BYTES, IngestError

# (magic prefix, offset, description); longest / most specific first.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"\x00\x00\x01\x00", 0, "an icon"),
    (b"%PDF-", 0, "a PDF document"),
    (b"PK\x03\x04", 0, "a ZIP archive or Office/EPUB document"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office document"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"\x7fELF", 0, "a program"),
    (b"MZ", 0, "a Windows program"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"OggS", 0, "an Ogg media file"),
    (b"fLaC", 0, "a FLAC audio file"),
    (b"ftyp", 4, "an MP4 video or audio file"),
    (b"\x1aE\xdf\xa3", 0, "a Matroska/WebM video"),
    (b"wOFF", 0, "a web font"),
    (b"wOF2", 0, "a web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, LF, FF, CR: text never holds many of them, mis-decoded binary does. A few are removed,
# more than _MAX_CONTROLS anywhere in the text refuse it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROLS = 8
# What shows nothing: white space, byte order marks, zero-width characters, soft hyphens, word joiners.
_VISIBLE = re.compile(r"[^\s\ufeff\u200b-\u200f\u2060-\u2064\u00ad\u034f\u180e]")


def sniff_binary(data: bytes) -> str | None:
    """Name what ``data`` is when it is clearly not text (else None)."""
    for magic, offset, what in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if magic == b"MZ" and b"\x00" not in data[:256]:
                continue  # a text that happens to start with "MZ"
            if magic == b"BZh" and not data[3:4].isdigit():
                continue
            if magic == b"\x00\x00\x01\x00" and len(data) < 64:
                continue
            return what
    if _bom_encoding(data) or _bomless_utf16(data):
        return None
    if b"\x00" in data:
        return "contains NUL bytes"
    return None


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text puts a NUL in every other byte."""
    head = data[:4096]
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even_nul = head[0::2].count(0) / (len(head) // 2)
    odd_nul = head[1::2].count(0) / (len(head) // 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise IngestError(f"file is larger than the {MAX_BYTES // (1024 * 1024)} MB limit")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text or raise IngestError with the reason (empty, binary, undecodable, too large)."""
    check_size(len(data))
    if not data.strip():
        raise IngestError("empty file")
    what = sniff_binary(data)
    if what:
        raise IngestError(f"binary file ({_looks_like(what)}), not an article")
    text = _decode(data, declared)
    if text is None:
        raise IngestError("could not decode text")
    controls = sum(1 for _ in itertools.islice(_CONTROL.finditer(text), _MAX_CONTROLS + 1))
    if controls > _MAX_CONTROLS:
        raise IngestError("could not decode text")  # mis-decoded binary, wherever the controls are
    if controls:
        text = _CONTROL.sub("", text)  # a stray control character in text, wherever it is
    text = text.lstrip("\ufeff")
    if not _VISIBLE.search(text):  # a search stops at the first visible character (a sub copied megabytes)
        raise IngestError("empty file")
    return text


def _looks_like(what: str) -> str:
    return what if what.startswith("contains") else f"looks like {what}"


def _decode(data: bytes, declared: str | None) -> str | None:
    bom = _bom_encoding(data)
    if bom:
        try:
            return data[len(codecs.BOM_UTF8) if bom == "utf-8" else 0 :].decode(bom).lstrip("\ufeff")
        except UnicodeDecodeError:
            return None
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    if declared:
        try:
            codecs.lookup(declared)
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
                return text
    best = from_bytes(data).best()
    if best is None:
        return None
    if best.encoding != "cp1252" and _latin_codepage(best.encoding):
        western = _windows_1252(data)
        if western is not None and mess_ratio(western) <= best.chaos + _CLOSE:
            return western  # as browsers do: of close guesses, the Western one
    return str(best)


# How much more "mess" (charset_normalizer's measure of unlikely character sequences) Windows-1252 may show than
# the detector's best guess and still be preferred: short texts give the detector too little to choose among the
# single-byte code pages, and a two-line Western text came out as Baltic or Central European.
_CLOSE = 0.02
_LATIN_CODEPAGES = re.compile(r"^(?:cp125[0-8]|cp775|cp437|cp85[0-8]|cp86[0-5]|iso8859_\d+|latin_\d|mac_\w+|cp1006)$")


def _latin_codepage(name: str) -> bool:
    return bool(_LATIN_CODEPAGES.match(codecs.lookup(name).name.replace("-", "_")))


def _windows_1252(data: bytes) -> str | None:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a truncated download, one mis-pasted character), decoded as UTF-8 with
    U+FFFD for each bad byte; None when the bytes are not mostly UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    wide = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    # valid multi-byte sequences are rare by accident in legacy encodings: several of them, and bad bytes that
    # are both few and far fewer than them, mean UTF-8
    if wide >= 2 and bad <= max(3, wide // 10) and bad <= len(data) // 200 + 3:
        return text
    return None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (the limit browsers use for the prescan)."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    # Browsers treat ISO-8859-1 and ASCII labels as windows-1252; so do pages in practice.
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        return "windows-1252"
    return name
