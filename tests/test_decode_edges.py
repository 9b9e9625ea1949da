"""Decoding at the edges (issue: text decoding): short Western texts, damaged UTF-8, invisible-only files and
control characters anywhere in the file."""

from __future__ import annotations

import pytest

from models.ingest import IngestError, ingest_bytes


def _text(data: bytes) -> str:
    return ingest_bytes(data, source="t.txt", filename="t.txt").text


def test_short_windows_1252_text_is_not_read_as_a_baltic_code_page() -> None:
    original = "Café diplomacy – “quoted” words\nThe envoy from São Paulo, Zoë, went on."
    assert _text(original.encode("cp1252")) == original


def test_windows_1252_naive_stays_naive() -> None:
    assert "naïve" in _text("A naïve approach to the talks.".encode("cp1252"))


def test_utf8_with_a_few_bad_bytes_is_read_as_utf8_with_replacement() -> None:
    good = "MOSCOW – On Tuesday the talks “resumed” in the Kremlin, officials said. " * 4
    data = good.encode("utf-8") + b"\x80\x81 The end."
    text = _text(data)
    assert text.startswith("MOSCOW – On Tuesday")  # not Mac Roman ("MOSCOW ‚Äì On")
    assert text.count("\ufffd") == 2 and text.endswith("The end.")


def test_real_legacy_text_is_not_taken_for_damaged_utf8() -> None:
    assert "Français à l’été" in _text("Français à l’été, déjà vu. Ça va très bien.".encode("cp1252"))


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf\xe2\x80\x8b", b"\xef\xbb\xbf \xe2\x80\x8b\n\xe2\x81\xa0\t"])
def test_a_file_holding_only_a_bom_and_zero_width_characters_is_refused_as_empty(data: bytes) -> None:
    with pytest.raises(IngestError, match="empty"):
        _text(data)


def test_nul_bytes_are_refused_wherever_they_are() -> None:
    body = ("Plain text of the article. " * 4000).encode()
    assert len(body) > 65536
    for data in (b"\x00" + body, body + b"\x00 tail"):
        with pytest.raises(IngestError, match="NUL"):
            _text(data)


def test_a_few_control_characters_are_removed_wherever_they_are() -> None:
    body = "Plain text of the article. " * 4000
    for data in (("\x01" + body).encode(), (body + "\x02\x7f tail").encode()):
        text = _text(data)
        assert not any(ch in text for ch in "\x01\x02\x7f")
    assert _text((body + "\x02\x7f tail").encode()).endswith("article. tail")


def test_many_control_characters_are_refused_wherever_they_are() -> None:
    body = ("Plain text of the article. " * 4000).encode()
    noise = bytes(range(1, 9)) + b"\x0b\x0e\x0f"
    for data in (noise + body, body + noise):
        with pytest.raises(IngestError, match="could not decode"):
            _text(data)
