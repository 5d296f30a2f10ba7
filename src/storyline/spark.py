"""The distributed runner: the same stages and the same records, on Apache Spark.

Reads: articles from files and folders (``.txt`` with sidecars, JSONL, HTML, WARC — through
``storyline.ingest``, one Spark task per file; paths with a scheme such as ``s3a://`` or ``hdfs://``
are fetched with ``binaryFiles``) and Parquet tables of articles (columns as in JSONL: ``id``,
``text`` or ``html``, ``published``, ``title``, ``url``, ``source``) from any path Spark can read.
Writes: one Parquet table per record table under the output folder
(``OUTPUT/documents``, ``OUTPUT/events``, ...), with the columns of the DuckDB store: both schemas
come from ``storyline.records`` through ``storyline.store.schema.arrow_schema``.

How the work is laid out:

1. read: one task per input file runs the ingest readers; Parquet inputs are read by Spark.
   Documents repeated in the inputs (same content hash) are kept once, the first in input order.
2. analyse: ``mapInArrow`` over the documents; each Python worker builds the spaCy pipeline once
   (cached per process, so once per executor core, not once per batch) and runs
   ``storyline.pipeline.process`` over its partition. A document that fails becomes a failure row.
3. cross-document steps, calling the same pure functions as a local run (``storyline.story``):

   - entity linking: each document's entities are kept as extracted (``document_entities``);
     ``link_entities`` runs on the driver over them and the roles (far fewer rows than mentions);
     its redirects become ``entity_links`` and are applied to mentions, roles, quotes and event
     actors by Spark joins and map tasks (what the local store's views do on reading).
     It stays on the driver because its decisions are global: a short name is merged only when
     exactly one person in the whole corpus carries a fuller form of it, and merges chain
     (``_root``), so a per-key split would need every word of every name as a key and an iterative
     closure of the redirects to give the same result.
   - story events: events are grouped by the key ``merge_events`` itself never crosses (the
     modality class: done, planned, negated, hypothetical) and each block is merged in its own
     task. That is exact, and coarse: the "done" block holds most events.
   - stories (``stories_job``): each article's counts (``stories.text_counts``: content words,
     names, title words, how names were written) in a map task over the documents; actor keys
     from the events and quotes in map tasks, collected per article; the story events each
     article shares; the document frequencies by a Spark aggregation joined back to each
     article's terms. The driver streams the compact features in published order and runs only
     ``stories.assign_stories``, the sequential pass in which each article joins the most similar
     earlier story. It holds the features of every article (10-15 KiB each, 15-25 KiB with the
     stories' sums, measured on 2,209 and 92 articles; no texts, events or quotes), and its time
     grows faster than the articles (see docs/CLUSTER.md): it is the step that bounds a run's
     size. Story ids of story events (majority of their articles), the spans of stories and the
     writing of label names are computed in Spark again.
   - timelines (``timelines_job``): each story's story events, their mention events, the
     articles of both and those articles' quotes are keyed by story id by joins and grouped; one
     ``applyInArrow`` call per story runs ``build_timeline`` in an executor.

Only this module imports pyspark.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F  # noqa: N812
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.sql.types import StructType
from spacy.language import Language

from storyline.errors import InputError
from storyline.ingest import (
    RawArticle,
    input_files,
    note_failures,
    read_inputs,
    read_jsonl_line,
    to_document,
)
from storyline.pipeline import DocResult, build_nlp, process
from storyline.records import (
    TABLE_RECORDS,
    Document,
    DocumentEntity,
    Entity,
    EntityLink,
    Event,
    Failure,
    Mention,
    Quote,
    Role,
    Story,
    StoryEvent,
    TimelineEntry,
    Timex,
    from_dict,
    to_dict,
)
from storyline.settings import Settings
from storyline.store.schema import arrow_schema

#: The per-document tables of a DocResult, in its field order, with their record classes.
DOC_TABLES: tuple[tuple[str, type[Any]], ...] = (
    ("timexes", Timex),
    ("entities", Entity),
    ("mentions", Mention),
    ("roles", Role),
    ("quotes", Quote),
    ("events", Event),
    ("failures", Failure),
)
#: Rows per Arrow batch handed back to Spark by the read and analyse tasks.
BATCH_ROWS = 64
#: Input columns of a Parquet table of articles (the JSONL keys).
ARTICLE_COLUMNS = ("id", "text", "html", "published", "title", "url", "source")


def spark_schema(cls: type[Any]) -> StructType:
    """The Spark schema of a record class, converted from its Arrow schema (one definition)."""
    return from_arrow_schema(arrow_schema(cls))


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
    """A Spark session for storyline (the UI off, the workers on this Python)."""
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
        )
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


# --- step 1: read ------------------------------------------------------------------------------


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


# --- step 2: analyse ---------------------------------------------------------------------------


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


# --- step 3: cross-document --------------------------------------------------------------------


def _explode(results: DataFrame, name: str) -> DataFrame:
    return results.select(F.explode(name).alias("r")).select("r.*")


def _records(df: DataFrame, cls: type[Any]) -> Iterator[Any]:
    for row in df.toLocalIterator():
        yield from_dict(cls, row.asDict(recursive=True))


def _frame(spark: SparkSession, cls: type[Any], records: Iterable[Any]) -> DataFrame:
    rows = [to_dict(r) for r in records]
    return spark.createDataFrame(rows, spark_schema(cls))


def _document_entities(results: DataFrame) -> DataFrame:
    """Each document's view of its entities, as extracted (the local store keeps the same rows)."""
    rows = results.select(F.col("document.id").alias("doc_id"), F.explode("entities").alias("e"))
    return rows.select("doc_id", "e.*").dropDuplicates(list(DocumentEntity.KEY))


def _relink_events(redirects: dict[str, str], entities: dict[str, Entity]):  # type: ignore[no-untyped-def]
    from storyline.story.entities import relink_event

    schema = arrow_schema(Event)

    def relink(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            events = [from_dict(Event, r) for r in batch.to_pylist()]
            rows = [to_dict(relink_event(e, redirects, entities)) for e in events]
            yield pa.RecordBatch.from_pylist(rows, schema=schema)

    return relink


def _redirect(df: DataFrame, column: str, redirects: DataFrame) -> DataFrame:
    cols = df.columns
    joined = df.join(F.broadcast(redirects), df[column] == redirects["old"], "left")
    return joined.withColumn(column, F.coalesce(redirects["new"], df[column])).select(*cols)


def _block_key(row: Any) -> str:
    """The key ``merge_events`` never merges across: two mentions of different modality classes
    (done, planned, negated, hypothetical) are never one story event."""
    from storyline.story.events import MODALITY_CLASS

    return str(MODALITY_CLASS.get(row["modality"], row["modality"]))


def _merge_block(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    from storyline.story.events import merge_events

    events, documents = [], {}
    for row in rows:
        data = row.asDict(recursive=True)
        doc_id, published = data.pop("_doc_id"), data.pop("_published")
        events.append(from_dict(Event, data))
        # merge_events reads only the documents' ids and dates.
        documents[doc_id] = Document(doc_id, doc_id, None, None, None, published, None, "")
    for story_event in merge_events(events, documents.values()):
        yield to_dict(story_event)


def story_events_job(spark: SparkSession, events: DataFrame, documents: DataFrame) -> DataFrame:
    """Story events, merged block by block (a block never holds two events merge_events could join)."""
    dated = events.join(
        documents.select(F.col("id").alias("_doc_id"), F.col("published").alias("_published")),
        events["doc_id"] == F.col("_doc_id"),
        "left",
    )
    merged = dated.rdd.keyBy(_block_key).groupByKey().flatMap(lambda kv: _merge_block(kv[1]))
    return spark.createDataFrame(merged, spark_schema(StoryEvent))


# --- stories: per-article counts on executors, the assignment on the driver -------------------

#: One article's counts for story grouping (``storyline.story.stories.ArticleCounts``).
_TERMS = pa.list_(
    pa.field("item", pa.struct([("term", pa.string()), ("n", pa.int64())]), nullable=False)
)


@functools.cache
def _counts_schema() -> pa.Schema:
    originals = pa.struct([("name", pa.string()), ("original", pa.string())])
    return pa.schema(
        [
            pa.field("doc_id", pa.string(), nullable=False),
            pa.field("published", pa.string()),
            pa.field("fallback_label", pa.string(), nullable=False),
            pa.field("words", _TERMS, nullable=False),
            pa.field("names", _TERMS, nullable=False),
            pa.field("title", _TERMS, nullable=False),
            pa.field("originals", pa.list_(pa.field("item", originals, nullable=False))),
        ]
    )


def _count_texts(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    from storyline.story.stories import text_counts

    schema = _counts_schema()
    for batch in batches:
        rows = []
        for r in batch.to_pylist():
            c = text_counts(from_dict(Document, r))
            rows.append(
                {
                    "doc_id": c.doc_id,
                    "published": c.published,
                    "fallback_label": c.fallback_label,
                    "words": [{"term": t, "n": n} for t, n in c.words],
                    "names": [{"term": t, "n": n} for t, n in c.names],
                    "title": [{"term": t, "n": n} for t, n in c.title],
                    "originals": [{"name": k, "original": v} for k, v in c.originals],
                }
            )
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


_ACTOR_ROWS = pa.schema([pa.field("doc_id", pa.string()), pa.field("key", pa.string())])


def _actor_rows(
    cls: type[Any], keys_of: Callable[[Any], Iterable[str]]
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """A mapInArrow function: the (doc_id, actor key) rows of each ``cls`` record (events or
    quotes), the keys given by ``keys_of`` (``stories.event_actors`` / ``stories.quote_actors``)."""

    def rows_of(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            rows = []
            for r in batch.to_pylist():
                record = from_dict(cls, r)
                rows += [{"doc_id": record.doc_id, "key": k} for k in sorted(keys_of(record))]
            yield pa.RecordBatch.from_pylist(rows, schema=_ACTOR_ROWS)

    return rows_of


def story_counts(
    documents: DataFrame, events: DataFrame, quotes: DataFrame, story_events: DataFrame
) -> DataFrame:
    """One row per article: its text counts (``text_counts``, one map task per partition of
    documents), its actor keys (from its events and quotes, collected by doc id) and the story
    events reported by two articles or more that it reports."""
    from storyline.story.stories import event_actors, quote_actors

    texts = documents.mapInArrow(_count_texts, from_arrow_schema(_counts_schema()))
    actor_type = from_arrow_schema(_ACTOR_ROWS)
    keys = events.mapInArrow(_actor_rows(Event, event_actors), actor_type).unionByName(
        quotes.mapInArrow(_actor_rows(Quote, quote_actors), actor_type)
    )
    actors = keys.groupBy("doc_id").agg(F.collect_set("key").alias("actors"))
    shared = (
        story_events.where(F.size("doc_ids") > 1)
        .select("id", F.explode("doc_ids").alias("doc_id"))
        .groupBy("doc_id")
        .agg(F.collect_set("id").alias("story_events"))
    )
    return texts.join(actors, "doc_id", "left").join(shared, "doc_id", "left")


def _with_frequencies(counts: DataFrame) -> DataFrame:
    """The counts with each term's document frequency beside it (a Spark aggregation and a
    join: the corpus vocabulary never reaches the driver): one row per article, its terms in
    ``terms`` sorted by list (names, title, words) and first-seen position."""
    terms = functools.reduce(
        DataFrame.unionByName,
        [
            counts.select(
                "doc_id",
                F.lit(column).alias("list"),
                # A title's words weigh by the document frequency of words.
                F.lit("names" if column == "names" else "words").alias("df_list"),
                F.posexplode(column).alias("pos", "t"),
            ).select("doc_id", "list", "df_list", "pos", "t.term", "t.n")
            for column in ("words", "names", "title")
        ],
    )
    # Each article holds a term once in a list, so the rows of a term are its articles.
    frequency = (
        terms.where(F.col("list") != "title")
        .groupBy("df_list", "term")
        .agg(F.count(F.lit(1)).alias("df"))
    )
    weighed = (
        terms.join(frequency, ["df_list", "term"], "left")
        .groupBy("doc_id")
        .agg(
            F.sort_array(F.collect_list(F.struct("list", "pos", "term", "n", "df"))).alias("terms")
        )
    )
    own = counts.select("doc_id", "published", "fallback_label", "actors", "story_events")
    return own.join(weighed, "doc_id", "left")


def _article_features(row: Any, n_docs: int) -> Any:
    from storyline.story.stories import ArticleCounts, article_features

    lists: dict[str, list[tuple[str, int]]] = {"words": [], "names": [], "title": []}
    word_df: dict[str, int] = {}
    name_df: dict[str, int] = {}
    for t in row["terms"] or ():
        lists[t["list"]].append((t["term"], t["n"]))
        (name_df if t["list"] == "names" else word_df)[t["term"]] = t["df"] or 0
    counts = ArticleCounts(
        doc_id=row["doc_id"],
        published=row["published"],
        fallback_label=row["fallback_label"],
        words=tuple(lists["words"]),
        names=tuple(lists["names"]),
        title=tuple(lists["title"]),
        originals=(),
        actors=frozenset(row["actors"] or ()),
    )
    return article_features(counts, word_df, name_df, n_docs, row["story_events"] or ())


def _stamp(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    from storyline.story.stories import story_of

    schema = arrow_schema(StoryEvent)
    for batch in batches:
        rows = []
        for r in batch.to_pylist():
            held = {r["doc_ids"][p["pos"]]: p["story_id"] for p in r.pop("_stories") or ()}
            r["story_id"] = story_of(r["doc_ids"], held)
            rows.append(r)
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _story_event_order(s: StoryEvent) -> tuple[Any, str]:
    """The order a local run hands story events on in (``merge_events``' order)."""
    from storyline.story import dates

    return (dates.sort_key(s.date.value if s.date else None), s.id)


def _span_dates(table: pa.Table) -> pa.Table:
    """Of one story's story events, the first earliest and the first latest of their span dates,
    in the order a local run sees them (enough for ``story_record``: the same start and end)."""
    from storyline.story.stories import span_date, span_ends

    rows = table.to_pylist()
    own = sorted((from_dict(StoryEvent, r) for r in rows), key=_story_event_order)
    values = [v for v in map(span_date, own) if v]
    start, end = span_ends(values)
    kept = (
        [values[i] for i in sorted({values.index(start), values.index(end)})]
        if start and end
        else []
    )
    return pa.Table.from_pylist([{"story_id": rows[0]["story_id"], "dates": kept}], schema=_SPANS)


_SPANS = pa.schema([pa.field("story_id", pa.string()), pa.field("dates", pa.list_(pa.string()))])


def stories_job(
    spark: SparkSession,
    documents: DataFrame,
    events: DataFrame,
    quotes: DataFrame,
    story_events: DataFrame,
) -> tuple[list[Story], DataFrame]:
    """The stories and the story events stamped with theirs, as ``group_stories``: counts and
    document frequencies in Spark; on the driver only the assignment of articles in published
    order over their compact features; labels, stamps and spans in Spark again."""
    from storyline.story.stories import assign_stories, label_names, story_record

    counts = story_counts(documents, events, quotes, story_events).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    n_docs = counts.count()
    features = _with_frequencies(counts).orderBy(
        F.coalesce(F.col("published"), F.lit("9999")), "doc_id"
    )
    groups = assign_stories(
        _article_features(r, n_docs) for r in features.toLocalIterator(prefetchPartitions=True)
    )

    assignment = spark.createDataFrame(
        [(m.doc_id, g.id) for g in groups for m in g.members], "doc_id string, story_id string"
    )
    # How a label's names were last written, in published order (the local run's rule).
    wanted = spark.createDataFrame(
        sorted({(n,) for g in groups for n in label_names(g)}), "name string"
    )
    written = (
        counts.select(
            F.struct(F.coalesce(F.col("published"), F.lit("9999")), F.col("doc_id")).alias("at"),
            F.explode("originals").alias("o"),
        )
        .select("at", "o.name", "o.original")
        .join(wanted, "name")
        .groupBy("name")
        .agg(F.max_by("original", "at").alias("original"))
    )
    originals = {r["name"]: r["original"] for r in written.collect()}

    held = (
        story_events.select("id", F.posexplode("doc_ids").alias("pos", "doc_id"))
        .join(assignment, "doc_id")
        .groupBy("id")
        .agg(F.collect_list(F.struct("pos", "story_id")).alias("_stories"))
    )
    stamped = (
        story_events.drop("story_id")
        .join(held, "id", "left")
        .select(*[c for c in spark_schema(StoryEvent).fieldNames() if c != "story_id"], "_stories")
        .mapInArrow(_stamp, spark_schema(StoryEvent))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    dated = stamped.where(F.col("story_id").isNotNull()).groupBy("story_id")
    spans = {
        r["story_id"]: list(r["dates"])
        for r in dated.applyInArrow(_span_dates, from_arrow_schema(_SPANS)).collect()
    }
    stories = [story_record(g, originals, spans.get(g.id, [])) for g in groups]
    counts.unpersist()
    return stories, stamped


# --- timelines: one task per group of stories --------------------------------------------------


def _story_timeline(table: pa.Table) -> pa.Table:
    """One story's timeline from its own records, as ``story_timelines`` builds it: a row holds
    one of its story events (``s``), mention events (``e``), documents (``d``) or quotes (``q``)."""
    from storyline.story.timeline import build_timeline

    rows = table.to_pylist()
    own = sorted(
        (from_dict(StoryEvent, r["s"]) for r in rows if r["s"] is not None), key=_story_event_order
    )
    events = {r["e"]["id"]: from_dict(Event, r["e"]) for r in rows if r["e"] is not None}
    docs = {r["d"]["id"]: from_dict(Document, r["d"]) for r in rows if r["d"] is not None}
    quotes = [from_dict(Quote, r["q"]) for r in rows if r["q"] is not None]
    entries = build_timeline(
        own,
        [events[m] for s in own for m in s.mention_ids if m in events],
        [docs[d] for d in sorted(docs)],
        sorted(quotes, key=lambda q: (q.doc_id, q.start, q.end)),
        story_id=rows[0]["story_id"],
    )
    return pa.Table.from_pylist([to_dict(e) for e in entries], schema=arrow_schema(TimelineEntry))


def timelines_job(
    story_events: DataFrame, events: DataFrame, documents: DataFrame, quotes: DataFrame
) -> DataFrame:
    """Every story's timeline, as ``story_timelines``: each story's story events, their mention
    events, the articles of both and those articles' quotes are keyed by story id by joins,
    grouped, and each group's timeline is built in an executor task."""
    own = story_events.where(F.col("story_id").isNotNull())
    mention_ids = own.select("story_id", F.explode("mention_ids").alias("id")).distinct()
    mentions = mention_ids.join(events, "id")
    doc_ids = (
        own.select("story_id", F.explode("doc_ids").alias("id"))
        .unionByName(mentions.select("story_id", F.col("doc_id").alias("id")))
        .distinct()
    )
    docs = doc_ids.join(documents, "id")
    story_quotes = doc_ids.join(quotes, doc_ids["id"] == quotes["doc_id"])
    parts = [
        own.select("story_id", F.struct(*[own[c] for c in own.columns]).alias("s")),
        mentions.select("story_id", F.struct(*events.columns).alias("e")),
        docs.select("story_id", F.struct(*documents.columns).alias("d")),
        story_quotes.select("story_id", F.struct(*[quotes[c] for c in quotes.columns]).alias("q")),
    ]
    keyed = functools.reduce(lambda a, b: a.unionByName(b, allowMissingColumns=True), parts)
    return keyed.groupBy("story_id").applyInArrow(_story_timeline, spark_schema(TimelineEntry))


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
    from storyline.story.entities import entity_links, link_entities

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
    roles = _explode(results, "roles").dropDuplicates(list(Role.KEY))
    role_records = sorted(
        _records(roles, Role), key=lambda r: (r.doc_id, r.start, r.end, r.entity_id)
    )
    doc_entities = _document_entities(results).persist(StorageLevel.MEMORY_AND_DISK)
    doc_entity_records = sorted(
        _records(doc_entities, DocumentEntity), key=lambda d: (d.doc_id, d.id)
    )
    entities, redirects = link_entities((d.as_entity() for d in doc_entity_records), role_records)
    entities = list(entities)
    tables["document_entities"] = doc_entities
    tables["entities"] = _frame(spark, Entity, entities)
    tables["entity_links"] = _frame(spark, EntityLink, entity_links(doc_entity_records, redirects))
    pairs = spark.createDataFrame(
        [(k, v) for k, v in sorted(redirects.items())], "old string, new string"
    )
    tables["mentions"] = _redirect(
        _explode(results, "mentions").dropDuplicates(list(Mention.KEY)), "entity_id", pairs
    )
    tables["roles"] = _redirect(roles, "entity_id", pairs)
    tables["quotes"] = _redirect(
        _explode(results, "quotes").dropDuplicates(list(Quote.KEY)), "speaker_entity_id", pairs
    )
    by_id = {e.id: e for e in entities}
    events = (
        _explode(results, "events")
        .dropDuplicates(list(Event.KEY))
        .mapInArrow(_relink_events(dict(redirects), by_id), spark_schema(Event))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    tables["events"] = events

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
    """``spark-submit storyline/spark.py INPUT... --output DIR``: the master and the cluster's
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


if __name__ == "__main__":
    main()

__all__ = ["SparkSummary", "main", "result_schema", "run_spark", "session", "spark_schema"]
