"""Exports: JSONL, CSV and Parquet for every table; TimelineJS for the timeline (and the timeline
renderers of ``storyline timeline`` in ``export.timeline``).

Reads: Arrow tables (from the store or a Spark run). Writes: a text stream or a file, never a
DuckDB database.
"""

from __future__ import annotations

import csv
import errno
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from storyline.errors import StorylineError

FORMATS = ("jsonl", "csv", "parquet", "timelinejs")

#: The bytes after the checksum at the start of every DuckDB database file.
DUCKDB_MAGIC = b"DUCK"


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


def write_table(
    table: pa.Table,
    fmt: str,
    out: TextIO | None,
    path: Path | None,
    keep: Sequence[Path] = (),
) -> int:
    """Write an Arrow table of records in ``fmt`` to ``path``, or to ``out`` for text formats.

    Never writes over a DuckDB database, or over a file of ``keep`` (the database being exported):
    those raise ``ExportError`` before anything is opened, as do a folder or a missing folder. A
    failed write (a full disk) raises ``ExportError`` too; a closed pipe raises ``BrokenPipeError``.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if fmt == "parquet" and path is None:
        raise ExportError("parquet is binary: give a file with --output")
    if fmt == "timelinejs" and "granularity" not in table.column_names:
        raise ExportError("the timelinejs format is for the timeline table (--table timeline)")
    if path is None:
        assert out is not None
        return _writing("stdout", lambda: _write(table, fmt, out))
    check_target(path, fmt, keep)
    return _writing(str(path), lambda: _write_file(table, fmt, path))


def check_target(path: Path, fmt: str, keep: Sequence[Path] = ()) -> None:
    """Refuse an export file that would destroy a database, or that cannot be a file at all."""
    if path.is_dir():
        example = path / f"export.{'json' if fmt == 'timelinejs' else fmt}"
        raise ExportError(f"{path} is a folder; give a file in it, e.g. --output {example}")
    if not path.parent.is_dir():
        raise ExportError(
            f"folder {path.parent} does not exist; create it first or give another --output"
        )
    if any(_same_file(path, k) for k in keep):
        raise ExportError(
            f"{path} belongs to the database being exported; give another --output file"
        )
    if _is_duckdb(path):
        raise ExportError(
            f"{path} is a DuckDB database, which the export would destroy; "
            "give another --output file (or delete it first if it is no longer needed)"
        )


def _same_file(a: Path, b: Path) -> bool:
    """The same path, or two names of one file (a link, another spelling of the path)."""
    return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))


def _is_duckdb(path: Path) -> bool:
    """Whether ``path`` is a regular file with the DuckDB header (``DUCK`` after the checksum)."""
    if not path.is_file():
        return False  # a device or a pipe is never read: reading it could block or consume it
    try:
        with path.open("rb") as f:
            return f.read(12)[8:12] == DUCKDB_MAGIC
    except OSError:
        return False  # unreadable: the open for writing will say why


def _writing(target: str, write: Callable[[], int]) -> int:
    """Run ``write``, with an OS or Arrow error as one ``ExportError`` naming ``target``."""
    try:
        return write()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): the command line ends quietly, as Unix tools do
    except OSError as err:
        fix = _FIXES.get(err.errno or 0, "give another --output")
        raise ExportError(f"cannot write {target}: {err.strerror or err}; {fix}") from err
    except pa.ArrowException as err:
        raise ExportError(f"cannot write {target}: {err}") from err


_FIXES = {
    errno.ENOSPC: "free some space, or write the export somewhere else",
    errno.EACCES: "choose a file you may write, or change its permissions",
    errno.EROFS: "write the export somewhere else",
}


def _write(table: pa.Table, fmt: str, out: TextIO) -> int:
    n = _write_timelinejs(table, out) if fmt == "timelinejs" else _write_rows(table, fmt, out)
    out.flush()  # a full disk behind the stream shows here, not after the command has succeeded
    return n


def _write_file(table: pa.Table, fmt: str, path: Path) -> int:
    if fmt == "parquet":
        # Opened here, not by pyarrow: pyarrow deletes the file when a write fails, and as root
        # that deleted /dev/full itself.
        with path.open("wb") as f:
            pq.write_table(table, f)
        return int(table.num_rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        return _write(table, fmt, f)


def _write_timelinejs(table: pa.Table, out: TextIO) -> int:
    from storyline.export.timelinejs import to_timelinejs
    from storyline.records import TimelineEntry, from_dict

    entries = [from_dict(TimelineEntry, row) for row in table.to_pylist()]
    out.write(json.dumps(to_timelinejs(entries), ensure_ascii=False, indent=1) + "\n")
    return int(table.num_rows)


def _write_rows(table: pa.Table, fmt: str, out: TextIO) -> int:
    if fmt == "csv":
        return write_csv(table, out)
    return write_jsonl((row for b in table.to_batches() for row in b.to_pylist()), out)
