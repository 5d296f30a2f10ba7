"""Blocking on Spark: the members of each block, and the connected components of accepted pairs.

The cross-document jobs give each item its blocking keys (the functions of ``storyline.story``),
keep the blocks of two members or more, bring each member's row to each of its blocks, and run the
pair function of ``storyline.story`` in one task per block. The components of the accepted pairs
are computed by iterative joins (each item takes the smallest label among its neighbours' until
none changes), labelled by their smallest id, as ``storyline.story.blocking.components`` labels them.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F  # noqa: N812

#: Rounds of label propagation after which the components are taken as they are (a chain of
#: links longer than this is cut; the story layer's components are a few links across).
MAX_ROUNDS = 50


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
