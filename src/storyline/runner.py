"""A local run: read inputs, analyse each new document, store it, then rebuild the story tables.

Reads: input files (through ``storyline.ingest``). Writes: the DuckDB store. Work is committed every
``store.commit_every`` documents, so a killed run loses at most the batch in flight and the next run
over the same inputs skips what is stored and finishes the job. A batch the store refuses is
written again document by document: a document that still cannot be written becomes a failure row
(stage "store") and the others are stored. The same text under a second id is stored once, and the
second id gets a failure row (stage "duplicate") naming the document that holds it.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyline.errors import StoreError
from storyline.ingest import read_inputs, to_document
from storyline.pipeline import build_nlp, process
from storyline.records import (
    Document,
    DocumentEntity,
    Entity,
    EntityLink,
    Event,
    EventReference,
    Failure,
    Quote,
    ReferenceLink,
    Role,
    Story,
    StoryEvent,
    TimelineEntry,
)
from storyline.registry import DocResult
from storyline.settings import Settings
from storyline.store import Store

#: Called after each committed batch with (documents stored so far, failures so far).
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a run did, for the one summary line."""

    read: int  # articles read from the inputs
    stored: int  # new documents stored
    skipped: int  # documents already in the database (or repeated in the inputs)
    failures: int  # failure rows written by this run
    words: int  # whitespace-separated words of the stored documents
    seconds: float

    def line(self) -> str:
        rate = self.words / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.read} articles read: {self.stored} stored, {self.skipped} already stored, "
            f"{self.failures} failures; {self.words:,} words in {self.seconds:.1f} s "
            f"({rate:,.0f} words/s)"
        )


def run(
    paths: Sequence[str | Path],
    db: str | Path,
    settings: Settings,
    published: str | None = None,
    progress: Progress | None = None,
    nlp: Language | None = None,
) -> RunSummary:
    """Process input files into the database at ``db`` and rebuild the cross-document tables."""
    started = time.perf_counter()
    items = read_inputs(paths, settings.ingest, published=published)
    with Store.open(db) as store:
        counter = _Counter()
        documents = _new_documents(store, items, counter)
        model = nlp if nlp is not None else build_nlp(settings)
        for batch in _batches(process(model, documents, settings), settings.store.commit_every):
            _commit(store, batch, counter.take_failures(), counter)
            checkpoint(f"batch:{counter.batches}")
            if progress:
                progress(counter.stored, counter.failures)
        leftover = counter.take_failures()
        if leftover:
            counter.failures += _write_failures(store, leftover)
        rebuild_story_tables(store)
    return RunSummary(
        read=counter.read,
        stored=counter.stored,
        skipped=counter.skipped,
        failures=counter.failures,
        words=counter.words,
        seconds=time.perf_counter() - started,
    )


class _Counter:
    """Run-local tallies, and read failures waiting for the next commit."""

    def __init__(self) -> None:
        self.read = self.stored = self.skipped = self.failures = self.words = 0
        self.batches = 0  # batches committed
        self.pending: list[Failure] = []
        self.seen: dict[str, str] = {}  # document id -> external id, for this run's documents

    def take_failures(self) -> list[Failure]:
        out, self.pending = self.pending, []
        return out


def _new_documents(store: Store, items: Iterable[Any], counter: _Counter) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Failure):
            counter.pending.append(item)
            continue
        counter.read += 1
        document = to_document(item)
        if isinstance(document, Failure):
            counter.pending.append(document)
            continue
        first = counter.seen.get(document.id) or _stored_external_id(store, document.id)
        if first is not None:
            counter.skipped += 1
            if first != document.external_id:
                counter.pending.append(_duplicate(item.input, document, first))
            continue
        counter.seen[document.id] = document.external_id
        yield document


def _stored_external_id(store: Store, doc_id: str) -> str | None:
    rows = store.sql("SELECT external_id FROM documents WHERE id = ?", [doc_id])
    return str(rows[0]["external_id"]) if rows else None


def _duplicate(input: str, document: Document, first: str) -> Failure:
    """The row that keeps a second copy of a text visible: its own metadata was not stored."""
    reason = (
        f"same text as document {document.id}, stored under the id {first!r}: stored once, with "
        "that copy's title, date and source; this copy's were not kept"
    )
    return Failure(input, document.external_id, "duplicate", reason)


def _batches(results: Iterable[DocResult], size: int) -> Iterator[list[DocResult]]:
    batch: list[DocResult] = []
    for result in results:
        batch.append(result)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _commit(
    store: Store, batch: list[DocResult], failures: list[Failure], counter: _Counter
) -> None:
    """Write a batch in one transaction; if the store refuses it, document by document.
    ``failures`` are the read failures waiting to be written with it."""
    try:
        store.write_batch(batch, failures)
    except StoreError:
        # One document the store cannot take (a value that does not fit its column, say) must not
        # lose the others or the batch's failure rows: write them one by one instead.
        _commit_one_by_one(store, batch, failures, counter)
        failures, batch = [], []  # counted by _commit_one_by_one
    counter.stored += len(batch)
    counter.batches += 1
    counter.failures += len(failures) + sum(len(r.failures) for r in batch)
    counter.words += sum(len(r.document.text.split()) for r in batch)


def _commit_one_by_one(
    store: Store, batch: list[DocResult], failures: list[Failure], counter: _Counter
) -> None:
    """Each document of a refused batch in its own transaction; one that is refused again becomes
    a "store" failure row. Raises StoreError only when not even a failure row can be written."""
    refused: list[Failure] = []
    for r in batch:
        try:
            store.write_batch([r])
        except StoreError as err:
            reason = f"cannot store this document (nothing of it was stored): {err}"
            external_id = r.document.external_id
            refused.append(_storable(Failure(external_id, external_id, "store", reason)))
            continue
        counter.stored += 1
        counter.failures += len(r.failures)
        counter.words += len(r.document.text.split())
    counter.failures += _write_failures(store, [*failures, *refused])


def _write_failures(store: Store, rows: list[Failure]) -> int:
    """Store failure rows; one the store refuses is made storable. Returns how many were written."""
    try:
        store.add_failures(rows)
    except StoreError:
        for row in rows:
            try:
                store.add_failures([row])
            except StoreError:
                store.add_failures([_storable(row)])  # raises when the store takes nothing at all
    return len(rows)


def _storable(failure: Failure) -> Failure:
    """A failure row with every character UTF-8 cannot hold written as a backslash escape."""

    def clean(value: str) -> str:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")

    external_id = None if failure.external_id is None else clean(failure.external_id)
    return Failure(clean(failure.input), external_id, failure.stage, clean(failure.reason))


#: The environment variable naming a checkpoint at which the process kills itself (a test hook for
#: the fault-injection tests: ``batch:N`` after the N-th committed batch, ``rebuild:STEP`` inside
#: the rebuild of the cross-document tables). Unset in normal use.
FAULT_ENV = "STORYLINE_FAULT_AT"


def checkpoint(name: str) -> None:
    """Die here, as ``kill -9`` would, when the fault-injection hook names this checkpoint."""
    if os.environ.get(FAULT_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


#: The steps of the rebuild, in order, each a checkpoint named ``rebuild:<step>`` after it.
REBUILD_STEPS = ("read", "entities", "story_events", "stories", "references", "timeline", "written")


def rebuild_story_tables(store: Store) -> None:
    """Recompute the cross-document tables (entities and links, story events, stories, timeline)
    from the per-document records as extracted, in one transaction: a pure function of the stored
    documents, whatever the run history, and a kill at any step leaves the previous tables."""
    from storyline.story.entities import entity_links, link_entities
    from storyline.story.events import merge_events
    from storyline.story.references import link_references
    from storyline.story.stories import group_stories
    from storyline.story.timeline import story_timelines

    with store.transaction("rebuild the cross-document tables"):
        doc_entities = list(store.records(DocumentEntity, order="doc_id, id"))
        roles = list(store.records(Role, order='doc_id, start, "end", entity_id', extracted=True))
        checkpoint("rebuild:read")
        entities, redirects = link_entities((d.as_entity() for d in doc_entities), roles)
        store.replace(Entity, entities)
        store.replace(EntityLink, entity_links(doc_entities, redirects))
        checkpoint("rebuild:entities")

        # Read through the new links (this transaction sees its own writes).
        documents = list(store.records(Document, order="published NULLS LAST, id"))
        events = list(store.records(Event, order="doc_id, trigger.start, id"))
        quotes = list(store.records(Quote, order="doc_id, start, id"))
        story_events = merge_events(events, documents)
        checkpoint("rebuild:story_events")
        stories, story_events = group_stories(documents, events, story_events, quotes)
        checkpoint("rebuild:stories")
        references = list(store.records(EventReference, order="doc_id, id"))
        reference_links = link_references(references, story_events, events, stories)
        checkpoint("rebuild:references")
        timeline = story_timelines(stories, story_events, events, documents, quotes)
        checkpoint("rebuild:timeline")
        store.replace(StoryEvent, story_events)
        store.replace(ReferenceLink, reference_links)
        store.replace(Story, stories)
        store.replace(TimelineEntry, timeline)
        checkpoint("rebuild:written")
