"""The Spark session of a run, the Spark and Arrow schemas of its rows, and its summary."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
from pyspark.sql import SparkSession
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.sql.types import StructType

from storyline.records import Document, Failure
from storyline.registry import DOC_RECORDS
from storyline.store.schema import arrow_schema

#: The per-document tables of a DocResult, in its field order, with their record classes.
DOC_TABLES: tuple[tuple[str, type[Any]], ...] = (
    *((kind.field, kind.record) for kind in DOC_RECORDS),
    ("failures", Failure),
)
#: Rows per Arrow batch handed back to Spark by the read and analyse tasks.
BATCH_ROWS = 64
#: The JVM options of a local session: the JIT compiler's first tier only. A run is hundreds of
#: small Spark jobs, each with code generated for it; the second tier's compiler took 37 of the
#: JVM's 82 CPU seconds over the cross-document steps of 1,000 articles (local[2]), time taken
#: from the cores the tasks run on, while the first tier's slower code cost the tasks 5 s more
#: (JVM 55 CPU seconds in all, the same tables).
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1"


def spark_schema(cls: type[Any]) -> StructType:
    """The Spark schema of a record class, converted from its Arrow schema (one definition)."""
    return from_arrow_schema(arrow_schema(cls))


@functools.cache
def result_schema() -> pa.Schema:
    """Rows of the analyse step: one document with all its records (a DocResult)."""
    fields = [
        pa.field("file_idx", pa.int64(), nullable=False),
        pa.field("rec_idx", pa.int64(), nullable=False),
        pa.field("words", pa.int64(), nullable=False),
        pa.field("document", pa.struct(list(arrow_schema(Document))), nullable=False),
    ]
    for name, cls in DOC_TABLES:
        item = pa.field("item", pa.struct(list(arrow_schema(cls))), nullable=False)
        fields.append(pa.field(name, pa.list_(item), nullable=False))
    return pa.schema(fields)


@dataclass(frozen=True, slots=True)
class SparkSummary:
    """What a Spark run did, for the one summary line."""

    read: int
    stored: int
    skipped: int
    failures: int
    words: int
    seconds: float
    output: str

    def line(self) -> str:
        rate = self.words / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.read} articles read: {self.stored} stored, {self.skipped} repeated, "
            f"{self.failures} failures; {self.words:,} words in {self.seconds:.1f} s "
            f"({rate:,.0f} words/s); Parquet tables in {self.output}"
        )


def session(master: str = "local[*]", conf: dict[str, str] | None = None) -> SparkSession:
    """A Spark session for storyline (the UI off, the workers on this Python; in local mode the
    JVM it starts takes ``LOCAL_JAVA_OPTIONS`` unless ``conf`` sets its own)."""
    builder = (
        SparkSession.builder.master(master)
        .appName("storyline")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.python.worker.reuse", "true")
    )
    if master.startswith("local"):
        # Local mode: this interpreter (and its installed storyline) for the workers, no network
        # beyond the loopback. The workers read PYSPARK_PYTHON when they start.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (
            builder.config("spark.pyspark.python", sys.executable)
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.driver.extraJavaOptions", LOCAL_JAVA_OPTIONS)
        )
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
