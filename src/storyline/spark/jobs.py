"""Step 3, the cross-document jobs, calling the same pure functions as a local run
(``storyline.story``): entity linking (``link_job``), story events (``story_events_job``),
stories (``stories_job``) and timelines (``timelines_job``). See the package's docstring for how
each is laid out.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F  # noqa: N812
from pyspark.sql.pandas.types import from_arrow_schema

from storyline.records import (
    Document,
    DocumentEntity,
    Entity,
    EntityLink,
    Event,
    Mention,
    Quote,
    Role,
    Story,
    StoryEvent,
    TimelineEntry,
    from_dict,
    to_dict,
)
from storyline.spark.session import spark_schema
from storyline.store.schema import arrow_schema


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


def link_job(spark: SparkSession, results: DataFrame) -> dict[str, DataFrame]:
    """Entity linking: distinct entities and roles on the driver, redirects applied by Spark.
    The tables ``document_entities``, ``entities``, ``entity_links``, ``mentions``, ``roles``,
    ``quotes`` and ``events`` (persisted) of the analysed results."""
    from storyline.story.entities import entity_links, link_entities

    tables: dict[str, DataFrame] = {}
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
    return tables


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
