"""Step 2, analyse: ``mapInArrow`` over the unique documents, each worker running
``storyline.pipeline.process`` with a spaCy pipeline built once per worker process; one row per
document with all its records (``session.result_schema``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F  # noqa: N812
from pyspark.sql.pandas.types import from_arrow_schema
from spacy.language import Language

from storyline.pipeline import build_nlp, process
from storyline.records import Document, Failure, from_dict, to_dict
from storyline.registry import DocResult
from storyline.settings import Settings
from storyline.spark.session import BATCH_ROWS, DOC_TABLES, result_schema


@functools.cache
def _cached_nlp(settings: Settings) -> Language:
    """The pipeline of a worker process, built on its first partition and kept for the others."""
    return build_nlp(settings)


def _result_row(result: DocResult, ordinal: tuple[int, int]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "file_idx": ordinal[0],
        "rec_idx": ordinal[1],
        "words": len(result.document.text.split()),
        "document": to_dict(result.document),
    }
    for name, _ in DOC_TABLES:
        row[name] = [to_dict(r) for r in getattr(result, name)]
    return row


def _failed_row(document: Document, ordinal: tuple[int, int], err: Exception) -> dict[str, Any]:
    failure = Failure(
        document.external_id,
        document.external_id,
        "store",
        f"records do not fit the schema: {type(err).__name__}: {err}"[:500],
    )
    return _result_row(DocResult(document, failures=[failure]), ordinal)


def _analyse(settings: Settings):  # type: ignore[no-untyped-def]
    schema = result_schema()

    def analyse(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        nlp = _cached_nlp(settings)
        ordinals: dict[str, tuple[int, int]] = {}

        def documents() -> Iterator[Document]:
            for batch in batches:
                for r in batch.to_pylist():
                    document = from_dict(Document, r["document"])
                    ordinals[document.id] = (r["file_idx"], r["rec_idx"])
                    yield document

        buffer: list[tuple[DocResult, tuple[int, int]]] = []
        for result in process(nlp, documents(), settings):
            buffer.append((result, ordinals.pop(result.document.id)))
            if len(buffer) >= BATCH_ROWS:
                yield _result_batch(buffer, schema)
                buffer = []
        if buffer:
            yield _result_batch(buffer, schema)

    return analyse


def _result_batch(
    results: list[tuple[DocResult, tuple[int, int]]], schema: pa.Schema
) -> pa.RecordBatch:
    rows = [_result_row(r, o) for r, o in results]
    try:
        return pa.RecordBatch.from_pylist(rows, schema=schema)
    except (pa.ArrowException, TypeError, ValueError):
        # Find the document whose records do not fit, and keep it as a failure row.
        fitted = []
        for (result, ordinal), row in zip(results, rows, strict=True):
            try:
                pa.RecordBatch.from_pylist([row], schema=schema)
                fitted.append(row)
            except (pa.ArrowException, TypeError, ValueError) as err:
                fitted.append(_failed_row(result.document, ordinal, err))
        return pa.RecordBatch.from_pylist(fitted, schema=schema)


def analyse(
    spark: SparkSession, items: DataFrame, settings: Settings, partitions: int | None = None
) -> tuple[DataFrame, int]:
    """The per-document results (persisted), and how many repeated documents were left out."""
    docs = items.where(F.col("document").isNotNull())
    first = Window.partitionBy(F.col("document.id")).orderBy("file_idx", "rec_idx")
    unique = docs.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")
    unique = unique.select("file_idx", "rec_idx", "document").persist(StorageLevel.MEMORY_AND_DISK)
    n_docs, n_unique = docs.count(), unique.count()
    if partitions is None:
        cores = spark.sparkContext.defaultParallelism
        partitions = max(cores * 2, n_unique // 500)
    results = unique.repartition(max(1, partitions)).mapInArrow(
        _analyse(settings), from_arrow_schema(result_schema())
    )
    results = results.persist(StorageLevel.MEMORY_AND_DISK)
    results.count()  # run the pipeline once; every table is read from here
    unique.unpersist()
    return results, n_docs - n_unique
