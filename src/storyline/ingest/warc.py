"""The WARC reader: HTML (and plain-text) response records of a web archive, streamed.

Reads: ``.warc``/``.warc.gz`` with warcio, one record at a time. Writes: nothing.

A ``response`` (or ``resource``) record with a 2xx status and an HTML or plain-text content type
becomes an article: ``external_id`` is its WARC-Record-ID (else its target URI), ``url`` its
WARC-Target-URI. Other records (requests, metadata, images, redirects) are not articles and are
passed over; a WARC that holds no article at all yields a Failure saying so. The WARC-Date is the
crawl date, not the publication date, so it is not used as ``published``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from storyline.ingest.base import RawArticle, normalize_text
from storyline.ingest.decode import BinaryInputError, decode_bytes, html_declared_charset
from storyline.ingest.files import is_gzip, unpacked_too_much
from storyline.records import Failure
from storyline.settings import IngestSettings

_ARTICLE_RECORDS = ("response", "resource", "conversion")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else None
    if headers is not None:
        value = headers.get_header("Content-Type")
    else:
        value = record.rec_headers.get_header("Content-Type")
    return str(value or "").strip()


def _status_ok(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return bool(record.rec_type != "response")
    code = str(record.http_headers.get_statuscode() or "")
    return code.startswith("2")


def _article(
    record: Any, where: str, settings: IngestSettings, published: str | None
) -> RawArticle | Failure | None:
    """The article in one record, a Failure, or None when the record is not an article."""
    if record.rec_type not in _ARTICLE_RECORDS or not _status_ok(record):
        return None
    content_type = _content_type(record)
    mime = content_type.split(";")[0].strip().lower()
    is_html = mime in _HTML_TYPES
    if not is_html and mime != "text/plain":
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    external_id = headers.get_header("WARC-Record-ID") or url or where
    if (record.length or 0) > settings.max_file_bytes:
        reason = f"record has {record.length:,} bytes, more than ingest.max_file_bytes"
        return Failure(where, external_id, "read", reason)
    data = record.content_stream().read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        return Failure(where, external_id, "read", "record unpacks to more than max_file_bytes")
    match = _CHARSET.search(content_type)
    declared = match.group(1) if match else (html_declared_charset(data) if is_html else None)
    try:
        body, _encoding = decode_bytes(data, settings.fallback_encodings, declared=declared)
    except BinaryInputError as err:
        return Failure(where, external_id, "decode", f"record {err}")
    if not normalize_text(body):
        return Failure(where, external_id, "validate", f"empty {mime} record")
    return RawArticle(
        input=where,
        external_id=external_id,
        text=None if is_html else body,
        html=body if is_html else None,
        published=published,
        published_basis="user" if published else None,
        url=url,
    )


def _truncated(record: Any) -> bool:
    """Read the record to its end; True when the file ended before its Content-Length.

    A record without a valid Content-Length is cut too: every WARC record has one, and warcio reads
    headers cut short by the end of the file as a record without it.
    """
    length = str(record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        return True
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return isinstance(stream, LimitReader) and stream.limit > 0


def _warned(where: str, warnings: io.StringIO) -> Failure:
    message = " ".join(warnings.getvalue().split())
    warnings.seek(0)
    warnings.truncate()
    return Failure(where, None, "read", f"damaged WARC record: {message[:300]}")


def _corrupt(name: str, number: int, err: Exception) -> Failure:
    reason = f"WARC is truncated or corrupt at record {number}: {type(err).__name__}: {err}"
    return Failure(f"{name}#{number}", None, "read", reason)


def read_warc_file(
    path: Path, settings: IngestSettings, published: str | None
) -> Iterator[RawArticle | Failure]:
    """The articles in a WARC file, record by record; a corrupt tail ends it with a Failure."""
    name = str(path)
    found = number = 0
    # A .warc.gz is unpacked record by record: past max_unpacked_bytes of records it is not read on.
    unpacked, max_unpacked = 0, settings.max_unpacked_bytes if is_gzip(path) else None
    try:
        size = path.stat().st_size
        if size == 0:
            yield Failure(name, None, "validate", "empty file: no WARC records")
            return
        with path.open("rb") as stream:
            archive = ArchiveIterator(stream)
            records = iter(archive)
            end = 0  # where the last whole record ended, in file bytes
            # warcio writes its warnings to stderr; they become Failure rows instead.
            warnings = io.StringIO()
            while True:
                # warcio raises many kinds of errors on damaged input (ArchiveLoadFailed, EOFError,
                # zlib.error, ValueError, ...); any of them ends this file, never the batch.
                try:
                    with redirect_stderr(warnings):
                        record = next(records)
                except StopIteration:
                    break
                except Exception as err:
                    yield _corrupt(name, number + 1, err)
                    return
                number += 1
                where = f"{name}#{number}"
                unpacked += record.length or 0
                if max_unpacked is not None and unpacked > max_unpacked:
                    yield Failure(where, None, "read", unpacked_too_much(max_unpacked))
                    return
                try:
                    item = _article(record, where, settings, published)
                    cut = _truncated(record)
                    with redirect_stderr(warnings):
                        archive.read_to_end()
                    end = archive.offset
                except Exception as err:
                    yield _corrupt(name, number, err)
                    return
                if cut:
                    yield _corrupt(name, number, EOFError("the file ends inside this record"))
                    return
                if warnings.getvalue():
                    yield _warned(where, warnings)
                if item is not None:
                    found += 1
                    yield item
            if end < size:
                # warcio stops quietly when the file ends inside a record's headers.
                cut_error = EOFError(f"{size - end:,} bytes at the end are not a whole record")
                yield _corrupt(name, number + 1, cut_error)
                return
    except OSError as err:
        yield Failure(name, None, "read", f"cannot read the file: {err}")
        return
    if not found:
        reason = f"no HTML or plain-text response records among its {number} WARC records"
        yield Failure(name, None, "validate", reason)
