"""A Spark run: read, analyse, the cross-document jobs, and one Parquet table per record table
under the output folder (the columns of the DuckDB store)."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812

from storyline.records import TABLE_RECORDS, Failure, Story, Timex
from storyline.settings import Settings
from storyline.spark.analyse import analyse
from storyline.spark.jobs import (
    _explode,
    _frame,
    link_job,
    stories_job,
    story_events_job,
    timelines_job,
)
from storyline.spark.read import read_items
from storyline.spark.session import SparkSummary, session


def run_spark(
    inputs: Sequence[str | Path],
    output: str | Path,
    settings: Settings,
    published: str | None = None,
    master: str = "local[*]",
    spark: SparkSession | None = None,
    partitions: int | None = None,
) -> SparkSummary:
    """Process the inputs on Spark into Parquet tables under ``output`` (overwritten)."""
    started = time.perf_counter()
    spark = spark or session(master)
    out = str(output).rstrip("/")
    items = read_items(spark, [str(p) for p in inputs], settings, published)
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    results, skipped = analyse(spark, items, settings, partitions)

    tables: dict[str, DataFrame] = {}
    documents = results.select("document.*")
    tables["documents"] = documents
    read_failures = items.where(F.col("failure").isNotNull()).select("failure.*")
    tables["failures"] = read_failures.unionByName(_explode(results, "failures")).dropDuplicates(
        list(Failure.KEY)
    )
    tables["timexes"] = _explode(results, "timexes").dropDuplicates(list(Timex.KEY))

    # Entity linking: distinct entities and roles on the driver, redirects applied by Spark.
    tables.update(link_job(spark, results))
    events = tables["events"]

    # Story events in parallel blocks; stories: counts in Spark, the assignment on the driver;
    # timelines: one task per group of stories.
    story_events = story_events_job(spark, events, documents).persist(StorageLevel.MEMORY_AND_DISK)
    stories, stamped = stories_job(spark, documents, events, tables["quotes"], story_events)
    tables["story_events"] = stamped
    tables["stories"] = _frame(spark, Story, stories)
    tables["timeline"] = timelines_job(stamped, events, documents, tables["quotes"])

    for cls in TABLE_RECORDS:
        tables[cls.TABLE].write.mode("overwrite").parquet(f"{out}/{cls.TABLE}")

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
    for frame in (stamped, story_events, events, results):
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
