"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, then fallback encodings.

Reads: nothing. Writes: nothing. Pure functions over bytes.
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
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
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
    charset); charset-normalizer when it finds a non-Latin script (Cyrillic in cp1251, say);
    else the first of ``fallback_encodings`` that decodes. Raises BinaryInputError for data
    that is not text (NUL and other control bytes).
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
    if _BINARY.search(data[: 64 * 1024]):
        raise BinaryInputError("not text: the file holds NUL or other control bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
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
