"""Exports: JSONL, CSV and Parquet for every table; TimelineJS for the timeline.

Reads: Arrow tables (from the store or a Spark run). Writes: a text stream or a file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from storyline.errors import StorylineError

FORMATS = ("jsonl", "csv", "parquet", "timelinejs")


class ExportError(StorylineError):
    """An export cannot be written as asked."""


def _plain(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One JSON object per line; returns the number of rows written."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n


def write_csv(table: pa.Table, out: TextIO) -> int:
    """CSV with a header; nested fields (lists, structs) as JSON text in their cell."""
    writer = csv.writer(out)
    writer.writerow(table.column_names)
    n = 0
    for batch in table.to_batches():
        for row in batch.to_pylist():
            writer.writerow([_plain(row[c]) for c in table.column_names])
            n += 1
    return n


def write_table(table: pa.Table, fmt: str, out: TextIO | None, path: Path | None) -> int:
    """Write an Arrow table of records in ``fmt`` to ``path``, or to ``out`` for text formats."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if fmt == "parquet":
        if path is None:
            raise ExportError("parquet is binary: give a file with --output")
        pq.write_table(table, str(path))
        return int(table.num_rows)
    if fmt == "timelinejs":
        from storyline.export.timelinejs import to_timelinejs
        from storyline.records import TimelineEntry, from_dict

        if "granularity" not in table.column_names:
            raise ExportError("the timelinejs format is for the timeline table (--table timeline)")
        entries = [from_dict(TimelineEntry, row) for row in table.to_pylist()]
        text = json.dumps(to_timelinejs(entries), ensure_ascii=False, indent=1)
        return _write_text(text + "\n", out, path, int(table.num_rows))
    if path is not None:
        with path.open("w", encoding="utf-8", newline="") as f:
            return _write_rows(table, fmt, f)
    assert out is not None
    return _write_rows(table, fmt, out)


def _write_rows(table: pa.Table, fmt: str, out: TextIO) -> int:
    if fmt == "csv":
        return write_csv(table, out)
    return write_jsonl((row for b in table.to_batches() for row in b.to_pylist()), out)


def _write_text(text: str, out: TextIO | None, path: Path | None, n: int) -> int:
    if path is not None:
        path.write_text(text, encoding="utf-8")
    else:
        assert out is not None
        out.write(text)
    return n
