"""File helpers shared by the readers: bounded reads (plain or gzip) and ``NAME.json`` sidecars.

Reads: input files. Writes: nothing.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.ingest.decode import decode_bytes
from storyline.records import Failure

#: Extensions of the single-article formats that may have a ``NAME.json`` sidecar.
SIDECAR_OWNERS = (".txt", ".html", ".htm")


class TooLargeError(ValueError):
    """The input is larger than ``ingest.max_file_bytes``."""


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def stem(path: Path) -> str:
    """The file name without its format extension(s): ``a.txt.gz`` -> ``a``."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (gunzipped for ``.gz``); TooLargeError past ``max_bytes``.

    Raises OSError when the file cannot be read, ValueError when a ``.gz`` is corrupt.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLargeError(
            f"file has {size:,} bytes, more than ingest.max_file_bytes ({max_bytes:,})"
        )
    if not is_gzip(path):
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise ValueError(f"corrupt or truncated gzip file: {err}") from err
    if len(data) > max_bytes:
        raise TooLargeError(
            f"file unpacks to more than ingest.max_file_bytes ({max_bytes:,}) bytes"
        )
    return data


def unpacked_too_much(limit: int) -> str:
    """The reason of the failure row of a compressed file that unpacks to more than ``limit``."""
    return (
        f"file unpacks to more than ingest.max_unpacked_bytes ({limit:,}) bytes; the rest of it "
        "was not read (raise that setting to read such files)"
    )


class _Capped(io.RawIOBase):
    """A decompressing stream that raises TooLargeError once more than ``limit`` bytes came out."""

    def __init__(self, inner: io.BufferedIOBase, limit: int) -> None:
        self._inner = inner
        self._limit = limit
        self.unpacked = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._inner.readinto(buffer)
        self.unpacked += n
        if self.unpacked > self._limit:
            raise TooLargeError(unpacked_too_much(self._limit))
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


def open_stream(path: Path, max_unpacked: int) -> io.BufferedReader:
    """A buffered binary stream over a file, gunzipped for ``.gz`` as it is read, never more than
    ``max_unpacked`` bytes of it (TooLargeError past that: a decompression bomb stops there)."""
    if not is_gzip(path):
        return path.open("rb")
    return io.BufferedReader(_Capped(gzip.open(path, "rb"), max_unpacked), buffer_size=1 << 16)


def read_input_bytes(path: Path, max_bytes: int, what: str) -> bytes | Failure:
    """An input file's bytes, or the Failure saying why there are none (``what``: "text", ...)."""
    name = str(path)
    try:
        data = read_bounded(path, max_bytes)
    except OSError as err:
        return Failure(name, None, "read", f"cannot read the file: {err}")
    except ValueError as err:
        return Failure(name, None, "read", str(err))
    if not data.strip():
        return Failure(name, None, "validate", f"empty file: no {what}")
    return data


def sidecar_path(path: Path) -> Path:
    """Where the ``NAME.json`` sidecar of ``NAME.txt`` (or ``.html``) would be."""
    return path.with_name(stem(path) + ".json")


def sidecar_owner(path: Path) -> Path | None:
    """For ``NAME.json`` beside a ``NAME.txt``/``.html``/``.htm`` (plain or gzip), that file."""
    if path.suffix.lower() != ".json":
        return None
    base = path.name[: -len(".json")]
    for ext in SIDECAR_OWNERS:
        for name in (base + ext, base + ext + ".gz", base + ext.upper()):
            if path.with_name(name).is_file():
                return path.with_name(name)
    return None


def is_sidecar(path: Path) -> bool:
    """True for ``NAME.json`` beside a ``NAME.txt``/``.html``/``.htm`` (plain or gzip)."""
    return sidecar_owner(path) is not None


def read_sidecar(
    path: Path, fallback_encodings: Sequence[str] = ("cp1252", "latin-1")
) -> tuple[dict[str, Any], Failure | None]:
    """The metadata in the sidecar of ``path`` ({} when there is none), and a Failure if unreadable.

    A broken sidecar never loses the article: the caller reads it without metadata.
    """
    side = sidecar_path(path)
    if not side.is_file():
        return {}, None
    try:
        # Decoded like an article (a cp1252 title is read, not refused); BinaryInputError is a
        # ValueError.
        text, _encoding = decode_bytes(side.read_bytes(), fallback_encodings)
        data = json.loads(text, strict=False)
    except (OSError, ValueError) as err:
        reason = f"sidecar {side.name} is not readable JSON ({err}); article read without it"
        return {}, Failure(str(side), None, "parse", reason)
    if not isinstance(data, dict):
        reason = f"sidecar {side.name} must hold a JSON object; article read without it"
        return {}, Failure(str(side), None, "parse", reason)
    return data, None
