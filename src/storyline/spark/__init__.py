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
3. cross-document steps (``jobs.cross_document``), calling the same pure functions as a local run
   (``storyline.story``), laid out by blocking (``storyline.story.blocking``, ``blocks``): each
   item built once (a mention's report, an article's features) with its keys in map tasks, the
   blocks of two members or more brought together by a join, the pairs of the blocks of each
   partition found in one call (``groups.grouped``: rows sorted by block, each built item
   unpickled once per partition), the connected components of the pairs by iterative rounds of
   shuffles, and the components of each partition in one call. No step brings per-article data
   to the driver; each step's output is materialized (``localCheckpoint``) before the next.

   - entity linking (``link_job``): one summary per entity id (``entities.summarize``), the
     redirects of each block of ``entities.linking_keys`` (a person in the block of each word of
     its names, an acronym in its own), chains followed by repeated joins, one task per linked
     entity; the redirects become ``entity_links`` and are applied to mentions, roles, quotes
     and event actors by joins (what the local store's views do on reading).
   - story events (``story_events_job``): mentions keyed by ``events.report_keys``, the linked
     pairs of each block (``events.reports_linked``), components, and ``events.merge_reports``
     per component.
   - stories (``stories_job``): each article's counts in map tasks and the document frequencies
     by a Spark aggregation; each article's features keyed by ``stories.article_keys``, the
     linked pairs of each block (``stories.articles_linked``), components, and
     ``stories.assign_component`` per component; story ids of story events (majority of their
     articles), spans and the writing of label names by joins.
   - timelines (``timelines_job``): each story's story events, their mention events, the
     articles of both and those articles' quotes are keyed by story id by joins and grouped;
     ``build_timeline`` runs per story, the stories of a partition in one call.
   - references (``references_job``): each story's story events, their mention events, its
     articles' references keyed by story id; ``references.story_links`` per story.

Modules: ``session`` (the session, schemas and summary), ``read`` (step 1), ``analyse``
(step 2), ``jobs`` (step 3), ``blocks`` (blocking and components on Spark), ``groups``
(grouped maps in one call per partition), ``run``
(``run_spark`` and ``main``) and ``__main__`` (the script spark-submit runs). Only this package
imports pyspark.
"""

from __future__ import annotations

from storyline.spark.run import main, run_spark
from storyline.spark.session import SparkSummary, result_schema, session, spark_schema

__all__ = ["SparkSummary", "main", "result_schema", "run_spark", "session", "spark_schema"]
