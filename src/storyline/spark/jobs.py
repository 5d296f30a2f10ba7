"""Step 3, the cross-document jobs, calling the same pure functions as a local run
(``storyline.story``): entity linking (``link_job``), story events (``story_events_job``),
stories (``stories_job``) and timelines (``timelines_job``). See the package's docstring for how
each is laid out.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any

import pyarrow as pa
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F  # noqa: N812
from pyspark.sql.pandas.types import from_arrow_schema

from storyline.records import (
    Document,
    DocumentEntity,
    Entity,
    Event,
    EventReference,
    Quote,
    ReferenceLink,
    Role,
    Story,
    StoryEvent,
    TimelineEntry,
    from_dict,
    to_dict,
)
from storyline.spark.blocks import (
    MAX_ROUNDS,
    block_rows,
    built_items,
    connected_components,
    labelled,
    load,
    members,
)
from storyline.spark.groups import GroupFunction, RowCache, grouped
from storyline.spark.session import spark_schema
from storyline.store.schema import arrow_schema
from storyline.story.events import story_event_order


def _relink_events(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Events as read through the links (``relink_event``): each row brings, in ``_links``, the
    linked id and codes of each of its actors' entities."""
    from storyline.story.entities import relink_event

    schema = arrow_schema(Event)
    for batch in batches:
        rows = []
        for r in batch.to_pylist():
            links = r.pop("_links") or ()
            redirects = {x["old"]: x["new"] for x in links}
            entities = {
                x["new"]: Entity(x["new"], "", "", x["country"], x["sector"]) for x in links
            }
            rows.append(to_dict(relink_event(from_dict(Event, r), redirects, entities)))
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _redirect(df: DataFrame, column: str, redirects: DataFrame) -> DataFrame:
    cols = df.columns
    joined = df.join(redirects, df[column] == redirects["old"], "left")
    return joined.withColumn(column, F.coalesce(redirects["new"], df[column])).select(*cols)


# --- entity linking: summaries per id, redirects per block, entities per root ------------------

_SUMMARY = pa.schema([pa.field("id", pa.string()), pa.field("summary", pa.string())])
_KEYS = pa.schema([pa.field("key", pa.string()), pa.field("id", pa.string())])
_PAIRS = pa.schema([pa.field("a", pa.string()), pa.field("b", pa.string())])
_REDIRECTS = pa.schema([pa.field("old", pa.string()), pa.field("new", pa.string())])


def _summarize(table: pa.Table) -> pa.Table:
    """One entity id's summary (``entities.summarize``) from its per-document rows."""
    from storyline.story.entities import summarize

    rows = sorted(table.to_pylist(), key=lambda r: r["doc_id"])
    summary = summarize([from_dict(DocumentEntity, r).as_entity() for r in rows])
    row = {"id": summary.id, "summary": json.dumps(dataclasses.asdict(summary))}
    return pa.Table.from_pylist([row], schema=_SUMMARY)


def _summary(text: str) -> Any:
    """An ``EntitySummary`` from its JSON (lists back to tuples)."""
    from storyline.story.entities import EntitySummary

    data = json.loads(text)
    return EntitySummary(
        id=data["id"],
        name=data["name"],
        type=data["type"],
        aliases=tuple(data["aliases"]),
        countries=tuple((value, n) for value, n in data["countries"]),
        sectors=tuple((value, n) for value, n in data["sectors"]),
    )


def _linking_keys(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    from storyline.story.entities import linking_keys

    for batch in batches:
        rows = [
            {"key": k, "id": r["id"]}
            for r in batch.to_pylist()
            for k in sorted(linking_keys(_summary(r["summary"])))
        ]
        yield pa.RecordBatch.from_pylist(rows, schema=_KEYS)


def _block_redirects() -> GroupFunction:
    """The redirects of one block of entity summaries (``entities.block_redirects``), each
    summary read once per partition."""
    from storyline.story.entities import block_redirects

    cache = RowCache(lambda r: _summary(r["summary"]), "id")

    def redirects(table: pa.Table) -> pa.Table:
        found = block_redirects(table.column("key")[0].as_py(), list(cache.of(table).values()))
        return pa.Table.from_pylist([{"old": a, "new": b} for a, b in found], schema=_REDIRECTS)

    return redirects


def _resolved(redirects: DataFrame) -> DataFrame:
    """The redirects with every chain followed to its end, by repeated joins (``entities.resolve``;
    a cycle, which linking never makes, would stop at the rounds' limit)."""
    current = redirects.localCheckpoint()
    for _ in range(MAX_ROUNDS):
        step = current.alias("r").join(current.alias("s"), F.col("r.new") == F.col("s.old"), "left")
        longer = step.where(F.col("s.new").isNotNull() & (F.col("s.new") != F.col("r.old")))
        if not longer.limit(1).count():
            break
        current = step.select(
            F.col("r.old").alias("old"), F.coalesce(F.col("s.new"), F.col("r.new")).alias("new")
        ).localCheckpoint()
    return current


def _linked_entity(table: pa.Table) -> pa.Table:
    """One linked entity (``entities.linked_entity``) from the rows of its root: the summaries of
    its members (``m``) and its roles (``r``)."""
    from storyline.story.entities import linked_entity

    rows = table.to_pylist()
    root = rows[0]["_root"]
    members = [_summary(r["m"]) for r in rows if r["m"] is not None]
    roles = sorted(
        (from_dict(Role, r["r"]) for r in rows if r["r"] is not None),
        key=lambda x: (x.doc_id, x.start, x.end, x.entity_id),
    )
    own = next(m for m in members if m.id == root)
    entity = linked_entity(own, members, roles)
    return pa.Table.from_pylist([to_dict(entity)], schema=arrow_schema(Entity))


def _entity_ids(side: str) -> Column:
    """The entity ids of an event's actors on one side (an empty list for none)."""
    return F.coalesce(F.col(f"{side}.entity_id"), F.array().cast("array<string>"))


def link_job(extracted: Mapping[str, DataFrame]) -> dict[str, DataFrame]:
    """Entity linking, as ``link_entities``, in tasks: a summary per entity id, the redirects of
    each block of ``linking_keys``, chains followed by joins, each linked entity from its
    members (groups of a partition in one call each time). The
    tables ``entities``, ``entity_links`` and the mentions, roles, quotes and events read through
    the links (what the local store's views give)."""
    doc_entities = extracted["document_entities"]
    summaries = grouped(
        doc_entities, "id", lambda: _summarize, from_arrow_schema(_SUMMARY)
    ).localCheckpoint()
    keys = summaries.mapInArrow(_linking_keys, from_arrow_schema(_KEYS))
    found = grouped(
        block_rows(keys, summaries, "id"), "key", _block_redirects, from_arrow_schema(_REDIRECTS)
    )
    redirects = _resolved(found).localCheckpoint()
    roots = summaries.join(redirects, summaries["id"] == redirects["old"], "left").select(
        "id", "summary", F.coalesce(F.col("new"), F.col("id")).alias("_root")
    )
    roles = extracted["roles"]
    role_roots = roles.join(redirects, roles["entity_id"] == redirects["old"], "left").select(
        F.coalesce(F.col("new"), F.col("entity_id")).alias("_root"),
        F.struct(*[roles[c] for c in roles.columns]).alias("r"),
    )
    keyed = roots.select("_root", F.col("summary").alias("m")).unionByName(
        role_roots, allowMissingColumns=True
    )
    entities = grouped(
        keyed.join(roots.select(F.col("id").alias("_root")).distinct(), "_root"),
        "_root",
        lambda: _linked_entity,
        spark_schema(Entity),
    ).localCheckpoint()
    links = doc_entities.join(redirects, doc_entities["id"] == redirects["old"], "left").select(
        "doc_id",
        F.col("id").alias("local_id"),
        F.coalesce(F.col("new"), F.col("id")).alias("entity_id"),
    )
    events = extracted["events"]
    actor_ids = (
        events.select(
            "id",
            F.explode(F.concat(*(_entity_ids(side) for side in ("source", "target")))).alias("old"),
        )
        .where(F.col("old").isNotNull())
        .distinct()
    )
    looked = (
        actor_ids.join(redirects, "old", "left")
        .withColumn("new", F.coalesce(F.col("new"), F.col("old")))
        .join(entities.select(F.col("id").alias("new"), "country", "sector"), "new", "left")
        .groupBy("id")
        .agg(F.collect_list(F.struct("old", "new", "country", "sector")).alias("_links"))
    )
    relinked = (
        events.join(looked, "id", "left")
        .select(*spark_schema(Event).fieldNames(), "_links")
        .mapInArrow(_relink_events, spark_schema(Event))
    )
    return {
        "entities": entities,
        "entity_links": links,
        "mentions": _redirect(extracted["mentions"], "entity_id", redirects),
        "roles": _redirect(roles, "entity_id", redirects),
        "quotes": _redirect(extracted["quotes"], "speaker_entity_id", redirects),
        "events": relinked,
    }


# --- story events: pairs per block, components by joins, one task per component ---------------


def _dated(events: DataFrame, documents: DataFrame) -> DataFrame:
    return events.join(
        documents.select(F.col("id").alias("_doc_id"), F.col("published").alias("_published")),
        events["doc_id"] == F.col("_doc_id"),
        "left",
    ).drop("_doc_id")


def _report(row: dict[str, Any]) -> Any:
    from storyline.story.events import event_report

    published = row.pop("_published", None)
    row.pop("key", None)
    row.pop("_label", None)
    return event_report(from_dict(Event, row), published)


def _report_parts(row: dict[str, Any]) -> tuple[Any, frozenset[str]]:
    """A mention's report with its blocking keys and its words (``events.report_keys``,
    ``events.report_words``), and its keys."""
    from storyline.story.events import report_keys, report_words

    report = _report(row)
    keys = report_keys(report)
    return (report, keys, report_words(report)), keys


def _block_pairs(linked: Callable[[Any, Any], bool], split_by_words: bool) -> GroupFunction:
    """The linked pairs of one block (``blocking.block_pairs``), each member's built parts (the
    item, its keys and, to split a block too large, its words) read once per partition."""
    from storyline.story.blocking import block_pairs

    cache = RowCache(load, "id")

    def pairs(table: pa.Table) -> pa.Table:
        parts = cache.of(table)
        found = block_pairs(
            table.column("key")[0].as_py(),
            list(parts),
            lambda i: parts[i][1],
            lambda a, b: linked(parts[a][0], parts[b][0]),
            (lambda i: parts[i][2]) if split_by_words else None,
        )
        return pa.Table.from_pylist([{"a": a, "b": b} for a, b in found], schema=_PAIRS)

    return pairs


def _report_pairs() -> GroupFunction:
    """The linked pairs of one block of mentions, each mention's report made once per
    partition."""
    from storyline.story.events import reports_linked

    return _block_pairs(reports_linked, split_by_words=True)


def _merge_component(table: pa.Table) -> pa.Table:
    """The story events of one component of linked mentions (``events.merge_reports``)."""
    from storyline.story.events import merge_reports

    reports = [load(r)[0] for r in table.select(["built"]).to_pylist()]
    merged = [to_dict(s) for s in merge_reports(reports)]
    return pa.Table.from_pylist(merged, schema=arrow_schema(StoryEvent))


def story_events_job(events: DataFrame, documents: DataFrame) -> DataFrame:
    """Story events, as ``merge_events``: each mention's report and blocking keys made once in
    map tasks, the linked pairs of each block (the blocks of a partition in one call, each report
    unpickled once there), their connected components by rounds of shuffles, and the story events
    of each component (the components of a partition in one call)."""
    reports = built_items(_dated(events, documents), "id", _report_parts).localCheckpoint()
    pairs = grouped(members(reports), "key", _report_pairs, from_arrow_schema(_PAIRS))
    labels = connected_components(pairs)
    return grouped(
        labelled(reports.select("id", "built"), labels, "id"),
        "_label",
        lambda: _merge_component,
        spark_schema(StoryEvent),
    )


# --- stories: counts, pairs per block, components by joins, one task per component ------------

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


def _span_dates(table: pa.Table) -> pa.Table:
    """Of one story's story events, the first earliest and the first latest of their span dates,
    in the order a local run sees them (enough for ``story_record``: the same start and end)."""
    from storyline.story.stories import span_date, span_ends

    rows = table.to_pylist()
    own = sorted((from_dict(StoryEvent, r) for r in rows), key=story_event_order)
    values = [v for v in map(span_date, own) if v]
    start, end = span_ends(values)
    kept = (
        [values[i] for i in sorted({values.index(start), values.index(end)})]
        if start and end
        else []
    )
    return pa.Table.from_pylist([{"story_id": rows[0]["story_id"], "dates": kept}], schema=_SPANS)


_SPANS = pa.schema([pa.field("story_id", pa.string()), pa.field("dates", pa.list_(pa.string()))])


_STORY_PARTS = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("top", pa.list_(pa.string())),
        pa.field("fallback_label", pa.string()),
        pa.field("days", pa.list_(pa.string())),
        pa.field("doc_ids", pa.list_(pa.string())),
    ]
)


def _article_parts(n_docs: int) -> Callable[[dict[str, Any]], tuple[Any, frozenset[str]]]:
    """An article's features (``stories.article_features``) with its blocking keys
    (``stories.article_keys``), and its keys."""
    from storyline.story.stories import article_keys

    def parts(row: dict[str, Any]) -> tuple[Any, frozenset[str]]:
        features = _article_features(row, n_docs)
        keys = article_keys(features)
        return (features, keys), keys

    return parts


def _article_pairs() -> GroupFunction:
    """The linked pairs of one block of articles, each article's features read once per
    partition."""
    from storyline.story.stories import articles_linked

    return _block_pairs(articles_linked, split_by_words=False)


def _assign(table: pa.Table) -> pa.Table:
    """The stories of one component of linked articles (``stories.assign_component``)."""
    from storyline.story.stories import assign_component, label_names

    groups = assign_component(load(r)[0] for r in table.select(["built"]).to_pylist())
    rows = [
        {
            "id": g.id,
            "top": label_names(g),
            "fallback_label": g.members[0].fallback_label,
            "days": [m.published for m in g.members],
            "doc_ids": [m.doc_id for m in g.members],
        }
        for g in groups
    ]
    return pa.Table.from_pylist(rows, schema=_STORY_PARTS)


def _stories(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Story rows (``stories.story_from``) from their parts, the writing of their label's names
    and their story events' span dates."""
    from storyline.story.stories import story_from

    schema = arrow_schema(Story)
    for batch in batches:
        rows = []
        for r in batch.to_pylist():
            originals = {o["name"]: o["original"] for o in r["originals"] or ()}
            story = story_from(
                r["id"],
                r["top"],
                r["fallback_label"],
                r["days"],
                r["doc_ids"],
                originals,
                r["dates"] or (),
            )
            rows.append(to_dict(story))
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def stories_job(
    documents: DataFrame, events: DataFrame, quotes: DataFrame, story_events: DataFrame
) -> tuple[DataFrame, DataFrame]:
    """The stories and the story events stamped with theirs, as ``group_stories``: counts and
    document frequencies by Spark aggregations; each article's features and blocking keys made
    once in map tasks; the linked pairs of each block (the blocks of a partition in one call);
    their components by rounds of shuffles; each component's assignment (the components of a
    partition in one call); labels, stamps and spans by joins. Nothing but counts reaches the
    driver."""
    counts = story_counts(documents, events, quotes, story_events).localCheckpoint()
    n_docs = counts.count()
    features = built_items(
        _with_frequencies(counts), "doc_id", _article_parts(n_docs)
    ).localCheckpoint()
    pairs = grouped(members(features), "key", _article_pairs, from_arrow_schema(_PAIRS))
    labels = connected_components(pairs)
    parts = grouped(
        labelled(features.select("id", "built"), labels, "id"),
        "_label",
        lambda: _assign,
        from_arrow_schema(_STORY_PARTS),
    ).localCheckpoint()
    assignment = parts.select(F.col("id").alias("story_id"), F.explode("doc_ids").alias("doc_id"))
    # How a label's names were last written, in published order (the local run's rule).
    wanted = parts.select("id", F.posexplode("top").alias("pos", "name"))
    written = (
        counts.select(
            F.struct(F.coalesce(F.col("published"), F.lit("9999")), F.col("doc_id")).alias("at"),
            F.explode("originals").alias("o"),
        )
        .select("at", "o.name", "o.original")
        .join(wanted.select("name").distinct(), "name")
        .groupBy("name")
        .agg(F.max_by("original", "at").alias("original"))
    )
    originals = (
        wanted.join(written, "name")
        .groupBy("id")
        .agg(F.collect_list(F.struct("name", "original")).alias("originals"))
    )
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
        .localCheckpoint()
    )
    spans = grouped(
        stamped.where(F.col("story_id").isNotNull()),
        "story_id",
        lambda: _span_dates,
        from_arrow_schema(_SPANS),
    ).withColumnRenamed("story_id", "id")
    stories = (
        parts.join(originals, "id", "left")
        .join(spans, "id", "left")
        .mapInArrow(_stories, spark_schema(Story))
    )
    return stories, stamped


# --- timelines: one task per group of stories --------------------------------------------------


def _story_timeline(table: pa.Table) -> pa.Table:
    """One story's timeline from its own records, as ``story_timelines`` builds it: a row holds
    one of its story events (``s``), mention events (``e``), documents (``d``) or quotes (``q``)."""
    from storyline.story.timeline import build_timeline

    rows = table.to_pylist()
    own = sorted(
        (from_dict(StoryEvent, r["s"]) for r in rows if r["s"] is not None), key=story_event_order
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
    return grouped(keyed, "story_id", lambda: _story_timeline, spark_schema(TimelineEntry))


# --- passing references: one task per group of stories -----------------------------------------


def _story_references(table: pa.Table) -> pa.Table:
    """One story's reference links from its own records, as ``link_references`` makes them: a
    row holds one of its story events (``s``), mention events (``e``) or references (``r``)."""
    from storyline.story.references import story_links

    rows = table.to_pylist()
    own = sorted(
        (from_dict(StoryEvent, r["s"]) for r in rows if r["s"] is not None), key=lambda s: s.id
    )
    events = [from_dict(Event, r["e"]) for r in rows if r["e"] is not None]
    references = sorted(
        (from_dict(EventReference, r["r"]) for r in rows if r["r"] is not None),
        key=lambda r: r.id,
    )
    links = story_links(references, own, sorted(events, key=lambda e: e.id))
    return pa.Table.from_pylist([to_dict(x) for x in links], schema=arrow_schema(ReferenceLink))


def references_job(
    story_events: DataFrame, events: DataFrame, stories: DataFrame, references: DataFrame
) -> DataFrame:
    """Every reference's link, as ``link_references``: each story's story events, their mention
    events and its articles' references are keyed by story id by joins, grouped, and each
    group's links are made in an executor task."""
    own = story_events.where(F.col("story_id").isNotNull())
    mention_ids = own.select("story_id", F.explode("mention_ids").alias("id")).distinct()
    mentions = mention_ids.join(events, "id")
    assignment = stories.select(F.col("id").alias("story_id"), F.explode("doc_ids").alias("doc_id"))
    with_stories = assignment.join(own.select("story_id").distinct(), "story_id")
    refs = with_stories.join(references, "doc_id")
    parts = [
        own.select("story_id", F.struct(*[own[c] for c in own.columns]).alias("s")),
        mentions.select("story_id", F.struct(*events.columns).alias("e")),
        refs.select("story_id", F.struct(*references.columns).alias("r")),
    ]
    keyed = functools.reduce(lambda a, b: a.unionByName(b, allowMissingColumns=True), parts)
    return grouped(keyed, "story_id", lambda: _story_references, spark_schema(ReferenceLink))


# --- all the cross-document steps -------------------------------------------------------------

#: The cross-document steps, in order (``cross_document`` times each under these names).
CROSS_DOCUMENT_STEPS = ("entities", "story_events", "stories", "references", "timeline")


def cross_document(
    extracted: Mapping[str, DataFrame], timings: MutableMapping[str, float] | None = None
) -> dict[str, DataFrame]:
    """The cross-document tables from the per-document ones as extracted (``documents``,
    ``document_entities``, ``roles``, ``mentions``, ``quotes``, ``events``): ``entities``,
    ``entity_links``, the linked ``mentions``, ``roles``, ``quotes`` and ``events``,
    ``story_events``, ``stories``, ``reference_links`` (with ``event_references`` among the
    extracted) and ``timeline``, each step's output persisted. With
    ``timings``, each step is computed when it is reached and its seconds recorded there."""
    tables: dict[str, DataFrame] = {}

    def done(step: str, started: float, *frames: DataFrame) -> None:
        if timings is not None:
            for frame in frames:
                frame.count()
            timings[step] = time.perf_counter() - started

    started = time.perf_counter()
    linked = link_job(extracted)
    for name in ("entities", "events"):
        linked[name] = linked[name].localCheckpoint()
    tables.update(linked)
    done("entities", started, linked["entities"], linked["events"])

    started = time.perf_counter()
    documents, events = extracted["documents"], linked["events"]
    story_events = story_events_job(events, documents).localCheckpoint()
    done("story_events", started, story_events)

    started = time.perf_counter()
    stories, stamped = stories_job(documents, events, linked["quotes"], story_events)
    tables["stories"] = stories.localCheckpoint()
    tables["story_events"] = stamped
    done("stories", started, tables["stories"], stamped)

    started = time.perf_counter()
    tables["reference_links"] = references_job(
        stamped, events, tables["stories"], extracted["event_references"]
    ).localCheckpoint()
    done("references", started, tables["reference_links"])

    started = time.perf_counter()
    tables["timeline"] = timelines_job(
        stamped, events, documents, linked["quotes"]
    ).localCheckpoint()
    done("timeline", started, tables["timeline"])
    return tables
