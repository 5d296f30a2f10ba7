"""A Spark run: read, analyse, the cross-document jobs, and one Parquet table per record table
under the output folder (the columns of the DuckDB store)."""

from __future__ import annotations

import sys
import time
from collections.abc import MutableMapping, Sequence
from pathlib import Path

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812

from storyline.records import TABLE_RECORDS, DocumentEntity, Failure
from storyline.registry import DOC_RECORDS, DocRecords
from storyline.settings import Settings
from storyline.spark.analyse import analyse
from storyline.spark.jobs import cross_document
from storyline.spark.read import read_items
from storyline.spark.session import SparkSummary, session


def _explode(results: DataFrame, name: str) -> DataFrame:
    """One table of the analysed results: the records of one list column, a row each."""
    return results.select(F.explode(name).alias("r")).select("r.*")


def _per_document(results: DataFrame, kind: DocRecords) -> DataFrame:
    """The rows of one kind of per-document record as the store keeps them (an entity as the
    document's view of it, with the document's id)."""
    if kind.stored is DocumentEntity:
        rows = results.select(
            F.col("document.id").alias("doc_id"), F.explode(kind.field).alias("e")
        ).select("doc_id", "e.*")
    else:
        rows = _explode(results, kind.field)
    return rows.dropDuplicates(list(kind.stored.KEY))


#: The phases ``run_spark`` times (with the cross-document steps, ``jobs.CROSS_DOCUMENT_STEPS``,
#: between ``per_document`` and ``write``).
RUN_PHASES = ("read", "analyse", "per_document", "write", "summary")


class _Phases:
    """The seconds of each phase of a run, when asked for: each phase's frames are computed
    when it ends, so that its work is not counted in the next."""

    def __init__(self, timings: MutableMapping[str, float] | None) -> None:
        self.timings = timings
        self.started = time.perf_counter()

    def restart(self) -> None:
        self.started = time.perf_counter()

    def done(self, phase: str, *frames: DataFrame) -> None:
        if self.timings is None:
            return
        for frame in frames:
            frame.count()
        self.timings[phase] = time.perf_counter() - self.started
        self.restart()


def run_spark(
    inputs: Sequence[str | Path],
    output: str | Path,
    settings: Settings,
    published: str | None = None,
    master: str = "local[*]",
    spark: SparkSession | None = None,
    partitions: int | None = None,
    timings: MutableMapping[str, float] | None = None,
) -> SparkSummary:
    """Process the inputs on Spark into Parquet tables under ``output`` (overwritten). With
    ``timings``, each phase (``RUN_PHASES``, the cross-document steps among them) is computed
    when it is reached and its seconds recorded there."""
    started = time.perf_counter()
    clock = _Phases(timings)
    spark = spark or session(master)
    out = str(output).rstrip("/")
    items = read_items(spark, [str(p) for p in inputs], settings, published)
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    clock.done("read", items)
    results, skipped = analyse(spark, items, settings, partitions)
    clock.done("analyse")

    tables: dict[str, DataFrame] = {}
    documents = results.select("document.*")
    tables["documents"] = documents
    read_failures = items.where(F.col("failure").isNotNull()).select("failure.*")
    tables["failures"] = read_failures.unionByName(_explode(results, "failures")).dropDuplicates(
        list(Failure.KEY)
    )

    # The per-document records as extracted (by the registry), then the cross-document steps.
    extracted = {"documents": documents}
    for kind in DOC_RECORDS:
        extracted[kind.stored.TABLE] = _per_document(results, kind).persist(
            StorageLevel.MEMORY_AND_DISK
        )
    tables.update(extracted)
    clock.done("per_document", *extracted.values())
    linked = cross_document(extracted, timings)
    tables.update(linked)
    clock.restart()

    for cls in TABLE_RECORDS:
        tables[cls.TABLE].write.mode("overwrite").parquet(f"{out}/{cls.TABLE}")
    clock.done("write")

    counts = items.agg(F.sum(F.col("article").cast("long")).alias("read")).first()
    words = results.agg(F.sum("words").alias("words")).first()
    n_failures = spark.read.parquet(f"{out}/failures").count()
    summary = SparkSummary(
        read=int((counts["read"] if counts else 0) or 0),
        stored=spark.read.parquet(f"{out}/documents").count(),
        skipped=skipped,
        failures=n_failures,
        words=int((words["words"] if words else 0) or 0),
        seconds=time.perf_counter() - started,
        output=out,
    )
    clock.done("summary")
    for frame in (*linked.values(), *extracted.values(), results):
        frame.unpersist()
    items.unpersist()
    return summary


def main(argv: Sequence[str] | None = None) -> None:
    """``spark-submit storyline/spark/__main__.py INPUT... --output DIR``: the master and the cluster's
    settings come from spark-submit (see docs/CLUSTER.md)."""
    import argparse

    from storyline.settings import load_settings

    parser = argparse.ArgumentParser(prog="storyline-spark", description=main.__doc__)
    parser.add_argument("inputs", nargs="+", help="input files, folders or URIs")
    parser.add_argument("--output", required=True, help="folder for the Parquet tables")
    parser.add_argument("--config", default=None, help="a TOML settings file")
    parser.add_argument("--published", default=None, help="date for inputs that carry none")
    parser.add_argument("--partitions", type=int, default=None, help="analysis partitions")
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName("storyline").getOrCreate()
    summary = run_spark(
        args.inputs,
        args.output,
        load_settings(args.config),
        published=args.published,
        spark=spark,
        partitions=args.partitions,
    )
    sys.stdout.write(summary.line() + "\n")
