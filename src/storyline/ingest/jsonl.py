"""The JSONL reader: one article per line, streamed (the file is never held in memory).

Reads: ``.jsonl``/``.ndjson`` (plain or gzip). Each line a JSON object with ``text`` or ``html``
and optionally ``id``, ``published``, ``title``, ``url``, ``source``; other keys are ignored.
Writes: nothing.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, cast

from storyline.ingest.base import RawArticle, field_text, normalize_text, resolve_published
from storyline.ingest.decode import BinaryInputError, bom_encoding, decode_bytes
from storyline.ingest.files import is_gzip
from storyline.records import Failure
from storyline.settings import IngestSettings

_CHUNK = 1 << 20


def read_jsonl_line(line: str, input: str, published: str | None) -> RawArticle | Failure:
    """The article on one JSONL line (``input`` is ``path#line``), or a Failure saying why not."""
    try:
        record = json.loads(line)
    except ValueError as err:
        return Failure(input, None, "parse", f"line is not valid JSON: {err}")
    except RecursionError:
        return Failure(input, None, "parse", "line is not valid JSON: nested too deeply")
    if not isinstance(record, dict):
        kind = type(record).__name__
        return Failure(input, None, "parse", f"line holds a JSON {kind}, not an object")
    external_id = field_text(record, "id") or input
    text, html = record.get("text"), record.get("html")
    content: dict[str, str] = {}
    if isinstance(text, str) and normalize_text(text):
        content["text"] = text
    elif isinstance(html, str) and html.strip():
        content["html"] = html
    else:
        present = [k for k in ("text", "html") if k in record]
        why = f"{' and '.join(present)} empty or not a string" if present else "no key"
        reason = f"record has no article: {why} ('text' or 'html' must hold a string)"
        return Failure(input, external_id, "validate", reason)
    date, basis, notes = resolve_published(record.get("published"), published)
    return RawArticle(
        input=input,
        external_id=external_id,
        published=date,
        published_basis=basis,
        title=field_text(record, "title"),
        url=field_text(record, "url"),
        source=field_text(record, "source"),
        notes=notes,
        **content,
    )


ReadLine = Callable[[int], bytes]


def _lines(readline: ReadLine, max_bytes: int) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line longer than ``max_bytes`` (skipped, not held)."""
    while True:
        line = readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the overlong line in bounded chunks
                rest = readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


@contextmanager
def _open(path: Path) -> Iterator[ReadLine]:
    """A bounded ``readline`` over the file's lines, as bytes (re-encoded if UTF-16/32)."""
    with ExitStack() as stack:
        # Closed by the ExitStack.
        opened = gzip.open(path, "rb") if is_gzip(path) else path.open("rb")  # noqa: SIM115
        stream = cast(IO[bytes], opened)
        stack.callback(stream.close)
        head = stream.read(4)
        marked = bom_encoding(head)
        stream.seek(0)
        if marked is None or marked[0] == "utf-8":
            yield stream.readline
            return
        # UTF-16/32 lines cannot be split on b"\n": decode the stream, re-encode each line.
        text = stack.enter_context(io.TextIOWrapper(stream, encoding=marked[0], errors="replace"))

        def readline(size: int) -> bytes:
            return text.readline(size).lstrip("\ufeff").encode("utf-8")

        yield readline


def read_jsonl_file(
    path: Path, settings: IngestSettings, published: str | None
) -> Iterator[RawArticle | Failure]:
    """The articles of a JSONL file, one per non-blank line, each an article or a Failure."""
    name = str(path)
    seen = False
    try:
        with _open(path) as readline:
            for number, raw in enumerate(_lines(readline, settings.max_file_bytes), start=1):
                where = f"{name}#{number}"
                if raw is None:
                    limit = f"ingest.max_file_bytes ({settings.max_file_bytes:,})"
                    yield Failure(where, None, "read", f"line is longer than {limit} bytes")
                    seen = True
                    continue
                if not raw.strip():
                    continue
                seen = True
                try:
                    line, _ = decode_bytes(raw, settings.fallback_encodings)
                except BinaryInputError as err:
                    yield Failure(where, None, "decode", f"line {err}")
                    continue
                yield read_jsonl_line(line, where, published)
    except OSError as err:
        yield Failure(name, None, "read", f"cannot read the file: {err}")
        return
    except (EOFError, zlib.error) as err:
        yield Failure(name, None, "read", f"corrupt or truncated gzip file: {err}")
        return
    if not seen:
        yield Failure(name, None, "validate", "empty file: no JSON lines")
