"""Blocking on Spark: the members of each block, and the connected components of accepted pairs.

The cross-document jobs build each item once (a mention's report, an article's features, by the
functions of ``storyline.story``) with its blocking keys (``built_items``), keep the blocks of two
members or more, bring each member's built item to each of its blocks, and run the pair function
of ``storyline.story`` over the blocks of each partition (``groups.grouped``). The components of
the accepted pairs are computed by iterative joins (each item takes the smallest label among its
neighbours' until none changes), labelled by their smallest id, as
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
from pyspark.sql import DataFrame
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
    component."""
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
    for _ in range(MAX_ROUNDS):
        offered = edges.join(labels, edges["src"] == labels["id"]).select(
            F.col("dst").alias("id"), F.col("label").alias("offered")
        )
        best = offered.groupBy("id").agg(F.min("offered").alias("offered"))
        updated = (
            labels.join(best, "id", "left")
            .select(
                "id",
                F.least(F.col("label"), F.coalesce(F.col("offered"), F.col("label"))).alias(
                    "label"
                ),
                (F.col("offered") < F.col("label")).alias("_changed"),
            )
            .localCheckpoint()
        )
        changed = updated.where(F.col("_changed")).limit(1).count()
        labels = updated.drop("_changed")
        if not changed:
            break
    return labels


def labelled(rows: DataFrame, labels: DataFrame, id_column: str) -> DataFrame:
    """``rows`` with a ``_label`` column: their component's label, or their own id when they are in
    no accepted pair."""
    return rows.join(
        labels.select(F.col("id").alias(id_column), F.col("label").alias("_label")),
        id_column,
        "left",
    ).withColumn("_label", F.coalesce(F.col("_label"), F.col(id_column)))
