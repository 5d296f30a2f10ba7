"""Step 1, read: one row per article or failure found in the inputs.

One task per input file runs the ingest readers (``storyline.ingest``); paths with a scheme such
as ``s3a://`` or ``hdfs://`` are fetched with ``binaryFiles``; Parquet tables of articles are read
by Spark, one JSON line per row.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812
from pyspark.sql.pandas.types import from_arrow_schema

from storyline.errors import InputError
from storyline.ingest import (
    RawArticle,
    input_files,
    note_failures,
    read_inputs,
    read_jsonl_line,
    to_document,
)
from storyline.records import Document, Failure, to_dict
from storyline.settings import Settings
from storyline.spark.session import BATCH_ROWS
from storyline.store.schema import arrow_schema

#: Input columns of a Parquet table of articles (the JSONL keys).
ARTICLE_COLUMNS = ("id", "text", "html", "published", "title", "url", "source")


@functools.cache
def _read_schema() -> pa.Schema:
    """Rows of the read step: where an item came from, and a document or a failure."""
    return pa.schema(
        [
            pa.field("file_idx", pa.int64(), nullable=False),
            pa.field("rec_idx", pa.int64(), nullable=False),
            pa.field("article", pa.bool_(), nullable=False),  # counts as an article read
            pa.field("document", pa.struct(list(arrow_schema(Document))), nullable=True),
            pa.field("failure", pa.struct(list(arrow_schema(Failure))), nullable=True),
        ]
    )


def _has_scheme(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _is_parquet(path: str) -> bool:
    p = path.rstrip("/")
    if p.endswith(".parquet"):
        return True
    local = Path(p)
    return local.is_dir() and any(local.glob("*.parquet")) and not any(local.glob("*.jsonl"))


def _item_row(file_idx: int, rec_idx: int, item: RawArticle | Failure) -> dict[str, Any]:
    if isinstance(item, Failure):
        return {
            "file_idx": file_idx,
            "rec_idx": rec_idx,
            "article": False,
            "document": None,
            "failure": to_dict(item),
        }
    document = to_document(item)
    if isinstance(document, Failure):
        return {
            "file_idx": file_idx,
            "rec_idx": rec_idx,
            "article": True,
            "document": None,
            "failure": to_dict(document),
        }
    return {
        "file_idx": file_idx,
        "rec_idx": rec_idx,
        "article": True,
        "document": to_dict(document),
        "failure": None,
    }


def _batched(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    buffer: list[dict[str, Any]] = []
    for row in rows:
        buffer.append(row)
        if len(buffer) >= BATCH_ROWS:
            yield pa.RecordBatch.from_pylist(buffer, schema=schema)
            buffer = []
    if buffer:
        yield pa.RecordBatch.from_pylist(buffer, schema=schema)


def _read_files(settings: Settings, published: str | None):  # type: ignore[no-untyped-def]
    def read(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        def rows() -> Iterator[dict[str, Any]]:
            for batch in batches:
                for task in batch.to_pylist():
                    items = _read_one(task["path"], task["content"], settings, published)
                    for rec_idx, item in enumerate(items):
                        yield _item_row(task["file_idx"], rec_idx, item)

        yield from _batched(rows(), _read_schema())

    return read


def _read_one(
    path: str, content: bytes | None, settings: Settings, published: str | None
) -> Iterator[RawArticle | Failure]:
    """The items of one input file; ``content`` holds the bytes of a file fetched by Spark."""
    if content is None:
        yield from read_inputs([path], settings.ingest, published)
        return
    # A remote file: the readers read local files, so give them a temporary copy, then put
    # the remote name back into every input and external id.
    name = path.rstrip("/").rsplit("/", 1)[-1]
    with tempfile.TemporaryDirectory(prefix="storyline-") as folder:
        local = os.path.join(folder, name)
        with open(local, "wb") as f:
            f.write(content)
        for item in read_inputs([local], settings.ingest, published):
            if isinstance(item, Failure):
                external_id = item.external_id and item.external_id.replace(local, path)
                yield dataclasses.replace(
                    item, input=item.input.replace(local, path), external_id=external_id
                )
            else:
                yield dataclasses.replace(
                    item,
                    input=item.input.replace(local, path),
                    external_id=item.external_id.replace(local, path),
                )


def _read_parquet_lines(published: str | None):  # type: ignore[no-untyped-def]
    def read(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        def rows() -> Iterator[dict[str, Any]]:
            for batch in batches:
                for r in batch.to_pylist():
                    item = read_jsonl_line(r["line"], f"{r['path']}#{r['rec_idx'] + 1}", published)
                    yield _item_row(r["file_idx"], r["rec_idx"], item)
                    if isinstance(item, RawArticle):  # e.g. an impossible date, dropped
                        for failure in note_failures(item):
                            yield _item_row(r["file_idx"], r["rec_idx"], failure)

        yield from _batched(rows(), _read_schema())

    return read


def _numbered(file_idx: int, path: str, pair: tuple[Any, int]) -> tuple[int, str, int, str]:
    return (file_idx, path, pair[1], pair[0]["line"])


def _fetched(file_idx: int, pair: tuple[tuple[str, bytes], int]) -> tuple[int, str, bytes]:
    return (file_idx + pair[1], pair[0][0], bytes(pair[0][1]))


def read_items(
    spark: SparkSession, inputs: Sequence[str], settings: Settings, published: str | None
) -> DataFrame:
    """One row per article or failure found in the inputs (the read step)."""
    files: list[tuple[int, str]] = []
    frames: list[DataFrame] = []
    read_type = from_arrow_schema(_read_schema())
    missing = [p for p in inputs if not _has_scheme(p) and not Path(p).exists()]
    if missing:
        raise InputError(f"input not found: {', '.join(missing)}")
    for source in inputs:
        file_idx = len(files) + len(frames) * 1_000_000_000
        if _is_parquet(source):
            table = spark.read.parquet(source)
            cols = [c for c in ARTICLE_COLUMNS if c in table.columns]
            lines = table.select(F.to_json(F.struct(*cols)).alias("line"))
            numbered = lines.rdd.zipWithIndex().map(functools.partial(_numbered, file_idx, source))
            df = spark.createDataFrame(
                numbered, "file_idx long, path string, rec_idx long, line string"
            )
            frames.append(df.mapInArrow(_read_parquet_lines(published), read_type))
        elif _has_scheme(source):
            fetched: Any = spark.sparkContext.binaryFiles(source).sortByKey().zipWithIndex()
            remote = fetched.map(functools.partial(_fetched, file_idx))
            df = spark.createDataFrame(remote, "file_idx long, path string, content binary")
            frames.append(df.mapInArrow(_read_files(settings, published), read_type))
        else:
            files += [(len(files), str(p)) for p in input_files(Path(source))]
    if files:
        df = spark.createDataFrame(
            [(i, p, None) for i, p in files], "file_idx long, path string, content binary"
        ).repartition(max(1, min(len(files), spark.sparkContext.defaultParallelism * 4)))
        frames.append(df.mapInArrow(_read_files(settings, published), read_type))
    if not frames:
        return spark.createDataFrame([], read_type)
    return functools.reduce(DataFrame.unionByName, frames)
