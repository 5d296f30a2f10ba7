"""Blocking on Spark: the members of each block, and the connected components of accepted pairs.

The cross-document jobs build each item once (a mention's report, an article's features, by the
functions of ``storyline.story``) with its blocking keys (``built_items``), keep the blocks of two
members or more, bring each member's built item to each of its blocks, and run the pair function
of ``storyline.story`` over the blocks of each partition (``groups.grouped``). The components of
the accepted pairs are computed by iterative joins (each item takes the smallest label among its
neighbours' and its label's label until none changes), labelled by their smallest id, as
``storyline.story.blocking.components`` labels them.

A built item travels between the tasks of one job pickled (the same code at both ends; it is
never stored): unpickling a report is some thirty times cheaper than making it again from its
row, and a mention is a member of some fifteen blocks.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F  # noqa: N812
from pyspark.sql.pandas.types import from_arrow_schema

#: Rounds of label propagation after which the components are taken as they are (a chain of
#: links longer than this is cut; the story layer's components are a few links across).
MAX_ROUNDS = 50


#: A built item: its id, its blocking keys and the pickled item (what ``build`` made of its row).
BUILT = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("keys", pa.list_(pa.string())),
        pa.field("built", pa.binary()),
    ]
)

#: What a row builds: the item the blocks and components need, and its blocking keys.
Build = Callable[[dict[str, Any]], tuple[Any, Iterable[str]]]


def built_items(rows: DataFrame, id_column: str, build: Build) -> DataFrame:
    """One row per row of ``rows`` (``BUILT``): its id, and the item and keys ``build`` makes of
    it, in map tasks."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            out = []
            for row in batch.to_pylist():
                item, keys = build(row)
                out.append({"id": row[id_column], "keys": sorted(keys), "built": dump(item)})
            yield pa.RecordBatch.from_pylist(out, schema=BUILT)

    return rows.mapInArrow(run, from_arrow_schema(BUILT))


def dump(item: Any) -> bytes:
    """An item pickled for the tasks of this job."""
    return pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


def load(row: dict[str, Any]) -> Any:
    """The item of a ``BUILT`` row."""
    return pickle.loads(row["built"])  # made by the tasks of this job, never read from a file


def members(built: DataFrame) -> DataFrame:
    """The (key, id, built) rows of every block of two members or more."""
    keys = built.select("id", F.explode("keys").alias("key"))
    return block_rows(keys, built.select("id", "built"), "id")


def block_rows(keys: DataFrame, rows: DataFrame, id_column: str) -> DataFrame:
    """The rows of every block with two members or more: ``keys`` has (key, ``id_column``), one
    row per key of an item; the result has the key beside each member's row of ``rows``."""
    shared = keys.groupBy("key").agg(F.count(F.lit(1)).alias("_n")).where(F.col("_n") > 1)
    members = keys.join(shared.select("key"), "key")
    return members.join(rows, id_column)


def connected_components(pairs: DataFrame) -> DataFrame:
    """(id, label) for every id in ``pairs`` (columns a, b): the label is the smallest id of its
    component.

    Each round, every id takes the smallest of its label, its neighbours' labels and its label's
    label (an id of its component, never larger: a chain of links is crossed in about log2 of its
    length rounds instead of its length). The labels are looked up by a window over a union, not
    by joins: the planner estimates a join's size as the product of its inputs', and a
    checkpoint keeps its plan's estimate, so over rounds of joins the estimate's digits double
    each round and the planner's arithmetic alone comes to outlast the work."""
    edges = (
        pairs.select(F.col("a").alias("src"), F.col("b").alias("dst"))
        .unionByName(pairs.select(F.col("b").alias("src"), F.col("a").alias("dst")))
        .distinct()
        .localCheckpoint()
    )
    labels = (
        edges.groupBy(F.col("src").alias("id"))
        .agg(F.least(F.col("id"), F.min("dst")).alias("label"))
        .localCheckpoint()
    )
    asks = edges.select(F.col("src").alias("id"), F.col("dst").alias("target"))
    for _ in range(MAX_ROUNDS):
        labels = _propagated(labels, asks).localCheckpoint()
        changed = labels.where(F.col("label") < F.col("old")).limit(1).count()
        labels = labels.drop("old")
        if not changed:
            break
    return labels


def _propagated(labels: DataFrame, asks: DataFrame) -> DataFrame:
    """One round: (id, label, old) with the smallest label offered to each id (by a neighbour,
    ``asks``, or by its own label) and the label it had."""
    wanted = asks.unionByName(
        labels.select(F.col("label").alias("id"), F.col("id").alias("target"))
    )
    rows = labels.select("id", "label", F.lit(None).cast("string").alias("target")).unionByName(
        wanted.select("id", F.lit(None).cast("string").alias("label"), "target")
    )
    offered = (
        rows.withColumn("_label", F.min("label").over(Window.partitionBy("id")))
        .where(F.col("target").isNotNull())
        .select(F.col("target").alias("id"), F.col("_label").alias("label"))
    )
    return (
        labels.select("id", "label", F.col("label").alias("old"))
        .unionByName(offered.withColumn("old", F.lit(None).cast("string")))
        .groupBy("id")
        .agg(F.min("label").alias("label"), F.min("old").alias("old"))
    )


def labelled(rows: DataFrame, labels: DataFrame, id_column: str) -> DataFrame:
    """``rows`` with a ``_label`` column: their component's label, or their own id when they are in
    no accepted pair."""
    return rows.join(
        labels.select(F.col("id").alias(id_column), F.col("label").alias("_label")),
        id_column,
        "left",
    ).withColumn("_label", F.coalesce(F.col("_label"), F.col(id_column)))
