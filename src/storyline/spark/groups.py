"""Grouped maps in one Python call per partition.

``df.groupBy(key).applyInArrow(fn, schema)`` calls the Python worker once per group: a cost per
group (an Arrow stream, a call) that dominates when the groups are small and many (a block of a
few mentions, a component of one article). ``grouped`` gives the same result — ``fn`` applied to
the rows of each group — with the rows hash-partitioned by the key, sorted within each partition,
and one ``mapInArrow`` call per partition walking its groups in turn. The function is made once
per partition (``make``), so it can keep what its groups share: a mention in thirty blocks of one
partition is read from its row once, not thirty times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql.pandas.types import to_arrow_schema
from pyspark.sql.types import StructType

T = TypeVar("T")

#: A group's function: the rows of one group in, the rows it gives out.
GroupFunction = Callable[[pa.Table], pa.Table]
#: Output rows gathered before a batch is handed back to Spark.
OUT_ROWS = 4096
#: A key no row holds, unequal to every value (null keys make one group, as in ``groupBy``).
_START = object()


def partitions(df: DataFrame) -> int:
    """The partitions of a grouped map: the session's ``spark.sql.shuffle.partitions`` (an explicit
    number, so that adaptive execution does not merge them into fewer tasks than cores)."""
    return int(df.sparkSession.conf.get("spark.sql.shuffle.partitions") or "200")


def grouped(
    df: DataFrame, key: str, make: Callable[[], GroupFunction], schema: StructType
) -> DataFrame:
    """``make()``'s function applied to the rows of each group of ``df`` by ``key`` (as
    ``groupBy(key).applyInArrow``), one ``mapInArrow`` call per partition; ``schema`` is that of
    the rows the function gives."""
    arrow = to_arrow_schema(schema)
    ordered = df.repartition(partitions(df), key).sortWithinPartitions(key)
    return ordered.mapInArrow(_per_partition(key, make, arrow), schema)


def _per_partition(
    key: str, make: Callable[[], GroupFunction], schema: pa.Schema
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        fn = make()
        out = _Output(schema)
        for group in group_tables(batches, key):
            yield from out.add(fn(group))
        yield from out.flush()

    return run


def group_tables(batches: Iterator[pa.RecordBatch], key: str) -> Iterator[pa.Table]:
    """The groups of rows sorted by ``key``, each as one table (a group may span batches)."""
    pending: list[pa.RecordBatch] = []
    current: Any = _START
    for batch in batches:
        start = 0
        for i, value in enumerate(batch.column(key).to_pylist()):
            if value != current:
                if i > start:
                    pending.append(batch.slice(start, i - start))
                if pending:
                    yield pa.Table.from_batches(pending)
                    pending = []
                current, start = value, i
        if batch.num_rows > start:
            pending.append(batch.slice(start))
    if pending:
        yield pa.Table.from_batches(pending)


class _Output:
    """The rows of many small groups gathered into batches of about ``OUT_ROWS``."""

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.tables: list[pa.Table] = []
        self.rows = 0

    def add(self, table: pa.Table) -> Iterator[pa.RecordBatch]:
        if table.num_rows:
            self.tables.append(table.cast(self.schema) if table.schema != self.schema else table)
            self.rows += table.num_rows
        if self.rows >= OUT_ROWS:
            yield from self.flush()

    def flush(self) -> Iterator[pa.RecordBatch]:
        if self.tables:
            yield from pa.concat_tables(self.tables).combine_chunks().to_batches()
        self.tables, self.rows = [], 0


#: Items a partition's cache keeps (the least recently used dropped first): bounds a worker's
#: memory whatever the size of its partition.
CACHE_ITEMS = 50_000


class RowCache(Generic[T]):
    """What the groups of one partition build from their members' rows (a mention's report, an
    article's features), kept by the member's id: a member of many groups is built once."""

    def __init__(
        self, build: Callable[[dict[str, Any]], T], id_column: str, limit: int = CACHE_ITEMS
    ) -> None:
        self.build = build
        self.id_column = id_column
        self.limit = limit
        self.items: dict[Any, T] = {}

    def of(self, table: pa.Table) -> dict[Any, T]:
        """The built item of each row of ``table`` by its id (rows not seen before read whole)."""
        ids = table.column(self.id_column).to_pylist()
        missing = [i for i, x in enumerate(ids) if x not in self.items]
        if missing:
            for i, row in zip(missing, table.take(missing).to_pylist(), strict=True):
                self.items[ids[i]] = self.build(row)
        found = {x: self.items.pop(x) for x in ids if x in self.items}
        self.items.update(found)  # the most recently used last
        while len(self.items) > self.limit:
            del self.items[next(iter(self.items))]
        return found
