"""The plain-text reader: one article per ``.txt`` file, metadata from a ``NAME.json`` sidecar.

Reads: ``NAME.txt`` (or ``.txt.gz``) and ``NAME.json``. Writes: nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.ingest.base import RawArticle, field_text, normalize_text, resolve_published
from storyline.ingest.decode import BinaryInputError, decode_bytes
from storyline.ingest.files import read_input_bytes, read_sidecar
from storyline.records import Failure
from storyline.settings import IngestSettings


def article_with_sidecar(
    path: Path,
    meta: dict[str, Any],
    published: str | None,
    *,
    text: str | None = None,
    html: str | None = None,
) -> RawArticle:
    """A RawArticle of a single-article file, its metadata from the sidecar record ``meta``."""
    date, basis, notes = resolve_published(meta.get("published"), published)
    return RawArticle(
        input=str(path),
        external_id=field_text(meta, "id") or str(path),
        published=date,
        published_basis=basis,
        title=field_text(meta, "title"),
        url=field_text(meta, "url"),
        source=field_text(meta, "source"),
        notes=notes,
        text=text,
        html=html,
    )


def read_text_file(
    path: Path, settings: IngestSettings, published: str | None
) -> Iterator[RawArticle | Failure]:
    """The article in a ``.txt`` file, or Failures saying why there is none."""
    name = str(path)
    data = read_input_bytes(path, settings.max_file_bytes, "text")
    if isinstance(data, Failure):
        yield data
        return
    try:
        text, _encoding = decode_bytes(data, settings.fallback_encodings)
    except BinaryInputError as err:
        yield Failure(name, None, "decode", f"{err}; is this really a .txt file?")
        return
    meta, problem = read_sidecar(path, settings.fallback_encodings)
    if problem is not None:
        yield problem
    if len(normalize_text(text)) < settings.min_chars:
        reason = f"text has fewer than ingest.min_chars ({settings.min_chars}) characters"
        yield Failure(name, field_text(meta, "id") or name, "validate", reason)
        return
    yield article_with_sidecar(path, meta, published, text=text)
