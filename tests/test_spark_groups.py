"""Grouped maps in one call per partition (``storyline.spark.groups``)."""

from __future__ import annotations

import shutil
from typing import Any

import pyarrow as pa
import pytest

pytest.importorskip("pyspark", reason="PySpark is not installed: pip install -e '.[spark]'")


def _batches(rows: list[dict[str, Any]], size: int) -> list[pa.RecordBatch]:
    batches: list[pa.RecordBatch] = pa.Table.from_pylist(rows).to_batches(max_chunksize=size)
    return batches


def test_groups_of_sorted_rows_are_whole_across_batches() -> None:
    from storyline.spark.groups import group_tables

    keys = ["a", "a", "a", "b", None, None, "c", "c", "c", "c", "d"]
    rows = [{"k": k, "v": i} for i, k in enumerate(keys)]
    for size in (1, 2, 3, 4, 100):
        groups = [t.to_pylist() for t in group_tables(iter(_batches(rows, size)), "k")]
        assert [[r["v"] for r in g] for g in groups] == [
            [0, 1, 2],
            [3],
            [4, 5],
            [6, 7, 8, 9],
            [10],
        ], size


def test_no_rows_make_no_group() -> None:
    from storyline.spark.groups import group_tables

    assert list(group_tables(iter([]), "k")) == []


def test_a_row_cache_builds_each_member_once_and_drops_the_least_recently_used() -> None:
    from storyline.spark.groups import RowCache

    built: list[str] = []

    def build(row: dict[str, Any]) -> str:
        built.append(row["id"])
        return f"{row['id']}:{row['x']}"

    cache = RowCache(build, "id", limit=3)
    first = cache.of(pa.Table.from_pylist([{"id": "a", "x": 1}, {"id": "b", "x": 2}]))
    assert first == {"a": "a:1", "b": "b:2"}
    again = cache.of(pa.Table.from_pylist([{"id": "b", "x": 2}, {"id": "c", "x": 3}]))
    assert again == {"b": "b:2", "c": "c:3"}
    assert built == ["a", "b", "c"]
    cache.of(pa.Table.from_pylist([{"id": "d", "x": 4}]))  # over the limit: "a", unused longest
    assert list(cache.items) == ["b", "c", "d"]
    cache.of(pa.Table.from_pylist([{"id": "a", "x": 1}]))
    assert built == ["a", "b", "c", "d", "a"]


@pytest.mark.spark
@pytest.mark.skipif(shutil.which("java") is None, reason="Java not found: install Java 17")
def test_grouped_gives_what_a_grouped_apply_gives() -> None:
    from pyspark.sql import functions as F  # noqa: N812
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    from storyline.spark import session
    from storyline.spark.groups import grouped

    spark = session("local[2]", {"spark.sql.shuffle.partitions": "3"})
    try:
        df = spark.range(200).select(
            (F.col("id") % 37).cast("string").alias("k"), F.col("id").alias("v")
        )
        schema = StructType(
            [
                StructField("k", StringType()),
                StructField("n", LongType()),
                StructField("total", LongType()),
            ]
        )

        def summed(table: pa.Table) -> pa.Table:
            values = table.column("v").to_pylist()
            row = {"k": table.column("k")[0].as_py(), "n": len(values), "total": sum(values)}
            return pa.Table.from_pylist([row])

        ours = sorted(map(tuple, grouped(df, "k", lambda: summed, schema).collect()))
        theirs = sorted(map(tuple, df.groupBy("k").applyInArrow(summed, schema).collect()))
        assert ours == theirs and len(ours) == 37
    finally:
        spark.stop()
