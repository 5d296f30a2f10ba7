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

Modules: ``session`` (the session, schemas and summary), ``read`` (step 1), ``analyse``
(step 2), ``jobs`` (step 3), ``run`` (``run_spark`` and ``main``) and ``__main__`` (the
script spark-submit runs). Only this package imports pyspark.
"""

from __future__ import annotations

from storyline.spark.run import main, run_spark
from storyline.spark.session import SparkSummary, result_schema, session, spark_schema

__all__ = ["SparkSummary", "main", "result_schema", "run_spark", "session", "spark_schema"]
