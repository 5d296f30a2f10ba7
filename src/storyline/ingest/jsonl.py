"""The JSONL reader: one article per line, streamed (the file is never held in memory).

Reads: ``.jsonl``/``.ndjson`` (plain or gzip). Each line a JSON object with ``text`` or ``html``
and optionally ``id``, ``published``, ``title``, ``url``, ``source``; other keys are ignored.
Writes: nothing.
"""

from __future__ import annotations

import io
import json
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from storyline.ingest.base import (
    RawArticle,
    clean_item,
    field_text,
    normalize_text,
    resolve_published,
)
from storyline.ingest.decode import BinaryInputError, bom_encoding, decode_bytes
from storyline.ingest.files import TooLargeError, open_stream
from storyline.records import Failure
from storyline.settings import IngestSettings

_CHUNK = 1 << 20
# Whole blank lines, passed over in bulk: a flood of them costs no Python step per line.
_BLANK_RUN = re.compile(rb"(?:[ \t\r\f\v]*\n)+")


def read_jsonl_line(line: str, input: str, published: str | None) -> RawArticle | Failure:
    """The article on one JSONL line (``input`` is ``path#line``), or a Failure saying why not."""
    try:
        # strict=False: a raw control character inside a string is read (normalize_text strips
        # it later), as it is anywhere else in a text, rather than failing the whole line.
        record = json.loads(line, strict=False)
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
    article = RawArticle(
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
    # Cleaned here too, not only in read_inputs: Spark reads Parquet rows through this function.
    return clean_item(article)


ReadLine = Callable[[int], bytes]
#: Consumes the blank lines at the reading position and says how many there were.
SkipBlank = Callable[[], int]


def _lines(
    readline: ReadLine, skip_blank: SkipBlank, max_bytes: int
) -> Iterator[tuple[int, bytes | None]]:
    """Each non-blank line's number and bytes, or None for a line longer than ``max_bytes``
    (skipped, not held)."""
    number = 0
    while True:
        number += skip_blank()
        line = readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the overlong line in bounded chunks
                rest = readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        elif line.strip():
            yield number, line


def _blank_skipper(stream: io.BufferedReader) -> SkipBlank:
    def skip_blank() -> int:
        skipped = 0
        while run := _BLANK_RUN.match(ahead := stream.peek(_CHUNK)):
            skipped += ahead.count(b"\n", 0, run.end())
            stream.read(run.end())
        return skipped

    return skip_blank


@contextmanager
def _open(path: Path, max_unpacked: int) -> Iterator[tuple[ReadLine, SkipBlank]]:
    """A bounded ``readline`` over the file's lines, as bytes (re-encoded if UTF-16/32), and a
    bulk skipper of blank lines."""
    with ExitStack() as stack:
        stream = stack.enter_context(open_stream(path, max_unpacked))
        marked = bom_encoding(stream.peek(4)[:4])
        if marked is None or marked[0] == "utf-8":
            yield stream.readline, _blank_skipper(stream)
            return
        # UTF-16/32 lines cannot be split on b"\n": decode the stream, re-encode each line.
        text = stack.enter_context(io.TextIOWrapper(stream, encoding=marked[0], errors="replace"))

        def readline(size: int) -> bytes:
            return text.readline(size).lstrip("\ufeff").encode("utf-8")

        yield readline, lambda: 0


def read_jsonl_file(
    path: Path, settings: IngestSettings, published: str | None
) -> Iterator[RawArticle | Failure]:
    """The articles of a JSONL file, one per non-blank line, each an article or a Failure."""
    name = str(path)
    seen = False
    try:
        with _open(path, settings.max_unpacked_bytes) as (readline, skip_blank):
            for number, raw in _lines(readline, skip_blank, settings.max_file_bytes):
                where = f"{name}#{number}"
                seen = True
                if raw is None:
                    limit = f"ingest.max_file_bytes ({settings.max_file_bytes:,})"
                    yield Failure(where, None, "read", f"line is longer than {limit} bytes")
                    continue
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
    except TooLargeError as err:
        yield Failure(name, None, "read", str(err))
        return
    if not seen:
        yield Failure(name, None, "validate", "empty file: no JSON lines")
