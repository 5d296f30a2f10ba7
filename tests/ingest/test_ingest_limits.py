"""Size limits of the readers: decompression bombs stop at the cap, blank-line floods are cheap."""

from __future__ import annotations

import dataclasses
import gzip
import json
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

from storyline.ingest import RawArticle, read_inputs
from storyline.records import Failure
from storyline.settings import IngestSettings

MIB = 1 << 20


def _gzip_bomb(path: Path, head: bytes, filler: bytes, mib: int, tail: bytes = b"") -> None:
    """A gzip file of ``head``, ``mib`` MiB of ``filler`` repeated, then ``tail``: a few KiB on
    disk."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    block = filler * (MIB // len(filler))
    parts = [packer.compress(head), *(packer.compress(block) for _ in range(mib))]
    path.write_bytes(b"".join([*parts, packer.compress(tail), packer.flush()]))


def _read(path: Path, settings: IngestSettings) -> list[RawArticle | Failure]:
    return list(read_inputs([path], settings))


def test_an_html_gzip_bomb_is_refused_without_unpacking_it(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    path = tmp_path / "page.html.gz"
    _gzip_bomb(path, b"<html><body><article>", b"<p>Words of an article.</p>\n", 64)
    assert path.stat().st_size < MIB  # 64 MiB unpacked
    settings = dataclasses.replace(ingest_settings, max_file_bytes=MIB)
    tracemalloc.start()
    try:
        items = _read(path, settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].stage == "read"
    assert f"ingest.max_file_bytes ({MIB:,})" in items[0].reason
    assert peak < 8 * MIB  # never held more than the cap and a buffer, not the 64 MiB


def test_a_jsonl_gzip_bomb_stops_at_max_unpacked_bytes(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    first = json.dumps({"id": "first", "text": "Hun Sen spoke on Monday."}).encode() + b"\n"
    last = json.dumps({"id": "last", "text": "Never read."}).encode() + b"\n"
    path = tmp_path / "bomb.jsonl.gz"
    _gzip_bomb(path, first, b" " * 1023 + b"\n", 32, tail=last)
    settings = dataclasses.replace(ingest_settings, max_unpacked_bytes=4 * MIB)
    items = _read(path, settings)
    assert [i.external_id for i in items if isinstance(i, RawArticle)] == ["first"]
    failure = items[-1]
    assert isinstance(failure, Failure) and failure.stage == "read"
    assert f"ingest.max_unpacked_bytes ({4 * MIB:,})" in failure.reason
    assert "not read" in failure.reason


def test_a_warc_gzip_stops_at_max_unpacked_bytes(
    tmp_path: Path, ingest_settings: IngestSettings, warc_writer: Callable[..., bytes]
) -> None:
    body = b"<html><body><article><p>" + b"Words of an article. " * 500 + b"</p></article>"
    pages = [(f"https://example.org/{n}", "200 OK", "text/html", body) for n in range(3)]
    path = tmp_path / "crawl.warc.gz"
    warc_writer(path, pages)
    settings = dataclasses.replace(ingest_settings, max_unpacked_bytes=len(body) + 1000)
    items = _read(path, settings)
    assert len([i for i in items if isinstance(i, RawArticle)]) == 1
    assert isinstance(items[-1], Failure)
    assert "ingest.max_unpacked_bytes" in items[-1].reason
    everything = _read(path, ingest_settings)
    assert len(everything) == 3 and all(isinstance(i, RawArticle) for i in everything)


def test_a_flood_of_blank_lines_is_passed_over_with_line_numbers_kept(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    article = json.dumps({"text": "Hun Sen spoke on Monday."}).encode()
    blank = b"\n" * 3_000_000 + b"  \t\n" * 1000 + b"\r\n" * 1000
    data = blank + article + b"\n" + blank + b"{not json\n" + blank
    for name, write in (("flood.jsonl.gz", gzip.compress), ("flood.jsonl", bytes)):
        path = tmp_path / name
        path.write_bytes(write(data))
        items = _read(path, ingest_settings)
        assert [i.input for i in items] == [f"{path}#3002001", f"{path}#6004002"]
        assert isinstance(items[0], RawArticle) and isinstance(items[1], Failure)


def test_blank_lines_around_lines_of_every_kind_keep_their_numbers(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    line = json.dumps({"text": "Words."})
    long = json.dumps({"text": "w " * 600})
    text = f"\n{line}\n \n\n{long}\n\t\n{line}\r\n\n\n{line}"
    path = tmp_path / "mixed.jsonl"
    path.write_text(text)
    settings = dataclasses.replace(ingest_settings, max_file_bytes=1000)
    items = _read(path, settings)
    numbers = [int(i.input.rsplit("#", 1)[1]) for i in items]
    assert numbers == [2, 5, 7, 10]
    assert isinstance(items[1], Failure) and "max_file_bytes" in items[1].reason
