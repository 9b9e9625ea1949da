"""The same article in any common encoding reads the same; what is not text is refused with one clear line."""

from __future__ import annotations

import codecs
import gzip
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest

from models.ingest import MAX_BYTES, IngestError, ingest_bytes, ingest_file

ENGLISH = (
    "Talks stall over island dispute\n\n"
    "The ministers met on Monday but made no progress, officials said.\n\n"
    "“We will keep talking,” the foreign minister told reporters – adding that a café summit was “possible”.\n"
)
JAPANESE = (
    "北方領土交渉、進展なし\n\n"
    "安倍晋三首相は二十二日、モスクワでプーチン大統領と会談したが、平和条約締結に向けた具体的な進展はなかった。"
    "両首脳は共同記者会見で、交渉を加速させる方針を確認した。\n\n"
    "日本政府の関係者は「次の首脳会談で大きな構想を示す必要がある」と語った。外務省は来月にも次官級の協議を開く予定だ。\n"
)


def _canonical(data: bytes) -> str:
    return ingest_bytes(data, source="test.txt", filename="test.txt").text


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("cp1252"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "windows-1252", "crlf"],
)
def test_english_encodings_give_identical_text(encode: Callable[[str], bytes]) -> None:
    expected = _canonical(ENGLISH.encode("utf-8"))
    assert "“We will keep talking,”" in expected and "café" in expected
    assert _canonical(encode(ENGLISH)) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "shift_jis", "euc_jp", "utf-16"])
def test_japanese_encodings_give_identical_text(encoding: str) -> None:
    expected = _canonical(JAPANESE.encode("utf-8"))
    assert expected.startswith("北方領土交渉、進展なし\n安倍晋三首相")
    assert _canonical(JAPANESE.encode(encoding)) == expected


def _zip_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t \r\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file (looks like a PNG image), not an article"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (looks like a PDF document), not an article"),
        (_zip_bytes(), "binary file (looks like a ZIP archive or Office/EPUB document), not an article"),
        (gzip.compress(b"text"), "binary file (looks like a gzip archive), not an article"),
        (
            b"Some text\x00\x01\x02 with \x00 NUL bytes\xff\xfe in it" * 3,
            "binary file (contains NUL bytes), not an article",
        ),
    ],
    ids=["empty", "whitespace", "png", "pdf", "zip", "gzip", "nul"],
)
def test_refusals_name_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        ingest_bytes(data, source="x")
    assert str(caught.value) == reason
    assert "\n" not in str(caught.value)


def test_undecodable_bytes_are_refused() -> None:
    noise = bytes((i * 37 + 11) % 32 for i in range(400))  # control characters, no NUL: no text in any encoding
    with pytest.raises(IngestError, match="^could not decode text$"):
        ingest_bytes(noise.replace(b"\x00", b"\x01"), source="x")


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written
    with pytest.raises(IngestError, match="larger than the 20 MB limit"):
        ingest_file(path)
    with pytest.raises(IngestError, match="larger than the 20 MB limit"):
        ingest_bytes(b"a" * (MAX_BYTES + 1), source="x")


def test_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        ingest_file(tmp_path / "nope.txt")
