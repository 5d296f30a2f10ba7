"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, then fallback encodings.

Reads: nothing. Writes: nothing. Pure functions over bytes.

Binary or text is judged on the whole input, by its share of control bytes (NUL and the other
C0 controls that text never holds): more than one in twenty is binary (images, archives, PDFs;
random bytes have one in ten). Fewer are stray bytes in a text, wherever they are, and
``normalize_text`` strips them. Text that is mostly UTF-8 but holds some bytes of another
encoding (a paragraph pasted from a cp1252 file) keeps its UTF-8, and only the bytes that are not
UTF-8 are read in the fallback encodings.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence

import charset_normalizer

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
# More control bytes than this share of the input: binary, not text.
_BINARY_SHARE = 0.05
# Bytes that were not UTF-8, as the "surrogateescape" error handler keeps them.
_ESCAPED = re.compile("[\udc80-\udcff]+")
_ASCII = bytes(range(0x80))
# Mostly UTF-8: at least one byte of UTF-8 beyond ASCII for this many bytes that are not UTF-8.
# A text in a single-byte code (cp1252, cp1251) forms a UTF-8 sequence only by chance, rarely.
_MIXED_RATIO = 10
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF = 4096


class BinaryInputError(ValueError):
    """The bytes are not text in any encoding storyline tries."""


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the mark's length, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    # ASCII-heavy UTF-16 has a NUL in every other byte; which half tells the byte order.
    sample = data[:_SNIFF]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF]
    if not sample:
        return False
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn"))
    bad -= sum(sample.count(c) for c in "\t\n\r\f")
    return bad > 0.1 * len(sample)


def is_binary(data: bytes) -> bool:
    """Whether ``data`` is binary: more than one byte in twenty is a control byte text never holds."""
    if not data:
        return False
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_SHARE * len(data)


def _fallback_char(byte: int, encodings: Sequence[str]) -> str:
    for encoding in encodings:
        try:
            return bytes([byte]).decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return "\ufffd"


def _decode_mixed(data: bytes, encodings: Sequence[str]) -> str | None:
    """UTF-8 with bytes of something else: the UTF-8 kept, each run of other bytes read in the
    first of ``encodings`` that has it. None unless the data is mostly UTF-8 (at least one byte
    of UTF-8 beyond ASCII per ``_MIXED_RATIO`` bytes that are not UTF-8)."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(map(len, _ESCAPED.findall(text)))
    utf8 = len(data.translate(None, _ASCII)) - stray  # non-ASCII bytes that are UTF-8
    if utf8 == 0 or utf8 * _MIXED_RATIO < stray:
        return None

    def fallback(match: re.Match[str]) -> str:
        run = bytes(ord(c) - 0xDC00 for c in match[0])
        for encoding in encodings:
            try:
                return run.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
        return "".join(_fallback_char(b, encodings) for b in run)

    return _ESCAPED.sub(fallback, text)


def _non_latin_share(text: str) -> float:
    letters = [c for c in text[:_SNIFF] if c.isalpha() and ord(c) > 0x7F]
    if not letters:
        return 0.0
    return sum(1 for c in letters if not unicodedata.name(c, "").startswith("LATIN")) / len(letters)


def decode_bytes(
    data: bytes, fallback_encodings: Sequence[str], declared: str | None = None
) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with.

    Order: a byte-order mark; UTF-8; UTF-16 without a mark; ``declared`` (an HTTP or HTML
    charset); mostly UTF-8 with some bytes that are not (decoded segment by segment: the UTF-8 as
    UTF-8, the other bytes in the fallback encodings); charset-normalizer when it finds a
    non-Latin script (Cyrillic in cp1251, say); else the first of ``fallback_encodings`` that
    decodes. Raises BinaryInputError for data that is not text (see :func:`is_binary`).
    """
    marked = bom_encoding(data)
    if marked is not None:
        encoding, length = marked
        text = data[length:].decode(encoding, errors="replace")
        if _looks_binary(text):
            raise BinaryInputError(f"not text: control characters after a {encoding} mark")
        return text, encoding
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if not _looks_binary(text):
                return text, utf16
    if is_binary(data):
        raise BinaryInputError("not text: more than one byte in twenty is NUL or another control")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    mixed = _decode_mixed(data, fallback_encodings)
    if mixed is not None:
        return mixed, "utf-8 (other bytes: " + ", ".join(fallback_encodings) + ")"
    best = charset_normalizer.from_bytes(data[: 256 * 1024]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            guessed = data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            guessed = None
        if guessed is not None and _non_latin_share(guessed) > 0.5:
            return guessed, best.encoding
    for encoding in fallback_encodings:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def html_declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top, or None."""
    match = _META_CHARSET.search(data[:_SNIFF])
    return match.group(1).decode("ascii").lower() if match else None
