from __future__ import annotations

import codecs

import pytest

from storyline.ingest.decode import BinaryInputError, decode_bytes, html_declared_charset

FALLBACK = ("cp1252", "latin-1")
TEXT = "Café – “quoted” résumé, naïve déjà vu. Hun Sen said on Thursday."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), None),  # with a byte-order mark
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-32"), None),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_bytes_reads_common_encodings(data: bytes, encoding: str | None) -> None:
    text, used = decode_bytes(data, FALLBACK)
    assert text == TEXT
    if encoding is not None:
        assert used == encoding


def test_decode_bytes_finds_cyrillic_in_cp1251() -> None:
    text = "Премьер-министр Камбоджи заявил, что страна поддерживает резолюцию ООН."
    assert decode_bytes(text.encode("cp1251"), FALLBACK)[0] == text


def test_decode_bytes_prefers_a_declared_charset() -> None:
    text = "Zürich € Genève"
    assert decode_bytes(text.encode("iso-8859-15"), FALLBACK, declared="iso-8859-15")[0] == text


def test_decode_bytes_refuses_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(BinaryInputError, match="not text"):
        decode_bytes(png, FALLBACK)


def test_html_declared_charset() -> None:
    assert html_declared_charset(b'<html><head><meta charset="Windows-1252">') == "windows-1252"
    assert html_declared_charset(b"<html><head><title>x</title>") is None


def test_declared_charset_changes_the_reading() -> None:
    data = "Zürich € Genève".encode("iso-8859-15")
    assert decode_bytes(data, FALLBACK)[0] == "Zürich ¤ Genève"  # cp1252 reads 0xA4 as ¤
