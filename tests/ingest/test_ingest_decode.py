from __future__ import annotations

import codecs

import pytest

from storyline.ingest.decode import BinaryInputError, decode_bytes, html_declared_charset, is_binary

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


def test_utf8_with_a_cp1252_paragraph_keeps_its_utf8() -> None:
    utf8 = "He said “we will not yield” — and left.\n".encode()
    cp1252 = "Le président a parlé à Genève: “non”.\n".encode("cp1252")
    text, used = decode_bytes(utf8 + cp1252 + utf8, FALLBACK)
    assert text == (
        "He said “we will not yield” — and left.\n"
        "Le président a parlé à Genève: “non”.\n"
        "He said “we will not yield” — and left.\n"
    )
    assert used.startswith("utf-8")


def test_a_byte_cp1252_lacks_falls_back_to_the_next_encoding() -> None:
    # 0x9D is undefined in cp1252: latin-1 reads it (a C1 control, stripped by normalize_text).
    text, _ = decode_bytes("“quoted” ".encode() + b"caf\xe9 \x9d", FALLBACK)
    assert text == "“quoted” café \x9d"


def test_cp1251_with_a_chance_utf8_pair_is_still_cp1251() -> None:
    # "Щё" is D9 B8 in cp1251, a well-formed UTF-8 pair: one chance pair among many other bytes.
    text = "Премьер-министр Камбоджи заявил в Щёкино, что страна поддерживает резолюцию ООН."
    assert decode_bytes(text.encode("cp1251"), FALLBACK)[0] == text


@pytest.mark.parametrize("at", [0, 10, 70 * 1024, 200 * 1024])
def test_a_stray_control_byte_is_text_wherever_it_is(at: int) -> None:
    body = ("The minister spoke on Thursday. " * 8000).encode()
    data = body[:at] + b"\x01\x00" + body[at:]
    text, _ = decode_bytes(data, FALLBACK)
    assert text.replace("\x01\x00", "") == body.decode()


def test_binary_is_judged_by_the_share_of_control_bytes() -> None:
    assert is_binary(bytes(range(256)) * 4)
    assert is_binary(b"\x00" * 10 + b"text" * 10)
    assert not is_binary(b"text " * 100 + b"\x00\x01\x02")
    assert not is_binary(b"")
